"""The persons grid over HTTP, as AG Grid asks for rows: pages and sorts computed on the server
match pandas on the same data."""

import pandas as pd
import pytest

from callbacks.common import repository
from components import ids
from components.table import PAGE_SIZE
from tests.callbacks.dash_client import call
from tests.callbacks.test_http import filter_values


def rows_for(client, request: dict, **values) -> dict:
    merged = filter_values(**{f"{ids.TABLE}.getRowsRequest": request, **values})
    return call(client, f"..{ids.TABLE}.getRowsResponse", merged)


@pytest.mark.parametrize(
    ("column", "direction"),
    [("name", "asc"), ("name", "desc"), ("custody_date", "asc"), ("cases", "desc")],
)
def test_a_sorted_page_of_prosecutions_is_the_page_pandas_gives(app, client, column, direction):
    cases = repository(app).current().cases
    request = {
        "startRow": 2 * PAGE_SIZE,
        "endRow": 3 * PAGE_SIZE,
        "sortModel": [{"colId": column, "sort": direction}],
    }
    response = rows_for(client, request, **{f"{ids.UNIT}.value": "prosecutions"})
    got = response[ids.TABLE]["getRowsResponse"]
    assert got["rowCount"] == len(cases)
    key = {"name": "name", "custody_date": "custody_date", "cases": None}[column]
    expected = (
        cases
        if key is None
        else cases.sort_values(key, ascending=direction == "asc", kind="stable", na_position="last")
    )
    page = expected.iloc[2 * PAGE_SIZE : 3 * PAGE_SIZE]
    if key is not None:
        assert [r["id"] for r in got["rowData"]] == [
            f"{s}/{p}/{c}"
            for s, p, c in zip(page["source"], page["person_id"], page["case_id"], strict=True)
        ]
    assert len(got["rowData"]) == PAGE_SIZE
    assert response[ids.TABLE_PAGING]["data"]["page"] == 2
    assert response[ids.TABLE_PAGING]["data"]["sort"] == [{"colId": column, "sort": direction}]


def test_persons_are_counted_once_and_searched_by_name(app, client):
    cases = repository(app).current().cases
    surname = cases["name"].iloc[0].split()[0]
    response = rows_for(
        client, {"startRow": 0, "endRow": PAGE_SIZE}, **{f"{ids.TABLE_SEARCH}.value": surname}
    )
    expected = cases.loc[cases["name"].str.contains(surname), "person_id"].nunique()
    got = response[ids.TABLE]["getRowsResponse"]
    assert got["rowCount"] == expected
    assert response[ids.TABLE_COUNT]["children"] == f"Found: {expected}"
    assert len(got["rowData"]) == min(expected, PAGE_SIZE)
    assert all(surname in row["name"] for row in got["rowData"])
    assert response[ids.TABLE_TITLE]["children"] == "Persons"
    everyone = rows_for(client, {"startRow": 0, "endRow": PAGE_SIZE})
    assert everyone[ids.TABLE]["getRowsResponse"]["rowCount"] == cases["person_id"].nunique()


def test_a_page_past_the_end_is_empty_not_another_page(client):
    response = rows_for(client, {"startRow": 100_000, "endRow": 100_000 + PAGE_SIZE})
    assert response[ids.TABLE]["getRowsResponse"]["rowData"] == []


def test_another_selection_makes_the_grid_start_again(client):
    shown = rows_for(client, {"startRow": PAGE_SIZE, "endRow": 2 * PAGE_SIZE})
    paging = shown[ids.TABLE_PAGING]["data"]
    same = filter_values(**{f"{ids.TABLE_SEARCH}.value": "", f"{ids.TABLE_PAGING}.data": paging})
    assert call(client, f"{ids.TABLE_REFRESH}.data", same) == {}  # nothing changed
    other = {**same, f"{ids.FILTER_GENDER}.value": ["female"]}
    refreshed = call(client, f"{ids.TABLE_REFRESH}.data", other)
    assert "gender=female" in refreshed[ids.TABLE_REFRESH]["data"]


def test_rows_link_to_person_pages(client):
    got = rows_for(client, {"startRow": 0, "endRow": PAGE_SIZE})[ids.TABLE]["getRowsResponse"]
    assert all(r["person"].startswith("/person/demo/") for r in got["rowData"])
    assert all(pd.notna(r["name"]) for r in got["rowData"])


def test_person_links_carry_the_view_for_the_way_back(client):
    request = {
        "startRow": PAGE_SIZE,
        "endRow": 2 * PAGE_SIZE,
        "sortModel": [{"colId": "name", "sort": "desc"}],
    }
    values = {
        f"{ids.FILTER_GENDER}.value": ["female"],
        f"{ids.URL}.search": "?gender=female&by=year&view=grid&lang=en",
    }
    got = rows_for(client, request, **values)[ids.TABLE]["getRowsResponse"]
    query = got["rowData"][0]["person"].split("?", 1)[1]
    assert query == "gender=female&by=year&view=grid&sort=-name&page=2&lang=en"


def test_only_the_first_page_of_a_new_sort_becomes_the_tables_page(client):
    """A new sort fetches the page shown, then page 1 (the grid goes to the first page): the
    URL must end on page 1 whichever answer comes last."""
    shown = {"page": 2, "sort": [], "selection": "lang=ru"}
    new_sort = [{"colId": "name", "sort": "desc"}]
    late = rows_for(
        client,
        {"startRow": 2 * PAGE_SIZE, "endRow": 3 * PAGE_SIZE, "sortModel": new_sort},
        **{f"{ids.TABLE_PAGING}.data": shown},
    )
    assert ids.TABLE_PAGING not in late and late[ids.TABLE]["getRowsResponse"]["rowData"]
    first = rows_for(
        client,
        {"startRow": 0, "endRow": PAGE_SIZE, "sortModel": new_sort},
        **{f"{ids.TABLE_PAGING}.data": shown},
    )
    assert first[ids.TABLE_PAGING]["data"]["page"] == 0
    assert first[ids.TABLE_PAGING]["data"]["sort"] == new_sort
    # Turning pages within one sort is the table's page as before.
    turned = rows_for(
        client,
        {"startRow": PAGE_SIZE, "endRow": 2 * PAGE_SIZE, "sortModel": new_sort},
        **{f"{ids.TABLE_PAGING}.data": first[ids.TABLE_PAGING]["data"]},
    )
    assert turned[ids.TABLE_PAGING]["data"]["page"] == 1


@pytest.mark.parametrize("start", [float("inf"), 1e30, -5, "x", None])
def test_a_hand_made_start_row_is_the_first_page(client, start):
    got = rows_for(client, {"startRow": start, "endRow": 20})
    assert len(got[ids.TABLE]["getRowsResponse"]["rowData"]) == PAGE_SIZE
    assert got[ids.TABLE_PAGING]["data"]["page"] == 0
