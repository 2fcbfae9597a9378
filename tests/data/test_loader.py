"""The canonical loader: values read field by field, every unusable value reported, not lost."""

import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from data.loader import DataLoadError, load_canonical, normalise, strip_markup
from data.schema import COLUMN_NAMES

HEADER = ",".join(COLUMN_NAMES)


def write(tmp_path: Path, text: str, name: str = "data.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def row(**values: str) -> str:
    base = {"person_id": "p1", "source": "test", "region_code": "RU-BA"}
    base.update(values)
    return ",".join(base.get(c, "") for c in COLUMN_NAMES)


def test_sample_loads_with_values_as_written(sample_csv):
    dataset, report = load_canonical(sample_csv)
    cases = dataset.cases.set_index("case_id")
    assert report.rows_read == 9 and report.rows_loaded == 9 and report.rows_rejected == 0
    first = cases.loc["demo-0001-1"]
    assert first["name"] == "Образцова Мария Демовна"
    assert first["gender"] == "female"
    assert first["birth_year"] == 1984
    assert first["region_code"] == "RU-BA"
    assert first["articles"] == ("207.3 ч.2",)
    assert first["custody_date"] == pd.Timestamp("2022-04-10")
    assert first["punishment_type"] == "imprisonment" and first["regime"] == "general"
    assert first["sentence_months"] == 84
    assert bool(first["in_custody"]) and bool(first["recognized_political_prisoner"])
    second = cases.loc["demo-0002-1"]
    assert second["articles"] == ("205.5 ч.2", "30 ч.1 - 278")
    assert second["prison_months"] == 48 and second["imprisonment_region_code"] == "RU-ROS"
    fine = cases.loc["demo-0003-1"]
    assert fine["fine_rub"] == 100000 and pd.isna(fine["sentence_months"])
    suspended = cases.loc["demo-0004-1"]
    assert suspended["probation_months"] == 36
    assert cases.loc["demo-0008-1", "region_code"] == "unknown"
    # HTML in a name is removed (and reported); the words stay.
    assert cases.loc["demo-0008-1", "name"] == 'Шаблонов "Пётр" Тегович'


def test_javascript_url_and_html_are_dropped_and_reported(sample_csv):
    dataset, report = load_canonical(sample_csv)
    assert pd.isna(dataset.cases.set_index("case_id").loc["demo-0008-1", "source_url"])
    assert [(i.row, i.column, i.action, i.code) for i in report.issues] == [
        (10, "name", "repaired", "html_removed"),
        (10, "source_url", "repaired", "not_http_url"),
    ]
    assert report.issues[1].file == "canonical_sample.csv" and "http" in report.issues[1].reason


def test_sample_dataset_is_marked_synthetic_by_its_source(sample_csv):
    dataset, _ = load_canonical(sample_csv)
    assert dataset.synthetic
    assert dataset.charges["article_key"].tolist().count("207.3") == 2


def test_bad_values_are_left_empty_and_reported_with_row_and_column(tmp_path):
    text = "\n".join(
        [
            HEADER,
            row(case_id="a", gender="робот", birth_year="19x5", custody_date="31.02.2022"),
            row(case_id="b", sentence_months="9999", in_custody="maybe", region_code="Mars"),
            row(case_id="c", custody_date="1812-09-07", fine_rub="12.5"),
        ]
    )
    dataset, report = load_canonical(write(tmp_path, text))
    assert report.rows_loaded == 3 and report.rows_rejected == 0
    found = {(i.row, i.column) for i in report.issues}
    assert found == {
        (2, "gender"),
        (2, "birth_year"),
        (2, "custody_date"),
        (3, "region_code"),
        (3, "sentence_months"),
        (3, "in_custody"),
        (4, "custody_date"),
        (4, "fine_rub"),
    }
    cases = dataset.cases.set_index("case_id")
    assert pd.isna(cases.loc["a", "gender"]) and pd.isna(cases.loc["a", "custody_date"])
    assert cases.loc["b", "region_code"] == "unknown"
    assert pd.isna(cases.loc["b", "sentence_months"])
    assert report.counts_by_column()["custody_date"] == 2


def test_rows_without_person_id_are_rejected_with_a_reason(tmp_path):
    text = "\n".join([HEADER, row(person_id=""), row(person_id="p2")])
    dataset, report = load_canonical(write(tmp_path, text))
    assert dataset.cases["person_id"].tolist() == ["p2"]
    assert report.rows_read == 2 and report.rows_loaded == 1 and report.rows_rejected == 1
    [issue] = report.rejected
    assert issue.row == 2 and issue.column == "person_id"
    assert "data.csv, row 2, column 'person_id'" in issue.message()


def test_duplicate_case_ids_keep_the_first(tmp_path):
    text = "\n".join([HEADER, row(case_id="x", name="first"), row(case_id="x", name="second")])
    dataset, report = load_canonical(write(tmp_path, text))
    assert dataset.cases["name"].tolist() == ["first"]
    assert [(i.row, i.column, i.action) for i in report.issues] == [(3, "case_id", "rejected")]


def test_case_id_defaults_to_person_id_and_running_number(tmp_path):
    text = "\n".join([HEADER, row(), row(), row(person_id="p2")])
    dataset, report = load_canonical(write(tmp_path, text))
    assert dataset.cases["case_id"].tolist() == ["p1-1", "p1-2", "p2-1"]
    assert report.issues == ()


def test_dates_in_several_formats(tmp_path):
    text = "\n".join(
        [
            HEADER,
            row(case_id="a", custody_date="2022-04-10"),
            row(case_id="b", custody_date="10.04.2022"),
            row(case_id="c", custody_date="10/04/2022"),
        ]
    )
    dataset, report = load_canonical(write(tmp_path, text))
    assert set(dataset.cases["custody_date"]) == {pd.Timestamp("2022-04-10")}
    assert report.issues == ()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "empty"),
        ("\n", "no header"),
        (HEADER + "\n", "header but no rows"),
        ("name,city\nИван,Уфа\n", "missing required column(s): person_id, source, region_code"),
    ],
)
def test_unusable_files_raise_a_clear_message(tmp_path, content, message):
    with pytest.raises(DataLoadError, match=r"data\.csv") as error:
        load_canonical(write(tmp_path, content))
    assert message in str(error.value)


