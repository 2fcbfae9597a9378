"""The embed page: one chart alone, for an iframe in someone else's article.

Plain HTML with plotly.js, not a Dash page: it has nothing to call back about, loads a fraction
of the dashboard, and the same page can be saved as static files (`python app.py export-embeds`)
that any static host or CDN serves. Everything from the data is escaped by Jinja; the figure goes
in as JSON inside a <script type="application/json"> that is never executed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import plotly.utils
from jinja2 import Environment
from markupsafe import Markup

from components.chart_spec import ChartSpec, embed_figure
from components.charts import graph_config
from components.i18n import t
from components.person import TITLE_NAME_LIMIT
from data.loader import clipped


@dataclass(frozen=True)
class EmbedAssets:
    """Where the embed page finds its files: the app's routes, or files beside a static export.
    `preload` are scripts that must run before the chart is drawn (a static export's geometry)."""

    static: str  # a folder URL ending in "/": page.css, page.js, plotly-bundle.min.js, locale
    topojson: str  # plotly's base map folder
    preload: tuple[str, ...] = ()


_TEMPLATE = Path(__file__).with_name("templates") / "embed.html"
_ENV = Environment(autoescape=True, trim_blocks=True)
_PAGE = _ENV.from_string(_TEMPLATE.read_text(encoding="utf-8"))


def _script_json(value: object) -> str:
    """JSON that cannot end its <script> element early (a region name with '</script>')."""
    text = json.dumps(value, cls=plotly.utils.PlotlyJSONEncoder, ensure_ascii=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def embed_config(lang: str, topojson: str) -> dict:
    """plotly's config in an embed: hover stays, the modebar goes (it covered the chart on a
    phone), the base map is our own."""
    return {
        **graph_config(lang),
        "displayModeBar": False,
        "scrollZoom": False,
        "topojsonURL": topojson,
    }


def embed_html(
    spec: ChartSpec, assets: EmbedAssets, view_url: str, ignored: tuple[str, ...] = ()
) -> str:
    """The whole embed page. `view_url` is the absolute link to the full view; `ignored` names
    what the embed's link asked for in vain."""
    figure_json = None
    if spec.figure:
        figure = embed_figure(spec)
        figure["config"] = embed_config(spec.lang, assets.topojson)
        figure_json = _script_json(figure)
    notice = t("link.ignored", spec.lang, items=", ".join(ignored)) if ignored else ""
    return _PAGE.render(
        spec=spec,
        assets=assets,
        site=t("app.short_title", spec.lang),
        view_url=view_url,
        link_text=t("embed.open_full", spec.lang),
        show_table=t("table_view.show", spec.lang),
        empty_table=t("table_view.empty", spec.lang),
        notice=notice,
        figure_json=Markup(figure_json) if figure_json else None,
    )


_PERSON = _ENV.from_string((_TEMPLATE.parent / "person.html").read_text(encoding="utf-8"))


def person_embed_html(
    views: tuple, lang: str, assets: EmbedAssets, view_url: str, demo: str
) -> str:
    """A person's card as an embed: the same words as their page (components/person.py)."""
    return _PERSON.render(
        lang=lang,
        title=clipped(views[0].name, TITLE_NAME_LIMIT) if views else t("person.not_found", lang),
        views=views,
        demo=demo,
        static=assets.static,
        letters=t("person.letters", lang),
        letters_note=t("person.letters_note", lang),
        source_card=t("person.source_card", lang),
        view_url=view_url,
        link_text=t("person.open_full", lang),
    )
