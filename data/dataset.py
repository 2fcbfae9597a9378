"""The immutable dataset the app serves, and the report of how it was loaded.

A `Dataset` is built once per load and swapped in whole (see `DatasetRepository`); nothing mutates
it afterwards. Its `version` is a hash of the content, so query results can be cached by it.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np
import pandas as pd

from data.articles import article_key
from data.schema import COLUMN_NAMES
from data.shared_cache import MISSING, SharedStore, stable_text

if TYPE_CHECKING:
    from data.engine import Engine


@dataclass(frozen=True)
class SourceInfo:
    """What a source list is: shown beside every number that comes from it."""

    name: str  # the value of the `source` column, e.g. "demo", "memorial"
    display_name: str
    organisation: str = ""
    as_of: date | None = None
    licence: str = ""
    url: str = ""
    synthetic: bool = False  # invented records (the demo): every page must say so


@dataclass(frozen=True)
class RowIssue:
    """One problem with one value: where it is, what it was, and what was done about it."""

    file: str
    row: int  # 1-based line of the file for CSV (the header is line 1), record number otherwise
    column: str
    value: str
    reason: str  # in English, for the command line and the JSON report
    action: str  # "rejected": the row was not loaded; "repaired": the value was emptied or fixed
    code: str = ""  # what kind of problem, for the interface's translated text (components/i18n)

    def message(self) -> str:
        shown = self.value if len(self.value) <= 60 else self.value[:57] + "..."
        return f"{self.file}, row {self.row}, column {self.column!r}: {self.reason} ({shown!r})"


@dataclass(frozen=True)
class LoadReport:
    """Everything that happened while loading one file; nothing is dropped without an entry here."""

    file: str
    rows_read: int
    rows_loaded: int
    issues: tuple[RowIssue, ...] = ()
    format: str = ""
    notes: tuple[str, ...] = ()  # how it was read: encoding, delimiter, JSON shape, ...
    error: str | None = None  # the file as a whole could not be loaded (English message)
    error_code: str | None = None
    kept_previous: bool = False  # the last good version of this file is still being served
    # (source, file counted instead): this file is an earlier export of those lists, kept as a
    # snapshot and not counted (data.sources.count_newest_exports)
    superseded: tuple[tuple[str, str], ...] = ()

    @property
    def rejected(self) -> tuple[RowIssue, ...]:
        return tuple(i for i in self.issues if i.action == "rejected")

    @property
    def repaired(self) -> tuple[RowIssue, ...]:
        return tuple(i for i in self.issues if i.action == "repaired")

    @property
    def rows_rejected(self) -> int:
        return len({i.row for i in self.rejected})

    @property
    def rows_repaired(self) -> int:
        return len({i.row for i in self.repaired})

    def counts_by_column(self) -> dict[str, int]:
        """How many values of each column could not be used as given."""
        counts: dict[str, int] = {}
        for issue in self.issues:
            counts[issue.column] = counts.get(issue.column, 0) + 1
        return counts

    def examples_by_column(self, limit: int = 3) -> dict[str, list[str]]:
        """A few distinct values of each column that could not be used: what to fix first."""
        examples: dict[str, list[str]] = {}
        for issue in self.issues:
            shown = examples.setdefault(issue.column, [])
            if len(shown) < limit and issue.value not in shown:
                shown.append(issue.value)
        return examples

    def to_dict(self) -> dict:
        return {
            "file": self.file,
            "format": self.format,
            "notes": list(self.notes),
            "error": self.error,
            "kept_previous": self.kept_previous,
            "superseded_by": {source: file for source, file in self.superseded},
            "rows_read": self.rows_read,
            "rows_loaded": self.rows_loaded,
            "rows_rejected": self.rows_rejected,
            "rows_repaired": self.rows_repaired,
            "values_not_understood": self.counts_by_column(),
            "examples": self.examples_by_column(),
            "issues": [i.__dict__ for i in self.issues],
        }


def _exploded(cases: pd.DataFrame, column: str, distinct: bool = False) -> pd.DataFrame:
    """One row per (case, item of a list column): a filter on any item is a lookup here, not a
    scan of lists. Columns: row (position in `cases`), value. Built from the column's distinct
    lists (a million cases share a few thousand), each item once per case where `distinct`."""
    try:
        codes, lists = pd.factorize(cases[column], use_na_sentinel=True)
    except TypeError:  # lists, in a frame made by hand
        codes, lists = pd.factorize(cases[column].map(hashable), use_na_sentinel=True)
    items = [
        [i for i in (dict.fromkeys(v) if distinct else v) if i is not None and i == i]
        if isinstance(v, (tuple, list))
        else []
        for v in lists
    ]
    lengths = np.array([len(i) for i in items] + [0], dtype=np.int64)  # code -1: no list
    starts = np.concatenate([[0], np.cumsum(lengths[:-1])])
    flat = np.array([i for own in items for i in own] + [None], dtype=object)
    per_case = lengths[codes]
    rows = np.repeat(np.arange(len(codes)), per_case)
    first = np.repeat(np.cumsum(per_case) - per_case, per_case)  # each case's first item
    at = np.repeat(starts[codes], per_case) + (np.arange(len(rows)) - first)
    return pd.DataFrame({"row": rows, "value": flat[at] if len(rows) else flat[:0]})


def hashable(value: object) -> object:
    """A cell as something a hash table takes: lists and arrays as tuples, a dict as its JSON
    (cells read from JSON or Parquet)."""
    if isinstance(value, (list, np.ndarray)):
        return tuple(value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def _charges_table(cases: pd.DataFrame) -> pd.DataFrame:
    """One row per (case, article) with the article's key (207.3 for '207.3 ч.2'); each
    distinct article is read once (a million charges are a few hundred articles)."""
    charges = _exploded(cases, "articles").rename(columns={"value": "article"})
    codes, articles = pd.factorize(charges["article"])
    keys = np.array([article_key(a) for a in articles] + [None], dtype=object)
    charges["article_key"] = keys[codes]
    return charges.dropna(subset=["article_key"]).reset_index(drop=True)


def _groups_table(cases: pd.DataFrame) -> pd.DataFrame:
    """One row per (case, case group): a case may be filed under several groups."""
    return _exploded(cases, "case_group", distinct=True).rename(columns={"value": "group"})


def _content_hash(cases: pd.DataFrame) -> str:
    """A digest of every value, the same in every process (gunicorn workers and hosts sharing a
    cache must agree on it). Each column as its distinct values and a code per row: hashing a
    million rows takes a second, where converting every cell to text took ten."""
    digest = hashlib.sha256()
    for name in cases.columns:
        column = cases[name]
        try:  # list columns (articles, case groups) hold tuples, which hash
            codes, values = pd.factorize(column, use_na_sentinel=True)
        except TypeError:  # lists, in a frame made by hand
            codes, values = pd.factorize(column.map(hashable), use_na_sentinel=True)
        digest.update(f"\x1d{name}\x1d{len(values)}\x1d".encode())
        digest.update(codes.astype(np.int64).tobytes())
        digest.update("\x1e".join(map(str, np.asarray(values, dtype=object))).encode())
    return digest.hexdigest()[:16]


class Memo:
    """Results computed from one dataset, kept with it: a small LRU per kind of result.

    It lives and dies with its dataset, so a reload frees it, and no module holds state. Under
    the LRU, where a store is shared (`share`), the SHARED kinds are looked up in it, keyed by
    the dataset's version, before they are computed: the workers of a fleet of hosts compute
    each view once.
    """

    SIZES: ClassVar[dict[str, int]] = {
        "options": 2,
        "mask": 64,
        "overview": 1024,  # each view's parts (counters, timeline, ...), each a few KB
        "table": 8,
        "table_order": 32,
        "breaks": 16,
        "person_index": 1,
        "compare": 16,
        "history": 8,
        "health": 1,  # /readyz's counts
    }

    # The kinds also shared between processes and hosts through a SharedStore (REDIS_URL, see
    # data.shared_cache): small, picklable and worth a network round trip. The others (masks,
    # table pages, indexes: large, or cheap next to their size) stay in the process.
    SHARED: ClassVar[frozenset[str]] = frozenset({"overview", "breaks", "options", "compare"})

    def __init__(self, version: str = "", store: SharedStore | None = None) -> None:
        self.version = version  # the dataset's: part of every shared key
        self._store = store
        self._lock = threading.Lock()
        self._items: dict[str, OrderedDict] = {kind: OrderedDict() for kind in self.SIZES}

    def share(self, store: SharedStore | None) -> None:
        """Look results of the SHARED kinds up in `store` before computing them, and put them
        there after (the second level under the LRU); None: this process only. Set by the
        repository that serves the dataset."""
        self._store = store

    def get(self, kind: str, key: Hashable, compute: Callable[[], Any]) -> Any:
        items = self._items[kind]
        with self._lock:
            if key in items:
                items.move_to_end(key)
                return items[key]
        store = self._store
        name = None if store is None else self._shared_name(kind, key)
        value = MISSING if store is None or name is None else store.get(name)
        if value is MISSING:
            value = compute()
            if store is not None and name is not None:
                store.set(name, value)
        with self._lock:
            items[key] = value
            while len(items) > self.SIZES[kind]:
                items.popitem(last=False)
        return value

    def clear(self) -> None:
        """Forget everything (benchmarks measure the uncached path this way)."""
        with self._lock:
            for items in self._items.values():
                items.clear()

    def _shared_name(self, kind: str, key: Hashable) -> str | None:
        """`{version}:{kind}:{key}` where the result may be shared (the store adds its prefix),
        else None: not a shared kind, no version, or a key with no stable text."""
        if not self.version or kind not in self.SHARED:
            return None
        try:
            return f"{self.version}:{kind}:{stable_text(key)}"
        except TypeError:
            return None


@dataclass(frozen=True)
class Snapshot:
    """An earlier export of a list that a newer export of the same list supersedes: kept for the
    list's history, never counted with it."""

    source: str
    file: str
    as_of: date | None
    rows: int
    superseded_by: str  # the file that is counted instead
    cases: pd.DataFrame = field(repr=False, compare=False)


