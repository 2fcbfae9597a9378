"""Two lists side by side (data.compare) on a small hand-made pair of lists, every number
counted by hand."""

from dataclasses import dataclass

import pandas as pd
import pytest

from data.compare import compare_lists, compared_lists
from data.dataset import IDENTITY, Dataset, SourceInfo
from data.filters import FilterState
from data.loader import normalise
from data.schema import COLUMN_NAMES


@dataclass(frozen=True)
class Pair:
    """The shape of data.matching.Match that Dataset.build reads."""

    left: tuple[str, str]
    right: tuple[str, str]
    how: str = "auto"


def _row(source, person_id, name, region, articles, custody, case=1):
    row = dict.fromkeys(COLUMN_NAMES, "")
    row.update(
        person_id=person_id,
        case_id=f"{person_id}-{case}",
        source=source,
        name=name,
        region_code=region,
        articles=articles,
        custody_date=custody,
    )
    return row


ROWS = [
    # Memorial: Ivanov (both lists), Petrova (both), Sidorov (only Memorial)
    _row("memorial", "m1", "Иванов Иван", "RU-MOW", "207.3 ч.2", "2022-04-01"),
    _row("memorial", "m2", "Петрова Анна", "RU-BA", "280.3 ч.1", "2023-05-01"),
    _row("memorial", "m3", "Сидоров Пётр", "RU-BA", "205.5 ч.2", ""),
    # OVD-Info: Ivanov with two cases (the second in another region), Petrova, and Kuznetsov
    _row("ovdinfo", "o1", "Ivanov Ivan", "RU-MOW", "207.3 ч.2", "2022-04-01"),
    _row("ovdinfo", "o1", "Ivanov Ivan", "RU-SPE", "275", "2024-01-10", case=2),
    _row("ovdinfo", "o2", "Petrova Anna", "RU-BA", "280.3 ч.1", "2023-05-01"),
    _row("ovdinfo", "o3", "Kuznetsov Oleg", "RU-TA", "207.3 ч.2", "2022-09-09"),
    # A third list is never part of a comparison of the two largest
    _row("other", "x1", "Иванов Иван", "RU-MOW", "207.3 ч.2", "2022-04-01"),
]


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    cases, report = normalise(pd.DataFrame(ROWS, dtype=str), "pair.csv")
    assert not report.issues
    sources = tuple(SourceInfo(n, n) for n in ("memorial", "ovdinfo", "other"))
    pairs = (
        Pair(("memorial", "m1"), ("ovdinfo", "o1")),
        Pair(("memorial", "m2"), ("ovdinfo", "o2")),
    )
    return Dataset.build(cases, sources, matches=pairs)


def test_matched_persons_share_one_identity(dataset):
    cases = dataset.cases.set_index(["source", "person_id"])
    assert cases.loc[("memorial", "m1"), IDENTITY] == cases.loc[("ovdinfo", "o1"), IDENTITY].iloc[0]
    assert cases.loc[("memorial", "m3"), IDENTITY] != cases.loc[("ovdinfo", "o3"), IDENTITY]
    assert dataset.cases[IDENTITY].nunique() == 5  # Ivanov, Petrova, Sidorov, Kuznetsov, x1


def test_the_matches_are_part_of_the_version(dataset):
    cases = dataset.cases.drop(columns=["_person", IDENTITY])
    unmatched = Dataset.build(cases, dataset.sources)
    assert unmatched.version != dataset.version


def test_the_two_largest_lists_are_compared_unless_the_filter_names_two(dataset):
    assert compared_lists(dataset, FilterState()) == ("memorial", "ovdinfo")
    assert compared_lists(dataset, FilterState(sources=("other", "memorial"))) == (
        "memorial",
        "other",
    )


def test_totals_and_breakdowns(dataset):
    result = compare_lists(dataset, FilterState())
    assert (result.both, result.only_left, result.only_right) == (2, 1, 1)
    assert result.total == 4 and result.matched_pairs == 2
    regions = {r.key: (r.both, r.only_left, r.only_right) for r in result.by_region}
    # Ivanov counts in Moscow and in St Petersburg (his second case); Sidorov and Petrova in
    # Bashkortostan.
    assert regions == {
        "RU-MOW": (1, 0, 0),
        "RU-SPE": (1, 0, 0),
        "RU-BA": (1, 1, 0),
        "RU-TA": (0, 0, 1),
    }
    assert result.by_region[0].key == "RU-BA"  # the largest first
    articles = {r.key: (r.both, r.only_left, r.only_right) for r in result.by_article}
    assert articles["207.3"] == (1, 0, 1) and articles["275"] == (1, 0, 0)
    years = {r.key: (r.both, r.only_left, r.only_right) for r in result.by_year}
    assert years == {"2022": (1, 0, 1), "2023": (1, 0, 0)}  # Ivanov at his earliest arrest
    assert result.undated == 1  # Sidorov
    assert [p.person_id for p in result.only_left_persons] == ["m3"]
    assert [p.person_id for p in result.only_right_persons] == ["o3"]


def test_a_filter_chooses_people_but_not_which_lists_have_them(dataset):
    """Ivanov's Petersburg case is on OVD-Info only: filtered to it, he is still on both."""
    result = compare_lists(dataset, FilterState(regions=("RU-SPE",)))
    assert (result.both, result.only_left, result.only_right) == (1, 0, 0)
    assert [r.key for r in result.by_article] == ["275"]


def test_one_list_is_nothing_to_compare():
    cases, _ = normalise(pd.DataFrame(ROWS[:3], dtype=str), "one.csv")
    one = Dataset.build(cases, (SourceInfo("memorial", "memorial"),))
    assert compare_lists(one, FilterState()) is None
