"""The first load in headless Chromium: the charts draw with the app's own plotly.js bundle
(assets/plotly-bundle.min.js, only our traces), and plotly's full bundle is never asked for."""

import json

import pytest
from selenium.webdriver.support.ui import WebDriverWait

from app import ROOT
from components import ids
from tests.browser.test_overview import app, wait_for_data  # noqa: F401

pytestmark = pytest.mark.browser
MANIFEST = json.loads((ROOT / "assets" / "plotly-bundle.json").read_text(encoding="utf-8"))

STATE = f"""
const graph = document.querySelector('#{ids.TIMELINE} .js-plotly-plot');
return {{
  requests: performance.getEntriesByType('resource').map(e => e.name),
  traces: Object.keys(window.Plotly.PlotSchema.get().traces).sort(),
  version: window.Plotly.version,
  locale: graph._context.locale,
  modebar: [...document.querySelectorAll('#{ids.TIMELINE} .modebar-btn')]
    .map(b => b.getAttribute('data-title')),
}};
"""


def test_the_charts_draw_with_our_bundle_and_plotlys_full_one_is_never_loaded(
    dash_duo,
    app,  # noqa: F811
):
    dash_duo.start_server(app)
    wait_for_data(dash_duo, "1 200")
    WebDriverWait(dash_duo.driver, 20).until(
        lambda d: len(d.find_elements("css selector", f"#{ids.MAP} .choroplethlocation")) == 89
    )
    state = dash_duo.driver.execute_script(STATE)
    requests = state["requests"]
    assert not [url for url in requests if "plotly.min.js" in url or "cdn" in url], requests
    bundle = [url for url in requests if "/assets/plotly-bundle.min.js?m=" in url]
    assert len(bundle) == 1, requests
    # What window.Plotly can draw is what the manifest says the bundle holds.
    assert state["traces"] == sorted(MANIFEST["traces"])
    assert state["version"] == MANIFEST["plotly_js"]
    # The Russian locale registered with the bundle: plotly's own words are Russian.
    assert state["locale"] == "ru"
    assert "Сохранить в формате PNG" in state["modebar"], state["modebar"]
    assert dash_duo.get_logs() == []
