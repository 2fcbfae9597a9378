"""Every chart keeps its size on a phone and on a desktop, after clicks, resizes and with narrow
filters: boxes measured in a real headless Chromium, not assumed."""

import time

import pytest
from selenium.webdriver.support.ui import WebDriverWait

from components import ids
from tests.browser.test_map import click_region, regions_drawn
from tests.browser.test_overview import ROWS, app, counter  # noqa: F401 (the app fixture)

pytestmark = pytest.mark.browser

BOXES = """
const box = (el) => el.getBoundingClientRect();
const map = document.getElementById(arguments[0]);
const card = map.closest('figure');
const next = card.nextElementSibling;
const svg = map.querySelector('.main-svg');
return {graph: box(map).height, svg: svg ? box(svg).height : 0,
        cardBottom: box(card).bottom, nextTop: box(next).top,
        overflow: document.documentElement.scrollWidth > window.innerWidth};
"""


def boxes(dash_duo, graph_id: str = ids.MAP) -> dict:
    return dash_duo.driver.execute_script(BOXES, graph_id)


def assert_map_holds(dash_duo, smallest: int) -> None:
    """The map's graph has a height, its drawing fits in it, and the next card starts below it."""
    WebDriverWait(dash_duo.driver, 10).until(lambda _: boxes(dash_duo)["graph"] >= smallest)
    found = boxes(dash_duo)
    assert found["svg"] <= found["graph"] + 1, found
    assert found["cardBottom"] <= found["nextTop"], found
    assert not found["overflow"], found


def resize(dash_duo, width: int) -> None:
    dash_duo.driver.set_window_size(width, 1600)
    time.sleep(1)  # plotly resizes on the window's resize event


def test_the_map_keeps_its_height_after_a_click_and_resizes(dash_duo, app):  # noqa: F811
    """Defect: after a click on a region, a resize left the map at zero height and the timeline
    card covered it, so the click could not be undone."""
    dash_duo.start_server(app)
    WebDriverWait(dash_duo.driver, 20).until(lambda _: regions_drawn(dash_duo) == 89)
    resize(dash_duo, 1280)
    assert_map_holds(dash_duo, 400)
    persons = counter(dash_duo, ids.COUNT_PERSONS)
    click_region(dash_duo, "RU-SVE")
    WebDriverWait(dash_duo.driver, 10).until(
        lambda _: counter(dash_duo, ids.COUNT_PERSONS) < persons
    )
    assert_map_holds(dash_duo, 400)
    resize(dash_duo, 390)
    assert_map_holds(dash_duo, 200)
    resize(dash_duo, 1280)
    assert_map_holds(dash_duo, 400)
    click_region(dash_duo, "RU-SVE")  # and the click can be undone
    WebDriverWait(dash_duo.driver, 10).until(
        lambda _: counter(dash_duo, ids.COUNT_PERSONS) == persons
    )
    assert dash_duo.get_logs() == []


@pytest.mark.parametrize("query", ["punishment=life", "punishment=fine", "region=unknown"])
def test_the_map_keeps_its_height_when_a_filter_leaves_few_regions(dash_duo, app, query):  # noqa: F811
    dash_duo.start_server(app)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/?lang=en&{query}")
    WebDriverWait(dash_duo.driver, 20).until(lambda _: regions_drawn(dash_duo) == 89)
    for width, smallest in ((390, 200), (1280, 400)):
        resize(dash_duo, width)
        assert_map_holds(dash_duo, smallest)
    if query == "punishment=life":  # the sentence chart says what there is, never "no records"
        note = dash_duo.find_element(f"#{ids.SENTENCES} .annotation").text.replace("\n", " ")
        assert note.startswith("Life imprisonment:") and "No records" not in note
    assert dash_duo.get_logs() == []


def test_on_a_phone_the_legend_is_under_the_map_not_beside_it(dash_duo, app):  # noqa: F811
    """Defect: at 390 px the vertical colour bar took 40% of the map's width."""
    dash_duo.start_server(app)
    resize(dash_duo, 390)
    WebDriverWait(dash_duo.driver, 20).until(lambda _: regions_drawn(dash_duo) == 89)
    dash_duo.wait_for_element(f"#{ids.MAP_LEGEND} .map-legend-item", timeout=10)
    widths = dash_duo.driver.execute_script(
        "const g = document.getElementById(arguments[0]).querySelector('.geolayer .bg, .geo');"
        "const m = document.getElementById(arguments[0]);"
        "const l = document.getElementById(arguments[1]);"
        "return [m.getBoundingClientRect().width, g.getBoundingClientRect().width,"
        " l.getBoundingClientRect().top - m.getBoundingClientRect().bottom];",
        ids.MAP,
        ids.MAP_LEGEND,
    )
    graph, drawing, gap = widths
    assert drawing >= 0.9 * graph and gap >= -1, widths
    assert not dash_duo.find_elements(f"#{ids.MAP} .colorbar")
    # classes from the data: the top class starts at or below the largest region's count
    largest = dash_duo.driver.execute_script(
        "const d = document.querySelector('#' + arguments[0] + ' .js-plotly-plot').data[0];"
        "return Math.max(...d.z);",
        ids.MAP,
    )
    labels = [e.text for e in dash_duo.find_elements(f"#{ids.MAP_LEGEND} .map-legend-item")]
    assert "3 000+" not in labels and labels[-1].endswith("+")
    assert largest == len(labels) - 2  # the darkest colour is used


