"""A selection in words (the subtitle of an embedded chart) and as a download's file name."""

import re
from dataclasses import fields, replace
from datetime import date

import pytest

from components.describe import MAX_STEM, describe_filters, file_stem, more_text
from data.dataset import SourceInfo
from data.filters import FilterState
from data.reference import regions
from data.schema import GENDERS, PUNISHMENT_TYPES, STATUSES

REGIONS = list(regions())  # 89 codes in the table's order
STEM = re.compile(r"[A-Za-z0-9._-]+")


@pytest.fixture(scope="module")
def lists(dataset):
    """The demo dataset as if it came from two real lists (describe_filters reads only the
    sources)."""
    return replace(
        dataset,
        sources=(
            SourceInfo("memorial", "memorial"),
            SourceInfo("ovdinfo", "ОВД-Инфо: все дела", as_of=date(2026, 10, 1)),
        ),
    )


def both(state, dataset):
    return describe_filters(state, dataset, "ru"), describe_filters(state, dataset, "en")


# --- describe_filters -----------------------------------------------------------------------------


def test_no_filter_says_all_records_and_the_unit(dataset):
    assert both(FilterState(), dataset) == ("Все записи · люди", "All records · persons")
    assert both(FilterState(unit="prosecutions"), dataset) == (
        "Все записи · уголовные дела",
        "All records · prosecutions",
    )


def test_view_options_are_not_filters(dataset):
    state = FilterState(
        granularity="year", basis="imprisonment", view="grid", measure="per_million"
    )
    assert both(state, dataset) == ("Все записи · люди", "All records · persons")


def test_the_example_selection(dataset):
    state = FilterState(
        articles=["207.3"],
        regions=["RU-BA"],
        date_from=date(2022, 3, 1),
        date_to=date(2024, 12, 31),
        punishments=["life"],
        genders=["female"],
    )
    ru, en = both(state, dataset)
    assert ru == (
        "Ст. 207.3 («Фейки» об армии) · Республика Башкортостан · аресты с марта 2022 по "
        "декабрь 2024 · пожизненное лишение свободы · женщины · люди"
    )
    assert en == (
        "Article 207.3 (“Fakes” about the army) · Republic of Bashkortostan · arrests from "
        "March 2022 to December 2024 · life imprisonment · women · persons"
    )


def test_articles_by_number_with_their_names(dataset):
    ru, en = both(FilterState(articles=["280.3", "207.3", "30"]), dataset)
    assert ru.startswith("Ст. 30 (Приготовление к преступлению и покушение), 207.3 (")
    assert "280.3 (Дискредитация армии)" in ru
    assert en.startswith("Articles 30 (Preparation of and attempt at a crime), 207.3 (")
    # an article with no short name of its own is named by its chapter, never a bare number
    ru, en = both(FilterState(articles=["242.2"]), dataset)
    assert ru.startswith("Ст. 242.2 (гл. 25: ")
    assert en.startswith("Article 242.2 (ch. 25: ")


def test_regions_of_prosecution_and_of_imprisonment(dataset):
    state = FilterState(regions=["RU-MOW"], held_regions=["RU-PER", "RU-KIR"])
    assert both(state, dataset) == (
        "Москва · место заключения: Кировская область, Пермский край · люди",
        "Moscow · held in Kirov Oblast, Perm Krai · persons",
    )
    ru, en = both(FilterState(held_regions=["UA-43"]), dataset)
    assert ru == "Место заключения: Крым (оккупирован) · люди"
    assert en == "Held in Crimea (occupied) · persons"


def test_punishments_statuses_genders(dataset):
    state = FilterState(
        punishments=["unknown", "fine", "other"],
        statuses=["trial", "serving"],
        genders=["male", "unknown"],
    )
    assert both(state, dataset) == (
        "Штраф, другое наказание, наказание неизвестно · статус: суд, отбывает наказание · "
        "мужчины, пол не указан · люди",
        "Fine, other punishment, punishment unknown · status: on trial, serving a sentence · "
        "men, gender not stated · persons",
    )


def test_every_punishment_status_and_gender_has_words_of_its_own(dataset):
    for name, values in (
        ("punishments", (*PUNISHMENT_TYPES, "unknown")),
        ("statuses", STATUSES),
        ("genders", GENDERS),
    ):
        for lang in ("ru", "en"):
            texts = {describe_filters(FilterState(**{name: [v]}), dataset, lang) for v in values}
            assert len(texts) == len(values), (name, lang)
            assert not any("_" in text for text in texts)
    for value in STATUSES:
        ru, en = both(FilterState(statuses=[value]), dataset)
        assert ru.startswith("Статус: ") and en.startswith("Status: ")


