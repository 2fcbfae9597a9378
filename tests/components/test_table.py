import pandas as pd
import pytest

from components.table import GRID_TEXT_KEYS, grid_options, sentence_text, table_records
from data.view_query import TableState


def case(**values):
    base = {
        "punishment_type": "imprisonment",
        "regime": "strict",
        "sentence_months": 84.0,
        "prison_months": float("nan"),
        "probation_months": float("nan"),
        "fine_rub": pd.NA,
    }
    base.update(values)
    return pd.Series(base)


@pytest.mark.parametrize(
    ("values", "ru", "en"),
    [
        ({}, "7 лет, строгий режим", "7 years, strict regime"),
        (
            {"sentence_months": 204.0, "prison_months": 48.0},
            "17 лет (из них 4 года в тюрьме), строгий режим",
            "17 years (4 years of it in prison), strict regime",
        ),
        (
            {"punishment_type": "life", "sentence_months": float("nan")},
            "пожизненное лишение свободы",
            "life imprisonment",
        ),
        (
            {"punishment_type": "suspended", "sentence_months": 36.0},
            "3 года условно",
            "3 years suspended",
        ),
        (
            {"punishment_type": "fine", "sentence_months": float("nan"), "fine_rub": 500000},
            "штраф 500\u00a0000 ₽",
            "fine of 500,000 roubles",
        ),
        (
            {"punishment_type": "forced_labour", "sentence_months": 18.0},
            "1 год 6 мес.: принудительные работы",
            "1 year 6 mo. of forced labour",
        ),
        (
            {"punishment_type": "none_yet", "sentence_months": float("nan")},
            "приговора ещё нет",
            "no verdict yet",
        ),
    ],
)
def test_sentence_in_words(values, ru, en):
    assert sentence_text(case(**values), "ru") == ru
    assert sentence_text(case(**values), "en") == en


def _row(url, name="Иванов", source="memorial", person_id="p/1 ?x"):
    return pd.DataFrame(
        [
            {
                "source": source,
                "person_id": person_id,
                "case_id": "c1",
                "name": name,
                "region_code": "UA-43",
                "articles": ("207.3 ч.2",),
                "custody_date": pd.Timestamp("2022-04-10"),
                "punishment_type": "none_yet",
                "regime": None,
                "sentence_months": None,
                "prison_months": None,
                "fine_rub": None,
                "status": "trial",
                "cases": 2,
                "source_url": url,
            }
        ]
    )


def test_record_in_english():
    [record] = table_records(_row("https://example.org/p/1"), "en")
    assert record == {
        "id": "memorial/p%2F1%20%3Fx/c1",  # each part quoted: ids with "/" never collide,
        "name": "Иванов",
        "person": "person/memorial/p%2F1%20%3Fx?lang=en",  # every part of the path encoded
        "region": "Crimea (occupied)",
        "articles": "207.3 Part 2",
        "custody_date": "10 Apr 2022",
        "sentence": "no verdict yet",
        "status": "on trial",
        "cases": 2,
        "source": "https://example.org/p/1",
        "source_label": "The person's card on the source's site (opens in a new tab)",
        "summary": "207.3 Part 2 · no verdict yet · on trial",  # the phone's one column
    }


@pytest.mark.parametrize("url", ["javascript:alert(1)", None, "ftp://x", "data:text/html,x"])
def test_only_http_links_are_made(url):
    [record] = table_records(_row(url), "ru")
    assert record["source"] == ""


def test_a_hostile_name_stays_text():
    """The grid renders cells as text (assets/dashAgGridComponentFunctions.js makes the links
    with React, which escapes): the record carries the name as it is, never as markup."""
    name = "<img src=x onerror=alert(1)>[x](javascript:alert(1))"
    [record] = table_records(_row("https://e.org", name=name), "ru")
    assert record["name"] == name
    assert record["person"].startswith("person/memorial/")


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_grids_own_words_are_given_in_both_languages(lang):
    texts = grid_options(lang, TableState())["localeText"]
    assert set(texts) == set(GRID_TEXT_KEYS)
    assert all(texts.values())
    other = grid_options("en" if lang == "ru" else "ru", TableState())["localeText"]
    assert texts["nextPage"] != other["nextPage"]
    assert texts["page"] == {"ru": "Страница", "en": "Page"}[lang]
