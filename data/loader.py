"""Load canonical CSV and Parquet files into a `Dataset`, with a `LoadReport` of every value
not used.

Values are checked column by column with vectorised pandas operations (fast on 100k rows); each
value that cannot be used becomes a `RowIssue` naming file, row and column. A row is rejected only
when it cannot be placed at all (no person id, no source, a duplicate case id, a broken record);
every other bad value is left empty and reported, so one typo never costs a whole record.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from data.dataset import LINE, Dataset, LoadReport, RowIssue, SourceInfo, hashable
from data.importers.read import DEFAULT_MAX_BYTES, DataLoadError
from data.reference import KNOWN_LISTS, regions
from data.schema import (
    COLUMNS,
    EARLIEST_DATE,
    FREE_STATUSES,
    LIST_SEPARATOR,
    REQUIRED_COLUMNS,
    UNKNOWN_REGION,
    Column,
    Kind,
)

_TRUE = {"true", "t", "1", "yes", "y", "да"}
_FALSE = {"false", "f", "0", "no", "n", "нет"}
_URL = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)


def http_url(value: object) -> str:
    """`value` where it is an http(s) address with nothing that could leave an attribute, else
    "": the one test of what from the data may become a link."""
    return value if isinstance(value, str) and _URL.match(value) else ""


_DATE_FORMATS = (
    "%Y-%m-%d",
    "%d.%m.%Y",
    "%d/%m/%Y",
    "%Y/%m/%d",
    "%d-%m-%Y",
)
# A tag is "<", maybe "/", then a letter at once (or "!": comments, doctypes): "a < b > c" and
# "срок <3 лет>" are text. An entity is named, decimal or hexadecimal.
_TAG = re.compile(r"</?[A-Za-z!][^<>]*>")
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#\d+|#[xX][0-9A-Fa-f]+);")
_MARKUP = re.compile(f"{_TAG.pattern}|{_ENTITY.pattern}")
_SCRIPT = re.compile(r"<\s*(script|style)[^>]*>.*?<\s*/\s*\1\s*>", re.IGNORECASE | re.DOTALL)


# Characters that show nothing or turn the text around them: zero-width spaces and joiners that
# split a word, byte order marks, bidi embeddings, overrides and isolates (U+202E makes a name,
# and the words after it on the page, read backwards), and control characters. Tabs and line
# breaks stay; so do the zero-width (non-)joiners and direction marks real scripts need.
_INVISIBLE = re.compile(
    "[\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
)


def _visible(text: pd.Series, name: str, issues: _Issues) -> pd.Series:
    """`text` without _INVISIBLE characters; each cell that had one is reported."""
    found = text.str.contains(_INVISIBLE, regex=True)
    if not found.any():
        return text
    issues.add(
        found,
        name,
        text,
        "invisible or direction-changing characters removed",
        "repaired",
        "invisible_removed",
    )
    cleaned = text.copy()
    cleaned[found] = text[found].str.replace(_INVISIBLE, "", regex=True)
    return cleaned


def clipped(text: str, limit: int) -> str:
    """`text`, cut to at most `limit` characters with "…" where it was longer (a name thousands
    of characters long in a tab's title or a report's cell)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def shown_value(text: str, limit: int = 200) -> str:
    """A value from a file as a report shows it: each _INVISIBLE character named (⟨U+202E⟩)
    instead of acting on the page around it, and at most `limit` characters."""
    return clipped(_INVISIBLE.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", text), limit)


def strip_markup(text: str, keep_lines: bool = False) -> str:
    """Text without HTML: entities decoded first (markup an export encoded once or twice, as
    `&amp;lt;b&amp;gt;`, is markup too), then scripts and styles dropped whole and tags removed
    until none is left (`<<b>script>` leaves no `<script>` behind). Decoding after removing
    would turn `&lt;b onmouseover=x&gt;` into a live tag. Spaces are collapsed; `keep_lines`
    keeps the line breaks (a description whose paragraphs became lines)."""
    for _ in range(3):  # an entity encoded more often than that is left as text
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    text = _SCRIPT.sub(" ", text)
    while _TAG.search(text):
        text = _TAG.sub(" ", text)
    if keep_lines:
        return "\n".join(" ".join(line.split()) for line in text.splitlines())
    return " ".join(text.split())


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

    def add(
        self, mask: pd.Series, column: str, raw: pd.Series, reason: str, action: str, code: str
    ) -> None:
        for position in np.flatnonzero(mask.to_numpy(dtype=bool)):
            self.items.append(
                RowIssue(
                    file=self.file,
                    row=int(self.line_numbers[position]),
                    column=column,
                    value=str(raw.iloc[position]),
                    reason=reason,
                    action=action,
                    code=code,
                )
            )


# "2022-12-31T10:00", "2022-12-31 10:00:00+03:00", "31.12.2022 10:00": the day as written, the
# time dropped.
_TIME_OF_DAY = re.compile(
    r"^(\d{4}-\d{2}-\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{4}/\d{1,2}/\d{1,2})"
    r"(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?$",
    re.IGNORECASE,
)


def _parse_dates(text: pd.Series) -> pd.Series:
    """Text -> days. Dates are days: a time of day would put an arrest at 10:00 on the last day
    of a period after that day's midnight, outside "to <that day>"."""
    text = text.str.replace(_TIME_OF_DAY, r"\1", regex=True)
    parsed = pd.Series(pd.NaT, index=text.index, dtype="datetime64[s]")
    for fmt in _DATE_FORMATS:
        todo = parsed.isna() & text.ne("")
        if not todo.any():
            break
        parsed[todo] = pd.to_datetime(text[todo], format=fmt, errors="coerce")
    return parsed.dt.normalize()


class _DistinctIssues:
    """Collects what `_convert` says of distinct values, to be said of every row holding one."""

    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def add(
        self, mask: pd.Series, column: str, raw: pd.Series, reason: str, action: str, code: str
    ) -> None:
        self.calls.append((mask.to_numpy(dtype=bool), column, reason, action, code))


def _convert_distinct(
    column: Column, values: pd.Series, issues: _Issues
) -> tuple[pd.Series, np.ndarray]:
    """`_convert` of a raw column, done once per distinct text (the rows' issues are those of
    their text) -> the typed column and each row's text (stripped, '' for empty)."""
    codes, distinct = distinct_values(values)
    texts = pd.Series([str(v).strip() for v in distinct] + [""], dtype=object)
    said = _DistinctIssues()
    typed = _convert(column, texts, said)  # type: ignore[arg-type]
    row_texts = pd.Series(texts.to_numpy()[codes], index=values.index)
    for mask, name, reason, action, code in said.calls:
        issues.add(pd.Series(mask[codes]), name, row_texts, reason, action, code)
    return typed.take(codes).set_axis(values.index), row_texts.to_numpy()


def _convert(column: Column, text: pd.Series, issues: _Issues) -> pd.Series:
    """Text -> typed values for one column; unusable values become empty and are reported."""
    present = text.ne("")
    name = column.name
    if column.kind is Kind.STRING:
        markup = text.str.contains(_MARKUP, regex=True)
        issues.add(markup, name, text, "HTML markup removed", "repaired", "html_removed")
        cleaned = text.copy()
        cleaned[markup] = text[markup].map(strip_markup)
        # After decoding: "&#8238;" is a U+202E too.
        cleaned = _visible(cleaned, name, issues)
        return cleaned.where(cleaned.ne(""), None).astype("string")
    if column.kind is Kind.URL:
        ok = text.str.match(_URL)
        issues.add(
            present & ~ok, name, text, "not an http(s) URL; left empty", "repaired", "not_http_url"
        )
        return text.where(present & ok, None).astype("string")
    if column.kind is Kind.CATEGORY:
        lowered = text.str.lower()
        ok = lowered.isin(column.categories)
        issues.add(
            present & ~ok,
            name,
            text,
            "value not in the schema's list; left empty",
            "repaired",
            "not_in_list",
        )
        return lowered.where(ok, None).astype(_dtype(column))
    if column.kind is Kind.REGION:
        upper = text.str.upper().where(text.str.lower().ne(UNKNOWN_REGION), UNKNOWN_REGION)
        ok = upper.isin(region_categories())
        issues.add(
            present & ~ok, name, text, "not a region code of the table", "repaired", "not_region"
        )
        if column.required:
            return upper.where(ok, UNKNOWN_REGION).astype(_dtype(column))
        return upper.where(ok, None).astype(_dtype(column))
    if column.kind in (Kind.INT, Kind.FLOAT):
        numbers = pd.to_numeric(
            text.str.replace(",", ".", regex=False).str.replace(" ", ""), errors="coerce"
        )
        bad = present & numbers.isna()
        issues.add(bad, name, text, "not a number; left empty", "repaired", "not_number")
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
            "out_of_range",
        )
        unusable = out_of_range
        if column.kind is Kind.INT:
            fractional = numbers.notna() & ~out_of_range & (numbers % 1 != 0)
            issues.add(
                fractional, name, text, "not a whole number; left empty", "repaired", "not_whole"
            )
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
            "not_date",
        )
        latest = pd.Timestamp(date.today() + timedelta(days=1))
        impossible = parsed.notna() & ((parsed < pd.Timestamp(EARLIEST_DATE)) | (parsed > latest))
        issues.add(
            impossible,
            name,
            text,
            "impossible date (before 1990 or in the future); left empty",
            "repaired",
            "impossible_date",
        )
        return parsed.where(~impossible).astype("datetime64[s]")
    if column.kind is Kind.BOOL:
        lowered = text.str.lower()
        truth = lowered.isin(_TRUE)
        falsity = lowered.isin(_FALSE)
        issues.add(
            present & ~truth & ~falsity,
            name,
            text,
            "not true/false; left empty",
            "repaired",
            "not_bool",
        )
        result = pd.Series(pd.NA, index=text.index, dtype="boolean")
        result[truth] = True
        result[falsity] = False
        return result
    if column.kind is Kind.LIST:
        # Each item is text like a STRING cell's: markup goes, and is reported.
        markup = text.str.contains(_MARKUP, regex=True)
        issues.add(markup, name, text, "HTML markup removed", "repaired", "html_removed")
        text = text.copy()
        text[markup] = text[markup].map(strip_markup)
        text = _visible(text, name, issues)
        return text.map(
            lambda s: tuple(p.strip() for p in s.split(LIST_SEPARATOR) if p.strip()) if s else ()
        ).astype(object)
    raise AssertionError(f"unhandled kind {column.kind}")