def test_cp1251_is_read_and_noted(tmp_path):
    path = write(tmp_path, HEADER + "\n" + row(name="Иванов Иван"), encoding="cp1251")
    dataset, report = load_canonical(path)
    assert dataset.cases["name"].tolist() == ["Иванов Иван"]
    assert "encoding cp1251" in report.notes


def test_bytes_in_no_known_encoding_are_refused_by_name(tmp_path):
    path = tmp_path / "data.csv"
    path.write_bytes(HEADER.encode() + b"\n\x98\x98\x98,\x98")
    with pytest.raises(DataLoadError, match=r"data\.csv: not UTF-8 or cp1251"):
        load_canonical(path)


def test_size_limit(tmp_path):
    path = write(tmp_path, HEADER + "\n" + row())
    with pytest.raises(DataLoadError, match="over the limit"):
        load_canonical(path, max_bytes=10)


def test_unknown_file_type(tmp_path):
    with pytest.raises(DataLoadError, match="unknown file type"):
        load_canonical(write(tmp_path, "x", name="data.xml"))


def test_parquet_round_trip(tmp_path, sample_csv):
    dataset, _ = load_canonical(sample_csv)
    path = tmp_path / "data.parquet"
    dataset.cases.to_parquet(path)
    again, report = load_canonical(path)
    assert report.rows_loaded == 9 and report.issues == ()
    canonical = list(COLUMN_NAMES)
    pd.testing.assert_frame_equal(again.cases[canonical], dataset.cases[canonical])
    assert again.version == dataset.version


def test_normalise_reports_line_numbers_given():
    raw = pd.DataFrame({"person_id": ["", "p"], "source": ["s", "s"], "region_code": ["RU-BA"] * 2})
    _, report = normalise(raw, "feed", [10, 11])
    assert [(i.file, i.row) for i in report.rejected] == [("feed", 10)]


def test_future_dates_are_impossible(tmp_path):
    future = date.today().replace(year=date.today().year + 2).isoformat()
    _, report = load_canonical(write(tmp_path, HEADER + "\n" + row(verdict_date=future)))
    assert [i.column for i in report.issues] == ["verdict_date"]


def test_line_numbers_stay_true_after_a_quoted_multiline_field(tmp_path):
    text = "\n".join(
        [
            HEADER,
            row(case_id="a", verdict_text='"к 7 годам,\nстрогого режима"'),
            row(case_id="b", gender="x"),
        ]
    )
    dataset, report = load_canonical(write(tmp_path, text))
    assert (
        dataset.cases.set_index("case_id").loc["a", "verdict_text"] == "к 7 годам,\nстрогого режима"
    )
    assert [(i.row, i.column) for i in report.issues] == [(4, "gender")]


