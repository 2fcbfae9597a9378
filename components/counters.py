"""Headline counters: each says what it counts (persons or prosecutions), per PRODUCT.md, and what
it leaves out: life terms and terms of unknown length are not in the median, and persons over
several lists are a sum of the lists (persons are not yet matched across lists)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from components import ids
from components.i18n import count_of, fmt_int, fmt_years, t, years_after
from data.query import Counters


def list_parts(counters: Counters, source_names: dict[str, str], lang: str) -> str:
    """'Мемориал — 899; ОВД-Инфо — 735': each list's own count of persons."""
    return "; ".join(
        f"{source_names.get(name, name)} — {fmt_int(n, lang)}"
        for name, n in counters.persons_by_source
    )


def lists_suffix(caption: str, counters: Counters, lang: str) -> str:
    """A chart caption, with the sum-of-lists warning when the numbers add up several lists."""
    if not counters.summed_over_lists:
        return caption
    return f"{caption} {t('lists.sum_note', lang, n=len(counters.persons_by_source))}"


def _median_note(counters: Counters, unit: str, lang: str) -> str:
    if counters.median_term_months is None:
        note = t("counter.median_none", lang)
    else:
        terms = count_of(counters.real_terms, "real_terms_dative", lang)
        years = years_after(counters.median_term_months / 12, lang)
        note = t(f"counter.median_note_{unit}", lang, n=terms, years=years)
    left_out = []
    if counters.life_terms:
        left_out.append(t("counter.median_life", lang, n=fmt_int(counters.life_terms, lang)))
    if counters.unknown_terms:
        left_out.append(t("counter.median_unknown", lang, n=fmt_int(counters.unknown_terms, lang)))
    if left_out:
        note += ". " + t("counter.median_excluded", lang, parts="; ".join(left_out))
    return note


def counter_values(
    counters: Counters, unit: str, lang: str, source_names: dict[str, str] | None = None
) -> dict[str, str]:
    """The text of every counter and its notes, by component id: what the callback returns."""
    names = source_names or {}
    median = (
        fmt_years(counters.median_term_months, lang)
        if counters.median_term_months is not None
        else t("counter.none", lang)
    )
    summed = counters.summed_over_lists
    parts = list_parts(counters, names, lang)
    return {
        ids.COUNT_PERSONS: fmt_int(counters.persons, lang),
        ids.COUNT_PERSONS_NOTE: (
            t("counter.persons_note_sum", lang, n=len(counters.persons_by_source))
            if summed
            else t("counter.persons_note", lang)
        ),
        ids.COUNT_PROSECUTIONS: fmt_int(counters.prosecutions, lang),
        ids.COUNT_IN_CUSTODY: fmt_int(counters.in_custody, lang),
        ids.COUNT_IN_CUSTODY_NOTE: t("counter.in_custody_note", lang),
        ids.COUNT_MEDIAN: median,
        ids.COUNT_MEDIAN_NOTE: _median_note(counters, unit, lang),
        ids.COUNT_LISTS_NOTE: (
            t(
                "counter.lists_note",
                lang,
                n=len(counters.persons_by_source),
                parts=parts,
                filter=t("filters.source", lang),
            )
            + " "
            + t(
                "counter.lists_matched",
                lang,
                n=fmt_int(counters.different_people, lang),
                k=fmt_int(counters.persons - counters.different_people, lang),
                page=t("nav.compare", lang),
            )
            if summed
            else ""
        ),
    }


def _card(value_id: str, label: str, note_id: str | None = None, note: str = "") -> dbc.Col:
    """A counter; its note is either fixed text or filled by the callback (`note_id`)."""
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


def counter_row(lang: str) -> html.Div:
    return html.Div(
        [
            dbc.Row(
                [
                    _card(ids.COUNT_PERSONS, t("counter.persons", lang), ids.COUNT_PERSONS_NOTE),
                    _card(
                        ids.COUNT_PROSECUTIONS,
                        t("counter.prosecutions", lang),
                        note=t("counter.prosecutions_note", lang),
                    ),
                    _card(
                        ids.COUNT_IN_CUSTODY,
                        t("counter.in_custody", lang),
                        ids.COUNT_IN_CUSTODY_NOTE,
                    ),
                    _card(ids.COUNT_MEDIAN, t("counter.median", lang), ids.COUNT_MEDIAN_NOTE),
                ],
                className="counters g-3 mb-2",
            ),
            # Said only when the person counts add up several lists (see Counters).
            html.P(id=ids.COUNT_LISTS_NOTE, className="lists-note small mb-3", role="note"),
        ]
    )
