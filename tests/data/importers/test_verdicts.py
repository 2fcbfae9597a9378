"""The verdict parser against every wording in tests/fixtures/sentences.tsv, the extraction of the
verdict from Memorial-style HTML descriptions, and the sentence in force after a higher court."""

from pathlib import Path

import pytest

from data.importers.verdicts import (
    SentenceReading,
    Verdict,
    _words_to_digits,
    extract_verdict,
    parse_verdict,
    read_sentence,
)

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


# --- compound fine amounts ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("трехсот пятидесяти тысяч", "350 тысяч"),
        ("трёхсот пятидесяти тысяч", "350 тысяч"),
        ("двух миллионов трехсот пятидесяти тысяч", "2 миллионов 350 тысяч"),
    ],
)
def test_number_words_of_a_compound_amount(text, digits):
    assert _words_to_digits(text.replace("ё", "е")) == digits


@pytest.mark.parametrize(
    ("text", "fine"),
    [
        ("2 млн 350 тыс. рублей штрафа", 2350000),
        ("штраф, размер которого составил 1 миллион 200 тысяч рублей", 1200000),
        ("к штрафу в размере 3 миллионов 50 тысяч 500 рублей", 3050500),
        ("штраф 1,5 млн рублей", 1500000),
        ("к 4 годам колонии общего режима и штрафу 2 млн рублей 3 года спустя", 2000000),
    ],
)
def test_compound_fine(text, fine):
    verdict = parse_verdict(text)
    assert verdict is not None
    assert verdict.fine_rub == fine


def test_compound_fine_does_not_join_a_bigger_tail():
    """ "1 млн 2000 тысяч" is no sum of parts (the tail is bigger than a million): only the part
    before the tail is read, as before."""
    verdict = parse_verdict("штраф 1 млн 2000 тысяч рублей")
    assert verdict is not None
    assert verdict.fine_rub == 1000000


# --- the sentence in force after appeal and cassation -------------------------------------------

CARD_710001 = (
    "Суд приговорил его к 14 годам колонии строгого режима. 10 октября 2023 года суд "
    "апелляционной инстанции снизил срок до 13 лет 9 месяцев лишения свободы."
)
CARD_APPEALED_ONLY = (
    "Южный окружной военный суд приговорил его к 17 годам лишения свободы с отбыванием первых 4 "
    "лет в тюрьме, остальных — в колонии строгого режима. Приговор обжалован."
)


def test_card_710001_appeal_reduced_the_term():
    reading = read_sentence(CARD_710001)
    assert reading is not None
    assert reading.first.sentence_months == 168
    assert reading.in_force is not None
    assert reading.in_force.sentence_months == 165
    assert reading.in_force.regime == "strict"
    assert reading.in_force.punishment_type == "imprisonment"
    # extract_verdict ends a sentence only before a capital letter, so its wording runs on into
    # "10 октября ... снизил срок"; the change is still read (it follows a higher court's name).
    assert reading.wording == extract_verdict(CARD_710001)
    assert reading.changes == ("снизил срок до 13 лет 9 месяцев лишения свободы",)
    assert reading.changed
    assert not reading.quashed


def test_card_appealed_only_keeps_the_first_verdict():
    reading = read_sentence(CARD_APPEALED_ONLY)
    assert reading is not None
    assert reading.first == Verdict("imprisonment", "strict", 204.0, 48.0, None, None)
    assert reading.in_force == reading.first
    assert reading.changes == ()
    assert not reading.changed


