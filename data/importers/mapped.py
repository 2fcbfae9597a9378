"""What an importer's mapping step returns."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from data.dataset import RowIssue


@dataclass(frozen=True)
class Mapped:
    frame: pd.DataFrame  # canonical columns as text cells, one row per raw row, same order
    issues: tuple[RowIssue, ...] = ()  # values the mapping could not read (verdicts, tags, ...)
    notes: tuple[str, ...] = field(default_factory=tuple)
