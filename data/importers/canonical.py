"""Canonical files (CSV, XLSX, JSON, Parquet): the schema's own columns; extra columns are kept out
of the dataset and ignored. Articles go through the one article parser like every other format's,
so "часть 2 статьи 207.3" is filed under 207.3 and what cannot be read is reported."""

from __future__ import annotations

from data.importers.common import articles_column
from data.importers.mapped import Mapped
from data.importers.read import RawTable
from data.loader import text_frame
from data.schema import COLUMN_NAMES


def to_canonical(raw: RawTable, file: str, source: str | None) -> Mapped:
    frame = text_frame(raw.frame)
    frame.columns = [str(c).strip() for c in frame.columns]
    notes = []
    if source and "source" not in frame.columns:
        frame["source"] = source
        notes.append(f"source column filled with {source!r} from the metadata")
    issues = []
    if "articles" in frame.columns:
        frame["articles"], issues = articles_column(raw, file, frame["articles"])
    extra = [c for c in frame.columns if c not in COLUMN_NAMES]
    if extra:
        notes.append(f"ignored columns: {', '.join(extra[:10])}")
    return Mapped(frame, tuple(issues), tuple(notes))
