"""A list's history: several exports of one list, saved on different dates, are snapshots of it
(formats.md: `list_867_22-02-2025.geojson`, `list_899_30-03-2025.geojson`). Between two
snapshots some people were added and some left the list; the later card, or the earlier one and
the dates, often tell why. PRODUCT.md, "A list's history".

    python -m data history FILES... [--json] [--format F]

Everything here is a pure function of the snapshots' frames: the page (components/history.py)
and the command line show the same numbers.
"""

from __future__ import annotations

import argparse
import calendar
import itertools
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from data.articles import article_key
from data.dataset import Dataset
from data.importers import FORMATS
from data.schema import FREE_STATUSES

# Why a person left the list between two snapshots; the first rule that applies:
#   1. the later export still has them, and its card now says released / died / emigrated;
#   2. the earlier card already said released / died / emigrated;
#   3. their real term (custody date + months, imprisonment) ended on or before the later date;
#   4. "removed": the data does not say why.
REASONS = ("released", "died", "emigrated", "sentence_served", "removed")
# Why a person is on the later snapshot and not on the earlier one: "new_case" when a custody or
# start date of theirs falls after the earlier snapshot's date, else "added" (recognised later,
# or the list's editors caught up with an older case).
ADDED_REASONS = ("new_case", "added")
# A person with several cases has the most telling of their statuses: one held on any case is not
# free; death outranks everything.
_STATUS_ORDER = ("died", "serving", "trial", "investigation", "emigrated", "released", "unknown")
_DAYS_PER_MONTH = 30.4375


@dataclass(frozen=True)
class ListSnapshot:
    """One export of a list: its cases as of its date."""

    source: str
    file: str
    as_of: date | None
    cases: pd.DataFrame = field(repr=False, compare=False)

    @property
    def person_ids(self) -> frozenset[str]:
        return frozenset(self.cases["person_id"].astype(str))

    @property
    def persons(self) -> int:
        """Distinct persons in the export (a person with two cases counts once)."""
        return int(self.cases["person_id"].astype(str).nunique())

    def label(self) -> str:
        return self.as_of.isoformat() if self.as_of else self.file


@dataclass(frozen=True)
class Change:
    """A person added to or removed from the list, and why (REASONS or ADDED_REASONS)."""

    person_id: str
    name: str
    reason: str


@dataclass(frozen=True)
class StatusChange:
    """A person still on the list whose status changed ("" where a card gives none)."""

    person_id: str
    name: str
    before: str
    after: str


@dataclass(frozen=True)
class SnapshotChange:
    """What changed between two snapshots of one list.

    `removed` counts people who left the list: absent from the later export, or still in it with
    a card that now says released, died or emigrated (exports of "all cases" keep such cards).
    So `persons_after - persons_before` need not equal `len(added) - len(removed)`.
    """

    earlier: ListSnapshot
    later: ListSnapshot
    added: tuple[Change, ...]  # sorted by id
    removed: tuple[Change, ...]  # sorted by id
    status_changed: tuple[StatusChange, ...]  # on both and still on the list, another status
    # Persons per article key and per region (of prosecution), before and after.
    articles_before: dict[str, int]
    articles_after: dict[str, int]
    regions_before: dict[str, int]
    regions_after: dict[str, int]

    @property
    def persons_before(self) -> int:
        return self.earlier.persons

    @property
    def persons_after(self) -> int:
        return self.later.persons

    @property
    def added_ids(self) -> tuple[str, ...]:
        return tuple(c.person_id for c in self.added)

    @property
    def removed_ids(self) -> tuple[str, ...]:
        return tuple(c.person_id for c in self.removed)

    def removed_by_reason(self) -> dict[str, int]:
        return {r: sum(1 for c in self.removed if c.reason == r) for r in REASONS}

    def added_by_reason(self) -> dict[str, int]:
        return {r: sum(1 for c in self.added if c.reason == r) for r in ADDED_REASONS}


@dataclass(frozen=True)
class ListHistory:
    source: str
    snapshots: tuple[ListSnapshot, ...]  # oldest first; the last is the one counted
    changes: tuple[SnapshotChange, ...]  # between consecutive snapshots


def _order(snapshot: ListSnapshot) -> tuple:
    return (snapshot.as_of or date.min, snapshot.file)