# Where each row came from in its file (for reports on the combined data); kept when present.
LINE = "_line"
# A derived column added to `cases`: the person as a small integer (0..persons-1). Counting
# distinct persons and grouping by person on integers is an order of magnitude faster than on ids.
PERSON_CODE = "_person"
# Another: the human being behind the records, across lists. A person matched on two lists
# (data.matching) has one identity and two person codes; anyone unmatched, their own.
IDENTITY = "_identity"


def identity_codes(person_codes: np.ndarray, pairs: list[tuple[int, int]]) -> np.ndarray:
    """Per row, the smallest person code of everyone linked to its person by `pairs` (person
    codes), renumbered 0..identities-1: union-find over the matched pairs."""
    size = int(person_codes.max()) + 1 if len(person_codes) else 0
    parent = np.arange(size)

    def root(code: int) -> int:
        while parent[code] != code:
            parent[code] = parent[parent[code]]
            code = parent[code]
        return code

    for a, b in pairs:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    while True:  # every code straight to its root, all at once
        grand = parent[parent]
        if np.array_equal(grand, parent):
            break
        parent = grand
    return pd.factorize(parent[person_codes])[0].astype(np.int32)


@dataclass(frozen=True, eq=False)
class Dataset:
    """One row per prosecution (`cases`: the canonical columns, then PERSON_CODE) plus derived
    lookup tables.

    eq=False: identity hashing, so a dataset can key an LRU cache without hashing its frames.
    """

    cases: pd.DataFrame
    sources: tuple[SourceInfo, ...]
    charges: pd.DataFrame = field(repr=False)
    groups: pd.DataFrame = field(repr=False)
    version: str
    # Earlier exports of the lists counted here (a list's history), oldest first; not counted.
    snapshots: tuple[Snapshot, ...] = ()
    # The same people on two lists (data.matching.Match), found at load time.
    matches: tuple[Any, ...] = ()
    memo: Memo = field(default_factory=Memo, repr=False)

    @classmethod
    def build(
        cls,
        cases: pd.DataFrame,
        sources: tuple[SourceInfo, ...],
        snapshots: tuple[Snapshot, ...] = (),
        matches: tuple[Any, ...] = (),
    ) -> Dataset:
        """Wrap a frame already in canonical form (see data.loader.normalise). `matches` pair
        persons of two lists ((source, person_id) each); they are part of the version, so every
        cached count changes when the matching does."""
        missing = [c for c in COLUMN_NAMES if c not in cases.columns]
        if missing:
            raise ValueError(f"not a canonical frame, missing columns: {missing}")
        line = cases[LINE].to_numpy() if LINE in cases.columns else None
        cases = cases.loc[:, list(COLUMN_NAMES)].reset_index(drop=True)
        version = _content_hash(cases)
        if matches:
            pairs = "\n".join(f"{m.left}\x1f{m.right}\x1f{m.how}" for m in matches)
            version = hashlib.sha256(f"{version}\n{pairs}".encode()).hexdigest()[:16]
        if line is not None:
            cases[LINE] = line
        # A person is a person_id within a source: two lists may reuse the same id.
        person_key = cases["source"].astype(str) + "\x1f" + cases["person_id"].astype(str)
        codes, keys = pd.factorize(person_key)
        cases[PERSON_CODE] = codes.astype(np.int32)
        code_of = {key: code for code, key in enumerate(keys)} if matches else {}
        pairs = [
            (code_of[f"{m.left[0]}\x1f{m.left[1]}"], code_of[f"{m.right[0]}\x1f{m.right[1]}"])
            for m in matches
            if f"{m.left[0]}\x1f{m.left[1]}" in code_of
            and f"{m.right[0]}\x1f{m.right[1]}" in code_of
        ]
        cases[IDENTITY] = identity_codes(cases[PERSON_CODE].to_numpy(), pairs)
        return cls(
            cases=cases,
            sources=sources,
            charges=_charges_table(cases),
            groups=_groups_table(cases),
            version=version,
            snapshots=snapshots,
            matches=tuple(matches),
            memo=Memo(version),
        )

    @property
    def synthetic(self) -> bool:
        """True when any record is invented (demo data); the interface then says so everywhere."""
        return any(s.synthetic for s in self.sources)

    @property
    def as_of(self) -> date | None:
        dates = [s.as_of for s in self.sources if s.as_of]
        return max(dates) if dates else None

    @cached_property
    def engine(self) -> Engine:
        """The dataset coded for counting (data.engine): built once, on first use or by
        `warm`, and dropped with the dataset."""
        from data.engine import Engine

        return Engine.build(self.cases, self.charges, self.groups, PERSON_CODE, IDENTITY)

    def warm(self) -> Dataset:
        """Build what serving needs before the dataset is served (the engine: seconds at a
        million rows), so that no reader's request pays for it."""
        _ = self.engine
        return self