def _reconcile(frame: pd.DataFrame, issues: _Issues) -> None:
    """Make custody, the measure of restraint and the status agree, whatever the importer.

    A person released, emigrated or dead is not held now; house arrest is not custody (the
    measure is the more specific fact); where `in_custody` is not given, a measure of custody
    says the person is held and a measure served at liberty (or none) that they are not. Each
    contradiction is repaired and reported.
    """
    # A part of a term served in prison cannot be longer than the term: the verdict was misread
    # (or mistyped), and "1 year 8 mo. (3 years of it in prison)" must never be shown.
    longer = frame["prison_months"].gt(frame["sentence_months"]).fillna(False)
    issues.add(
        longer,
        "prison_months",
        frame["prison_months"].astype(str) + " > " + frame["sentence_months"].astype(str),
        "the part in prison is longer than the whole term; left empty",
        "repaired",
        "prison_exceeds_term",
    )
    frame.loc[longer, "prison_months"] = np.nan
    free = frame["status"].isin(FREE_STATUSES).to_numpy(dtype=bool)
    held = frame["in_custody"].fillna(False).to_numpy(dtype=bool)
    restraint = frame["restraint"].astype(object)
    status = frame["status"].astype(str)

    contradicts = pd.Series(free & held, index=frame.index)
    issues.add(
        contradicts,
        "in_custody",
        "true; status " + status,
        "in custody, but the status says the person is free; custody set to false",
        "repaired",
        "custody_contradicts_status",
    )
    frame.loc[contradicts, "in_custody"] = False
    restrained = pd.Series(free, index=frame.index) & restraint.isin(["custody", "house_arrest"])
    issues.add(
        restrained,
        "restraint",
        restraint.astype(str) + "; status " + status,
        "a measure of restraint in force, but the status says the person is free; set to none",
        "repaired",
        "restraint_contradicts_status",
    )
    frame.loc[restrained, "restraint"] = "none"

    at_home = frame["restraint"].astype(object).eq("house_arrest")
    home_and_held = at_home & frame["in_custody"].fillna(False).astype(bool)
    issues.add(
        home_and_held,
        "in_custody",
        pd.Series("true; restraint house_arrest", index=frame.index),
        "house arrest is not custody, yet in_custody is true; custody set to false",
        "repaired",
        "restraint_contradicts_custody",
    )
    frame.loc[at_home, "in_custody"] = False  # the measure is the more specific fact
    unknown = frame["in_custody"].isna()
    measure = frame["restraint"].astype(object)
    frame.loc[unknown & measure.eq("custody"), "in_custody"] = True
    at_liberty = measure.isin(["ban_of_actions", "recognizance", "none"])
    frame.loc[unknown & at_liberty, "in_custody"] = False


