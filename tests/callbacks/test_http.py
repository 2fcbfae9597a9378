"""The callbacks over HTTP, as the browser calls them, checked against pandas on the same data."""

import json
import re
from datetime import date

import pytest

from callbacks.common import repository
from components import ids
from components.filters import Months, exact_period, slider_from_period
from components.summaries import map_summary, sentences_summary, timeline_summary
from data.filters import FilterState
from data.query import (
    counters,
    filter_options,
    region_counts,
    sentence_distribution,
    timeline,
)
from tests.callbacks.dash_client import call, dependencies, post


def filter_values(**overrides):
    values = {
        f"{ids.FILTER_SOURCE}.value": [],
        f"{ids.FILTER_ARTICLE}.value": [],
        f"{ids.FILTER_REGION}.value": [],
        f"{ids.FILTER_HELD_REGION}.value": [],
        f"{ids.FILTER_PERIOD}.value": None,
        f"{ids.FILTER_PUNISHMENT}.value": [],
        f"{ids.FILTER_STATUS}.value": [],
        f"{ids.FILTER_GENDER}.value": [],
        f"{ids.FILTER_CASE_GROUP}.value": [],
        f"{ids.UNIT}.value": "persons",
        f"{ids.GRANULARITY}.value": "month",
        f"{ids.URL}.search": "?lang=en",
    }
    values.update(overrides)
    return values


def number(text: str) -> int:
    return int(re.sub(r"[^\d]", "", text))


def test_filter_change_returns_the_numbers_pandas_computes(app, client):
    cases = repository(app).current().cases
    values = filter_values(
        **{
            f"{ids.FILTER_ARTICLE}.value": ["207.3"],
            f"{ids.FILTER_REGION}.value": ["RU-MOW", "RU-SPE", "RU-MOS"],
        }
    )
    response = call(
        client, f"..{ids.COUNT_PERSONS}", values, changed=[f"{ids.FILTER_ARTICLE}.value"]
    )
    has_207_3 = cases["articles"].map(lambda a: any(re.match(r"207\.3( |$)", x) for x in a))
    selected = cases[has_207_3 & cases["region_code"].isin(["RU-MOW", "RU-SPE", "RU-MOS"])]
    assert len(selected) > 0
    assert number(response[ids.COUNT_PERSONS]["children"]) == selected["person_id"].nunique()
    assert number(response[ids.COUNT_PROSECUTIONS]["children"]) == len(selected)
    held = selected.loc[selected["in_custody"].fillna(False), "person_id"].nunique()
    assert number(response[ids.COUNT_IN_CUSTODY]["children"]) == held
    real = selected[selected["punishment_type"].eq("imprisonment")]
    median = real.groupby("person_id")["sentence_months"].max().median() / 12
    assert response[ids.COUNT_MEDIAN]["children"] == f"{median:.1f}".rstrip("0").rstrip(".")
    timeline = response[ids.TIMELINE]["figure"]
    first_arrests = selected.groupby("person_id")["custody_date"].min().dropna()
    assert sum(timeline["data"][0]["y"]) == len(first_arrests)
    sentences = response[ids.SENTENCES]["figure"]
    assert sum(sum(trace["y"]) for trace in sentences["data"]) == real["person_id"].nunique()


def test_english_numbers_and_russian_numbers(client):
    en = call(client, f"..{ids.COUNT_PERSONS}", filter_values())
    ru = call(client, f"..{ids.COUNT_PERSONS}", filter_values(**{f"{ids.URL}.search": ""}))
    assert number(en[ids.COUNT_PROSECUTIONS]["children"]) == 900
    assert ru[ids.COUNT_PROSECUTIONS]["children"] == "900"
    assert "Each person is counted once" in en[ids.TIMELINE_CAPTION]["children"]
    assert "Каждый человек учтён один раз" in ru[ids.TIMELINE_CAPTION]["children"]


