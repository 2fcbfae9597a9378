"""A data folder: several files with metadata, combined; a bad new version never costs data."""

import json
import os
import shutil
import threading
from datetime import date

import pytest

from data.dataset import DatasetRepository
from data.sources import (
    DataFolder,
    Reloader,
    combine,
    data_files,
    date_in_name,
    load_one,
    read_meta,
)
from tests.conftest import FIXTURES


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


def test_the_reloader_swaps_in_what_changed_and_reading_never_loads(folder):
    data = DataFolder(folder)
    dataset, reports = data.load()
    repository = DatasetRepository(dataset, reports)
    reloader = Reloader(data, repository, interval=3600)
    repository.watch(reloader)
    (folder / "a.csv").unlink()
    assert len(repository.current().cases) == 18  # reading never loads
    assert reloader.check_now()
    assert len(repository.current().cases) == 9
    assert [r.file for r in repository.reports()] == ["b.csv"]
    assert not reloader.check_now()  # nothing changed since


def test_the_watcher_thread_loads_in_the_background_until_stopped(folder):
    data = DataFolder(folder)
    repository = DatasetRepository(*data.load())
    old = repository.current().version
    reloader = Reloader(data, repository, interval=0.05)
    repository.watch(reloader)
    try:
        repository.start_watching()
        repository.start_watching()  # one thread per process, however often it is asked
        assert reloader.running
        (folder / "a.csv").unlink()
        assert repository.wait_for(lambda d: d.version != old, timeout=60)
        assert len(repository.current().cases) == 9
    finally:
        reloader.stop()
    assert not reloader.running
    reloader.start()  # stopped for good
    assert not reloader.running


def test_a_request_pins_the_dataset_it_started_with(folder):
    data = DataFolder(folder)
    repository = DatasetRepository(*data.load())
    old = repository.current()
    reloader = Reloader(data, repository, interval=3600)
    repository.pin()
    (folder / "a.csv").unlink()
    assert reloader.check_now()
    assert repository.current() is old and len(repository.last().cases) == 9
    seen = []
    other = threading.Thread(target=lambda: seen.append(repository.current()))
    other.start()
    other.join()
    assert seen == [repository.last()]  # another request sees the new one
    repository.unpin()
    assert repository.current() is repository.last()


def test_an_unexpected_error_while_loading_keeps_what_is_served(folder, monkeypatch):
    data = DataFolder(folder)
    repository = DatasetRepository(*data.load())
    old = repository.current()
    reloader = Reloader(data, repository, interval=3600)
    (folder / "a.csv").unlink()

    def broken():
        raise RuntimeError("a bug, not a bad file")

    monkeypatch.setattr(data, "load", broken)
    assert not reloader.check_now()
    assert repository.current() is old


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
    os.utime(folder / "a_november.csv", ns=(2 * 10**18, 2 * 10**18))  # the newer file
    dataset, reports = DataFolder(folder).load()
    assert len(dataset.cases) == 18  # a_november.csv and b.csv; a.csv is the earlier export
    older = next(r for r in reports if r.file == "a.csv")
    assert older.superseded == (("demo", "a_november.csv"),)
    assert older.rows_read == older.rows_loaded + older.rows_rejected
    [snapshot] = dataset.snapshots
    assert (snapshot.source, snapshot.file, snapshot.rows) == ("demo", "a.csv", 9)
    assert snapshot.superseded_by == "a_november.csv"


def _export(folder, name: str, drop: str | None = None, add: str | None = None) -> None:
    """A snapshot of one list: the canonical sample, less one person, plus one."""
    lines = (FIXTURES / "canonical_sample.csv").read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if not (drop and line.startswith(drop + ","))]
    if add:
        kept.append(kept[1].replace("demo-0001", add))
    (folder / name).write_text("\n".join(kept) + "\n", encoding="utf-8")


