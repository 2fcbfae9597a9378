"""The "show as table" switches under the charts: while one is open, its chart's numbers as a
table (components.chart_table_view), for the view on screen.

A closed switch must cost a filter change nothing, so the server is asked only when it has
something to do: a clientside gate turns a press of a switch, or a change of the view while a
table is open, into one request (TABLES_WANTED); any other change sends none.
"""

from __future__ import annotations

from dash import Dash, Input, Output, State

from callbacks.common import FILTER_INPUTS, filter_state, language, repository
from components import ids
from components.chart_spec import chart_overview
from components.chart_table_view import (
    TABLE_CHARTS,
    data_table,
    is_open,
    readable,
    switch_id,
    table_id,
)
from components.chart_tables import chart_table
from components.figures.map import legend_title
from components.figures.timeline import timeline_title
from components.i18n import t
from components.provenance import source_labels

VIEW_INPUTS = [
    *FILTER_INPUTS,
    Input(ids.GRANULARITY, "value"),
    Input(ids.MAP_VIEW, "value"),
    Input(ids.MAP_BASIS, "value"),
    Input(ids.MAP_MEASURE, "value"),
]


def register(app: Dash) -> None:
    repo = repository(app)
    switches = [Input(switch_id(chart), "n_clicks") for chart in TABLE_CHARTS]

    app.clientside_callback(
        f"""
        function () {{
            const clicks = Array.from(arguments).slice(0, {len(TABLE_CHARTS)});
            const open = clicks.map(c => (c || 0) % 2 === 1);
            const pressed = dash_clientside.callback_context.triggered
                .some(t => t.prop_id.endsWith(".n_clicks"));
            if (!pressed && !open.some(Boolean)) {{
                return dash_clientside.no_update;
            }}
            return {{open: open, at: Date.now()}};
        }}
        """,
        Output(ids.TABLES_WANTED, "data"),
        *switches,
        *VIEW_INPUTS,
        prevent_initial_call=True,
    )

    @app.callback(
        *(Output(table_id(chart), "children") for chart in TABLE_CHARTS),
        *(Output(switch_id(chart), "children") for chart in TABLE_CHARTS),
        *(Output(switch_id(chart), "aria-expanded") for chart in TABLE_CHARTS),
        Input(ids.TABLES_WANTED, "data"),
        *(State(switch_id(chart), "n_clicks") for chart in TABLE_CHARTS),
        *(State(i.component_id, i.component_property) for i in VIEW_INPUTS),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def show_tables(_wanted: object, *values: object) -> tuple:
        clicks, values = values[: len(TABLE_CHARTS)], values[len(TABLE_CHARTS) :]
        *filters, granularity, view, basis, measure, search = values
        lang, dataset = language(search), repo.current()
        options = {ids.MAP_VIEW: view, ids.MAP_BASIS: basis, ids.MAP_MEASURE: measure}
        state = filter_state(dataset, tuple(filters), granularity, **options)
        tables, labels, expanded = [], [], []
        for chart, pressed in zip(TABLE_CHARTS, clicks, strict=True):
            shown = is_open(pressed)
            tables.append(_table(chart, dataset, state, lang) if shown else None)
            labels.append(t("table_view.hide" if shown else "table_view.show", lang))
            expanded.append("true" if shown else "false")
        return (*tables, *labels, *expanded)


def _table(chart: str, dataset, state, lang: str):
    result = chart_overview(chart, dataset, state)
    frame = readable(chart, chart_table(chart, result, lang, state, source_labels(dataset, lang)))
    caption = {
        "map": lambda: legend_title(result.regions, state.measure, lang),
        "timeline": lambda: timeline_title(state.dates, lang),
        "sentences": lambda: t("sentences.title", lang),
    }[chart]()
    return data_table(frame, caption, lang)
