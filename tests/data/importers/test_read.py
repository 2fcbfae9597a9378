"""The raw reader: every shape of file, and every kind of bad input, with a clear message."""

import csv
import io
import json

import pandas as pd
import pytest

from data.importers.read import DataLoadError, read_raw


def write(tmp_path, name, content, encoding="utf-8"):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding=encoding)
    return path


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251"])
def test_csv_encodings_and_delimiters(tmp_path, delimiter, encoding):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerows([["person_id", "name", "city"], ["1", "Иванов Иван", "Уфа, Башкирия"]])
    text = buffer.getvalue()
    raw = read_raw(write(tmp_path, "list.csv", text, encoding))
    assert raw.frame.to_dict("records") == [
        {"person_id": "1", "name": "Иванов Иван", "city": "Уфа, Башкирия"}
    ]
    assert f"encoding {'utf-8' if encoding != 'cp1251' else 'cp1251'}" in raw.notes
    assert raw.lines.tolist() == [2]


def test_json_api_response_array_and_geojson(tmp_path):
    api = {"total": 3, "data": [{"person_id": 1}, {"person_id": 2}]}
    raw = read_raw(write(tmp_path, "api.json", json.dumps(api)))
    assert raw.kind == "records" and len(raw.frame) == 2 and raw.total_declared == 3
    assert "the file declares 3 records but holds 2" in raw.notes
    raw = read_raw(write(tmp_path, "list.json", json.dumps([{"a": 1}, "junk", {"a": 2}])))
    assert raw.lines.tolist() == [1, 3]
    assert [(i.row, i.code) for i in raw.issues] == [(2, "not_a_record")]
    geo = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [37.6, 55.7]},
                "properties": {"ID": "7", "name": "x"},
            }
        ],
    }
    raw = read_raw(write(tmp_path, "cards.geojson", json.dumps(geo, ensure_ascii=False)))
    assert raw.frame.to_dict("records") == [{"ID": "7", "name": "x", "_lon": 37.6, "_lat": 55.7}]


def test_xlsx_rows_are_spreadsheet_rows(tmp_path):
    path = tmp_path / "list.xlsx"
    pd.DataFrame({"person_id": ["1", None, "3"], "name": ["a", None, "c"]}).to_excel(
        path, index=False
    )
    raw = read_raw(path)
    assert raw.frame["person_id"].tolist() == ["1", "3"]
    assert raw.lines.tolist() == [2, 4]  # the empty spreadsheet row 3 is skipped, not renumbered


@pytest.mark.parametrize(
    ("name", "content", "code", "words"),
    [
        ("empty.csv", b"", "empty", "the file is empty"),
        ("header.csv", "person_id,source\n", "header_only", "a header but no rows"),
        ("blank.csv", "\n\n", "no_header", "no header row"),
        ("garbage.csv", bytes(range(256)) * 20, "binary", "binary data"),
        ("zip.csv", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x00" * 100, "binary", "binary data"),
        (
            "bad.csv",
            b"person_id,name\n1,\x98\x98\x98\x98\x98\x98",
            "encoding",
            "not UTF-8 or cp1251",
        ),
        ("cut.json", '{"total": 2, "data": [{"person_id": 1}', "malformed", "truncated"),
        ("odd.json", '{"hello": "world"}', "json_shape", "neither a list of records"),
        ("dup.csv", "person_id,name,name\n1,a,b\n", "duplicate_columns", "repeats column(s) name"),
        ("list.xml", "<xml/>", "file_type", "unknown file type"),
        ("broken.xlsx", b"not a workbook", "malformed", "not a readable XLSX"),
        ("broken.parquet", b"PAR1 not really", "malformed", "not a readable Parquet"),
    ],
)
def test_bad_files_raise_a_clear_message_naming_the_file(tmp_path, name, content, code, words):
    path = write(tmp_path, name, content)
    with pytest.raises(DataLoadError) as error:
        read_raw(path)
    assert error.value.code == code
    assert str(error.value).startswith(name) and words in str(error.value)


def test_size_limit(tmp_path):
    with pytest.raises(DataLoadError, match="over the limit of 10") as error:
        read_raw(write(tmp_path, "big.csv", "person_id\n" + "1\n" * 100), max_bytes=10)
    assert error.value.code == "too_large"


def test_a_truncated_csv_line_is_reported_not_shifted(tmp_path):
    raw = read_raw(write(tmp_path, "cut.csv", "a,b,c\n1,2,3\n4,5"))
    assert raw.frame.to_dict("records") == [{"a": "1", "b": "2", "c": "3"}]
    [issue] = raw.issues
    assert (issue.row, issue.code, issue.action) == (3, "field_count", "rejected")
