"""The overview page in a real headless Chromium (Debian's), through dash[testing]'s dash_duo."""

import re

import pytest
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from app import AppConfig, create_app
from components import ids
from tests.conftest import AS_OF

pytestmark = pytest.mark.browser
ROWS = 1200
RU_TOTAL = "1 200"  # selenium reports the no-break space of Russian numbers as a space


@pytest.fixture()
def app():
    return create_app(AppConfig(demo_rows=ROWS, demo_seed=5, demo_as_of=AS_OF))


def as_int(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def counter(dash_duo, id_: str) -> int:
    return as_int(dash_duo.find_element(f"#{id_}").text)


def bars(dash_duo, graph_id: str) -> int:
    return len(dash_duo.find_elements(f"#{graph_id} .bars path"))


def wait_for_data(dash_duo, prosecutions_text: str) -> None:
    """Counters filled, both charts drawn with bars, the table filled."""
    dash_duo.wait_for_text_to_equal(f"#{ids.COUNT_PROSECUTIONS}", prosecutions_text, timeout=20)
    dash_duo.wait_for_element(f"#{ids.TIMELINE} .bars path", timeout=20)
    dash_duo.wait_for_element(f"#{ids.SENTENCES} .bars path", timeout=20)
    dash_duo.wait_for_element(f"#{ids.TABLE} .ag-cell[col-id='name'] a", timeout=20)


def click(dash_duo, selector: str) -> None:
    """Scroll an element to the middle of the window, then click it as a person would.

    `instant`: Bootstrap makes scrolling smooth, and a click during the glide misses.
    """
    element = dash_duo.find_element(selector)
    dash_duo.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element
    )
    element.click()


def choose(dash_duo, dropdown_id: str, text: str) -> None:
    """Open a dcc.Dropdown, type into its search box and take the first match."""
    dash_duo.find_element(f"#{dropdown_id}").click()
    search = dash_duo.wait_for_element(
        ".dash-dropdown-content input.dash-dropdown-search", timeout=5
    )
    search.send_keys(text)
    dash_duo.wait_for_element(".dash-dropdown-option", timeout=5)
    search.send_keys(Keys.ENTER)
    search.send_keys(Keys.ESCAPE)


def test_loads_in_russian_with_data_and_a_clean_console(dash_duo, app):
    dash_duo.start_server(app)
    wait_for_data(dash_duo, RU_TOTAL)
    assert dash_duo.driver.title == "Обзор — Политические преследования в России"
    assert "вымышлены" in dash_duo.find_element(f"#{ids.DEMO_BANNER}").text
    assert counter(dash_duo, ids.COUNT_PERSONS) < ROWS
    assert bars(dash_duo, ids.TIMELINE) > 100  # a bar a month since 2012
    assert bars(dash_duo, ids.SENTENCES) > 10
    # The dropdowns' own texts are Russian too.
    dash_duo.find_element(f"#{ids.FILTER_ARTICLE}").click()
    search = dash_duo.wait_for_element(".dash-dropdown-content input.dash-dropdown-search")
    assert search.get_attribute("placeholder") == "Поиск"
    assert dash_duo.get_logs() == []


def test_filter_changes_counters_charts_and_table(dash_duo, app):
    dash_duo.start_server(app)
    wait_for_data(dash_duo, RU_TOTAL)
    persons = counter(dash_duo, ids.COUNT_PERSONS)
    found = dash_duo.find_element(f"#{ids.TABLE_COUNT}").text
    months = bars(dash_duo, ids.TIMELINE)

    choose(dash_duo, ids.FILTER_ARTICLE, "207.3")
    dash_duo.wait_for_text_to_equal(f"#{ids.FILTER_ARTICLE}-value", "207.3 — «Фейки» об армии")
    WebDriverWait(dash_duo.driver, 10).until(
        lambda _: (
            dash_duo.find_element(f"#{ids.TABLE_COUNT}").text != found
            and bars(dash_duo, ids.TIMELINE) < months
        )
    )
    assert 0 < counter(dash_duo, ids.COUNT_PERSONS) < persons
    assert counter(dash_duo, ids.COUNT_PROSECUTIONS) < ROWS
    assert dash_duo.find_element(f"#{ids.TABLE_COUNT}").text != found
    # 207.3 exists only since March 2022: far fewer monthly bars.
    assert 0 < bars(dash_duo, ids.TIMELINE) < months
    cells = dash_duo.find_elements(f"#{ids.TABLE} .ag-cell[col-id='articles']")
    assert cells and all("207.3" in cell.text for cell in cells)
    assert dash_duo.get_logs() == []


