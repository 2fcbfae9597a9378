"""A chart as a small spec, after Our World in Data's grapher: what it shows (the figure or the
counters), its title, the selection in words, what it counts, its source and "as of" date, and
the link back to the full view. The embed page, the PNG/SVG export and the CSV's header block
are all made from one spec, so they never disagree about what a number is.
"""

from __future__ import annotations

import copy
import textwrap
from dataclasses import dataclass

from components import ids  # the counter texts are keyed by the overview's component ids
from components.chart_table_view import TextTable, readable, text_table
from components.chart_tables import EMBEDS, chart_table, compare_table
from components.counters import counter_values, lists_suffix
from components.describe import describe_filters, file_stem
from components.figures.compare import compare_figure
from components.figures.map import legend_entries, legend_title, map_caption, map_figure
from components.figures.sentences import sentences_caption, sentences_figure
from components.figures.theme import COMPARE_COLOURS, FONT, INK, MUTED, plotly_text
from components.figures.timeline import timeline_caption, timeline_figure, timeline_title
from components.i18n import fmt_int, t
from components.map import MapAssets
from components.provenance import pair_labels, source_labels, sources_sentence
from components.summaries import chart_summary, compare_summary
from data.compare import compare_lists
from data.dataset import Dataset
from data.filters import FilterState
from data.query import Overview, map_breaks, map_selection, overview
from data.view_query import ViewQuery

COUNTERS = ("persons", "prosecutions", "in_custody", "median")


@dataclass(frozen=True)
class Counter:
    label: str
    value: str
    note: str


@dataclass(frozen=True)
class ChartSpec:
    chart: str
    lang: str
    title: str
    subtitle: str  # the selection in words
    caption: str  # what the numbers count, and what they leave out
    source: str  # "Source: Memorial (as of 30.03.2025)"
    credit: str  # "Made with Natural Earth" for maps, else ""
    demo: str  # the demo-data warning, else ""
    query: str  # the view's canonical query string: the link back and the downloads use it
    file_stem: str  # download file names: "map_207.3_RU-BA_2022-03--2024-12"
    figure: dict | None = None  # plotly figure (None for the counters)
    legend_title: str = ""
    legend: tuple[tuple[str, str], ...] = ()  # (colour, label) of the map's classes
    counters: tuple[Counter, ...] = ()
    page: str = ""  # the full view's page ("compare"), relative to the app's root; "" the overview
    summary: str = ""  # what the chart shows, in words (components.summaries)
    table: TextTable | None = None  # its numbers, behind the embed's "show as table"


def source_line(dataset: Dataset, lang: str) -> str:
    key = "footer.sources" if len(dataset.sources) > 1 else "footer.source"
    return t(key, lang, source=sources_sentence(dataset, lang))


def demo_notice(dataset: Dataset, lang: str) -> str:
    if not dataset.synthetic:
        return ""
    return t("demo.short", lang)


def _counters(result: Overview, view: ViewQuery, dataset: Dataset) -> tuple[Counter, ...]:
    lang = view.lang
    values = counter_values(result.counters, view.filters.unit, lang, source_labels(dataset, lang))
    notes = {
        "persons": values[ids.COUNT_PERSONS_NOTE],
        "prosecutions": t("counter.prosecutions_note", lang),
        "in_custody": values[ids.COUNT_IN_CUSTODY_NOTE],
        "median": values[ids.COUNT_MEDIAN_NOTE],
    }
    numbers = {
        "persons": values[ids.COUNT_PERSONS],
        "prosecutions": values[ids.COUNT_PROSECUTIONS],
        "in_custody": values[ids.COUNT_IN_CUSTODY],
        "median": values[ids.COUNT_MEDIAN],
    }
    return tuple(Counter(t(f"counter.{c}", lang), numbers[c], notes[c]) for c in COUNTERS)


def chart_overview(chart: str, dataset: Dataset, state: FilterState) -> Overview:
    """The numbers `chart` shows: the map counts every region under the other filters (it
    outlines the selected ones), every other chart the whole selection."""
    return overview(dataset, map_selection(state)[1] if chart == "map" else state)


