"""Links, embeds and downloads in a real headless Chromium: the URL follows the reader and back
and forward work; every embed draws at phone and desktop widths without an error, an overflow or
a scrollbar; a host page sets the iframe to the height the embed reports; a static export draws
from disk; the picture downloads carry their title and source."""

import functools
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.support.ui import WebDriverWait

from callbacks.static_export import export_embeds
from components import ids
from components.chart_tables import CHARTS
from tests.browser.test_overview import ROWS, app, counter, wait_for_data  # noqa: F401

pytestmark = pytest.mark.browser
RU_PROSECUTIONS = f"{ROWS // 1000} {ROWS % 1000:03d}"

EMBED_STATE = """
const root = document.documentElement;
const chart = document.getElementById('pp-chart');
return {drawn: document.body.getAttribute('data-drawn'),
        paths: chart ? chart.querySelectorAll('path').length : -1,
        svgWidth: chart && chart.querySelector('.main-svg')
            ? chart.querySelector('.main-svg').getBoundingClientRect().width : 0,
        scrollWidth: root.scrollWidth, clientWidth: root.clientWidth,
        title: document.querySelector('.pp-title').textContent,
        source: document.querySelector('.pp-source').textContent,
        link: document.querySelector('.pp-link a').href};
"""


def severe_logs(driver) -> list:
    return [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]


def embed_state(driver) -> dict:
    WebDriverWait(driver, 20).until(
        lambda d: d.execute_script("return document.body.getAttribute('data-drawn')")
    )
    return driver.execute_script(EMBED_STATE)


def test_each_embed_draws_at_320_360_and_1200_in_both_languages(dash_duo, app):  # noqa: F811
    dash_duo.start_server(app)
    driver = dash_duo.driver
    problems = []
    for lang in ("ru", "en"):
        for chart in CHARTS:
            for width in (320, 360, 1200):
                driver.set_window_size(width, 1200)
                driver.get(f"{dash_duo.server_url}/embed/{chart}?lang={lang}&article=207.3")
                state = embed_state(driver)
                where = f"{chart} {lang} {width}px"
                if state["drawn"] != "true":
                    problems.append(f"{where}: not drawn ({state['drawn']})")
                if chart != "counters" and state["paths"] < 5:
                    problems.append(f"{where}: an empty chart ({state['paths']} paths)")
                if state["scrollWidth"] > state["clientWidth"]:
                    problems.append(f"{where}: {state['scrollWidth']} px wide in {width}")
                if chart != "counters" and state["svgWidth"] > state["clientWidth"]:
                    problems.append(f"{where}: the chart is wider than the page")
                if "207.3" not in state["link"] or f"lang={lang}" not in state["link"]:
                    problems.append(f"{where}: the link back lost the view: {state['link']}")
                logs = severe_logs(driver)
                if logs:
                    problems.append(f"{where}: console: {logs}")
    assert problems == []


HOST_PAGE = """<!doctype html><html><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>host</title>
<link rel="icon" href="data:,"></head>
<body style="margin:0 auto;max-width:760px;padding:8px"><p>An article.</p>
{frames}
<script src="{server}/embed.js" async></script></body></html>"""