def test_case_groups_in_the_readers_language(dataset):
    state = FilterState(case_groups=["Антивоенное дело", "Свидетели Иеговы"])
    assert both(state, dataset) == (
        "Антивоенное дело, Свидетели Иеговы · люди",
        "Anti-war cases, Jehovah's Witnesses · persons",
    )
    # a group we have no translation for is shown as published
    assert describe_filters(FilterState(case_groups=["Дело Х"]), dataset, "en") == (
        "Дело Х · persons"
    )


def test_source_lists_by_display_name(dataset, lists):
    assert both(FilterState(sources=["memorial"]), lists) == (
        "Список «Мемориал: политзаключённые» · люди",
        "List “Memorial: political prisoners” · persons",
    )
    ru, en = both(FilterState(sources=["ovdinfo", "memorial"]), lists)
    assert ru == "Списки «Мемориал: политзаключённые», «ОВД-Инфо: все дела» · люди"
    assert en == "Lists “Memorial: political prisoners”, “ОВД-Инфо: все дела” · persons"
    # the demo's own source, and a list an old link names that the data no longer has
    assert describe_filters(FilterState(sources=["demo"]), dataset, "en") == (
        "List “demo dataset (invented records)” · persons"
    )
    assert describe_filters(FilterState(sources=["ovdinfo", "x"]), dataset, "ru") == (
        "Списки «ОВД-Инфо: уголовные преследования», «x» · люди"
    )


def test_every_filter_kind_appears(lists):
    state = FilterState(
        articles=["207.3"],
        regions=["RU-BA"],
        held_regions=["RU-PER"],
        date_from=date(2022, 3, 1),
        dates="verdict",
        punishments=["fine"],
        statuses=["released"],
        genders=["female"],
        case_groups=["Госизмена"],
        sources=["memorial"],
        unit="prosecutions",
    )
    ru, en = both(state, lists)
    assert ru.split(" · ") == [
        "Ст. 207.3 («Фейки» об армии)",
        "Республика Башкортостан",
        "место заключения: Пермский край",
        "приговоры с марта 2022",
        "штраф",
        "статус: на свободе",
        "женщины",
        "Госизмена",
        "список «Мемориал: политзаключённые»",
        "уголовные дела",
    ]
    assert en.split(" · ") == [
        "Article 207.3 (“Fakes” about the army)",
        "Republic of Bashkortostan",
        "held in Perm Krai",
        "verdicts from March 2022",
        "fine",
        "status: released",
        "women",
        "Treason",
        "list “Memorial: political prisoners”",
        "prosecutions",
    ]


@pytest.mark.parametrize(
    ("date_from", "date_to", "dates", "ru", "en"),
    [
        (
            date(2022, 3, 1),
            None,
            "arrest",
            "Аресты с марта 2022",
            "Arrests from March 2022",
        ),
        (
            None,
            date(2024, 12, 31),
            "start",
            "Дела, начатые по декабрь 2024",
            "Cases started up to December 2024",
        ),
        (
            date(2022, 4, 10),
            None,
            "verdict",
            "Приговоры с 10.04.2022",
            "Verdicts from 10 Apr 2022",
        ),
        (
            None,
            date(2023, 5, 15),
            "arrest",
            "Аресты по 15.05.2023",
            "Arrests up to 15 May 2023",
        ),
        (
            date(2022, 4, 10),
            date(2023, 5, 15),
            "arrest",
            "Аресты с 10.04.2022 по 15.05.2023",
            "Arrests from 10 Apr 2022 to 15 May 2023",
        ),
        (  # a whole month at one end, an exact day at the other
            date(2022, 3, 1),
            date(2024, 12, 15),
            "arrest",
            "Аресты с марта 2022 по 15.12.2024",
            "Arrests from March 2022 to 15 Dec 2024",
        ),
        (
            date(2022, 2, 24),
            date(2022, 2, 28),
            "arrest",
            "Аресты с 24.02.2022 по февраль 2022",
            "Arrests from 24 Feb 2022 to February 2022",
        ),
        (
            date(2022, 5, 1),
            date(2022, 5, 31),
            "verdict",
            "Приговоры в мае 2022",
            "Verdicts in May 2022",
        ),
        (
            date(2024, 2, 1),
            date(2024, 2, 29),
            "arrest",
            "Аресты в феврале 2024",
            "Arrests in February 2024",
        ),
        (
            date(2023, 1, 1),
            date(2023, 12, 31),
            "start",
            "Дела, начатые в 2023 году",
            "Cases started in 2023",
        ),
        (
            date(2022, 1, 1),
            date(2024, 12, 31),
            "arrest",
            "Аресты в 2022–2024 годах",
            "Arrests in 2022–2024",
        ),
        (
            date(2022, 4, 10),
            date(2022, 4, 10),
            "arrest",
            "Аресты 10.04.2022",
            "Arrests on 10 Apr 2022",
        ),
    ],
)
def test_periods(dataset, date_from, date_to, dates, ru, en):
    state = FilterState(date_from=date_from, date_to=date_to, dates=dates)
    assert both(state, dataset) == (f"{ru} · люди", f"{en} · persons")


