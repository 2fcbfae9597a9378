"""The counters' words: what each counts, what the median leaves out, sums over lists."""

from components import ids
from components.counters import counter_values
from data.query import Counters


def counters(**values) -> Counters:
    base = dict(
        persons=10,
        prosecutions=12,
        in_custody=4,
        median_term_months=78.0,
        real_terms=6,
        life_terms=0,
        unknown_terms=0,
        persons_by_source=(("memorial", 10),),
    )
    return Counters(**{**base, **values})


def test_median_note_names_life_and_unknown_terms():
    text = counter_values(counters(life_terms=2, unknown_terms=3), "persons", "en")
    assert text[ids.COUNT_MEDIAN] == "6.5"
    assert text[ids.COUNT_MEDIAN_NOTE] == (
        "years; of 6 real prison terms (each person's longest). "
        "Not included: life terms: 2; term not given: 3."
    )
    ru = counter_values(counters(life_terms=2), "persons", "ru")[ids.COUNT_MEDIAN_NOTE]
    assert ru.endswith("Не учтены: пожизненные — 2.")


def test_no_median_says_why_not_years_of_zero_terms():
    """Defect: the counter read "no data / years; of 0 real prison terms"."""
    text = counter_values(
        counters(median_term_months=None, real_terms=0, life_terms=7), "persons", "en"
    )
    assert text[ids.COUNT_MEDIAN] == "no data"
    assert text[ids.COUNT_MEDIAN_NOTE] == (
        "no real prison term of known length. Not included: life terms: 7."
    )


def test_a_sum_over_lists_is_said_on_the_counters():
    both = counters(persons=15, persons_by_source=(("memorial", 10), ("ovdinfo", 5)))
    names = {"memorial": "Мемориал", "ovdinfo": "ОВД-Инфо"}
    text = counter_values(both, "persons", "ru", names)
    assert text[ids.COUNT_PERSONS_NOTE] == "сумма 2 списков — см. ниже"
    assert "сумма 2 списков (Мемориал — 10; ОВД-Инфо — 5)" in text[ids.COUNT_LISTS_NOTE]
    one = counter_values(counters(), "persons", "ru", names)
    assert one[ids.COUNT_LISTS_NOTE] == "" and one[ids.COUNT_PERSONS_NOTE] == "в выбранных делах"


def test_the_median_note_agrees_in_number():
    """Review finding: "по 1 приговорам", "of 1 real prison terms"."""
    one = counters(real_terms=1, median_term_months=84.0)
    assert counter_values(one, "prosecutions", "en")[ids.COUNT_MEDIAN_NOTE] == (
        "years; of 1 real prison term"
    )
    assert counter_values(one, "prosecutions", "ru")[ids.COUNT_MEDIAN_NOTE] == (
        "лет; по 1 приговору к реальному сроку"
    )


def test_the_years_word_agrees_with_the_median():
    """Review finding: "13,8 лет" (a fraction takes "года")."""
    note = counter_values(counters(median_term_months=165.6), "persons", "ru")[
        ids.COUNT_MEDIAN_NOTE
    ]
    assert note.startswith("года; ")
    assert counter_values(counters(median_term_months=84.0), "persons", "ru")[
        ids.COUNT_MEDIAN_NOTE
    ].startswith("лет; ")
    assert counter_values(counters(median_term_months=252.0), "persons", "ru")[
        ids.COUNT_MEDIAN_NOTE
    ].startswith("год; ")