class DatasetRepository:
    """Holds the dataset being served; a new load replaces it whole, or not at all.

    The only mutable thing in the app, and it changes by one atomic reference swap: a bad file
    never replaces the last good dataset (the caller keeps the report to show why). A read never
    waits for a load: data.sources.Reloader (the `watcher`) loads changed files on a thread of
    its own and calls `replace`. A request `pin`s the dataset it started with, so every read in
    it, and its X-Dataset-Version header, is of one version even when a swap lands mid-request.
    """

    def __init__(
        self,
        dataset: Dataset,
        reports: tuple[LoadReport, ...] = (),
    ) -> None:
        self._lock = threading.Lock()
        self._swapped = threading.Condition(self._lock)
        dataset.warm()  # coded for counting at load, never by a reader's request
        self._current = (dataset, reports)  # one tuple: swapped by one assignment
        # Counts the swaps: the reports may change (a file turned bad, the last good version
        # kept) while the dataset, and so its version, stays the same.
        self.generation = 0
        self._pinned = threading.local()
        self.watcher: Any = None  # has start() and stop(): data.sources.Reloader
        self._store: SharedStore | None = None

    def watch(self, watcher: Any) -> None:
        """Keep this repository current with `watcher` (data.sources.Reloader), whose thread
        `start_watching` starts in each process that serves (a thread does not survive fork)."""
        self.watcher = watcher

    def start_watching(self) -> None:
        """Start this process's watcher, if there is one and it is not running: cheap enough for
        every request."""
        if self.watcher is not None:
            self.watcher.start()

    def reload_soon(self) -> None:
        """Have this process's watcher look for changed files now (SIGHUP), in the background
        as always; nothing happens without a watcher (the demo data)."""
        if self.watcher is not None:
            self.watcher.wake()

    def pin(self) -> None:
        """Serve this thread (one request) the dataset current now, until `unpin`."""
        self._pinned.held = self._current

    def unpin(self) -> None:
        self._pinned.held = None

    def share(self, store: SharedStore | None) -> None:
        """Share the aggregates of every dataset served, this one and each replacement,
        through `store` (data.shared_cache; from REDIS_URL in app.create_app)."""
        self._store = store
        self._current[0].memo.share(store)

    def current(self) -> Dataset:
        """The dataset to serve: the request's pinned one, else the latest swapped in."""
        return (getattr(self._pinned, "held", None) or self._current)[0]

    def reports(self) -> tuple[LoadReport, ...]:
        return (getattr(self._pinned, "held", None) or self._current)[1]

    def last(self) -> Dataset:
        """The latest dataset swapped in, whatever this thread has pinned."""
        return self._current[0]

    def wait_for(self, predicate: Callable[[Dataset], bool], timeout: float) -> bool:
        """Wait until the latest dataset satisfies `predicate` (checked at each swap), at most
        `timeout` seconds; -> whether it does."""
        with self._swapped:
            return self._swapped.wait_for(lambda: predicate(self._current[0]), timeout)

    def replace(self, dataset: Dataset, reports: tuple[LoadReport, ...]) -> None:
        dataset.warm()  # coded on the loading thread, before any request sees it
        dataset.memo.share(self._store)
        with self._lock:
            self._current = (dataset, reports)
            self.generation += 1
            self._swapped.notify_all()
