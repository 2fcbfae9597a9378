"""A data folder (or a list of files): every file loaded with its `<file>.meta.json`, combined into
one dataset, and reloaded when a file changes.

A file that turns bad never costs data: its last good version keeps being served, and its report
says so (`kept_previous`). A file that was never good is reported and left out. The dataset is only
replaced whole (DatasetRepository), so a request never sees half a reload, and it is loaded off the
request path, by each process's watcher thread (Reloader): no request waits for a load.
"""

from __future__ import annotations

import json
import logging
import os
import re
import threading
import weakref
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pandas as pd

from data.dataset import (
    PERSON_CODE,
    Dataset,
    DatasetRepository,
    LoadReport,
    Snapshot,
    SourceInfo,
)
from data.importers import FORMATS, load_file
from data.importers.read import (
    DEFAULT_MAX_BYTES,
    SUPPORTED_SUFFIXES,
    DataLoadError,
    error_text,
)
from data.matching import OVERRIDES_FILE, Override, match_persons, read_overrides

log = logging.getLogger(__name__)
META_SUFFIX = ".meta.json"


@dataclass(frozen=True)
class FileState:
    """What is known of one file: its signature when last read, its last good data, its report."""

    path: Path
    signature: tuple
    dataset: Dataset | None
    report: LoadReport


def data_files(folder: Path) -> list[Path]:
    """Loadable files in a folder, in name order; metadata, hidden and temporary files skipped."""
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file()
        and p.suffix.lower() in SUPPORTED_SUFFIXES
        and not p.name.endswith(META_SUFFIX)
        and p.name != OVERRIDES_FILE  # the operator's corrections to the matching, not a list
        and not p.name.startswith((".", "~$"))
    )


def meta_path(path: Path) -> Path:
    return path.with_name(path.name + META_SUFFIX)


def read_meta(path: Path) -> tuple[SourceInfo | None, str | None, tuple[str, ...]]:
    """`<file>.meta.json` -> (SourceInfo or None, format or None, notes). A broken metadata file
    is reported and the data file still loads, with defaults."""
    meta = meta_path(path)
    if not meta.is_file():
        return None, None, ()
    try:
        values = json.loads(meta.read_text(encoding="utf-8-sig"))
        if not isinstance(values, dict):
            raise ValueError("not a JSON object")
    except (OSError, ValueError) as error:
        return None, None, (f"{meta.name} ignored: {error_text(error)}",)
    notes = []
    as_of = None
    if values.get("as_of"):
        try:
            as_of = date.fromisoformat(str(values["as_of"])[:10])
        except ValueError:
            notes.append(f"{meta.name}: as_of {values['as_of']!r} is not a date (YYYY-MM-DD)")
    fmt = values.get("format")
    if fmt is not None and fmt not in FORMATS:
        notes.append(f"{meta.name}: unknown format {fmt!r}; detected from the columns instead")
        fmt = None
    # No "source" in the metadata: the list is named by the data (its importer's default, e.g.
    # "memorial", or the canonical `source` column), never by the file, so that two snapshots of
    # one list with metadata that gives only their dates are still one list.
    name = str(values.get("source") or "").strip()
    info = SourceInfo(
        name=name,
        display_name=str(values.get("display_name") or values.get("name") or name),
        organisation=str(values.get("organisation") or values.get("organization") or ""),
        as_of=as_of,
        licence=str(values.get("licence") or values.get("license") or ""),
        url=str(values.get("url") or ""),
        synthetic=bool(values.get("synthetic", False)),
    )
    return info, fmt, tuple(notes)


def _signature(path: Path) -> tuple:
    def stat(p: Path) -> tuple:
        try:
            s = p.stat()
            return (s.st_mtime_ns, s.st_size)
        except OSError:
            return (None, None)

    return (*stat(path), *stat(meta_path(path)))


# "list_899_30-03-2025.geojson", "export-2025-10-01.csv": snapshots carry their date in the name.
_NAME_DATE = re.compile(
    r"(?<!\d)(?:(?P<d>\d{1,2})[-._](?P<m>\d{1,2})[-._](?P<y>\d{4})"
    r"|(?P<y2>\d{4})[-._](?P<m2>\d{1,2})[-._](?P<d2>\d{1,2}))(?!\d)"
)


def date_in_name(name: str) -> date | None:
    """The date a file name carries (dd-mm-yyyy or yyyy-mm-dd, with - . or _), if a real one."""
    for match in _NAME_DATE.finditer(name):
        day, month, year = (
            (match["d"], match["m"], match["y"]) if match["y"] else
            (match["d2"], match["m2"], match["y2"])
        )  # fmt: skip
        try:
            return date(int(year), int(month), int(day))
        except ValueError:
            continue
    return None


def _dated_by_name(dataset: Dataset, path: Path) -> tuple[Dataset, tuple[str, ...]]:
    """Sources with no "as of" date take the date in the file name, and the report says so."""
    named = date_in_name(path.name)
    if named is None or all(s.as_of for s in dataset.sources):
        return dataset, ()
    sources = tuple(s if s.as_of else replace(s, as_of=named) for s in dataset.sources)
    return replace(dataset, sources=sources), (f"as of {named.isoformat()} (from the file name)",)


