"""A chart's numbers as an HTML table, behind a "show as table" switch (issue 14): for readers who
cannot see the chart, and for anyone who wants the exact numbers on the page.

The switch is a button that says whether the table is shown (aria-expanded) and which region it
controls; each press toggles it (an odd number of presses: open). A <details> would need no
button, but Dash's Details does not report being opened. The table is the chart's CSV companion
(components.chart_tables.chart_table: the same aggregates), rendered only while the switch is
open, so a closed switch costs a filter change nothing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
from dash import html

from components.i18n import fmt_decimal, fmt_int, t

TABLE_CHARTS = ("map", "timeline", "sentences")


def switch_id(chart: str) -> str:
    return f"{chart}-table-switch"


def table_id(chart: str) -> str:
    return f"{chart}-table"


def table_switch(chart: str, lang: str) -> html.Div:
    """The closed switch under a chart; its table is filled by callbacks/chart_tables.py."""
    return html.Div(
        [
            html.Button(
                t("table_view.show", lang),
                id=switch_id(chart),
                n_clicks=0,
                type="button",
                className="btn btn-link btn-sm p-0 table-switch-label",
                **{"aria-expanded": "false", "aria-controls": table_id(chart)},
            ),
            html.Div(id=table_id(chart), className="table-view"),
        ],
        className="table-switch",
    )


def is_open(clicks: object) -> bool:
    """Whether the table is shown after `clicks` presses of its switch."""
    return isinstance(clicks, int) and not isinstance(clicks, bool) and clicks % 2 == 1


@dataclass(frozen=True)
class TextTable:
    """A chart's table as the reader sees it: headers, rows of text, which columns are numbers.
    The one rendering of the numbers for the page's table and the embed's (templates/embed.html).
    `empty`: not one number in it (say so instead of a table of blanks)."""

    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]
    empty: bool = False


def readable(chart: str, frame: pd.DataFrame) -> pd.DataFrame:
    """The CSV's table in the order a reader looks for: the map's regions largest first (the
    CSV keeps the region table's order, and its codes, which the page's table leaves out)."""
    if chart != "map" or frame.empty:
        return frame
    frame = frame.drop(columns=frame.columns[0])
    return frame.sort_values(frame.columns[1], ascending=False, na_position="last", kind="stable")


def _has_numbers(frame: pd.DataFrame) -> bool:
    numbers = frame.select_dtypes("number")
    return bool(len(numbers.columns)) and bool(numbers.fillna(0).ne(0).to_numpy().any())


def text_table(frame: pd.DataFrame, caption: str, lang: str) -> TextTable:
    """`frame` (components.chart_tables) with each cell written as the page writes numbers."""
    return TextTable(
        empty=not _has_numbers(frame),
        caption=caption,
        headers=tuple(str(c) for c in frame.columns),
        rows=tuple(
            tuple(_cell(v, lang) for v in row)
            for row in frame.astype(object).itertuples(index=False)
        ),
        numeric=tuple(bool(pd.api.types.is_numeric_dtype(frame[c])) for c in frame.columns),
    )


def _cell(value: object, lang: str) -> str:
    """A number as the page writes numbers; an empty cell stays empty (no data is not zero)."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
        return fmt_int(int(value), lang)
    if isinstance(value, float):
        return fmt_decimal(value, lang, 1)
    return str(value)


def data_table(frame: pd.DataFrame, caption: str, lang: str) -> html.Div:
    """`frame` as a table with a caption and column headers; numbers right-aligned. Wrapped in
    a scrolling region a keyboard can reach, so a wide table never widens the page."""
    shown = text_table(frame, caption, lang)
    if shown.empty:
        return html.P(t("table_view.empty", lang), className="text-muted small mt-2")
    head = html.Thead(
        html.Tr(
            [
                html.Th(c, scope="col", className="text-end" if n else None)
                for c, n in zip(shown.headers, shown.numeric, strict=True)
            ]
        )
    )
    rows = [
        html.Tr(
            [
                html.Td(v, className="text-end" if n else None)
                for v, n in zip(row, shown.numeric, strict=True)
            ]
        )
        for row in shown.rows
    ]
    table = html.Table(
        [html.Caption(caption), head, html.Tbody(rows)],
        className="table table-sm table-striped chart-data-table",
    )
    return html.Div(
        table,
        className="table-scroll",
        tabIndex="0",
        role="region",
        **{"aria-label": caption},
    )