def test_a_period_given_backwards_reads_forwards(dataset):
    state = FilterState(date_from="2024-12-31", date_to="2022-03-01")
    assert describe_filters(state, dataset, "en") == (
        "Arrests from March 2022 to December 2024 · persons"
    )


def test_a_long_selection_is_shortened(dataset):
    ru, en = both(FilterState(regions=REGIONS[:12]), dataset)
    assert ru.endswith(" и ещё 9 регионов · люди") and ru.count(",") == 2
    assert en.endswith(" and 9 more regions · persons") and en.count(",") == 2
    # the first three in the reader's alphabetical order
    assert ru.startswith("Алтайский край, Амурская область, Архангельская область и ещё")
    assert en.startswith("Altai Krai, Altai Republic, Amur Oblast and")
    # one more than shown is shown whole: "and 1 more region" would be no shorter
    ru, en = both(FilterState(held_regions=REGIONS[:4]), dataset)
    assert "ещё" not in ru and "more" not in en and ru.count(",") == 3
    ru, en = both(FilterState(articles=["205", "205.1", "205.2", "205.5", "207.3"]), dataset)
    assert ru.endswith("и ещё 2 статьи · люди")
    assert en.startswith("Articles 205 (") and en.endswith("and 2 more articles · persons")
    ru, en = both(FilterState(punishments=PUNISHMENT_TYPES), dataset)
    assert ru.endswith("условный срок и ещё 7 наказаний · люди")
    assert en.endswith("suspended sentence and 7 more punishments · persons")
    ru, en = both(FilterState(statuses=STATUSES), dataset)
    assert ru.endswith("и ещё 4 статуса · люди")
    assert en.endswith("and 4 more statuses · persons")


@pytest.mark.parametrize(
    ("rest", "ru", "en"),
    [
        (1, "и ещё 1 регион", "and 1 more region"),
        (2, "и ещё 2 региона", "and 2 more regions"),
        (5, "и ещё 5 регионов", "and 5 more regions"),
        (11, "и ещё 11 регионов", "and 11 more regions"),
        (21, "и ещё 21 регион", "and 21 more regions"),
        (22, "и ещё 22 региона", "and 22 more regions"),
    ],
)
def test_and_n_more_agrees_with_its_number(rest, ru, en):
    assert more_text(["A", "B"], rest, "regions", "ru") == f"A, B {ru}"
    assert more_text(["A", "B"], rest, "regions", "en") == f"A, B {en}"


@pytest.mark.parametrize(
    ("count", "ru", "en"),
    [
        (5, "и ещё 2 региона", "and 2 more regions"),
        (8, "и ещё 5 регионов", "and 5 more regions"),
        (24, "и ещё 21 регион", "and 21 more regions"),
        (89, "и ещё 86 регионов", "and 86 more regions"),
    ],
)
def test_russian_plurals_in_a_whole_subtitle(dataset, count, ru, en):
    text_ru, text_en = both(FilterState(regions=REGIONS[:count]), dataset)
    assert text_ru.endswith(f" {ru} · люди")
    assert text_en.endswith(f" {en} · persons")


def test_other_nouns_agree(dataset, lists):
    assert more_text(["A"], 1, "articles", "ru") == "A и ещё 1 статья"
    assert more_text(["A"], 3, "case_groups", "ru") == "A и ещё 3 группы дел"
    assert more_text(["A"], 5, "lists", "ru") == "A и ещё 5 списков"
    assert more_text(["A"], 1, "statuses", "en") == "A and 1 more status"
    assert more_text(["A"], 1200, "regions", "ru") == "A и ещё 1\u00a0200 регионов"


