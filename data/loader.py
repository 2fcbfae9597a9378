"""Load canonical CSV and Parquet files into a `Dataset`, with a `LoadReport` of every value
not used.

Values are checked column by column with vectorised pandas operations (fast on 100k rows); each
value that cannot be used becomes a `RowIssue` naming file, row and column. A row is rejected only
when it cannot be placed at all (no person id, no source, a duplicate case id, a broken record);
every other bad value is left empty and reported, so one typo never costs a whole record.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from data.dataset import Dataset, LoadReport, RowIssue, SourceInfo
from data.reference import regions
from data.schema import (
    COLUMNS,
    EARLIEST_DATE,
    LIST_SEPARATOR,
    REQUIRED_COLUMNS,
    UNKNOWN_REGION,
    Column,
    Kind,
)

DEFAULT_MAX_BYTES = 200 * 1024 * 1024
_TRUE = {"true", "t", "1", "yes", "y", "да"}
_FALSE = {"false", "f", "0", "no", "n", "нет"}
_URL = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)
_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y")


class DataLoadError(Exception):
    """A file that cannot be loaded at all; the message names the file (and column where known)."""


def region_categories() -> tuple[str, ...]:
    return (*regions().keys(), UNKNOWN_REGION)


def _dtype(column: Column) -> object:
    """The pandas dtype a canonical column is stored in."""
    if column.kind is Kind.CATEGORY:
        return pd.CategoricalDtype(list(column.categories))
    if column.kind is Kind.REGION:
        return pd.CategoricalDtype(list(region_categories()))
    return {
        Kind.STRING: "string",
        Kind.URL: "string",
        Kind.INT: "Int64",
        Kind.FLOAT: "float64",
        Kind.DATE: "datetime64[s]",
        Kind.BOOL: "boolean",
        Kind.LIST: object,
    }[column.kind]


class _Issues:
    """Collects issues for one file; `add` takes a boolean mask of the rows concerned."""

    def __init__(self, file: str, line_numbers: np.ndarray) -> None:
        self.file = file
        self.line_numbers = line_numbers
        self.items: list[RowIssue] = []

    def add(self, mask: pd.Series, column: str, raw: pd.Series, reason: str, action: str) -> None:
        for position in np.flatnonzero(mask.to_numpy(dtype=bool)):
            self.items.append(
                RowIssue(
                    file=self.file,
                    row=int(self.line_numbers[position]),
                    column=column,
                    value=str(raw.iloc[position]),
                    reason=reason,
                    action=action,
                )
            )


def _parse_dates(text: pd.Series) -> pd.Series:
    parsed = pd.Series(pd.NaT, index=text.index, dtype="datetime64[s]")
    for fmt in _DATE_FORMATS:
        todo = parsed.isna() & text.ne("")
        if not todo.any():
            break
        parsed[todo] = pd.to_datetime(text[todo], format=fmt, errors="coerce")
    return parsed


def _convert(column: Column, text: pd.Series, issues: _Issues) -> pd.Series:
    """Text -> typed values for one column; unusable values become empty and are reported."""
    present = text.ne("")
    name = column.name
    if column.kind in (Kind.STRING,):
        return text.where(present, None).astype("string")
    if column.kind is Kind.URL:
        ok = text.str.match(_URL)
        issues.add(present & ~ok, name, text, "not an http(s) URL; left empty", "repaired")
        return text.where(present & ok, None).astype("string")
    if column.kind is Kind.CATEGORY:
        lowered = text.str.lower()
        ok = lowered.isin(column.categories)
        issues.add(
            present & ~ok, name, text, "value not in the schema's list; left empty", "repaired"
        )
        return lowered.where(ok, None).astype(_dtype(column))
    if column.kind is Kind.REGION:
        upper = text.str.upper().where(text.str.lower().ne(UNKNOWN_REGION), UNKNOWN_REGION)
        ok = upper.isin(region_categories())
        issues.add(present & ~ok, name, text, "not a region code of the table", "repaired")
        if column.required:
            return upper.where(ok, UNKNOWN_REGION).astype(_dtype(column))
        return upper.where(ok, None).astype(_dtype(column))
    if column.kind in (Kind.INT, Kind.FLOAT):
        numbers = pd.to_numeric(
            text.str.replace(",", ".", regex=False).str.replace(" ", ""), errors="coerce"
        )
        bad = present & numbers.isna()
        issues.add(bad, name, text, "not a number; left empty", "repaired")
        out_of_range = pd.Series(False, index=text.index)
        if column.minimum is not None:
            out_of_range |= numbers < column.minimum
        if column.maximum is not None:
            out_of_range |= numbers > column.maximum
        issues.add(
            out_of_range,
            name,
            text,
            f"outside {column.minimum:g}..{column.maximum:g}; left empty",
            "repaired",
        )
        unusable = out_of_range
        if column.kind is Kind.INT:
            fractional = numbers.notna() & ~out_of_range & (numbers % 1 != 0)
            issues.add(fractional, name, text, "not a whole number; left empty", "repaired")
            unusable = out_of_range | fractional
        numbers = numbers.where(~unusable)
        return numbers.round().astype("Int64") if column.kind is Kind.INT else numbers.astype(float)
    if column.kind is Kind.DATE:
        parsed = _parse_dates(text)
        bad = present & parsed.isna()
        issues.add(
            bad,
            name,
            text,
            "not a date (YYYY-MM-DD, DD.MM.YYYY or DD/MM/YYYY); left empty",
            "repaired",
        )
        latest = pd.Timestamp(date.today() + timedelta(days=1))
        impossible = parsed.notna() & ((parsed < pd.Timestamp(EARLIEST_DATE)) | (parsed > latest))
        issues.add(
            impossible,
            name,
            text,
            "impossible date (before 1990 or in the future); left empty",
            "repaired",
        )
        return parsed.where(~impossible).astype("datetime64[s]")
    if column.kind is Kind.BOOL:
        lowered = text.str.lower()
        truth = lowered.isin(_TRUE)
        falsity = lowered.isin(_FALSE)
        issues.add(
            present & ~truth & ~falsity, name, text, "not true/false; left empty", "repaired"
        )
        result = pd.Series(pd.NA, index=text.index, dtype="boolean")
        result[truth] = True
        result[falsity] = False
        return result
    if column.kind is Kind.LIST:
        return text.map(
            lambda s: tuple(p.strip() for p in s.split(LIST_SEPARATOR) if p.strip()) if s else ()
        ).astype(object)
    raise AssertionError(f"unhandled kind {column.kind}")


def normalise(
    raw: pd.DataFrame,
    file: str,
    line_numbers: Iterable[int] | None = None,
    read_issues: tuple[RowIssue, ...] = (),
) -> tuple[pd.DataFrame, LoadReport]:
    """A frame of text cells in the canonical columns -> the typed canonical frame and its report.

    `line_numbers` gives, for each row of `raw`, the number a person would look up in the file;
    `read_issues` are rows the reader could not even split into cells (counted as read, rejected).
    """
    missing = [c for c in REQUIRED_COLUMNS if c not in raw.columns]
    if missing:
        raise DataLoadError(f"{file}: missing required column(s): {', '.join(missing)}")
    lines = np.asarray(list(line_numbers) if line_numbers is not None else range(1, len(raw) + 1))
    issues = _Issues(file, lines)
    issues.items.extend(read_issues)
    text = raw.fillna("").astype(str).apply(lambda s: s.str.strip())

    typed = {}
    for column in COLUMNS:
        values = (
            text[column.name] if column.name in text.columns else pd.Series("", index=text.index)
        )
        typed[column.name] = _convert(column, values, issues)
    frame = pd.DataFrame(typed, index=text.index)

    keep = pd.Series(True, index=frame.index)
    for name in REQUIRED_COLUMNS:
        if name == "region_code":
            empty = text[name].eq("")
            issues.add(empty, name, text[name], "empty; set to 'unknown'", "repaired")
            continue
        empty = frame[name].isna()
        issues.add(empty, name, text[name], "required value is empty; row not loaded", "rejected")
        keep &= ~empty

    # case_id defaults to person_id + running number (formats.md); duplicates cannot both be loaded.
    running = frame.groupby("person_id", sort=False).cumcount() + 1
    default_ids = frame["person_id"] + "-" + running.astype("string")
    frame["case_id"] = frame["case_id"].fillna(default_ids)
    duplicate = frame.loc[keep, "case_id"].duplicated().reindex(frame.index, fill_value=False)
    issues.add(
        duplicate,
        "case_id",
        frame["case_id"].astype(str),
        "duplicate case id; the first row with it was kept",
        "rejected",
    )
    keep &= ~duplicate

    loaded = frame[keep].reset_index(drop=True)
    order = {c.name: i for i, c in enumerate(COLUMNS)}
    issues.items.sort(key=lambda i: (i.row, order.get(i.column, 99)))
    report = LoadReport(
        file=file,
        rows_read=len(raw) + len({i.row for i in read_issues}),
        rows_loaded=len(loaded),
        issues=tuple(issues.items),
    )
    return loaded, report


def _cell_text(value: object) -> str:
    """One Parquet/JSON cell as the text a CSV would hold."""
    if isinstance(value, (list, tuple, np.ndarray)):
        return LIST_SEPARATOR.join(str(v) for v in value)
    if (
        value is None
        or value is pd.NA
        or value is pd.NaT
        or (isinstance(value, float) and np.isnan(value))
    ):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@dataclass(frozen=True)
class RawTable:
    """A file's rows as text cells, the line each row starts on, and rows unreadable as such."""

    frame: pd.DataFrame
    lines: np.ndarray
    issues: tuple[RowIssue, ...] = ()


