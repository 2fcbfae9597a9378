"""Read any supported file into records of raw cells, with where each record is in the file.

Every format becomes the same thing: a `RawTable` (a frame of raw values, one row per record; the
number a person would look up for each row; records that could not even be split; notes such as
the encoding used). The importers (canonical, OVD-Info, Memorial) then map columns.

CSV: UTF-8, UTF-8 with BOM or cp1251, delimiters `,` `;` tab. JSON: an array of records, an API
response `{"total": N, "data": [...]}` or a GeoJSON FeatureCollection (properties plus `_lon`,
`_lat`). XLSX: the first sheet. Parquet.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from data.dataset import RowIssue

DEFAULT_MAX_BYTES = 200 * 1024 * 1024
TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
JSON_SUFFIXES = (".json", ".geojson")
SUPPORTED_SUFFIXES = (*TEXT_SUFFIXES, *JSON_SUFFIXES, ".xlsx", ".parquet")
DELIMITERS = (",", ";", "\t")


class DataLoadError(Exception):
    """A file that cannot be loaded at all. `code` names the problem for translation; the message
    (English) names the file, and the row and column where there is one."""

    def __init__(self, message: str, code: str = "unreadable", **details: object) -> None:
        super().__init__(message)
        self.code = code
        self.details = details


@dataclass(frozen=True)
class RawTable:
    frame: pd.DataFrame  # raw cells: str, numbers, bools, lists, dicts, None
    lines: np.ndarray  # per row: the CSV line it starts on, the XLSX row, or the record number
    issues: tuple[RowIssue, ...] = ()  # records that could not be split into cells
    notes: tuple[str, ...] = field(default_factory=tuple)  # e.g. "encoding cp1251"
    kind: str = "table"  # "table" (CSV/XLSX/Parquet) or "records" (JSON)
    total_declared: int | None = None  # an API response's "total", when it has one


# A file system path inside an error's text ('/srv/data/x.csv', 'C:\\data\\x.csv'): where the
# data lives on the server is nobody's business on the Data status page. A quoted path may hold
# spaces; a bare one ends at the first.
_QUOTED_PATH = re.compile(r"""(['"])(?:[A-Za-z]:)?[^'"]*[\\/]([^'"\\/]*)\1""")
_PATH = re.compile(r"""(?:[A-Za-z]:)?(?:[\\/][^\s'"\\/:]+)+[\\/]([^\s'"\\/:]*)""")


def error_text(error: BaseException) -> str:
    """What went wrong, for a report the public may read: an OS error's own words, and any
    path in a library's message shortened to the file's name."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return _PATH.sub(r"\1", _QUOTED_PATH.sub(r"\1\2\1", str(error)))


def _check_size(path: Path, max_bytes: int) -> int:
    if not path.is_file():
        raise DataLoadError(f"{path.name}: no such file", "missing")
    size = path.stat().st_size
    if size > max_bytes:
        raise DataLoadError(
            f"{path.name}: {size:,} bytes, over the limit of {max_bytes:,}",
            "too_large",
            size=size,
            limit=max_bytes,
        )
    if size == 0:
        raise DataLoadError(f"{path.name}: the file is empty", "empty")
    return size


def _looks_binary(sample: bytes) -> bool:
    """NUL bytes, or many control characters: not a text file (a zip, an image, garbage)."""
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 13))
    return controls > max(8, len(sample) // 50)


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Bytes -> (text, encoding). UTF-8 (with or without BOM) first; cp1251, the usual Windows
    encoding of Russian spreadsheets, otherwise. Anything else is refused with a clear message."""
    if _looks_binary(data[:65536]):
        raise DataLoadError(f"{name}: binary data, not a text file", "binary")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as error:
        utf8_error = error
    text = data.decode("cp1251", errors="replace")
    letters = sum(ch.isalpha() for ch in text[:20000])
    if "\ufffd" in text or letters < len(text[:20000]) * 0.2:
        raise DataLoadError(
            f"{name}: not UTF-8 or cp1251 text (byte {utf8_error.start})",
            "encoding",
            byte=utf8_error.start,
        )
    return text, "cp1251"


def _delimiter(text: str) -> str:
    """`,` `;` or tab: the one that splits the header and the first lines most consistently."""
    head = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(head, delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        first = text.splitlines()[0] if text else ""
        return max(DELIMITERS, key=first.count)


def read_csv(path: Path, data: bytes) -> RawTable:
    """CSV via the csv module, which knows where each record starts even when a quoted field spans
    several lines (HTML descriptions do); a record with the wrong number of fields is reported,
    not allowed to shift every later column."""
    name = path.name
    text, encoding = decode(data, name)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[list[str]] = []
    lines: list[int] = []
    issues: list[RowIssue] = []
    try:
        header = [h.strip() for h in next(reader, [])]
        if not any(header):
            raise DataLoadError(f"{name}: no header row", "no_header")
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
                        delimiter.join(record)[:80],
                        f"{len(record)} fields where the header has {len(header)}; "
                        "row not loaded (a truncated or broken line)",
                        "rejected",
                        code="field_count",
                    )
                )
                continue
            records.append(record)
            lines.append(line)
    except csv.Error as error:
        raise DataLoadError(
            f"{name}: not a well-formed CSV (line {reader.line_num}: {error})",
            "malformed",
            line=reader.line_num,
        ) from error
    if not records and not issues:
        raise DataLoadError(f"{name}: a header but no rows", "header_only")
    duplicates = sorted({h for h in header if header.count(h) > 1 and h})
    if duplicates:
        raise DataLoadError(
            f"{name}: the header repeats column(s) {', '.join(duplicates)}", "duplicate_columns"
        )
    notes = [f"encoding {encoding}", f"delimiter {'tab' if delimiter == chr(9) else delimiter}"]
    frame = pd.DataFrame(records, columns=header, dtype=object)
    return RawTable(frame, np.asarray(lines, dtype=int), tuple(issues), tuple(notes))