STRICT_7 = "Суд приговорил её к 7 годам колонии строгого режима. "
GENERAL_7 = "Суд приговорил её к 7 годам колонии общего режима. "


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        (
            GENERAL_7 + "Апелляционный суд смягчил наказание до 6 лет 9 месяцев колонии общего "
            "режима.",
            Verdict("imprisonment", "general", 81.0, None, None, None),
        ),
        (
            STRICT_7 + "Апелляционный суд ужесточил наказание до 10 лет.",
            Verdict("imprisonment", "strict", 120.0, None, None, None),
        ),
        (
            GENERAL_7 + "Апелляционный суд увеличил срок до 8 лет строгого режима.",
            Verdict("imprisonment", "strict", 96.0, None, None, None),
        ),
        (
            STRICT_7 + "Апелляционный суд сократил срок до 5 лет.",
            Verdict("imprisonment", "strict", 60.0, None, None, None),
        ),
        (
            STRICT_7 + "Кассационный суд снизил срок до 4 лет.",
            Verdict("imprisonment", "strict", 48.0, None, None, None),
        ),
        (
            STRICT_7 + "Верховный суд смягчил приговор до 5 лет 6 месяцев.",
            Verdict("imprisonment", "strict", 66.0, None, None, None),
        ),
        (
            STRICT_7 + "Апелляционный суд снизил срок до шести лет.",
            Verdict("imprisonment", "strict", 72.0, None, None, None),
        ),
        (
            STRICT_7 + "Срок был снижен до 6 лет.",
            Verdict("imprisonment", "strict", 72.0, None, None, None),
        ),
        (
            STRICT_7 + "Апелляционный суд изменил приговор, снизив срок до 6 лет.",
            Verdict("imprisonment", "strict", 72.0, None, None, None),
        ),
        (
            STRICT_7 + "Апелляционный суд снизил срок на 3 месяца.",
            Verdict("imprisonment", "strict", 81.0, None, None, None),
        ),
        (
            STRICT_7 + "Апелляционный суд сократил срок на полгода.",
            Verdict("imprisonment", "strict", 78.0, None, None, None),
        ),
        (
            STRICT_7 + "Апелляционный суд ужесточил наказание на один год.",
            Verdict("imprisonment", "strict", 96.0, None, None, None),
        ),
        (
            STRICT_7 + "Апелляционный суд снизил срок на 3 месяца, до 6 лет 9 месяцев.",
            Verdict("imprisonment", "strict", 81.0, None, None, None),
        ),
        (
            STRICT_7 + "Апелляционный суд увеличил срок на 2 года — до 9 лет.",
            Verdict("imprisonment", "strict", 108.0, None, None, None),
        ),
        (
            STRICT_7 + "Тем не менее суд снизил срок до 6 лет.",
            Verdict("imprisonment", "strict", 72.0, None, None, None),
        ),
        (
            STRICT_7 + "Апелляционный суд смягчил наказание, заменив лишение свободы на 2 года "
            "принудительных работ.",
            Verdict("forced_labour", None, 24.0, None, None, None),
        ),
        (
            STRICT_7 + "Апелляционный суд снизил срок до 2 лет, заменив лишение свободы "
            "принудительными работами.",
            Verdict("forced_labour", None, 24.0, None, None, None),
        ),
        (
            "Суд приговорил его к 3 годам условно с испытательным сроком 2 года. Апелляционный "
            "суд заменил условный срок на реальный — 3 года колонии общего режима.",
            Verdict("imprisonment", "general", 36.0, None, None, None),
        ),
        (
            STRICT_7 + "Апелляционный суд снизил срок до 6 лет, зачтя время под домашним арестом.",
            Verdict("imprisonment", "strict", 72.0, None, None, None),
        ),
        (
            STRICT_7 + "Апелляционный суд снизил срок до 5 лет условно с испытательным сроком 3 "
            "года.",
            Verdict("suspended", None, 60.0, None, 36.0, None),
        ),
        (
            "Суд приговорил его к 3 годам колонии общего режима. Апелляционный суд заменил "
            "лишение свободы на 2 года принудительных работ.",
            Verdict("forced_labour", None, 24.0, None, None, None),
        ),
        (
            "Суд приговорил его к 3 годам колонии общего режима. Апелляционный суд заменил "
            "наказание принудительными работами на срок 2 года.",
            Verdict("forced_labour", None, 24.0, None, None, None),
        ),
        (
            "Суд приговорил его к 3 годам колонии общего режима и штрафу 100 тысяч рублей. "
            "Апелляционный суд снизил срок до 2 лет 6 месяцев.",
            Verdict("imprisonment", "general", 30.0, None, None, 100000),
        ),
        (
            "Суд приговорил его к 10 годам лишения свободы, из них 3 года — в тюрьме, остальные — "
            "в колонии строгого режима. Апелляционный суд снизил срок до 9 лет.",
            Verdict("imprisonment", "strict", 108.0, 36.0, None, None),
        ),
        (
            "Суд приговорил его к 10 годам лишения свободы, из них 5 лет — в тюрьме, остальные — "
            "в колонии строгого режима. Апелляционный суд снизил срок до 4 лет.",
            Verdict("imprisonment", "strict", 48.0, None, None, None),
        ),
        (
            "Суд приговорил его к 5 годам лишения свободы в тюрьме. Апелляционный суд снизил "
            "срок до 4 лет.",
            Verdict("imprisonment", "prison", 48.0, 48.0, None, None),
        ),
        (
            "Суд приговорил его к 10 годам колонии строгого режима. Апелляция снизила срок до 9 "
            "лет; кассация снизила срок до 8 лет 6 месяцев.",
            Verdict("imprisonment", "strict", 102.0, None, None, None),
        ),
        (
            "Суд приговорил его к 7 годам колонии строгого режима, однако апелляционный суд "
            "снизил срок до 6 лет.",
            Verdict("imprisonment", "strict", 72.0, None, None, None),
        ),
        (
            "Мещанский суд приговорил Иванова Ивана Ивановича к 6,5 годам колонии общего режима. "
            "В апреле 2024 года апелляционный суд снизил срок до 6 лет.",
            Verdict("imprisonment", "general", 72.0, None, None, None),
        ),
        (
            "<p>Суд приговорил его к 7 годам колонии строгого режима.</p><p>По представлению "
            "прокурора апелляционный суд ужесточил наказание до 9 лет.</p>",
            Verdict("imprisonment", "strict", 108.0, None, None, None),
        ),
    ],
)
def test_read_sentence_change(description, expected):
    reading = read_sentence(description)
    assert reading is not None
    assert reading.in_force == expected
    assert reading.changed
    assert len(reading.changes) >= 1
    assert reading.wording == extract_verdict(description)
    assert reading.first == parse_verdict(reading.wording)


