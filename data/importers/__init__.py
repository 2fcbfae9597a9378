"""Importers: read each input format into the canonical schema.

`load_file` reads any supported file (data.importers.read), tells its format apart by its columns
(or takes the one given), maps it to canonical text cells (canonical, ovdinfo, memorial), and
checks every value with data.loader.normalise, so every format gets the same report.
"""

from __future__ import annotations

import importlib
from dataclasses import replace
from pathlib import Path

from data.dataset import Dataset, LoadReport, SourceInfo
from data.importers.mapped import Mapped
from data.importers.read import DEFAULT_MAX_BYTES, DataLoadError, RawTable, read_raw
from data.schema import COLUMN_NAMES

FORMATS = ("canonical", "ovdinfo", "memorial")

# Columns that give each format away (any one of them, after stripping _en/_ru suffixes).
_OVDINFO_MARKS = {
    "persecution_id",
    "persecution_started",
    "persecution_region_iso",
    "persecution_article_and_part",
    "persecution_articles_criminal_code",
    "verdict_essence",
    "persecution_case_person_state",
    "first_verdict_date",
}
_MEMORIAL_MARKS = {"clauses", "tags", "main", "sourceurl"}
_CANONICAL_MARKS = {"person_id", "source", "region_code"}
_CANONICAL_COLUMNS = set(COLUMN_NAMES)


def _base(column: str) -> str:
    name = column.strip().lower()
    for suffix in ("_en", "_ru"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def detect_format(raw: RawTable, name: str) -> str:
    """Which importer reads this file, from its column names."""
    columns = {_base(str(c)) for c in raw.frame.columns}
    if columns >= _CANONICAL_MARKS:
        return "canonical"
    if columns & _OVDINFO_MARKS:
        return "ovdinfo"
    # Most of the schema's own columns but a required one missing: canonical, so that the
    # loader can name the missing column instead of giving up on the format.
    if len(columns & _CANONICAL_COLUMNS) >= 4 and not columns & _MEMORIAL_MARKS:
        return "canonical"
    if len(columns & _MEMORIAL_MARKS) >= 2 and ("name" in columns or "id" in columns):
        return "memorial"
    shown = ", ".join(sorted(columns)[:12])
    raise DataLoadError(
        f"{name}: cannot tell the format from the columns ({shown}); "
        f"give it with --format ({', '.join(FORMATS)}) or in {name}.meta.json",
        "unknown_format",
    )


def _mapper(fmt: str):
    """The importer module's `to_canonical`, imported when first needed."""
    return importlib.import_module(f"data.importers.{fmt}").to_canonical


def load_file(
    path: str | Path,
    fmt: str | None = None,
    source: SourceInfo | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[Dataset, LoadReport]:
    """One file -> (Dataset, LoadReport). Raises DataLoadError when the file as a whole is unusable;
    row and value problems go into the report instead."""
    from data.loader import normalise, sources_of

    path = Path(path)
    if fmt is not None and fmt not in FORMATS:
        raise DataLoadError(f"{path.name}: unknown format {fmt!r} ({', '.join(FORMATS)})", "format")
    raw = read_raw(path, max_bytes)
    fmt = fmt or detect_format(raw, path.name)
    named = source.name if source is not None and source.name else None
    mapped: Mapped = _mapper(fmt)(raw, path.name, named)
    cases, report = normalise(mapped.frame, path.name, raw.lines, raw.issues, mapped.issues)
    report = replace(report, format=fmt, notes=(*raw.notes, *mapped.notes))
    if cases.empty:
        raise DataLoadError(
            f"{path.name}: no row could be loaded ({report.rows_rejected} rejected; "
            f"first problem: {report.issues[0].message() if report.issues else 'none'})",
            "no_rows",
        )
    if source is None:
        sources = sources_of(cases)
    elif named:
        sources = (source,)
        cases["source"] = named
    else:  # metadata without a source name: it describes the list(s) the data names
        sources = tuple(
            replace(
                source,
                name=found.name,
                display_name=source.display_name or found.display_name,
                synthetic=source.synthetic or found.synthetic,
            )
            for found in sources_of(cases)
        )
    return Dataset.build(cases, sources), report
