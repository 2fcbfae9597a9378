"""Plain HTTP routes beside the Dash page: chart embeds, their files, and downloads.

Thin like the callbacks: read the link into a `ViewQuery`, ask `components.chart_spec` and
`data.export` for the answer, return it. A link never answers 500: its query is read leniently
(what it could not take is named), and an unknown chart is a 404 in both languages.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from dash import Dash
from dash.exceptions import DependencyException
from flask import Response, abort, request, send_file
from plotly.utils import PlotlyJSONEncoder

from callbacks.common import app_root, repository
from components.chart_spec import (
    ChartSpec,
    chart_overview,
    chart_spec,
    demo_notice,
    image_figure,
)
from components.chart_tables import EMBEDS, chart_table, compare_table, one_list_table
from components.embed_page import EmbedAssets, embed_html, person_embed_html
from components.i18n import fmt_date, t
from components.layout import PAGES
from components.map import MapAssets
from components.not_found import not_found_html
from components.person import person_views
from components.provenance import pair_labels, source_labels, sources_sentence
from data.compare import compare_lists
from data.dataset import Dataset
from data.export import case_rows, csv_bytes
from data.person import person_index
from data.query import filter_options
from data.view_query import LANGUAGES, ViewQuery, person_key

ROOT = Path(__file__).resolve().parent.parent
# plotly.js with only the traces our figures use (tools/plotly-bundle builds it): every page
# draws with it, the dashboard (from assets/) as the embeds.
PLOTLY_BUNDLE = ROOT / "assets" / "plotly-bundle.min.js"
# The embed page's own files, by the name the page asks for.
EMBED_FILES = {
    "page.css": ROOT / "assets" / "embed" / "embed-page.css",
    "page.js": ROOT / "assets" / "embed" / "embed-page.js",
    "plotly-locale-ru.js": ROOT / "assets" / "plotly-locale-ru.js",
    PLOTLY_BUNDLE.name: PLOTLY_BUNDLE,
}
# Names embed pages once asked for: a page cached before the bundle (a CDN keeps one for
# CACHE_SECONDS) still draws.
EMBED_FILE_ALIASES = {"plotly.min.js": PLOTLY_BUNDLE.name}
HOST_SCRIPT = ROOT / "assets" / "embed" / "host.js"
# The only responses another site may put in a frame (app.py sets frame-ancestors by them).
FRAMEABLE_ENDPOINTS = frozenset({"embed", "embed_person"})
CACHE_SECONDS = 300  # a news spike hits the same embed again and again; the data changes rarely


def _view(app: Dash) -> tuple[Dataset, ViewQuery]:
    dataset = repository(app).current()
    query = request.query_string.decode("utf-8", "replace")
    return dataset, ViewQuery.parse(query).within(filter_options(dataset))


def view_url(app: Dash, query: str, page: str = "") -> str:
    """The absolute link to the full view of `query` on `page` ("" the overview, "compare"),
    from callbacks.common.app_root."""
    return app_root(app) + page + "?" + query


def raw_path() -> str:
    """The request's path as the browser sent it ('/person/a%2Fb/..'), "" where the server does
    not give the raw request line (gunicorn and werkzeug do): Flask's decoded path has lost
    which slashes were an id's own."""
    raw = request.environ.get("RAW_URI") or request.environ.get("REQUEST_URI") or ""
    # WSGI hands the raw line over as latin-1 text: a UTF-8 path a client did not encode
    # (curl) is turned back into its characters.
    return raw.encode("latin-1", "replace").decode("utf-8", "replace").split("?", 1)[0]


def _person_path(decoded: str) -> str:
    """The person part of an embed's path as the browser sent it ('person/a%2Fb/..'), from
    `raw_path`, else from Flask's `decoded` one."""
    raw = raw_path()
    marker = "/embed/person/"
    if marker in raw:
        return "/person/" + raw.split(marker, 1)[1]
    # No raw line: each segment of the decoded path quoted again, so person_key's unquoting
    # gives it back as it was (an id with a slash cannot be told apart here).
    return "/person/" + "/".join(quote(part, safe="") for part in decoded.split("/"))


