"""The URL is the view: the page is rendered from it, and every change the reader makes is
written back to it, so a link reproduces the view and back and forward step through it.

Two callbacks, one loop without a cycle: `render_page` draws the page a URL asks for (first
load, back/forward, a language link) and `write_url` writes the URL a page shows (a filter, the
map, the table). Both keep `VIEW_SHOWN` ("path?canonical query" of what is on screen), so a URL
written from the page does not render the page again.
"""

from __future__ import annotations

from dash import Dash, Input, Output, State, no_update

from callbacks.common import FILTER_INPUTS, app_root, filter_state, repository
from components import ids
from components.layout import PAGES, page, page_title, view_links
from components.map import MapAssets
from components.person import person_views
from components.table import table_view
from data.query import filter_options
from data.view_query import ViewQuery, person_key


def page_path(app: Dash, pathname: object) -> str:
    """The page a pathname shows: one of PAGES, a person's page, else the overview (a
    pathname that is not the app's own, or not even text, as a hand-made request sends)."""
    if not isinstance(pathname, str) or not pathname.startswith(app.get_relative_path("/")):
        return "/"
    path = "/" + (app.strip_relative_path(pathname) or "")
    return path if path in PAGES or person_key(path) else "/"


def register(app: Dash) -> None:
    repo = repository(app)
    assets = MapAssets.of(app)
    link_ids = [
        *ids.LANG_LINK.values(),
        *ids.NAV_PAGE_LINK.values(),
        *ids.DOWNLOAD_CSV.values(),
        ids.DOWNLOAD_CASES,
    ]

    @app.callback(
        Output(ids.PAGE, "children"),
        Output(ids.DOCUMENT_META, "data"),
        Output(ids.VIEW_SHOWN, "data", allow_duplicate=True),
        Input(ids.URL, "pathname"),
        Input(ids.URL, "search"),
        State(ids.VIEW_SHOWN, "data"),
        prevent_initial_call="initial_duplicate",
    )
    def render_page(pathname: str | None, search: str | None, shown: str | None) -> tuple:
        dataset = repo.current()
        path = page_path(app, pathname)
        view = ViewQuery.parse(search).within(filter_options(dataset))
        key = f"{path}?{view.to_query()}"
        if key == shown:  # the URL was written from the page on screen
            return no_update, no_update, no_update
        persons = person_views(dataset, path, view.lang) if person_key(path) else ()
        content = page(
            dataset,
            view.filters,
            view.lang,
            path,
            repo.reports(),
            assets,
            view.table,
            view.ignored,
            root=app_root(app),
            home=app.get_relative_path("/"),
            persons=persons,
        )
        title = page_title(path, view.lang, persons[0].name if persons else "")
        return content, {"lang": view.lang, "title": title}, key

    @app.callback(
        Output(ids.URL, "search"),
        Output(ids.VIEW_SHOWN, "data", allow_duplicate=True),
        *(Output(i, "href") for i in link_ids),
        *FILTER_INPUTS,
        Input(ids.GRANULARITY, "value"),
        Input(ids.MAP_VIEW, "value"),
        Input(ids.MAP_BASIS, "value"),
        Input(ids.MAP_MEASURE, "value"),
        Input(ids.TABLE_SEARCH, "value"),
        Input(ids.TABLE_PAGING, "data"),
        State(ids.URL, "search"),
        State(ids.URL, "pathname"),
        prevent_initial_call="initial_duplicate",
    )
    def write_url(*values: object) -> tuple:
        *filters, granularity, view, basis, measure, search_text, shown_table = values[:-2]
        url_search, pathname = values[-2:]
        dataset = repo.current()
        in_url = ViewQuery.parse(url_search).within(filter_options(dataset))
        view_options = {ids.MAP_VIEW: view, ids.MAP_BASIS: basis, ids.MAP_MEASURE: measure}
        state = filter_state(dataset, tuple(filters), granularity, **view_options)
        # The table's page as the table will show it: a new selection writes its first page at
        # once, not after the table has reset it (that made two history entries of one change).
        table = table_view(state, search_text, shown_table)
        shown = ViewQuery(state, table, in_url.lang)
        query = shown.to_query()
        # A URL that already means this view stays as the reader wrote it (no new history
        # entry for a link that was only spelled differently).
        search = no_update if shown == in_url else f"?{query}"
        hrefs = view_links(shown, app.get_relative_path("/"))
        return search, f"{page_path(app, pathname)}?{query}", *(hrefs[i] for i in link_ids)

    app.clientside_callback(
        """
        function (meta) {
            if (meta) {
                document.documentElement.lang = meta.lang;
                document.title = meta.title;
            }
        }
        """,
        Input(ids.DOCUMENT_META, "data"),
    )
