import itertools

import pytest

from data.articles import article_key
from data.reference import (
    article_display,
    article_label,
    article_sort_key,
    articles,
    case_group_label,
    region_label,
    regions,
)


def test_89_regions_with_the_occupied_territories():
    table = regions()
    assert len(table) == 89
    occupied = {code for code, r in table.items() if r.occupied}
    assert occupied == {"UA-43", "UA-40", "UA-14", "UA-09", "UA-23", "UA-65"}


@pytest.mark.parametrize(
    ("code", "lang", "label"),
    [
        ("RU-BA", "ru", "Республика Башкортостан"),
        ("RU-BA", "en", "Republic of Bashkortostan"),
        ("UA-43", "ru", "Крым (оккупирован)"),
        ("UA-43", "en", "Crimea (occupied)"),
        ("unknown", "en", "Region unknown"),
        ("XX-YY", "en", "XX-YY"),
    ],
)
def test_region_labels(code, lang, label):
    assert region_label(code, lang) == label


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("207.3 ч.2", "207.3"),
        ("205.5", "205.5"),
        ("30 ч.1 - 278", "278"),
        ("332 ч.2.1", "332"),
        ("105 ч.2 п.а п.в", "105"),
        ("33 ч.5 - 30 ч.3 - 205 ч.1", "205"),
        ("30 ч.1", "30"),
        ("", None),
        ("без статьи", None),
        # not canonical: never a number taken from a part (it was "2" here)
        ("часть 2 статьи 207.3", None),
        ("ч. 2 ст. 205.5", None),
        ("ст. 207.3", None),
    ],
)
def test_article_key(text, key):
    assert article_key(text) == key


def test_article_names_in_both_languages():
    for code, article in articles().items():
        assert article.name_ru and article.name_en, code
    assert article_label("207.3", "ru") == "207.3 — «Фейки» об армии"
    assert article_label("999", "en") == "999"


def test_article_order_is_numeric():
    codes = ["280.3", "30", "205.5", "205", "205.1", "207.3"]
    assert sorted(codes, key=article_sort_key) == ["30", "205", "205.1", "205.5", "207.3", "280.3"]


def test_article_display_in_english():
    assert article_display("207.3 ч.2", "en") == "207.3 Part 2"
    assert article_display("207.3 ч.2", "ru") == "207.3 ч.2"


def test_case_group_translation_falls_back_to_the_published_name():
    assert case_group_label("Свидетели Иеговы", "en") == "Jehovah's Witnesses"
    assert case_group_label("Дело «Нового величия»", "en") == "Дело «Нового величия»"
    assert case_group_label("Anti-war case", "ru") == "Антивоенное дело"
    assert case_group_label("Свидетели Иеговы", "ru") == "Свидетели Иеговы"


def test_population_table():
    from data.reference import population

    people = population()
    assert set(people) == set(regions())
    assert people["RU-MOW"] == 12692466 and people["RU-CHU"] == 50726
    assert people["UA-43"] == 1912025  # Rosstat's own estimate for occupied Crimea
    assert [c for c, n in people.items() if n is None] == ["UA-14", "UA-09", "UA-23", "UA-65"]
    assert 140_000_000 < sum(n for n in people.values() if n) < 150_000_000


def test_every_article_of_the_special_part_has_a_name_in_both_languages():
    """Defect: on a real list 47 of 84 articles in the dropdown were bare numbers."""
    from data.reference import article_label, chapter_of, chapters

    for number in range(105, 362):
        for lang in ("ru", "en"):
            label = article_label(str(number), lang)
            assert label.startswith(f"{number} — ") and len(label) > len(f"{number} — ") + 3
    assert article_label("242.2", "ru") == (
        "242.2 — гл. 25: Преступления против здоровья населения и общественной нравственности"
    )
    assert article_label("105", "en") == "105 — Murder"
    assert article_label("33", "en") == "33 — ch. 7: Complicity in a crime"
    assert chapter_of("207.3").number == "24" and chapter_of("361").number == "34"
    special = [(c.first, c.last) for c in chapters() if c.first >= 105]
    assert all(a[1] + 1 == b[0] for a, b in itertools.pairwise(special))  # no gaps


def test_short_tile_labels_fit_a_phone():
    from data.reference import tile_grid

    for tile in tile_grid().values():
        for lang in ("ru", "en"):
            assert 1 <= len(tile.short(lang)) <= 4, (tile.code, tile.short(lang))
    assert (
        tile_grid()["RU-MOW"].short("ru") == "МСК" and tile_grid()["RU-MOW"].label("en") == "Moscow"
    )
