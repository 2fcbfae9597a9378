"""The page: a static shell, and the language-dependent page rendered into it.

The shell holds only what must survive a language switch (the URL and the filter memory); the rest
is rebuilt in the chosen language with the same filters, so switching never loses a selection.
"""

from __future__ import annotations

from dataclasses import replace

import dash_bootstrap_components as dbc
from dash import dcc, html

from components import ids
from components.chart_spec import source_line
from components.chart_table_view import table_switch
from components.charts import chart_figure
from components.compare import compare_page
from components.counters import counter_row
from components.figures.timeline import timeline_title
from components.filters import filter_panel, granularity_switch
from components.history import history_page
from components.i18n import t
from components.map import MapAssets, map_section
from components.person import TITLE_NAME_LIMIT, PersonView, person_page, person_views
from components.provenance import source_labels, sources_sentence
from components.share import chart_tools, download_links, embed_dialog
from components.status import status_page
from components.table import persons_table
from data.dataset import Dataset, LoadReport
from data.filters import FilterState
from data.loader import clipped
from data.query import filter_options
from data.view_query import LANGUAGES, TableState, ViewQuery, person_key


def shell() -> html.Div:
    return html.Div(
        [
            dcc.Location(id=ids.URL, refresh=False),
            dcc.Store(id=ids.VIEW_SHOWN, storage_type="memory", data=""),
            dcc.Store(id=ids.DOCUMENT_META, storage_type="memory"),
            html.Div(id=ids.PAGE),
        ],
    )


DEFAULT_ASSETS = MapAssets()  # an app served at the root; create_app passes its own
PAGES = {
    "/": "nav.overview",
    "/compare": "nav.compare",
    "/history": "nav.history",
    "/status": "nav.status",
}


def view_links(view: ViewQuery, home: str = "/") -> dict[str, str]:
    """Link id -> href: each language link and each page link keeps the whole view (filters,
    table), so switching the language or the page never loses a selection; every download
    is of the view. `home` is the app's root path (with the path it is mounted under)."""
    hrefs = {ids.LANG_LINK[code]: "?" + replace(view, lang=code).to_query() for code in LANGUAGES}
    query = view.to_query()
    hrefs.update({ids.NAV_PAGE_LINK[p]: f"{home}{p.lstrip('/')}?{query}" for p in PAGES})
    hrefs.update(download_links(view))
    return hrefs


def navbar(lang: str, path: str, view: ViewQuery | None = None, home: str = "/") -> html.Header:
    hrefs = view_links(view or ViewQuery(lang=lang), home)
    languages = [
        dcc.Link(
            code.upper(),
            href=hrefs[ids.LANG_LINK[code]],
            id=ids.LANG_LINK[code],
            className="lang-link" + (" active" if code == lang else ""),
            title={"ru": "Русский", "en": "English"}[code],
        )
        for code in LANGUAGES
    ]
    pages = [
        dcc.Link(
            t(key, lang),
            href=hrefs[ids.NAV_PAGE_LINK[page_path]],
            id=ids.NAV_PAGE_LINK[page_path],
            className="nav-page" + (" active" if page_path == path else ""),
        )
        for page_path, key in PAGES.items()
    ]
    return html.Header(
        dbc.Container(
            [
                dcc.Link(
                    t("app.short_title", lang),
                    href=f"{home}?lang={lang}",
                    className="navbar-brand text-white me-3",
                    id=ids.NAVBAR_TITLE,
                ),
                html.Nav(pages, className="nav-pages me-auto", id=ids.NAV_LINKS),
                html.Nav(
                    languages,
                    className="lang-switch",
                    id=ids.LANG_LINKS,
                    **{"aria-label": t("lang.switch", lang)},
                ),
            ],
            fluid=True,
            className="d-flex align-items-center flex-wrap gap-2",
        ),
        className="navbar navbar-dark bg-dark-blue",
    )


def demo_banner(dataset: Dataset, lang: str) -> html.Div | None:
    if not dataset.synthetic:
        return None
    return html.Div(
        dbc.Container(
            [html.Strong(t("demo.banner_title", lang) + " "), t("demo.banner", lang)],
            fluid=True,
        ),
        id=ids.DEMO_BANNER,
        className="demo-banner",
        role="alert",
    )


def footer(dataset: Dataset, lang: str) -> html.Footer:
    return html.Footer(
        dbc.Container(
            [
                html.P(source_line(dataset, lang), className="mb-1"),
                html.P(t("footer.about", lang), className="mb-0 text-muted small"),
                html.P(t("footer.credit", lang), className="mb-0 text-muted small"),
            ],
            fluid=True,
        ),
        id=ids.FOOTER,
        className="site-footer",
    )