def normalise(
    raw: pd.DataFrame,
    file: str,
    line_numbers: Iterable[int] | None = None,
    unreadable: tuple[RowIssue, ...] = (),
    found: tuple[RowIssue, ...] = (),
) -> tuple[pd.DataFrame, LoadReport]:
    """A frame of text cells in the canonical columns -> the typed canonical frame and its report.

    `line_numbers` gives, for each row of `raw`, the number a person would look up in the file;
    `unreadable` are rows the reader could not even split into cells (counted as read, rejected);
    `found` are what an importer's mapping already reported about rows of `raw`.
    Rows read = rows loaded + rows rejected, always.
    """
    missing = [c for c in REQUIRED_COLUMNS if c not in raw.columns]
    if missing:
        raise DataLoadError(
            f"{file}: missing required column(s): {', '.join(missing)}", "missing_columns"
        )
    lines = np.asarray(list(line_numbers) if line_numbers is not None else range(1, len(raw) + 1))
    issues = _Issues(file, lines)
    issues.items.extend(unreadable)
    issues.items.extend(found)
    typed, texts = {}, {}
    for column in COLUMNS:
        values = raw[column.name] if column.name in raw.columns else pd.Series("", index=raw.index)
        typed[column.name], texts[column.name] = _convert_distinct(column, values, issues)
    text = pd.DataFrame({name: texts[name] for name in REQUIRED_COLUMNS}, index=raw.index)
    frame = pd.DataFrame(typed, index=raw.index)
    _reconcile(frame, issues)

    keep = pd.Series(True, index=frame.index)
    for name in REQUIRED_COLUMNS:
        if name == "region_code":
            empty = text[name].eq("")
            issues.add(
                empty, name, text[name], "empty; set to 'unknown'", "repaired", "region_empty"
            )
            continue
        empty = frame[name].isna()
        issues.add(
            empty,
            name,
            text[name],
            "required value is empty; row not loaded",
            "rejected",
            "required_empty",
        )
        keep &= ~empty

    # case_id defaults to person_id + running number (formats.md); duplicates cannot both be loaded.
    running = frame.groupby("person_id", sort=False).cumcount() + 1
    default_ids = frame["person_id"] + "-" + running.astype("string")
    frame["case_id"] = frame["case_id"].fillna(default_ids)
    # A case is a case_id within a source (two lists may reuse an id).
    duplicate = (
        frame.loc[keep, ["source", "case_id"]].duplicated().reindex(frame.index, fill_value=False)
    )
    issues.add(
        duplicate,
        "case_id",
        frame["case_id"].astype(str),
        "duplicate case id; the first row with it was kept",
        "rejected",
        "duplicate_case",
    )
    keep &= ~duplicate

    frame[LINE] = lines
    loaded = frame[keep].reset_index(drop=True)
    order = {c.name: i for i, c in enumerate(COLUMNS)}
    issues.items.sort(key=lambda i: (i.row, order.get(i.column, 99)))
    report = LoadReport(
        file=file,
        rows_read=len(raw) + len({i.row for i in unreadable}),
        rows_loaded=len(loaded),
        issues=tuple(issues.items),
    )
    return loaded, report


