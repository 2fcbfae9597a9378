"""The filter panel, and the mapping between its component values and a `FilterState`."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

import dash_bootstrap_components as dbc
from dash import dcc, html

from components import ids
from components.i18n import count_of, fmt_date, fmt_month, raw, t
from data.filters import DATE_BASES, GRANULARITIES, UNITS, FilterState
from data.query import FilterOptions
from data.reference import article_label, case_group_label, region_label, regions
from data.schema import UNKNOWN_REGION


@dataclass(frozen=True)
class Months:
    """The months the period slider spans, as absolute month numbers (year * 12 + month - 1),
    so a selection means the same months after the data is reloaded with a different range."""

    first: int | None
    last: int | None

    @classmethod
    def of(cls, options: FilterOptions) -> Months:
        if options.first_month is None or options.last_month is None:
            return cls(None, None)
        return cls(month_number(options.first_month), month_number(options.last_month))

    @property
    def empty(self) -> bool:
        return self.first is None or self.last is None

    def clamp(self, month: int) -> int:
        return min(max(month, self.first), self.last)


def month_number(day: date) -> int:
    return day.year * 12 + day.month - 1


def month_start(month: int) -> date:
    return date(month // 12, month % 12 + 1, 1)


def month_end(month: int) -> date:
    return month_start(month + 1) - timedelta(days=1)


def _dates(exact: dict) -> tuple[date | None, date | None]:
    def parse(value: object) -> date | None:
        try:
            return date.fromisoformat(str(value)) if value else None
        except ValueError:
            return None

    return parse(exact.get("from")), parse(exact.get("to"))


def _two_months(value: object) -> bool:
    """Whether a slider value is what the slider sends: two finite numbers (a hand-made request
    may send anything, and then the period is all time)."""
    return (
        isinstance(value, list)
        and len(value) == 2
        and all(
            isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)
            for v in value
        )
    )


def period_from_slider(
    value: list[int] | None, months: Months, exact: dict | None = None
) -> tuple[date | None, date | None]:
    """Slider months -> (date_from, date_to); an end at the slider's edge means 'no limit'.

    `exact` holds the dates a shared link asked for when the slider cannot show them (a day
    inside a month, a date outside the data): they apply until the reader moves the slider.
    """
    if months.empty or not _two_months(value):
        return None, None
    low, high = sorted(months.clamp(int(v)) for v in value)
    if isinstance(exact, dict) and exact.get("slider") == [low, high]:
        return _dates(exact)
    date_from = None if low <= months.first else month_start(low)
    date_to = None if high >= months.last else month_end(high)
    return date_from, date_to


def slider_from_period(state: FilterState, months: Months) -> list[int]:
    if months.empty:
        return [0, 0]
    low = months.clamp(month_number(state.date_from)) if state.date_from else months.first
    high = months.clamp(month_number(state.date_to)) if state.date_to else months.last
    return [low, max(low, high)]


def exact_period(state: FilterState, months: Months) -> dict | None:
    """What the slider cannot say of `state`'s period, to be kept beside it (see above)."""
    if (state.date_from is None and state.date_to is None) or months.empty:
        return None
    slider = slider_from_period(state, months)
    if period_from_slider(slider, months) == (state.date_from, state.date_to):
        return None
    return {
        "from": state.date_from.isoformat() if state.date_from else None,
        "to": state.date_to.isoformat() if state.date_to else None,
        "slider": slider,
    }


def period_text(value: list[int] | None, months: Months, exact: dict | None, lang: str) -> str:
    """'апр 2022 — ноя 2026', exact dates when a link gave them, or 'за всё время'."""
    if months.empty:
        return t("filters.no_dates", lang)
    if not _two_months(value):  # no slider value yet (or a hand-made one): the whole range
        value = [months.first, months.last]
    date_from, date_to = period_from_slider(value, months, exact)
    low, high = sorted(months.clamp(int(v)) for v in value)
    if isinstance(exact, dict) and exact.get("slider") == [low, high]:
        ends = [fmt_date(d, lang) if d else "…" for d in (date_from, date_to)]
        return f"{ends[0]} — {ends[1]}"
    if date_from is None and date_to is None:
        return (
            f"{t('filters.period_all', lang)} "
            f"({fmt_month(month_start(months.first), lang, short=True)} — "
            f"{fmt_month(month_start(months.last), lang, short=True)})"
        )
    return (
        f"{fmt_month(month_start(low), lang, short=True)} — "
        f"{fmt_month(month_start(high), lang, short=True)}"
    )


