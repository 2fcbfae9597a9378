"""OVD-Info's flat export: the sample read field by field, and the variety of real exports."""

import json
from datetime import date

import pandas as pd
import pytest

from data.importers import detect_format, load_file
from data.importers.ovdinfo import custody_start, restraint_from_text
from data.importers.read import read_raw
from tests.conftest import FIXTURES

SAMPLE = FIXTURES / "ovdinfo_flat_sample.json"


def by_case(dataset):
    return dataset.cases.set_index("case_id")


def test_detected_as_ovdinfo():
    assert detect_format(read_raw(SAMPLE), SAMPLE.name) == "ovdinfo"


def test_sample_field_by_field():
    dataset, report = load_file(SAMPLE)
    cases = by_case(dataset)
    assert report.format == "ovdinfo" and report.rows_read == 4 and report.rows_loaded == 4

    first = cases.loc["recDEMO0000000001"]
    assert first["person_id"] == "900001" and first["source"] == "ovdinfo"
    assert first["name"] == "Obraztsov Demo Ivanovich" and first["gender"] == "male"
    assert first["region_code"] == "RU-BA" and first["city"] == "Ufa"
    assert first["articles"] == ("207.3 ч.2", "280.3 ч.1")
    assert first["case_group"] == ("Антивоенное дело",) and first["theme"] == "freedom of speech"
    assert first["persecution_start"] == pd.Timestamp("2022-03-16")
    assert pd.isna(first["custody_date"])  # the sample has no restraint measures: not guessed
    assert first["verdict_date"] == pd.Timestamp("2023-01-20")
    assert (first["punishment_type"], first["regime"], first["sentence_months"]) == (
        "imprisonment",
        "general",
        78,
    )
    assert first["status"] == "serving" and bool(first["in_custody"])
    assert first["facility"] == "Penal colony No. 0 (fictional)"
    assert first["verdict_text"] == "6.5 years in a general regime penal colony"

    fine = cases.loc["recDEMO0000000002"]
    assert fine["gender"] == "female" and fine["region_code"] == "UA-43"
    assert fine["articles"] == ("282.2 ч.2",) and fine["case_group"] == ("Свидетели Иеговы",)
    assert (fine["punishment_type"], fine["fine_rub"]) == ("fine", 400000)
    assert pd.isna(fine["sentence_months"])
    assert fine["status"] == "released" and not bool(fine["in_custody"])

    life = cases.loc["recDEMO0000000003"]
    assert life["punishment_type"] == "life" and pd.isna(life["sentence_months"])
    assert life["articles"] == ("205.5 ч.1", "205 ч.3")
    assert life["case_group"] == ("Хизб ут-Тахрир",)
    assert life["status"] == "serving"

    pending = cases.loc["recDEMO0000000004"]
    assert pending["person_id"] == "900003"  # the same person's second prosecution
    assert pending["punishment_type"] == "none_yet" and pd.isna(pending["verdict_date"])
    assert pending["articles"] == ("321 ч.2",)
    assert dataset.cases["_person"].nunique() == 3
    assert "no restraint measures column: arrest dates left empty" in report.notes


def record(**values):
    base = {"person_id": 1, "persecution_id": "p1", "persecution_region_iso": "RU-MOW"}
    base.update(values)
    return base


def load_records(tmp_path, records, name="export.json"):
    path = tmp_path / name
    path.write_text(
        json.dumps({"total": len(records), "data": records}, ensure_ascii=False), encoding="utf-8"
    )
    return load_file(path)


def test_russian_columns_lists_as_strings_and_restraint_measures(tmp_path):
    dataset, report = load_records(
        tmp_path,
        [
            record(
                name_ru="Иванов Иван Иванович",
                gender="М",
                persecution_region_ru="Башкирия",
                persecution_region_iso="",
                persecution_articles_criminal_code="ст. 275.1 УК РФ, ст. 205.2 ч. 2 УК РФ",
                persecution_city_ru="Уфа; Стерлитамак",
                case_group="Антивоенное дело",
                persecution_case_person_state="В СИЗО",
                restraint_measures="• содержание под стражей: с 01.10.2024 по настоящее время",
                verdict_essence=(
                    "11 лет лишения свободы в колонии строгого режима, "
                    "штраф в размере 500 тысяч рублей"
                ),
                first_verdict_date="2025-06-01",
            )
        ],
    )
    [row] = dataset.cases.to_dict("records")
    assert row["name"] == "Иванов Иван Иванович" and row["gender"] == "male"
    assert row["region_code"] == "RU-BA" and row["city"] == "Уфа, Стерлитамак"
    assert row["articles"] == ("275.1", "205.2 ч.2")
    assert row["custody_date"] == pd.Timestamp(date(2024, 10, 1))
    assert (row["punishment_type"], row["regime"], row["sentence_months"], row["fine_rub"]) == (
        "imprisonment",
        "strict",
        132,
        500000,
    )
    assert row["status"] == "serving"  # in pre-trial detention, but sentenced: serving
    assert report.issues == ()


def test_term_column_wins_and_the_disagreement_is_reported(tmp_path):
    dataset, report = load_records(
        tmp_path,
        [
            record(
                verdict_essence_en="7 years in a general regime penal colony",
                verdict_imprisonment_term=90,
                first_verdict_date="2024-01-01",
            )
        ],
    )
    [row] = dataset.cases.to_dict("records")
    assert (row["punishment_type"], row["sentence_months"], row["regime"]) == (
        "imprisonment",
        90,
        "general",
    )
    assert [(i.column, i.code) for i in report.issues] == [("sentence_months", "verdict_conflict")]


