"""Two invented lists and three snapshots of one of them, as files in a folder: what the compare
and history pages need to show anything, for trying them out and for the tests.

    python -m data demo-lists --out DIR [--rows N] [--seed S]

The people come from the matching's labelled set (data/match_eval.py): a "memorial" list in
Cyrillic and an "ovdinfo" list in Latin spellings, partly the same people. The memorial list is
saved three times (15 Jan, 22 Feb and 30 Mar 2025): people arrested after a date are not on its
earlier snapshots, some were recognised later, and some left between snapshots (released, their
term over, or with no reason given). Every record is invented, and every file says so.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from data.match_eval import labelled_set
from data.writer import write_canonical

SNAPSHOT_DATES = (date(2025, 1, 15), date(2025, 2, 22), date(2025, 3, 30))


def _meta(path: Path, source: str, name: str, as_of: date) -> None:
    meta = {
        "source": source,
        "display_name": name,
        "organisation": "politprisoners-dashboard (invented records)",
        "as_of": as_of.isoformat(),
        "synthetic": True,
    }
    path.with_name(path.name + ".meta.json").write_text(
        json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8"
    )


def write_demo_lists(out: Path, rows: int = 3000, seed: int = 11) -> list[Path]:
    """Write the files into `out`; returns them (data files only, each with its .meta.json)."""
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    cases = labelled_set(rows, seed).cases
    memorial = cases[cases["source"].astype(str) == "memorial"].copy()
    ovdinfo = cases[cases["source"].astype(str) == "ovdinfo"].copy()
    people = np.array(sorted(memorial["person_id"].astype(str).unique()))
    first_custody = (
        pd.to_datetime(memorial["custody_date"]).groupby(memorial["person_id"].astype(str)).min()
    )
    # Who left between snapshots: they are on the earlier ones, serving, and gone later.
    leaving = rng.choice(people, size=max(3, len(people) // 25), replace=False)
    late_recognition = set(rng.choice(people, size=max(3, len(people) // 30), replace=False))
    written = []
    for k, as_of in enumerate(SNAPSHOT_DATES):
        arrested = first_custody.reindex(people)
        present = [
            p
            for p in people
            if (pd.isna(arrested[p]) or arrested[p].date() <= as_of)
            and not (p in late_recognition and k < 2)
        ]
        gone_by = {p: SNAPSHOT_DATES[1 + i % 2] for i, p in enumerate(leaving)}
        present = [p for p in present if not (p in gone_by and gone_by[p] <= as_of)]
        snapshot = memorial[memorial["person_id"].astype(str).isin(present)].copy()
        # Before they left, the leavers were serving; half of them had a term ending before
        # they left (sentence served), the other half are simply gone (no reason given).
        leavers = snapshot["person_id"].astype(str).isin(gone_by)
        snapshot.loc[leavers, "status"] = "serving"
        snapshot.loc[leavers, "in_custody"] = True
        ids = snapshot["person_id"].astype(str)
        served = leavers & (ids.map(lambda p: int(p[-1]) % 2 == 0))
        snapshot.loc[served, "punishment_type"] = "imprisonment"
        snapshot.loc[served, "custody_date"] = pd.Timestamp("2023-01-10")
        snapshot.loc[served, "sentence_months"] = 25.0
        path = out / f"list_{len(present)}_{as_of:%d-%m-%Y}.csv"
        write_canonical(snapshot.drop(columns=["_line"], errors="ignore"), path)
        _meta(path, "memorial", "«Мемориал» (выдуманные записи)", as_of)
        written.append(path)
    path = out / "ovdinfo_2025-04-01.csv"
    write_canonical(ovdinfo.drop(columns=["_line"], errors="ignore"), path)
    _meta(path, "ovdinfo", "ОВД-Инфо (выдуманные записи)", date(2025, 4, 1))
    written.append(path)
    return written
