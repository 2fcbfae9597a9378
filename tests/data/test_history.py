"""A list's history (data.history): snapshots of one list built from small hand-made frames, every
count and reason worked out by hand; the command line on files; Memorial's real card shape."""

import copy
import json
from datetime import date

import pandas as pd
import pytest

from data.history import (
    ListSnapshot,
    compare_snapshots,
    history_command,
    list_history,
    list_snapshots,
    sources_with_history,
    term_end,
)
from data.loader import normalise
from data.schema import COLUMN_NAMES
from data.sources import DataFolder
from data.writer import write_canonical
from tests.conftest import FIXTURES

EARLIER = date(2025, 2, 22)
LATER = date(2025, 3, 30)


def cases(rows: list[dict]) -> pd.DataFrame:
    """Canonical cases from text cells, as a file would give them."""
    raw = pd.DataFrame(
        [{**dict.fromkeys(COLUMN_NAMES, ""), "source": "memorial", **row} for row in rows]
    )
    raw["region_code"] = raw["region_code"].replace("", "RU-MOW")
    frame, report = normalise(raw, "test.csv")
    assert report.rows_rejected == 0, [i.message() for i in report.issues]
    return frame


def snapshot(as_of: date | None, rows: list[dict]) -> ListSnapshot:
    return ListSnapshot("memorial", f"list_{as_of}.csv", as_of, cases(rows))


def served(person_id: str, custody: str, months: str, **more: str) -> dict:
    """A person serving a real term."""
    return {
        "person_id": person_id,
        "status": "serving",
        "punishment_type": "imprisonment",
        "custody_date": custody,
        "sentence_months": months,
        **more,
    }


BEFORE = [
    served("p01", "2022-03-01", "36"),  # term ends 2025-03-01: served by LATER
    served("p02", "2022-03-30", "36"),  # ends 2025-03-30, the later date itself: served
    served("p03", "2022-03-31", "36"),  # ends 2025-03-31, a day after: no reason known
    {"person_id": "p04", "status": "released"},  # the earlier card already said so
    served("p05", "2020-01-01", "120"),  # the later export keeps them, as died
    {"person_id": "p06", "status": "trial"},  # trial -> serving, still on the list
    {"person_id": "p07", "status": "emigrated"},
    served("p08", "2021-05-05", "60"),  # no change
    {"person_id": "p09", "status": "investigation"},  # gone, no dates: no reason known
    # two cases: the first term is over, the second is not, so their term has not ended
    served("p10", "2020-01-01", "24", case_id="p10-a"),
    served("p10", "2022-01-01", "120", case_id="p10-b"),
    # a term that is over, and a life term: no end
    served("p11", "2015-01-01", "36", case_id="p11-a"),
    {**served("p11", "2018-01-01", ""), "punishment_type": "life", "case_id": "p11-b"},
    # serving beats released: a person held on one case is not free
    {"person_id": "p12", "status": "released", "case_id": "p12-a"},
    {"person_id": "p12", "status": "serving", "case_id": "p12-b"},
    served("p13", "2022-01-01", "12"),  # term over, but the later card still has them: no change
]
AFTER = [
    served("p05", "2020-01-01", "120", status="died"),
    served("p06", "2023-06-01", "48"),
    served("p08", "2021-05-05", "60"),
    {"person_id": "p12", "status": "released"},  # all their cases now say released
    served("p13", "2022-01-01", "12"),
    served("n1", "2025-03-05", "24"),  # arrested after EARLIER: a new case
    served("n2", "2021-01-01", "24", persecution_start="2020-06-01"),  # recognised later
    {"person_id": "n3", "status": "trial"},  # no dates: added, reason unknown
    {"person_id": "n4", "status": "investigation", "persecution_start": "2025-03-01"},
    served("n5", "2025-02-22", "6"),  # arrested on EARLIER itself: not after it
]


@pytest.fixture(scope="module")
def change():
    return compare_snapshots(snapshot(EARLIER, BEFORE), snapshot(LATER, AFTER))


