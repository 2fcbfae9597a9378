"""The period slider works on absolute month numbers; a link's exact dates survive beside it."""

from datetime import date

import pytest

from components.filters import (
    Months,
    exact_period,
    month_number,
    period_from_slider,
    period_text,
    slider_from_period,
)
from data.filters import FilterState

MONTHS = Months(month_number(date(2012, 1, 1)), month_number(date(2026, 11, 1)))


def test_full_range_means_no_limit():
    assert period_from_slider([MONTHS.first, MONTHS.last], MONTHS) == (None, None)


def test_whole_months():
    value = [month_number(date(2022, 3, 1)), month_number(date(2023, 2, 1))]
    assert period_from_slider(value, MONTHS) == (date(2022, 3, 1), date(2023, 2, 28))
    state = FilterState(date_from=date(2022, 3, 1), date_to=date(2023, 2, 28))
    assert slider_from_period(state, MONTHS) == value
    assert exact_period(state, MONTHS) is None  # the slider says it exactly


def test_a_selection_means_the_same_months_when_the_data_range_changes():
    value = [month_number(date(2022, 3, 1)), month_number(date(2023, 2, 1))]
    wider = Months(month_number(date(2005, 1, 1)), month_number(date(2027, 1, 1)))
    assert period_from_slider(value, wider) == period_from_slider(value, MONTHS)


def test_exact_dates_apply_until_the_slider_moves():
    state = FilterState(date_from=date(2022, 2, 24))
    exact = exact_period(state, MONTHS)
    slider = slider_from_period(state, MONTHS)
    assert exact == {"from": "2022-02-24", "to": None, "slider": slider}
    assert period_from_slider(slider, MONTHS, exact) == (date(2022, 2, 24), None)
    assert period_text(slider, MONTHS, exact, "ru") == "24.02.2022 — …"
    moved = [slider[0] + 1, slider[1]]
    assert period_from_slider(moved, MONTHS, exact) == (date(2022, 3, 1), None)


def test_dates_outside_the_data_are_kept_exactly():
    state = FilterState(date_from=date(2000, 1, 1), date_to=date(2030, 1, 1))
    exact = exact_period(state, MONTHS)
    assert slider_from_period(state, MONTHS) == [MONTHS.first, MONTHS.last]
    assert period_from_slider([MONTHS.first, MONTHS.last], MONTHS, exact) == (
        date(2000, 1, 1),
        date(2030, 1, 1),
    )


def test_period_text():
    assert period_text([MONTHS.first, MONTHS.last], MONTHS, None, "en") == (
        "all time (Jan 2012 — Nov 2026)"
    )
    value = [month_number(date(2022, 3, 1)), month_number(date(2023, 2, 1))]
    assert period_text(value, MONTHS, None, "ru") == "мар 2022 — фев 2023"
    assert period_text([0, 0], Months(None, None), None, "en") == "the data has no dates"


def test_year_marks_do_not_crowd_a_late_first_month():
    from components.filters import _year_marks

    late = Months(month_number(date(2017, 10, 1)), month_number(date(2024, 3, 1)))
    assert list(_year_marks(late).values()) == [
        "2018",
        "2019",
        "2020",
        "2021",
        "2022",
        "2023",
        "2024",
    ]
    early = Months(month_number(date(2017, 3, 1)), month_number(date(2019, 3, 1)))
    assert list(_year_marks(early).values()) == ["2017", "2018", "2019"]


def test_period_note_names_the_date_and_counts_in_words():
    from components.filters import period_note
    from data.filters import FilterState

    state = FilterState(dates="verdict", unit="prosecutions")
    assert period_note(state, None, "ru") == "Записи без даты приговора не входят ни в один период."
    assert period_note(state, 1, "ru") == (
        "Не вошли в период, потому что нет даты приговора: 1 дело."
    )
    assert period_note(FilterState(dates="start"), 3, "en") == (
        "Left out of the period for having no case start date: 3 persons."
    )


@pytest.mark.parametrize(
    "value, exact",
    [
        (["SPE", 5], None),
        (5, None),
        ([float("inf"), 0], None),
        ([True, False], None),
        ({"a": 1}, None),
        ([0, 10**9], ["not", "a", "dict"]),
        (["x" * 300, 1e300], {"slider": 3}),
    ],
)
def test_a_slider_value_the_slider_never_sends_reads_as_all_time(value, exact):
    """A hand-made request's period value (text, one number, infinity) answered 500."""
    assert period_from_slider(value, MONTHS, exact) == (None, None)
    assert period_text(value, MONTHS, exact, "en").startswith("all time")