@pytest.fixture()
def host_site(tmp_path):
    """Another site, on another origin (port), serving the files of `tmp_path`: an article
    that embeds our charts. (frame-ancestors * admits http(s) pages, not file:// ones.)"""
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *args: None
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield tmp_path, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_a_host_page_sets_each_iframe_to_the_height_its_chart_reports(
    dash_duo,
    app,  # noqa: F811
    host_site,
):
    folder, site = host_site
    dash_duo.start_server(app)
    driver = dash_duo.driver
    frames = "\n".join(
        f'<iframe id="frame-{c}" title="{c}" loading="lazy" style="border:0;width:100%" '
        f'height="150" src="{dash_duo.server_url}/embed/{c}?lang=en"></iframe>'
        for c in CHARTS
    )
    (folder / "host.html").write_text(HOST_PAGE.format(frames=frames, server=dash_duo.server_url))
    for width in (360, 1200):
        driver.set_window_size(width, 3000)
        driver.get(f"{site}/host.html")
        for chart in CHARTS:
            frame = driver.find_element("id", f"frame-{chart}")
            # embed.js sets the height the page reported: more than the 150 px of the code.
            WebDriverWait(driver, 20).until(
                lambda _, f=frame: f.get_attribute("scrolling") == "no" and f.rect["height"] > 200
            )
            time.sleep(0.5)
            height = frame.rect["height"]
            driver.switch_to.frame(frame)
            inner = driver.execute_script(
                "const r = document.documentElement;"
                "return {scroll: r.scrollHeight, client: r.clientHeight,"
                " wide: r.scrollWidth > r.clientWidth, drawn: document.body.dataset.drawn}"
            )
            driver.switch_to.default_content()
            assert inner["drawn"] == "true", (chart, width, inner)
            # No scrollbar: the frame holds the whole page (to the pixel, give or take rounding).
            assert inner["scroll"] <= inner["client"] + 1, (chart, width, height, inner)
            assert abs(height - inner["scroll"]) <= 2, (chart, width, height, inner)
            assert not inner["wide"], (chart, width, inner)
        assert severe_logs(driver) == []


def test_a_static_export_draws_from_disk(dash_duo, app, tmp_path):  # noqa: F811
    dash_duo.start_server(app)  # only for the browser; the export needs no server
    pages = export_embeds(
        app,
        [f"/embed/{c}?lang={lang}" for c in CHARTS for lang in ("ru", "en")],
        tmp_path,
        "https://example.org",
    )
    driver = dash_duo.driver
    driver.set_window_size(360, 1200)
    for page in pages:
        driver.get(page.as_uri())
        state = embed_state(driver)
        assert state["drawn"] == "true", (page.name, state)
        if not page.name.startswith("counters"):
            assert state["paths"] >= 5, (page.name, state)
        assert state["link"].startswith("https://example.org/?"), state
        assert severe_logs(driver) == [], page.name


def choose_option(dash_duo, radio_id: str, index: int) -> None:
    """Click the index-th button of a button group (dbc.RadioItems drawn as buttons)."""
    labels = dash_duo.find_elements(f"#{radio_id} label")
    dash_duo.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", labels[index]
    )
    labels[index].click()


def settled(driver) -> WebDriverWait:
    """A wait that looks again when the page it looked at was rendered anew under it (back and
    forward render the whole page from the URL)."""
    return WebDriverWait(driver, 10, ignored_exceptions=(StaleElementReferenceException,))


def back(driver) -> None:
    """The browser's back button, once the last step has settled: Chrome drops a traversal
    asked for while the previous one is still being handled."""
    time.sleep(1)
    driver.back()


