"""The timeline: bars per month, quarter or year of the chosen date (arrest, start of the case or
verdict), with 24 February 2022 marked."""

from __future__ import annotations

from datetime import date

from components.figures.theme import ACCENT, MUTED, axis, base_layout, count_axis, empty_figure
from components.i18n import count_of, fmt_date, fmt_int, fmt_period, t
from data.query import Timeline

INVASION = date(2022, 2, 24)
CENSORSHIP_LAWS = date(2022, 3, 4)  # articles 207.3 and 280.3 in force
PARTIAL = "#9fc3e6"
_PERIOD = {"month": "M1", "quarter": "M3", "year": "M12"}
_FEW_TICKS = {
    "month": {"dtick": "M1", "tickformat": "%b %Y"},
    "quarter": {"dtick": "M3", "tickformat": "%b %Y"},
    "year": {"dtick": "M12", "tickformat": "%Y"},
}
_DAY_MS = 86_400_000
_BAR_WIDTH_MS = {"month": 25 * _DAY_MS, "quarter": 78 * _DAY_MS, "year": 320 * _DAY_MS}


def _end(timeline: Timeline) -> str:
    """The first day after the last period: where the axis ends."""
    last = timeline.periods[-1]
    months = {"month": 1, "quarter": 3, "year": 12}[timeline.granularity] + last.month - 1
    return date(last.year + months // 12, months % 12 + 1, 1).isoformat()


def timeline_figure(timeline: Timeline, lang: str) -> dict:
    if not timeline.periods or not any(timeline.counts):
        if timeline.undated:  # there are records, only none with this date: say so
            what = t(f"period.what_{timeline.dates}", lang)
            n = count_of(timeline.undated, timeline.unit, lang)
            return empty_figure(lang, t("timeline.all_undated", lang, what=what, n=n))
        return empty_figure(lang)
    hover = [
        t(
            "timeline.hover",
            lang,
            period=fmt_period(p, timeline.granularity, lang),
            n=count_of(n, "persons_short" if timeline.unit == "persons" else "prosecutions", lang),
        )
        for p, n in zip(timeline.periods, timeline.counts, strict=True)
    ]
    bars = {
        "type": "bar",
        "x": [p.isoformat() for p in timeline.periods],
        "y": list(timeline.counts),
        "xperiod": _PERIOD[timeline.granularity],
        "xperiodalignment": "middle",
        # An explicit width: plotly sizes bars on a date axis from the gaps between them, and a
        # single bar (a narrow filter) got a width of a millisecond, an empty-looking chart.
        "width": _BAR_WIDTH_MS[timeline.granularity],
        # The last bar of a period the data does not cover to its end is paler: not a drop.
        "marker": {
            "color": [ACCENT] * (len(timeline.counts) - 1)
            + [PARTIAL if timeline.last_is_partial else ACCENT]
        },
        "customdata": hover,
        "hovertemplate": "%{customdata}<extra></extra>",
        "name": t(f"timeline.y_{timeline.unit}", lang),
    }
    layout = base_layout(lang)
    layout.update(
        # An explicit range: autorange would stretch the axis to fit the label (to 1988 on a phone).
        xaxis=axis(
            "",
            type="date",
            range=[timeline.periods[0].isoformat(), _end(timeline)],
            # a few periods: one tick a period (plotly chose weeks under monthly bars)
            **(_FEW_TICKS[timeline.granularity] if len(timeline.periods) <= 12 else {}),
        ),
        yaxis=count_axis(t(f"timeline.y_{timeline.unit}", lang), max(timeline.counts)),
        showlegend=False,
    )
    if timeline.periods[0] <= INVASION <= timeline.periods[-1]:
        # The key dates PRODUCT.md names, eight days apart: two lines, one label (two labels
        # would collide), inside the plot under the modebar's margin.
        layout["shapes"] = [
            {
                "type": "line",
                "xref": "x",
                "yref": "paper",
                "x0": day.isoformat(),
                "x1": day.isoformat(),
                "y0": 0,
                "y1": 1,
                "line": {"color": MUTED, "width": 1, "dash": "dot"},
            }
            for day in (INVASION, CENSORSHIP_LAWS)
        ]
        # Above the plot at its left, in a margin of its own: anchored to the lines it ran over
        # the y axis on a phone, inside the plot it covered bars. The dates are in its words,
        # and the modebar is on the right.
        layout["annotations"] = [
            {
                "x": 0,
                "xref": "paper",
                "y": 1,
                "yref": "paper",
                "text": t("timeline.invasion", lang),
                "showarrow": False,
                "xanchor": "left",
                "yanchor": "bottom",
                "align": "left",
                "font": {"size": 10, "color": MUTED},
            }
        ]
        layout["margin"] = {**layout["margin"], "t": 44}
    return {"data": [bars], "layout": layout}


def timeline_caption(timeline: Timeline, lang: str, undated: int | None = None) -> str:
    """What the bars count, by which date, how many had no such date to be placed by (with a
    period set: how many the period left out for it, `undated`), and whether the last period is
    partial."""
    caption = t(
        f"timeline.caption_{timeline.unit}_{timeline.dates}",
        lang,
        n=fmt_int(timeline.undated if undated is None else undated, lang),
    )
    if timeline.periods and timeline.periods[0] <= INVASION <= timeline.periods[-1]:
        caption += " " + t("timeline.key_dates", lang)
    if timeline.last_is_partial and any(timeline.counts):
        until = fmt_date(timeline.data_until, lang)
        caption += " " + t("timeline.partial", lang, date=until)
    return caption


def timeline_title(dates: str, lang: str) -> str:
    return t(f"timeline.title_{dates}", lang)
