"""The map of regions: a choropleth on the real geometry, or on a tile grid of equal squares.

Both views are the same plotly trace (a choropleth over a GeoJSON that the browser fetches by URL,
never inside a callback response), so hover, click and recolouring work the same way. Counts are
drawn in classes whose round bounds are chosen from the data (data.query.map_breaks), on a
colour-blind-safe sequential scale (ColorBrewer Blues); zero and "no data" have colours of their
own, outside the scale. A filter change recolours the map with a
`dash.Patch` of `z`, the hover texts and the outlines: a few KB, not the figure.
"""

from __future__ import annotations

from datetime import date

from dash import Patch

from components.figures.theme import FONT, INK, MUTED, base_layout
from components.i18n import count_of, fmt_date, fmt_decimal, fmt_int, t
from data.query import RegionCounts
from data.reference import POPULATION_DATE, POPULATION_YEAR, TILE, region_label, tile_grid

POPULATION_DAY = date.fromisoformat(POPULATION_DATE)
_SHORT = {"persons": "persons_short", "prosecutions": "prosecutions"}

# ColorBrewer Blues without its two palest steps (they cannot be told from the white of zero);
# a map of n classes takes n of them, spread from light to dark.
BLUES = ("#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b")
NO_DATA = "#d9d9d9"
ZERO = "#ffffff"
BORDER = "#8a96a3"
SELECTED = "#d55e00"  # Okabe-Ito vermillion: stands out from every blue
Z_NO_DATA, Z_ZERO = -1, 0

# DESIGN.md: Russia reads well in a conic projection with these settings.
GEO_MAP = {
    "projection": {
        "type": "conic conformal",
        "parallels": [52, 64],
        "rotation": {"lon": 100},
        "scale": 1.0,  # fills the frame (the ranges below alone leave a third of it empty) and
        # keeps the Arctic coast whole (at 1.2 Chukotka and the islands were cut at the top)
    },
    "center": {"lon": 98, "lat": 64},
    "lonaxis": {"range": [18, 192]},
    "lataxis": {"range": [41, 82]},
}


def _geo_grid() -> dict:
    """The tile grid is drawn in plain degrees: one tile a degree, rows going south."""
    cells = tile_grid().values()
    rows = max(cell.row for cell in cells) + 1
    cols = max(cell.col for cell in cells) + 1
    return {
        "projection": {"type": "equirectangular"},
        "lonaxis": {"range": [-0.2, cols + 0.2]},
        "lataxis": {"range": [-rows - 0.2, 0.2]},
    }


def class_colours(breaks: tuple) -> tuple[str, ...]:
    """One blue per class, evenly spread over BLUES (the darkest always for the top class)."""
    n = len(breaks)
    if n == 1:
        return (BLUES[3],)
    return tuple(BLUES[round(i * (len(BLUES) - 1) / (n - 1))] for i in range(n))


def klass(value: float, breaks: tuple) -> int:
    """Which class a value falls in: 0 for zero only, 1..n for the classes (a value below the
    first bound, a small rate, is in class 1: never drawn as zero)."""
    if value <= 0:
        return 0
    return max(1, sum(1 for b in breaks if value >= b))


def _bound(value: float, lang: str) -> str:
    return fmt_int(int(value), lang) if value == int(value) else fmt_decimal(value, lang, 2)


def class_labels(breaks: tuple, measure: str, lang: str) -> list[str]:
    """A label per class. Counts are whole: a class runs to the next bound less one ("5–9");
    rates are continuous: a class runs to the next bound ("0,5–2"), and the first holds every
    rate above zero ("< 2")."""
    labels = []
    for i, (low, high) in enumerate(zip(breaks, (*breaks[1:], None), strict=True)):
        if high is None:
            labels.append(f"{_bound(low, lang)}+")
        elif measure == "per_million" and i == 0:
            labels.append(f"< {_bound(high, lang)}")
        elif measure == "per_million":
            labels.append(f"{_bound(low, lang)}–{_bound(high, lang)}")
        elif high - 1 == low:
            labels.append(_bound(low, lang))
        else:
            labels.append(f"{_bound(low, lang)}–{_bound(high - 1, lang)}")
    return labels


def legend_entries(breaks: tuple, measure: str, lang: str) -> list[tuple[str, str]]:
    """(colour, label) for the map's legend: no data, zero, then each class."""
    no_data = "map.no_data_per_million" if measure == "per_million" else "map.no_data"
    return [
        (NO_DATA, t(no_data, lang)),
        (ZERO, "0"),
        *zip(class_colours(breaks), class_labels(breaks, measure, lang), strict=True),
    ]


def legend_title(counts: RegionCounts, measure: str, lang: str) -> str:
    """What the colours count: persons or prosecutions, by which region, or per million."""
    if measure == "per_million":
        return t("map.legend_per_million", lang, year=POPULATION_YEAR)
    return t(f"map.legend_{counts.unit}_{counts.basis}", lang)


def colorscale(breaks: tuple) -> list[list]:
    """Stepped: each value (-1 no data, 0 zero, 1..n the classes) gets a band of one colour."""
    colours = (NO_DATA, ZERO, *class_colours(breaks))
    stops: list[list] = []
    for i, colour in enumerate(colours):
        stops += [[i / len(colours), colour], [(i + 1) / len(colours), colour]]
    return stops


def _z(counts: RegionCounts, measure: str, breaks: tuple) -> list[int]:
    if not counts.has_data:
        return [Z_NO_DATA] * len(counts.codes)
    if measure == "per_million":
        return [Z_NO_DATA if r is None else klass(r, breaks) for r in counts.per_million]
    return [klass(c, breaks) for c in counts.counts]


