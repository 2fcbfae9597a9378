"""A list with hostile strings in it (tests/fixtures/hostile.csv), shown in a real Chromium: on
the overview and its grid, the person pages, the Data status page and the embeds, no script from
the data runs (no alert, no element or attribute it brought), nothing breaks the layout (a name
5,000 characters long without a space, on a phone), and the console stays clean (a blocked
inline script would be a CSP error there)."""

import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.support.ui import WebDriverWait

from app import AppConfig, create_app
from callbacks.common import repository
from components import ids
from data.view_query import person_path
from tests.conftest import FIXTURES

pytestmark = pytest.mark.browser
# What the data would have put on the page had any of it been read as markup.
INJECTED = (
    "img[src='x'], svg[onload], [onerror], [onload], [onmouseover], "
    "a[href^='javascript'], iframe, object"
)


@pytest.fixture()
def app():
    made = create_app(AppConfig(data_path=FIXTURES / "hostile.csv", reload_seconds=3600))
    yield made
    repository(made).watcher.stop()


def _inert(driver, where: str) -> None:
    try:
        alert = driver.switch_to.alert
        text = alert.text
        alert.dismiss()
        raise AssertionError(f"{where}: a script from the data ran (alert {text!r})")
    except NoAlertPresentException:
        pass
    injected = driver.execute_script(
        "return [...document.querySelectorAll(arguments[0])].map(e => e.outerHTML.slice(0, 80))",
        INJECTED,
    )
    assert injected == [], where
    wide = "return document.documentElement.scrollWidth > document.documentElement.clientWidth"
    assert not driver.execute_script(wide), f"{where}: wider than the window"


@pytest.mark.parametrize(("lang", "width"), [("ru", 390), ("en", 1280)])
def test_hostile_data_is_shown_as_text_and_runs_nothing(dash_duo, app, lang, width):
    dash_duo.start_server(app)
    driver = dash_duo.driver
    driver.set_window_size(width, 1400)
    base = dash_duo.server_url
    dash_duo.wait_for_page(url=f"{base}/?lang={lang}")
    dash_duo.wait_for_element(f"#{ids.TABLE} .ag-cell[col-id='name'] a", timeout=20)
    grid = dash_duo.find_element(f"#{ids.TABLE}").text
    assert '"> Петров Пётр' in grid  # what was left of the markup, as text
    _inert(driver, "overview")

    cases = repository(app).current().cases
    for source, person in zip(cases["source"], cases["person_id"], strict=True):
        path = "/" + person_path(source, person).lstrip("/")
        driver.get(f"{base}{path}?lang={lang}")
        name = dash_duo.wait_for_element(".person-page h1", timeout=20).text
        assert name.strip(), path
        WebDriverWait(driver, 10).until(lambda d, name=name: d.title.startswith(name[:20]))
        assert len(driver.title) < 200  # a name of 5,000 characters is cut in the tab
        _inert(driver, path)

    driver.get(f"{base}/status?lang={lang}")
    dash_duo.wait_for_element(".status-page, #page table", timeout=20)
    page = dash_duo.find_element(f"#{ids.PAGE}").text
    assert "<img src=x onerror=alert(1)>" in page  # the value as it was, quoted as text
    _inert(driver, "status")

    for embed in ("/embed/counters", "/embed/map", "/embed/person/hostile/h-1"):
        driver.get(f"{base}{embed}?lang={lang}")
        WebDriverWait(driver, 20).until(
            lambda d: d.find_elements("css selector", ".js-plotly-plot, .pp-title")
        )
        _inert(driver, embed)
    severe = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert severe == []
    assert dash_duo.get_logs() == []