def overview(
    dataset: Dataset,
    state: FilterState,
    lang: str,
    assets: MapAssets = DEFAULT_ASSETS,
    table: TableState | None = None,
) -> html.Div:
    """Three areas on a CSS grid (assets/style.css): on a wide screen the filters are a sidebar;
    on a phone the title and counters come first, then the filters, then the charts."""
    view = ViewQuery(state, table or TableState(), lang)
    return html.Div(
        [
            html.Div(
                [
                    html.H1(t("app.title", lang), className="h3 mb-1"),
                    html.P(t("app.description", lang), className="text-muted mb-1"),
                    html.P(
                        t("header.sources", lang, sources=sources_sentence(dataset, lang)),
                        className="small mb-3",
                        id=ids.HEADER_SOURCES,
                    ),
                    counter_row(lang),
                    chart_tools("counters", lang, view),
                ],
                className="area-header",
            ),
            html.Div(
                filter_panel(filter_options(dataset), state, lang, source_labels(dataset, lang)),
                className="area-filters",
            ),
            html.Div(
                [
                    map_section(state, lang, assets, chart_tools("map", lang, view)),
                    chart_figure(
                        ids.TIMELINE,
                        ids.TIMELINE_CAPTION,
                        timeline_title(state.dates, lang),
                        lang,
                        controls=granularity_switch(state, lang),
                        tools=chart_tools("timeline", lang, view),
                        summary_id=ids.TIMELINE_SUMMARY,
                        table=table_switch("timeline", lang),
                    ),
                    chart_figure(
                        ids.SENTENCES,
                        ids.SENTENCES_CAPTION,
                        t("sentences.title", lang),
                        lang,
                        tools=chart_tools("sentences", lang, view),
                        summary_id=ids.SENTENCES_SUMMARY,
                        table=table_switch("sentences", lang),
                    ),
                    persons_table(
                        lang, view.table, state, download_links(view)[ids.DOWNLOAD_CASES]
                    ),
                    embed_dialog(lang),
                    dcc.Store(id=ids.TABLES_WANTED, storage_type="memory"),
                ],
                className="area-main",
            ),
        ],
        className="overview-grid container-fluid py-3",
        id="main",
    )


def page_title(path: str, lang: str, name: str = "") -> str:
    """The browser tab's title: the page (or the person's name), then the site ("Состояние
    данных — Политические преследования в России"), so that two open tabs can be told apart."""
    page_name = clipped(name, TITLE_NAME_LIMIT) or t(PAGES.get(path, PAGES["/"]), lang)
    return t("app.page_title", lang, page=page_name, site=t("app.short_title", lang))


def link_notice(ignored: tuple[str, ...], lang: str) -> html.Div | None:
    """What a shared link asked for that this page cannot show, named, instead of an error page
    or a silently different view."""
    if not ignored:
        return None
    return dbc.Alert(
        [
            html.Strong(t("link.ignored_title", lang) + " "),
            t("link.ignored", lang, items=", ".join(ignored)),
        ],
        id=ids.LINK_NOTICE,
        color="warning",
        dismissable=True,
        className="link-notice mb-0 rounded-0 py-2",
    )


def page(
    dataset: Dataset,
    state: FilterState,
    lang: str,
    path: str = "/",
    reports: tuple[LoadReport, ...] = (),
    assets: MapAssets = DEFAULT_ASSETS,
    table: TableState | None = None,
    ignored: tuple[str, ...] = (),
    root: str = "/",
    home: str = "/",
    persons: tuple[PersonView, ...] | None = None,
) -> list:
    """Everything below the shell, in `lang`: the overview with the filters set to `state` and
    the table to `table`, the data status page, or a person's page (`persons`, their views
    where the caller has them); `ignored` names what the link asked for in vain; `root` is the
    app's absolute address (for embed codes), `home` its root path (for links)."""
    table = table or TableState()
    view = ViewQuery(state, table, lang)
    if person_key(path):
        views = person_views(dataset, path, lang) if persons is None else persons
        embed = f"{root}embed/{views[0].path}?lang={lang}" if views else ""
        body = person_page(views, lang, embed, f"{home}?{view.to_query()}")
    elif path == "/status":
        body = status_page(dataset, reports, lang)
    elif path == "/compare":
        body = compare_page(dataset, view, home, root)
    elif path == "/history":
        body = history_page(dataset, view, home, root)
    else:
        path = "/"
        body = overview(dataset, state, lang, assets, table)
    return [
        html.A(t("nav.overview", lang), href="#main", className="visually-hidden-focusable"),
        navbar(lang, path, view, home),
        demo_banner(dataset, lang),
        link_notice(ignored, lang),
        html.Main(body),
        footer(dataset, lang),
    ]
