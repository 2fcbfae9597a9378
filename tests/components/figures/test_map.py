"""The map figure: geometry by URL, classes, zero vs no data, hover, outline, and a small Patch."""

import json

import plotly.graph_objects as go
import pytest

from components.figures.map import (
    BREAKS,
    Z_NO_DATA,
    Z_ZERO,
    class_labels,
    klass,
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
    assert [klass(n) for n in (0, 1, 2, 3, 9, 10, 299, 300, 5000)] == [0, 1, 1, 2, 2, 3, 5, 6, 8]
    assert class_labels("ru")[:4] == ["нет данных", "0", "1–2", "3–9"]
    assert class_labels("en")[-1] == "3,000+" and len(class_labels("en")) == len(BREAKS) + 2


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
    figure = map_figure(counts(dataset), "en", "grid", "/assets/geo/tiles.geojson")
    labels = figure["data"][1]
    assert len(labels["text"]) == 89 and "Moscow" in labels["text"]
    dark = [i for i, z in enumerate(figure["data"][0]["z"]) if z >= 5]
    assert all(labels["textfont"]["color"][i] == "white" for i in dark)


def test_caption_says_what_is_counted(dataset):
    text = map_caption(counts(dataset, basis="imprisonment", unit="prosecutions"), "en")
    assert text.startswith("Prosecutions by the region where the defendant is held")
    assert "The place of imprisonment is given for" in text


def test_a_small_rate_is_never_drawn_as_zero():
    """Review finding: one person in Moscow (0.08 per million) was drawn white, as "0"."""
    from components.figures.map import class_labels, klass

    assert klass(0, "per_million") == 0 and klass(0.079, "per_million") == 1
    assert klass(0.3, "per_million") == 2 and klass(500, "per_million") == 8
    labels = class_labels("en", "per_million")
    assert labels[:4] == ["no population data", "0", "< 0.3", "0.3–1"]
    assert class_labels("ru", "per_million")[2] == "< 0,3"