def test_what_cannot_be_read_is_reported_not_guessed(tmp_path):
    dataset, report = load_records(
        tmp_path,
        [
            record(
                verdict_essence_ru="наказание неясно",
                first_verdict_date="2024-01-01",
                persecution_case_person_state_en="somewhere",
                gender_en="robot",
                persecution_region_iso="Atlantis",
                persecution_article_and_part_en=["Part 2 of nothing"],
            )
        ],
    )
    [row] = dataset.cases.to_dict("records")
    assert pd.isna(row["punishment_type"]) and pd.isna(row["status"]) and pd.isna(row["gender"])
    assert row["region_code"] == "unknown" and row["articles"] == ()
    assert {i.code for i in report.issues} == {
        "verdict_not_understood",
        "status_not_understood",
        "gender_not_understood",
        "region_not_understood",
        "article_not_understood",
    }
    assert all(i.file == "export.json" and i.row == 1 for i in report.issues)


def test_csv_export_with_semicolons(tmp_path):
    path = tmp_path / "ovd.csv"
    path.write_text(
        "person_id;persecution_id;name_ru;persecution_region_iso;persecution_article_and_part_ru;"
        "verdict_essence_ru;first_verdict_date\n"
        "5;c5;Петров Пётр;RU-SPE;207.3 ч.2, 280.3 ч.1;штраф 900 000 рублей;12.03.2024\n",
        encoding="cp1251",
    )
    dataset, report = load_file(path)
    [row] = dataset.cases.to_dict("records")
    assert report.format == "ovdinfo" and "encoding cp1251" in report.notes
    assert row["articles"] == ("207.3 ч.2", "280.3 ч.1") and row["fine_rub"] == 900000
    assert row["verdict_date"] == pd.Timestamp("2024-03-12")


@pytest.mark.parametrize(
    ("state", "status"),
    [
        ("At large (served his sentence)", "released"),
        # Waiting for the transfer to a colony: sentenced, so serving.
        ("In the pre-trial detention centre (waiting for the transfer)", "serving"),
        ("Приговорен к наказанию в исправительной колонии", "serving"),
        ("Под домашним арестом", "investigation"),
        ("Эмигрировал", "emigrated"),
        ("Умер в колонии", "died"),
        ("Идёт суд", "trial"),
    ],
)
def test_states_in_words(tmp_path, state, status):
    dataset, _ = load_records(tmp_path, [record(persecution_case_person_state=state)])
    assert dataset.cases["status"].iloc[0] == status


@pytest.mark.parametrize(
    ("text", "restraint"),
    [
        ("содержание под стражей", "custody"),
        ("Домашний арест", "house_arrest"),
        ("запрет определённых действий", "ban_of_actions"),
        ("подписка о невыезде", "recognizance"),
        ("house arrest", "house_arrest"),
        ("pre-trial detention", "custody"),
        ("• домашний арест: с 01.03.2024 • содержание под стражей: с 01.10.2024", "custody"),
        ("• содержание под стражей: с 01.10.2023 • домашний арест: с 01.03.2024", "house_arrest"),
        ("нет", "none"),
        ("", ""),
        ("что-то ещё", ""),
    ],
)
def test_restraint_in_words(text, restraint):
    assert restraint_from_text(text) == restraint


def test_the_measure_in_force_is_the_latest_and_house_arrest_is_no_arrest_date():
    measures = "• содержание под стражей: с 01.10.2024 • домашний арест: с 01.03.2024"
    assert restraint_from_text(measures) == "custody"  # the latest, not the last listed
    assert custody_start(measures) == "2024-10-01"
    assert custody_start("• домашний арест: с 01.03.2024") == ""
    detained = "• задержан 05.02.2023 • содержание под стражей: с 07.02.2023"
    assert custody_start(detained) == "2023-02-05"


def test_a_past_measure_is_not_custody_after_a_sentence_served_at_liberty(tmp_path):
    """Review finding: a suspended term or a fine whose history lists custody was counted as
    held now."""
    rows = [
        {
            "person_id": n,
            "persecution_id": f"r{n}",
            "persecution_region_iso": "RU-MOW",
            "verdict_essence_ru": essence,
            "restraint_measures": "• содержание под стражей: с 01.10.2023",
        }
        for n, essence in (
            (1, "3 года условно с испытательным сроком 2 года"),
            (2, "штраф 500 тысяч рублей"),
            (3, "5 лет колонии общего режима"),
            (4, ""),
        )
    ]
    path = tmp_path / "ovd.json"
    path.write_text(json.dumps({"total": 4, "data": rows}, ensure_ascii=False), encoding="utf-8")
    dataset, _ = load_file(path)
    cases = dataset.cases.set_index("case_id")
    assert cases.loc["r1", "restraint"] == "none" and not cases.loc["r1", "in_custody"]
    assert cases.loc["r2", "restraint"] == "none" and not cases.loc["r2", "in_custody"]
    assert cases.loc["r3", "in_custody"] and cases.loc["r4", "in_custody"]
    assert cases.loc["r4", "custody_date"] == pd.Timestamp("2023-10-01")
