"""The URL is the view: written as the reader changes it, read on first load and on back/forward."""

import json

import pytest

from callbacks.common import language
from components import ids
from components.table import paging, table_state
from data.filters import FilterState
from data.view_query import ViewQuery
from tests.callbacks.dash_client import call, post
from tests.callbacks.test_http import filter_values


def url_values(search: str, **overrides):
    values = filter_values(
        **{
            f"{ids.URL}.search": search,
            f"{ids.URL}.pathname": "/",
            f"{ids.MAP_VIEW}.value": "map",
            f"{ids.MAP_BASIS}.value": "prosecution",
            f"{ids.MAP_MEASURE}.value": "count",
            f"{ids.TABLE_SEARCH}.value": "",
            f"{ids.TABLE_PAGING}.data": None,
        }
    )
    values.update(overrides)
    return values


def test_a_change_is_written_to_the_url_with_every_part_of_the_view(client):
    state = FilterState(
        articles=("207.3",),
        regions=("RU-BA",),
        unit="prosecutions",
        granularity="year",
        view="grid",
        measure="per_million",
    )
    sort = [{"colId": "custody_date", "sort": "desc"}]
    shown = paging(state, table_state("Иван", sort, 2))  # the grid shows page 3 of this
    values = url_values(
        "?lang=en",
        **{
            f"{ids.FILTER_ARTICLE}.value": ["207.3"],
            f"{ids.FILTER_REGION}.value": ["RU-BA"],
            f"{ids.UNIT}.value": "prosecutions",
            f"{ids.GRANULARITY}.value": "year",
            f"{ids.MAP_VIEW}.value": "grid",
            f"{ids.MAP_MEASURE}.value": "per_million",
            f"{ids.TABLE_SEARCH}.value": "Иван",
            f"{ids.TABLE_PAGING}.data": shown,
        },
    )
    response = call(client, f"..{ids.URL}.search", values)
    search = response[ids.URL]["search"]
    assert search == (
        "?article=207.3&region=RU-BA&unit=prosecutions&by=year&view=grid&measure=per_million"
        "&q=%D0%98%D0%B2%D0%B0%D0%BD&sort=-custody_date&page=3&lang=en"
    )
    assert response[ids.VIEW_SHOWN]["data"] == "/" + search
    # The language links keep the view, each in its language.
    assert response[ids.LANG_LINK["ru"]]["href"] == search.replace("lang=en", "lang=ru")
    assert response[ids.NAV_PAGE_LINK["/status"]]["href"] == "/status" + search
    assert response[ids.DOWNLOAD_CASES]["href"] == "download/cases.csv" + search


def test_a_new_selection_is_written_with_the_first_page_at_once(client):
    """Not page=3 first and the first page after the table resets: one change, one entry."""
    shown = paging(FilterState(), table_state("", [], 2))
    values = url_values(
        "?page=3&lang=en",
        **{
            f"{ids.FILTER_GENDER}.value": ["female"],
            f"{ids.TABLE_PAGING}.data": shown,
        },
    )
    assert call(client, f"..{ids.URL}.search", values)[ids.URL]["search"] == (
        "?gender=female&lang=en"
    )


def test_a_url_that_already_means_the_view_is_left_as_written(client):
    """A link spelled differently (comma list, junk, tracking) gets no new history entry."""
    values = url_values(
        "?article=207.3,280.3&utm_source=x&lang=en",
        **{f"{ids.FILTER_ARTICLE}.value": ["280.3", "207.3"]},
    )
    response = call(client, f"..{ids.URL}.search", values)
    assert ids.URL not in response  # no_update: the URL stays
    assert response[ids.VIEW_SHOWN]["data"] == "/?article=207.3&article=280.3&lang=en"


def test_the_page_the_url_already_shows_is_not_rendered_again(client):
    shown = "/?article=207.3&lang=en"
    values = {f"{ids.URL}.search": "?article=207.3&lang=en", f"{ids.VIEW_SHOWN}.data": shown}
    response = post(client, f"..{ids.PAGE}", values)
    assert response.get_json()["response"] == {}  # every output no_update
    back = {f"{ids.URL}.search": "?lang=en", f"{ids.VIEW_SHOWN}.data": shown}  # back button
    rendered = call(client, f"..{ids.PAGE}", back)
    assert rendered[ids.VIEW_SHOWN]["data"] == "/?lang=en"


def test_a_link_renders_every_part_of_the_view_and_names_what_it_ignored(client):
    search = "?article=207.3&view=grid&q=Иван&sort=-name&page=2&unit=bogus&region=XX&lang=en"
    response = call(client, f"..{ids.PAGE}", {f"{ids.URL}.search": search})
    page = json.dumps(response[ids.PAGE]["children"], ensure_ascii=False)
    assert '"value": ["207.3"]' in page and '"value": "grid"' in page
    assert '"value": "Иван"' in page and '"paginationGoTo": 1' in page
    assert '"field": "name", "headerName": "Name"' in page and '"sort": "desc"' in page
    assert ids.LINK_NOTICE in page and "unit=bogus, region=XX" in page
    assert "Part of this link was not understood" in page


def test_the_url_keeps_the_grids_page_until_the_selection_changes(client):
    state = FilterState()
    shown = paging(state, table_state("", [], 1))
    kept = call(
        client, f"..{ids.URL}.search", url_values("?lang=en", **{f"{ids.TABLE_PAGING}.data": shown})
    )
    assert kept[ids.URL]["search"] == "?page=2&lang=en"
    other = url_values(
        "?page=2&lang=en",
        **{f"{ids.TABLE_PAGING}.data": shown, f"{ids.FILTER_GENDER}.value": ["female"]},
    )
    assert call(client, f"..{ids.URL}.search", other)[ids.URL]["search"] == "?gender=female&lang=en"


@pytest.mark.parametrize(
    "search", ["?lang=en&lang=EN", "?lang=EN", "?lang=de", "?lang=en&lang=ru", "", None, "?lang="]
)
def test_callbacks_read_the_language_as_the_page_does(search):
    """The grid, the dialogs and the page around them in one language, however a link spells it
    (the grid once read '?lang=en&lang=EN' as English inside a Russian page)."""
    assert language(search) == ViewQuery.parse(search).lang


@pytest.mark.parametrize(
    "junk",
    [[1, 2], "x", 5, {"sort": 5, "page": "x"}, {"sort": [{"colId": 1}], "page": -3}],
)
def test_a_hand_made_grid_state_is_ignored_not_a_500(client, junk):
    """TABLE_PAGING comes back from the browser: anything in it is only a request."""
    values = url_values("?gender=male&lang=en", **{f"{ids.TABLE_PAGING}.data": junk})
    assert call(client, f"..{ids.URL}.search", values)[ids.URL]["search"] == "?lang=en"
    refresh = filter_values(**{f"{ids.TABLE_SEARCH}.value": "", f"{ids.TABLE_PAGING}.data": junk})
    post(client, f"{ids.TABLE_REFRESH}.data", refresh)
    rows = filter_values(
        **{
            f"{ids.TABLE}.getRowsRequest": {"startRow": 20, "sortModel": junk},
            f"{ids.TABLE_PAGING}.data": junk,
        }
    )
    got = call(client, f"..{ids.TABLE}.getRowsResponse", rows)
    assert len(got[ids.TABLE]["getRowsResponse"]["rowData"]) == 20
