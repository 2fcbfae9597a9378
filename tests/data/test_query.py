"""Queries against independent pandas computations on the same data."""

import re
from dataclasses import replace
from datetime import date

import pandas as pd
import pytest

from data import query
from data.dataset import Dataset, SourceInfo
from data.filters import FilterState


@pytest.fixture(params=["one list", "two lists sharing people"])
def lists(request, dataset):
    """The cross-checks run on one list, and on two lists that share people: the demo and a
    second list holding 300 of its records under the same person ids. Until persons are matched
    across lists, a person is a person of one list (see `persons`)."""
    if request.param == "one list":
        return dataset
    from data.dataset import PERSON_CODE
    from data.sources import combine

    second = dataset.cases.iloc[:300].drop(columns=[PERSON_CODE]).assign(source="second")
    other = Dataset.build(second.reset_index(drop=True), (SourceInfo("second", "Second"),))
    return combine([dataset, other])


def persons(cases: pd.DataFrame) -> int:
    """Distinct persons as the dashboard defines them: a person id within its list."""
    return len(cases[["source", "person_id"]].drop_duplicates())


def person(cases: pd.DataFrame) -> pd.Series:
    return cases["source"].astype(str) + "/" + cases["person_id"].astype(str)


def has_article(cases: pd.DataFrame, article: str) -> pd.Series:
    pattern = re.compile(rf"(^|- ){re.escape(article)}( |$)")
    return cases["articles"].map(lambda arts: any(pattern.search(a) for a in arts))


def test_no_filter_counts_everything(lists):
    cases = lists.cases
    counters = query.overview(lists, FilterState()).counters
    assert counters.persons == persons(cases)
    assert counters.prosecutions == len(cases)
    assert counters.in_custody == persons(cases[cases["in_custody"].fillna(False)])
    by_list = dict(counters.persons_by_source)
    assert sum(by_list.values()) == counters.persons
    assert by_list["demo"] == cases.loc[cases["source"] == "demo", "person_id"].nunique()
    assert counters.summed_over_lists == (len(by_list) > 1)


def test_article_and_region_filter(lists):
    cases = lists.cases
    expected = cases[has_article(cases, "207.3") & cases["region_code"].isin(["RU-MOW", "RU-SPE"])]
    state = FilterState(articles=("207.3",), regions=("RU-MOW", "RU-SPE"))
    counters = query.overview(lists, state).counters
    assert counters.prosecutions == len(expected) > 0
    assert counters.persons == persons(expected)


def test_preparation_counts_under_the_article_prepared(lists):
    cases = lists.cases
    selected = query.select(lists, FilterState(articles=("278",)))
    assert len(selected) == has_article(cases, "278").sum() > 0
    assert selected["articles"].map(lambda a: any("30 ч.1 - 278" in x for x in a)).all()


def test_period_filter_uses_arrest_date_and_drops_undated(lists):
    cases = lists.cases
    state = FilterState(date_from=date(2022, 2, 24), date_to=date(2023, 12, 31))
    selected = query.select(lists, state)
    custody = cases["custody_date"]
    expected = cases[(custody >= "2022-02-24") & (custody <= "2023-12-31")]
    assert len(selected) == len(expected) > 0
    assert selected["custody_date"].notna().all()


def test_categorical_filters(lists):
    cases = lists.cases
    state = FilterState(
        punishments=("imprisonment", "life"), statuses=("serving",), genders=("male",)
    )
    expected = cases[
        cases["punishment_type"].isin(["imprisonment", "life"])
        & cases["status"].eq("serving")
        & cases["gender"].eq("male")
    ]
    assert len(query.select(lists, state)) == len(expected) > 0


def test_median_term_persons_vs_prosecutions(lists):
    cases = lists.cases
    real = cases[cases["punishment_type"].eq("imprisonment") & cases["sentence_months"].notna()]
    by_case = query.overview(lists, FilterState(unit="prosecutions")).counters
    assert by_case.median_term_months == real["sentence_months"].median()
    assert by_case.real_terms == len(real)
    by_person = query.overview(lists, FilterState()).counters
    longest = real.groupby(person(real))["sentence_months"].max()
    assert by_person.median_term_months == longest.median()
    assert by_person.real_terms == len(longest)


def test_empty_selection(dataset):
    result = query.overview(dataset, FilterState(regions=("RU-CHU",), articles=("999",)))
    assert result.counters.persons == 0 and result.counters.median_term_months is None
    assert result.timeline.periods == () and result.sentences.total == 0


