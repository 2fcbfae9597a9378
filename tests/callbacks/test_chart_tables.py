"""The "show as table" switches (callbacks/chart_tables.py) over HTTP."""

import pytest

from callbacks.common import repository
from components import ids
from components.chart_spec import chart_overview
from components.chart_table_view import switch_id, table_id
from components.chart_tables import chart_table
from components.provenance import source_labels
from data.filters import FilterState
from tests.callbacks.dash_client import call
from tests.callbacks.test_http import filter_values

VIEW = {
    f"{ids.MAP_VIEW}.value": "regions",
    f"{ids.MAP_BASIS}.value": "prosecution",
    f"{ids.MAP_MEASURE}.value": "count",
}


def cells(node) -> list[list[str]]:
    """The text of each row of a rendered table (header row first)."""
    table = node["props"]["children"]
    rows = []
    for part in table["props"]["children"][1:]:  # thead, tbody (after the caption)
        body = part["props"]["children"]
        for row in body if isinstance(body, list) else [body]:
            rows.append([cell["props"]["children"] for cell in row["props"]["children"]])
    return rows


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_an_open_switch_shows_the_numbers_of_its_csv(app, client, lang):
    values = filter_values(
        **{f"{ids.FILTER_ARTICLE}.value": ["207.3"], f"{ids.URL}.search": f"?lang={lang}"},
        **VIEW,
        **{f"{switch_id('map')}.n_clicks": 0, f"{switch_id('timeline')}.n_clicks": 3},
        **{f"{switch_id('sentences')}.n_clicks": 2, f"{ids.TABLES_WANTED}.data": {"at": 1}},
    )
    answer = call(client, f"..{table_id('map')}.children", values)
    assert answer[table_id("map")]["children"] is None
    assert answer[table_id("sentences")]["children"] is None
    assert answer[switch_id("timeline")]["aria-expanded"] == "true"
    assert answer[switch_id("map")]["aria-expanded"] == "false"
    shown = {"ru": "Скрыть таблицу", "en": "Hide the table"}[lang]
    assert answer[switch_id("timeline")]["children"] == shown
    rows = cells(answer[table_id("timeline")]["children"])
    dataset = repository(app).current()
    state = FilterState(articles=("207.3",))
    frame = chart_table(
        "timeline", chart_overview("timeline", dataset, state), lang, state,
        source_labels(dataset, lang),
    )  # fmt: skip
    assert rows[0] == list(frame.columns)
    assert [r[0] for r in rows[1:]] == list(frame.iloc[:, 0])
    counts = [int(r[1].replace("\u00a0", "").replace(",", "")) for r in rows[1:]]
    assert counts == [int(n) for n in frame.iloc[:, 1]]
