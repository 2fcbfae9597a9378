"""The persons table: a server-paginated, server-sorted DataTable, and its rows in words."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import quote

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dash_table, dcc, html

from components import ids
from components.figures.theme import FONT
from components.i18n import fmt_date, fmt_int, fmt_term, t
from data.filters import FilterState
from data.reference import article_display, region_label, regions
from data.view_query import TableState, ViewQuery

PAGE_SIZE = 20
COLUMNS = ("name", "region", "articles", "custody_date", "sentence", "status", "cases", "source")
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


def sentence_text(row: pd.Series, lang: str) -> str:
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


def _link(url: object, lang: str) -> str:
    """A markdown link, only for http(s) URLs; the URL is percent-encoded so that brackets,
    spaces or quotes in data cannot break out of the markdown."""
    if not isinstance(url, str) or not url.lower().startswith(("http://", "https://")):
        return ""
    safe = quote(url, safe=":/?#@!$&*+,;=%~-._")
    return f"[{t('table.link', lang)} ↗]({safe})"


def table_records(rows: pd.DataFrame, lang: str) -> list[dict[str, object]]:
    records = []
    for _, row in rows.iterrows():
        custody = row["custody_date"]
        records.append(
            {
                "name": row["name"] if pd.notna(row["name"]) else "",
                "region": region_label(str(row["region_code"]), lang),
                "articles": ", ".join(article_display(a, lang) for a in row["articles"]),
                "custody_date": fmt_date(custody.date(), lang) if pd.notna(custody) else "",
                "sentence": sentence_text(row, lang),
                "status": t(f"status.{row['status']}", lang) if pd.notna(row["status"]) else "",
                "cases": int(row["cases"]),
                "source": _link(row["source_url"], lang),
            }
        )
    return records


_COLUMN_OF_SORT = {key: column for column, key in SORT_KEYS.items()}


def table_state(search: str | None, sort_by: list | None, page: int | None) -> TableState:
    """The DataTable's search box, sort_by and page_current -> the table part of a link."""
    sort = tuple(
        (SORT_KEYS[s["column_id"]], s.get("direction", "asc"))
        for s in (sort_by or [])
        if s.get("column_id") in SORT_KEYS
    )
    return TableState(search or "", sort, page or 0)


def sort_by_of(table: TableState) -> list[dict[str, str]]:
    """The table part of a link -> the DataTable's sort_by."""
    return [{"column_id": _COLUMN_OF_SORT[c], "direction": d} for c, d in table.sort]


def table_selection(state: FilterState, table: TableState) -> str:
    """What a page number of the table is a page of: its rows (filters and unit), search and
    sort. Another selection starts again from the first page."""
    unit = replace(state.filters_only, unit=state.unit)
    return ViewQuery(unit, replace(table, page=0)).to_query()


def table_view(
    state: FilterState, search: str | None, sort_by: list | None, page: int | None, paged: object
) -> tuple[TableState, str]:
    """The table as it is to be shown, and what its page is a page of: turning pages (or a
    render of a link that names a page) keeps the page; another selection, search or sort
    starts from the first. By value, not by which input fired: a page rendered anew fires its
    inputs without anything having changed. `paged` is the selection the page was of."""
    selection = table_selection(state, table_state(search, sort_by, 0))
    return table_state(search, sort_by, page if selection == paged else 0), selection


def persons_table(
    lang: str,
    table: TableState | None = None,
    state: FilterState | None = None,
    cases_href: str = "download/cases.csv",
) -> html.Section:
    table = table or TableState()
    columns = [
        {"name": t(f"table.{c}", lang), "id": c, "presentation": "markdown"}
        if c == "source"
        else {"name": t(f"table.{c}", lang), "id": c}
        for c in COLUMNS
    ]
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
            dcc.Store(id=ids.TABLE_SELECTION, data=table_selection(state or FilterState(), table)),
            dash_table.DataTable(
                id=ids.TABLE,
                columns=columns,
                data=[],
                page_action="custom",
                page_current=table.page,
                page_size=PAGE_SIZE,
                page_count=table.page + 1,  # the table keeps a page within its count
                sort_action="custom",
                sort_mode="single",
                sort_by=sort_by_of(table),
                cell_selectable=False,
                markdown_options={"link_target": "_blank", "html": False},
                style_table={"overflowX": "auto"},
                style_cell={
                    "textAlign": "left",
                    "whiteSpace": "normal",
                    "height": "auto",
                    "fontFamily": FONT,
                    "fontSize": "0.875rem",
                    "padding": "6px 8px",
                    "minWidth": "80px",
                },
                style_cell_conditional=[
                    {"if": {"column_id": "name"}, "minWidth": "136px", "fontWeight": 500},
                    {"if": {"column_id": "cases"}, "textAlign": "right", "minWidth": "50px"},
                    {"if": {"column_id": "custody_date"}, "minWidth": "96px"},
                    # "Источник" and its sort arrow, whole (it was cut to "Источни")
                    {"if": {"column_id": "source"}, "minWidth": "104px"},
                ],
                style_header={
                    "fontWeight": 600,
                    "backgroundColor": "#f5f7fa",
                    "whiteSpace": "normal",
                },
                style_data_conditional=[{"if": {"row_index": "odd"}, "backgroundColor": "#fafbfc"}],
            ),
        ],
        className="card card-body table-section",
        **{"aria-labelledby": ids.TABLE_TITLE},
    )