@pytest.mark.parametrize("granularity", ["month", "quarter", "year"])
def test_timeline_prosecutions(lists, granularity):
    cases = lists.cases
    tl = query.overview(lists, FilterState(unit="prosecutions", granularity=granularity)).timeline
    freq = {"month": "M", "quarter": "Q", "year": "Y"}[granularity]
    expected = cases["custody_date"].dropna().dt.to_period(freq).value_counts()
    got = dict(zip(tl.periods, tl.counts, strict=True))
    for period, count in expected.items():
        assert got[period.start_time.date()] == count
    assert sum(tl.counts) == cases["custody_date"].notna().sum()
    assert tl.undated == cases["custody_date"].isna().sum()
    # Every period in the range is there, empty ones as zero.
    assert len(tl.periods) == len(pd.period_range(expected.index.min(), expected.index.max()))


def test_timeline_counts_each_person_once_at_first_arrest(lists):
    cases = lists.cases
    tl = query.overview(lists, FilterState(granularity="year")).timeline
    first = cases.groupby(person(cases))["custody_date"].min()
    assert sum(tl.counts) == first.notna().sum()
    by_year = first.dropna().dt.year.value_counts()
    got = {p.year: c for p, c in zip(tl.periods, tl.counts, strict=True)}
    assert all(got[y] == c for y, c in by_year.items())


