"""The data of the page for each person: the samples read person by person, plain values only."""

from dataclasses import fields
from datetime import date

import pytest

from data.importers import load_file
from data.person import (
    CaseRecord,
    PersonRecord,
    letter_addresses,
    person_index,
    person_record,
    records_of,
)
from tests.conftest import FIXTURES

MEMORIAL = FIXTURES / "memorial_cards_2025_shape.geojson"
OVDINFO = FIXTURES / "ovdinfo_flat_sample.json"
PLAIN = (str, int, float, bool, date, type(None))


@pytest.fixture(scope="module")
def memorial():
    return load_file(MEMORIAL)[0]


@pytest.fixture(scope="module")
def ovdinfo():
    return load_file(OVDINFO)[0]


def every_record(dataset):
    keys = dataset.cases[["source", "person_id"]].drop_duplicates().itertuples(index=False)
    return [person_record(dataset, source, person_id) for source, person_id in keys]


def assert_plain(value, where):
    """Only builtin types (and dates): never numpy, pandas, NaN or empty text."""
    if isinstance(value, (PersonRecord, CaseRecord)):
        for f in fields(value):
            assert_plain(getattr(value, f.name), f"{where}.{f.name}")
        return
    if isinstance(value, tuple):
        for i, item in enumerate(value):
            assert item is not None and item != "", f"{where}[{i}] empty"
            assert_plain(item, f"{where}[{i}]")
        return
    assert type(value) in PLAIN, f"{where}: {type(value)!r}"
    if isinstance(value, float):
        assert value == value, f"{where} is NaN"
    if isinstance(value, str):
        assert value.strip(), f"{where} is empty text"


# --- Memorial -------------------------------------------------------------------------------


def test_memorial_term_changed_on_appeal_and_letter_address(memorial):
    person = person_record(memorial, "memorial", "710001")
    assert person is not None
    assert (person.source, person.person_id) == ("memorial", "710001")
    assert person.name == "Образцов Бахтияр Примерович"
    assert (person.gender, person.birth_year) == ("male", 1963)
    assert person.region_codes == ("RU-MOW",)
    assert person.imprisonment_region_codes == ("RU-VLA",)
    assert (person.status, person.in_custody) == ("serving", True)
    assert person.recognized_political_prisoner is True
    assert person.source_url == "https://example.org/figurant/demo-710001/"
    assert len(person.addresses) == 1
    assert person.addresses[0].startswith("600000, г. Владимир, ул. Примерная, д. 0, ФКУ Т-0")

    (case,) = person.cases
    assert case.case_id == "710001-1"
    assert case.articles == ("205.2 ч.2", "205.5 ч.1")
    assert case.case_group == ("Дела мусульман", "Антитеррористические статьи")
    assert case.theme is None
    assert (case.persecution_start, case.custody_date, case.verdict_date) == (
        None,
        date(2022, 2, 24),
        None,
    )
    assert (case.punishment_type, case.regime) == ("imprisonment", "strict")
    assert case.sentence_months == 165.0  # 13 years 9 months, in force after the appeal
    assert case.first_instance_months == 168.0  # 14 years, as pronounced
    assert case.prison_months is None and case.probation_months is None
    assert case.fine_rub is None
    assert (case.restraint, case.status, case.in_custody) == ("custody", "serving", True)
    assert (case.region_code, case.imprisonment_region_code) == ("RU-MOW", "RU-VLA")
    assert case.facility == person.addresses[0]
    assert case.verdict_text == (
        "к 14 годам колонии строгого режима … снизил срок до 13 лет 9 месяцев лишения свободы"
    )
    assert case.source_url == person.source_url
    assert case.city is None