def period_note(state: FilterState, undated: int | None, lang: str) -> str:
    """Under the period: which records no period can hold, and, with a period set, how many of
    the selection that left out (never silently)."""
    what = t(f"period.what_{state.dates}", lang)
    if undated is None:
        return t("filters.period_note", lang, what=what)
    return t("filters.period_undated", lang, what=what, n=count_of(undated, state.unit, lang))


def period_basis_switch(state: FilterState, lang: str) -> html.Div:
    options = [{"label": t(f"dates.{d}", lang), "value": d} for d in DATE_BASES]
    switch = button_group(ids.PERIOD_BASIS, options, state.dates, "secondary")
    return labelled(t("filters.period_by", lang), switch, "mb-2")


def state_from_inputs(
    values: dict[str, object], months: Months, granularity: str | None = None
) -> FilterState:
    """Component values by id (None when cleared) -> the canonical FilterState."""
    date_from, date_to = period_from_slider(
        values.get(ids.FILTER_PERIOD), months, values.get(ids.PERIOD_EXACT)
    )
    return FilterState(
        sources=values.get(ids.FILTER_SOURCE) or (),
        articles=values.get(ids.FILTER_ARTICLE) or (),
        regions=values.get(ids.FILTER_REGION) or (),
        held_regions=values.get(ids.FILTER_HELD_REGION) or (),
        date_from=date_from,
        date_to=date_to,
        punishments=values.get(ids.FILTER_PUNISHMENT) or (),
        statuses=values.get(ids.FILTER_STATUS) or (),
        genders=values.get(ids.FILTER_GENDER) or (),
        case_groups=values.get(ids.FILTER_CASE_GROUP) or (),
        unit=values.get(ids.UNIT) or "persons",
        dates=values.get(ids.PERIOD_BASIS) or "arrest",
        granularity=granularity or "month",
        basis=values.get(ids.MAP_BASIS) or "prosecution",
        view=values.get(ids.MAP_VIEW) or "map",
        measure=values.get(ids.MAP_MEASURE) or "count",
    )


def dropdown_labels(lang: str) -> dict[str, str]:
    """dcc.Dropdown's own texts (Dash 4 draws them in English unless told)."""
    keys = (
        "select_all",
        "deselect_all",
        "selected_count",
        "search",
        "clear_search",
        "clear_selection",
        "no_options_found",
    )
    return {k: raw(f"dropdown.{k}", lang) for k in keys}


def _dropdown(
    id_: str, label: str, options: list[dict], value: tuple[str, ...], lang: str
) -> html.Div:
    return html.Div(
        [
            html.Label(label, htmlFor=id_, className="form-label filter-label"),
            dcc.Dropdown(
                id=id_,
                options=options,
                value=list(value),
                multi=True,
                placeholder=t("filters.any", lang),
                clearable=True,
                optionHeight=48,
                labels=dropdown_labels(lang),
            ),
        ],
        className="filter mb-3",
    )


