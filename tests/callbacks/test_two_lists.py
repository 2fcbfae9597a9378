"""The dashboard on two real-shaped lists at once (Memorial's 2025 cards and OVD-Info's export):
what every counter counts, said in words, over HTTP as the browser calls it."""

import json
import re
import shutil
from datetime import date

import pytest

from app import AppConfig, create_app
from callbacks.common import repository
from components import ids
from components.filters import Months, exact_period, slider_from_period
from data.filters import FilterState
from data.query import filter_options
from tests.callbacks.dash_client import call
from tests.callbacks.test_http import filter_values, map_values, number
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("two_lists")
    shutil.copy(FIXTURES / "memorial_cards_2025_shape.geojson", folder / "memorial.geojson")
    shutil.copy(FIXTURES / "ovdinfo_flat_sample.json", folder / "ovdinfo.json")
    (folder / "memorial.geojson.meta.json").write_text(
        json.dumps({"source": "memorial", "display_name": "Мемориал", "as_of": "2025-03-30"})
    )
    (folder / "ovdinfo.json.meta.json").write_text(
        json.dumps({"source": "ovdinfo", "display_name": "ОВД-Инфо", "as_of": "2025-10-01"})
    )
    return create_app(AppConfig(data_path=folder))


@pytest.fixture()
def client(app):
    return app.server.test_client()


def overview_for(client, lang="en", **overrides):
    search = "?lang=en" if lang == "en" else ""
    values = filter_values(**{f"{ids.URL}.search": search, **overrides})
    return call(client, f"..{ids.COUNT_PERSONS}", values)


def test_person_counts_over_two_lists_say_they_are_a_sum(app, client):
    cases = repository(app).current().cases
    per_list = cases.groupby("source")["person_id"].nunique()
    assert set(per_list.index) == {"memorial", "ovdinfo"}
    response = overview_for(client)
    assert number(response[ids.COUNT_PERSONS]["children"]) == per_list.sum()
    note = response[ids.COUNT_PERSONS_NOTE]["children"]
    assert note == "a sum of 2 lists: see below"
    lists = response[ids.COUNT_LISTS_NOTE]["children"]
    parts = f"Мемориал — {per_list['memorial']}; ОВД-Инфо — {per_list['ovdinfo']}"
    assert f"add up 2 lists ({parts})" in lists and "Source list" in lists
    assert "A sum of 2 lists" in response[ids.TIMELINE_CAPTION]["children"]
    assert "A sum of 2 lists" in response[ids.SENTENCES_CAPTION]["children"]
    ru = overview_for(client, lang="ru")
    assert "сумма 2 списков" in ru[ids.COUNT_LISTS_NOTE]["children"]


def test_one_list_counts_each_person_once_and_says_nothing_of_sums(app, client):
    response = overview_for(client, **{f"{ids.FILTER_SOURCE}.value": ["memorial"]})
    assert number(response[ids.COUNT_PERSONS]["children"]) == 6
    assert response[ids.COUNT_PERSONS_NOTE]["children"] == "in the selected cases"
    assert response[ids.COUNT_LISTS_NOTE]["children"] == ""
    assert "sum" not in response[ids.TIMELINE_CAPTION]["children"]


def test_in_custody_agrees_with_status_on_the_real_shaped_lists(app, client):
    cases = repository(app).current().cases
    held = cases[cases["in_custody"].fillna(False).astype(bool)]
    assert not held["status"].isin(["released", "emigrated", "died"]).any()
    assert not held["restraint"].eq("house_arrest").any()
    response = overview_for(client, **{f"{ids.FILTER_SOURCE}.value": ["memorial"]})
    # 710001 (serving), 710002 (SIZO), 710004 (psychiatric hospital), 710006 (appeal, held)
    assert number(response[ids.COUNT_IN_CUSTODY]["children"]) == 4
    assert "house arrest not counted" in response[ids.COUNT_IN_CUSTODY_NOTE]["children"]


def test_the_median_names_what_it_leaves_out(client):
    response = overview_for(client)
    note = response[ids.COUNT_MEDIAN_NOTE]["children"]
    assert "Not included: life terms: 1" in note  # OVD-Info's life sentence


@pytest.mark.parametrize(
    ("dates", "title"),
    [("arrest", "Arrests over time"), ("verdict", "Verdicts over time")],
)
def test_the_period_basis_is_said_and_the_undated_are_counted(app, client, dates, title):
    dataset = repository(app).current()
    cases = dataset.cases
    column = {"arrest": "custody_date", "verdict": "verdict_date"}[dates]
    state = FilterState(date_from=date(2018, 1, 1), dates=dates)
    months = Months.of(filter_options(dataset))
    values = {
        f"{ids.PERIOD_BASIS}.value": dates,
        f"{ids.UNIT}.value": "prosecutions",
        f"{ids.PERIOD_EXACT}.data": exact_period(state, months),
        f"{ids.FILTER_PERIOD}.value": slider_from_period(state, months),
    }
    response = overview_for(client, **values)
    assert response[ids.TIMELINE_TITLE]["children"] == title
    undated = int(cases[column].isna().sum())
    what = {"arrest": "arrest date", "verdict": "verdict date"}[dates]
    assert response[ids.FILTER_PERIOD_NOTE]["children"] == (
        f"Left out of the period for having no {what}: {undated} prosecution"
        + ("." if undated == 1 else "s.")
    )
    since = int((cases[column] >= "2018-01-01").sum())
    assert number(response[ids.COUNT_PROSECUTIONS]["children"]) == since


def test_the_map_per_million_residents(app, client):
    values = map_values(**{f"{ids.MAP_MEASURE}.value": "per_million"})
    response = call(client, f"..{ids.MAP}.figure", values)
    trace = response[ids.MAP]["figure"]["data"][0]
    legend = json.dumps(response[ids.MAP_LEGEND]["children"], ensure_ascii=False)
    assert "Per million residents (population: Rosstat, 2020)" in legend
    assert "no population data" in legend
    where = {code: i for i, code in enumerate(trace["locations"])}
    assert trace["z"][where["UA-14"]] == -1  # no population figure: grey, not zero
    assert trace["customdata"][where["UA-14"]].startswith("no population data")
    crimea = trace["customdata"][where["UA-43"]]
    persons = re.search(r"(\d+) persons", crimea).group(1)
    rate = float(crimea.split(" per million")[0])
    assert rate == round(int(persons) * 1e6 / 1912025, 1)
    caption = response[ids.MAP_CAPTION]["children"]
    assert "Rosstat" in caption and "1 Jan 2020" in caption and "A sum of 2 lists" in caption
    counts = call(client, f"..{ids.MAP}.figure", map_values())[ids.MAP_LEGEND]["children"]
    assert "Persons by region of prosecution" in json.dumps(counts)