def _read_csv(path: Path) -> RawTable:
    """CSV via the csv module, which knows where each record starts even when a quoted field
    spans several lines (HTML descriptions do); a record with the wrong number of fields is
    reported, not allowed to shift every later column."""
    name = path.name
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise DataLoadError(f"{name}: not UTF-8 text (byte {error.start})") from error
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader, [])]
        if not any(header):
            raise DataLoadError(f"{name}: no header row")
        records, lines, issues = [], [], []
        end_of_previous = reader.line_num
        for record in reader:
            line, end_of_previous = end_of_previous + 1, reader.line_num
            if not any(cell.strip() for cell in record):
                continue  # a blank line is not a row
            if len(record) != len(header):
                issues.append(
                    RowIssue(
                        name,
                        line,
                        "",
                        ",".join(record)[:80],
                        f"{len(record)} fields where the header has {len(header)}; row not loaded",
                        "rejected",
                    )
                )
                continue
            records.append(record)
            lines.append(line)
    except csv.Error as error:
        raise DataLoadError(
            f"{name}: not a well-formed CSV (line {reader.line_num}: {error})"
        ) from error
    if not records and not issues:
        raise DataLoadError(f"{name}: a header but no rows")
    frame = pd.DataFrame(records, columns=header, dtype=object)
    return RawTable(frame, np.asarray(lines, dtype=int), tuple(issues))