def test_memorial_house_arrest_without_address(memorial):
    person = person_record(memorial, "memorial", "710003")
    assert person is not None
    assert person.name == "Шаблонов Рустем Демович"
    assert (person.gender, person.birth_year) == ("male", 1957)
    assert person.region_codes == ("UA-43",)
    assert person.imprisonment_region_codes == ()
    assert (person.status, person.in_custody) == ("trial", False)
    assert person.recognized_political_prisoner is None
    assert person.addresses == ()

    (case,) = person.cases
    assert case.articles == ("205.5 ч.2", "30 ч.1 - 278")
    assert case.case_group == ("Хизб ут-Тахрир", "Религиозные преследования")
    assert case.theme == "freedom of religion"
    assert (case.persecution_start, case.custody_date, case.verdict_date) == (None, None, None)
    assert (case.punishment_type, case.restraint) == ("none_yet", "house_arrest")
    assert case.regime is None
    assert case.sentence_months is None and case.first_instance_months is None
    assert case.facility is None and case.verdict_text is None


def test_memorial_term_not_changed_has_no_first_instance(memorial):
    person = person_record(memorial, "memorial", "710006")
    assert person is not None
    (case,) = person.cases
    assert (case.sentence_months, case.first_instance_months) == (204.0, None)
    assert case.prison_months == 48.0
    assert person.addresses[0].startswith("346000, Ростовская область, г. Новочеркасск")


# --- OVD-Info -------------------------------------------------------------------------------


def test_ovdinfo_one_case(ovdinfo):
    person = person_record(ovdinfo, "ovdinfo", "900001")
    assert person is not None
    assert person.name == "Obraztsov Demo Ivanovich"
    assert (person.gender, person.birth_year) == ("male", None)
    assert person.region_codes == ("RU-BA",) and person.imprisonment_region_codes == ()
    assert (person.status, person.in_custody) == ("serving", True)
    assert person.recognized_political_prisoner is None
    assert person.source_url is None
    # a facility's name is not a letter address
    assert person.addresses == ()

    (case,) = person.cases
    assert case.case_id == "recDEMO0000000001"
    assert case.articles == ("207.3 ч.2", "280.3 ч.1")
    assert case.case_group == ("Антивоенное дело",)
    assert case.theme == "freedom of speech"
    assert case.persecution_start == date(2022, 3, 16)
    assert case.custody_date is None
    assert case.verdict_date == date(2023, 1, 20)
    assert (case.punishment_type, case.regime, case.sentence_months) == (
        "imprisonment",
        "general",
        78.0,
    )
    assert case.first_instance_months is None
    assert case.restraint is None
    assert case.facility == "Penal colony No. 0 (fictional)"
    assert case.verdict_text == "6.5 years in a general regime penal colony"
    assert case.city == "Ufa"


def test_ovdinfo_fine(ovdinfo):
    person = person_record(ovdinfo, "ovdinfo", "900002")
    assert person is not None
    assert (person.gender, person.status, person.in_custody) == ("female", "released", False)
    (case,) = person.cases
    assert (case.punishment_type, case.fine_rub, case.sentence_months) == ("fine", 400000, None)
    assert type(case.fine_rub) is int
    assert case.restraint == "none"


def test_ovdinfo_person_with_two_cases(ovdinfo):
    person = person_record(ovdinfo, "ovdinfo", "900003")
    assert person is not None
    assert person.name == "Vydumkin Lifer Olegovich"
    assert [c.case_id for c in person.cases] == ["recDEMO0000000003", "recDEMO0000000004"]
    life, later = person.cases
    assert (life.persecution_start, life.verdict_date) == (date(2016, 2, 1), date(2018, 7, 7))
    assert (life.punishment_type, life.sentence_months) == ("life", None)
    assert life.articles == ("205.5 ч.1", "205 ч.3")
    assert later.persecution_start == date(2020, 5, 5) and later.verdict_date is None
    assert later.articles == ("321 ч.2",) and later.case_group == ()
    assert later.punishment_type == "none_yet" and later.verdict_text is None
    # regions are distinct across the cases; the status is the latest case's
    assert person.region_codes == ("RU-DA",)
    assert (person.status, person.in_custody) == ("serving", True)


# --- lookups, the index, plain values -------------------------------------------------------