def test_the_same_selection_reads_the_same_whatever_the_order(dataset):
    a = FilterState(regions=["RU-PER", "RU-BA", "RU-MOW"], articles=["280.3", "207.3"])
    b = FilterState(regions=("RU-MOW", "RU-PER", "RU-BA"), articles=("207.3", "280.3"))
    assert both(a, dataset) == both(b, dataset)


# --- file_stem ------------------------------------------------------------------------------------


def test_stem_of_no_filter():
    assert file_stem("timeline", FilterState()) == "timeline_all"
    assert file_stem("map", FilterState(unit="prosecutions")) == "map_all_prosecutions"


def test_stem_of_the_example():
    state = FilterState(
        articles=["207.3"],
        regions=["RU-BA"],
        date_from=date(2022, 3, 1),
        date_to=date(2024, 12, 31),
        punishments=["life"],
    )
    assert file_stem("map", state) == "map_207.3_RU-BA_2022-03--2024-12_life"


@pytest.mark.parametrize(
    ("date_from", "date_to", "dates", "stem"),
    [
        (date(2022, 3, 1), None, "arrest", "t_from-2022-03"),
        (None, date(2024, 12, 31), "arrest", "t_to-2024-12"),
        (date(2022, 3, 10), None, "verdict", "t_verdict-from-2022-03-10"),
        (None, date(2024, 12, 15), "start", "t_start-to-2024-12-15"),
        (date(2022, 3, 10), date(2024, 12, 31), "arrest", "t_2022-03-10--2024-12"),
        (date(2022, 5, 1), date(2022, 5, 31), "arrest", "t_2022-05"),
        (date(2023, 1, 1), date(2023, 12, 31), "arrest", "t_2023"),
        (date(2022, 1, 1), date(2024, 12, 31), "arrest", "t_2022--2024"),
        (date(2022, 4, 10), date(2022, 4, 10), "arrest", "t_2022-04-10"),
    ],
)
def test_stem_periods(date_from, date_to, dates, stem):
    assert file_stem("t", FilterState(date_from=date_from, date_to=date_to, dates=dates)) == stem


def test_stem_of_each_filter_kind():
    state = FilterState(
        articles=["280.3", "207.3"],
        regions=["RU-MOW"],
        held_regions=["RU-PER"],
        punishments=["forced_labour"],
        statuses=["serving"],
        unit="prosecutions",
    )
    assert file_stem("sentences", state) == (
        "sentences_207.3-280.3_RU-MOW_held-RU-PER_forced-labour_serving_prosecutions"
    )
    state = FilterState(genders=["female"], case_groups=["Антивоенное дело"], sources=["memorial"])
    assert file_stem("sentences", state) == "sentences_female_group-Anti-war-cases_list-memorial"


def test_a_stem_too_long_keeps_counts_then_gives_way():
    state = FilterState(
        articles=["280.3", "207.3"],
        regions=["RU-MOW"],
        held_regions=["RU-PER"],
        punishments=["forced_labour"],
        statuses=["serving"],
        genders=["female"],
        case_groups=["Антивоенное дело"],
        sources=["memorial"],
        unit="prosecutions",
    )
    assert file_stem("sentences", state) == (
        "sentences_2articles_RU-MOW_held-RU-PER_forced-labour_serving_etc_prosecutions"
    )


def test_stem_names_the_view_options_its_chart_depends_on():
    state = FilterState(basis="imprisonment", measure="per_million", granularity="year")
    assert file_stem("map", state) == "map_all_by-imprisonment_per-million"
    assert file_stem("timeline", state) == "timeline_all_by-year"
    assert file_stem("sentences", state) == "sentences_all"


def test_stem_transliterates_and_cleans():
    state = FilterState(case_groups=["Дело «Х» / Щукин"], sources=["Мой список.csv"])
    stem = file_stem("Карта регионов", state)
    assert stem == "Karta-regionov_group-Delo-Kh-Shchukin_list-Moy-spisok.csv"
    assert file_stem("../../etc/passwd", FilterState()) == "etc-passwd_all"
    assert file_stem("", FilterState()) == "chart_all"
    assert file_stem("«»", FilterState()) == "chart_all"


