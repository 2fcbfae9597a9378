"""Headline counters: each says what it counts (persons or prosecutions), per PRODUCT.md."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from components import ids
from components.i18n import fmt_int, fmt_years, t
from data.query import Counters


def counter_values(counters: Counters, unit: str, lang: str) -> dict[str, str]:
    """The text of every counter, by component id: what the overview callback returns."""
    median = (
        fmt_years(counters.median_term_months, lang)
        if counters.median_term_months is not None
        else t("counter.none", lang)
    )
    return {
        ids.COUNT_PERSONS: fmt_int(counters.persons, lang),
        ids.COUNT_PROSECUTIONS: fmt_int(counters.prosecutions, lang),
        ids.COUNT_IN_CUSTODY: fmt_int(counters.in_custody, lang),
        ids.COUNT_MEDIAN: median,
        ids.COUNT_MEDIAN_NOTE: t(
            f"counter.median_note_{unit}", lang, n=fmt_int(counters.real_terms, lang)
        ),
    }


def _card(value_id: str, label: str, note: str, note_id: str | None = None) -> dbc.Col:
    note_props = {"id": note_id} if note_id else {}
    return dbc.Col(
        html.Div(
            [
                html.Div(label, className="counter-label"),
                html.Div("…", id=value_id, className="counter-value", **{"aria-live": "polite"}),
                html.Div(note, className="counter-note", **note_props),
            ],
            className="counter card card-body h-100",
        ),
        xs=6,
        lg=3,
    )


def counter_row(lang: str) -> dbc.Row:
    return dbc.Row(
        [
            _card(ids.COUNT_PERSONS, t("counter.persons", lang), t("counter.persons_note", lang)),
            _card(
                ids.COUNT_PROSECUTIONS,
                t("counter.prosecutions", lang),
                t("counter.prosecutions_note", lang),
            ),
            _card(
                ids.COUNT_IN_CUSTODY,
                t("counter.in_custody", lang),
                t("counter.in_custody_note", lang),
            ),
            _card(ids.COUNT_MEDIAN, t("counter.median", lang), "", ids.COUNT_MEDIAN_NOTE),
        ],
        className="counters g-3 mb-3",
    )
