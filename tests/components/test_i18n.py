import re
from datetime import date

import pytest

from components import i18n
from components.i18n import MESSAGES, fmt_date, fmt_decimal, fmt_int, fmt_period, fmt_term, t


def test_every_message_exists_in_both_languages_with_the_same_placeholders():
    for key, (ru, en) in MESSAGES.items():
        assert ru.strip() and en.strip(), key
        assert set(re.findall(r"{(\w+)}", ru)) == set(re.findall(r"{(\w+)}", en)), key


def test_unknown_key_is_an_error():
    with pytest.raises(KeyError):
        t("no.such.key", "ru")


def test_every_category_has_a_label():
    from data.schema import GENDERS, PUNISHMENT_TYPES, REGIMES, STATUSES

    for prefix, values in (
        ("gender", GENDERS),
        ("punishment", PUNISHMENT_TYPES),
        ("regime", REGIMES),
        ("status", STATUSES),
    ):
        for value in values:
            assert f"{prefix}.{value}" in MESSAGES


@pytest.mark.parametrize(
    ("n", "ru", "en"),
    [(3500, "3\u00a0500", "3,500"), (0, "0", "0"), (1234567, "1\u00a0234\u00a0567", "1,234,567")],
)
def test_integers(n, ru, en):
    assert fmt_int(n, "ru") == ru and fmt_int(n, "en") == en


def test_decimals():
    assert fmt_decimal(6.5, "ru") == "6,5" and fmt_decimal(6.5, "en") == "6.5"
    assert fmt_decimal(7.0, "ru") == "7"
    assert fmt_decimal(float("nan"), "en") == "—"


def test_dates_and_periods():
    d = date(2022, 4, 10)
    assert fmt_date(d, "ru") == "10.04.2022" and fmt_date(d, "en") == "10 Apr 2022"
    assert fmt_period(d.replace(day=1), "month", "ru") == "апрель 2022"
    assert fmt_period(date(2022, 4, 1), "quarter", "ru") == "II кв. 2022"
    assert fmt_period(date(2022, 4, 1), "quarter", "en") == "Q2 2022"
    assert fmt_period(date(2022, 1, 1), "year", "en") == "2022"


@pytest.mark.parametrize(
    ("months", "ru", "en"),
    [
        (84, "7 лет", "7 years"),
        (12, "1 год", "1 year"),
        (24, "2 года", "2 years"),
        (78, "6 лет 6 мес.", "6 years 6 mo."),
        (8, "8 мес.", "8 mo."),
        (252, "21 год", "21 years"),
    ],
)
def test_terms(months, ru, en):
    assert fmt_term(months, "ru") == ru and fmt_term(months, "en") == en


def test_plural_ru():
    forms = ("человек", "человека", "человек")
    assert [i18n.plural_ru(n, *forms) for n in (1, 2, 5, 11, 21, 22)] == [
        "человек",
        "человека",
        "человек",
        "человек",
        "человек",
        "человека",
    ]


def test_numbers_agree_with_their_nouns():
    from components.i18n import count_of

    assert [count_of(n, "prosecutions", "ru") for n in (1, 2, 5, 11, 21, 1000)] == [
        "1 дело",
        "2 дела",
        "5 дел",
        "11 дел",
        "21 дело",
        "1\u00a0000 дел",
    ]
    assert [count_of(n, "persons", "ru") for n in (1, 3, 7)] == [
        "1 человек",
        "3 человека",
        "7 человек",
    ]
    assert count_of(1, "persons", "en") == "1 person" and count_of(2, "persons", "en") == (
        "2 persons"
    )
    assert count_of(21, "real_terms_dative", "ru") == "21 приговору"
    assert count_of(1, "real_terms_dative", "en") == "1 real prison term"