def read_table(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> RawTable:
    """Read a canonical CSV or Parquet file as text cells, with the line each row starts on."""
    name = path.name
    if not path.is_file():
        raise DataLoadError(f"{path}: no such file")
    size = path.stat().st_size
    if size > max_bytes:
        raise DataLoadError(f"{name}: {size:,} bytes, over the limit of {max_bytes:,}")
    if size == 0:
        raise DataLoadError(f"{name}: the file is empty")
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        try:
            frame = pd.read_parquet(path)
        except Exception as error:  # pyarrow raises several types for a damaged file
            raise DataLoadError(f"{name}: not a readable Parquet file ({error})") from error
        text = frame.astype(object).map(_cell_text)
        return RawTable(text, np.arange(1, len(text) + 1))
    if suffix in (".csv", ".txt"):
        return _read_csv(path)
    raise DataLoadError(f"{name}: unknown file type {suffix!r} (canonical CSV or Parquet expected)")


def sources_of(cases: pd.DataFrame) -> tuple[SourceInfo, ...]:
    """Source descriptions for a frame with no metadata file: the source names themselves."""
    names = sorted(cases["source"].dropna().unique())
    return tuple(SourceInfo(name=n, display_name=n, synthetic=(n == "demo")) for n in names)


def load_canonical(
    path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[Dataset, LoadReport]:
    """Load one canonical file. Raises `DataLoadError` when the file as a whole is unusable."""
    path = Path(path)
    raw = read_table(path, max_bytes)
    cases, report = normalise(raw.frame, path.name, raw.lines, raw.issues)
    if cases.empty:
        raise DataLoadError(
            f"{path.name}: no row could be loaded ({report.rows_rejected} rejected)"
        )
    return Dataset.build(cases, sources_of(cases)), report