def test_counts_are_persons_not_cases(change):
    assert change.persons_before == 13  # 16 rows, p10, p11 and p12 twice
    assert change.persons_after == 10


def test_who_left_and_why(change):
    assert {c.person_id: c.reason for c in change.removed} == {
        "p01": "sentence_served",
        "p02": "sentence_served",
        "p03": "removed",
        "p04": "released",
        "p05": "died",
        "p07": "emigrated",
        "p09": "removed",
        "p10": "removed",
        "p11": "removed",
        "p12": "released",
    }
    assert change.removed_ids == tuple(sorted(change.removed_ids))
    assert change.removed_by_reason() == {
        "released": 2,
        "died": 1,
        "emigrated": 1,
        "sentence_served": 2,
        "removed": 4,
    }


def test_who_was_added_and_why(change):
    assert change.added_ids == ("n1", "n2", "n3", "n4", "n5")
    assert [c.reason for c in change.added] == ["new_case", "added", "added", "new_case", "added"]
    assert change.added_by_reason() == {"new_case": 2, "added": 3}


def test_status_changes_of_those_still_on_the_list(change):
    # p05 (died) and p12 (released) left the list: they are removed, not changed.
    assert [(c.person_id, c.before, c.after) for c in change.status_changed] == [
        ("p06", "trial", "serving")
    ]


def test_an_earlier_snapshot_without_a_date_cannot_tell_new_cases():
    change = compare_snapshots(snapshot(None, BEFORE), snapshot(LATER, AFTER))
    assert {c.reason for c in change.added} == {"added"}
    # and a later one without a date cannot tell whose term ended
    change = compare_snapshots(snapshot(EARLIER, BEFORE), snapshot(None, AFTER))
    assert {c.person_id for c in change.removed if c.reason == "sentence_served"} == set()


def test_the_mix_of_charges_and_regions_counts_persons():
    before = snapshot(
        EARLIER,
        [
            {"person_id": "a", "articles": "207.3 ч.2|280.3 ч.1", "region_code": "RU-BA"},
            # two cases under 207.3: one person
            {"person_id": "b", "articles": "207.3 ч.1", "region_code": "RU-MOW", "case_id": "b1"},
            {"person_id": "b", "articles": "207.3 ч.2", "region_code": "RU-MOW", "case_id": "b2"},
            {"person_id": "c", "articles": "30 ч.1 - 278|205.5 ч.2", "region_code": "UA-43"},
        ],
    )
    after = snapshot(
        LATER,
        [
            {"person_id": "b", "articles": "207.3 ч.2", "region_code": "RU-MOW"},
            {"person_id": "c", "articles": "205.5 ч.2", "region_code": "UA-43"},
            {"person_id": "d", "articles": "275", "region_code": "RU-BA"},
            {"person_id": "e", "articles": "", "region_code": "unknown"},
        ],
    )
    change = compare_snapshots(before, after)
    assert change.articles_before == {"207.3": 2, "205.5": 1, "278": 1, "280.3": 1}
    assert change.articles_after == {"205.5": 1, "207.3": 1, "275": 1}
    assert change.regions_before == {"RU-BA": 1, "RU-MOW": 1, "UA-43": 1}
    assert change.regions_after == {"RU-BA": 1, "RU-MOW": 1, "UA-43": 1, "unknown": 1}


