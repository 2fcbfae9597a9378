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


def test_every_selection_field_is_canonical_whatever_sequence_it_gets():
    """Defect: held_regions was left out of a hand-kept list and stayed a list, so the state was
    unhashable and every callback answered 500. Every tuple field, whichever it is, is checked."""
    from dataclasses import fields

    from data.filters import _ALLOWED_VALUES

    selections = [f.name for f in fields(FilterState) if isinstance(f.default, tuple)]
    assert "held_regions" in selections and len(selections) >= 8
    for name in selections:
        a, b = _ALLOWED_VALUES.get(name, ("a", "b"))[:2]  # values the field keeps
        state = FilterState(**{name: [b, a, b, "", None]})
        value = getattr(state, name)
        assert isinstance(value, tuple) and value == tuple(sorted((a, b))), name
        hash(state)  # a list anywhere would raise TypeError here
        twin = FilterState(**{name: (a, b)})
        assert state == twin and hash(state) == hash(twin) and state.to_query() == twin.to_query()
        assert FilterState(**{name: 5}) == FilterState(**{name: ("5",)})  # a scalar, not a list


def test_held_region_from_a_dropdown_list_is_hashable_and_round_trips():
    state = FilterState(held_regions=["RU-ROS", "RU-MOW", "RU-ROS"])
    assert state.held_regions == ("RU-MOW", "RU-ROS")
    assert {state: 1}[FilterState(held_regions=("RU-ROS", "RU-MOW"))] == 1
    assert FilterState.from_query(state.to_query()) == state
    assert "held=RU-MOW&held=RU-ROS" in state.to_query()


def test_dates_are_days_whatever_they_arrive_as():
    from datetime import datetime

    state = FilterState(date_from=datetime(2022, 12, 31, 10, 0), date_to="2023-01-05T23:59")
    assert state.date_from == date(2022, 12, 31) and state.date_to == date(2023, 1, 5)
    assert type(state.date_from) is date


def test_period_basis_and_map_measure_round_trip():
    state = FilterState(dates="verdict", date_from=date(2023, 1, 1), measure="per_million")
    assert state.date_column == "verdict_date"
    assert FilterState.from_query(state.to_query()) == state
    assert FilterState(dates="tomorrow").dates == "arrest"
    assert FilterState(measure="per_person").measure == "count"
    # the measure is how the map is shown; the period basis decides which rows are in
    assert FilterState(measure="per_million").is_default
    assert not FilterState(dates="verdict", date_from=date(2023, 1, 1)).is_default