def _names(counts: RegionCounts, lang: str) -> list[str]:
    """Region names for the hover: sent with the whole figure only (they never change)."""
    return [region_label(code, lang) for code in counts.codes]


def _numbers(counts: RegionCounts, lang: str, measure: str = "count") -> list[str]:
    """'156 чел. · 5,1%' per region (or '12,3 на 1 млн жителей · 156 чел.'): the part of the
    hover that a recolour changes."""
    if not counts.has_data:
        return [t("map.no_data", lang)] * len(counts.codes)
    numbers = [
        f"{count_of(count, _SHORT[counts.unit], lang)} · "
        f"{fmt_decimal(100 * count / counts.located if counts.located else 0.0, lang, 1)}%"
        for count in counts.counts
    ]
    if measure != "per_million":
        return numbers
    return [
        t("map.no_population", lang, numbers=n)
        if rate is None
        else t("map.rate_hover", lang, rate=fmt_decimal(rate, lang, 1), numbers=n)
        for rate, n in zip(counts.per_million, numbers, strict=True)
    ]


def _outline(counts: RegionCounts, selected: tuple[str, ...]) -> tuple[list, list]:
    chosen = set(selected)
    widths = [3 if code in chosen else 0.5 for code in counts.codes]
    colours = [SELECTED if code in chosen else BORDER for code in counts.codes]
    return widths, colours


def _label_colours(z: list[int], breaks: tuple) -> list[str]:
    """Tile labels: white on the darker half of the classes, ink on the lighter ones."""
    dark = {i + 1 for i, colour in enumerate(class_colours(breaks)) if BLUES.index(colour) >= 3}
    return ["white" if v in dark else INK for v in z]


def map_figure(
    counts: RegionCounts,
    lang: str,
    view: str,
    geojson_url: str,
    selected: tuple[str, ...] = (),
    measure: str = "count",
    breaks: tuple = (1,),
) -> dict:
    """The whole figure: for the first drawing and when the view, unit or measure changes. The
    legend is not in the figure (components.map draws it in HTML under the map, where it wraps
    on a phone instead of taking 40% of the map's width)."""
    z = _z(counts, measure, breaks)
    widths, colours = _outline(counts, selected)
    trace = {
        "type": "choropleth",
        "geojson": geojson_url,
        "featureidkey": "properties.code",
        "locations": list(counts.codes),
        "z": z,
        "zmin": -1.5,
        "zmax": len(breaks) + 0.5,
        "colorscale": colorscale(breaks),
        "showscale": False,
        "marker": {"line": {"width": widths, "color": colours}},
        "text": _names(counts, lang),
        "customdata": _numbers(counts, lang, measure),
        "hovertemplate": "<b>%{text}</b><br>%{customdata}<extra></extra>",
    }
    data = [trace]
    geo = GEO_MAP if view == "map" else _geo_grid()
    if view == "grid":
        # Two sets of tile labels: whole ones, and at most four letters for a phone's narrow
        # tiles; CSS shows one set or the other by the screen's width (assets/style.css).
        grid = tile_grid()
        cells = [grid[code] for code in counts.codes]
        for texts in ([c.label(lang) for c in cells], [c.short(lang) for c in cells]):
            data.append(
                {
                    "type": "scattergeo",
                    "mode": "text",
                    "lon": [cell.col + TILE / 2 for cell in cells],
                    "lat": [-cell.row - TILE / 2 for cell in cells],
                    "text": texts,
                    "textfont": {"family": FONT, "size": 10, "color": _label_colours(z, breaks)},
                    "hoverinfo": "skip",
                    "showlegend": False,
                }
            )
    layout = base_layout(lang)
    layout.update(
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        geo={**geo, "fitbounds": False, "visible": False, "bgcolor": "rgba(0,0,0,0)"},
        # pan in both: with dragmode off, plotly geo stops reporting clicks after a redraw.
        dragmode="pan",
        font={"family": FONT, "size": 12, "color": INK},
        hoverlabel={"font": {"family": FONT}, "bgcolor": "white", "bordercolor": MUTED},
    )
    return {"data": data, "layout": layout}


def map_patch(
    counts: RegionCounts,
    lang: str,
    view: str,
    selected: tuple[str, ...],
    measure: str = "count",
    breaks: tuple = (1,),
) -> Patch:
    """Only what a filter change changes: classes, hover texts, outlines (and tile labels)."""
    z = _z(counts, measure, breaks)
    widths, colours = _outline(counts, selected)
    patch = Patch()
    patch["data"][0]["z"] = z
    patch["data"][0]["customdata"] = _numbers(counts, lang, measure)
    patch["data"][0]["marker"]["line"]["width"] = widths
    patch["data"][0]["marker"]["line"]["color"] = colours
    if view == "grid":
        for labels in (1, 2):
            patch["data"][labels]["textfont"]["color"] = _label_colours(z, breaks)
    return patch


def map_caption(counts: RegionCounts, lang: str, measure: str = "count") -> str:
    """What is counted, per what, and for the imprisonment basis how many records say where."""
    key = f"map.caption_{counts.basis}_{counts.unit}"
    text = t(key, lang, located=fmt_int(counts.located, lang), total=fmt_int(counts.total, lang))
    if measure == "per_million":
        text += " " + t("map.per_million_caption", lang, date=fmt_date(POPULATION_DAY, lang))
    if counts.basis == "imprisonment":
        text += " " + t(
            "map.imprisonment_known",
            lang,
            known=fmt_int(counts.rows_with_region, lang),
            rows=fmt_int(counts.rows, lang),
        )
    return text
