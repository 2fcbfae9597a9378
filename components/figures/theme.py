"""Shared look of every chart: fonts, margins, colours, the empty state."""

from __future__ import annotations

import textwrap

from components.i18n import plotly_separators, t

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
INK = "#1f2933"
MUTED = "#52606d"
GRID = "#e4e7eb"
ACCENT = "#0b5394"


def category_marker(colour: str, pattern: str) -> dict:
    """A bar's fill for a category: its colour, and a pattern of its own drawn over it, so that
    no category is told apart by colour alone (a reader with a colour-vision deficiency, a
    printout in grey). The legend shows the pattern too."""
    marker: dict = {"color": colour}
    if pattern:
        marker["pattern"] = {
            "shape": pattern,
            "fgcolor": "rgba(255,255,255,0.85)",
            "fgopacity": 1,
            "size": 6,
            "solidity": 0.25,
            "fillmode": "overlay",
        }
    return marker


# Okabe-Ito: distinguishable with every common colour-vision deficiency.
REGIME_COLOURS = {
    "general": "#0072B2",
    "strict": "#D55E00",
    "special": "#CC79A7",
    "settlement": "#009E73",
    "prison": "#000000",
    "unknown": "#999999",
}


# ... and each a pattern (plotly's bar pattern shapes; "" plain).
REGIME_PATTERNS = {
    "general": "",
    "strict": "/",
    "special": "x",
    "settlement": ".",
    "prison": "-",
    "unknown": "+",
}

# Who is on which list (data.compare): on both, on the first only, on the second only.
COMPARE_COLOURS = {"both": "#0072B2", "only_left": "#E69F00", "only_right": "#009E73"}
COMPARE_PATTERNS = {"both": "", "only_left": "/", "only_right": "\\"}


def plotly_text(text: str) -> str:
    """Plotly reads pseudo-HTML in titles, labels and hovers: a string from the data must not
    become a tag. The one escaper for every text from the data that reaches a figure."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


MODEBAR_SPACE = 34  # px: plotly draws its modebar (about 26 px high) in the top margin


def base_layout(lang: str) -> dict:
    """Layout every chart starts from; `separators` makes numbers read right in each language.

    No height: every graph is responsive and takes the height its CSS gives it (assets/style.css,
    .chart-graph and .map-graph). A figure height with a responsive graph left the container at
    zero height after a re-render (dash-core-components issue 913): the map collapsed after a
    click and a resize, and the next card covered it."""
    return {
        "autosize": True,
        # The top margin is the modebar's: titles, notes and legends stay below it.
        "margin": {"l": 56, "r": 16, "t": MODEBAR_SPACE, "b": 48},
        "font": {"family": FONT, "size": 13, "color": INK},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "separators": plotly_separators(lang),
        "hoverlabel": {"font": {"family": FONT}},
        "bargap": 0.1,
        # Keep the reader's zoom when only the data changes.
        "uirevision": "keep",
    }


def axis(title: str, **extra: object) -> dict:
    return {
        "title": {"text": title, "font": {"color": MUTED}},
        "gridcolor": GRID,
        "zeroline": False,
        "fixedrange": False,
        **extra,
    }


def blank_figure(lang: str) -> dict:
    """What a chart shows for the instant before its data arrives: nothing, at its final size."""
    layout = base_layout(lang)
    layout.update(xaxis={"visible": False}, yaxis={"visible": False})
    return {"data": [], "layout": layout}


def count_axis(title: str, largest: int) -> dict:
    """A y-axis of counts: whole numbers only (no '0.5 persons' on a small selection)."""
    extra: dict = {"rangemode": "tozero", "tickformat": ",d"}
    if largest <= 8:
        extra.update(tick0=0, dtick=1)
    return axis(title, **extra)


EMPTY_LINE = 34  # characters a line of the empty-state message holds on a 390 px phone


def empty_figure(lang: str, text: str | None = None) -> dict:
    """Says what there is instead of a chart, rather than drawing empty axes that look broken.
    The words are broken into short lines: in one line a phone cut them at both ends."""
    words = (text or t("chart.empty", lang)).replace("<br>", " ")
    layout = base_layout(lang)
    layout.update(
        xaxis={"visible": False},
        yaxis={"visible": False},
        annotations=[
            {
                "text": "<br>".join(textwrap.wrap(words, EMPTY_LINE)),
                "xref": "paper",
                "yref": "paper",
                "x": 0.5,
                "y": 0.5,
                "showarrow": False,
                "font": {"size": 14, "color": MUTED},
            }
        ],
    )
    return {"data": [], "layout": layout}