def _records_from_json(document: object, name: str) -> tuple[list, int | None, str]:
    """The list of records in a JSON document, its declared total, and which shape it had."""
    if isinstance(document, list):
        return document, None, "array"
    if isinstance(document, dict):
        if document.get("type") == "FeatureCollection" and isinstance(
            document.get("features"), list
        ):
            records = []
            for feature in document["features"]:
                properties = dict((feature or {}).get("properties") or {})
                geometry = (feature or {}).get("geometry") or {}
                coordinates = (
                    geometry.get("coordinates") if geometry.get("type") == "Point" else None
                )
                if isinstance(coordinates, list) and len(coordinates) >= 2:
                    properties["_lon"], properties["_lat"] = coordinates[0], coordinates[1]
                records.append(properties)
            return records, None, "GeoJSON"
        for key in ("data", "items", "results", "records"):
            if isinstance(document.get(key), list):
                total = document.get("total")
                return document[key], total if isinstance(total, int) else None, f"'{key}' list"
    raise DataLoadError(
        f"{name}: JSON, but neither a list of records, an API response with 'data', "
        "nor a GeoJSON FeatureCollection",
        "json_shape",
    )


def read_json(path: Path, data: bytes) -> RawTable:
    name = path.name
    text, encoding = decode(data, name)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise DataLoadError(
            f"{name}: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg}; "
            "a truncated file?)",
            "malformed",
            line=error.lineno,
        ) from error
    records, total, shape = _records_from_json(document, name)
    issues: list[RowIssue] = []
    kept: list[dict] = []
    numbers: list[int] = []
    for number, record in enumerate(records, start=1):
        if isinstance(record, dict):
            kept.append(record)
            numbers.append(number)
        else:
            issues.append(
                RowIssue(
                    name,
                    number,
                    "",
                    str(record)[:80],
                    "not a record (an object expected)",
                    "rejected",
                    code="not_a_record",
                )
            )
    if not kept and not issues:
        raise DataLoadError(f"{name}: no records", "header_only")
    notes = [f"encoding {encoding}", f"JSON {shape}"]
    if total is not None and total != len(records):
        notes.append(f"the file declares {total} records but holds {len(records)}")
    frame = pd.DataFrame.from_records(kept) if kept else pd.DataFrame()
    frame = frame.astype(object).where(frame.notna(), None) if len(frame) else frame
    return RawTable(
        frame, np.asarray(numbers, dtype=int), tuple(issues), tuple(notes), "records", total
    )


def read_xlsx(path: Path) -> RawTable:
    name = path.name
    try:
        frame = pd.read_excel(path, dtype=object, engine="openpyxl")
    except Exception as error:  # openpyxl raises many types for a damaged workbook
        raise DataLoadError(
            f"{name}: not a readable XLSX workbook ({error_text(error)})", "malformed"
        ) from error
    frame = frame.dropna(how="all")
    if frame.empty:
        raise DataLoadError(f"{name}: a header but no rows", "header_only")
    frame.columns = [str(c).strip() for c in frame.columns]
    lines = frame.index.to_numpy() + 2  # spreadsheet rows: the header is row 1
    frame = frame.reset_index(drop=True)
    frame = frame.astype(object).where(frame.notna(), None)
    return RawTable(frame, lines.astype(int), (), ("first sheet",))


def read_parquet(path: Path) -> RawTable:
    try:
        frame = pd.read_parquet(path)
    except Exception as error:  # pyarrow raises several types for a damaged file
        raise DataLoadError(
            f"{path.name}: not a readable Parquet file ({error_text(error)})", "malformed"
        ) from error
    if frame.empty:
        raise DataLoadError(f"{path.name}: a header but no rows", "header_only")
    frame = frame.astype(object).where(frame.notna(), None)
    return RawTable(frame, np.arange(1, len(frame) + 1), (), ())


def read_raw(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> RawTable:
    """Any supported file -> a RawTable. Bad input raises DataLoadError, never anything else."""
    path = Path(path)
    _check_size(path, max_bytes)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise DataLoadError(
            f"{path.name}: unknown file type {suffix!r} "
            f"(expected one of {', '.join(SUPPORTED_SUFFIXES)})",
            "file_type",
        )
    try:
        if suffix == ".parquet":
            return read_parquet(path)
        if suffix == ".xlsx":
            return read_xlsx(path)
        data = path.read_bytes()
        if suffix in JSON_SUFFIXES:
            return read_json(path, data)
        return read_csv(path, data)
    except DataLoadError:
        raise
    except (OSError, ValueError, TypeError, RecursionError) as error:
        raise DataLoadError(
            f"{path.name}: could not be read ({error_text(error)})", "unreadable"
        ) from error
