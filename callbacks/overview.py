"""Filters -> counters, timeline and sentence distribution; the period readout; reset."""

from __future__ import annotations

from dash import Dash, Input, Output, State, ctx

from callbacks.common import FILTER_IDS, FILTER_INPUTS, filter_state, language, repository
from components import ids
from components.counters import counter_values, lists_suffix
from components.figures.sentences import sentences_caption, sentences_figure
from components.figures.timeline import timeline_caption, timeline_figure, timeline_title
from components.filters import Months, period_note, period_text
from components.provenance import source_labels
from components.summaries import sentences_summary, timeline_summary
from data.query import (
    counters,
    filter_options,
    period_undated,
    sentence_distribution,
    timeline,
)

COUNTER_IDS = (
    ids.COUNT_PERSONS,
    ids.COUNT_PERSONS_NOTE,
    ids.COUNT_PROSECUTIONS,
    ids.COUNT_IN_CUSTODY,
    ids.COUNT_IN_CUSTODY_NOTE,
    ids.COUNT_MEDIAN,
    ids.COUNT_MEDIAN_NOTE,
    ids.COUNT_LISTS_NOTE,
)


def register(app: Dash) -> None:
    repo = repository(app)

    @app.callback(
        *(Output(i, "children") for i in COUNTER_IDS),
        Output(ids.TIMELINE, "figure"),
        Output(ids.TIMELINE_CAPTION, "children"),
        Output(ids.TIMELINE_SUMMARY, "children"),
        Output(ids.TIMELINE_TITLE, "children"),
        Output(ids.SENTENCES, "figure"),
        Output(ids.SENTENCES_CAPTION, "children"),
        Output(ids.SENTENCES_SUMMARY, "children"),
        Output(ids.FILTER_PERIOD_NOTE, "children"),
        *FILTER_INPUTS,
        Input(ids.GRANULARITY, "value"),
        State(ids.URL, "search"),
    )
    def update_overview(*values: object) -> tuple:
        *filters, granularity, search = values
        lang = language(search)
        dataset = repo.current()
        state = filter_state(dataset, tuple(filters), granularity)
        # Only the parts this callback shows (the map asks for the regions on its own).
        numbers, undated = counters(dataset, state), period_undated(dataset, state)
        by_period, sentences = timeline(dataset, state), sentence_distribution(dataset, state)
        shown = counter_values(numbers, state.unit, lang, source_labels(dataset, lang))
        return (
            *(shown[i] for i in COUNTER_IDS),
            timeline_figure(by_period, lang),
            lists_suffix(timeline_caption(by_period, lang, undated), numbers, lang),
            timeline_summary(by_period, lang),
            timeline_title(state.dates, lang),
            sentences_figure(sentences, lang),
            lists_suffix(sentences_caption(sentences, lang), numbers, lang),
            sentences_summary(sentences, numbers, lang),
            period_note(state, undated, lang),
        )

    @app.callback(
        Output(ids.FILTER_PERIOD_TEXT, "children"),
        Input(ids.FILTER_PERIOD, "drag_value"),
        Input(ids.FILTER_PERIOD, "value"),
        State(ids.PERIOD_EXACT, "data"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def show_period(
        drag_value: list | None, value: list | None, exact: dict | None, search: str | None
    ) -> str:
        dragging = any(t_["prop_id"].endswith(".drag_value") for t_ in ctx.triggered)
        shown = drag_value if dragging and drag_value else value
        return period_text(
            shown, Months.of(filter_options(repo.current())), exact, language(search)
        )

    @app.callback(
        *(Output(i, "value") for i in FILTER_IDS),
        Output(ids.PERIOD_EXACT, "data"),
        Input(ids.FILTER_RESET, "n_clicks"),
        prevent_initial_call=True,
    )
    def reset_filters(_clicks: int | None) -> tuple:
        months = Months.of(filter_options(repo.current()))
        full_period = [months.first or 0, months.last or 0]
        cleared = tuple(full_period if i == ids.FILTER_PERIOD else [] for i in FILTER_IDS)
        return (*cleared, None)