@pytest.mark.parametrize(
    "description",
    [
        STRICT_7 + "Апелляционный суд оставил приговор без изменения.",
        STRICT_7 + "Апелляционный суд оставил приговор без изменений.",
        STRICT_7 + "Приговор оставлен без изменений до 2025 года.",
        STRICT_7 + "Приговор обжалован.",
        STRICT_7 + "Приговор не вступил в силу.",
        STRICT_7 + "Апелляционный суд не снизил срок до 6 лет.",  # a negation
        STRICT_7 + "Адвокат просил снизить срок до 5 лет.",  # a request, not a decision
        STRICT_7 + "Прокурор просил, чтобы срок был увеличен до 9 лет.",
        STRICT_7 + "Защита надеется, что суд снизит срок до 5 лет.",
        STRICT_7 + "Апелляционный суд снизил срок до конца года.",  # no term: not applied
        STRICT_7 + "Апелляционный суд изменил приговор на основании новых данных.",
        STRICT_7 + "Апелляционный суд изменил срок на 3 месяца.",  # up or down is not said
        STRICT_7 + "Апелляционный суд снизил срок до 8 лет.",  # "снизил" to a longer term
        STRICT_7 + "Апелляционный суд ужесточил наказание до 5 лет.",  # a harsher, shorter term
        STRICT_7 + "Апелляционный суд снизил штраф до 100 тысяч рублей.",
        STRICT_7 + "Апелляционный суд сократил срок дополнительного наказания до 1 года.",
        STRICT_7 + "Апелляционный суд заменил лишение свободы принудительными работами.",
        STRICT_7 + "Апелляционный суд снизил срок до 6 лет, исключив штраф в 100 тысяч рублей.",
        STRICT_7 + "Апелляционный суд снизил срок ограничения свободы до 1 года.",
        STRICT_7 + "Апелляционный суд снизил срок на 8 лет.",  # nothing would be left
        STRICT_7 + "Кассационный суд отменил решение апелляции.",  # not the verdict itself
        "Суд приговорил его к пожизненному лишению свободы. Верховный суд смягчил наказание до "
        "25 лет.",  # which punishment the 25 years are is not said
        "Суд приговорил его к штрафу 500 тысяч рублей. Апелляционный суд снизил наказание до 300 "
        "тысяч рублей.",
        "Суд приговорил его к 3 годам условно с испытательным сроком 2 года. Апелляционный суд "
        "сократил испытательный срок до 1 года.",
        STRICT_7 + "В 2024 году он был осуждён по другому делу на 3 года.",
        # a change before the verdict, and a prosecutor's request before it, do not count
        "Апелляционный суд снизил срок до 10 лет по первому делу. " + STRICT_7,
        "Прокурор просил 15 лет. " + STRICT_7 + "Приговор обжалован.",
        # the first-instance court's own replacement is part of the first verdict
        "Суд приговорил его к 2 годам лишения свободы, заменив их на 2 года принудительных работ.",
        CARD_APPEALED_ONLY,
    ],
)
def test_read_sentence_without_change(description):
    reading = read_sentence(description)
    assert reading is not None
    assert reading.in_force == reading.first
    assert reading.changes == ()
    assert not reading.changed
    assert not reading.quashed