def test_the_url_follows_the_reader_and_back_and_forward_restore_the_view(
    dash_duo,
    app,  # noqa: F811
):
    dash_duo.start_server(app)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/?lang=ru&page=2")
    wait_for_data(dash_duo, RU_PROSECUTIONS)
    driver = dash_duo.driver
    search = lambda: unquote(driver.execute_script("return location.search"))  # noqa: E731
    assert search() == "?lang=ru&page=2"  # a link that means the view stays as written
    persons = counter(dash_duo, ids.COUNT_PERSONS)
    choose_option(dash_duo, ids.UNIT, 1)
    WebDriverWait(driver, 10).until(lambda _: "unit=prosecutions" in search())
    assert "page=" not in search()  # another selection starts the table from its first page
    choose_option(dash_duo, ids.GRANULARITY, 2)
    WebDriverWait(driver, 10).until(lambda _: "by=year" in search())
    entries = driver.execute_script("return history.length")
    back(driver)
    WebDriverWait(driver, 10).until(lambda _: "by=year" not in search())
    checked = "return [...document.querySelectorAll('#%s input')].map(i => i.checked)"
    WebDriverWait(driver, 10).until(
        lambda _: driver.execute_script(checked % ids.GRANULARITY) == [True, False, False]
    )
    back(driver)
    WebDriverWait(driver, 10).until(lambda _: search() == "?lang=ru&page=2")
    WebDriverWait(driver, 10).until(
        lambda _: driver.execute_script(checked % ids.UNIT) == [True, False]
    )
    # Going back renders the page anew: an element found a moment before may be replaced.
    settled(driver).until(lambda _: counter(dash_duo, ids.COUNT_PERSONS) == persons)
    # Going back rendered each view again, and rendering one wrote no new history entry.
    assert driver.execute_script("return history.length") == entries
    time.sleep(1)
    driver.forward()
    WebDriverWait(driver, 10).until(lambda _: "unit=prosecutions" in search())
    # The language link keeps the view (on the page forward renders anew).
    link = f"#{ids.LANG_LINK['en']}"
    english = lambda: dash_duo.find_element(link).get_attribute("href")  # noqa: E731
    settled(driver).until(lambda _: "unit=prosecutions" in unquote(english()))
    assert "lang=en" in english()
    assert dash_duo.get_logs() == []


def test_a_link_with_junk_opens_with_a_notice_naming_it(dash_duo, app):  # noqa: F811
    dash_duo.start_server(app)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/?lang=en&unit=bogus&article=999.9")
    notice = dash_duo.wait_for_element(f"#{ids.LINK_NOTICE}", timeout=20)
    assert "unit=bogus" in notice.text and "article=999.9" in notice.text
    wait_for_data(dash_duo, f"{ROWS:,}")
    assert dash_duo.get_logs() == []


def test_picture_downloads_carry_title_filters_and_source(dash_duo, app):  # noqa: F811
    dash_duo.start_server(app)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/?lang=en&article=207.3")
    dash_duo.wait_for_element(f"#{ids.SENTENCES} .bars path", timeout=20)
    script = (
        "const done = arguments[arguments.length - 1];"
        "window.ppImage(arguments[0], arguments[1])"
        ".then(p => done([p.name, p.url]), e => done(['error', String(e)]));"
    )
    for chart in CHARTS:
        name, url = dash_duo.driver.execute_async_script(script, chart, "svg")
        assert name == f"{chart}_207.3.svg", (name, url[:200])
        svg = unquote(url.split(",", 1)[1])
        assert "207.3" in svg and "Source:" in svg, chart
    name, url = dash_duo.driver.execute_async_script(script, "map", "png")
    assert name == "map_207.3.png" and url.startswith("data:image/png;base64,")
    assert dash_duo.get_logs() == []


def test_copy_link_copies_the_address_of_the_view(dash_duo, app):  # noqa: F811
    dash_duo.start_server(app)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/?lang=en&article=207.3")
    dash_duo.wait_for_element(f"#{ids.TABLE} .ag-cell[col-id='name'] a", timeout=20)
    driver = dash_duo.driver
    origin = dash_duo.server_url.rstrip("/")
    driver.execute_cdp_cmd(
        "Browser.grantPermissions",
        {"origin": origin, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]},
    )
    choose_option(dash_duo, ids.UNIT, 1)
    WebDriverWait(driver, 10).until(
        lambda _: "unit=prosecutions" in driver.execute_script("return location.search")
    )
    dash_duo.find_element(f"#{ids.COPY_LINK}").click()
    read = "const done = arguments[0]; navigator.clipboard.readText().then(done, e => done(''))"
    WebDriverWait(driver, 10).until(
        lambda _: "unit=prosecutions" in driver.execute_async_script(read)
    )
    assert driver.execute_async_script(read) == driver.current_url
    assert dash_duo.get_logs() == []
