"""Queries against independent pandas computations on the same data."""

import re
from datetime import date

import pandas as pd
import pytest

from data import query
from data.filters import FilterState


def has_article(cases: pd.DataFrame, article: str) -> pd.Series:
    pattern = re.compile(rf"(^|- ){re.escape(article)}( |$)")
    return cases["articles"].map(lambda arts: any(pattern.search(a) for a in arts))


def test_no_filter_counts_everything(dataset):
    cases = dataset.cases
    counters = query.overview(dataset, FilterState()).counters
    assert counters.persons == cases["person_id"].nunique()
    assert counters.prosecutions == len(cases)
    assert (
        counters.in_custody == cases.loc[cases["in_custody"].fillna(False), "person_id"].nunique()
    )


def test_article_and_region_filter(dataset):
    cases = dataset.cases
    expected = cases[has_article(cases, "207.3") & cases["region_code"].isin(["RU-MOW", "RU-SPE"])]
    state = FilterState(articles=("207.3",), regions=("RU-MOW", "RU-SPE"))
    counters = query.overview(dataset, state).counters
    assert counters.prosecutions == len(expected) > 0
    assert counters.persons == expected["person_id"].nunique()


def test_preparation_counts_under_the_article_prepared(dataset):
    cases = dataset.cases
    selected = query.select(dataset, FilterState(articles=("278",)))
    assert len(selected) == has_article(cases, "278").sum() > 0
    assert selected["articles"].map(lambda a: any("30 ч.1 - 278" in x for x in a)).all()


def test_period_filter_uses_arrest_date_and_drops_undated(dataset):
    cases = dataset.cases
    state = FilterState(date_from=date(2022, 2, 24), date_to=date(2023, 12, 31))
    selected = query.select(dataset, state)
    custody = cases["custody_date"]
    expected = cases[(custody >= "2022-02-24") & (custody <= "2023-12-31")]
    assert len(selected) == len(expected) > 0
    assert selected["custody_date"].notna().all()


def test_categorical_filters(dataset):
    cases = dataset.cases
    state = FilterState(
        punishments=("imprisonment", "life"), statuses=("serving",), genders=("male",)
    )
    expected = cases[
        cases["punishment_type"].isin(["imprisonment", "life"])
        & cases["status"].eq("serving")
        & cases["gender"].eq("male")
    ]
    assert len(query.select(dataset, state)) == len(expected) > 0


def test_median_term_persons_vs_prosecutions(dataset):
    cases = dataset.cases
    real = cases[cases["punishment_type"].eq("imprisonment") & cases["sentence_months"].notna()]
    by_case = query.overview(dataset, FilterState(unit="prosecutions")).counters
    assert by_case.median_term_months == real["sentence_months"].median()
    assert by_case.real_terms == len(real)
    by_person = query.overview(dataset, FilterState()).counters
    longest = real.groupby("person_id")["sentence_months"].max()
    assert by_person.median_term_months == longest.median()
    assert by_person.real_terms == len(longest)


def test_empty_selection(dataset):
    result = query.overview(dataset, FilterState(regions=("RU-CHU",), articles=("999",)))
    assert result.counters.persons == 0 and result.counters.median_term_months is None
    assert result.timeline.periods == () and result.sentences.total == 0


@pytest.mark.parametrize("granularity", ["month", "quarter", "year"])
def test_timeline_prosecutions(dataset, granularity):
    cases = dataset.cases
    tl = query.overview(dataset, FilterState(unit="prosecutions", granularity=granularity)).timeline
    freq = {"month": "M", "quarter": "Q", "year": "Y"}[granularity]
    expected = cases["custody_date"].dropna().dt.to_period(freq).value_counts()
    got = dict(zip(tl.periods, tl.counts, strict=True))
    for period, count in expected.items():
        assert got[period.start_time.date()] == count
    assert sum(tl.counts) == cases["custody_date"].notna().sum()
    assert tl.undated == cases["custody_date"].isna().sum()
    # Every period in the range is there, empty ones as zero.
    assert len(tl.periods) == len(pd.period_range(expected.index.min(), expected.index.max()))


def test_timeline_counts_each_person_once_at_first_arrest(dataset):
    cases = dataset.cases
    tl = query.overview(dataset, FilterState(granularity="year")).timeline
    first = cases.groupby("person_id")["custody_date"].min()
    assert sum(tl.counts) == first.notna().sum()
    by_year = first.dropna().dt.year.value_counts()
    got = {p.year: c for p, c in zip(tl.periods, tl.counts, strict=True)}
    assert all(got[y] == c for y, c in by_year.items())


def test_sentence_bins(dataset):
    cases = dataset.cases
    dist = query.overview(dataset, FilterState(unit="prosecutions")).sentences
    real = cases[cases["punishment_type"].eq("imprisonment") & cases["sentence_months"].notna()]
    assert dist.total == len(real)
    assert sum(sum(c) for c in dist.counts.values()) == len(real)
    years = (real["sentence_months"] // 12).clip(upper=query.TERM_CAP).astype(int)
    strict = years[real["regime"].eq("strict")].value_counts()
    for start, count in strict.items():
        assert dist.counts["strict"][start] == count
    assert dist.life == cases["punishment_type"].eq("life").sum()
    assert list(dist.regimes) == [r for r in query.REGIME_ORDER if r in dist.counts]


def test_filter_options(dataset):
    options = query.filter_options(dataset)
    codes = [code for code, _ in options.articles]
    assert "207.3" in codes and "30" not in codes  # art. 30 is folded into the article prepared
    assert options.first_month.day == 1
    assert sum(n for _, n in options.regions) == len(dataset.cases)


def test_results_are_cached_per_dataset_and_state(dataset):
    state = FilterState(articles=("205.5",))
    assert query.overview(dataset, state) is query.overview(
        dataset, FilterState(articles=["205.5"])
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
        person = cases["person_id"].value_counts().index[0]
        own = cases[cases["person_id"] == person]
        rows = query.table_page(dataset, FilterState(), page_size=100_000).rows
        mine = rows[rows["person_id"] == person].iloc[0]
        assert mine["cases"] == len(own) > 1
        assert mine["custody_date"] == own["custody_date"].min() or pd.isna(mine["custody_date"])
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

    def test_sentence_sort_puts_life_first(self, dataset):
        page = query.table_page(dataset, FilterState(), sort_by=(("sentence", "desc"),))
        top = page.rows.iloc[0]
        assert top["punishment_type"] in ("life", "imprisonment")

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