def test_english_and_a_language_switch_that_keeps_the_filters(dash_duo, app):
    dash_duo.start_server(app)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/?lang=en")
    wait_for_data(dash_duo, "1,200")
    assert dash_duo.driver.title == "Overview — Political prosecutions in Russia"
    assert "invented" in dash_duo.find_element(f"#{ids.DEMO_BANNER}").text

    dash_duo.find_element(f"#{ids.UNIT} .form-check:last-child label").click()
    dash_duo.wait_for_text_to_equal(f"#{ids.TABLE_TITLE}", "Prosecutions", timeout=10)
    dash_duo.wait_for_contains_text(f"#{ids.COUNT_MEDIAN_NOTE}", "real prison terms")

    # The language link carries the view: the unit chosen survives the switch.
    WebDriverWait(dash_duo.driver, 10).until(
        lambda _: (
            "unit=prosecutions"
            in dash_duo.find_element(f"#{ids.LANG_LINK['ru']}").get_attribute("href")
        )
    )
    dash_duo.find_element(f"#{ids.LANG_LINK['ru']}").click()
    dash_duo.wait_for_text_to_equal(f"#{ids.TABLE_TITLE}", "Уголовные дела", timeout=10)
    assert dash_duo.driver.title.startswith("Обзор — ")
    assert dash_duo.find_element(f"#{ids.SENTENCES}-title").text == "Реальные сроки лишения свободы"
    dash_duo.wait_for_text_to_equal(f"#{ids.COUNT_PROSECUTIONS}", RU_TOTAL)
    assert dash_duo.get_logs() == []


def test_granularity_and_reset(dash_duo, app):
    dash_duo.start_server(app)
    wait_for_data(dash_duo, RU_TOTAL)
    months = bars(dash_duo, ids.TIMELINE)
    dash_duo.find_element(f"#{ids.GRANULARITY} .form-check:last-child label").click()
    WebDriverWait(dash_duo.driver, 10).until(lambda _: bars(dash_duo, ids.TIMELINE) < months)
    assert 10 <= bars(dash_duo, ids.TIMELINE) <= 16

    choose(dash_duo, ids.FILTER_REGION, "Башкортостан")
    WebDriverWait(dash_duo.driver, 10).until(
        lambda _: counter(dash_duo, ids.COUNT_PROSECUTIONS) < ROWS
    )
    dash_duo.find_element(f"#{ids.FILTER_RESET}").click()
    dash_duo.wait_for_text_to_equal(f"#{ids.COUNT_PROSECUTIONS}", RU_TOTAL, timeout=10)
    assert dash_duo.get_logs() == []


def names_shown(dash_duo) -> list[str]:
    """The names in the grid, read in one go (the grid redraws its cells as pages turn)."""
    return dash_duo.driver.execute_script(
        "return [...document.querySelectorAll(arguments[0])].map(c => c.innerText)",
        f"#{ids.TABLE} .ag-cell[col-id='name']",
    )


def test_table_search_and_paging(dash_duo, app):
    dash_duo.start_server(app)
    wait_for_data(dash_duo, RU_TOTAL)
    first_page = names_shown(dash_duo)
    click(dash_duo, f"#{ids.TABLE} .ag-paging-button[data-ref='btNext']")
    # The page turns when its rows change (a wait, not a sleep: the server answers in its time).
    WebDriverWait(dash_duo.driver, 10).until(lambda _: names_shown(dash_duo) != first_page)
    assert len(names_shown(dash_duo)) == 20

    surname = first_page[0].split()[0]
    search = dash_duo.find_element(f"#{ids.TABLE_SEARCH}")
    search.send_keys(surname)
    dash_duo.wait_for_contains_text(f"#{ids.TABLE_COUNT}", "Найдено", timeout=10)
    WebDriverWait(dash_duo.driver, 10).until(
        lambda _: all(surname in name for name in names_shown(dash_duo))
    )
    assert names_shown(dash_duo)
    assert dash_duo.get_logs() == []


def test_a_new_sort_starts_from_the_first_page(dash_duo, app):
    dash_duo.start_server(app)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/?page=3&lang=en")
    wait_for_data(dash_duo, "1,200")
    WebDriverWait(dash_duo.driver, 10).until(lambda d: "page=3" in d.current_url)
    click(dash_duo, f"#{ids.TABLE} .ag-header-cell[col-id='name'] .ag-header-cell-label")
    WebDriverWait(dash_duo.driver, 10).until(
        lambda d: "sort=name" in d.current_url and "page=" not in d.current_url
    )
    summary = f"#{ids.TABLE} .ag-paging-description"
    dash_duo.wait_for_contains_text(summary, "Page 1 of", timeout=10)
    assert dash_duo.get_logs() == []