def list_snapshots(dataset: Dataset, source: str) -> tuple[ListSnapshot, ...]:
    """The source's earlier exports (Dataset.snapshots), oldest first, then the export counted
    (the dataset's own cases of that source). Empty for a source the dataset does not have."""
    earlier = sorted(
        (
            ListSnapshot(s.source, s.file, s.as_of, s.cases)
            for s in dataset.snapshots
            if s.source == source
        ),
        key=_order,
    )
    info = next((s for s in dataset.sources if s.name == source), None)
    if info is None:
        return tuple(earlier)
    current = dataset.cases[dataset.cases["source"].astype(str) == source]
    counted_file = next((s.superseded_by for s in dataset.snapshots if s.source == source), "")
    return (*earlier, ListSnapshot(source, counted_file, info.as_of, current))


def sources_with_history(dataset: Dataset) -> tuple[str, ...]:
    """The lists of which an earlier export is loaded too: the only ones with a history."""
    return tuple(sorted({s.source for s in dataset.snapshots}))


def term_end(custody: date, months: float) -> date | None:
    """The day a real term of `months` that began on `custody` ends: whole calendar months (a
    two-year term from 10 Jan 2023 ends on 10 Jan 2025), then the fraction as days."""
    whole = int(months)
    year, month0 = divmod(custody.month - 1 + whole, 12)
    year += custody.year
    if not 1 <= year <= 9999:
        return None
    day = min(custody.day, calendar.monthrange(year, month0 + 1)[1])
    try:
        return date(year, month0 + 1, day) + timedelta(
            days=round((months - whole) * _DAYS_PER_MONTH)
        )
    except OverflowError:
        return None


def _text(series: pd.Series) -> np.ndarray:
    return series.astype(object).where(series.notna(), "").astype(str).to_numpy()


def _dates(series: pd.Series) -> np.ndarray:
    """`date` objects, None where missing."""
    return pd.to_datetime(series).to_numpy(dtype="datetime64[D]").astype(object)


class _Person(NamedTuple):
    """What the comparison needs of one person on one snapshot (a tuple: tens of thousands are
    made per comparison)."""

    name: str
    status: str  # the most telling of their cases' statuses (_STATUS_ORDER), "" if none
    ends: date | None  # when their latest real term ends; None if unknown or a life term
    started: date | None  # their latest custody or start date


def _rank(status: str) -> int:
    return _STATUS_ORDER.index(status) if status in _STATUS_ORDER else len(_STATUS_ORDER)


def _people(cases: pd.DataFrame) -> dict[str, _Person]:
    """One entry per person_id, from all their cases (one pass in plain Python: a list of tens
    of thousands of cases takes milliseconds, where pandas lookups per person took seconds)."""
    found: dict[str, dict] = {}
    columns = zip(
        _text(cases["person_id"]),
        _text(cases["name"]),
        _text(cases["status"]),
        _text(cases["punishment_type"]),
        _dates(cases["custody_date"]),
        _dates(cases["persecution_start"]),
        pd.to_numeric(cases["sentence_months"], errors="coerce").to_numpy(dtype=float),
        strict=True,
    )
    for person_id, name, status, punishment, custody, start, months in columns:
        person = found.setdefault(
            person_id,
            {"name": name, "status": status, "ends": None, "life": False, "started": None},
        )
        person["name"] = person["name"] or name
        if _rank(status) < _rank(person["status"]):
            person["status"] = status
        person["life"] = person["life"] or punishment == "life"
        if punishment == "imprisonment" and custody is not None and not np.isnan(months):
            ends = term_end(custody, float(months))
            if ends is not None and (person["ends"] is None or ends > person["ends"]):
                person["ends"] = ends
        for day in (custody, start):
            if day is not None and (person["started"] is None or day > person["started"]):
                person["started"] = day
    return {
        person_id: _Person(p["name"], p["status"], None if p["life"] else p["ends"], p["started"])
        for person_id, p in found.items()
    }