def test_not_found_is_none(memorial, ovdinfo):
    assert person_record(memorial, "memorial", "nobody") is None
    # ids are per list: an OVD-Info id is not a Memorial person
    assert person_record(memorial, "ovdinfo", "710001") is None
    assert person_record(ovdinfo, "memorial", "900001") is None
    assert records_of(memorial, "memorial", "nobody") == ()


def test_records_of_is_the_one_record_until_lists_are_matched(memorial):
    assert records_of(memorial, "memorial", "710001") == (
        person_record(memorial, "memorial", "710001"),
    )


def test_the_index_is_built_once_per_dataset(memorial, ovdinfo):
    first = person_index(memorial)
    assert person_index(memorial) is first
    assert set(first) == {("memorial", f"71000{i}") for i in range(1, 7)}
    assert person_index(ovdinfo)[("ovdinfo", "900003")] == (2, 3)
    assert person_index(ovdinfo) is not first


@pytest.mark.parametrize("sample", [MEMORIAL, OVDINFO], ids=lambda p: p.stem)
def test_every_value_is_plain_python(sample):
    dataset = load_file(sample)[0]
    records = every_record(dataset)
    assert records and all(records)
    for record in records:
        assert_plain(record, record.person_id)


def test_missing_values_are_none(memorial, ovdinfo):
    (case,) = person_record(memorial, "memorial", "710002").cases
    assert case.verdict_date is None and case.regime is None and case.fine_rub is None
    assert case.sentence_months is None and case.verdict_text is None and case.city is None
    person = person_record(ovdinfo, "ovdinfo", "900002")
    assert person.birth_year is None and person.source_url is None
    assert person.cases[0].imprisonment_region_code is None


# --- the rules, on a small canonical file ---------------------------------------------------

CANONICAL = """person_id,case_id,source,name,region_code,imprisonment_region_code,facility,\
persecution_start,custody_date,verdict_date,status,in_custody,source_url,birth_year
p1,undated,mine,,unknown,,,,,,unknown,,,
p1,late,mine,Петров Пётр,RU-MOW,RU-TVE,"170000, г. Тверь, СИЗО-1; ФКУ ИК-3",,2023-05-01,,\
trial,true,https://example.org/p1,1980
p1,early,mine,Петров П.,RU-SPE,,"170000, г. Тверь, СИЗО-1",2019-02-01,,2020-01-10,released,false,\
https://example.org/other,
p2,a,mine,Сидоров,RU-MOW,,,2020-01-01,,,died,false,,
p2,b,mine,Сидоров,RU-MOW,,,2022-01-01,,,investigation,,,
"""


@pytest.fixture(scope="module")
def canonical(tmp_path_factory):
    path = tmp_path_factory.mktemp("person") / "persons.csv"
    path.write_text(CANONICAL, encoding="utf-8")
    return load_file(path, fmt="canonical")[0]


def test_cases_by_their_earliest_date_undated_last(canonical):
    person = person_record(canonical, "mine", "p1")
    assert [c.case_id for c in person.cases] == ["early", "late", "undated"]


def test_person_level_values_across_cases(canonical):
    person = person_record(canonical, "mine", "p1")
    assert person.name == "Петров П."  # the first given, in case order
    assert person.birth_year == 1980  # the first case gives none: the next one does
    assert person.region_codes == ("RU-SPE", "RU-MOW")  # "unknown" is not a region
    assert person.imprisonment_region_codes == ("RU-TVE",)
    assert person.source_url == "https://example.org/other"
    assert person.in_custody is True  # the later case is held
    # the latest case with a known status ("unknown" says nothing)
    assert person.status == "trial"
    # split on "; ", postal addresses only, each once
    assert person.addresses == ("170000, г. Тверь, СИЗО-1",)
    undated = person.cases[-1]
    assert undated.region_code == "unknown" and undated.status == "unknown"
    assert undated.in_custody is None


def test_died_on_any_case_is_the_persons_status(canonical):
    assert person_record(canonical, "mine", "p2").status == "died"


def test_letter_addresses():
    assert letter_addresses([None, "", "ФКУ ИК-3", "123456, г. X; 123456, г. X; 654321 г. Y"]) == (
        "123456, г. X",
        "654321 г. Y",
    )