def cell_text(value: object) -> str:
    """One raw cell (from JSON, XLSX, Parquet) as the text a canonical CSV would hold."""
    if isinstance(value, (list, tuple, np.ndarray)):
        return LIST_SEPARATOR.join(cell_text(v) for v in value if cell_text(v))
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float) and np.isnan(value):
        return ""
    if isinstance(value, (pd.Timestamp, datetime)):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def distinct_values(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """A column as (a code per row, its distinct values; code -1: empty). Work done on each
    distinct value once is done for a million rows in the time of a few thousand: a column of
    dates or regions has that many, and even names repeat."""
    values = values if isinstance(values, pd.Series) else pd.Series(list(values), dtype=object)
    if isinstance(values.dtype, pd.StringDtype) and values.dtype.storage == "pyarrow":
        # Text pyarrow read (Parquet): encoded by pyarrow, with no Python object per cell.
        arrow = values.array.__arrow_array__()
        arrow = arrow.combine_chunks() if isinstance(arrow, pa.ChunkedArray) else arrow
        encoded = pc.dictionary_encode(arrow)
        codes = encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)
        return codes, np.asarray(encoded.dictionary.to_pylist(), dtype=object)
    if values.dtype == object and pd.api.types.infer_dtype(values, skipna=True).startswith("mixed"):
        # True == 1 == 1.0 to a hash table, but they are different cells: keyed by type too.
        values = values.map(lambda v: (type(v).__name__, hashable(v)))
        codes, keys = pd.factorize(values, use_na_sentinel=True)
        return codes, np.array([v for _, v in keys], dtype=object)
    try:
        codes, distinct = pd.factorize(values, use_na_sentinel=True)
    except TypeError:  # lists or arrays in cells (JSON, Parquet): compared as tuples
        codes, distinct = pd.factorize(values.map(hashable), use_na_sentinel=True)
    return codes, np.asarray(distinct, dtype=object)


