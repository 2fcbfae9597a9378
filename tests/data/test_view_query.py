"""A view survives view -> link -> view, and a link's junk is named, never fatal."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from data.filters import (
    BASES,
    DATE_BASES,
    GRANULARITIES,
    MAP_VIEWS,
    MEASURES,
    UNITS,
    FilterState,
    query_date,
)
from data.query import SORTABLE, filter_options
from data.schema import GENDERS, PUNISHMENT_TYPES, STATUSES
from data.view_query import LANGUAGES, TableState, ViewQuery

# Values as they occur in the data: article keys with dots, ISO region codes, names with commas
# are not among them (a comma separates values of a selection in a link).
words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789.-_АБВгдеёж", min_size=1, max_size=8)
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))

filter_states = st.builds(
    FilterState,
    articles=st.lists(words, max_size=3),
    regions=st.lists(st.sampled_from(["RU-MOW", "RU-BA", "RU-SPE", "unknown"]), max_size=3),
    date_from=st.none() | days,
    date_to=st.none() | days,
    dates=st.sampled_from(DATE_BASES),
    punishments=st.lists(st.sampled_from([*PUNISHMENT_TYPES, "unknown"]), max_size=3),
    statuses=st.lists(st.sampled_from(STATUSES), max_size=3),
    genders=st.lists(st.sampled_from(GENDERS), max_size=2),
    case_groups=st.lists(words, max_size=2),
    sources=st.lists(words, max_size=2),
    held_regions=st.lists(st.sampled_from(["RU-MOW", "RU-KEM"]), max_size=2),
    unit=st.sampled_from(UNITS),
    granularity=st.sampled_from(GRANULARITIES),
    basis=st.sampled_from(BASES),
    view=st.sampled_from(MAP_VIEWS),
    measure=st.sampled_from(MEASURES),
)
table_states = st.builds(
    TableState,
    search=st.text(max_size=30),
    sort=st.lists(
        st.tuples(st.sampled_from(SORTABLE), st.sampled_from(["asc", "desc"])), max_size=1
    ).map(tuple),
    page=st.integers(min_value=0, max_value=500),
)
views = st.builds(ViewQuery, filter_states, table_states, st.sampled_from(LANGUAGES))


@settings(max_examples=300, deadline=None)
@given(views)
def test_any_view_survives_a_link(view):
    link = view.to_query()
    again = ViewQuery.parse("?" + link)
    assert again == view
    assert again.ignored == ()
    assert again.to_query() == link


def test_repeated_keys_and_comma_lists_mean_the_same():
    one = ViewQuery.parse("article=207.3&article=280.3&region=RU-BA")
    other = ViewQuery.parse("?article=280.3,207.3&region=RU-BA")
    assert one == other and one.filters.articles == ("207.3", "280.3")


def test_months_and_days_in_a_link():
    view = ViewQuery.parse("from=2022-03&to=2024-12")
    assert (view.filters.date_from, view.filters.date_to) == (date(2022, 3, 1), date(2024, 12, 31))
    assert "from=2022-03&to=2024-12" in view.to_query()
    exact = ViewQuery.parse("from=2022-02-24&to=2022-02-28")
    assert exact.to_query().startswith("from=2022-02-24&to=2022-02")  # 28 Feb ends the month
    assert query_date("2024-02", end=True) == date(2024, 2, 29)
    assert query_date("2022-13", end=False) is None and query_date("yesterday", end=True) is None


def test_invalid_values_and_unknown_keys_are_named_not_fatal():
    view = ViewQuery.parse(
        "article=207.3&unit=bogus&status=nonsense&from=2022-99&lang=fr&page=0&sort=height"
        "&zzz=1&utm_source=newsletter&fbclid=abc"
    )
    assert view.filters == FilterState(articles=("207.3",))
    assert view.lang == "ru" and view.table == TableState()
    assert set(view.ignored) == {
        "unit=bogus",
        "status=nonsense",
        "from=2022-99",
        "lang=fr",
        "page=0",
        "sort=height",
        "zzz=1",
    }  # tracking parameters added by the sites a link passes through are not the reader's


def test_within_drops_and_names_what_the_data_does_not_have(dataset):
    options = filter_options(dataset)
    article = options.articles[0][0]
    view = ViewQuery.parse(f"article={article},999.9&region=RU-BA,XX-YY&held=unknown&source=zz")
    kept = view.within(options)
    assert kept.filters.articles == (article,) and kept.filters.regions == ("RU-BA",)
    assert kept.filters.held_regions == () and kept.filters.sources == ()
    assert set(kept.ignored) == {"article=999.9", "region=XX-YY", "held=unknown", "source=zz"}


def test_table_state_is_canonical():
    assert TableState("  Иван   Петров ", (("name", "desc"), ("cases", "asc")), -3) == TableState(
        "Иван Петров", (("name", "desc"),), 0
    )
    assert ViewQuery.parse("q=%20&page=1").table == TableState()
    assert "page=3" in ViewQuery(table=TableState(page=2)).to_query()


def test_the_language_is_always_in_the_link():
    assert ViewQuery().to_query() == "lang=ru"
    assert ViewQuery.parse("") == ViewQuery.parse("lang=ru")
    assert ViewQuery(lang="en").to_query() == "lang=en"


def test_one_day_periods_and_month_ends_round_trip():
    for start in (date(2024, 2, 29), date(2023, 12, 31), date(2022, 3, 1)):
        for span in (0, 1, 30):
            state = FilterState(date_from=start, date_to=start + timedelta(days=span))
            assert FilterState.from_query(state.to_query()) == state


def test_a_period_at_the_end_of_time_is_ignored_not_fatal():
    """to=9999-12-31 made every page, embed and download answer 500 (no month after it)."""
    view = ViewQuery.parse("to=9999-12-31&from=9999-12&lang=en")
    assert view.filters.date_to is None and view.filters.date_from is None
    assert set(view.ignored) == {"to=9999-12-31", "from=9999-12"}
    assert FilterState(date_to=date(9999, 12, 31)).to_query() == ""