def load_one(
    path: Path, fmt: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[Dataset | None, LoadReport]:
    """One file -> (dataset or None, report); never raises for bad input."""
    source, meta_fmt, notes = read_meta(path)
    try:
        dataset, report = load_file(path, fmt or meta_fmt, source, max_bytes)
        dataset, dated = _dated_by_name(dataset, path)
        return dataset, replace(report, notes=(*report.notes, *notes, *dated))
    except DataLoadError as error:
        report = LoadReport(
            file=path.name,
            rows_read=0,
            rows_loaded=0,
            format=fmt or "",
            notes=notes,
            error=str(error),
            error_code=error.code,
        )
        return None, report


def combine(
    datasets: list[Dataset],
    snapshots: tuple[Snapshot, ...] = (),
    overrides: tuple[Override, ...] = (),
) -> Dataset | None:
    """Several files' datasets as one; sources with the same name are one source. Persons of
    different lists are matched here, at load time (data.matching), with the operator's
    `overrides`: the matches are part of the dataset and of its version."""
    if not datasets:
        return None
    if len(datasets) == 1 and not snapshots and len(datasets[0].sources) < 2:
        return datasets[0]
    cases = pd.concat([d.cases.drop(columns=[PERSON_CODE]) for d in datasets], ignore_index=True)
    sources: dict[str, SourceInfo] = {}
    for dataset in datasets:
        for source in dataset.sources:
            known = sources.get(source.name)
            newer = source.as_of and (
                known is None or known.as_of is None or source.as_of > known.as_of
            )
            if known is None or newer:
                sources[source.name] = source
    matches = match_persons(cases, overrides) if len(sources) > 1 else ()
    return Dataset.build(cases, tuple(sources.values()), snapshots, matches)


def _export_order(state: FileState, source: SourceInfo) -> tuple:
    """Which export of a list is the newest: its "as of" date, then the file's time, then name."""
    return (source.as_of or date.min, state.signature[0] or 0, state.path.name)


def count_newest_exports(
    states: list[FileState],
) -> tuple[list[tuple[Dataset | None, LoadReport]], tuple[Snapshot, ...]]:
    """Each list (source) is counted from its newest export only.

    Two exports of one list in the folder are two snapshots of it, not two halves: the newer is
    the list as of its date, and people who left the list since the older one are no longer on
    it. The older exports are kept as snapshots (a list's history) and their reports say which
    file is counted instead. -> (each file's counted dataset and report, the snapshots)
    """
    newest: dict[str, tuple[tuple, FileState]] = {}
    for state in states:
        for source in state.dataset.sources if state.dataset is not None else ():
            order = _export_order(state, source)
            if source.name not in newest or order > newest[source.name][0]:
                newest[source.name] = (order, state)
    result: list[tuple[Dataset | None, LoadReport]] = []
    snapshots: list[Snapshot] = []
    for state in states:
        dataset, report = state.dataset, state.report
        older = [] if dataset is None else [
            s for s in dataset.sources if newest[s.name][1] is not state
        ]  # fmt: skip
        if older:
            names = dataset.cases["source"].astype(str)
            for source in older:
                rows = dataset.cases[names == source.name]
                counted = newest[source.name][1].path.name
                snapshots.append(
                    Snapshot(source.name, report.file, source.as_of, len(rows), counted, rows)
                )
            gone = {s.name for s in older}
            kept = dataset.cases[~names.isin(gone)]
            current = tuple(s for s in dataset.sources if s.name not in gone)
            dataset = Dataset.build(kept, current) if len(kept) else None
            report = replace(
                report,
                superseded=tuple((s.name, newest[s.name][1].path.name) for s in older),
            )
        result.append((dataset, report))
    snapshots.sort(key=lambda s: (s.source, s.as_of or date.min, s.file))
    return result, tuple(snapshots)


class DataFolder:
    """Loads a folder (or fixed files) and reloads what changed, keeping each file's last good data.

    The file states are this object's own memory of the disk; the app sees only the combined
    dataset it hands to the repository.
    """

    def __init__(
        self, paths: Path | list[Path], fmt: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
    ) -> None:
        self.folder = paths if isinstance(paths, Path) and paths.is_dir() else None
        self.fixed = None if self.folder else ([paths] if isinstance(paths, Path) else list(paths))
        self.fmt = fmt
        self.max_bytes = max_bytes
        self.states: dict[Path, FileState] = {}
        self._override_signature: tuple = (None, None, None, None)

    def files(self) -> list[Path]:
        if self.folder is not None:
            return data_files(self.folder) if self.folder.is_dir() else []
        return list(self.fixed or [])

    def changed(self) -> bool:
        files = self.files()
        if self.folder is not None:
            overrides = self.folder / OVERRIDES_FILE
            if _signature(overrides) != self._override_signature:
                return True
        if set(files) != set(self.states):
            return True
        return any(_signature(p) != self.states[p].signature for p in files)

    def load(self) -> tuple[Dataset | None, tuple[LoadReport, ...]]:
        """(Re)load what changed; -> (combined dataset of every file's last good data, reports)."""
        states: dict[Path, FileState] = {}
        for path in self.files():
            signature = _signature(path)
            previous = self.states.get(path)
            if previous is not None and previous.signature == signature:
                states[path] = previous
                continue
            dataset, report = load_one(path, self.fmt, self.max_bytes)
            if dataset is None and previous is not None and previous.dataset is not None:
                dataset, report = previous.dataset, replace(report, kept_previous=True)
                log.warning("%s is bad now; still serving its last good version", path.name)
            states[path] = FileState(path, signature, dataset, report)
        self.states = states
        files, snapshots = count_newest_exports(list(states.values()))
        good = [dataset for dataset, _ in files if dataset is not None]
        if self.folder is not None:
            self._override_signature = _signature(self.folder / OVERRIDES_FILE)
        overrides, override_report = self._overrides()
        reports = tuple(report for _, report in files)
        if override_report is not None:
            reports += (override_report,)
        return combine(good, snapshots, overrides), reports

    def _overrides(self) -> tuple[tuple[Override, ...], LoadReport | None]:
        """The operator's corrections to the matching (OVERRIDES_FILE in the data folder): its
        bad lines are reported like any file's, and the good ones apply."""
        path = self.folder / OVERRIDES_FILE if self.folder is not None else None
        if path is None or not path.is_file():
            return (), None
        overrides, issues = read_overrides(path)
        rows = len(overrides) + len({i.row for i in issues})
        report = LoadReport(
            file=path.name,
            rows_read=rows,
            rows_loaded=len(overrides),
            issues=issues,
            format="person matches",
        )
        return overrides, report


class Reloader:
    """Keeps a DatasetRepository current with a DataFolder, from a daemon thread of its own.

    No request ever loads: requests read the repository's reference, and this thread loads and
    validates changed files in the background, then swaps the new dataset in whole. A file that
    turned bad keeps its last good data (DataFolder), so a bad file never changes what is served.

    `start()` is per process and idempotent: a thread does not survive fork, so each gunicorn
    worker starts its own (gunicorn.conf.py's `post_fork`, and app.py on a process's first
    request, which is also what starts it under the dev server and in tests). The thread checks
    the folder once when it starts, then `interval` seconds after each check ends: every process
    serves a changed file within `interval` plus the time one load takes.
    """

    def __init__(
        self, folder: DataFolder, repository: DatasetRepository, interval: float = 5.0
    ) -> None:
        self.folder = folder
        self.repository = repository
        self.interval = interval
        self._init_locks()
        self._closed = False
        self.checks = 0  # looks at the folder this process's thread has finished
        # A lock held by a thread at fork stays held in the child, where that thread is gone.
        ref = weakref.ref(self)
        os.register_at_fork(after_in_child=lambda: (r := ref()) is not None and r._init_locks())

    def _init_locks(self) -> None:
        self._load_lock = threading.Lock()  # one load at a time: a DataFolder is not thread-safe
        self._start_lock = threading.Lock()
        self._stop = threading.Event()
        self._wake = threading.Event()  # set: look at the folder now, not after `interval`
        self._thread: threading.Thread | None = None

    def check_now(self) -> bool:
        """Load what changed and swap it in (on the watcher thread; tests call it directly).
        -> whether a new load was swapped in. An unexpected error keeps what is served."""
        with self._load_lock:
            try:
                if not self.folder.changed():
                    return False
                dataset, reports = self.folder.load()
            except Exception:
                log.exception("reloading the data failed; still serving the last good version")
                return False
            last = self.repository.last()
            self.repository.replace(dataset or last, reports)
            if dataset is not None and dataset.version != last.version:
                log.info("now serving dataset version %s", dataset.version)
            return True

    def start(self) -> None:
        """Start this process's watcher thread, unless it runs already or `stop()` was called."""
        if self._closed or (self._thread is not None and self._thread.is_alive()):
            return
        with self._start_lock:
            if self._closed or (self._thread is not None and self._thread.is_alive()):
                return
            self._stop = threading.Event()
            self._thread = threading.Thread(
                target=self._run, args=(self._stop,), name="data-reloader", daemon=True
            )
            self._thread.start()

    def wake(self) -> None:
        """Look at the folder now (SIGHUP): the load still runs on the watcher thread, and
        what it loads is swapped in only when it is good. Safe from a signal handler."""
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        """End the thread (after the load it may be in) and keep it from starting again."""
        self._closed = True
        self._stop.set()
        self._wake.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _run(self, stop: threading.Event) -> None:
        try:
            while not stop.is_set():
                self._wake.clear()  # a wake during this check asks for one more
                if stop.is_set():  # stop() set both just before the clear
                    break
                self.check_now()
                self.checks += 1
                self._wake.wait(self.interval)
        except SystemExit:  # the thread was told to end (dash.testing ends every thread so)
            return
