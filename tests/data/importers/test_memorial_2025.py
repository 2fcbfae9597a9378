"""Memorial's cards as they are really published in 2025: every value of
`memorial_cards_2025_shape.expected.tsv` (copied from ../shared/samples), card by card."""

import csv
import math

import numpy as np
import pandas as pd
import pytest

from data.importers import load_file
from tests.conftest import FIXTURES

SAMPLE = FIXTURES / "memorial_cards_2025_shape.geojson"
EXPECTED = FIXTURES / "memorial_cards_2025_shape.expected.tsv"


def expected_rows() -> list[dict[str, str]]:
    with EXPECTED.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


@pytest.fixture(scope="module")
def loaded():
    return load_file(SAMPLE)


def shown(value: object) -> str:
    """A loaded value as the expected file writes it."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    if isinstance(value, tuple):
        return "|".join(value)
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


@pytest.mark.parametrize("expected", expected_rows(), ids=lambda row: row["ID"])
def test_every_expected_value(loaded, expected):
    dataset, _ = loaded
    card = dataset.cases.set_index("person_id").loc[expected["ID"]]
    got = {column: shown(card[column]) for column in expected if column != "ID"}
    want = {column: value for column, value in expected.items() if column != "ID"}
    assert got == want


def test_the_sample_has_the_expected_columns_and_cards(loaded):
    dataset, report = loaded
    rows = expected_rows()
    assert sorted(dataset.cases["person_id"]) == sorted(r["ID"] for r in rows)
    assert report.rows_read == 6 == report.rows_loaded + report.rows_rejected


def test_no_tag_of_the_2025_vocabulary_is_left_not_understood(loaded):
    """Defect: the status-bearing tags ("в заключении", "реальный срок", "ожидание суда", ...)
    were reported as not understood on every card."""
    _, report = loaded
    assert [i for i in report.issues if i.code == "tag_not_understood"] == []


def test_every_case_group_a_card_carries(loaded):
    dataset, _ = loaded
    groups = dataset.cases.set_index("person_id")["case_group"]
    assert groups["710001"] == ("Дела мусульман", "Антитеррористические статьи")
    assert groups["710003"] == ("Хизб ут-Тахрир", "Религиозные преследования")
    assert groups["710002"] == ("Антивоенное дело",)


def test_the_term_in_force_keeps_the_first_instance_and_both_wordings(loaded):
    dataset, _ = loaded
    card = dataset.cases.set_index("person_id").loc["710001"]
    assert card["sentence_months"] == 165 and card["first_instance_months"] == 168
    # each wording once: the first-instance sentence ends before the date of the appeal
    assert card["verdict_text"] == (
        "к 14 годам колонии строгого режима … снизил срок до 13 лет 9 месяцев лишения свободы"
    )


def test_the_facility_is_the_letter_address(loaded):
    dataset, _ = loaded
    card = dataset.cases.set_index("person_id").loc["710001"]
    assert card["facility"].startswith("600000, г. Владимир")
    assert pd.isna(dataset.cases.set_index("person_id").loc["710003", "facility"])
