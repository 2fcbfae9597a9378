"""The plotly.js bundle every page draws with (assets/plotly-bundle.min.js, built by
tools/plotly-bundle): the trace types our figure builders emit, no other, from the plotly.js
version Dash ships; and the manifest beside it describes the committed file."""

from __future__ import annotations

import hashlib
import json
import re

import pytest
from dash.development.base_component import Component
from plotly.offline import get_plotlyjs_version

from app import ROOT, AppConfig, create_app
from callbacks.common import repository
from components.chart_spec import chart_spec, embed_figure, image_figure
from components.chart_tables import EMBEDS
from components.layout import page
from components.map import MapAssets
from data.demo_lists import write_demo_lists
from data.filters import MAP_VIEWS, FilterState
from data.view_query import ViewQuery

BUNDLE = ROOT / "assets" / "plotly-bundle.min.js"
MANIFEST = ROOT / "assets" / "plotly-bundle.json"
# plotly.js/lib/core registers scatter whatever else a bundle holds.
CORE_TRACES = {"scatter"}


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """Two lists with history, so that the compare and history pages have their charts too."""
    folder = tmp_path_factory.mktemp("lists")
    write_demo_lists(folder, rows=900, seed=5)
    return create_app(AppConfig(data_path=folder))


def _traces(figure: dict | None) -> set[str]:
    # plotly draws a trace without a type as scatter
    return {trace.get("type", "scatter") for trace in (figure or {}).get("data") or ()}


def _graph_traces(layout) -> set[str]:
    """The traces of every dcc.Graph in a page (a list of components)."""
    found: set[str] = set()
    for root in layout:
        if not isinstance(root, Component):
            continue
        for component in (root, *(c for c in root._traverse() if isinstance(c, Component))):
            figure = getattr(component, "figure", None)
            if isinstance(figure, dict):
                found |= _traces(figure)
    return found


def emitted_traces(app) -> set[str]:
    """Every trace type the figure builders emit on demo data: each chart as the page, an embed
    and a picture draw it, in both map views and both languages, and the pages' own graphs."""
    dataset = repository(app).current()
    assets = MapAssets.of(app)
    found: set[str] = set()
    for lang in ("ru", "en"):
        for view in MAP_VIEWS:
            query = ViewQuery(FilterState(view=view), lang=lang)
            for chart in EMBEDS:
                spec = chart_spec(chart, dataset, query, assets)
                found |= _traces(spec.figure)
                if spec.figure:
                    found |= _traces(embed_figure(spec))
                found |= _traces(image_figure(spec))
        for path in ("/", "/compare", "/history"):
            found |= _graph_traces(page(dataset, FilterState(), lang, path, assets=assets))
    return found


def manifest() -> dict:
    return json.loads(MANIFEST.read_text(encoding="utf-8"))


def test_the_bundle_registers_exactly_the_traces_our_figures_draw(app):
    emitted = emitted_traces(app)
    assert {"bar", "choropleth", "scattergeo"} <= emitted  # the walk found the charts
    registered = set(manifest()["traces"])
    assert emitted <= registered, f"add {emitted - registered} to tools/plotly-bundle/build.js"
    assert registered <= emitted | CORE_TRACES, f"drop {registered - emitted - CORE_TRACES}"


def test_the_manifest_describes_the_committed_bundle():
    code = BUNDLE.read_bytes()
    described = manifest()
    assert described["file"] == BUNDLE.name
    assert described["sha256"] == hashlib.sha256(code).hexdigest(), "rebuild: README"
    assert described["bytes"] == len(code)
    # The trace modules inside the file itself, as plotly.js defines them.
    inside = set(re.findall(rb'moduleType:"trace",name:"(\w+)"', code))
    assert {name.decode() for name in inside} == set(described["traces"])
    # The plotly.js Dash ships (plotly.py's package_data), so that every figure attribute our
    # builders use means what plotly.py's validation checked.
    assert described["plotly_js"] == get_plotlyjs_version()
    assert f"plotly.js v{get_plotlyjs_version()} ".encode() in code[:300]
    assert len(code) < 2_000_000  # plotly's full bundle is 4.6 MB
