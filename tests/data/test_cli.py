"""`python -m data check` and `export`."""

import json

from data.__main__ import main
from data.loader import load_canonical


def bad_rows_file(tmp_path, sample_csv):
    path = tmp_path / "rows.csv"
    text = sample_csv.read_text(encoding="utf-8")
    path.write_text(text + ",x,demo,no person id,,,RU-BA" + "," * 20 + "\n", encoding="utf-8")
    return path


def test_check_prints_a_report(tmp_path, sample_csv, capsys):
    assert main(["check", str(sample_csv)]) == 0
    out = capsys.readouterr().out
    assert "canonical_sample.csv (canonical; encoding utf-8, delimiter ,)" in out
    assert "rows read 9, loaded 9, rejected 0, repaired 1" in out
    assert "row 10, column 'source_url'" in out


def test_check_json(tmp_path, sample_csv, capsys):
    path = bad_rows_file(tmp_path, sample_csv)
    assert main(["check", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["rows_read"], report["rows_loaded"], report["rows_rejected"]) == (10, 9, 1)
    assert report["values_not_understood"] == {"name": 1, "source_url": 1, "person_id": 1}
    assert report["files"][0]["file"] == "rows.csv"


def test_strict_fails_on_rejected_rows(tmp_path, sample_csv, capsys):
    path = bad_rows_file(tmp_path, sample_csv)
    assert main(["check", str(path), "--strict"]) == 1
    assert main(["check", str(sample_csv), "--strict"]) == 0


def test_a_file_that_cannot_load_exits_2_without_a_traceback(tmp_path, capsys):
    path = tmp_path / "empty.csv"
    path.write_text("", encoding="utf-8")
    assert main(["check", str(path)]) == 2
    out = capsys.readouterr().out
    assert "NOT LOADED: empty.csv: the file is empty" in out and "Traceback" not in out


def test_export_writes_the_canonical_csv(tmp_path, sample_csv, capsys):
    out = tmp_path / "out.csv"
    assert main(["export", str(sample_csv), "--out", str(out)]) == 0
    dataset, report = load_canonical(out)
    assert len(dataset.cases) == 9 and report.issues == ()


def test_size_limit_is_configurable(sample_csv, capsys):
    assert main(["check", str(sample_csv), "--max-mb", "0.001"]) == 2
    assert "2,894 bytes, over the limit of 1,048" in capsys.readouterr().out


def test_a_canonical_file_missing_a_required_column_names_it(tmp_path, capsys):
    path = tmp_path / "list.csv"
    path.write_text(
        "person_id,source,name,gender,birth_year\n1,x,Иван,male,1980\n", encoding="utf-8"
    )
    assert main(["check", str(path)]) == 2
    assert "list.csv: missing required column(s): region_code" in capsys.readouterr().out


def test_check_says_which_export_of_a_list_is_counted(tmp_path, capsys):
    from tests.conftest import FIXTURES

    for name in ("list_4_22-02-2025.geojson", "list_6_30-03-2025.geojson"):
        sample = (
            "memorial_cards_sample" if name.startswith("list_4") else "memorial_cards_2025_shape"
        )
        (tmp_path / name).write_bytes((FIXTURES / f"{sample}.geojson").read_bytes())
    assert main(["check", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert (
        "an earlier export of the list 'memorial': kept as a snapshot, not counted "
        "(list_6_30-03-2025.geojson is the newer export, and is counted)"
    ) in out
    assert "total: 10 rows read, 10 loaded (6 counted; the rest are earlier exports" in out
    assert main(["check", str(tmp_path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["rows_counted"] == 6 and report["rows_loaded"] == 10
    older = report["files"][0]
    assert older["superseded_by"] == {"memorial": "list_6_30-03-2025.geojson"}
    assert older["rows_read"] == older["rows_loaded"] + older["rows_rejected"]
