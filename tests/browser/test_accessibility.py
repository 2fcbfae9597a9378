"""Accessibility in a real Chromium (issue 14): axe-core finds no critical or serious violation on
any page or embed in either language (with the tables behind the charts open, and a dropdown
open), the document names its language, and a reader with a keyboard alone applies a filter,
opens a chart's table and reaches the grid.

axe-core is vendored (tests/browser/vendor/axe.min.js, 4.14.1, MPL-2.0: see axe-LICENSE.txt):
nothing is fetched at test time.
"""

from pathlib import Path

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from callbacks.common import repository
from components import ids
from components.chart_table_view import TABLE_CHARTS, switch_id, table_id
from components.chart_tables import EMBEDS
from data.view_query import person_path
from tests.browser.test_overview import ROWS, app, click, wait_for_data  # noqa: F401

pytestmark = pytest.mark.browser
AXE = (Path(__file__).with_name("vendor") / "axe.min.js").read_text(encoding="utf-8")
BLOCKING = ("critical", "serious")


def axe_violations(driver) -> list[str]:
    """axe-core's critical and serious violations on the page as it is now, one line each."""
    if not driver.execute_script("return typeof window.axe !== 'undefined'"):
        driver.execute_script(AXE)
    driver.set_script_timeout(60)
    found = driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        axe.run(document, {resultTypes: ['violations']}).then(
            r => done(r.violations.map(v => ({
                id: v.id, impact: v.impact,
                where: v.nodes.slice(0, 3).map(n => n.target.join(' ')),
            }))),
            e => done([{id: 'axe failed', impact: 'critical', where: [String(e)]}]),
        );
        """
    )
    return [f"{v['id']} ({v['impact']}): {v['where']}" for v in found if v["impact"] in BLOCKING]


def _person(app) -> str:  # noqa: F811
    cases = repository(app).current().cases
    return "/" + person_path(cases["source"].iloc[0], cases["person_id"].iloc[0]).lstrip("/")


@pytest.mark.parametrize(("lang", "width"), [("ru", 390), ("en", 1280)])
def test_axe_finds_nothing_serious_on_any_page_or_embed(dash_duo, app, lang, width):  # noqa: F811
    dash_duo.start_server(app)
    driver = dash_duo.driver
    driver.set_window_size(width, 1400)
    base = dash_duo.server_url
    found: dict[str, list[str]] = {}

    dash_duo.wait_for_page(url=f"{base}/?lang={lang}")
    wait_for_data(dash_duo, f"{ROWS:,}".replace(",", " ") if lang == "ru" else f"{ROWS:,}")
    assert driver.execute_script("return document.documentElement.lang") == lang
    found["overview"] = axe_violations(driver)
    for chart in TABLE_CHARTS:  # the tables behind the charts, open
        click(dash_duo, f"#{switch_id(chart)}")
        dash_duo.wait_for_element(f"#{table_id(chart)} table", timeout=20)
    # A dropdown open, as a keyboard opens it.
    dash_duo.find_element(f"#{ids.FILTER_ARTICLE}").send_keys(Keys.ARROW_DOWN)
    dash_duo.wait_for_element(".dash-dropdown-content", timeout=10)
    found["overview, tables and a dropdown open"] = axe_violations(driver)
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()

    for path in ("/status", "/compare", "/history", _person(app)):
        driver.get(f"{base}{path}?lang={lang}")
        WebDriverWait(driver, 20).until(
            lambda d: d.find_elements("css selector", "#page h1, #page h2")
        )
        WebDriverWait(driver, 20).until(
            lambda d: not d.find_elements("css selector", "[data-dash-is-loading]")
        )
        assert driver.execute_script("return document.documentElement.lang") == lang, path
        # The tables behind the compare page's charts, open (native <details>).
        driver.execute_script("document.querySelectorAll('details').forEach(d => d.open = true)")
        found[path] = axe_violations(driver)
    for embed in (*(f"/embed/{chart}" for chart in EMBEDS), "/embed" + _person(app)):
        driver.get(f"{base}{embed}?lang={lang}")
        WebDriverWait(driver, 20).until(
            lambda d: d.find_elements("css selector", ".js-plotly-plot, .pp-counters, .pp-title")
        )
        assert driver.execute_script("return document.documentElement.lang") == lang, embed
        found[embed] = axe_violations(driver)
    assert {where: v for where, v in found.items() if v} == {}
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []


def _tab_until(driver, matches: str, presses: int = 120) -> None:
    """Press Tab until the focused element matches the JS predicate `matches` (on `a`)."""
    for _ in range(presses):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        if driver.execute_script(f"const a = document.activeElement; return {matches};"):
            return
    where = driver.execute_script("return document.activeElement.outerHTML.slice(0, 120)")
    raise AssertionError(f"Tab never reached {matches}; focus is on {where}")


def test_with_the_keyboard_alone_a_reader_filters_opens_a_table_and_reaches_the_grid(
    dash_duo,
    app,  # noqa: F811
):
    dash_duo.start_server(app)
    driver = dash_duo.driver
    driver.set_window_size(1280, 1200)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/?lang=en")
    wait_for_data(dash_duo, f"{ROWS:,}")
    before = dash_duo.find_element(f"#{ids.COUNT_PROSECUTIONS}").text

    # The article filter: Tab to it, open it with the arrow key, search, pick, close.
    _tab_until(driver, f"a.id === '{ids.FILTER_ARTICLE}'")
    keys = ActionChains(driver)
    keys.send_keys(Keys.ARROW_DOWN).pause(0.5).send_keys("207.3").pause(0.8)
    keys.send_keys(Keys.ARROW_DOWN).pause(0.3).send_keys(Keys.ENTER).pause(0.3)
    keys.send_keys(Keys.ESCAPE).perform()
    WebDriverWait(driver, 20).until(lambda d: "article=207.3" in d.current_url)
    WebDriverWait(driver, 20).until(
        lambda d: d.find_element("css selector", f"#{ids.COUNT_PROSECUTIONS}").text != before
    )
    assert driver.execute_script("return document.activeElement.id") == ids.FILTER_ARTICLE

    # The timeline's table, from the keyboard.
    _tab_until(driver, f"a.id === '{switch_id('timeline')}'")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    dash_duo.wait_for_element(f"#{table_id('timeline')} table", timeout=20)
    assert dash_duo.find_element(f"#{switch_id('timeline')}").get_attribute("aria-expanded") == (
        "true"
    )

    # On to the grid of persons, and into its cells.
    _tab_until(driver, f"a.closest('#{ids.TABLE}') !== null", presses=200)
    ActionChains(driver).send_keys(Keys.ARROW_DOWN).perform()
    inside = f"return document.activeElement.closest('#{ids.TABLE}') !== null"
    assert driver.execute_script(inside)
    # Tab leaves the grid (its header, then its page buttons): no Tab per cell of every row.
    _tab_until(driver, f"a.closest('#{ids.TABLE}') === null", presses=8)
    assert dash_duo.get_logs() == []
