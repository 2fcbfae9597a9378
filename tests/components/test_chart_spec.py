"""A chart's spec, its embed figure and its picture figure."""

import pytest

from components.chart_spec import chart_spec, embed_figure, image_figure
from components.chart_tables import CHARTS
from components.map import MapAssets
from data.view_query import ViewQuery


@pytest.mark.parametrize("chart", CHARTS)
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_chart_has_title_selection_source_and_demo_notice(dataset, chart, lang):
    spec = chart_spec(chart, dataset, ViewQuery.parse(f"article=207.3&lang={lang}"), MapAssets())
    assert spec.title and spec.source and spec.demo and spec.lang == lang
    assert "207.3" in spec.subtitle and spec.query == f"article=207.3&lang={lang}"
    assert spec.file_stem == f"{chart}_207.3"
    assert (spec.figure is None) == (chart == "counters")
    assert bool(spec.credit) == (chart == "map")  # "Made with Natural Earth"


def test_the_embed_keeps_the_margin_of_a_label_above_the_plot(dataset):
    """The key dates' label sits above the timeline: the embed cut it off when it dropped the
    modebar's margin."""
    spec = chart_spec("timeline", dataset, ViewQuery(), MapAssets())
    figure = embed_figure(spec)
    assert figure["layout"]["margin"]["t"] == spec.figure["layout"]["margin"]["t"] > 30
    assert figure["layout"]["dragmode"] is False
    assert figure["layout"]["xaxis"]["fixedrange"] and figure["layout"]["yaxis"]["fixedrange"]
    sentences = embed_figure(chart_spec("sentences", dataset, ViewQuery(), MapAssets()))
    assert sentences["layout"]["margin"]["t"] <= 12  # no label above it: no modebar space


@pytest.mark.parametrize("chart", CHARTS)
def test_a_picture_says_what_it_is_and_where_it_comes_from(dataset, chart):
    spec = chart_spec(chart, dataset, ViewQuery.parse("region=RU-BA&lang=en"), MapAssets())
    layout = image_figure(spec)["layout"]
    assert spec.title in layout["title"]["text"]
    assert "Bashkortostan" in layout["title"]["subtitle"]["text"]
    foot = layout["annotations"][-1]["text"]
    assert "Source: demo dataset" in foot and "invented" in foot
    assert ("Natural Earth" in foot) == (chart == "map")
    assert layout["width"] == 1200 and layout["height"] > 300


def test_a_picture_escapes_text_plotly_would_read_as_markup(dataset):
    from dataclasses import replace

    spec = chart_spec("sentences", dataset, ViewQuery(), MapAssets())
    hostile = replace(spec, title="<b>x</b>", subtitle="<img src=x>", caption="a < b & c")
    layout = image_figure(hostile)["layout"]
    assert "&lt;b&gt;x&lt;/b&gt;" in layout["title"]["text"]
    assert "<img" not in layout["title"]["subtitle"]["text"]
    assert "a &lt; b &amp; c" in layout["annotations"][-1]["text"]
