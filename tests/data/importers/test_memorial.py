"""Memorial's figurant cards: the sample read field by field, out of tags and Russian text."""

import json

import pandas as pd

from data.importers import detect_format, load_file
from data.importers.read import read_raw
from tests.conftest import FIXTURES

SAMPLE = FIXTURES / "memorial_cards_sample.geojson"


def test_detected_as_memorial():
    assert detect_format(read_raw(SAMPLE), SAMPLE.name) == "memorial"


def test_sample_field_by_field():
    dataset, report = load_file(SAMPLE)
    cases = dataset.cases.set_index("person_id")
    assert report.format == "memorial" and report.rows_loaded == 4

    first = cases.loc["700001"]
    assert first["source"] == "memorial" and first["name"] == "Демов Эскендер Примерович"
    assert first["gender"] == "male" and first["birth_year"] == 1980
    assert first["region_code"] == "UA-43"
    assert first["articles"] == ("205.5 ч.2", "278")
    assert first["case_group"] == ("Религиозные преследования", "Хизб ут-Тахрир")
    assert first["theme"] == "freedom of religion"
    assert first["custody_date"] == pd.Timestamp("2017-10-11")
    assert (
        first["punishment_type"],
        first["regime"],
        first["sentence_months"],
        first["prison_months"],
    ) == ("imprisonment", "strict", 228, 60)
    assert first["status"] == "serving" and bool(first["in_custody"])
    assert bool(first["recognized_political_prisoner"])
    assert first["facility"] == "344000, г. Ростов-на-Дону, ФКУ СИЗО-0 (вымышленное)"
    assert first["source_url"] == "https://example.org/figurant/demo-700001/"
    assert first["verdict_text"].startswith("к 19 годам лишения свободы")

    second = cases.loc["700002"]
    assert second["gender"] == "female" and second["birth_year"] == 1995
    assert second["region_code"] == "RU-BA" and second["case_group"] == ("Антивоенное дело",)
    assert second["custody_date"] == pd.Timestamp("2024-03-05")
    assert second["status"] == "trial" and second["punishment_type"] == "none_yet"
    assert bool(second["in_custody"])  # "Находится в СИЗО"

    third = cases.loc["700003"]
    assert third["birth_year"] == 1970 and third["region_code"] == "RU-MOW"
    assert pd.isna(third["custody_date"])
    assert (
        third["punishment_type"],
        third["regime"],
        third["sentence_months"],
        third["fine_rub"],
    ) == ("imprisonment", "general", 75, 300000)
    assert pd.isna(third["recognized_political_prisoner"])

    fourth = cases.loc["700004"]
    assert fourth["region_code"] == "RU-KHM" and pd.isna(fourth["birth_year"])
    assert fourth["custody_date"] == pd.Timestamp("2022-12-31")
    assert (fourth["punishment_type"], fourth["regime"], fourth["sentence_months"]) == (
        "imprisonment",
        "strict",
        150,
    )

    assert (
        "cards placed at Memorial's “location unknown” point (the centre of Russia): 1; where "
        "these people are held is not known from the point"
    ) in report.notes
    assert report.issues == ()


def card(**values):
    base = {
        "ID": "1",
        "name": "Иванов Иван Иванович",
        "clauses": ["207.3 ч.2"],
        "tags": ["Москва"],
        "date": "",
        "main": "",
        "sourceUrl": "",
    }
    base.update(values)
    return base


def load_cards(tmp_path, cards, name="cards.json"):
    path = tmp_path / name
    path.write_text(json.dumps(cards, ensure_ascii=False), encoding="utf-8")
    return load_file(path)


def test_unknown_tags_and_unreadable_verdicts_are_reported(tmp_path):
    dataset, report = load_cards(
        tmp_path,
        [
            card(
                tags=["Москва", "загадочная метка"],
                main="<p>Суд приговорил его к чему-то странному.</p>",
            )
        ],
    )
    codes = {(i.column, i.code) for i in report.issues}
    assert ("tags", "tag_not_understood") in codes
    assert pd.isna(dataset.cases["punishment_type"].iloc[0])


