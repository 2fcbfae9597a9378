from datetime import date

from data.filters import FilterState


def test_selections_are_canonical():
    a = FilterState(articles=["207.3", "205.5", "207.3"], regions=("RU-MOW",))
    b = FilterState(articles=("205.5", "207.3"), regions=["RU-MOW"])
    assert a == b and hash(a) == hash(b)
    assert a.articles == ("205.5", "207.3")


def test_query_string_round_trip():
    state = FilterState(
        articles=("207.3",),
        regions=("RU-BA", "UA-43"),
        date_from=date(2022, 2, 24),
        date_to=date(2023, 12, 31),
        punishments=("imprisonment",),
        statuses=("serving",),
        genders=("female",),
        case_groups=("Антивоенное дело",),
        unit="prosecutions",
        granularity="year",
    )
    query = state.to_query()
    assert "article=207.3" in query and "from=2022-02-24" in query and "unit=prosecutions" in query
    assert FilterState.from_query(query) == state
    assert FilterState.from_query("?" + query) == state


def test_defaults_are_left_out_of_the_query():
    assert FilterState().to_query() == ""
    assert FilterState().is_default
    assert FilterState(unit="prosecutions").is_default  # a view option, not a filter


def test_bad_query_values_are_ignored_not_fatal():
    state = FilterState.from_query(
        "from=yesterday&to=2023-13-01&unit=cats&by=decade&status=free&status=serving&x=1&lang=en"
    )
    assert state == FilterState(statuses=("serving",))


def test_reversed_period_is_put_in_order():
    state = FilterState(date_from=date(2024, 1, 1), date_to=date(2022, 1, 1))
    assert state.date_from == date(2022, 1, 1) and state.date_to == date(2024, 1, 1)