def test_the_figure_response_is_small(client):
    """Aggregates, not rows, travel to the browser."""
    result = call(client, f"..{ids.COUNT_PERSONS}", filter_values())
    assert len(json.dumps(result)) < 100_000


def test_page_renders_in_the_language_and_with_the_filters_of_the_url(client):
    response = call(
        client,
        f"..{ids.PAGE}",
        {f"{ids.URL}.search": "?article=205.5&unit=prosecutions&lang=en"},
    )
    assert response[ids.DOCUMENT_META]["data"]["lang"] == "en"
    page = json.dumps(response[ids.PAGE]["children"], ensure_ascii=False)
    assert "Arrests over time" in page and "Аресты по времени" not in page
    assert '"value": ["205.5"]' in page and '"value": "prosecutions"' in page


def test_reset_clears_every_filter(app, client):
    response = call(
        client,
        f"..{ids.FILTER_SOURCE}.value",
        {f"{ids.FILTER_RESET}.n_clicks": 1},
        changed=[f"{ids.FILTER_RESET}.n_clicks"],
    )
    assert (
        response[ids.FILTER_ARTICLE]["value"] == [] and response[ids.FILTER_SOURCE]["value"] == []
    )
    months = Months.of(filter_options(repository(app).current()))
    assert response[ids.FILTER_PERIOD]["value"] == [months.first, months.last]
    assert response[ids.PERIOD_EXACT]["data"] is None


def test_a_shared_links_exact_dates_give_the_exact_numbers(app, client):
    """A link's period from 24 Feb 2022 is not a whole month: the slider shows Feb 2022 to Dec
    2022, and the exact dates still decide which rows count (review finding)."""
    cases = repository(app).current().cases
    state = FilterState(date_from=date(2022, 2, 24), date_to=date(2022, 12, 31))
    months = Months.of(filter_options(repository(app).current()))
    slider = slider_from_period(state, months)
    exact = exact_period(state, months)
    assert exact == {"from": "2022-02-24", "to": "2022-12-31", "slider": slider}
    values = filter_values(
        **{
            f"{ids.FILTER_PERIOD}.value": slider,
            f"{ids.PERIOD_EXACT}.data": exact,
            f"{ids.UNIT}.value": "prosecutions",
        }
    )
    response = call(client, f"..{ids.COUNT_PERSONS}", values)
    custody = cases["custody_date"]
    expected = ((custody >= "2022-02-24") & (custody <= "2022-12-31")).sum()
    assert number(response[ids.COUNT_PROSECUTIONS]["children"]) == expected
    # Once the reader moves the slider, whole months apply again.
    moved = {**values, f"{ids.FILTER_PERIOD}.value": [slider[0] + 1, slider[1]]}
    response = call(client, f"..{ids.COUNT_PERSONS}", moved)
    expected = ((custody >= "2022-03-01") & (custody <= "2022-12-31")).sum()
    assert number(response[ids.COUNT_PROSECUTIONS]["children"]) == expected


def map_values(**overrides):
    values = filter_values(
        **{f"{ids.MAP_VIEW}.value": "map", f"{ids.MAP_BASIS}.value": "prosecution"}
    )
    values.update(overrides)
    return values


def test_map_draws_once_then_recolours_with_a_small_patch(app, client):
    first = call(client, f"..{ids.MAP}.figure", map_values())
    figure = first[ids.MAP]["figure"]
    assert figure["data"][0]["type"] == "choropleth"
    assert figure["data"][0]["geojson"].endswith("/assets/geo/regions.geojson")
    drawn = first[ids.MAP_DRAWN]["data"]
    # The same view, basis, unit and language: a filter change only recolours.
    values = map_values(
        **{f"{ids.MAP_DRAWN}.data": drawn, f"{ids.FILTER_ARTICLE}.value": ["207.3"]}
    )
    body = post(
        client, f"..{ids.MAP}.figure", values, changed=[f"{ids.FILTER_ARTICLE}.value"]
    ).get_data()
    assert len(body) < 8_000  # a few KB: z, hover numbers, outlines
    patch = json.loads(body)["response"][ids.MAP]["figure"]
    assert patch["__dash_patch_update"] == "__dash_patch_update"
    # Another view needs the whole figure again.
    grid = call(
        client,
        f"..{ids.MAP}.figure",
        map_values(**{f"{ids.MAP_DRAWN}.data": drawn, f"{ids.MAP_VIEW}.value": "grid"}),
    )
    assert grid[ids.MAP]["figure"]["data"][0]["geojson"].endswith("/assets/geo/tiles.geojson")