def test_csv_cards_with_lists_as_strings_and_arrest_in_the_text(tmp_path):
    path = tmp_path / "cards.csv"
    frame = pd.DataFrame(
        [
            card(
                clauses="205.5 ч.2; 278",
                tags="Татарстан, идёт суд, Хизб ут-Тахрир",
                main="<p>Родился в 1990 году. Задержан 5 марта 2024 года.</p>",
            )
        ]
    )
    frame.to_csv(path, index=False)
    dataset, report = load_file(path)
    assert report.format == "memorial" and report.issues == ()
    [row] = dataset.cases.to_dict("records")
    assert row["articles"] == ("205.5 ч.2", "278") and row["region_code"] == "RU-TA"
    assert row["status"] == "trial" and row["case_group"] == ("Хизб ут-Тахрир",)
    assert row["birth_year"] == 1990
    assert row["custody_date"] == pd.Timestamp("2024-03-05")


def test_house_arrest_is_not_custody(tmp_path):
    dataset, _ = load_cards(tmp_path, [card(tags=["Москва", "под домашним арестом"])])
    row = dataset.cases.iloc[0]
    assert row["restraint"] == "house_arrest" and not bool(row["in_custody"])
    # a measure before a verdict, but which stage (investigation or trial) no tag says
    assert pd.isna(row["status"]) and row["punishment_type"] != "imprisonment"


def custody_of(tmp_path, **values):
    dataset, _ = load_cards(tmp_path, [card(**values)])
    row = dataset.cases.iloc[0]
    return row["status"], row["in_custody"], row["restraint"]


def test_a_past_sizo_or_colony_in_the_text_is_not_custody_now(tmp_path):
    """Defect: a card whose text mentioned a past SIZO or colony was marked in custody."""
    text = (
        "<p>Был задержан и два месяца провёл в СИЗО. В колонии не был. Освобождён из СИЗО "
        "под подписку о невыезде.</p>"
    )
    assert custody_of(tmp_path, main=text)[1] is pd.NA
    released = custody_of(
        tmp_path,
        tags=["Москва", "освобождены"],
        main="<p>Суд приговорил его к 3 годам колонии общего режима. Находится в колонии.</p>",
    )
    assert released == ("released", False, "none")


def test_custody_comes_from_the_tags_first_then_the_present_tense(tmp_path):
    assert custody_of(tmp_path, tags=["Москва", "в заключении", "идёт суд"]) == (
        "trial",
        True,
        "custody",
    )
    assert custody_of(tmp_path, main="<p>Находится в СИЗО.</p>")[1:] == (True, "custody")
    served = custody_of(
        tmp_path,
        tags=["Москва", "реальный срок"],
        main="<p>Суд приговорил его к 4 годам колонии общего режима.</p>",
    )
    assert served == ("serving", True, "custody")
    suspended = custody_of(
        tmp_path, main="<p>Суд приговорил его к 2 годам условно с испытательным сроком 1 год.</p>"
    )
    assert suspended == ("serving", False, "none")


def test_a_quashed_verdict_is_back_before_the_court(tmp_path):
    dataset, _ = load_cards(
        tmp_path,
        [
            card(
                tags=["Москва", "в заключении"],
                main="<p>Суд приговорил его к 6 годам колонии общего режима. Апелляционный суд "
                "отменил приговор и вернул дело на новое рассмотрение.</p>",
            )
        ],
    )
    row = dataset.cases.iloc[0]
    assert (row["status"], row["punishment_type"]) == ("trial", "none_yet")
    assert pd.isna(row["sentence_months"]) and bool(row["in_custody"])


