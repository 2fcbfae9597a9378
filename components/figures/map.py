"""The map of regions: a choropleth on the real geometry, or on a tile grid of equal squares.

Both views are the same plotly trace (a choropleth over a GeoJSON that the browser fetches by URL,
never inside a callback response), so hover, click and recolouring work the same way. Counts are
drawn in fixed classes on a colour-blind-safe sequential scale (ColorBrewer Blues); zero and "no
data" have colours of their own, outside the scale. A filter change recolours the map with a
`dash.Patch` of `z`, the hover texts and the outlines: a few KB, not the figure.
"""

from __future__ import annotations

from datetime import date

from dash import Patch

from components.figures.theme import FONT, INK, MUTED, base_layout
from components.i18n import fmt_date, fmt_decimal, fmt_int, t
from data.query import RegionCounts
from data.reference import POPULATION_DATE, POPULATION_YEAR, TILE, region_label, tile_grid

POPULATION_DAY = date.fromisoformat(POPULATION_DATE)

# Class k (1..8) holds values from BREAKS[k-1] up to the next break; the last is open.
BREAKS = (1, 3, 10, 30, 100, 300, 1000, 3000)  # counts
RATE_BREAKS = (0.1, 0.3, 1, 3, 10, 30, 100, 300)  # per million residents
BLUES = ("#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b")
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
        "scale": 1.2,  # fills the frame: the ranges below alone leave a third of it empty
    },
    "center": {"lon": 98, "lat": 61},
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


def _breaks(measure: str) -> tuple[float, ...]:
    return RATE_BREAKS if measure == "per_million" else BREAKS


def klass(value: float, measure: str = "count") -> int:
    """Which class a value falls in: 0 for zero only, 1..8 for the breaks of its measure (a
    rate below the first break is in class 1: never drawn as zero)."""
    if value <= 0:
        return 0
    return max(1, sum(1 for b in _breaks(measure) if value >= b))


def class_labels(lang: str, measure: str = "count") -> list[str]:
    """Legend labels: whole counts run to the next break less one ("3–9"); rates are continuous
    and run to the next break ("0,3–1"), which starts the next class."""
    no_data = "map.no_data_per_million" if measure == "per_million" else "map.no_data"
    labels = [t(no_data, lang), "0"]
    breaks = _breaks(measure)
    for low, high in zip(breaks, (*breaks[1:], None), strict=True):
        if measure == "per_million":
            low_text = fmt_decimal(low, lang, 1)
            if low == breaks[0]:  # the first class holds every rate above zero up to its top
                labels.append(f"< {fmt_decimal(high, lang, 1)}")
            elif high is None:
                labels.append(f"{low_text}+")
            else:
                labels.append(f"{low_text}–{fmt_decimal(high, lang, 1)}")
        elif high is None:
            labels.append(f"{fmt_int(low, lang)}+")
        elif high - 1 == low:
            labels.append(fmt_int(low, lang))
        else:
            labels.append(f"{fmt_int(low, lang)}–{fmt_int(high - 1, lang)}")
    return labels


def colorscale() -> list[list]:
    """Stepped: each of the 10 values (-1 no data, 0 zero, 1..8) gets a band of one colour."""
    colours = (NO_DATA, ZERO, *BLUES)
    stops: list[list] = []
    for i, colour in enumerate(colours):
        stops += [[i / len(colours), colour], [(i + 1) / len(colours), colour]]
    return stops


def _z(counts: RegionCounts, measure: str) -> list[int]:
    if not counts.has_data:
        return [Z_NO_DATA] * len(counts.codes)
    if measure == "per_million":
        return [Z_NO_DATA if r is None else klass(r, measure) for r in counts.per_million]
    return [klass(c) for c in counts.counts]


def _names(counts: RegionCounts, lang: str) -> list[str]:
    """Region names for the hover: sent with the whole figure only (they never change)."""
    return [region_label(code, lang) for code in counts.codes]


def _numbers(counts: RegionCounts, lang: str, measure: str = "count") -> list[str]:
    """'156 чел. · 5,1%' per region (or '12,3 на 1 млн жителей · 156 чел.'): the part of the
    hover that a recolour changes."""
    if not counts.has_data:
        return [t("map.no_data", lang)] * len(counts.codes)
    unit = t(f"map.unit_{counts.unit}", lang)
    numbers = [
        f"{fmt_int(count, lang)} {unit} · "
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


def _label_colours(z: list[int]) -> list[str]:
    """Tile labels: white on the dark classes, ink on the light ones."""
    return ["white" if v >= 5 else INK for v in z]


def map_figure(
    counts: RegionCounts,
    lang: str,
    view: str,
    geojson_url: str,
    selected: tuple[str, ...] = (),
    measure: str = "count",
) -> dict:
    """The whole figure: for the first drawing and when the view, unit or measure changes."""
    z = _z(counts, measure)
    widths, colours = _outline(counts, selected)
    labels = class_labels(lang, measure)
    legend = (
        t("map.legend_per_million", lang, year=POPULATION_YEAR)
        if measure == "per_million"
        else t(f"map.legend_{counts.unit}", lang)
    )
    trace = {
        "type": "choropleth",
        "geojson": geojson_url,
        "featureidkey": "properties.code",
        "locations": list(counts.codes),
        "z": z,
        "zmin": -1.5,
        "zmax": 8.5,
        "colorscale": colorscale(),
        "marker": {"line": {"width": widths, "color": colours}},
        "text": _names(counts, lang),
        "customdata": _numbers(counts, lang, measure),
        "hovertemplate": "<b>%{text}</b><br>%{customdata}<extra></extra>",
        "colorbar": {
            "title": {"text": legend, "side": "top"},
            "tickvals": list(range(-1, len(BREAKS) + 1)),
            "ticktext": labels,
            "thickness": 12,
            "len": 0.9,
            "outlinewidth": 1,  # frames the white "0" band so that it reads as a colour
            "outlinecolor": BORDER,
            "tickfont": {"size": 11},
        },
    }
    data = [trace]
    geo = GEO_MAP if view == "map" else _geo_grid()
    if view == "grid":
        grid = tile_grid()
        cells = [grid[code] for code in counts.codes]
        data.append(
            {
                "type": "scattergeo",
                "mode": "text",
                "lon": [cell.col + TILE / 2 for cell in cells],
                "lat": [-cell.row - TILE / 2 for cell in cells],
                "text": [cell.label(lang) for cell in cells],
                "textfont": {"family": FONT, "size": 10, "color": _label_colours(z)},
                "hoverinfo": "skip",
                "showlegend": False,
            }
        )
    layout = base_layout(lang, height=450)
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
) -> Patch:
    """Only what a filter change changes: classes, hover texts, outlines (and tile labels)."""
    z = _z(counts, measure)
    widths, colours = _outline(counts, selected)
    patch = Patch()
    patch["data"][0]["z"] = z
    patch["data"][0]["customdata"] = _numbers(counts, lang, measure)
    patch["data"][0]["marker"]["line"]["width"] = widths
    patch["data"][0]["marker"]["line"]["color"] = colours
    if view == "grid":
        patch["data"][1]["textfont"]["color"] = _label_colours(z)
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