def test_term_end_counts_calendar_months():
    assert term_end(date(2023, 1, 10), 24) == date(2025, 1, 10)
    assert term_end(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert term_end(date(2023, 1, 10), 6.5) == date(2023, 7, 25)  # half a month: 15 days


def test_two_lists_cannot_be_compared():
    other = ListSnapshot("ovdinfo", "x.csv", LATER, cases([{"person_id": "a"}]))
    with pytest.raises(ValueError, match="two lists"):
        compare_snapshots(snapshot(EARLIER, [{"person_id": "a"}]), other)


# --- three snapshots as files ------------------------------------------------------------------

SNAPSHOT_ROWS = {
    # file name: (as_of, rows); the names carry no date, the metadata does
    "first.csv": ("2025-01-15", [served("a", "2022-01-01", "24"), served("b", "2023-01-01", "60")]),
    "second.csv": (
        "2025-02-22",
        [served("b", "2023-01-01", "60"), served("c", "2025-02-01", "12")],
    ),
    "third.csv": (
        "2025-03-30",
        [
            served("b", "2023-01-01", "60", status="released"),
            served("c", "2025-02-01", "12"),
            {"person_id": "d", "status": "trial"},
        ],
    ),
}


@pytest.fixture()
def three_files(tmp_path):
    paths = []
    for name, (as_of, rows) in SNAPSHOT_ROWS.items():
        path = tmp_path / name
        write_canonical(cases(rows), path)
        meta = {"source": "memorial", "as_of": as_of}
        path.with_name(name + ".meta.json").write_text(json.dumps(meta), encoding="utf-8")
        paths.append(path)
    return paths


def test_three_snapshots_in_a_folder_make_two_changes(three_files, tmp_path):
    dataset, _ = DataFolder(tmp_path).load()
    assert sources_with_history(dataset) == ("memorial",)
    history = list_history(dataset, "memorial")
    assert [(s.file, s.as_of, s.persons) for s in history.snapshots] == [
        ("first.csv", date(2025, 1, 15), 2),
        ("second.csv", date(2025, 2, 22), 2),
        ("third.csv", date(2025, 3, 30), 3),
    ]
    first, second = history.changes
    assert [(c.person_id, c.reason) for c in first.removed] == [("a", "sentence_served")]
    assert [(c.person_id, c.reason) for c in first.added] == [("c", "new_case")]
    assert [(c.person_id, c.reason) for c in second.removed] == [("b", "released")]
    assert [(c.person_id, c.reason) for c in second.added] == [("d", "added")]
    assert list_snapshots(dataset, "nobody") == ()
    assert list_history(dataset, "memorial") is history  # memoised with the dataset


def test_the_command_line_json(three_files, tmp_path, capsys):
    # in any order, with the metadata files a shell glob brings along
    files = [str(p) for p in sorted(tmp_path.iterdir(), reverse=True)]
    assert history_command([*files, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    memorial = out["sources"]["memorial"]
    assert memorial["snapshots"] == [
        {"file": "first.csv", "as_of": "2025-01-15", "persons": 2},
        {"file": "second.csv", "as_of": "2025-02-22", "persons": 2},
        {"file": "third.csv", "as_of": "2025-03-30", "persons": 3},
    ]
    first, second = memorial["changes"]
    assert (first["from"], first["to"], first["persons_before"], first["persons_after"]) == (
        "2025-01-15",
        "2025-02-22",
        2,
        2,
    )
    assert first["added"] == [{"id": "c", "reason": "new_case"}]
    assert first["removed"] == [{"id": "a", "reason": "sentence_served"}]
    assert second["removed"] == [{"id": "b", "reason": "released"}]
    assert second["added"] == [{"id": "d", "reason": "added"}]
    assert first["status_changed"] == second["status_changed"] == []
    # a folder stands for its files
    assert history_command([str(tmp_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == out


def test_the_command_line_text(three_files, capsys):
    assert history_command([str(p) for p in three_files]) == 0
    out = capsys.readouterr().out
    assert "2025-01-15 -> 2025-02-22: 2 -> 2 persons, added 1, removed 1" in out
    assert "- a (sentence_served)" in out
    assert "+ d (added)" in out


def test_the_date_in_the_name_without_metadata(tmp_path, capsys):
    for name, rows in (
        ("list_2_30-03-2025.csv", [{"person_id": "a"}, {"person_id": "c"}]),
        ("list_2_22-02-2025.csv", [{"person_id": "a"}, {"person_id": "b"}]),
    ):
        write_canonical(cases(rows), tmp_path / name)
    assert history_command([str(p) for p in sorted(tmp_path.iterdir())] + ["--json"]) == 0
    memorial = json.loads(capsys.readouterr().out)["sources"]["memorial"]
    assert [s["as_of"] for s in memorial["snapshots"]] == ["2025-02-22", "2025-03-30"]
    assert memorial["changes"][0]["removed"] == [{"id": "b", "reason": "removed"}]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("broken.csv", "foo,bar\n1,2\n"),  # no format it could be
        ("empty.json", ""),
        ("missing.csv", None),  # not there at all
    ],
)
def test_a_bad_file_exits_2_naming_it(three_files, tmp_path, capsys, name, content):
    bad = tmp_path / name
    if content is not None:
        bad.write_text(content, encoding="utf-8")
    assert history_command([str(three_files[0]), str(bad)]) == 2
    err = capsys.readouterr().err
    assert name in err and "Traceback" not in err


def test_bad_arguments_exit_2(capsys):
    assert history_command([]) == 2
    assert "usage" in capsys.readouterr().err


# --- Memorial's card shape -----------------------------------------------------------------------


def test_two_snapshots_of_memorials_cards(tmp_path, capsys):
    cards = json.loads((FIXTURES / "memorial_cards_2025_shape.geojson").read_text("utf-8"))
    by_id = {f["properties"]["ID"]: f for f in cards["features"]}
    # Earlier: 710001 arrested in 2011 instead (its 13 years 9 months end on 2024-11-24).
    by_id["710001"]["properties"]["date"] = "24/02/2011"
    (tmp_path / "list_6_22-02-2025.geojson").write_text(
        json.dumps(cards, ensure_ascii=False), encoding="utf-8"
    )
    later = copy.deepcopy(cards)
    cards_later = {f["properties"]["ID"]: f["properties"] for f in later["features"]}
    cards_later["710004"]["tags"].append("освобождены")  # still in the export, now free
    cards_later["710006"]["tags"].remove("апелляция в суде")  # the verdict is in force now
    new = copy.deepcopy(later["features"][4])  # 710005's shape, arrested after the earlier date
    new["properties"].update(ID="710007", date="10/03/2025")
    old = copy.deepcopy(later["features"][4])  # and one recognised late
    old["properties"].update(ID="710008", date="01/06/2023")
    later["features"] = [
        f for f in later["features"] if f["properties"]["ID"] not in {"710001", "710002"}
    ] + [new, old]
    (tmp_path / "list_6_30-03-2025.geojson").write_text(
        json.dumps(later, ensure_ascii=False), encoding="utf-8"
    )

    dataset, _ = DataFolder(tmp_path).load()
    (change,) = list_history(dataset, "memorial").changes
    assert (change.persons_before, change.persons_after) == (6, 6)
    assert {c.person_id: c.reason for c in change.removed} == {
        "710001": "sentence_served",
        "710002": "removed",  # on trial, no term: the list does not say why
        "710004": "released",
    }
    assert {c.person_id: c.reason for c in change.added} == {
        "710007": "new_case",
        "710008": "added",
    }
    assert [(c.person_id, c.before, c.after) for c in change.status_changed] == [
        ("710006", "trial", "serving")
    ]
    assert change.articles_before["207.3"] == 3  # 710002, 710004, 710005
    assert change.articles_after["207.3"] == 4  # 710004, 710005, 710007, 710008
    assert change.regions_before["RU-SPE"] == 1 and "RU-SPE" not in change.regions_after

    # the command line reads the same files one by one, dated by their names
    files = [str(p) for p in sorted(tmp_path.iterdir())]
    assert history_command([*files, "--json"]) == 0
    (cli,) = json.loads(capsys.readouterr().out)["sources"]["memorial"]["changes"]
    assert cli["removed"] == [
        {"id": "710001", "reason": "sentence_served"},
        {"id": "710002", "reason": "removed"},
        {"id": "710004", "reason": "released"},
    ]
    assert (cli["from"], cli["to"]) == ("2025-02-22", "2025-03-30")