def test_articles_glued_to_their_tooltips(tmp_path):
    glued = [
        "278«Совершение преступной организацией действий, направленных на насильственный захват "
        "власти»; до 20 лет лишения свободы",
        "205.5 ч.2«Участие в деятельности террористической организации»; до 20 лет",
    ]
    dataset, report = load_cards(tmp_path, [card(clauses=glued)])
    assert dataset.cases.iloc[0]["articles"] == ("278", "205.5 ч.2")
    assert [i for i in report.issues if i.column == "articles"] == []
    for joint in ("; ", ", ", "\n"):
        as_text, report = load_cards(tmp_path, [card(clauses=joint.join(glued))], name="t.json")
        assert as_text.cases.iloc[0]["articles"] == ("278", "205.5 ч.2")
        assert [i for i in report.issues if i.column == "articles"] == []


def test_rows_read_count_cards_not_repairs(tmp_path):
    """Defect: a file of 899 cards reported 1783 rows read (each repaired value counted as a
    further row read)."""
    cards = [
        card(ID=str(n), tags=["Москва", "загадочная метка"], main="<p>Приговорил к чему-то.</p>")
        for n in range(5)
    ]
    _, report = load_cards(tmp_path, [*cards, card(ID="")])
    assert report.rows_repaired == 5 and report.rows_rejected == 1
    assert report.rows_read == 6 == report.rows_loaded + report.rows_rejected


def test_a_quashed_verdict_without_a_custody_tag_leaves_custody_unknown(tmp_path):
    """Review finding: a quashed verdict with no "в заключении" tag came out as "not held"."""
    text = (
        "<p>Суд приговорил его к 6 годам колонии общего режима. Апелляционный суд отменил "
        "приговор и вернул дело на новое рассмотрение.</p>"
    )
    status, held, restraint = custody_of(tmp_path, main=text)
    assert status == "trial" and pd.isna(held) and pd.isna(restraint)


def test_freed_in_the_past_tense_or_acquitted(tmp_path):
    served = (
        "<p>Суд приговорил его к 2 годам колонии общего режима. Впоследствии он был освобождён "
        "по отбытии срока.</p>"
    )
    assert custody_of(tmp_path, main=served) == ("released", False, "none")
    acquitted = "<p>Суд приговорил его к 6 годам колонии. Апелляционный суд оправдал его.</p>"
    dataset, _ = load_cards(tmp_path, [card(main=acquitted)])
    row = dataset.cases.iloc[0]
    assert (row["status"], row["in_custody"]) == ("released", False)
    assert pd.isna(row["sentence_months"]) and pd.isna(row["punishment_type"])
    # "отказали в освобождении" and "оправдание терроризма" are not releases
    refused = "<p>Находится в колонии. Суд отказал в освобождении из колонии.</p>"
    assert custody_of(tmp_path, main=refused)[1:] == (True, "custody")
    article = "<p>Суд приговорил его к 5 годам колонии за оправдание терроризма.</p>"
    assert custody_of(tmp_path, main=article) == ("serving", True, "custody")
    # a tag outranks the text
    held = custody_of(tmp_path, tags=["Москва", "в заключении"], main=served)
    assert held[1:] == (True, "custody")


def test_contradictory_tags_are_reported(tmp_path):
    dataset, report = load_cards(
        tmp_path,
        [
            card(ID="1", tags=["Москва", "освобождены", "в заключении"]),
            card(ID="2", tags=["Москва", "в СИЗО", "под домашним арестом"]),
        ],
    )
    cases = dataset.cases.set_index("person_id")
    assert (cases.loc["1", "status"], cases.loc["1", "in_custody"]) == ("released", False)
    assert cases.loc["2", "restraint"] == "house_arrest"
    found = [(i.row, i.code, i.value) for i in report.issues if i.code == "tags_contradict"]
    assert found == [
        (1, "tags_contradict", "released and still prosecuted or held; released kept"),
        (2, "tags_contradict", "held and under house arrest; house arrest kept"),
    ]
