"""The verdict parser against every wording in tests/fixtures/sentences.tsv, and the extraction of
the verdict from Memorial-style HTML descriptions."""

from pathlib import Path

import pytest

from data.importers.verdicts import Verdict, extract_verdict, parse_verdict

FIXTURE = Path(__file__).parents[2] / "fixtures" / "sentences.tsv"


def _optional_float(cell: str) -> float | None:
    return float(cell) if cell else None


def _expected(cells: list[str]) -> Verdict | None:
    """The row's Verdict; a row with every field empty expects None (nothing readable)."""
    punishment_type, regime, sentence, prison, probation, fine = cells
    if not any(cells):
        return None
    return Verdict(
        punishment_type=punishment_type or None,
        regime=regime or None,
        sentence_months=_optional_float(sentence),
        prison_months=_optional_float(prison),
        probation_months=_optional_float(probation),
        fine_rub=int(fine) if fine else None,
    )


def _fixture_rows() -> list[tuple[str, Verdict | None]]:
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    header, *rows = (line.split("\t") for line in lines if line.strip())
    assert len(header) == 7, header
    assert all(len(row) == 7 for row in rows), [row for row in rows if len(row) != 7]
    return [(row[0], _expected(row[1:])) for row in rows]


ROWS = _fixture_rows()


def test_fixture_extends_the_shared_sample():
    assert len(ROWS) >= 48 + 40
    assert ("приговор ещё не вынесен", None) in ROWS


@pytest.mark.parametrize(("text", "expected"), ROWS, ids=[text for text, _ in ROWS])
def test_parse_verdict_fixture(text, expected):
    assert parse_verdict(text) == expected


@pytest.mark.parametrize("text", [None, "", "   ", "\u00a0\n\t"])
def test_parse_verdict_empty_is_none(text):
    assert parse_verdict(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "приговор ещё не вынесен",
        "дело прекращено",
        "оправдан",
        "acquitted",
        "прокурор запросил 8 лет колонии строгого режима",
        "к 7 годам за репост",  # a term with an unknown kind and other words: not guessed
        "получил повестку в военкомат",
    ],
)
def test_parse_verdict_unreadable_is_none(text):
    assert parse_verdict(text) is None


def test_parse_verdict_is_case_and_space_insensitive():
    expected = parse_verdict("к 7 годам колонии общего режима")
    assert parse_verdict("  К\u00a07   ГОДАМ\u202fКолонии  ОБЩЕГО режима ") == expected


def test_life_has_no_term():
    verdict = parse_verdict("пожизненное лишение свободы в колонии особого режима")
    assert verdict == Verdict("life", "special", None, None, None, None)


MEMORIAL_PRISON_PART = (
    "<p>Демов Эскендер Примерович родился 1 января 1980 года, житель Бахчисарая (вымышленный "
    "персонаж). Обвинялся по ч. 2 ст. 205.5 и ст. 278 УК РФ.</p><p>Южный окружной военный суд "
    "приговорил его к 19 годам лишения свободы, из них 5 лет — в тюрьме, остальные — в колонии "
    "строгого режима.</p>"
)
MEMORIAL_IN_TRIAL = (
    "<p>Пробова Алёна Вымышленовна родилась в 1995 году в Уфе. Задержана 5 марта 2024 года за "
    "посты о войне. Находится в СИЗО, идёт суд.</p>"
)
MEMORIAL_WORDS_AND_FINE = (
    "<p>Тестов Марк Шаблонович, 1970 г.р. Мещанский суд приговорил его к шести годам и трём "
    "месяцам колонии общего режима и штрафу в размере 300 тысяч рублей.</p>"
)
MEMORIAL_DECIMAL = (
    "<p>Макетов Степан Демович (вымышленный персонаж) приговорён к 12,5 годам колонии строгого "
    "режима.</p>"
)


@pytest.mark.parametrize(
    ("description", "fragment"),
    [
        (
            MEMORIAL_PRISON_PART,
            "к 19 годам лишения свободы, из них 5 лет — в тюрьме, остальные — в колонии строгого "
            "режима",
        ),
        (
            MEMORIAL_WORDS_AND_FINE,
            "к шести годам и трём месяцам колонии общего режима и штрафу в размере 300 тысяч "
            "рублей",
        ),
        (MEMORIAL_DECIMAL, "к 12,5 годам колонии строгого режима"),
        (
            "<p>Иванов&nbsp;И.&nbsp;И. был приговорён&nbsp;Мещанским районным судом к 9 годам "
            "колонии строгого режима и штрафу в 700 тыс. рублей. Приговор вступил в силу.</p>",
            "к 9 годам колонии строгого режима и штрафу в 700 тыс. рублей",
        ),
        (
            "Суд назначил ему наказание в виде 7 лет лишения свободы в колонии общего режима.",
            "7 лет лишения свободы в колонии общего режима",
        ),
        (
            "Она приговорена заочно к 8 годам колонии общего режима<br>Находится за границей.",
            "к 8 годам колонии общего режима",
        ),
        (
            "В 2023 году осуждён на 6 лет колонии общего режима; апелляция оставила приговор "
            "в силе.",
            "на 6 лет колонии общего режима",
        ),
        (
            "Суд приговорил её к 2 годам лишения свободы условно с испытательным сроком 3 года.",
            "к 2 годам лишения свободы условно с испытательным сроком 3 года",
        ),
        ("<p>Приговор: 5 лет колонии общего режима.</p>", "5 лет колонии общего режима"),
        (
            "<div>Мировой суд приговорил их к штрафу в размере 1,5 млн рублей.</div>",
            "к штрафу в размере 1,5 млн рублей",
        ),
        (
            "Мещанский суд приговорил Иванова Ивана Ивановича к 6,5 годам колонии общего режима. "
            "В апреле 2024 года апелляционный суд снизил срок до 6 лет.",
            "к 6,5 годам колонии общего режима",
        ),
    ],
)
def test_extract_verdict(description, fragment):
    assert extract_verdict(description) == fragment


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        (
            MEMORIAL_PRISON_PART,
            Verdict("imprisonment", "strict", 228.0, 60.0, None, None),
        ),
        (MEMORIAL_WORDS_AND_FINE, Verdict("imprisonment", "general", 75.0, None, None, 300000)),
        (MEMORIAL_DECIMAL, Verdict("imprisonment", "strict", 150.0, None, None, None)),
    ],
)
def test_extracted_fragment_parses(description, expected):
    assert parse_verdict(extract_verdict(description)) == expected


@pytest.mark.parametrize(
    "description",
    [
        None,
        "",
        MEMORIAL_IN_TRIAL,
        "<p>Находится в СИЗО, идёт суд.</p>",
        "Прокурор просит назначить наказание в виде 8 лет колонии строгого режима.",
        "Прокурор просил приговорить его к 8 годам колонии.",
        "<p>В 2022 году получил повестку в военкомат.</p>",
        "Дело прекращено за истечением срока давности.",
    ],
)
def test_extract_verdict_without_verdict_is_none(description):
    assert extract_verdict(description) is None
