"""What each chart shows, in words, from small aggregates in both languages."""

from datetime import date

import pytest

from components.summaries import (
    compare_summary,
    counters_summary,
    map_summary,
    sentences_summary,
    timeline_summary,
)
from data.query import Counters, RegionCounts, SentenceDistribution, Timeline


def regions(counts: dict[str, int], located: int, total: int, **kw) -> RegionCounts:
    return RegionCounts(
        basis=kw.get("basis", "prosecution"),
        unit=kw.get("unit", "persons"),
        codes=tuple(counts),
        counts=tuple(counts.values()),
        located=located,
        total=total,
        rows_with_region=located,
        rows=total,
    )


MAP = {"RU-SPE": 80, "RU-MOW": 120, "RU-BA": 30, "RU-TA": 5, "RU-KDA": 0}


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "The regions with the most persons prosecuted: Moscow — 120, Saint Petersburg — 80 "
            "and Republic of Bashkortostan — 30. "
            "The region of prosecution is known for 235 of 250.",
        ),
        (
            "ru",
            "Регионы, где больше всего преследуемых: Москва — 120, Санкт-Петербург — 80 и "
            "Республика Башкортостан — 30. Регион преследования известен для 235 из 250.",
        ),
    ],
)
def test_the_map_names_the_top_regions_and_what_is_known(lang, expected):
    assert map_summary(regions(MAP, 235, 250), lang) == expected


def test_the_map_by_region_of_imprisonment_in_prosecutions():
    one = regions({"RU-KR": 3}, 3, 3, basis="imprisonment", unit="prosecutions")
    assert (
        map_summary(one, "en")
        == "The regions of imprisonment with the most prosecutions: Republic of Karelia — 3."
    )
    assert map_summary(one, "ru") == (
        "Регионы заключения, где больше всего дел: Республика Карелия — 3."
    )


def test_the_map_with_no_region_known_or_no_one():
    assert map_summary(regions({"RU-MOW": 0}, 0, 7), "en") == (
        "The region of prosecution is not known for anyone in this selection."
    )
    assert map_summary(regions({"RU-MOW": 0}, 0, 0), "ru") == "В этой выборке никого нет."


def timeline(counts, granularity="month", unit="persons", undated=0, dates="arrest"):
    step = {"month": 1, "quarter": 3, "year": 12}[granularity]
    periods = tuple(
        date(2022 + (i * step) // 12, (i * step) % 12 + 1, 1) for i in range(len(counts))
    )
    return Timeline(periods, tuple(counts), granularity, unit, undated, dates)


@pytest.mark.parametrize(
    ("kwargs", "lang", "expected"),
    [
        (
            {"counts": (3, 45, 12), "undated": 5},
            "en",
            "Arrests peaked in February 2022 (45 persons). "
            "The date of arrest is known for 60 of 65.",
        ),
        (
            {"counts": (3, 45, 12), "undated": 5},
            "ru",
            "Пик арестов — в феврале 2022 (45 человек). Дата ареста известна для 60 из 65.",
        ),
        (
            {"counts": (21, 4, 21), "granularity": "year", "unit": "prosecutions"},
            "ru",
            "Пик арестов — в 2022 году и в 2024 году (21 дело в каждом).",
        ),
        (
            {"counts": (1, 2), "granularity": "quarter", "dates": "verdict"},
            "en",
            "Verdicts peaked in Q2 2022 (2 persons).",
        ),
        (
            {"counts": (1, 2), "granularity": "quarter", "dates": "start"},
            "ru",
            "Пик начала дел — во II кв. 2022 (2 человека).",
        ),
        (
            {"counts": (), "undated": 4},
            "en",
            "The date of arrest is not known for anyone in this selection.",
        ),
    ],
)
def test_the_timeline_names_its_peak(kwargs, lang, expected):
    assert timeline_summary(timeline(**kwargs), lang) == expected


def sentences(per_bin: dict[int, int], life=0, unknown=0, unit="persons") -> SentenceDistribution:
    starts = tuple(range(26))
    general = tuple(per_bin.get(s, 0) for s in starts)
    return SentenceDistribution(
        bin_starts=starts,
        regimes=("general",),
        counts={"general": general},
        total=sum(general),
        life=life,
        unit=unit,
        unknown_length=unknown,
    )


def counters(median=None, persons=10, prosecutions=12, custody=4) -> Counters:
    return Counters(persons, prosecutions, custody, median, 9, 1, 0)


def test_the_sentences_name_the_common_term_the_median_and_life():
    summary = sentences_summary(sentences({6: 25, 2: 3}, life=3, unknown=2), counters(78), "ru")
    assert summary == (
        "Чаще всего срок — от 6 до 7 лет (25 человек). Медианный срок — 6 лет 6 мес. "
        "Пожизненное лишение свободы: 3 человека. Срок неизвестен ещё для 2 человек."
    )
    summary = sentences_summary(sentences({20: 1, 0: 1}, unit="prosecutions"), counters(84), "en")
    assert summary == (
        "The most common term is less than a year and 20 to 21 years (1 prosecution each). "
        "The median term is 7 years."
    )
    assert sentences_summary(sentences({25: 2}), counters(), "ru") == (
        "Чаще всего срок — 25 лет и больше (2 человека)."
    )
    assert sentences_summary(sentences({20: 4}), counters(), "ru").startswith(
        "Чаще всего срок — от 20 до 21 года"
    )


def test_no_real_terms_but_life_or_nothing():
    assert sentences_summary(sentences({}, life=1), counters(), "en") == (
        "Life imprisonment: 1 person."
    )
    assert sentences_summary(sentences({}), counters(), "ru") == (
        "В этой выборке нет реальных сроков лишения свободы."
    )


def test_the_counters_in_a_sentence():
    assert counters_summary(counters(84), "ru") == (
        "10 человек, 12 дел; сейчас в заключении — 4. Медианный срок — 7 лет."
    )
    assert counters_summary(counters(None, 1, 1, 1), "en") == (
        "1 person, 1 prosecution; 1 in custody now."
    )
    assert counters_summary(counters(None, 0, 0, 0), "en") == "No one is in this selection."


def test_two_lists_in_a_sentence():
    from data.compare import Comparison

    comparison = Comparison("memorial", "ovdinfo", 180, 40, 31, (), (), (), 0, (), (), 0)
    names = ("Memorial", "OVD-Info")
    assert compare_summary(comparison, names, "en") == (
        "The two lists hold 251 persons: 180 on both, 40 only on “Memorial” and 31 only on "
        "“OVD-Info”."
    )
    assert compare_summary(comparison, ("Мемориал", "ОВД-Инфо"), "ru") == (
        "В двух списках — 251 человек: в обоих — 180, только в списке «Мемориал» — 40, "
        "только в списке «ОВД-Инфо» — 31."
    )


def test_ties_past_three_are_counted_not_dropped():
    many = {"RU-MOW": 5, "RU-SPE": 5, "RU-BA": 5, "RU-TA": 5, "RU-KDA": 5, "RU-AD": 1}
    assert map_summary(regions(many, 26, 26), "en") == (
        "The regions with the most persons prosecuted: Krasnodar Krai — 5, Moscow — 5, "
        "Republic of Bashkortostan — 5 and 2 more."
    )
    summary = timeline_summary(timeline((4, 4, 4, 4, 4)), "ru")
    assert summary == (
        "Пик арестов — в январе 2022, в феврале 2022, в марте 2022 и ещё 2 (4 человека в каждом)."
    )
    assert sentences_summary(sentences({25: 21}), counters(), "ru").startswith(
        "Чаще всего срок — 25 лет и больше"
    )