def test_a_record_with_the_wrong_number_of_fields_is_rejected_not_shifted(tmp_path):
    text = "\n".join([HEADER, row(case_id="a"), "p2,extra,fields", row(case_id="c"), ""])
    dataset, report = load_canonical(write(tmp_path, text))
    assert dataset.cases["case_id"].tolist() == ["a", "c"]
    assert report.rows_read == 3 and report.rows_rejected == 1
    [issue] = report.rejected
    assert issue.row == 3 and f"3 fields where the header has {len(COLUMN_NAMES)}" in issue.reason


def test_custody_never_true_for_a_person_released_emigrated_or_dead(tmp_path):
    """Defect: a row with in_custody=true and status=released was counted as held now."""
    lines = [
        row(case_id="a", status="released", in_custody="true", restraint="custody"),
        row(case_id="b", status="died", in_custody="true"),
        row(case_id="c", status="serving", in_custody="true"),
        row(case_id="d", status="trial", restraint="house_arrest", in_custody="true"),
        row(case_id="e", status="trial", restraint="custody"),
        row(case_id="f", status="trial", restraint="house_arrest"),
        row(case_id="g", status="trial", restraint="recognizance"),
        row(case_id="h", status="trial"),
    ]
    dataset, report = load_canonical(write(tmp_path, "\n".join([HEADER, *lines])))
    cases = dataset.cases.set_index("case_id")
    assert not cases.loc["a", "in_custody"] and not cases.loc["b", "in_custody"]
    assert cases.loc["a", "restraint"] == "none"
    assert cases.loc["c", "in_custody"]
    assert cases.loc["d", "restraint"] == "house_arrest" and not cases.loc["d", "in_custody"]
    assert cases.loc["e", "in_custody"]  # a measure of custody says the person is held
    assert not cases.loc["f", "in_custody"]  # house arrest is not custody
    assert not cases.loc["g", "in_custody"] and pd.isna(cases.loc["h", "in_custody"])
    codes = [(i.row, i.code) for i in report.issues]
    assert codes == [
        (2, "custody_contradicts_status"),
        (2, "restraint_contradicts_status"),
        (3, "custody_contradicts_status"),
        (5, "restraint_contradicts_custody"),
    ]
    assert all(i.action == "repaired" and i.file == "data.csv" for i in report.issues)


def test_a_time_of_day_is_dropped_dates_are_days(tmp_path):
    """Defect: '2022-12-31T10:00' kept its time and fell outside a period ending on the 31st."""
    lines = [
        row(case_id="a", custody_date="2022-12-31T10:00"),
        row(case_id="b", custody_date="2022-12-31 23:59:59"),
        row(case_id="c", custody_date="2022-12-31T10:00:00+03:00"),
        row(case_id="d", custody_date="2022-12-31T10:00:00Z"),
        row(case_id="e", custody_date="31.12.2022 10:00"),
        row(case_id="f", custody_date="31/12/2022 23:59"),
    ]
    dataset, report = load_canonical(write(tmp_path, "\n".join([HEADER, *lines])))
    assert report.issues == ()
    days = dataset.cases["custody_date"]
    assert (days == pd.Timestamp("2022-12-31")).all()


def test_rows_read_are_rows_loaded_plus_rows_rejected(tmp_path):
    """Defect: values repaired by an importer were counted as more rows read (899 cards read as
    1783). A file with repairs, a rejection and a broken line keeps the arithmetic."""
    lines = [
        row(case_id="a", gender="robot", status="released", in_custody="true"),
        row(case_id="b", person_id=""),
        "p2,extra,fields",
        row(case_id="c", birth_year="1700", custody_date="yesterday"),
    ]
    _, report = load_canonical(write(tmp_path, "\n".join([HEADER, *lines])))
    assert report.rows_read == 4
    assert report.rows_loaded == 2 and report.rows_rejected == 2 and report.rows_repaired == 2
    assert report.rows_read == report.rows_loaded + report.rows_rejected


