"""The persons grid: it asks for a page of rows (AG Grid's infinite row model, paginated), the
query layer answers with exactly those rows, sorted and searched on the server."""

from __future__ import annotations

from dash import Dash, Input, Output, State, no_update

from callbacks.common import FILTER_INPUTS, filter_state, repository
from components import ids
from components.i18n import fmt_int, t
from components.table import (
    PAGE_SIZE,
    paging,
    region_sort_names,
    sort_model_of,
    table_records,
    table_selection,
    table_state,
)
from data.query import table_page
from data.view_query import ViewQuery

MAX_ROW = 1_000_000 * PAGE_SIZE  # a link's page is at most 999 999 (data.view_query)
FILTER_STATES = [State(i.component_id, i.component_property) for i in FILTER_INPUTS]


def _row_number(value: object) -> int:
    """The grid's startRow; anything but a non-negative whole number (a hand-made request) is
    the first row."""
    try:
        row = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):  # JSON's Infinity is a float too
        return 0
    return row if 0 <= row < MAX_ROW else 0


def register(app: Dash) -> None:
    repo = repository(app)

    @app.callback(
        Output(ids.TABLE, "getRowsResponse"),
        Output(ids.TABLE_COUNT, "children"),
        Output(ids.TABLE_TITLE, "children"),
        Output(ids.TABLE_PAGING, "data"),
        Input(ids.TABLE, "getRowsRequest"),
        *FILTER_STATES,
        State(ids.TABLE_SEARCH, "value"),
        State(ids.URL, "search"),
        State(ids.TABLE_PAGING, "data"),
    )
    def serve_rows(request: dict | None, *values: object) -> tuple:
        if not isinstance(request, dict):
            return no_update, no_update, no_update, no_update
        *filters, search_text, url_search, shown_paging = values
        in_url = ViewQuery.parse(url_search)
        lang = in_url.lang
        dataset = repo.current()
        # The map's and the timeline's settings as the URL has them: the grid does not show
        # them, but its person links carry the whole view for the way back.
        shown = in_url.filters
        view_options = {ids.MAP_VIEW: shown.view, ids.MAP_BASIS: shown.basis}
        view_options[ids.MAP_MEASURE] = shown.measure
        state = filter_state(dataset, tuple(filters), shown.granularity, **view_options)
        start = _row_number(request.get("startRow"))
        table = table_state(str(search_text or ""), request.get("sortModel"), start // PAGE_SIZE)
        result = table_page(
            dataset,
            state,
            table.search,
            table.sort,
            table.page,
            PAGE_SIZE,
            region_sort_names(lang),
        )
        # A page past the end (a link's page=40 of a shorter list) is empty, not another page.
        view = ViewQuery(state, table, lang).to_query()
        home = app.get_relative_path("/")
        rows = table_records(result.rows, lang, view, home) if start < max(result.total, 1) else []
        count = (
            t("table.count", lang, n=fmt_int(result.total, lang))
            if result.total
            else t("table.none", lang)
        )
        # A new sort asks for the page the grid showed and then for its first page
        # (dashAgGridFunctions.js firstPage): the first is served, but only the first page of a
        # new order is the table's page, whichever answer arrives last.
        stale = (
            isinstance(shown_paging, dict)
            and table.page > 0
            and sort_model_of(table) != (shown_paging.get("sort") or [])
        )
        return (
            {"rowData": rows, "rowCount": result.total},
            count,
            t(f"table.title_{state.unit}", lang),
            no_update if stale else paging(state, table),
        )

    @app.callback(
        Output(ids.TABLE_REFRESH, "data"),
        *FILTER_INPUTS,
        Input(ids.TABLE_SEARCH, "value"),
        State(ids.TABLE_PAGING, "data"),
        prevent_initial_call=True,
    )
    def refresh_rows(*values: object) -> str:
        """Another selection or search: the grid must drop the rows it holds. Compared by value,
        not by which input fired: a page rendered anew fires its inputs unchanged."""
        *filters, search_text, shown = values
        shown = shown if isinstance(shown, dict) else {}
        state = filter_state(repo.current(), tuple(filters))
        selection = table_selection(state, table_state(search_text, shown.get("sort"), 0))
        return no_update if selection == shown.get("selection") else selection

    app.clientside_callback(
        """
        function (selection, gridId) {
            if (!selection) { return window.dash_clientside.no_update; }
            // First page first, then drop the rows: purging first refetched the page shown
            // (say the 2nd) for the new selection, and the URL got that page for a moment.
            dash_ag_grid.getApiAsync(gridId).then(function (api) {
                api.paginationGoToPage(0);
                api.purgeInfiniteCache();
            });
            return window.dash_clientside.no_update;
        }
        """,
        Output(ids.TABLE, "paginationGoTo"),
        Input(ids.TABLE_REFRESH, "data"),
        State(ids.TABLE, "id"),
        prevent_initial_call=True,
    )
