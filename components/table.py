"""The persons table: a server-paginated, server-sorted DataTable, and its rows in words."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import quote

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from components import ids
from components.i18n import fmt_date, fmt_int, fmt_term, t
from data.filters import FilterState
from data.loader import http_url
from data.reference import article_display, region_label, regions
from data.view_query import TableState, ViewQuery, person_path

PAGE_SIZE = 20
COLUMNS = ("name", "region", "articles", "custody_date", "sentence", "status", "cases", "source")
# On a phone: the name and this one column in their place (assets/dashAgGridFunctions.js).
PHONE_COLUMN = "summary"
# Table column id -> the query's sort key.
SORT_KEYS = {
    "name": "name",
    "region": "region_code",
    "articles": "articles",
    "custody_date": "custody_date",
    "sentence": "sentence",
    "status": "status",
    "cases": "cases",
}


def region_sort_names(lang: str) -> dict[str, str]:
    """Region code -> the name a reader sorts by, in their language."""
    return {code: region_label(code, lang) for code in (*regions(), "unknown")}


def sentence_text(row: pd.Series | dict, lang: str) -> str:
    """The sentence as a reader would say it: '7 лет, строгий режим', 'штраф 500 000 ₽'."""
    kind = row["punishment_type"]
    months = row["sentence_months"]
    has_term = pd.notna(months)
    if pd.isna(kind):
        return ""
    if kind == "imprisonment" and has_term:
        regime = t(f"regime.{row['regime'] if pd.notna(row['regime']) else 'unknown'}", lang)
        if pd.notna(row["prison_months"]) and row["prison_months"] > 0:
            return t(
                "sentence.prison_part",
                lang,
                term=fmt_term(months, lang),
                prison=fmt_term(row["prison_months"], lang),
                regime=regime,
            )
        return t("sentence.term_regime", lang, term=fmt_term(months, lang), regime=regime)
    if kind == "life":
        return t("sentence.life", lang)
    if kind == "suspended" and has_term:
        return t("sentence.suspended", lang, term=fmt_term(months, lang))
    if kind == "fine" and pd.notna(row["fine_rub"]):
        return t("sentence.fine", lang, amount=fmt_int(row["fine_rub"], lang))
    if kind in ("forced_labour", "restriction_of_freedom") and has_term:
        return t(
            "sentence.term_of",
            lang,
            term=fmt_term(months, lang),
            what=t(f"punishment.{kind}", lang),
        )
    return t(f"punishment.{kind}", lang)


def person_href(source: str, person_id: str, view: str, home: str = "") -> str:
    """The link to a person's page from the app's root path `home` ("" relative to the
    overview), carrying the view (`view`, a canonical query) so that the page's way back
    returns to it."""
    return f"{home}{person_path(source, person_id)}?{view}"


def table_records(
    rows: pd.DataFrame, lang: str, view: str = "", home: str = ""
) -> list[dict[str, object]]:
    """The grid's rows: plain text cells (the grid renders them as text), and for the name and
    source cells the links their renderers make (assets/dashAgGridComponentFunctions.js); the
    person links carry `view` (the page's canonical query) for the way back."""
    view = view or ViewQuery(lang=lang).to_query()
    records = []
    for row in rows.to_dict("records"):  # plain dicts: iterrows made a Series per row
        custody = row["custody_date"]
        person = person_href(row["source"], row["person_id"], view, home)
        record = {
            # Each part quoted: ("a/b", "c") and ("a", "b/c") are two rows.
            "id": "/".join(quote(str(row[k]), safe="") for k in ("source", "person_id", "case_id")),
            "name": row["name"] if pd.notna(row["name"]) else "",
            "person": person,
            "region": region_label(str(row["region_code"]), lang),
            "articles": ", ".join(article_display(a, lang) for a in row["articles"]),
            "custody_date": fmt_date(custody.date(), lang) if pd.notna(custody) else "",
            "sentence": sentence_text(row, lang),
            "status": t(f"status.{row['status']}", lang) if pd.notna(row["status"]) else "",
            "cases": int(row["cases"]),
            "source": http_url(row["source_url"]),
            "source_label": t("table.source_card", lang),
        }
        parts = (record["articles"], record["sentence"], record["status"])
        record[PHONE_COLUMN] = " · ".join(part for part in parts if part)
        records.append(record)
    return records


_COLUMN_OF_SORT = {key: column for column, key in SORT_KEYS.items()}


def table_state(search: object, sort_model: object, page: object) -> TableState:
    """The search box, the grid's sort model ([{"colId": "name", "sort": "asc"}]) and page ->
    the table part of a link. Anything else (a hand-made request) counts as not given."""
    sort = tuple(
        (SORT_KEYS[s["colId"]], "desc" if s.get("sort") == "desc" else "asc")
        for s in (sort_model if isinstance(sort_model, list) else [])
        if isinstance(s, dict) and isinstance(s.get("colId"), str) and s["colId"] in SORT_KEYS
    )
    page = page if isinstance(page, int) and not isinstance(page, bool) and page > 0 else 0
    return TableState(search if isinstance(search, str) else "", sort, page)


def sort_model_of(table: TableState) -> list[dict[str, str]]:
    """The table part of a link -> the grid's sort model."""
    return [{"colId": _COLUMN_OF_SORT[c], "sort": d} for c, d in table.sort]


def table_selection(state: FilterState, table: TableState) -> str:
    """What a page number of the table is a page of: its rows (filters and unit), search and
    sort. Another selection starts again from the first page."""
    unit = replace(state.filters_only, unit=state.unit)
    return ViewQuery(unit, replace(table, page=0)).to_query()


def paging(state: FilterState, table: TableState) -> dict:
    """What the grid shows: its page and sort, and the selection they are of (TABLE_PAGING)."""
    return {
        "page": table.page,
        "sort": sort_model_of(table),
        "selection": table_selection(state, table),
    }


def table_view(state: FilterState, search: str | None, shown: dict | None) -> TableState:
    """The table part of the view: the grid's page and sort (`shown`, TABLE_PAGING) where they
    are of this selection; another selection or search starts from the first page, at once (a
    URL that carried the old page first made two history entries of one change)."""
    shown = shown if isinstance(shown, dict) else {}
    table = table_state(search, shown.get("sort"), shown.get("page"))
    if table_selection(state, table) != shown.get("selection"):
        table = replace(table, page=0)
    return table


# AG Grid's own words (pagination, loading, sorting) by its localeText keys: in i18n as
# "grid.<key>", in both languages (English spelled out too, so no text is left to the grid).
GRID_TEXT_KEYS = (
    "page",
    "of",
    "to",
    "more",
    "firstPage",
    "previousPage",
    "nextPage",
    "lastPage",
    "pageLastRowUnknown",
    "loadingOoo",
    "loadingError",
    "noRowsToShow",
    "ariaPageSizeSelectorLabel",
    "pageSizeSelectorLabel",
    "sortAscending",
    "sortDescending",
    "ariaRowPageSizeSelectorLabel",
    "ariaSortableColumn",
)
# Widths that read at 390 px and at 1280-1400 px (the grid is about 870-990 px wide there):
# a date, a status word or "страница ↗" never breaks inside a word, the sentence gets the most
# room, and nothing needs more than the three lines a row holds. Below their sum (tablets) the
# grid scrolls sideways with the name pinned; on a phone the summary column stands in.
_COLUMN_SIZES = {
    "name": {"width": 170, "minWidth": 128, "pinned": "left"},
    "region": {"minWidth": 116, "flex": 2},
    "articles": {"minWidth": 104, "flex": 2},
    "custody_date": {"minWidth": 92, "maxWidth": 120, "flex": 1},
    "sentence": {"minWidth": 130, "flex": 3},
    "status": {"minWidth": 100, "flex": 1},
    "cases": {"minWidth": 64, "maxWidth": 80, "type": "rightAligned"},
    "source": {"minWidth": 92, "maxWidth": 104, "sortable": False},
    PHONE_COLUMN: {"minWidth": 150, "flex": 3, "sortable": False, "hide": True},
}


def column_defs(lang: str, table: TableState) -> list[dict]:
    """The grid's columns, with the link's sort as their initial sort."""
    sort = dict((_COLUMN_OF_SORT[c], d) for c, d in table.sort)
    defs = []
    for column in (*COLUMNS, PHONE_COLUMN):
        definition = {"field": column, "headerName": t(f"table.{column}", lang)}
        definition.update(_COLUMN_SIZES[column])
        if column in ("articles", "sentence", "region", PHONE_COLUMN):
            definition["tooltipField"] = column
        if column == "name":
            definition["cellRenderer"] = "PersonLink"  # assets/dashAgGridComponentFunctions.js
        if column == "source":
            definition["cellRenderer"] = "SourceLink"
        if column in sort:
            definition["sort"] = sort[column]
        defs.append(definition)
    return defs


def grid_options(lang: str, table: TableState) -> dict:
    options = {
        "pagination": True,
        "paginationPageSize": PAGE_SIZE,
        "paginationPageSizeSelector": False,
        "cacheBlockSize": PAGE_SIZE,
        "maxBlocksInCache": 10,
        # Enough rows assumed at first for a link's page to exist before the count arrives.
        "infiniteInitialRowCount": (table.page + 1) * PAGE_SIZE,
        "domLayout": "autoHeight",
        "rowHeight": 64,
        "enableCellTextSelection": True,
        "suppressMultiSort": True,
        "tooltipShowDelay": 300,
        "localeText": {key: t(f"grid.{key}", lang) for key in GRID_TEXT_KEYS},
        # Tab leaves the grid (arrows move within it): a keyboard reader got through 20 rows of
        # 8 cells one Tab at a time to reach the pages below it.
        "tabToNextCell": {"function": "leaveGridOnTab(params)"},
        "tabToNextHeader": {"function": "leaveGridOnTab(params)"},
    }
    return options


def persons_table(
    lang: str,
    table: TableState | None = None,
    state: FilterState | None = None,
    cases_href: str = "download/cases.csv",
) -> html.Section:
    table = table or TableState()
    return html.Section(
        [
            html.Div(
                [
                    html.H2(t("table.title", lang), id=ids.TABLE_TITLE, className="h5 m-0"),
                    html.Div(
                        id=ids.TABLE_COUNT,
                        className="text-muted small ms-auto",
                        **{"aria-live": "polite"},
                    ),
                    html.A(
                        t("share.cases_csv", lang),
                        id=ids.DOWNLOAD_CASES,
                        href=cases_href,
                        download="",
                        title=t("share.cases_csv_title", lang),
                        className="small",
                    ),
                ],
                className="d-flex align-items-center flex-wrap gap-2 mb-2",
            ),
            html.Label(
                t("table.search", lang), htmlFor=ids.TABLE_SEARCH, className="visually-hidden"
            ),
            dbc.Input(
                id=ids.TABLE_SEARCH,
                type="search",
                placeholder=t("table.search", lang),
                debounce=0.3,
                value=table.search,
                className="mb-1",
            ),
            html.Small(
                t("table.search_note", lang) + " " + t("table.selection_note", lang),
                className="text-muted d-block mb-2",
            ),
            # The page, sort and selection of the rows the grid was last given (callbacks/table.py).
            dcc.Store(
                id=ids.TABLE_PAGING,
                data=paging(state or FilterState(), table),
            ),
            dcc.Store(id=ids.TABLE_REFRESH, data=None),
            dag.AgGrid(
                id=ids.TABLE,
                rowModelType="infinite",
                columnDefs=column_defs(lang, table),
                defaultColDef={
                    "sortable": True,
                    "resizable": True,
                    # Rows of one height (the infinite row model sizes no row by its content):
                    # text wraps within it, and a long cell shows whole on hover.
                    "wrapText": True,
                    "wrapHeaderText": True,
                    "autoHeaderHeight": True,
                    "suppressMovable": True,
                    "cellClass": "grid-cell",
                },
                dashGridOptions=grid_options(lang, table),
                eventListeners={
                    "gridReady": ["fitColumnsToScreen(params)"],
                    "gridSizeChanged": ["fitColumnsToScreen(params)"],
                    "cellKeyDown": ["openCellLink(params)"],
                    "sortChanged": ["firstPage(params)"],
                },
                paginationGoTo=table.page or None,
                getRowId="params.data.id",
                className="persons-grid",
                style={"width": "100%"},
            ),
        ],
        className="card card-body table-section",
        **{"aria-labelledby": ids.TABLE_TITLE},
    )