def _compare_spec(dataset: Dataset, view: ViewQuery, common: dict) -> ChartSpec:
    """Two lists side by side: the three totals, and the split by year of arrest."""
    lang = view.lang
    comparison = compare_lists(dataset, view.filters)
    common = {**common, "page": "compare"}
    if comparison is None:
        only = next(iter(source_labels(dataset, lang).values()), "")
        return ChartSpec(
            title=t("compare.title", lang),
            caption=t("compare.need_two", lang, list=only),
            credit="",
            **common,
        )
    names = pair_labels(dataset, (comparison.left, comparison.right), lang)
    parts = {
        "both": (comparison.both, t("compare.both", lang)),
        "only_left": (comparison.only_left, t("compare.only", lang, list=names[0])),
        "only_right": (comparison.only_right, t("compare.only", lang, list=names[1])),
    }
    common["summary"] = compare_summary(comparison, names, lang)
    frame = compare_table(comparison, lang, names)
    common["table"] = text_table(frame, t("table_view.caption", lang), lang)
    caption = t("compare.caption", lang)
    if comparison.undated:
        caption += " " + t("compare.undated", lang, n=fmt_int(comparison.undated, lang))
    return ChartSpec(
        title=t("compare.embed_title", lang, left=names[0], right=names[1]),
        caption=caption,
        credit="",
        figure=compare_figure(comparison.by_year, "year", lang, names, str),
        legend_title=t("compare.by_year", lang),
        legend=tuple((COMPARE_COLOURS[p], label) for p, (_n, label) in parts.items()),
        counters=tuple(Counter(label, fmt_int(n, lang), "") for n, label in parts.values()),
        **common,
    )


def chart_spec(chart: str, dataset: Dataset, view: ViewQuery, assets: MapAssets) -> ChartSpec:
    """The spec of `chart` for the view a link asks for. Raises ValueError for another chart."""
    if chart not in EMBEDS:
        raise ValueError(f"no chart {chart!r}; charts: {', '.join(EMBEDS)}")
    state, lang = view.filters, view.lang
    common = {
        "chart": chart,
        "lang": lang,
        "subtitle": describe_filters(state, dataset, lang),
        "source": source_line(dataset, lang),
        "demo": demo_notice(dataset, lang),
        "query": view.to_query(),
        "file_stem": file_stem(chart, state),
    }
    if chart == "compare":
        return _compare_spec(dataset, view, common)
    result = chart_overview(chart, dataset, state)
    common["summary"] = chart_summary(chart, result, lang)
    if chart != "counters":  # the counters are their own table
        frame = chart_table(chart, result, lang, state, source_labels(dataset, lang))
        common["table"] = text_table(readable(chart, frame), t("table_view.caption", lang), lang)
    if chart == "map":
        selected = map_selection(state)[0]
        counts, breaks = result.regions, map_breaks(dataset, state)
        figure = map_figure(
            counts, lang, state.view, assets.geojson(state.view), selected, state.measure, breaks
        )
        return ChartSpec(
            title=legend_title(counts, state.measure, lang),
            caption=lists_suffix(map_caption(counts, lang, state.measure), result.counters, lang),
            credit=t("map.credit", lang),
            figure=figure,
            legend_title=legend_title(counts, state.measure, lang),
            legend=tuple(legend_entries(breaks, state.measure, lang)),
            **common,
        )
    if chart == "timeline":
        caption = timeline_caption(result.timeline, lang, result.period_undated)
        return ChartSpec(
            title=timeline_title(state.dates, lang),
            caption=lists_suffix(caption, result.counters, lang),
            credit="",
            figure=timeline_figure(result.timeline, lang),
            **common,
        )
    if chart == "sentences":
        caption = sentences_caption(result.sentences, lang)
        return ChartSpec(
            title=t("sentences.title", lang),
            caption=lists_suffix(caption, result.counters, lang),
            credit="",
            figure=sentences_figure(result.sentences, lang),
            **common,
        )
    counters = _counters(result, view, dataset)
    values = counter_values(result.counters, state.unit, lang, source_labels(dataset, lang))
    return ChartSpec(
        title=t("embed.counters_title", lang),
        caption=values[ids.COUNT_LISTS_NOTE],
        credit="",
        counters=counters,
        **common,
    )


# --- the figure inside an embed, and the figure of an image download ------------------------------


def embed_figure(spec: ChartSpec) -> dict:
    """The chart as an embed draws it: no zooming or panning a reader could get stuck in on a
    phone (the page scrolls over it), and no modebar space, as the page has no modebar."""
    figure = copy.deepcopy(spec.figure or {"data": [], "layout": {}})
    layout = figure["layout"]
    layout["dragmode"] = False
    margin = layout.setdefault("margin", {})
    above = [a for a in layout.get("annotations") or () if a.get("yref") == "paper" and a["y"] >= 1]
    if not above:  # the top margin was the modebar's; a label above the plot keeps its margin
        margin["t"] = min(margin.get("t", 8), 12)
    for name in ("xaxis", "yaxis"):
        if name in layout:
            layout[name]["fixedrange"] = True
    return figure


