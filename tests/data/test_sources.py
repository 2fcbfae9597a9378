"""A data folder: several files with metadata, combined; a bad new version never costs data."""

import json
import shutil
from datetime import date

import pytest

from data.dataset import DatasetRepository
from data.sources import DataFolder, Reloader, combine, data_files, load_one, read_meta


@pytest.fixture()
def folder(tmp_path, sample_csv):
    shutil.copy(sample_csv, tmp_path / "a.csv")
    (tmp_path / "a.csv").chmod(0o644)
    text = sample_csv.read_text(encoding="utf-8").replace(",demo,", ",second,")
    (tmp_path / "b.csv").write_text(text, encoding="utf-8")
    (tmp_path / "b.csv.meta.json").write_text(
        json.dumps(
            {
                "source": "second",
                "display_name": "Второй список",
                "organisation": "Группа",
                "as_of": "2025-10-01",
                "licence": "CC BY 4.0",
                "url": "https://example.org",
            }
        ),
        encoding="utf-8",
    )
    (tmp_path / "notes.txt.meta.json").write_text("{}", encoding="utf-8")
    (tmp_path / ".hidden.csv").write_text("x", encoding="utf-8")
    return tmp_path


def test_data_files_skip_metadata_and_hidden_files(folder):
    assert [p.name for p in data_files(folder)] == ["a.csv", "b.csv"]


def test_metadata(folder):
    info, fmt, notes = read_meta(folder / "b.csv")
    assert (info.name, info.display_name, info.organisation, info.as_of, info.licence) == (
        "second",
        "Второй список",
        "Группа",
        date(2025, 10, 1),
        "CC BY 4.0",
    )
    assert fmt is None and notes == ()


def test_broken_metadata_is_reported_and_the_file_still_loads(folder):
    (folder / "a.csv.meta.json").write_text("{not json", encoding="utf-8")
    dataset, report = load_one(folder / "a.csv")
    assert dataset is not None and len(dataset.cases) == 9
    assert any("a.csv.meta.json ignored" in note for note in report.notes)


def test_folder_combines_files_and_sources(folder):
    dataset, reports = DataFolder(folder).load()
    assert len(dataset.cases) == 18 and [r.file for r in reports] == ["a.csv", "b.csv"]
    assert {s.name for s in dataset.sources} == {"demo", "second"}
    # The same person_id in two sources is two persons.
    assert dataset.cases["_person"].nunique() == 2 * 8


def test_a_bad_new_version_keeps_the_last_good_one(folder):
    data = DataFolder(folder)
    data.load()
    (folder / "b.csv").write_bytes(b"\x00\x01\x02 binary")
    assert data.changed()
    dataset, reports = data.load()
    assert len(dataset.cases) == 18
    bad = next(r for r in reports if r.file == "b.csv")
    assert bad.kept_previous and bad.error_code == "binary"


def test_a_file_that_was_never_good_is_reported_and_left_out(folder):
    (folder / "c.json").write_text('{"data": [', encoding="utf-8")
    dataset, reports = DataFolder(folder).load()
    assert len(dataset.cases) == 18
    bad = next(r for r in reports if r.file == "c.json")
    assert bad.error and not bad.kept_previous


def test_reloader_polls_at_most_every_interval(folder):
    now = [0.0]
    data = DataFolder(folder)
    dataset, reports = data.load()
    repository = DatasetRepository(dataset, reports)
    reloader = Reloader(data, repository.replace, interval=5, clock=lambda: now[0])
    repository.watch(lambda: reloader.poll(repository.last()))
    (folder / "a.csv").unlink()
    assert len(repository.current().cases) == 18  # not yet: the interval has not passed
    now[0] = 6
    assert len(repository.current().cases) == 9
    assert [r.file for r in repository.reports()] == ["b.csv"]


def test_combine_keeps_the_latest_as_of_per_source(folder):
    first, _ = load_one(folder / "b.csv")
    (folder / "b.csv.meta.json").write_text(
        '{"source": "second", "as_of": "2026-01-01"}', encoding="utf-8"
    )
    second, _ = load_one(folder / "b.csv")
    combined = combine([first, second])
    assert [s.as_of for s in combined.sources] == [date(2026, 1, 1)]
    assert combine([]) is None


def test_two_exports_of_one_list_are_not_counted_twice(folder, sample_csv):
    shutil.copy(sample_csv, folder / "a_november.csv")
    dataset, reports = DataFolder(folder).load()
    assert len(dataset.cases) == 18  # a.csv and b.csv; a_november.csv repeats a.csv
    repeat = next(r for r in reports if r.file == "a_november.csv")
    assert repeat.rows_loaded == 0 and repeat.rows_rejected == 9
    issue = repeat.rejected[0]
    assert (issue.row, issue.column, issue.code) == (2, "case_id", "duplicate_case")
    assert "already loaded from a.csv" in issue.reason


def test_the_same_case_id_in_two_sources_is_two_cases(tmp_path):
    header = "person_id,case_id,source,region_code\n"
    (tmp_path / "x.csv").write_text(
        header + "1,c1,first,RU-BA\n1,c1,second,RU-BA\n", encoding="utf-8"
    )
    dataset, [report] = DataFolder(tmp_path).load()
    assert len(dataset.cases) == 2 and report.issues == ()