def _mix(cases: pd.DataFrame, column: str) -> dict[str, int]:
    """Persons per article key (`articles`) or per region of prosecution (`region_code`, with
    "unknown" kept): a person with two cases under one article counts once for it."""
    ids = _text(cases["person_id"])
    if column == "articles":
        keys: dict[str, str | None] = {}  # a list repeats a few hundred articles
        pairs = {
            (person, key)
            for person, articles in zip(ids, cases["articles"], strict=True)
            if isinstance(articles, list | tuple | np.ndarray)
            for key in (
                keys[a] if a in keys else keys.setdefault(a, article_key(a))
                for a in map(str, articles)
            )
            if key
        }
    else:
        pairs = {
            (person, value)
            for person, value in zip(ids, _text(cases[column]), strict=True)
            if value
        }
    counts: dict[str, int] = {}
    for _person, key in pairs:
        counts[key] = counts.get(key, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def removal_reason(
    before_status: str,
    before_ends: date | None,
    after_status: str | None,
    later_as_of: date | None,
) -> str:
    """Why a person left the list (REASONS, first rule that applies). `after_status` is None
    when the later export does not have the person at all."""
    if after_status in FREE_STATUSES:
        return str(after_status)
    if before_status in FREE_STATUSES:
        return before_status
    if before_ends is not None and later_as_of is not None and before_ends <= later_as_of:
        return "sentence_served"
    return "removed"


def compare_snapshots(earlier: ListSnapshot, later: ListSnapshot) -> SnapshotChange:
    """Who was added and who left between two snapshots of a list, and why where the data
    tells; whose status changed while staying on it; the mix of charges and regions before and
    after. A person is the same person on both when their person_id is."""
    if earlier.source != later.source:
        raise ValueError(f"snapshots of two lists: {earlier.source!r} and {later.source!r}")
    before, after = _people(earlier.cases), _people(later.cases)
    both = before.keys() & after.keys()
    # Still in the later export, but its card says they are free now: they left the list.
    freed = {
        p
        for p in both
        if after[p].status in FREE_STATUSES and before[p].status not in FREE_STATUSES
    }
    added = []
    for person_id in sorted(after.keys() - before.keys()):
        started = after[person_id].started
        new = earlier.as_of is not None and started is not None and started > earlier.as_of
        added.append(Change(person_id, after[person_id].name, "new_case" if new else "added"))
    removed = []
    for person_id in sorted((before.keys() - after.keys()) | freed):
        was, now = before[person_id], after.get(person_id)
        reason = removal_reason(was.status, was.ends, now.status if now else None, later.as_of)
        removed.append(Change(person_id, (now or was).name, reason))
    status_changed = [
        StatusChange(person_id, after[person_id].name, before[person_id].status, status)
        for person_id in sorted(both - freed)
        if (status := after[person_id].status) != before[person_id].status
    ]
    return SnapshotChange(
        earlier=earlier,
        later=later,
        added=tuple(added),
        removed=tuple(removed),
        status_changed=tuple(status_changed),
        articles_before=_mix(earlier.cases, "articles"),
        articles_after=_mix(later.cases, "articles"),
        regions_before=_mix(earlier.cases, "region_code"),
        regions_after=_mix(later.cases, "region_code"),
    )


def history_of(snapshots: Sequence[ListSnapshot]) -> tuple[SnapshotChange, ...]:
    """The changes between consecutive snapshots, in the order given."""
    return tuple(compare_snapshots(a, b) for a, b in itertools.pairwise(snapshots))


def list_history(dataset: Dataset, source: str) -> ListHistory:
    """A list's snapshots and what changed between each two; memoised with the dataset (it is
    immutable, and the page asks for it on every render)."""

    def compute() -> ListHistory:
        snapshots = list_snapshots(dataset, source)
        return ListHistory(source, snapshots, history_of(snapshots))

    return dataset.memo.get("history", source, compute)


# --- the command line ----------------------------------------------------------------------------


def _change_json(change: SnapshotChange) -> dict:
    return {
        "from": change.earlier.label(),
        "to": change.later.label(),
        "from_file": change.earlier.file,
        "to_file": change.later.file,
        "persons_before": change.persons_before,
        "persons_after": change.persons_after,
        "added": [{"id": c.person_id, "reason": c.reason} for c in change.added],
        "removed": [{"id": c.person_id, "reason": c.reason} for c in change.removed],
        "status_changed": [
            {"id": c.person_id, "before": c.before, "after": c.after} for c in change.status_changed
        ],
    }


def _message(path: Path, text: str) -> str:
    """The loader's messages start with the file's name; say it once, with its path."""
    prefix = f"{path.name}: "
    return f"{path}: {text[len(prefix) :] if text.startswith(prefix) else text}"


def _load_snapshots(
    path: Path, fmt: str | None
) -> tuple[list[ListSnapshot], list[str], str | None]:
    """One file -> (a snapshot per list in it, warnings, error). Never raises: a file that
    cannot be read is an error message naming it."""
    from data.sources import load_one  # data.sources imports the loader; keep this module light

    if not path.is_file():
        return [], [], f"{path}: no such file"
    try:
        dataset, report = load_one(path, fmt)
    except Exception as error:  # a bad file is a message, never a traceback
        return [], [], _message(path, f"cannot be read ({type(error).__name__}: {error})")
    if dataset is None or dataset.cases.empty:
        return [], [], _message(path, report.error or "no row could be loaded")
    warnings = [_message(path, note) for note in report.notes if "ignored" in note]
    if report.rows_rejected:
        warnings.append(
            _message(
                path,
                f"{report.rows_rejected} of {report.rows_read} rows not loaded "
                f"(python -m data check {path})",
            )
        )
    names = dataset.cases["source"].astype(str)
    snapshots = [
        ListSnapshot(s.name, path.name, s.as_of, dataset.cases[names == s.name])
        for s in dataset.sources
    ]
    return snapshots, warnings, None


def _ordering_warnings(source: str, found: list[ListSnapshot]) -> list[str]:
    """Snapshots whose order is a guess: no date, or the same date as another."""
    warnings = [
        f"{s.file}: no 'as of' date (none in {s.file}.meta.json or in the name); "
        f"taken as the oldest export of {source!r}"
        for s in found
        if s.as_of is None and len(found) > 1
    ]
    for as_of, same in itertools.groupby(found, key=lambda s: s.as_of):
        files = [s.file for s in same]
        if as_of is not None and len(files) > 1:
            warnings.append(
                f"{', '.join(files)}: the same 'as of' date {as_of.isoformat()} for "
                f"{source!r}; ordered by file name"
            )
    return warnings


def history_command(argv: list[str]) -> int:
    """`python -m data history FILES... [--json] [--format F]`: each file is one snapshot (a
    folder: each of its data files); the files of one list are ordered by their "as of" date
    (`<file>.meta.json`, else the date in the name). Exit 0, or 2 for bad arguments or a file
    that cannot be loaded: an operator checks the exports before putting them in the folder."""
    from data.sources import META_SUFFIX, data_files

    parser = argparse.ArgumentParser(
        prog="python -m data history",
        description="What changed between snapshots of a list: counts, added and removed ids.",
    )
    parser.add_argument(
        "files", nargs="+", type=Path, help="exports of one or more lists, or folders of them"
    )
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    parser.add_argument("--format", choices=FORMATS, default=None, help="default: detected")
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # argparse has printed the usage and the problem
        return int(stop.code or 0)
    snapshots: dict[str, list[ListSnapshot]] = {}
    seen: set[Path] = set()
    warnings: list[str] = []
    paths = []
    for given in args.files:  # a folder stands for its data files, as the app reads them
        found_files = data_files(given) if given.is_dir() else [given]
        if not found_files:
            print(f"error: {given}: a folder with no data files", file=sys.stderr)
            return 2
        paths.extend(found_files)
    for path in paths:
        if path.name.endswith(META_SUFFIX) or path.resolve() in seen:
            continue  # a shell glob takes the metadata beside a file, or a file twice
        seen.add(path.resolve())
        found, notes, error = _load_snapshots(path, args.format)
        if error is not None:
            print(f"error: {error}", file=sys.stderr)
            return 2
        warnings.extend(notes)
        for snapshot in found:
            snapshots.setdefault(snapshot.source, []).append(snapshot)
    out: dict[str, dict] = {}
    for source, found in sorted(snapshots.items()):
        found.sort(key=_order)
        warnings.extend(_ordering_warnings(source, found))
        out[source] = {
            "snapshots": [
                {
                    "file": s.file,
                    "as_of": s.as_of.isoformat() if s.as_of else None,
                    "persons": s.persons,
                }
                for s in found
            ],
            "changes": [_change_json(c) for c in history_of(found)],
        }
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if args.json:
        print(json.dumps({"sources": out}, ensure_ascii=False, indent=2))
        return 0
    for source, data in out.items():
        print(f"{source}: {len(data['snapshots'])} snapshot(s)")
        for snap in data["snapshots"]:
            print(f"  {snap['as_of'] or '(no date)'}  {snap['file']}: {snap['persons']} persons")
        if not data["changes"]:
            print("  (one snapshot: nothing to compare)")
        for change in data["changes"]:
            print(
                f"  {change['from']} -> {change['to']}: {change['persons_before']} -> "
                f"{change['persons_after']} persons, added {len(change['added'])}, "
                f"removed {len(change['removed'])}, "
                f"status changed {len(change['status_changed'])}"
            )
            for item in change["added"]:
                print(f"    + {item['id']} ({item['reason']})")
            for item in change["removed"]:
                print(f"    - {item['id']} ({item['reason']})")
            for item in change["status_changed"]:
                print(f"    ~ {item['id']} ({item['before'] or '-'} -> {item['after'] or '-'})")
    return 0
