"""Two lists side by side as stacked bars: persons on both lists, on the first only, on the
second only, by region or charge (horizontal, largest first) or by year of arrest."""

from __future__ import annotations

from collections.abc import Callable

from components.figures.theme import (
    COMPARE_COLOURS,
    COMPARE_PATTERNS,
    axis,
    base_layout,
    category_marker,
    count_axis,
    empty_figure,
    plotly_text,
)
from components.i18n import fmt_int, t
from data.compare import PARTS, CompareRow
from data.loader import clipped
from data.reference import article_label, region_label

TOP_ROWS = 12  # regions or charges drawn; the CSV and the table have every row
LABEL_WIDTH = 24  # characters of a bar's label; the whole name is in its hover


def breakdown_label(kind: str, lang: str) -> Callable[[str], str]:
    """A breakdown key in words: a region's name, an article with its short name, a year."""
    if kind == "region":
        return lambda key: region_label(key, lang)
    if kind == "article":
        return lambda key: article_label(key, lang)
    return str


def _short(text: str) -> str:
    """A label that leaves a phone's chart room for its bars."""
    return clipped(text, LABEL_WIDTH)


def _names(left_label: str, right_label: str, lang: str) -> dict[str, str]:
    return {
        "both": t("compare.both", lang),
        "only_left": t("compare.only", lang, list=left_label),
        "only_right": t("compare.only", lang, list=right_label),
    }


def compare_figure(
    rows: tuple[CompareRow, ...],
    kind: str,
    lang: str,
    lists: tuple[str, str],
    label: Callable[[str], str],
) -> dict:
    """`rows` by `kind` ("region", "article" or "year"); `lists` the two lists' display names;
    `label` a key's words (region name, article with its short name, the year)."""
    if not rows or not any(r.total for r in rows):
        return empty_figure(lang)
    names = _names(*lists, lang)
    horizontal = kind != "year"
    shown = rows[:TOP_ROWS] if horizontal else rows
    if horizontal:
        shown = tuple(reversed(shown))  # plotly draws the first category at the bottom
    full = [plotly_text(label(r.key)) for r in shown]
    labels = [plotly_text(_short(label(r.key))) for r in shown]
    traces = []
    for part in PARTS:
        values = [getattr(r, part) for r in shown]
        hover = [
            f"{text}<br>{plotly_text(names[part])}: {fmt_int(v, lang)}"
            for text, v in zip(full, values, strict=True)
        ]
        trace = {
            "type": "bar",
            "name": plotly_text(names[part]),
            "marker": category_marker(COMPARE_COLOURS[part], COMPARE_PATTERNS[part]),
            "hovertext": hover,
            "hoverinfo": "text",
            "orientation": "h" if horizontal else "v",
        }
        trace.update({"x": values, "y": labels} if horizontal else {"x": labels, "y": values})
        traces.append(trace)
    layout = base_layout(lang)
    largest = max(r.total for r in shown)
    persons = t("compare.axis", lang)
    # The legend is HTML beside the chart (it wraps on a phone; plotly's does not).
    layout.update(barmode="stack", showlegend=False, margin={**layout["margin"], "t": 12})
    if horizontal:
        layout["xaxis"] = count_axis(persons, largest)
        # Room for the longest label, set here: plotly's automargin left a lone bar's label
        # half under the bar.
        longest = max(len(text) for text in labels)
        layout["yaxis"] = axis("", automargin=False, fixedrange=True)
        layout["margin"]["l"] = min(16 + 8 * longest, 210)
        if len(shown) < 4:
            layout["bargap"] = 0.5
    else:
        layout["xaxis"] = axis("", type="category", fixedrange=True)
        layout["yaxis"] = count_axis(persons, largest)
    return {"data": traces, "layout": layout}
