"""Any query string at any page, embed and download route gets an answer, never a 500: a link
is read leniently (ViewQuery.parse), and what it could not take is named, not obeyed."""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from callbacks.common import repository
from components.chart_tables import EMBEDS
from data.view_query import person_path

KEYS = [
    "lang", "article", "region", "held_region", "period", "from", "to", "punishment", "status",
    "gender", "group", "source", "unit", "basis", "granularity", "view", "measure", "q", "sort",
    "page", "list", "left", "right", "x", "",
]  # fmt: skip
# Values of the kinds links carry, and what a scanner or a broken link puts there instead.
VALUES = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "207.3", "280.3,207.3", "MOW", "life", "en", "ru", "2022-02-24", "2022-02..2023-13",
            "9999-99-99..0000-00-00", "-1", "1e309", "NaN", "name:desc", "x" * 2000,
            "<script>alert(1)</script>", "%00", "\u202e\u200b", "../../etc/passwd",
        ]
    ),
    st.integers(-(10**20), 10**20).map(str),
)  # fmt: skip
QUERY = st.lists(st.tuples(st.sampled_from(KEYS) | st.text(max_size=8), VALUES), max_size=8).map(
    lambda pairs: "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in pairs)
)
RAW_QUERY = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="#"), max_size=60)


def routes(app) -> list[str]:
    cases = repository(app).current().cases
    person = "/" + person_path(cases["source"].iloc[0], cases["person_id"].iloc[0]).lstrip("/")
    return [
        "/",
        "/compare",
        "/history",
        "/status",
        person,
        "/embed" + person,
        *(f"/embed/{chart}" for chart in EMBEDS),
        *(f"/download/{chart}.csv" for chart in EMBEDS),
        *(f"/download/{chart}.figure.json" for chart in EMBEDS),
        "/download/cases.csv",
        "/download/compare_left.csv",
        "/download/compare_right.csv",
    ]


@pytest.fixture(scope="module")
def paths(app):
    return routes(app)


SETTINGS = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(data=st.data())
def test_any_link_query_at_any_route_is_answered(client, paths, data):
    path = data.draw(st.sampled_from(paths), label="path")
    query = data.draw(QUERY | RAW_QUERY.map(lambda q: quote(q, safe="=&;%+")), label="query")
    response = client.get(f"{path}?{query}")
    assert response.status_code in (200, 404), response.status_code
    if response.status_code == 404:  # only a list pair that cannot be compared
        assert "compare" in path


@SETTINGS
@given(data=st.data())
def test_what_a_link_asks_for_never_reaches_a_page_as_markup(client, paths, data):
    path = data.draw(st.sampled_from([p for p in paths if p.startswith("/embed/")]))
    hostile = data.draw(st.sampled_from(['"><script>alert(1)</script>', "<img src=x onerror=1>"]))
    key = data.draw(st.sampled_from(KEYS))
    body = client.get(path, query_string={key: hostile}).get_data(as_text=True)
    assert "<script>alert" not in body and "<img src=x" not in body