@pytest.mark.parametrize(
    "description",
    [
        STRICT_7 + "Апелляционный суд отменил приговор и вернул дело на новое рассмотрение.",
        STRICT_7 + "Кассационный суд отменил приговор и оправдал его.",
        STRICT_7 + "Апелляционный суд снизил срок до 6 лет. Позже приговор был отменён.",
    ],
)
def test_read_sentence_quashed(description):
    reading = read_sentence(description)
    assert reading is not None
    assert reading.first == Verdict("imprisonment", "strict", 84.0, None, None, None)
    assert reading.in_force is None
    assert reading.quashed
    assert reading.changed


@pytest.mark.parametrize(
    "description",
    [
        STRICT_7 + "Апелляционный суд отменил приговор в части взыскания.",
        STRICT_7 + "Апелляционный суд частично отменил приговор.",
        STRICT_7 + "Кассационный суд отменил приговор апелляционной инстанции.",
        STRICT_7 + "Адвокат просил отменить приговор.",
        STRICT_7 + "Апелляционный суд не отменил приговор.",
    ],
)
def test_read_sentence_not_quashed(description):
    reading = read_sentence(description)
    assert reading is not None
    assert reading.in_force == reading.first
    assert not reading.quashed


def test_read_sentence_retrial_after_quash():
    reading = read_sentence(
        STRICT_7 + "Апелляционный суд отменил приговор и вернул дело на новое рассмотрение. При "
        "новом рассмотрении суд приговорил её к 6 годам колонии общего режима."
    )
    assert reading is not None
    assert reading.in_force == Verdict("imprisonment", "general", 72.0, None, None, None)
    assert not reading.quashed
    assert reading.changes == (
        "отменил приговор и вернул дело на новое рассмотрение",
        "к 6 годам колонии общего режима",
    )


def test_read_sentence_quash_names_the_first_verdict_only():
    """ "отменил приговор, которым он был приговорён к 7 годам" restates the quashed verdict: it is
    no new one."""
    reading = read_sentence(
        STRICT_7 + "Апелляционный суд отменил приговор, которым она была приговорена к 7 годам."
    )
    assert reading is not None
    assert reading.in_force is None
    assert reading.quashed


@pytest.mark.parametrize(
    "description",
    [None, "", MEMORIAL_IN_TRIAL, "Прокурор просил приговорить его к 8 годам колонии."],
)
def test_read_sentence_without_verdict_is_none(description):
    assert read_sentence(description) is None


def test_sentence_reading_is_frozen():
    reading = read_sentence(CARD_710001)
    assert isinstance(reading, SentenceReading)
    with pytest.raises(AttributeError):
        reading.quashed = True  # type: ignore[misc]


def test_a_date_after_a_full_stop_starts_a_new_sentence():
    """The first-instance wording stops before "10 октября 2023 года суд апелляционной
    инстанции…", so the appeal is not read twice (once inside the first wording)."""
    text = (
        "Суд приговорил его к 14 годам колонии строгого режима. 10 октября 2023 года суд "
        "апелляционной инстанции снизил срок до 13 лет 9 месяцев лишения свободы."
    )
    assert extract_verdict(text) == "к 14 годам колонии строгого режима"
    assert extract_verdict("Суд приговорил его к 6,5 годам колонии. 12.03.2024 прокурор") == (
        "к 6,5 годам колонии"
    )
