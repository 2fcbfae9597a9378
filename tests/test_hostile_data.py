"""A published list with hostile strings in it (tests/fixtures/hostile.csv: markup and script in
names, places and verdicts, entity-encoded markup, `javascript:` addresses, a quote that would
leave an attribute, right-to-left and zero-width characters, cells thousands of characters
long, spreadsheet formulas) is inert everywhere the dashboard shows or hands out its data: the
pages and the person pages (Dash layouts), the grid, every chart's figure (plotly's
pseudo-HTML), the embeds, the downloads. The browser test (tests/browser/test_hostile.py) shows
the same pages running no script, with a clean console.
"""

import csv
import io
import json
import re
from html.parser import HTMLParser

import pytest

from app import AppConfig, create_app
from callbacks.common import repository
from components import ids
from components.chart_tables import EMBEDS
from data.view_query import person_path
from tests.callbacks.dash_client import call
from tests.callbacks.test_http import filter_values
from tests.conftest import FIXTURES

HOSTILE = FIXTURES / "hostile.csv"
# What would run, or would turn into markup, if any of it reached a page as it was written.
LIVE = re.compile(
    r"<\s*(script|img|svg|iframe|a\s|b\s|i>)|on(error|load|mouseover)\s*=|javascript:"
    r"|&lt;(img|script|b\s)|\"\s*onmouseover",
    re.IGNORECASE,
)
FORMULA = ("=", "+", "-", "@")


def _foreign_scheme(url: str) -> bool:
    """A link to anything but an http(s) address or a path of the app (javascript:, data:)."""
    scheme = re.match(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):", url)
    return bool(scheme) and scheme.group(1).lower() not in ("http", "https")


class Elements(HTMLParser):
    """Every element of a page: (tag, attributes)."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.found: list[tuple[str, dict]] = []
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.found.append((tag, dict(attrs)))


@pytest.fixture(scope="module")
def app():
    return create_app(AppConfig(data_path=HOSTILE, reload_seconds=3600))


@pytest.fixture(scope="module", autouse=True)
def _stop_watching(app):
    yield
    repository(app).watcher.stop()


@pytest.fixture()
def client(app):
    return app.server.test_client()


def persons(app) -> list[str]:
    cases = repository(app).current().cases
    return [
        "/" + person_path(s, p).lstrip("/")
        for s, p in zip(cases["source"], cases["person_id"], strict=True)
    ]


def test_every_row_loaded_its_markup_removed_and_reported(app):
    dataset = repository(app).current()
    cases = dataset.cases
    assert len(cases) == 8  # nothing hostile costs a row
    texts = cases[["name", "city", "facility", "verdict_text", "source", "person_id"]]
    assert not texts.apply(lambda col: col.dropna().map(lambda v: bool(LIVE.search(v))).any()).any()
    assert cases["source_url"].dropna().str.startswith("https://").all()
    assert set(cases["source"]) == {"hostile"}
    # Invisible and direction-changing characters go, written as themselves or as entities.
    invisible = r"[\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069]"
    assert not texts.apply(lambda col: col.dropna().str.contains(invisible).any()).any()
    assert cases.set_index("person_id").loc["h-8", "name"] == "IvanvonaP Petrov"
    [report] = repository(app).reports()
    repaired = {(i.row, i.column) for i in report.issues if i.code == "html_removed"}
    assert {(2, "name"), (3, "person_id"), (4, "name"), (2, "case_group")} <= repaired


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_pages_and_person_pages_hold_the_data_as_text_only(app, client, lang):
    for path in ["/", "/status", "/compare", *persons(app)]:
        values = {f"{ids.URL}.pathname": path, f"{ids.URL}.search": f"?lang={lang}"}
        answer = call(client, f"..{ids.PAGE}", values)
        layout = json.dumps(answer[ids.PAGE]["children"], ensure_ascii=False)
        # Dash renders children as text; the only ways into markup are these props.
        assert '"dangerously_allow_html": true' not in layout, path
        assert '"srcDoc"' not in layout, path
        hrefs = re.findall(r'"href": "([^"]*)"', layout)
        assert hrefs and not [h for h in hrefs if _foreign_scheme(h)], path
        title = answer[ids.DOCUMENT_META]["data"]["title"]
        assert not LIVE.search(title), title


def test_the_grid_rows_carry_text_and_checked_links(client):
    request = {"startRow": 0, "endRow": 50, "sortModel": [], "filterModel": {}}
    rows = call(
        client,
        f"..{ids.TABLE}.getRowsResponse",
        filter_values(**{f"{ids.TABLE}.getRowsRequest": request}),
    )[ids.TABLE]["getRowsResponse"]["rowData"]
    assert len(rows) >= 6
    for row in rows:
        for key, value in row.items():
            if isinstance(value, str):
                assert not LIVE.search(value), (key, value[:80])
                if key in ("source_url",) and value:
                    assert value.startswith("https://")
        assert row.get("person", "").startswith("/person/")


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_figure_keeps_the_data_out_of_plotlys_markup(client, lang):
    for chart in EMBEDS:
        figure = client.get(f"/download/{chart}.figure.json?lang={lang}").get_json()["figure"]
        text = json.dumps(figure, ensure_ascii=False)
        assert not LIVE.search(text), chart


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_embeds_and_person_cards_are_inert(app, client, lang):
    for path in [*(f"/embed/{c}" for c in EMBEDS), *("/embed" + p for p in persons(app))]:
        response = client.get(f"{path}?lang={lang}")
        assert response.status_code == 200, path
        elements = Elements(response.get_data(as_text=True)).found
        tags = {tag for tag, _ in elements}
        assert not tags & {"img", "svg", "iframe", "object", "embed", "b", "i"}, (path, tags)
        for tag, attrs in elements:
            assert not [a for a in attrs if a.startswith("on")], (path, tag, attrs)
            assert not any(_foreign_scheme(attrs.get(a) or "") for a in ("href", "src"))
            if tag == "script":  # our own files, or the figure as JSON, which never runs
                assert attrs.get("src", "").startswith("/") or attrs["type"] == "application/json"


def test_downloads_are_inert_in_a_spreadsheet(client):
    paths = ["/download/cases.csv", "/download/cases.csv?unit=persons"]
    paths += [f"/download/{chart}.csv" for chart in EMBEDS if chart != "compare"]
    for path in paths:
        text = client.get(path).get_data(as_text=True)
        for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))):
            for cell in row:
                assert not cell.startswith(FORMULA), (path, cell[:60])
                assert not LIVE.search(cell), (path, cell[:60])
    cases = client.get("/download/cases.csv").get_data(as_text=True)
    assert "'=HYPERLINK(" in cases and "'+7 (495)" in cases  # kept, as text
