"""The compare and history pages in a real headless Chromium: they draw, they fit a phone, and a
name leads to the person's page."""

import pytest
from selenium.webdriver.support.ui import WebDriverWait

from app import AppConfig, create_app
from data.demo_lists import write_demo_lists
from tests.browser.test_overview import click

pytestmark = pytest.mark.browser
WIDE = "return document.documentElement.scrollWidth > window.innerWidth"


@pytest.fixture(scope="module")
def lists(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lists")
    write_demo_lists(folder, rows=1200, seed=5)
    return folder


@pytest.fixture()
def app(lists):
    return create_app(AppConfig(data_path=lists))


@pytest.mark.parametrize(("lang", "width"), [("ru", 390), ("en", 1280)])
def test_compare_and_history_draw_and_fit(dash_duo, app, lang, width):
    dash_duo.start_server(app)
    driver = dash_duo.driver
    driver.set_window_size(width, 1400)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/compare?lang={lang}")
    dash_duo.wait_for_element(".compare-numbers", timeout=20)
    WebDriverWait(driver, 20).until(
        lambda d: len(d.find_elements("css selector", ".compare-charts .bars path")) > 10
    )
    assert len(dash_duo.find_elements(".compare-charts .js-plotly-plot")) == 3
    assert not driver.execute_script(WIDE)
    name = dash_duo.find_element(".compare-people a").text
    click(dash_duo, ".compare-people a")
    heading = dash_duo.wait_for_element(".person-page h1", timeout=20)
    assert heading.text == name
    driver.get(f"{dash_duo.server_url}/history?lang={lang}")
    dash_duo.wait_for_element(".history-change[open]", timeout=20)
    WebDriverWait(driver, 20).until(
        lambda d: len(d.find_elements("css selector", ".history-frame .bars path")) == 3
    )
    assert not driver.execute_script(WIDE)
    assert dash_duo.get_logs() == []


def test_the_compare_embed_draws(dash_duo, app):
    dash_duo.start_server(app)
    driver = dash_duo.driver
    for width in (320, 1000):
        driver.set_window_size(width, 1200)
        driver.get(f"{dash_duo.server_url}/embed/compare?lang=en&article=207.3")
        WebDriverWait(driver, 20).until(
            lambda d: d.find_elements("css selector", "#pp-chart .bars path")
        )
        assert len(driver.find_elements("css selector", ".pp-counter")) == 3
        wide = "return document.documentElement.scrollWidth > document.documentElement.clientWidth"
        assert not driver.execute_script(wide)
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []
