"""Name search in both alphabets (data.search), and through the persons table."""

import numpy as np
import pandas as pd
import pytest

from data import query
from data.filters import FilterState
from data.search import LATIN_RULES, MAX_READINGS, matches, name_key, name_keys, query_tokens

# (the name as a list gives it, a query that must find it)
MATCH = [
    ("Кригер Пётр", "Krieger"),
    ("Кригер Пётр", "Kriger"),
    ("Кригер Пётр", "Кригер"),
    ("Кригер Пётр", "kriger piotr"),
    ("Дмитриев Олег", "Dmitriev"),
    ("Дмитриев Олег", "Dmitriyev"),
    ("Алёхина Мария", "Alekhina"),
    ("Алёхина Мария", "Aliokhina"),
    ("Алёхина Мария", "Alyokhina"),
    ("Алёхина Мария", "Алехина"),  # ё and е are one letter
    ("Алексей", "Alexei"),
    ("Алексей", "Aleksey"),
    ("Алексей", "Alexey"),
    ("Алексей", "Alexej"),
    ("Алексей", "Алексеи"),  # й and и are one letter
    ("Юрий", "Yuri"),
    ("Юрий", "Iurii"),
    ("Юрий", "Jurij"),
    ("Юрий", "Yuriy"),
    ("Юрий", "Youri"),
    ("Кара-Мурза Владимир", "Kara-Murza"),
    ("Кара-Мурза Владимир", "Karamurza"),
    ("Кара-Мурза Владимир", "Мурза Кара"),  # word order does not matter
    ("Кара-Мурза Владимир", "Vladimir Kara-Murza"),
    ("Ходорковский Михаил", "Khodorkovsky"),
    ("Ходорковский Михаил", "Khodorkovskiy"),
    ("Ходорковский Михаил", "Chodorkowski"),  # German ch is х
    ("Ходорковский Михаил", "Michail Chodorkowski"),
    ("Навальный Алексей", "Navalny"),
    ("Навальный Алексей", "Nawalny"),
    ("Навальный Алексей", "Alexei Navalnyy"),
    ("Щербаков Юрий", "Shcherbakov"),
    ("Щербаков Юрий", "Schtscherbakow"),
    ("Цой Виктор", "Tsoy"),
    ("Цой Виктор", "Victor Tsoi"),
    ("Жуков", "Zhukov"),
    ("Евгений", "Yevgeny"),
    ("Евгений", "Evgeniy"),
    ("Евгений", "Jewgeni"),
    ("Мария", "Maria"),
    ("Мария", "Mariya"),
    ("Наталья", "Natalia"),
    ("Наталья", "Natalya"),
    ("Наталья", "Natalja"),
    ("Ольга", "Olga"),
    ("Ольга", "Ol'ga"),
    ("Петров Иван", "Ivan Petrov"),
    ("Петров Иван", "ПЕТРОВ"),
    ("Петрова Анна", "Петров"),  # a partial surname finds: "Петров" finds "Петрова" too
    ("Чернышев", "Chernyshev"),  # English ch is ч
    ("Чернышев", "Tschernyschew"),
    ("Хрущёв", "Khrushchev"),
    ("Соловьёв", "Solovyov"),
    ("Соловьёв", "Soloviev"),
    ("Соловьёв", "Solovev"),
    ("Соловьёв", "Solowjow"),
    ("Васильев", "Vasiliev"),
    ("Васильев", "Vasilyev"),
    ("Васильев", "Wassiljew"),
    ("Родионов", "Rodionov"),
    ("Фёдоров", "Fyodorov"),
    ("Фёдоров", "Fedorov"),
    ("Ёлкин", "Yolkin"),
    ("Ёлкин", "Elkin"),
    ("Зайцев", "Zaitsev"),
    ("Зайцев", "Zaytsev"),
    ("Зайцев", "Zaitzew"),
    ("Исхаков", "Iskhakov"),
    ("Чайковский", "Tchaikovsky"),
    ("Ильин", "Ilyin"),
    ("Ксения", "Xenia"),
    ("Трубецкая", "Trubetskaja"),
    ("Navalny Alexei", "Навальный Алексей"),  # a name in Latin is found from Cyrillic
]

# (a name, a query that must not find it): different names stay apart.
NO_MATCH = [
    ("Жуков", "Сухов"),
    ("Жуков", "Sukov"),  # ж is zh, never s or z
    ("Сухов", "Zhukov"),
    ("Шухов", "Sukhov"),  # ш is sh, not s
    ("Исхаков", "Ишаков"),  # с+х is not ш
    ("Исхаков", "Ishakov"),
    ("Щукин", "Шукин"),
    ("Захаров", "Сахаров"),
    ("Халов", "Чалов"),  # a Cyrillic query keeps ч and х apart ("Chalov" finds both)
    ("Ходорковский", "Чодорковский"),
    ("Родионов", "Роденов"),  # и+о is not ё
    ("Кригер", "Крюгер"),
    ("Шевченко", "Шевчук"),
    ("Мария", "Марина"),
    ("Петров Иван", "Петров Олег"),  # every word must be found
    ("Иванов", "Ivanova"),  # a longer query does not find a shorter name
    ("Дмитриев", "Dmitrenko"),
    ("Сидоров", "Fedorov"),
]


@pytest.mark.parametrize(("name", "text"), MATCH)
def test_spellings_that_must_match(name, text):
    assert matches([name_key(name)], text).tolist() == [True]


@pytest.mark.parametrize(("name", "text"), NO_MATCH)
def test_names_that_must_not_match(name, text):
    assert matches([name_key(name)], text).tolist() == [False]


def test_the_tables_are_big_enough():
    assert len(MATCH) >= 25 and len(NO_MATCH) >= 10


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Кара-Мурза Владимир", "karamurza vladimir"),
        ("Щербаков  Юрий", "SCerbakov iuri"),  # щ is ш+ч
        ("Соловьёв", "solovev"),
        ("Ходорковский", "hodorkovski"),
        ("Krieger", "krieger"),  # a Latin name takes the usual reading of each spelling
        ("", ""),
    ],
)
def test_name_key(name, key):
    assert name_key(name) == key


def test_name_keys_fold_like_name_key():
    names = ["Петров Иван", None, "Krieger Hans", "Петров Иван", "Ёлкин\nИван", np.nan, "Ли-Ан"]
    assert name_keys(names).tolist() == [name_key(n) if isinstance(n, str) else "" for n in names]
    assert name_keys(pd.Series(names)).tolist() == name_keys(names).tolist()
    assert len(name_keys([])) == 0


def test_query_tokens():
    assert query_tokens("Krieger  Юрий") == (("krieger", "kriger", "kreger"), ("iuri",))
    assert query_tokens("Иван, Петров") == (("ivan",), ("petrov",))
    assert query_tokens("  ") == () and query_tokens(",") == ()


def test_a_cyrillic_word_has_one_reading():
    for word in ("Чернышев", "Хрущёв", "Родионов", "Дмитриев", "Кригер"):
        assert len(query_tokens(word)[0]) == 1


def test_readings_are_capped():
    (readings,) = query_tokens("chiechiechiechiechiechie")
    assert 1 < len(readings) <= MAX_READINGS


def test_an_empty_query_matches_everything():
    keys = name_keys(["Петров Иван", "", "Krieger"])
    assert matches(keys, "").tolist() == [True, True, True]
    assert matches(keys, "   ").tolist() == [True, True, True]


def test_matches_takes_arrays_and_series():
    keys = name_keys(["Кригер Пётр", "Кригерова Анна", "Петров Иван"])
    assert matches(keys, "Krieger").tolist() == [True, True, False]
    assert matches(pd.Series(keys), "petr").tolist() == [True, False, True]


def test_every_rule_has_a_reading_and_a_comment():
    for pattern, readings, comment in LATIN_RULES:
        assert pattern and readings and comment


# --- through the persons table --------------------------------------------------------------------


def _tiny(names):
    """A dataset of one case per (person id, name)."""
    from data.dataset import Dataset
    from data.loader import normalise

    frame = pd.DataFrame(
        [
            {"source": "t", "region_code": "RU-MOW", "person_id": pid, "name": name}
            for pid, name in names
        ]
    )
    cases, _ = normalise(frame, "tiny")
    return Dataset.build(cases, ())


@pytest.fixture(scope="module")
def people():
    return _tiny(
        [
            ("a", "Кригер Пётр Иванович"),
            ("b", "Кара-Мурза Владимир Владимирович"),
            ("c", "Алёхина Мария Владимировна"),
            ("d", "Navalny Alexei"),
            ("e", "Сухов Иван Петрович"),
            ("e", "Сухов Иван Петрович"),  # a second case of the same person
        ]
    )


@pytest.mark.parametrize(
    ("search", "found"),
    [
        ("Krieger", ["a"]),
        ("Мурза Кара", ["b"]),
        ("aliokhina maria", ["c"]),
        ("Навальный", ["d"]),
        ("Zhukov", []),
        ("Vladimirov", ["b", "c"]),  # patronymics are part of the name
        ("", ["a", "b", "c", "d", "e"]),
    ],
)
def test_table_search_in_both_alphabets(people, search, found):
    page = query.table_page(people, FilterState(), search=search, page_size=100)
    assert sorted(page.rows["person_id"]) == found
    assert page.total == len(found)


def test_table_search_by_prosecution(people):
    page = query.table_page(people, FilterState(unit="prosecutions"), search="Sukhov")
    assert page.rows["person_id"].tolist() == ["e", "e"]