def _year_marks(months: Months) -> dict[int, str]:
    """A label at each January (and the first month), thinned out to fit: every 1, 2 or 5 years."""
    if months.empty:
        return {}
    januaries = [m for m in range(months.first, months.last + 1) if m % 12 == 0]
    # The first month gets a label only when no January label would crowd it.
    starts = [months.first] if not januaries or januaries[0] - months.first > 6 else []
    starts += januaries
    step = 1 if len(starts) <= 8 else (2 if len(starts) <= 16 else 5)
    return {m: str(m // 12) for m in starts if (m // 12) % step == 0}


def button_group(id_: str, options: list[dict], value: str, colour: str) -> dbc.RadioItems:
    """Radio items drawn as a Bootstrap button group (see the .btn-group rules in style.css)."""
    return dbc.RadioItems(
        id=id_,
        options=options,
        value=value,
        inline=True,
        className="btn-group",
        inputClassName="btn-check",
        labelClassName=f"btn btn-outline-{colour} btn-sm",
        labelCheckedClassName="active",
    )


def labelled(label: str, switch: dbc.RadioItems, spacing: str = "mb-3") -> html.Div:
    """A switch with its label on the same line (wrapping under it when narrow)."""
    return html.Div(
        [html.Span(label, className="filter-label me-2"), switch],
        className=f"{spacing} d-flex align-items-center flex-wrap gap-1",
    )


def unit_switch(state: FilterState, lang: str) -> html.Div:
    options = [{"label": t(f"unit.{u}", lang), "value": u} for u in UNITS]
    return labelled(t("filters.unit", lang), button_group(ids.UNIT, options, state.unit, "primary"))


def granularity_switch(state: FilterState, lang: str) -> dbc.RadioItems:
    options = [{"label": t(f"granularity.{g}", lang), "value": g} for g in GRANULARITIES]
    return button_group(ids.GRANULARITY, options, state.granularity, "secondary")


def filter_panel(
    options: FilterOptions, state: FilterState, lang: str, source_labels: dict[str, str]
) -> html.Section:
    months = Months.of(options)
    slider = slider_from_period(state, months)
    exact = exact_period(state, months)
    # Every region is offered, not only those with records: a click on the map may select any
    # of them, and a value missing from the options was dropped by the dropdown (the map and
    # the filter then disagreed).
    everywhere = sorted((*regions(), UNKNOWN_REGION), key=lambda code: region_label(code, lang))
    region_options = [{"label": region_label(code, lang), "value": code} for code in everywhere]
    return html.Section(
        [
            html.H2(t("filters.title", lang), className="h5 mb-3"),
            unit_switch(state, lang),
            _dropdown(
                ids.FILTER_SOURCE,
                t("filters.source", lang),
                [
                    {"label": source_labels.get(name, name), "value": name}
                    for name, _ in options.sources
                ],
                state.sources,
                lang,
            ),
            _dropdown(
                ids.FILTER_ARTICLE,
                t("filters.article", lang),
                [
                    {"label": article_label(code, lang), "value": code}
                    for code, _ in options.articles
                ],
                state.articles,
                lang,
            ),
            _dropdown(
                ids.FILTER_REGION,
                t("filters.region", lang),
                region_options,
                state.regions,
                lang,
            ),
            _dropdown(
                ids.FILTER_HELD_REGION,
                t("filters.held_region", lang),
                [o for o in region_options if o["value"] != UNKNOWN_REGION],
                state.held_regions,
                lang,
            ),
            html.Div(
                [
                    html.Label(
                        t("filters.period", lang),
                        htmlFor=ids.FILTER_PERIOD,
                        className="form-label filter-label",
                    ),
                    period_basis_switch(state, lang),
                    dcc.RangeSlider(
                        id=ids.FILTER_PERIOD,
                        min=months.first or 0,
                        max=months.last or 0,
                        step=1,
                        value=slider,
                        marks=_year_marks(months),
                        allowCross=False,
                        allow_direct_input=False,
                        updatemode="mouseup",
                        disabled=months.empty,
                    ),
                    dcc.Store(id=ids.PERIOD_EXACT, data=exact),
                    html.Div(
                        period_text(slider, months, exact, lang),
                        id=ids.FILTER_PERIOD_TEXT,
                        className="period-text",
                    ),
                    html.Small(
                        period_note(state, None, lang),
                        id=ids.FILTER_PERIOD_NOTE,
                        className="text-muted d-block",
                        **{"aria-live": "polite"},
                    ),
                ],
                className="filter mb-3",
            ),
            _dropdown(
                ids.FILTER_PUNISHMENT,
                t("filters.punishment", lang),
                [{"label": t(f"punishment.{p}", lang), "value": p} for p, _ in options.punishments],
                state.punishments,
                lang,
            ),
            _dropdown(
                ids.FILTER_STATUS,
                t("filters.status", lang),
                [{"label": t(f"status.{s}", lang), "value": s} for s, _ in options.statuses],
                state.statuses,
                lang,
            ),
            _dropdown(
                ids.FILTER_GENDER,
                t("filters.gender", lang),
                [{"label": t(f"gender.{g}", lang), "value": g} for g, _ in options.genders],
                state.genders,
                lang,
            ),
            _dropdown(
                ids.FILTER_CASE_GROUP,
                t("filters.case_group", lang),
                [{"label": case_group_label(g, lang), "value": g} for g, _ in options.case_groups],
                state.case_groups,
                lang,
            ),
            dbc.Button(
                t("filters.reset", lang),
                id=ids.FILTER_RESET,
                color="secondary",
                outline=True,
                size="sm",
                className="w-100",
            ),
        ],
        className="filters card card-body",
        **{"aria-label": t("filters.title", lang)},
    )
