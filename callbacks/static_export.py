"""`python app.py export-embeds URL... --out DIR`: embed pages as static files.

For a news spike: a static host or CDN serves the files with no app behind them. Each page is
what /embed/<chart> serves (the same spec, template and figure), with its files beside it:
plotly.js (the app's bundle of only the traces it draws), the page's style and script, and
the map geometry in a script that fills plotly's geometry cache before the chart is drawn, so
nothing is fetched, and the page draws even from disk (file://), where a browser refuses to
fetch files.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from dash import Dash
from flask import g

from callbacks.common import PUBLIC_URL_KEY, repository
from callbacks.routes import EMBED_FILES, ROOT, view_url
from components.chart_spec import chart_spec
from components.chart_tables import EMBEDS
from components.embed_page import EmbedAssets, embed_html
from components.map import MapAssets
from data.query import filter_options
from data.view_query import ViewQuery

STATIC = "static/"
GEOMETRY = "geometry.js"
# plotly's base map (the topojson the geo subplot loads first), by plotly's name for it.
TOPOJSON = {"world_110m": ROOT / "assets" / "topojson" / "world_110m.json"}


class ExportError(ValueError):
    """A URL that is not an embed's: said with the URL, nothing written for it."""


def geometry_script(assets: MapAssets) -> str:
    """Fills window.PlotlyGeoAssets, plotly's own cache of geometry by URL, so the figure's
    geometry URLs are never fetched."""
    files = {
        assets.regions: ROOT / "assets" / "geo" / "regions.geojson",
        assets.tiles: ROOT / "assets" / "geo" / "tiles.geojson",
    }
    lines = [
        "/* Map geometry for static embed pages: Made with Natural Earth. */",
        "window.PlotlyGeoAssets = window.PlotlyGeoAssets || {};",
        "window.PlotlyGeoAssets.topojson = window.PlotlyGeoAssets.topojson || {};",
    ]
    for name, path in TOPOJSON.items():
        lines.append(f"window.PlotlyGeoAssets.topojson[{json.dumps(name)}] = {path.read_text()};")
    for url, path in files.items():
        lines.append(f"window.PlotlyGeoAssets[{json.dumps(url)}] = {path.read_text()};")
    return "\n".join(lines) + "\n"


def _chart_of(url: str) -> str:
    parts = [p for p in urlsplit(url).path.split("/") if p]
    if len(parts) < 2 or parts[-2] != "embed" or parts[-1] not in EMBEDS:
        raise ExportError(f"{url}: not an embed URL (expected /embed/<{'|'.join(EMBEDS)}>?...)")
    return parts[-1]


def export_embeds(app: Dash, urls: list[str], out: Path, base_url: str | None = None) -> list[Path]:
    """Write a static page for each embed URL into `out`, with the files they share in
    `out/static/`; returns the pages written. The link back to the full view points at
    `base_url` (default: the app's PUBLIC_URL, else the host each URL names); a bare path with
    neither is refused, since its links would lead nowhere a reader can go."""
    charts = [_chart_of(url) for url in urls]  # every URL checked before anything is written
    if base_url and not base_url.lower().startswith(("http://", "https://")):
        raise ExportError(f"--base-url {base_url}: not an http(s) address")
    for url in urls:
        if not (base_url or app.server.config.get(PUBLIC_URL_KEY) or urlsplit(url).netloc):
            raise ExportError(
                f"{url}: a path without a host; give --base-url (or PUBLIC_URL) so that the "
                "pages link to where readers can reach the dashboard"
            )
    static = out / STATIC
    static.mkdir(parents=True, exist_ok=True)
    for name, path in EMBED_FILES.items():
        shutil.copyfile(path, static / name)
    assets = MapAssets.of(app)
    (static / GEOMETRY).write_text(geometry_script(assets), encoding="utf-8")
    embed_assets = EmbedAssets(
        static=STATIC, topojson=STATIC + "topojson/", preload=(STATIC + GEOMETRY,)
    )
    written = []
    for url, chart in zip(urls, charts, strict=True):
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}" if parts.netloc else "http://localhost"
        # A full URL names where the app is, mount path included: what comes before /embed/.
        named = host + parts.path.rsplit("/embed/", 1)[0] + "/" if parts.netloc else None
        with app.server.test_request_context(parts.path, base_url=host, query_string=parts.query):
            root = base_url or app.server.config.get(PUBLIC_URL_KEY) or named
            if root:
                g.setdefault(PUBLIC_URL_KEY, root)
            dataset = repository(app).current()
            view = ViewQuery.parse(parts.query).within(filter_options(dataset))
            spec = chart_spec(chart, dataset, view, assets)
            page = embed_html(
                spec, embed_assets, view_url(app, spec.query, spec.page), view.ignored
            )
        path = _page_path(out, f"{spec.file_stem}_{view.lang}", spec.query, written)
        path.write_text(page, encoding="utf-8")
        written.append(path)
    return written


def _page_path(out: Path, stem: str, query: str, taken: list[Path]) -> Path:
    """A page's file: its readable name, or, where two views shorten to one name (a long list
    of regions, two map views), that name with a few characters of its query's hash."""
    path = out / f"{stem}.html"
    if path in taken:
        path = out / f"{stem}_{hashlib.sha1(query.encode()).hexdigest()[:8]}.html"
    return path
