"""The first page load in headless Chromium: bytes transferred and time until every chart is
drawn, from navigationStart, with the real app served on loopback.

Debian's /usr/bin/chromium through /usr/bin/chromedriver (selenium, from dash[testing]), with
the options tests/conftest.py uses. Nothing is downloaded.
"""

from __future__ import annotations

import time
from pathlib import Path

from bench.servers import serve

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

# Installed before any of the page's scripts run: notes the time (performance.now(), from
# navigationStart) when every graph has drawn its data, and the map its regions.
WATCH_CHARTS = """
(function () {
  function drawn() {
    var boxes = document.querySelectorAll('.dash-graph');
    if (!boxes.length) { return false; }
    for (var i = 0; i < boxes.length; i++) {
      var plot = boxes[i].querySelector('.js-plotly-plot');
      if (!plot || !plot.querySelector('.main-svg')) { return false; }
      if (!plot.querySelector('.trace, .choroplethlocation')) { return false; }
    }
    var map = document.getElementById('map-graph');
    if (map && !map.querySelector('.choroplethlocation')) { return false; }
    return true;
  }
  function check() {
    if (window.__chartsDrawnAt) { return; }
    if (drawn()) {
      window.__chartsDrawnAt = performance.now();
      window.__chartsCount = document.querySelectorAll('.js-plotly-plot').length;
    } else { setTimeout(check, 5); }
  }
  check();
})();
"""

TRANSFER = """
var entries = performance.getEntriesByType('navigation')
    .concat(performance.getEntriesByType('resource'));
var out = {transfer: 0, decoded: 0, requests: entries.length, largest: []};
entries.forEach(function (e) {
  out.transfer += e.transferSize || 0;
  out.decoded += e.decodedBodySize || 0;
  out.largest.push([e.transferSize || 0, e.decodedBodySize || 0, e.name]);
});
var nav = performance.getEntriesByType('navigation')[0] || {};
out.dom_content_loaded_ms = nav.domContentLoadedEventEnd || null;
out.load_event_ms = nav.loadEventEnd || null;
var calls = entries.filter(function (e) { return e.name.indexOf('_dash-update-component') >= 0; });
out.callbacks = calls.length;
out.last_callback_end_ms = calls.length ?
    Math.max.apply(null, calls.map(function (e) { return e.responseEnd; })) : null;
out.largest.sort(function (a, b) { return b[0] - a[0]; });
out.largest = out.largest.slice(0, 6);
return out;
"""


def driver():
    """Headless Debian Chromium with the tests' own options (tests/conftest.py)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    from tests.conftest import pytest_setup_options

    options = pytest_setup_options()
    options.binary_location = CHROMIUM
    options.add_argument("--headless")
    options.set_capability("goog:loggingPrefs", {"browser": "SEVERE"})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


def measure_page(url: str, timeout: float = 30, loads: int = 3) -> dict:
    """The page loaded `loads` times, each in a fresh browser (no cache): the median time and
    the bytes of the first."""
    runs = []
    for _ in range(loads):
        browser = driver()
        try:
            browser.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
            browser.execute_cdp_cmd(
                "Page.addScriptToEvaluateOnNewDocument", {"source": WATCH_CHARTS}
            )
            browser.get(url)
            start = time.perf_counter()
            drawn = None
            while time.perf_counter() - start < timeout:
                drawn = browser.execute_script("return window.__chartsDrawnAt || null;")
                if drawn:
                    break
                time.sleep(0.05)
            time.sleep(0.5)  # late requests (geometry, topojson) land in the entries too
            transfer = browser.execute_script(TRANSFER)
            charts = browser.execute_script("return window.__chartsCount || 0;")
            logs = [e for e in browser.get_log("browser") if e.get("level") == "SEVERE"]
        finally:
            browser.quit()
        runs.append({"drawn_ms": drawn, "charts": charts, "errors": logs, **transfer})
    times = sorted(r["drawn_ms"] for r in runs if r["drawn_ms"])
    first = runs[0]
    return {
        "transfer_bytes": first["transfer"],
        "decoded_bytes": first["decoded"],
        "requests": first["requests"],
        "largest": [
            {"transfer": t, "decoded": d, "url": u.split("?")[0]} for t, d, u in first["largest"]
        ],
        "charts": first["charts"],
        "dom_content_loaded_ms": first["dom_content_loaded_ms"],
        "load_event_ms": first["load_event_ms"],
        "callback_requests": first["callbacks"],
        "last_callback_end_ms": first["last_callback_end_ms"],
        "charts_drawn_ms": round(times[len(times) // 2], 1) if times else None,
        "charts_drawn_ms_all": [round(r["drawn_ms"], 1) if r["drawn_ms"] else None for r in runs],
        "browser_errors": [e.get("message", "")[:300] for e in first["errors"]],
    }


def first_load(parquet: Path, loads: int = 3) -> dict:
    with serve("gunicorn", parquet) as (base, startup, _process):
        result = measure_page(base + "/", loads=loads)
    server = "gunicorn --config gunicorn.conf.py app:server"
    return {"server": server, "startup_s": round(startup, 2), **result}