def header_block(
    spec: ChartSpec,
    dataset: Dataset,
    view: ViewQuery,
    view_link: str,
    title: str | None = None,
) -> list[tuple[str, str]]:
    """What a downloaded table says of itself before its first row (PRODUCT.md, Downloads):
    what it is, the selection in words, the source, the as-of date, the link to the view, what
    the link asked for in vain, and first of all that the records are invented, when they are."""
    lang = spec.lang
    rows = [
        (t("download.title", lang), title or spec.title),
        (t("download.selection", lang), spec.subtitle),
        (t("download.source", lang), sources_sentence(dataset, lang)),
        (t("download.as_of", lang), fmt_date(dataset.as_of, lang) if dataset.as_of else ""),
        (t("download.view", lang), view_link),
    ]
    if view.ignored:
        rows.append((t("download.ignored", lang), ", ".join(view.ignored)))
    if spec.demo:
        rows.insert(0, (t("download.demo", lang), spec.demo))
    return rows


def _attachment(body: bytes, name: str, content_type: str) -> Response:
    response = Response(body, content_type=content_type)
    response.headers["Content-Disposition"] = (
        f"attachment; filename=\"{name}\"; filename*=UTF-8''{quote(name)}"
    )
    response.headers["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    return response


def register(app: Dash) -> None:
    server = app.server
    assets = MapAssets.of(app)
    # Dash's own route for every page path: it would answer any path at all with the dashboard.
    page_endpoint = f"{app.config.routes_pathname_prefix}<path:path>"
    static = app.get_relative_path("/embed/static/")

    def spec_of(chart: str):
        if chart not in EMBEDS:
            abort(404)
        dataset, view = _view(app)
        return dataset, view, chart_spec(chart, dataset, view, assets)

    def reader_language() -> str:
        """?lang= when the link says it, else the browser's preference, else Russian."""
        asked = request.args.get("lang")
        if asked in LANGUAGES:
            return asked
        return request.accept_languages.best_match(LANGUAGES) or LANGUAGES[0]

    @server.before_request
    def only_pages_that_exist() -> None:
        """A path that is none of the pages, nor a person on the lists, is a 404: Dash would
        answer it with the dashboard (and a 200 that a search engine or a link checker keeps)."""
        if request.endpoint != page_endpoint:
            return
        # The path under the app's routes (a proxy may mount it deeper: Dash's requests prefix),
        # as sent: a person's id may hold a '/' of its own, percent-encoded.
        prefix = app.config.routes_pathname_prefix
        raw = raw_path()
        sent = raw if raw.startswith(prefix) else request.path
        path = "/" + sent[len(prefix) :].strip("/") if sent.startswith(prefix) else sent
        if path in PAGES:
            return
        key = person_key(path)
        if key and key in person_index(repository(app).current()):  # the page's own lookup
            return
        abort(404)

    @server.errorhandler(404)
    def not_found(_error: Exception) -> tuple[Response, int]:
        """A page the reader asked for: the 404 page in their language. A file, an embed or a
        download (read by a frame or a script): what was not found, in both languages, as plain
        text: a person's card, a chart (with the charts there are), or any other file."""
        path = request.path
        if request.endpoint in (None, page_endpoint):
            page = not_found_html(reader_language(), app.get_relative_path("/"))
            return Response(page, content_type="text/html; charset=utf-8"), 404
        if path.startswith("/embed/person/"):
            key, extra = "person.not_found", {}
        elif path.startswith(("/embed/", "/download/")):
            key, extra = "embed.not_found", {"charts": ", ".join(EMBEDS)}
        else:
            key, extra = "error.not_found", {}
        text = "\n".join(t(key, lang, **extra) for lang in LANGUAGES)
        return Response(text, content_type="text/plain; charset=utf-8"), 404

    @server.errorhandler(DependencyException)
    def no_such_component_file(_error: Exception) -> tuple[Response, int]:
        """Dash's own files: a name it does not have was a 500 listing every file it has."""
        return not_found(_error)

    @server.route("/embed/<chart>")
    def embed(chart: str) -> Response:
        _dataset, view, spec = spec_of(chart)
        page = embed_html(
            spec,
            EmbedAssets(static=static, topojson=assets.topojson),
            view_url(app, spec.query, spec.page),
            view.ignored,
        )
        response = Response(page, mimetype="text/html")
        response.headers["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
        return response

    @server.route("/embed/person/<path:person>")
    def embed_person(person: str) -> Response:
        """A person's card for an article; 404 (in both languages) for nobody."""
        dataset, view = _view(app)
        path = _person_path(person)
        views = person_views(dataset, path, view.lang)
        if not views:
            abort(404)
        root = app_root(app)
        page = person_embed_html(
            views,
            view.lang,
            EmbedAssets(static=static, topojson=assets.topojson),
            f"{root}{views[0].path}?lang={view.lang}",
            demo_notice(dataset, view.lang),
        )
        response = Response(page, mimetype="text/html")
        response.headers["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
        return response

    @server.route("/embed/static/<name>")
    def embed_file(name: str) -> Response:
        name = EMBED_FILE_ALIASES.get(name, name)
        if name not in EMBED_FILES:
            abort(404)
        return send_file(EMBED_FILES[name], max_age=86400)

    @server.route("/favicon.ico")
    def favicon() -> Response:
        """Where a browser looks for the icon of a page that names none (an embed, the 404
        page): Dash's own icon, instead of a 404 in every embed's console."""
        return server.view_functions[f"{app.config.routes_pathname_prefix}_favicon.ico"]()

    @server.route("/embed.js")
    def host_script() -> Response:
        return send_file(HOST_SCRIPT, mimetype="text/javascript", max_age=3600)

    @server.route("/download/cases.csv")
    def cases_csv() -> Response:
        dataset, view = _view(app)
        spec = chart_spec("counters", dataset, view, assets)
        title = t(f"download.cases_title_{view.filters.unit}", view.lang)
        header = header_block(spec, dataset, view, view_url(app, spec.query), title)
        body = csv_bytes(case_rows(dataset, view.filters), header)
        name = spec.file_stem.replace("counters", "cases", 1) + ".csv"
        return _attachment(body, name, "text/csv; charset=utf-8")

    @server.route("/download/<chart>.csv")
    def chart_csv(chart: str) -> Response:
        dataset, view, spec = spec_of(chart)
        header = header_block(spec, dataset, view, view_url(app, spec.query, spec.page))
        if chart == "compare":
            comparison = compare_lists(dataset, view.filters)
            if comparison is None:
                abort(404)
            names = pair_labels(dataset, (comparison.left, comparison.right), view.lang)
            table = compare_table(comparison, view.lang, names)
        else:
            result = chart_overview(chart, dataset, view.filters)
            table = chart_table(
                chart, result, view.lang, view.filters, source_labels(dataset, view.lang)
            )
        body = csv_bytes(table, header)
        return _attachment(body, spec.file_stem + ".csv", "text/csv; charset=utf-8")

    @server.route("/download/compare_<side>.csv")
    def compare_persons_csv(side: str) -> Response:
        """The persons on one of the two lists only (side: left or right)."""
        dataset, view, spec = spec_of("compare")
        comparison = compare_lists(dataset, view.filters)
        if comparison is None or side not in ("left", "right"):
            abort(404)
        source = comparison.left if side == "left" else comparison.right
        people = comparison.only_left_persons if side == "left" else comparison.only_right_persons
        name = pair_labels(dataset, (source, source), view.lang)[0]
        title = t("compare.only_list", view.lang, list=name, n=len(people))
        header = header_block(spec, dataset, view, view_url(app, spec.query, spec.page), title)
        body = csv_bytes(one_list_table(people, view.lang), header)
        stem = spec.file_stem.replace("compare", f"only_{source}", 1)
        return _attachment(body, f"{stem}.csv", "text/csv; charset=utf-8")

    @server.route("/download/<chart>.figure.json")
    def chart_image_figure(chart: str) -> Response:
        """The figure of a PNG/SVG download, drawn into an image by the browser
        (assets/downloads.js): title, selection, legend and source inside the picture."""
        _dataset, _view_query, spec = spec_of(chart)
        body = {"figure": image_figure(spec), "filename": spec.file_stem}
        response = Response(json.dumps(body, cls=PlotlyJSONEncoder), mimetype="application/json")
        response.headers["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
        return response