def test_map_counts_ignore_its_own_selection(app, client):
    cases = repository(app).current().cases
    response = call(
        client, f"..{ids.MAP}.figure", map_values(**{f"{ids.FILTER_REGION}.value": ["RU-BA"]})
    )
    trace = response[ids.MAP]["figure"]["data"][0]
    i = trace["locations"].index("RU-MOW")
    moscow = cases.loc[cases["region_code"] == "RU-MOW", "person_id"].nunique()
    assert trace["customdata"][i].startswith(f"{moscow} persons")
    assert trace["marker"]["line"]["width"][trace["locations"].index("RU-BA")] == 3


@pytest.mark.parametrize(
    ("basis", "target"),
    [("prosecution", ids.FILTER_REGION), ("imprisonment", ids.FILTER_HELD_REGION)],
)
def test_clicking_a_region_toggles_it_in_the_filter_of_the_basis(client, basis, target):
    click = {"points": [{"location": "RU-BA", "curveNumber": 0}]}
    values = {
        f"{ids.MAP}.clickData": click,
        f"{ids.MAP_BASIS}.value": basis,
        f"{ids.FILTER_REGION}.value": ["RU-MOW"],
        f"{ids.FILTER_HELD_REGION}.value": [],
    }
    added = call(client, f"..{ids.FILTER_REGION}.value", values, changed=[f"{ids.MAP}.clickData"])
    assert added[target]["value"][-1] == "RU-BA"
    assert added[ids.MAP]["clickData"] is None  # so that the next click on it is a change
    values[f"{target}.value"] = added[target]["value"]
    removed = call(client, f"..{ids.FILTER_REGION}.value", values, changed=[f"{ids.MAP}.clickData"])
    assert "RU-BA" not in removed[target]["value"]


def test_every_callback_answers_with_a_region_of_imprisonment_selected(app, client):
    """Defect: the dropdown sends a list, FilterState kept it as a list, the cache key was
    unhashable and every callback answered 500. Each callback fed by the filters is fired."""
    cases = repository(app).current().cases
    held = cases["imprisonment_region_code"].dropna().astype(str)
    chosen = [held.value_counts().index[0], held.value_counts().index[1]]
    values = map_values(
        **{
            f"{ids.FILTER_HELD_REGION}.value": chosen,
            f"{ids.TABLE_SEARCH}.value": "",
            f"{ids.TABLE}.page_current": 0,
            f"{ids.TABLE}.sort_by": [],
        }
    )
    changed = [f"{ids.FILTER_HELD_REGION}.value"]
    held_filter = f"{ids.FILTER_HELD_REGION}.value"
    fed = [
        d["output"]
        for d in dependencies(client)
        if any(f"{i['id']}.{i['property']}" == held_filter for i in d["inputs"])
        and not d.get("clientside_function")  # runs in the browser
    ]
    assert len(fed) >= 4  # overview, map, table, the URL memory
    for output in fed:
        post(client, output, values, changed=changed)  # asserts 200
    response = call(client, f"..{ids.COUNT_PERSONS}", values, changed=changed)
    expected = cases.loc[cases["imprisonment_region_code"].isin(chosen), "person_id"].nunique()
    assert number(response[ids.COUNT_PERSONS]["children"]) == expected > 0


