"""Persons matched when a folder of lists loads (data.sources with data.matching): the matches
are part of the dataset and its version, and the operator's person_matches.csv applies, its bad
lines reported like any file's."""

import pytest

from data.dataset import IDENTITY
from data.demo_lists import write_demo_lists
from data.matching import OVERRIDES_FILE
from data.sources import DataFolder, data_files


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    path = tmp_path_factory.mktemp("lists")
    write_demo_lists(path, rows=900, seed=3)
    return path


def test_two_lists_load_matched(folder):
    dataset, _ = DataFolder(folder).load()
    assert dataset.matches
    assert {(m.left[0], m.right[0]) for m in dataset.matches} == {("memorial", "ovdinfo")}
    cases = dataset.cases.set_index(["source", "person_id"])
    first = dataset.matches[0]
    assert cases.loc[first.left, IDENTITY].iloc[0] == cases.loc[first.right, IDENTITY].iloc[0]


def test_the_operators_file_forces_and_forbids_and_reports(folder, tmp_path):
    for path in data_files(folder):
        for file in (path, path.with_name(path.name + ".meta.json")):
            (tmp_path / file.name).write_bytes(file.read_bytes())
    dataset, _ = DataFolder(tmp_path).load()
    matched = dataset.matches[0]
    unmatched_left = next(
        pid
        for pid in dataset.cases.loc[dataset.cases["source"] == "memorial", "person_id"]
        if ("memorial", pid) not in {m.left for m in dataset.matches}
    )
    unmatched_right = next(
        pid
        for pid in dataset.cases.loc[dataset.cases["source"] == "ovdinfo", "person_id"]
        if ("ovdinfo", pid) not in {m.right for m in dataset.matches}
    )
    (tmp_path / OVERRIDES_FILE).write_text(
        "source_a,person_id_a,source_b,person_id_b,decision\n"
        f"{matched.left[0]},{matched.left[1]},{matched.right[0]},{matched.right[1]},different\n"
        f"memorial,{unmatched_left},ovdinfo,{unmatched_right},same\n"
        "memorial,x,ovdinfo,y,perhaps\n",
        encoding="utf-8",
    )
    corrected, reports = DataFolder(tmp_path).load()
    pairs = {(m.left, m.right): m for m in corrected.matches}
    assert (matched.left, matched.right) not in pairs
    forced = pairs[(("memorial", unmatched_left), ("ovdinfo", unmatched_right))]
    assert forced.how == "forced"
    assert corrected.version != dataset.version
    report = next(r for r in reports if r.file == OVERRIDES_FILE)
    assert [(i.row, i.column) for i in report.rejected] == [(4, "decision")]
    assert OVERRIDES_FILE not in {p.name for p in data_files(tmp_path)}


def test_a_new_or_changed_overrides_file_is_a_change_to_reload(folder, tmp_path):
    for path in data_files(folder):
        for file in (path, path.with_name(path.name + ".meta.json")):
            (tmp_path / file.name).write_bytes(file.read_bytes())
    loader = DataFolder(tmp_path)
    loader.load()
    assert not loader.changed()
    (tmp_path / OVERRIDES_FILE).write_text(
        "source_a,person_id_a,source_b,person_id_b,decision\n", encoding="utf-8"
    )
    assert loader.changed()
    loader.load()
    assert not loader.changed()
