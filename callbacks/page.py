"""Render the page in the URL's language, keeping the filters the reader had set."""

from __future__ import annotations

from dash import Dash, Input, Output, State

from callbacks.common import FILTER_INPUTS, filter_state, language, repository
from components import ids
from components.layout import page, page_title
from components.map import MapAssets
from data.filters import FilterState


def register(app: Dash) -> None:
    repo = repository(app)
    assets = MapAssets.of(app)

    @app.callback(
        Output(ids.PAGE, "children"),
        Output(ids.DOCUMENT_META, "data"),
        Input(ids.URL, "pathname"),
        Input(ids.URL, "search"),
        State(ids.FILTER_MEMORY, "data"),
    )
    def render_page(
        pathname: str | None, search: str | None, memory: str | None
    ) -> tuple[list, dict]:
        # The first render takes the filters from the URL; later ones (a language switch) from
        # memory, so the reader's selection survives.
        state = FilterState.from_query(memory if memory else (search or ""))
        lang = language(search)
        path = "/" + (app.strip_relative_path(pathname or "/") or "")
        content = page(repo.current(), state, lang, path, repo.reports(), assets)
        return content, {"lang": lang, "title": page_title(path, lang)}

    @app.callback(
        Output(ids.FILTER_MEMORY, "data"),
        *FILTER_INPUTS,
        Input(ids.GRANULARITY, "value"),
        Input(ids.MAP_VIEW, "value"),
        Input(ids.MAP_BASIS, "value"),
        Input(ids.MAP_MEASURE, "value"),
    )
    def remember_filters(*values: object) -> str:
        *filters, granularity, view, basis, measure = values
        view_options = {ids.MAP_VIEW: view, ids.MAP_BASIS: basis, ids.MAP_MEASURE: measure}
        return filter_state(repo.current(), tuple(filters), granularity, **view_options).to_query()

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
