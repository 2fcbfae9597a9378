"""A data folder (or a list of files): every file loaded with its `<file>.meta.json`, combined into
one dataset, and reloaded when a file changes.

A file that turns bad never costs data: its last good version keeps being served, and its report
says so (`kept_previous`). A file that was never good is reported and left out. The dataset is only
replaced whole (DatasetRepository), so a request never sees half a reload.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pandas as pd

from data.dataset import LINE, PERSON_CODE, Dataset, LoadReport, RowIssue, SourceInfo
from data.importers import FORMATS, load_file
from data.importers.read import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES, DataLoadError

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
        return None, None, (f"{meta.name} ignored: {error}",)
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
    name = str(values.get("source") or path.stem).strip()
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


def load_one(
    path: Path, fmt: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[Dataset | None, LoadReport]:
    """One file -> (dataset or None, report); never raises for bad input."""
    source, meta_fmt, notes = read_meta(path)
    try:
        dataset, report = load_file(path, fmt or meta_fmt, source, max_bytes)
        return dataset, replace(report, notes=(*report.notes, *notes))
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


def combine(datasets: list[Dataset]) -> Dataset | None:
    """Several files' datasets as one; sources with the same name are one source."""
    if not datasets:
        return None
    if len(datasets) == 1:
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
    return Dataset.build(cases, tuple(sources.values()))


def drop_repeated_cases(states: list[FileState]) -> list[tuple[Dataset | None, LoadReport]]:
    """A case (source + case_id) already loaded from an earlier file is not counted again: two
    exports of one list in the folder would otherwise double every number. Each copy left out is
    reported, in the later file, as a rejected row."""
    seen: dict[tuple[str, str], str] = {}
    result = []
    for state in states:
        dataset, report = state.dataset, state.report
        if dataset is None:
            result.append((dataset, report))
            continue
        keys = list(
            zip(
                dataset.cases["source"].astype(str),
                dataset.cases["case_id"].astype(str),
                strict=True,
            )
        )
        repeated = [key in seen for key in keys]
        if any(repeated):
            lines = (
                dataset.cases[LINE]
                if LINE in dataset.cases
                else pd.Series(0, index=range(len(keys)))
            )
            issues = [
                RowIssue(
                    report.file,
                    int(lines.iloc[i]),
                    "case_id",
                    key[1],
                    f"the same case is already loaded from {seen[key]}; not counted twice",
                    "rejected",
                    "duplicate_case",
                )
                for i, key in enumerate(keys)
                if repeated[i]
            ]
            kept = dataset.cases[[not r for r in repeated]]
            dataset = Dataset.build(kept, dataset.sources) if len(kept) else None
            report = replace(report, rows_loaded=len(kept), issues=(*report.issues, *issues))
        for key in keys:
            seen.setdefault(key, report.file)
        result.append((dataset, report))
    return result


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

    def files(self) -> list[Path]:
        if self.folder is not None:
            return data_files(self.folder) if self.folder.is_dir() else []
        return list(self.fixed or [])

    def changed(self) -> bool:
        files = self.files()
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
        files = drop_repeated_cases(list(states.values()))
        good = [dataset for dataset, _ in files if dataset is not None]
        return combine(good), tuple(report for _, report in files)


class Reloader:
    """Checks a DataFolder at most every `interval` seconds, from whichever request comes first.

    Lazy rather than a thread: it works the same under the dev server and forked gunicorn workers.
    """

    def __init__(
        self,
        folder: DataFolder,
        apply: Callable[[Dataset, tuple[LoadReport, ...]], None],
        interval: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.folder = folder
        self.apply = apply
        self.interval = interval
        self.clock = clock
        self.last_check = clock()
        self.lock = threading.Lock()

    def poll(self, last_good: Dataset) -> None:
        now = self.clock()
        if now - self.last_check < self.interval or not self.lock.acquire(blocking=False):
            return
        try:
            self.last_check = now
            if self.folder.changed():
                dataset, reports = self.folder.load()
                self.apply(dataset or last_good, reports)
        finally:
            self.lock.release()
