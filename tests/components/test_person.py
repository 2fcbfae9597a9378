"""A person's page and card in words: the samples field by field, in both languages."""

import json
from dataclasses import replace

import plotly.utils
import pytest

from components.embed_page import EmbedAssets, person_embed_html
from components.layout import page
from components.person import person_key, person_page, person_view, person_views
from data.filters import FilterState
from data.importers import load_file
from data.person import person_record
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def memorial():
    return load_file(FIXTURES / "memorial_cards_2025_shape.geojson")[0]


@pytest.fixture(scope="module")
def ovdinfo():
    return load_file(FIXTURES / "ovdinfo_flat_sample.json")[0]


def facts(items) -> dict[str, str]:
    return {f.label: f.value for f in items}


def test_a_memorial_card_in_russian(memorial):
    source = memorial.cases["source"].iloc[0]
    view = person_view(person_record(memorial, source, "710001"), memorial, "ru")
    assert view.summary == "признан(а) политзаключённым(ой) · отбывает наказание"
    assert facts(view.facts) == {
        "Год рождения": "1963",
        "Регион преследования": "Москва",
        "Регион заключения": "Владимирская область",
        "Статус": "отбывает наказание",
        "Сейчас в заключении": "да",
    }
    [case] = view.cases
    case_facts = facts(case.facts)
    assert case_facts["Статьи УК"].startswith("205.2 ч.2 — Оправдание терроризма")
    assert case_facts["Задержан(а), под стражей с"] == "24.02.2022"
    assert case_facts["Назначено судом первой инстанции"] == "14 лет, строгий режим"
    assert case_facts["В силе после обжалования"] == "13 лет 9 мес., строгий режим"
    assert view.addresses and view.addresses[0].startswith("600000, г. Владимир")
    assert view.source_url.startswith("https://")


def test_an_ovdinfo_person_with_two_cases_in_english(ovdinfo):
    source = ovdinfo.cases["source"].iloc[0]
    view = person_view(person_record(ovdinfo, source, "900003"), ovdinfo, "en")
    assert [c.title for c in view.cases] == ["Case 1 of 2", "Case 2 of 2"]
    first = facts(view.cases[0].facts)
    assert first["Sentence"] == "life imprisonment"
    assert first["Articles of the Criminal Code"].startswith("205.5 Part 1 — Terrorist")
    assert facts(view.cases[1].facts)["Sentence"] == "no verdict yet"
    assert view.addresses == ()  # OVD-Info gives a facility, not an address to write to


def test_an_address_is_shown_only_while_the_person_is_held(memorial):
    source = memorial.cases["source"].iloc[0]
    record = person_record(memorial, source, "710001")
    released = replace(record, in_custody=False)
    assert person_view(released, memorial, "en").addresses == ()


def test_paths_name_a_person_by_source_and_id():
    assert person_key("/person/memorial/710001") == ("memorial", "710001")
    assert person_key("/person/a%2Fb/x%20y") == ("a/b", "x y")
    assert person_key("/person/memorial") is None and person_key("/status") is None


def test_nobody_gets_a_page_that_says_so(memorial):
    assert person_views(memorial, "/person/memorial/nobody", "en") == ()
    text = json.dumps(person_page((), "en").to_plotly_json(), cls=plotly.utils.PlotlyJSONEncoder)
    assert "No such person in the lists loaded" in text


def test_a_hostile_name_is_text_on_the_page_and_in_the_card(memorial):
    source = memorial.cases["source"].iloc[0]
    record = person_record(memorial, source, "710001")
    hostile = replace(record, name="<script>alert(1)</script><b>x</b>")
    view = person_view(hostile, memorial, "en")
    card = person_embed_html((view,), "en", EmbedAssets("s/", "t/"), "https://x/", "")
    assert "<script>alert" not in card and "&lt;script&gt;alert(1)&lt;/script&gt;" in card
    # On the page it is a string child, which Dash renders as text.
    layout = person_page((view,), "en").to_plotly_json()
    assert json.dumps(layout, cls=plotly.utils.PlotlyJSONEncoder).count("<script>alert(1)") == 1


def test_the_page_layout_holds_the_person(memorial):
    source = memorial.cases["source"].iloc[0]
    content = page(memorial, FilterState(), "ru", f"/person/{source}/710001", root="https://e/")
    text = json.dumps(content, cls=plotly.utils.PlotlyJSONEncoder, ensure_ascii=False)
    assert "Образцов" in text and f"https://e/embed/person/{source}/710001?lang=ru" in text


def test_the_embed_code_escapes_the_name(memorial):
    source = memorial.cases["source"].iloc[0]
    record = replace(person_record(memorial, source, "710001"), name='Иванов" onload="alert(1)')
    view = person_view(record, memorial, "en")
    layout = person_page((view,), "en", "https://e/embed/person/x/1?lang=en").to_plotly_json()
    text = json.dumps(layout, cls=plotly.utils.PlotlyJSONEncoder, ensure_ascii=False)
    assert 'title=\\"Иванов&quot; onload=&quot;alert(1)\\"' in text
    assert "https://e/embed.js" in text