def text_frame(raw: pd.DataFrame) -> pd.DataFrame:
    """Raw cells (JSON, XLSX, Parquet) as the texts a canonical CSV would hold: each distinct
    value of a column converted once."""
    columns = {}
    for name in raw.columns:
        values = raw[name]
        if pd.api.types.infer_dtype(values, skipna=True) in ("string", "empty"):
            # Text already (ids, names, links: mostly distinct): only the empty cells change.
            columns[name] = values.astype(object).where(values.notna(), "").to_numpy()
            continue
        codes, distinct = distinct_values(values)
        texts = np.array([cell_text(v) for v in distinct] + [""], dtype=object)
        columns[name] = texts[codes]
    return pd.DataFrame(columns, index=raw.index) if len(raw.columns) else raw


def sources_of(cases: pd.DataFrame) -> tuple[SourceInfo, ...]:
    """Source descriptions for a frame with no metadata file: the source names themselves, with
    the organisation and home page of the lists the dashboard knows (Memorial, OVD-Info)."""
    names = sorted(cases["source"].dropna().unique())
    infos = []
    for name in names:
        known = KNOWN_LISTS.get(name)
        infos.append(
            SourceInfo(
                name=name,
                display_name=name,
                organisation=known.organisation if known else "",
                url=known.url if known else "",
                synthetic=(name == "demo"),
            )
        )
    return tuple(infos)


def load_canonical(
    path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[Dataset, LoadReport]:
    """Load one canonical file (CSV, XLSX, JSON or Parquet). Raises DataLoadError when the file as
    a whole is unusable."""
    from data.importers import load_file  # the importers use this module's normalise

    return load_file(path, fmt="canonical", max_bytes=max_bytes)