def test_the_newest_export_is_counted_not_the_first_by_name(tmp_path):
    """Defect: with two exports of one list, the first by file name won (and the older export's
    people who had left the list were still counted), while the header showed the newer date."""
    _export(tmp_path, "a_list_30-03-2025.csv", drop="demo-0002", add="demo-0100")  # newer
    _export(tmp_path, "b_list_22-02-2025.csv")  # older, sorts later by name
    os.utime(tmp_path / "a_list_30-03-2025.csv", ns=(10**18, 10**18))  # older on disk too
    dataset, reports = DataFolder(tmp_path).load()
    ids = set(dataset.cases["person_id"])
    assert "demo-0100" in ids and "demo-0002" not in ids and len(dataset.cases) == 9
    assert [s.as_of for s in dataset.sources] == [date(2025, 3, 30)]
    assert dataset.as_of == date(2025, 3, 30)
    newer, older = reports
    assert newer.superseded == () and "as of 2025-03-30 (from the file name)" in newer.notes
    assert older.superseded == (("demo", "a_list_30-03-2025.csv"),)
    [snapshot] = dataset.snapshots
    assert snapshot.as_of == date(2025, 2, 22) and "demo-0002" in set(snapshot.cases["person_id"])


def test_the_as_of_date_decides_before_the_file_time(tmp_path):
    _export(tmp_path, "x.csv", add="demo-0200")
    _export(tmp_path, "y.csv")
    (tmp_path / "x.csv.meta.json").write_text('{"as_of": "2026-01-01", "source": "demo"}')
    (tmp_path / "y.csv.meta.json").write_text('{"as_of": "2025-01-01", "source": "demo"}')
    os.utime(tmp_path / "x.csv", ns=(10**18, 10**18))  # x is older on disk, newer by its date
    dataset, _ = DataFolder(tmp_path).load()
    assert "demo-0200" in set(dataset.cases["person_id"])
    assert [s.file for s in dataset.snapshots] == ["y.csv"]


def test_date_in_a_file_name():
    assert date_in_name("list_899_30-03-2025.geojson") == date(2025, 3, 30)
    assert date_in_name("export-2025-10-01.csv") == date(2025, 10, 1)
    assert date_in_name("list_1.5.2024.json") == date(2024, 5, 1)
    assert date_in_name("list_899.geojson") is None
    assert date_in_name("list_31-02-2025.csv") is None  # no such day


def test_the_same_case_id_in_two_sources_is_two_cases(tmp_path):
    header = "person_id,case_id,source,region_code\n"
    (tmp_path / "x.csv").write_text(
        header + "1,c1,first,RU-BA\n1,c1,second,RU-BA\n", encoding="utf-8"
    )
    dataset, [report] = DataFolder(tmp_path).load()
    assert len(dataset.cases) == 2 and report.issues == ()


def test_metadata_without_a_source_name_leaves_the_list_named_by_its_data(tmp_path):
    """Review finding: metadata giving only the as-of date named each snapshot after its file,
    so two snapshots of one list were summed as two lists."""
    _export(tmp_path, "list_9_01-02-2025.csv", add="demo-0300")
    _export(tmp_path, "list_8_01-03-2025.csv")
    (tmp_path / "list_9_01-02-2025.csv.meta.json").write_text('{"as_of": "2025-02-01"}')
    (tmp_path / "list_8_01-03-2025.csv.meta.json").write_text(
        '{"as_of": "2025-03-01", "display_name": "Список"}'
    )
    dataset, _ = DataFolder(tmp_path).load()
    assert [(s.name, s.display_name, s.as_of) for s in dataset.sources] == [
        ("demo", "Список", date(2025, 3, 1))
    ]
    assert len(dataset.cases) == 9 and "demo-0300" not in set(dataset.cases["person_id"])
    assert [s.file for s in dataset.snapshots] == ["list_9_01-02-2025.csv"]


@pytest.mark.parametrize(
    "name, make",
    [
        ("list.csv", lambda p: p.mkdir()),  # the OS error names the whole path
        ("list.parquet", lambda p: p.write_bytes(b"PAR1 not really parquet PAR1")),
        ("list.xlsx", lambda p: p.write_bytes(b"PK\x03\x04 not a workbook")),
        ("list.json", lambda p: p.write_text('{"a": ')),
    ],
)
def test_no_message_about_a_file_names_the_folder_it_is_in(tmp_path, name, make):
    """What the Data status page shows of a bad file names the file, never the server's path."""
    folder = tmp_path / "srv-secret-folder"
    folder.mkdir()
    path = folder / name
    make(path)
    (folder / "list.csv.meta.json").write_text("{broken")
    _dataset, report = load_one(path)
    shown = " ".join([report.error or "", *report.notes, *(i.message for i in report.issues)])
    assert report.error and name in report.error
    assert "srv-secret-folder" not in shown, shown