def test_hand_made_values_never_answer_500(client):
    """A request with a number where a list belongs, or no slider value, still answers."""
    values = map_values(
        **{
            f"{ids.FILTER_HELD_REGION}.value": 5,
            f"{ids.FILTER_CASE_GROUP}.value": True,
            f"{ids.FILTER_ARTICLE}.value": "207.3",
            f"{ids.TABLE_SEARCH}.value": 7,
            f"{ids.TABLE}.getRowsRequest": {"startRow": "x", "sortModel": [{"colId": 3}]},
        }
    )
    for output in (
        f"..{ids.COUNT_PERSONS}",
        f"..{ids.MAP}.figure",
        f"..{ids.TABLE}.getRowsResponse",
    ):
        post(client, output, values)  # asserts 200
    text = call(
        client,
        ids.FILTER_PERIOD_TEXT,
        {f"{ids.FILTER_PERIOD}.value": None, f"{ids.URL}.search": "?lang=en"},
    )
    assert text[ids.FILTER_PERIOD_TEXT]["children"].startswith("all time")


def test_each_page_has_its_own_tab_title(client):
    def title(path: str, search: str) -> str:
        values = {f"{ids.URL}.pathname": path, f"{ids.URL}.search": search}
        return call(client, f"..{ids.PAGE}", values)[ids.DOCUMENT_META]["data"]["title"]

    assert title("/", "?lang=en") == "Overview — Political prosecutions in Russia"
    assert title("/status", "?lang=en") == "Data status — Political prosecutions in Russia"
    assert title("/status", "") == "Данные — Политические преследования в России"


def test_the_drawn_map_is_redrawn_when_its_colour_classes_change():
    """A reloaded dataset may bring other classes: a recolour Patch would keep the old legend."""
    from callbacks.map import drawn_key

    state = FilterState()
    assert drawn_key(state, "en", (1, 5, 10)) == drawn_key(state, "en", (1, 5, 10))
    assert drawn_key(state, "en", (1, 5, 10)) != drawn_key(state, "en", (1, 2, 20))


def test_russian_answers_travel_as_utf8_and_stay_under_30_kb(client):
    """Callback answers are serialised by orjson (Dash uses it when installed): Cyrillic as
    UTF-8, not \\uXXXX escapes that made Russian answers 60% larger than English ones."""
    values = filter_values(**{f"{ids.URL}.search": "", f"{ids.FILTER_ARTICLE}.value": ["207.3"]})
    body = post(client, f"..{ids.COUNT_PERSONS}", values).get_data()
    assert "человек".encode() in body and b"\\u04" not in body
    assert len(body) < 30_000


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_each_chart_says_what_it_shows_in_words(app, client, lang):
    """The summaries (components.summaries) of the view, in the figcaption of each chart."""
    dataset = repository(app).current()
    values = filter_values(
        **{f"{ids.FILTER_ARTICLE}.value": ["207.3"], f"{ids.URL}.search": f"?lang={lang}"}
    )
    state = FilterState(articles=("207.3",))
    answer = call(client, f"..{ids.COUNT_PERSONS}", values)
    assert answer[ids.TIMELINE_SUMMARY]["children"] == timeline_summary(
        timeline(dataset, state), lang
    )
    expected = sentences_summary(
        sentence_distribution(dataset, state), counters(dataset, state), lang
    )
    assert answer[ids.SENTENCES_SUMMARY]["children"] == expected
    values |= {f"{ids.MAP_VIEW}.value": "regions", f"{ids.MAP_BASIS}.value": "prosecution"}
    answer = call(client, f"..{ids.MAP}.figure", values)
    summary = answer[ids.MAP_SUMMARY]["children"]
    assert summary == map_summary(region_counts(dataset, state), lang)
    assert ("Москва" if lang == "ru" else "Moscow") in summary
