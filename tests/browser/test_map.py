"""The map in headless Chromium: drawn from the app's own assets, clickable, and as a tile grid.

These machines have no network: a map that needed a CDN would draw nothing here, and the console
would say so.
"""

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.support.ui import WebDriverWait

from app import AppConfig, create_app
from components import ids
from tests.browser.test_overview import ROWS, click, counter
from tests.conftest import AS_OF

pytestmark = pytest.mark.browser
REGION = f"#{ids.MAP} .choroplethlocation"


@pytest.fixture()
def app():
    return create_app(AppConfig(demo_rows=ROWS, demo_seed=5, demo_as_of=AS_OF))


def regions_drawn(dash_duo) -> int:
    return len(dash_duo.find_elements(REGION))


def path_of(dash_duo, code: str):
    index = dash_duo.driver.execute_script(
        f"return document.querySelector('#{ids.MAP} .js-plotly-plot').data[0].locations"
        f".indexOf('{code}')"
    )
    return dash_duo.find_elements(REGION)[index]


def click_region(dash_duo, code: str) -> None:
    script = "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})"
    dash_duo.driver.execute_script(script, dash_duo.find_element(f"#{ids.MAP}"))
    chain = ActionChains(dash_duo.driver).move_to_element(path_of(dash_duo, code))
    chain.pause(0.3).click().perform()


def test_every_region_is_drawn_from_local_assets(dash_duo, app):
    dash_duo.start_server(app)
    WebDriverWait(dash_duo.driver, 20).until(lambda _: regions_drawn(dash_duo) == 89)
    config = dash_duo.driver.execute_script(
        f"var g = document.querySelector('#{ids.MAP} .js-plotly-plot');"
        "return [g._context.topojsonURL, g.data[0].geojson];"
    )
    assert config == ["/assets/topojson/", "/assets/geo/regions.geojson"]
    assert dash_duo.get_logs() == []


def test_clicking_a_region_filters_the_rest_and_again_removes_it(dash_duo, app):
    dash_duo.start_server(app)
    WebDriverWait(dash_duo.driver, 20).until(lambda _: regions_drawn(dash_duo) == 89)
    dash_duo.wait_for_text_to_equal(f"#{ids.COUNT_PROSECUTIONS}", "1 200", timeout=20)
    persons = counter(dash_duo, ids.COUNT_PERSONS)

    click_region(dash_duo, "RU-SVE")  # large and far from its neighbours' centres
    dash_duo.wait_for_text_to_equal(f"#{ids.FILTER_REGION}-value", "Свердловская область")
    WebDriverWait(dash_duo.driver, 10).until(
        lambda _: counter(dash_duo, ids.COUNT_PERSONS) < persons
    )
    width = dash_duo.driver.execute_script(
        f"var g = document.querySelector('#{ids.MAP} .js-plotly-plot'); var d = g.data[0];"
        "return d.marker.line.width[d.locations.indexOf('RU-SVE')];"
    )
    assert width == 3  # outlined

    click_region(dash_duo, "RU-SVE")
    WebDriverWait(dash_duo.driver, 10).until(
        lambda _: counter(dash_duo, ids.COUNT_PERSONS) == persons
    )
    assert dash_duo.get_logs() == []


def test_tile_grid_draws_89_tiles_and_clicks_like_the_map(dash_duo, app):
    dash_duo.start_server(app)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/?lang=en")
    WebDriverWait(dash_duo.driver, 20).until(lambda _: regions_drawn(dash_duo) == 89)
    click(dash_duo, f"#{ids.MAP_VIEW} .form-check:last-child label")
    WebDriverWait(dash_duo.driver, 10).until(
        lambda _: len(dash_duo.find_elements(f"#{ids.MAP} .scattergeo text")) == 2 * 89
    )
    assert regions_drawn(dash_duo) == 89
    labels = {e.text for e in dash_duo.find_elements(f"#{ids.MAP} .scattergeo text") if e.text}
    assert {"Moscow", "SPb", "Sevas", "Crimea"} <= labels
    persons = counter(dash_duo, ids.COUNT_PERSONS)
    click_region(dash_duo, "RU-MOW")
    WebDriverWait(dash_duo.driver, 10).until(
        lambda _: counter(dash_duo, ids.COUNT_PERSONS) < persons
    )
    assert dash_duo.get_logs() == []


def test_clicking_a_region_with_no_records_filters_and_unfilters(dash_duo, app):
    """Defect: a region with no records was missing from the dropdown's options, so the click
    set a value the dropdown dropped: the map and the filter disagreed, and the second click
    applied the filter instead of removing it."""
    dash_duo.start_server(app)
    WebDriverWait(dash_duo.driver, 20).until(lambda _: regions_drawn(dash_duo) == 89)
    dash_duo.wait_for_text_to_equal(f"#{ids.COUNT_PROSECUTIONS}", "1 200", timeout=20)
    persons = counter(dash_duo, ids.COUNT_PERSONS)
    click_region(dash_duo, "RU-SMO")  # no record in this demo
    dash_duo.wait_for_text_to_equal(f"#{ids.FILTER_REGION}-value", "Смоленская область")
    WebDriverWait(dash_duo.driver, 10).until(lambda _: counter(dash_duo, ids.COUNT_PERSONS) == 0)
    click_region(dash_duo, "RU-SMO")
    WebDriverWait(dash_duo.driver, 10).until(
        lambda _: counter(dash_duo, ids.COUNT_PERSONS) == persons
    )
    assert dash_duo.get_logs() == []
