"""The filter panel, and the mapping between its component values and a `FilterState`."""

from __future__ import annotations

from datetime import date, timedelta

import dash_bootstrap_components as dbc
from dash import dcc, html

from components import ids
from components.i18n import fmt_month, raw, t
from data.filters import GRANULARITIES, UNITS, FilterState
from data.query import FilterOptions
from data.reference import article_label, case_group_label, region_label


def month_starts(options: FilterOptions) -> list[date]:
    """Every month from the first arrest to the last: the steps of the period slider."""
    if options.first_month is None or options.last_month is None:
        return []
    months, current = [], options.first_month
    while current <= options.last_month:
        months.append(current)
        current = (current + timedelta(days=32)).replace(day=1)
    return months


def _month_end(start: date) -> date:
    return (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def period_from_slider(
    value: list[int] | None, months: list[date]
) -> tuple[date | None, date | None]:
    """Slider indices -> (date_from, date_to); an end at the slider's edge means 'no limit'."""
    if not months or not value or len(value) != 2:
        return None, None
    low, high = sorted(int(v) for v in value)
    low, high = max(low, 0), min(high, len(months) - 1)
    date_from = months[low] if low > 0 else None
    date_to = _month_end(months[high]) if high < len(months) - 1 else None
    return date_from, date_to


def slider_from_period(state: FilterState, months: list[date]) -> list[int]:
    if not months:
        return [0, 0]
    low, high = 0, len(months) - 1
    if state.date_from:
        low = next((i for i, m in enumerate(months) if _month_end(m) >= state.date_from), high)
    if state.date_to:
        high = next((i for i in range(len(months) - 1, -1, -1) if months[i] <= state.date_to), low)
    return [low, max(low, high)]


def period_text(value: list[int] | None, months: list[date], lang: str) -> str:
    """'апр 2022 — ноя 2026', or 'за всё время' when the slider spans everything."""
    if not months:
        return t("filters.no_dates", lang)
    date_from, date_to = period_from_slider(value, months)
    if date_from is None and date_to is None:
        return (
            f"{t('filters.period_all', lang)} ({fmt_month(months[0], lang, short=True)} — "
            f"{fmt_month(months[-1], lang, short=True)})"
        )
    low, high = sorted(value)
    return (
        f"{fmt_month(months[low], lang, short=True)} — {fmt_month(months[high], lang, short=True)}"
    )


def state_from_inputs(
    sources,
    articles,
    regions,
    period,
    punishments,
    statuses,
    genders,
    case_groups,
    unit,
    granularity,
    months: list[date],
) -> FilterState:
    """Component values (None when cleared) -> the canonical FilterState."""
    date_from, date_to = period_from_slider(period, months)
    return FilterState(
        articles=articles or (),
        regions=regions or (),
        date_from=date_from,
        date_to=date_to,
        punishments=punishments or (),
        statuses=statuses or (),
        genders=genders or (),
        case_groups=case_groups or (),
        sources=sources or (),
        unit=unit or "persons",
        granularity=granularity or "month",
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


def _year_marks(months: list[date]) -> dict[int, str]:
    years = [(i, m.year) for i, m in enumerate(months) if m.month == 1 or i == 0]
    step = 1 if len(years) <= 8 else (2 if len(years) <= 16 else 5)
    return {i: str(y) for i, y in years if y % step == 0}


def _button_group(id_: str, options: list[dict], value: str, colour: str) -> dbc.RadioItems:
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


def unit_switch(state: FilterState, lang: str) -> html.Div:
    options = [{"label": t(f"unit.{u}", lang), "value": u} for u in UNITS]
    return html.Div(
        [
            html.Span(t("filters.unit", lang), className="filter-label me-2"),
            _button_group(ids.UNIT, options, state.unit, "primary"),
        ],
        className="mb-3 d-flex align-items-center flex-wrap",
    )


def granularity_switch(state: FilterState, lang: str) -> dbc.RadioItems:
    options = [{"label": t(f"granularity.{g}", lang), "value": g} for g in GRANULARITIES]
    return _button_group(ids.GRANULARITY, options, state.granularity, "secondary")


def filter_panel(
    options: FilterOptions, state: FilterState, lang: str, source_labels: dict[str, str]
) -> html.Section:
    months = month_starts(options)
    regions = sorted(options.regions, key=lambda rc: region_label(rc[0], lang))
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
                [{"label": region_label(code, lang), "value": code} for code, _ in regions],
                state.regions,
                lang,
            ),
            html.Div(
                [
                    html.Label(
                        t("filters.period", lang),
                        htmlFor=ids.FILTER_PERIOD,
                        className="form-label filter-label",
                    ),
                    dcc.RangeSlider(
                        id=ids.FILTER_PERIOD,
                        min=0,
                        max=max(len(months) - 1, 0),
                        step=1,
                        value=slider_from_period(state, months),
                        marks=_year_marks(months),
                        allowCross=False,
                        allow_direct_input=False,
                        updatemode="mouseup",
                        disabled=not months,
                    ),
                    html.Div(
                        period_text(slider_from_period(state, months), months, lang),
                        id=ids.FILTER_PERIOD_TEXT,
                        className="period-text",
                    ),
                    html.Small(t("filters.period_note", lang), className="text-muted d-block"),
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
                [
                    {"label": t(f"gender.{g}", lang), "value": g}
                    for g in ("male", "female", "unknown")
                ],
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