def test_a_canonical_file_goes_through_the_one_article_parser(tmp_path):
    """Defect: a canonical file's "часть 2 статьи 207.3" was filed under article "2", silently."""
    lines = [
        row(case_id="a", articles='"часть 2 статьи 207.3|ч. 1 ст. 30, ст. 278"'),
        row(case_id="b", articles="205.5 ч.2|два эпизода"),
    ]
    dataset, report = load_canonical(write(tmp_path, "\n".join([HEADER, *lines])))
    cases = dataset.cases.set_index("case_id")
    assert cases.loc["a", "articles"] == ("207.3 ч.2", "30 ч.1 - 278")
    assert cases.loc["b", "articles"] == ("205.5 ч.2",)
    assert sorted(dataset.charges["article_key"]) == ["205.5", "207.3", "278"]
    [issue] = report.issues
    assert (issue.row, issue.column, issue.value) == (3, "articles", "два эпизода")
    assert issue.code == "article_not_understood" and issue.action == "repaired"


def test_a_prison_part_longer_than_the_term_is_reported_not_shown(tmp_path):
    """Defect: "1 year 8 mo. (3 years of it in prison)" was shown as parsed."""
    lines = [
        row(case_id="a", punishment_type="imprisonment", sentence_months="20", prison_months="36"),
        row(case_id="b", punishment_type="imprisonment", sentence_months="204", prison_months="48"),
    ]
    dataset, report = load_canonical(write(tmp_path, "\n".join([HEADER, *lines])))
    cases = dataset.cases.set_index("case_id")
    assert pd.isna(cases.loc["a", "prison_months"]) and cases.loc["a", "sentence_months"] == 20
    assert cases.loc["b", "prison_months"] == 48
    [issue] = report.issues
    assert (issue.row, issue.column, issue.code) == (2, "prison_months", "prison_exceeds_term")


def test_a_value_on_many_rows_is_converted_once_and_reported_on_each_row():
    """Values are converted once per distinct text (data.loader.distinct_values), yet every row
    holding a bad one gets its own issue, with its own line, and good rows keep their values."""
    raw = pd.DataFrame(
        {
            "person_id": ["a", "b", "c", "d"],
            "source": ["t"] * 4,
            "name": ["A", "B", "C", "D"],
            "region_code": ["RU-MOW", "ru-mow", "RU-MOW", "nowhere"],
            "custody_date": ["31.02.2022", "2022-03-01", "31.02.2022", "31.02.2022"],
        }
    )
    cases, report = normalise(raw, "f.csv", line_numbers=[2, 3, 4, 5])
    bad_dates = [i.row for i in report.issues if i.column == "custody_date"]
    assert bad_dates == [2, 4, 5]
    assert [i.row for i in report.issues if i.column == "region_code"] == [5]
    assert cases["region_code"].astype(str).tolist() == ["RU-MOW"] * 3 + ["unknown"]
    assert cases["custody_date"].isna().tolist() == [True, False, True, True]


def test_cells_equal_to_a_hash_table_but_not_as_text_stay_apart():
    """True == 1 == 1.0 to Python; as cells they are 'true', '1' and '1'."""
    from data.loader import text_frame

    raw = pd.DataFrame({"x": pd.Series([True, 1, 1.0, None, ["a", "b"]], dtype=object)})
    assert text_frame(raw)["x"].tolist() == ["true", "1", "1", "", "a|b"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("&lt;b onmouseover=x&gt;bold&lt;/b&gt;", "bold"),
        ("&amp;lt;img src=x onerror=alert(1)&amp;gt;Иван", "Иван"),
        ("&lt;script&gt;alert(1)&lt;/script&gt;Пётр", "Пётр"),
        ("<<b>script>alert(1)<</b>/script>", "< script>alert(1)< /script>"),  # no tag left
        ("<p>Осуждён по ст.&nbsp;207.3</p>", "Осуждён по ст. 207.3"),
        ("a < b, c > d", "a < b, c > d"),  # text, not a tag
        ("x < 5", "x < 5"),
        ("a &lt; b and c &gt; d", "a < b and c > d"),
        ("Срок &lt;3 лет&gt; условно", "Срок <3 лет> условно"),
        ("&lt;img src=x onerror=alert(1)&gt;Иван", "Иван"),
        ("&#x3C;b onmouseover=x&#x3E;Пётр", "Пётр"),
    ],
)
def test_markup_is_removed_after_entities_are_decoded(text, expected):
    """Entity-encoded markup is decoded first and then removed: decoding after the tags were
    gone turned `&lt;b onmouseover=x&gt;` into live markup."""
    assert strip_markup(text) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/&;#ltgamp bx=\"'1")) | st.characters()))
def test_no_tag_survives_stripping(text):
    cleaned = strip_markup(text)
    assert not re.search(r"</?[A-Za-z!][^<>]*>", cleaned)  # nothing a browser reads as a tag
