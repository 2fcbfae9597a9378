"""Filters, search, sort and page -> one page of the persons table, computed on the server."""

from __future__ import annotations

from dash import Dash, Input, Output, State

from callbacks.common import FILTER_INPUTS, filter_state, language, repository
from components import ids
from components.i18n import fmt_int, t
from components.table import PAGE_SIZE, region_sort_names, table_records, table_view
from data.query import table_page


def register(app: Dash) -> None:
    repo = repository(app)

    @app.callback(
        Output(ids.TABLE, "data"),
        Output(ids.TABLE, "page_count"),
        Output(ids.TABLE, "page_current"),
        Output(ids.TABLE_COUNT, "children"),
        Output(ids.TABLE_TITLE, "children"),
        Output(ids.TABLE_SELECTION, "data"),
        *FILTER_INPUTS,
        Input(ids.TABLE_SEARCH, "value"),
        Input(ids.TABLE, "page_current"),
        Input(ids.TABLE, "sort_by"),
        State(ids.URL, "search"),
        State(ids.TABLE_SELECTION, "data"),
    )
    def update_table(*values: object) -> tuple:
        *filters, search_text, page_current, sort_by, url_search, paged = values
        lang = language(url_search)
        dataset = repo.current()
        state = filter_state(dataset, tuple(filters))
        table, selection = table_view(state, search_text, sort_by, page_current, paged)
        result = table_page(
            dataset,
            state,
            table.search,
            table.sort,
            table.page,
            PAGE_SIZE,
            region_sort_names(lang),
        )
        count = (
            t("table.count", lang, n=fmt_int(result.total, lang))
            if result.total
            else t("table.none", lang)
        )
        return (
            table_records(result.rows, lang),
            result.page_count,
            result.page,
            count,
            t(f"table.title_{state.unit}", lang),
            selection,
        )