def test_a_long_selection_in_a_stem():
    stem = file_stem("map", FilterState(regions=REGIONS[:12]))
    assert stem == "map_RU-AD-RU-AL-RU-ALT-9more"
    assert file_stem("map", FilterState(regions=REGIONS[:4])) == (
        "map_RU-AD-RU-AL-RU-ALT-RU-AMU"  # all four: "1more" would be no shorter
    )


def test_an_enormous_selection_still_fits():
    state = FilterState(
        articles=[str(n) for n in range(200, 290)],
        regions=REGIONS,
        held_regions=REGIONS,
        date_from=date(2022, 3, 10),
        date_to=date(2024, 12, 15),
        dates="verdict",
        punishments=PUNISHMENT_TYPES,
        statuses=STATUSES,
        genders=["male", "female", "unknown"],
        case_groups=[f"Группа номер {n}" for n in range(40)],
        sources=[f"list-{n}" for n in range(30)],
        unit="prosecutions",
        basis="imprisonment",
        measure="per_million",
    )
    stem = file_stem("a-very-long-chart-name-indeed-yes", state)
    assert len(stem) <= MAX_STEM
    assert STEM.fullmatch(stem)
    # the chart and what is counted survive; the last filters give way to "etc"
    assert stem.startswith("a-very-long-chart-name-i_90articles_89regions_")
    assert stem.endswith("_etc_prosecutions")


@pytest.mark.parametrize("seed", range(40))
def test_stems_are_safe_short_and_deterministic(seed):
    import random

    rng = random.Random(seed)
    groups = ["Антивоенное дело", "Дело «Сети»", "Hizb ut-Tahrir", "Ёлка & co", "x" * 90]
    kwargs = {
        "articles": rng.sample(["205.5", "207.3", "275", "280.3", "30"], rng.randint(0, 5)),
        "regions": rng.sample(REGIONS, rng.randint(0, 89)),
        "held_regions": rng.sample(REGIONS, rng.randint(0, 20)),
        "punishments": rng.sample(PUNISHMENT_TYPES, rng.randint(0, 5)),
        "statuses": rng.sample(STATUSES, rng.randint(0, 7)),
        "case_groups": rng.sample(groups, rng.randint(0, 5)),
        "sources": rng.sample(["memorial", "ovdinfo", "demo", "свой"], rng.randint(0, 4)),
        "unit": rng.choice(["persons", "prosecutions"]),
        "dates": rng.choice(["arrest", "start", "verdict"]),
    }
    if rng.random() < 0.7:
        day = rng.choice([1, 9])
        kwargs["date_from"] = date(2012 + rng.randint(0, 12), rng.randint(1, 12), day)
    if rng.random() < 0.7:
        kwargs["date_to"] = date(2024, rng.randint(1, 12), rng.choice([1, 28]))
    state = FilterState(**kwargs)
    chart = rng.choice(["map", "timeline", "sentences", "Таблица/Все"])
    stem = file_stem(chart, state)
    assert STEM.fullmatch(stem), stem
    assert len(stem) <= MAX_STEM, stem
    assert not stem.startswith((".", "-")) and ".." not in stem
    shuffled = FilterState(**{k: v[::-1] if isinstance(v, list) else v for k, v in kwargs.items()})
    assert file_stem(chart, shuffled) == stem
    assert file_stem(chart, FilterState.from_query(state.to_query())) == stem


def test_every_filter_field_changes_the_stem_and_the_subtitle(dataset):
    """A filter added to FilterState later must be described too (this test then fails)."""
    changed = {
        "articles": ("207.3",),
        "regions": ("RU-BA",),
        "date_from": date(2022, 3, 1),
        "date_to": date(2024, 12, 31),
        "dates": "verdict",
        "punishments": ("fine",),
        "statuses": ("trial",),
        "genders": ("female",),
        "case_groups": ("Госизмена",),
        "sources": ("demo",),
        "held_regions": ("RU-PER",),
        "unit": "prosecutions",
    }
    view_only = {"granularity", "basis", "view", "measure"}
    assert {f.name for f in fields(FilterState)} == set(changed) | view_only
    base = FilterState(date_from=date(2020, 1, 1))  # so that `dates` shows
    for name, value in changed.items():
        state = replace(base, **{name: value})
        assert file_stem("x", state) != file_stem("x", base), name
        for lang in ("ru", "en"):
            assert describe_filters(state, dataset, lang) != describe_filters(base, dataset, lang)
