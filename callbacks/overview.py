"""Filters -> counters, timeline and sentence distribution; the period readout; reset."""

from __future__ import annotations

from dash import Dash, Input, Output, State, ctx

from callbacks.common import FILTER_IDS, FILTER_INPUTS, filter_state, language, repository
from components import ids
from components.counters import counter_values
from components.figures.sentences import sentences_figure
from components.figures.timeline import timeline_figure
from components.filters import month_starts, period_text
from components.i18n import fmt_int, t
from data.query import filter_options, overview

COUNTER_IDS = (
    ids.COUNT_PERSONS,
    ids.COUNT_PROSECUTIONS,
    ids.COUNT_IN_CUSTODY,
    ids.COUNT_MEDIAN,
    ids.COUNT_MEDIAN_NOTE,
)


def register(app: Dash) -> None:
    repo = repository(app)

    @app.callback(
        *(Output(i, "children") for i in COUNTER_IDS),
        Output(ids.TIMELINE, "figure"),
        Output(ids.TIMELINE_CAPTION, "children"),
        Output(ids.SENTENCES, "figure"),
        Output(ids.SENTENCES_CAPTION, "children"),
        *FILTER_INPUTS,
        Input(ids.GRANULARITY, "value"),
        State(ids.URL, "search"),
    )
    def update_overview(*values: object) -> tuple:
        *filters, granularity, search = values
        lang = language(search)
        dataset = repo.current()
        state = filter_state(dataset, tuple(filters), granularity)
        result = overview(dataset, state)
        counters = counter_values(result.counters, state.unit, lang)
        timeline_caption = t(
            f"timeline.caption_{state.unit}", lang, n=fmt_int(result.timeline.undated, lang)
        )
        sentences_caption = t(
            f"sentences.caption_{state.unit}", lang, n=fmt_int(result.sentences.total, lang)
        )
        if result.sentences.life:
            life = fmt_int(result.sentences.life, lang)
            sentences_caption += " " + t("sentences.life_note", lang, life=life)
        return (
            *(counters[i] for i in COUNTER_IDS),
            timeline_figure(result.timeline, lang),
            timeline_caption,
            sentences_figure(result.sentences, lang),
            sentences_caption,
        )

    @app.callback(
        Output(ids.FILTER_PERIOD_TEXT, "children"),
        Input(ids.FILTER_PERIOD, "drag_value"),
        Input(ids.FILTER_PERIOD, "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def show_period(drag_value: list | None, value: list | None, search: str | None) -> str:
        dragging = any(t_["prop_id"].endswith(".drag_value") for t_ in ctx.triggered)
        shown = drag_value if dragging and drag_value else value
        months = month_starts(filter_options(repo.current()))
        return period_text(shown, months, language(search))

    @app.callback(
        *(Output(i, "value") for i in FILTER_IDS),
        Input(ids.FILTER_RESET, "n_clicks"),
        prevent_initial_call=True,
    )
    def reset_filters(_clicks: int | None) -> tuple:
        months = month_starts(filter_options(repo.current()))
        full_period = [0, max(len(months) - 1, 0)]
        return tuple(full_period if i == ids.FILTER_PERIOD else [] for i in FILTER_IDS)