IMAGE_WIDTH = 1200
IMAGE_HEIGHTS = {"map": 600, "timeline": 600, "sentences": 600, "counters": 360, "compare": 560}
_TITLE_LINE, _FOOT_LINE, _SUBTITLE_WIDTH = 20, 20, 120


def _wrap(text: str, width: int) -> str:
    """Plotly text does not wrap by itself: break a long line for an image of IMAGE_WIDTH."""
    return "<br>".join(textwrap.wrap(text, width)) if text else ""


def image_figure(spec: ChartSpec) -> dict:
    """The figure of a PNG/SVG download: the chart with its title, the selection in words, the
    legend (maps), what it counts and the source inside the image, so a picture that travels
    without its page still says what it is and where it comes from."""
    if spec.counters:
        figure = _counters_figure(spec)
    else:
        figure = copy.deepcopy(spec.figure or {"data": [], "layout": {}})
    layout = figure["layout"]
    # Every text escaped first, then the markup of our own added: a caption or a name that
    # says "<span" stays text (it once decided which lines were escaped).
    plain = [spec.caption, f"{spec.source}{' · ' + spec.credit if spec.credit else ''}", spec.demo]
    lines = [_wrap(plotly_text(line), 150) for line in plain if line]
    if spec.legend:
        keys = "   ".join(
            f"<span style='color:{colour}'>■</span> {plotly_text(label)}"
            for colour, label in spec.legend
        )
        lines.insert(0, f"{plotly_text(spec.legend_title)}:  {keys}")
    foot_lines = sum(line.count("<br>") + 1 for line in lines)
    bottom = 24 + _FOOT_LINE * foot_lines
    layout.pop("uirevision", None)
    subtitle = _wrap(plotly_text(spec.subtitle), _SUBTITLE_WIDTH)
    subtitle_lines = subtitle.count("<br>") + 1
    layout.update(
        autosize=False,
        width=IMAGE_WIDTH,
        height=IMAGE_HEIGHTS[spec.chart] + bottom,
        title={
            "text": f"<b>{plotly_text(spec.title)}</b>",
            "subtitle": {"text": subtitle, "font": {"family": FONT, "size": 15, "color": MUTED}},
            "x": 0,
            "xref": "paper",
            "xanchor": "left",
            "y": 1,
            "yref": "container",
            "yanchor": "top",
            "pad": {"t": 18},
            "font": {"family": FONT, "size": 22, "color": INK},
        },
    )
    margin = layout.setdefault("margin", {})
    margin.update(t=64 + _TITLE_LINE * subtitle_lines, b=bottom)
    margin["l"] = max(margin.get("l", 0), 24)
    margin["r"] = max(margin.get("r", 0), 24)
    annotations = list(layout.get("annotations") or [])
    annotations.append(
        {
            "text": "<br>".join(lines),
            "xref": "paper",
            "yref": "paper",
            "x": 0,
            "y": 0,
            "yshift": -bottom + 8,
            "xanchor": "left",
            "yanchor": "bottom",
            "align": "left",
            "showarrow": False,
            "font": {"family": FONT, "size": 13, "color": MUTED},
        }
    )
    layout["annotations"] = annotations
    return figure


def _counters_figure(spec: ChartSpec) -> dict:
    """The counters as an image: one number per column, its label above and its note below."""
    n = len(spec.counters)
    annotations = []
    for i, counter in enumerate(spec.counters):
        x = (i + 0.5) / n
        for text, y, size, colour in (
            (plotly_text(counter.label), 0.92, 16, MUTED),
            (f"<b>{plotly_text(counter.value)}</b>", 0.62, 40, INK),
            (_wrap(plotly_text(counter.note), 30), 0.38, 12, MUTED),
        ):
            annotations.append(
                {
                    "text": text,
                    "xref": "paper",
                    "yref": "paper",
                    "x": x,
                    "y": y,
                    "xanchor": "center",
                    "yanchor": "top" if y < 0.5 else "middle",
                    "showarrow": False,
                    "font": {"family": FONT, "size": size, "color": colour},
                }
            )
    return {
        "data": [],
        "layout": {
            "font": {"family": FONT, "color": INK},
            "paper_bgcolor": "white",
            "plot_bgcolor": "white",
            "xaxis": {"visible": False},
            "yaxis": {"visible": False},
            "margin": {"l": 24, "r": 24},
            "annotations": annotations,
        },
    }
