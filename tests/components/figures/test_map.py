"""The map figure: geometry by URL, classes, zero vs no data, hover, outline, and a small Patch."""

import json

import plotly.graph_objects as go
import pytest

from components.figures.map import (
    BLUES,
    Z_NO_DATA,
    Z_ZERO,
    class_colours,
    class_labels,
    klass,
    legend_entries,
    map_caption,
    map_figure,
    map_patch,
)
from data import query
from data.filters import FilterState

URL = "/assets/geo/regions.geojson"


def counts(dataset, **state):
    return query.overview(dataset, FilterState(**state)).regions


@pytest.mark.parametrize("view", ["map", "grid"])
def test_the_geometry_is_a_url_never_the_data(dataset, view):
    figure = map_figure(counts(dataset), "ru", view, URL)
    go.Figure(figure)  # valid for plotly
    assert figure["data"][0]["geojson"] == URL
    assert len(json.dumps(figure)) < 40_000


def test_conic_projection_as_in_design(dataset):
    geo = map_figure(counts(dataset), "en", "map", URL)["layout"]["geo"]
    assert geo["projection"]["type"] == "conic conformal"
    assert geo["projection"]["parallels"] == [52, 64]
    assert geo["lonaxis"]["range"] == [18, 192] and geo["lataxis"]["range"] == [41, 82]
    assert geo["fitbounds"] is False and geo["visible"] is False


def test_classes():
    breaks = (1, 5, 10, 50)
    assert [klass(n, breaks) for n in (0, 1, 4, 5, 9, 10, 49, 50, 5000)] == [
        0, 1, 1, 2, 2, 3, 3, 4, 4,
    ]  # fmt: skip
    assert class_labels(breaks, "count", "ru") == ["1–4", "5–9", "10–49", "50+"]
    assert class_labels((1, 2, 3), "count", "en") == ["1", "2", "3+"]
    assert legend_entries(breaks, "count", "ru")[:2] == [
        ("#d9d9d9", "нет данных"),
        ("#ffffff", "0"),
    ]
    colours = class_colours(breaks)
    assert colours[0] == BLUES[0] and colours[-1] == BLUES[-1] and len(set(colours)) == 4


def test_classes_come_from_the_data_not_a_fixed_scale():
    """Defect: classes ran to "3,000+" while the largest region on a real list had 134, so the
    top colours were never used and the map looked washed out."""
    real = [134, 50, 20, 12, 10, 8, 7, 6, 5, 5, 4, 4, 3, 3, 3, 2, 2, 2, 2] + [1] * 27
    breaks = query.nice_breaks(real)
    assert breaks[0] == 1 and breaks[-1] <= 134 and 3 <= len(breaks) <= query.MAX_CLASSES
    used = {klass(v, breaks) for v in real}
    assert used == set(range(1, len(breaks) + 1))  # every colour is used
    assert all(b in (1, 2, 3, 5, 10, 20, 30, 50, 100) for b in breaks)  # round bounds


def test_classes_stay_while_a_filter_narrows(dataset):
    everything = query.map_breaks(dataset, FilterState())
    assert query.map_breaks(dataset, FilterState(articles=("207.3",))) == everything
    assert query.map_breaks(dataset, FilterState(unit="prosecutions")) != ()


def test_zero_and_no_data_differ(dataset):
    regions = counts(dataset, articles=("207.3",))
    z = map_figure(regions, "en", "map", URL)["data"][0]["z"]
    zero = [code for code, n in zip(regions.codes, regions.counts, strict=True) if n == 0]
    assert zero and all(z[regions.codes.index(c)] == Z_ZERO for c in zero)
    nobody_held = counts(
        dataset, basis="imprisonment", statuses=("investigation",), punishments=("fine",)
    )
    assert not nobody_held.has_data
    assert set(map_figure(nobody_held, "en", "map", URL)["data"][0]["z"]) == {Z_NO_DATA}


def test_hover_in_the_language_with_count_and_share(dataset):
    regions = counts(dataset)
    trace = map_figure(regions, "ru", "map", URL)["data"][0]
    i = regions.codes.index("RU-MOW")
    moscow = regions.counts[i]
    share = f"{100 * moscow / regions.located:.1f}".replace(".", ",")
    assert trace["text"][i] == "Москва"
    assert trace["customdata"][i] == f"{moscow} чел. · {share}%"
    assert trace["hovertemplate"] == "<b>%{text}</b><br>%{customdata}<extra></extra>"
    english = map_figure(regions, "en", "map", URL)["data"][0]
    assert english["text"][regions.codes.index("UA-43")] == "Crimea (occupied)"


def test_selected_regions_are_outlined(dataset):
    regions = counts(dataset)
    line = map_figure(regions, "en", "map", URL, ("RU-BA",))["data"][0]["marker"]["line"]
    i = regions.codes.index("RU-BA")
    assert line["width"][i] > max(w for j, w in enumerate(line["width"]) if j != i)


def test_the_patch_is_a_few_kilobytes(dataset):
    patch = map_patch(counts(dataset, articles=("205.5",)), "ru", "map", ("RU-BA",))
    size = len(json.dumps(patch.to_plotly_json()))
    assert size < 6_000
    operations = patch.to_plotly_json()["operations"]
    assert {tuple(op["location"]) for op in operations} >= {
        ("data", 0, "z"),
        ("data", 0, "customdata"),
    }


def test_grid_labels_read_on_dark_tiles(dataset):
    breaks = (1, 5, 10, 50)
    figure = map_figure(
        counts(dataset), "en", "grid", "/assets/geo/tiles.geojson", (), "count", breaks
    )
    labels = figure["data"][1]
    assert len(labels["text"]) == 89 and "Moscow" in labels["text"]
    colours = dict(zip(figure["data"][0]["z"], labels["textfont"]["color"], strict=True))
    assert colours.get(4) == "white" and colours.get(0) != "white"


def test_caption_says_what_is_counted(dataset):
    text = map_caption(counts(dataset, basis="imprisonment", unit="prosecutions"), "en")
    assert text.startswith("Prosecutions by the region where the defendant is held")
    assert "The place of imprisonment is given for" in text


def test_a_small_rate_is_never_drawn_as_zero():
    """Review finding: one person in Moscow (0.08 per million) was drawn white, as "0"."""
    breaks = (0.5, 2, 10)
    assert klass(0, breaks) == 0 and klass(0.079, breaks) == 1 and klass(500, breaks) == 3
    assert class_labels(breaks, "per_million", "en") == ["< 2", "2–10", "10+"]
    assert legend_entries(breaks, "per_million", "ru")[0][1] == "нет данных о населении"
    assert class_labels((0.05, 0.5), "per_million", "ru") == ["< 0,5", "0,5+"]


def test_breaks_for_values_just_under_a_round_number():
    assert query.nice_breaks([2.6]) == (1,)
    assert query.nice_breaks([0.26]) == (0.2,)
    assert query.nice_breaks([]) == (1,)