TABLE = """
const grid = document.getElementById(arguments[0]);
const t = grid.querySelector('.ag-center-cols-viewport');
const heads = [...grid.querySelectorAll('.ag-header-cell')].filter(e => e.offsetParent !== null);
const text = (e) => e.querySelector('.ag-header-cell-text');
return {sideways: t.scrollWidth - t.clientWidth, columns: heads.length,
        cut: heads.filter(e => text(e).scrollWidth > text(e).clientWidth + 1)
                  .map(e => e.innerText),
        page: document.documentElement.scrollWidth > window.innerWidth};
"""


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize(("width", "columns"), [(390, 2), (1280, 8), (1400, 8)])
def test_the_persons_table_reads_without_scrolling_sideways(dash_duo, app, lang, width, columns):  # noqa: F811
    """Defects: on a phone the table showed two and a half columns and scrolled sideways; at
    1280 px in Russian its last header was cut ("Источни"). On a phone the grid shows the name
    and one summary column (assets/dashAgGridFunctions.js)."""
    dash_duo.start_server(app)
    resize(dash_duo, width)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/?lang={lang}")
    dash_duo.wait_for_element(f"#{ids.TABLE} .ag-cell[col-id='name'] a", timeout=20)
    time.sleep(0.5)  # the grid fits its columns on its first render
    found = dash_duo.driver.execute_script(TABLE, ids.TABLE)
    assert found == {"sideways": 0, "columns": columns, "cut": [], "page": False}


OVERLAPS = """
const graph = document.getElementById(arguments[0]);
const bar = graph.querySelector('.modebar');
const others = [...graph.querySelectorAll(arguments[1])];
const box = (e) => e.getBoundingClientRect();
const meets = (a, b) => a.left < b.right && b.left < a.right
  && a.top < b.bottom && b.top < a.bottom;
return {modebar: !!bar, items: others.length,
        overlaps: others.filter(o => bar && meets(box(bar), box(o))).length};
"""


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("width", [390, 1280])
def test_notes_and_legends_never_sit_under_the_modebar(dash_duo, app, lang, width):  # noqa: F811
    """Defects: the 24 Feb 2022 note sat under the timeline's modebar icons; the sentence
    chart's legend collided with the modebar and wrapped over it in Russian."""
    dash_duo.start_server(app)
    resize(dash_duo, width)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/?lang={lang}")
    dash_duo.wait_for_element(f"#{ids.TIMELINE} .annotation", timeout=20)
    dash_duo.wait_for_element(f"#{ids.SENTENCES} .legend", timeout=20)
    for graph, items in ((ids.TIMELINE, ".annotation"), (ids.SENTENCES, ".legend")):
        found = dash_duo.driver.execute_script(OVERLAPS, graph, items)
        assert found["modebar"] and found["items"] >= 1 and found["overlaps"] == 0, (graph, found)


LABEL_OVERLAPS = """
const boxes = [...document.querySelectorAll('#' + arguments[0] + ' .scattergeo text')]
  .filter(e => e.getBoundingClientRect().width > 0)
  .map(e => [e.textContent, e.getBoundingClientRect()]);
const found = [];
for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
  const [p, a] = boxes[i], [q, b] = boxes[j];
  if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5
      && b.top < a.bottom - 0.5) found.push(p + '/' + q);
}
return [boxes.length, found];
"""


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("width", [390, 1280])
def test_tile_grid_labels_never_overlap(dash_duo, app, lang, width):  # noqa: F811
    """Defect: on a 390 px phone the tile grid's labels overlapped into an unreadable jumble."""
    dash_duo.start_server(app)
    resize(dash_duo, width)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/?lang={lang}&view=grid")
    WebDriverWait(dash_duo.driver, 20).until(
        lambda _: len(dash_duo.find_elements(f"#{ids.MAP} .scattergeo text")) == 2 * 89
    )
    time.sleep(0.5)
    assert dash_duo.driver.execute_script(LABEL_OVERLAPS, ids.MAP) == [89, []]  # one set shown
