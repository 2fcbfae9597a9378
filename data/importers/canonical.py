"""Canonical files (CSV, XLSX, JSON, Parquet): the schema's own columns; extra columns are kept out
of the dataset and ignored."""

from __future__ import annotations

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
    extra = [c for c in frame.columns if c not in COLUMN_NAMES]
    if extra:
        notes.append(f"ignored columns: {', '.join(extra[:10])}")
    return Mapped(frame, (), tuple(notes))
