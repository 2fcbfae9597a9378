"""From the grid to a person's page and back, in a real headless Chromium."""

import pytest
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from components import ids
from tests.browser.test_overview import app, click  # noqa: F401 (the app fixture)

pytestmark = pytest.mark.browser
NAME_LINK = f"#{ids.TABLE} .ag-cell[col-id='name'] a"


@pytest.mark.parametrize(("lang", "width"), [("ru", 390), ("en", 1400)])
def test_a_name_in_the_grid_opens_the_persons_page(dash_duo, app, lang, width):  # noqa: F811
    dash_duo.start_server(app)
    dash_duo.driver.set_window_size(width, 1600)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/?lang={lang}")
    link = dash_duo.wait_for_element(NAME_LINK, timeout=20)
    name = link.text
    click(dash_duo, NAME_LINK)
    heading = dash_duo.wait_for_element(".person-page h1", timeout=20)
    assert heading.text == name
    assert "/person/demo/" in dash_duo.driver.current_url
    assert dash_duo.find_elements(".person-case")  # at least one case, in words
    assert dash_duo.driver.title.startswith(name)
    overflow = "return document.documentElement.scrollWidth > window.innerWidth"
    assert not dash_duo.driver.execute_script(overflow)
    dash_duo.driver.back()
    dash_duo.wait_for_element(NAME_LINK, timeout=20)
    WebDriverWait(dash_duo.driver, 10).until(lambda d: "/person/" not in d.current_url)
    assert dash_duo.get_logs() == []


def test_the_persons_card_embeds(dash_duo, app):  # noqa: F811
    dash_duo.start_server(app)
    person = app.server.extensions["politprisoners.dataset_repository"].current().cases.iloc[0]
    driver = dash_duo.driver
    for width in (320, 1200):
        driver.set_window_size(width, 1200)
        driver.get(f"{dash_duo.server_url}/embed/person/demo/{person['person_id']}?lang=en")
        WebDriverWait(driver, 10).until(lambda d: d.find_elements("css selector", ".pp-title"))
        assert driver.find_element("css selector", ".pp-title").text == person["name"]
        wide = "return document.documentElement.scrollWidth > document.documentElement.clientWidth"
        assert not driver.execute_script(wide)
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []


def test_the_grid_opens_a_page_from_the_keyboard_and_the_way_back_keeps_the_view(
    dash_duo,
    app,  # noqa: F811
):
    dash_duo.start_server(app)
    driver = dash_duo.driver
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/?gender=female&page=2&lang=en")
    dash_duo.wait_for_element(NAME_LINK, timeout=20)
    WebDriverWait(driver, 10).until(lambda d: "page=2" in d.current_url)
    driver.execute_script("window.stillThisPage = true")
    # Focus the first name cell as the grid's keyboard navigation does, then press Enter.
    driver.execute_script(
        "dash_ag_grid.getApiAsync(arguments[0])"
        ".then(a => a.setFocusedCell(a.getFirstDisplayedRowIndex(), 'name'))",
        ids.TABLE,
    )
    WebDriverWait(driver, 10).until(
        lambda d: d.execute_script("return document.activeElement.getAttribute('col-id')") == "name"
    )
    name = driver.switch_to.active_element.text
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    heading = dash_duo.wait_for_element(".person-page h1", timeout=20)
    assert heading.text == name
    # Within the app, not a reload: the page's own state survived.
    assert driver.execute_script("return window.stillThisPage === true")
    click(dash_duo, ".person-page a[href^='/?']")
    dash_duo.wait_for_element(NAME_LINK, timeout=20)
    WebDriverWait(driver, 10).until(lambda d: "/person/" not in d.current_url)
    assert "gender=female" in driver.current_url and "page=2" in driver.current_url
    assert driver.execute_script("return window.stillThisPage === true")
    assert dash_duo.get_logs() == []
