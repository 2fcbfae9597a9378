"""CSV downloads (PRODUCT.md, Downloads): the filtered prosecutions, and any small table, as bytes
a spreadsheet opens safely and a script reads back.

Pure: frames in, bytes out. No Flask here; the routes that serve these live with the app.

Choices, and why:
- UTF-8 with a BOM (`utf-8-sig`): without it Excel reads the file as the local code page and every
  Cyrillic name turns into mojibake.
- CRLF line ends: RFC 4180 says so, it is what Python's csv module writes by default, and Excel,
  LibreOffice and pandas all read it; LF is read by all of them too, but CRLF is the one a strict
  CSV reader cannot reject.
- Formula injection: a published name or verdict text that starts with `=`, `+`, `-` or `@` would be
  run as a formula by a spreadsheet (`=HYPERLINK(...)` can leak data). Every string cell, header and
  column name is neutralised by a leading apostrophe; numbers are left as numbers.
"""

from __future__ import annotations

import csv
import io
import numbers
from collections.abc import Iterable, Sequence
from datetime import date, datetime

import numpy as np
import pandas as pd

from data.dataset import Dataset
from data.filters import FilterState
from data.query import select
from data.schema import COLUMN_NAMES

# What a spreadsheet takes as the start of a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LIST_JOIN = "; "
ENCODING = "utf-8-sig"
LINE_END = "\r\n"


def neutralise(value: object) -> object:
    """A string a spreadsheet would run as a formula, made inert with a leading apostrophe (the
    spreadsheet's own "this is text" mark, not shown in the cell). Anything that is not a string
    passes unchanged: -2 is a number and must stay one."""
    return _safe(value) if isinstance(value, str) else value


def _safe(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _is_missing(value: object) -> bool:
    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


def _number_text(value: numbers.Number) -> str:
    """Whole floats without '.0' (54.0 months reads as 54); other floats in full (repr is the
    shortest text that reads back as the same float)."""
    if isinstance(value, (float, np.floating)):
        return str(int(value)) if float(value).is_integer() else repr(float(value))
    return str(value)


def cell_text(value: object) -> str:
    """One value as the text of a CSV cell: empty when missing, dates as ISO days, booleans as
    true/false (as the canonical loader reads them), lists joined with '; ', strings neutralised."""
    if isinstance(value, (list, tuple, np.ndarray)):
        return _safe(LIST_JOIN.join(cell_text(v) for v in value if not _is_missing(v)))
    if _is_missing(value):
        return ""
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, np.datetime64):
        value = pd.Timestamp(value)
    if isinstance(value, datetime):  # pd.Timestamp too: the schema's dates are days
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, numbers.Number):
        return _number_text(value)
    return _safe(str(value))


def _column_texts(series: pd.Series) -> list[str]:
    """A whole column as cell texts, by its kind where that is faster than cell by cell (a
    download of 100k prosecutions is three million cells). Each branch gives what `cell_text`
    gives for each value (a test holds them to it)."""
    if pd.api.types.is_datetime64_any_dtype(series):
        return series.dt.strftime("%Y-%m-%d").fillna("").tolist()
    if isinstance(series.dtype, pd.CategoricalDtype):
        texts = np.array([*(cell_text(c) for c in series.cat.categories), ""], dtype=object)
        return texts[series.cat.codes.to_numpy()].tolist()  # code -1 (missing) -> ""
    if pd.api.types.infer_dtype(series, skipna=True) in ("string", "empty"):
        text = series.astype("string").fillna("")
        return text.where(~text.str.startswith(FORMULA_STARTS), "'" + text).tolist()
    if isinstance(series.dtype, np.dtype) and series.dtype.kind == "f":  # NaN, never pd.NA
        return ["" if v != v else _number_text(v) for v in series.tolist()]
    return [cell_text(v) for v in series.astype(object).tolist()]


def _rows(frame: pd.DataFrame) -> Iterable[list[str]]:
    columns = [_column_texts(frame.iloc[:, i]) for i in range(frame.shape[1])]
    return (list(row) for row in zip(*columns, strict=True)) if columns else ()


def csv_bytes(frame: pd.DataFrame, header: Sequence[tuple[str, str]] = ()) -> bytes:
    """The frame as a CSV download: first a header block (one row per (label, value): what the
    numbers are, their source, filters, date) and an empty row, then the table with its column
    names. With no header block the table starts on the first line.

    Read it back with `pd.read_csv(io.BytesIO(b), skiprows=len(header) + 1 if header else 0,
    encoding="utf-8-sig")`.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=LINE_END)
    if header:
        writer.writerows([cell_text(label), cell_text(value)] for label, value in header)
        writer.writerow([])
    writer.writerow([cell_text(str(name)) for name in frame.columns])
    writer.writerows(_rows(frame))
    return out.getvalue().encode(ENCODING)


def _export_column(series: pd.Series) -> pd.Series:
    """Dates as ISO days ('' when missing), lists joined with '; '; other columns as they are
    (csv_bytes writes missing values as empty cells)."""
    if pd.api.types.is_datetime64_any_dtype(series):
        return series.dt.strftime("%Y-%m-%d").fillna("").astype("string")
    if series.dtype == object and series.map(lambda v: isinstance(v, (list, tuple))).any():
        joined = series.map(
            lambda v: LIST_JOIN.join(map(str, v)) if isinstance(v, (list, tuple)) else v
        )
        return joined.astype("string")
    return series


def case_rows(dataset: Dataset, state: FilterState) -> pd.DataFrame:
    """The prosecutions the page counts for this state, one row each, in the canonical columns
    of the schema (formats.md) and in its order.

    The rows come from `data.query.select`, the very mask the counters use, so the download and
    the numbers on screen cannot disagree: its length is `counters.prosecutions` and its distinct
    (source, person_id) pairs are `counters.persons` (a sum over lists when several are selected,
    as the counter is). Internal columns (the person code, the file line) are left out.
    """
    cases = select(dataset, state)
    return pd.DataFrame(
        {name: _export_column(cases[name]).reset_index(drop=True) for name in COLUMN_NAMES}
    )
