"""Filters, search, sort and page -> one page of the persons table, computed on the server."""

from __future__ import annotations

from dash import Dash, Input, Output, State, ctx

from callbacks.common import FILTER_INPUTS, filter_state, language, repository
from components import ids
from components.i18n import fmt_int, t
from components.table import PAGE_SIZE, SORT_KEYS, region_sort_names, table_records
from data.query import table_page


def register(app: Dash) -> None:
    repo = repository(app)

    @app.callback(
        Output(ids.TABLE, "data"),
        Output(ids.TABLE, "page_count"),
        Output(ids.TABLE, "page_current"),
        Output(ids.TABLE_COUNT, "children"),
        Output(ids.TABLE_TITLE, "children"),
        *FILTER_INPUTS,
        Input(ids.TABLE_SEARCH, "value"),
        Input(ids.TABLE, "page_current"),
        Input(ids.TABLE, "sort_by"),
        State(ids.URL, "search"),
    )
    def update_table(*values: object) -> tuple:
        *filters, search_text, page_current, sort_by, url_search = values
        lang = language(url_search)
        dataset = repo.current()
        state = filter_state(dataset, tuple(filters))
        # Turning pages keeps the page; a new selection, search or sort starts from the first.
        turned = any(t_["prop_id"] == f"{ids.TABLE}.page_current" for t_ in ctx.triggered)
        page = (page_current or 0) if turned else 0
        sort = tuple(
            (SORT_KEYS[s["column_id"]], s["direction"])
            for s in (sort_by or [])
            if s.get("column_id") in SORT_KEYS
        )
        result = table_page(
            dataset, state, search_text or "", sort, page, PAGE_SIZE, region_sort_names(lang)
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
        )