def test_sentence_bins(lists):
    cases = lists.cases
    dist = query.overview(lists, FilterState(unit="prosecutions")).sentences
    real = cases[cases["punishment_type"].eq("imprisonment") & cases["sentence_months"].notna()]
    assert dist.total == len(real)
    assert sum(sum(c) for c in dist.counts.values()) == len(real)
    years = (real["sentence_months"] // 12).clip(upper=query.TERM_CAP).astype(int)
    strict = years[real["regime"].eq("strict")].value_counts()
    for start, count in strict.items():
        assert dist.counts["strict"][start] == count
    assert dist.life == cases["punishment_type"].eq("life").sum()
    assert list(dist.regimes) == [r for r in query.REGIME_ORDER if r in dist.counts]


def test_filter_options(lists):
    options = query.filter_options(lists)
    codes = [code for code, _ in options.articles]
    assert "207.3" in codes and "30" not in codes  # art. 30 is folded into the article prepared
    assert options.first_month.day == 1
    assert sum(n for _, n in options.regions) == len(lists.cases)


def test_results_are_cached_per_dataset_and_state(dataset):
    state = FilterState(articles=("205.5",))
    first, again = (
        query.overview(dataset, state),
        query.overview(dataset, FilterState(articles=["205.5"])),
    )
    assert first.counters is again.counters and first.timeline is again.timeline
    assert first.sentences is again.sentences and first.regions is again.regions


def test_each_aggregate_is_cached_by_the_part_of_the_state_it_depends_on(dataset):
    """The map (its own region selection left out) and the overview share what they have in
    common: another timeline step or map basis recomputes nothing else."""
    state = FilterState(articles=("205.5",))
    before = query.overview(dataset, state)
    other_step = query.overview(dataset, replace(state, granularity="year", basis="imprisonment"))
    assert other_step.counters is before.counters
    assert other_step.sentences is before.sentences
    assert other_step.timeline is not before.timeline and other_step.regions is not before.regions
    # A region selected: the map counts the regions without it, and so do its counters.
    assert query.counters(dataset, query.map_selection(replace(state, regions=("RU-MOW",)))[1]) is (
        before.counters
    )


class TestTable:
    def test_persons_mode_has_one_row_per_person(self, dataset):
        page = query.table_page(dataset, FilterState(), page_size=10)
        assert page.total == dataset.cases["person_id"].nunique()
        assert page.page_count == -(-page.total // 10) and len(page.rows) == 10

    def test_prosecutions_mode(self, dataset):
        page = query.table_page(dataset, FilterState(unit="prosecutions"))
        assert page.total == len(dataset.cases)

    def test_person_row_aggregates_cases(self, dataset):
        cases = dataset.cases
        # A person with several cases and arrest dates that differ: the earliest must be shown
        # (the test used to pass on an empty date too).
        dated = cases.dropna(subset=["custody_date"])
        spread = dated.groupby("person_id")["custody_date"].nunique()
        person = spread[spread > 1].index[0]
        own = cases[cases["person_id"] == person]
        rows = query.table_page(dataset, FilterState(), page_size=100_000).rows
        mine = rows[rows["person_id"] == person].iloc[0]
        assert mine["cases"] == len(own) > 1
        assert pd.notna(mine["custody_date"])
        assert mine["custody_date"] == own["custody_date"].min() < own["custody_date"].max()
        assert set(mine["articles"]) == {a for arts in own["articles"] for a in arts}
        latest = own.sort_values("persecution_start").iloc[-1]
        assert mine["status"] == latest["status"]

    def test_person_row_shows_the_harshest_sentence(self, dataset):
        cases = dataset.cases
        real = cases[cases["punishment_type"].eq("imprisonment")]
        several = real["person_id"].value_counts()
        person = several.index[0]
        rows = query.table_rows(dataset, FilterState())
        mine = rows[rows["person_id"] == person].iloc[0]
        own = cases[cases["person_id"] == person]
        if own["punishment_type"].eq("life").any():
            assert mine["punishment_type"] == "life"
        else:
            assert (
                mine["sentence_months"]
                == real.loc[real["person_id"] == person, "sentence_months"].max()
            )

    def test_search_is_case_and_yo_insensitive(self, dataset):
        cases = dataset.cases
        name = cases["name"].iloc[0]
        surname = name.split()[0]
        page = query.table_page(dataset, FilterState(), search=surname.upper().replace("е", "ё"))
        expected = cases.loc[cases["name"].str.contains(surname), "person_id"].nunique()
        assert page.total == expected > 0

    def test_sort_and_paging(self, dataset):
        page = query.table_page(
            dataset, FilterState(), sort_by=(("name", "asc"),), page=1, page_size=5
        )
        names = query.table_rows(dataset, FilterState())["name"].sort_values(kind="stable")
        assert page.rows["name"].tolist() == names.iloc[5:10].tolist()

    def test_default_order_is_most_recent_arrest_first(self, dataset):
        rows = query.table_page(dataset, FilterState(), page_size=50).rows["custody_date"]
        assert rows.dropna().is_monotonic_decreasing

    def test_sentence_sort_puts_life_first(self):
        """Life terms first, then real terms from the longest, then the milder punishments (the
        test used to accept a prison term on top, and its data had no life term at all)."""
        dataset = _tiny(
            [
                {"person_id": "a", "punishment_type": "imprisonment", "sentence_months": "60"},
                {"person_id": "b", "punishment_type": "fine", "fine_rub": "100000"},
                {"person_id": "c", "punishment_type": "life"},
                {"person_id": "d", "punishment_type": "imprisonment", "sentence_months": "120"},
                {"person_id": "e", "punishment_type": "none_yet"},
                {"person_id": "f", "punishment_type": "life"},
            ]
        )
        page = query.table_page(dataset, FilterState(), sort_by=(("sentence", "desc"),))
        assert page.rows["person_id"].tolist()[:4] in (["c", "f", "d", "a"], ["f", "c", "d", "a"])
        assert page.rows["person_id"].tolist()[4:] == ["b", "e"]

    def test_page_beyond_the_end_is_clamped(self, dataset):
        page = query.table_page(dataset, FilterState(), page=10_000)
        assert page.page == page.page_count - 1 and len(page.rows) > 0

    def test_region_sort_follows_the_names_given(self, dataset):
        names = {"RU-MOW": "a", "UA-43": "b"}
        state = FilterState(regions=("RU-MOW", "UA-43"))
        page = query.table_page(
            dataset, state, sort_by=(("region_code", "desc"),), region_names=names, page_size=500
        )
        codes = page.rows["region_code"].astype(str).tolist()
        assert codes == sorted(codes, key=lambda c: names[c], reverse=True)


def _tiny(rows):
    """A dataset from a few hand-written rows (text cells, as a file would give them)."""
    from data.dataset import Dataset
    from data.loader import normalise

    base = {"source": "t", "region_code": "RU-MOW"}
    frame = pd.DataFrame([{**base, **r} for r in rows]).fillna("")
    cases, _ = normalise(frame, "tiny")
    return Dataset.build(cases, ())


def test_an_undated_case_is_never_a_persons_latest():
    dataset = _tiny(
        [
            {"person_id": "p", "persecution_start": "2023-05-01", "status": "serving"},
            {"person_id": "p", "persecution_start": "", "status": "trial"},
        ]
    )
    rows = query.table_rows(dataset, FilterState())
    assert rows["status"].tolist() == ["serving"]


def test_unknown_also_selects_empty_values():
    dataset = _tiny(
        [
            {"person_id": "a", "gender": "male"},
            {"person_id": "b", "gender": "female"},
            {"person_id": "c", "gender": "unknown"},
            {"person_id": "d", "gender": ""},
            {"person_id": "e", "gender": "", "status": "", "punishment_type": ""},
        ]
    )
    counts = {
        g: query.overview(dataset, FilterState(genders=(g,))).counters.persons
        for g in ("male", "female", "unknown")
    }
    assert counts == {"male": 1, "female": 1, "unknown": 3}  # the parts add up to the whole
    assert query.overview(dataset, FilterState(statuses=("unknown",))).counters.persons == 5
    assert query.overview(dataset, FilterState(punishments=("unknown",))).counters.persons == 5
    options = query.filter_options(dataset)
    assert dict(options.genders) == {"male": 1, "female": 1, "unknown": 3}


def test_the_last_day_of_a_period_is_in_it_whatever_the_time_of_day():
    """Defect: '2022-12-31T10:00' fell outside 'to 2022-12-31'."""
    dataset = _tiny(
        [
            {"person_id": "a", "custody_date": "2022-12-31T10:00"},
            {"person_id": "b", "custody_date": "2022-12-31"},
            {"person_id": "c", "custody_date": "2023-01-01T00:00"},
            {"person_id": "d", "custody_date": "2022-01-01T23:00"},
        ]
    )
    state = FilterState(date_from=date(2022, 1, 1), date_to=date(2022, 12, 31))
    assert sorted(query.select(dataset, state)["person_id"]) == ["a", "b", "d"]


PERIOD_ROWS = [
    # an arrest and a verdict in 2022
    {"person_id": "a", "persecution_start": "2021-11-01", "custody_date": "2022-03-01",
     "verdict_date": "2022-10-01", "punishment_type": "imprisonment", "sentence_months": "60"},
    # a fine: never arrested, case started and verdict in 2022
    {"person_id": "b", "persecution_start": "2022-04-01", "verdict_date": "2022-09-01",
     "punishment_type": "fine", "fine_rub": "50000"},
    # in absentia: a verdict in 2023, no arrest
    {"person_id": "c", "persecution_start": "2022-06-01", "verdict_date": "2023-02-01",
     "punishment_type": "imprisonment", "sentence_months": "96"},
    # no dates at all
    {"person_id": "d", "punishment_type": "suspended", "sentence_months": "24"},
]  # fmt: skip


@pytest.mark.parametrize(
    ("dates", "expected", "undated"),
    [("arrest", ["a"], 3), ("start", ["b", "c"], 1), ("verdict", ["a", "b"], 1)],
)
def test_the_period_is_about_the_date_the_reader_chose(dates, expected, undated):
    """Defect: fines, suspended terms and in-absentia cases vanished under any period, since it
    only knew arrests. The records without the chosen date are counted, not hidden."""
    dataset = _tiny(PERIOD_ROWS)
    state = FilterState(dates=dates, date_from=date(2022, 1, 1), date_to=date(2022, 12, 31))
    assert sorted(query.select(dataset, state)["person_id"]) == expected
    result = query.overview(dataset, state)
    assert result.period_undated == undated and result.dates == dates
    assert result.timeline.dates == dates
    assert sum(result.timeline.counts) + result.timeline.undated == len(expected)
    assert query.overview(dataset, FilterState(dates=dates)).period_undated is None


def test_the_timeline_counts_by_the_chosen_date():
    dataset = _tiny(PERIOD_ROWS)
    by_verdict = query.overview(dataset, FilterState(dates="verdict", granularity="year"))
    assert dict(zip(by_verdict.timeline.periods, by_verdict.timeline.counts, strict=True)) == {
        date(2022, 1, 1): 2,
        date(2023, 1, 1): 1,
    }
    assert by_verdict.timeline.undated == 1


def test_the_median_says_what_it_leaves_out():
    dataset = _tiny(
        [
            {"person_id": "a", "punishment_type": "imprisonment", "sentence_months": "60"},
            {"person_id": "b", "punishment_type": "imprisonment", "sentence_months": "120"},
            {"person_id": "c", "punishment_type": "life"},
            {"person_id": "d", "punishment_type": "imprisonment"},  # length not given
            {"person_id": "a", "punishment_type": "imprisonment"},  # known in another case
            {"person_id": "e", "punishment_type": "fine", "fine_rub": "1000"},
        ]
    )
    persons = query.overview(dataset, FilterState()).counters
    assert persons.median_term_months == 90 and persons.real_terms == 2
    assert persons.life_terms == 1 and persons.unknown_terms == 1
    cases = query.overview(dataset, FilterState(unit="prosecutions")).counters
    assert cases.unknown_terms == 2 and cases.real_terms == 2
    assert query.overview(dataset, FilterState()).sentences.unknown_length == 1


def test_a_case_in_several_groups_is_found_under_each():
    dataset = _tiny(
        [
            {"person_id": "a", "case_group": "Хизб ут-Тахрир|Крымские татары"},
            {"person_id": "b", "case_group": "Крымские татары"},
            {"person_id": "c", "case_group": ""},
        ]
    )

    def select(*groups: str) -> list[str]:
        return sorted(query.select(dataset, FilterState(case_groups=groups))["person_id"])

    assert select("Хизб ут-Тахрир") == ["a"]
    assert select("Крымские татары") == ["a", "b"]
    assert select("Крымские татары", "Хизб ут-Тахрир") == ["a", "b"]
    assert dict(query.filter_options(dataset).case_groups) == {
        "Крымские татары": 2,
        "Хизб ут-Тахрир": 1,
    }


def test_persons_over_several_lists_are_a_sum_and_say_so():
    """Defect: a person on Memorial's and OVD-Info's lists counted twice, silently. Until
    persons are matched across lists the count is a sum, and the counters carry each list."""
    dataset = _tiny(
        [
            {"person_id": "1", "source": "memorial", "name": "Иванов Иван"},
            {"person_id": "2", "source": "memorial", "name": "Петров Пётр"},
            {"person_id": "900", "source": "ovdinfo", "name": "Иванов Иван"},
            {"person_id": "900", "source": "ovdinfo", "name": "Иванов Иван"},
        ]
    )
    both = query.overview(dataset, FilterState()).counters
    assert both.persons == 3 and both.summed_over_lists
    assert both.persons_by_source == (("memorial", 2), ("ovdinfo", 1))
    one = query.overview(dataset, FilterState(sources=("memorial",))).counters
    assert one.persons == 2 and not one.summed_over_lists


def test_counts_per_million_residents():
    from data.reference import population

    dataset = _tiny(
        [
            {"person_id": "a", "region_code": "RU-CHU"},
            {"person_id": "b", "region_code": "RU-MOW"},
            {"person_id": "c", "region_code": "UA-14"},
        ]
    )
    counts = query.overview(dataset, FilterState()).regions
    rates = dict(zip(counts.codes, counts.per_million, strict=True))
    assert rates["RU-CHU"] == pytest.approx(1e6 / 50726)
    assert rates["RU-MOW"] == pytest.approx(1e6 / population()["RU-MOW"])
    assert rates["UA-14"] is None  # no population figure: no rate, never zero
    assert rates["RU-BA"] == 0


def test_in_custody_now_never_counts_the_released_the_emigrated_or_the_dead():
    """Defect: a row with in_custody=true and status=released was counted as held now."""
    dataset = _tiny(
        [
            {"person_id": "a", "status": "released", "in_custody": "true"},
            {"person_id": "b", "status": "died", "in_custody": "true"},
            {"person_id": "c", "status": "emigrated", "in_custody": "true"},
            {"person_id": "d", "status": "serving", "in_custody": "true"},
            {"person_id": "e", "status": "trial", "restraint": "house_arrest"},
        ]
    )
    assert query.overview(dataset, FilterState()).counters.in_custody == 1


def test_a_person_with_one_dated_case_is_not_left_out_for_want_of_a_date():
    """Review finding: a person in the period through a dated case was also counted as left out
    for an undated one."""
    dataset = _tiny(
        [
            {"person_id": "a", "custody_date": "2023-05-01"},
            {"person_id": "a", "custody_date": ""},
            {"person_id": "b", "custody_date": ""},
            {"person_id": "c", "custody_date": "2019-01-01"},
            {"person_id": "c", "custody_date": ""},
        ]
    )
    state = FilterState(date_from=date(2023, 1, 1), date_to=date(2023, 12, 31))
    persons = query.overview(dataset, state)
    assert persons.counters.persons == 1 and persons.period_undated == 1  # b only
    cases = query.overview(dataset, replace(state, unit="prosecutions"))
    assert cases.counters.prosecutions == 1 and cases.period_undated == 3


def test_a_period_is_partial_by_the_data_as_of_date_not_the_latest_event():
    """Review finding: "data up to 20.01.2023" on a list as of 2025: the latest verdict is not
    where the data ends."""
    from data.dataset import Dataset, SourceInfo

    tiny = _tiny([{"person_id": "a", "verdict_date": "2023-01-20"}])
    dated = Dataset.build(
        tiny.cases.drop(columns=["_person"]), (SourceInfo("t", "T", as_of=date(2025, 10, 1)),)
    )
    by_year = query.overview(dated, FilterState(dates="verdict", granularity="year")).timeline
    assert by_year.data_until == date(2025, 10, 1) and not by_year.last_is_partial
    undated_source = query.overview(tiny, FilterState(dates="verdict", granularity="year"))
    assert undated_source.timeline.data_until == date(2023, 1, 20)
    assert undated_source.timeline.last_is_partial
