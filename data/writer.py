"""Write a canonical frame back to CSV (UTF-8 with BOM, lists '|'-separated) or Parquet.

CSV written here loads back unchanged through data.loader: the round trip is tested.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from data.schema import COLUMNS, LIST_SEPARATOR, Kind


def to_text(cases: pd.DataFrame) -> pd.DataFrame:
    """The canonical frame as the text cells of a canonical CSV."""
    out = {}
    for column in COLUMNS:
        values = cases[column.name]
        if column.kind is Kind.LIST:
            out[column.name] = values.map(lambda items: LIST_SEPARATOR.join(items))
        elif column.kind is Kind.DATE:
            out[column.name] = values.dt.strftime("%Y-%m-%d").fillna("")
        elif column.kind is Kind.BOOL:
            out[column.name] = values.map({True: "true", False: "false"}).astype(object).fillna("")
        elif column.kind is Kind.FLOAT:
            out[column.name] = values.map(lambda v: "" if pd.isna(v) else f"{v:g}")
        else:
            out[column.name] = values.astype("string").fillna("")
    return pd.DataFrame(out)


def write_canonical(cases: pd.DataFrame, path: Path) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() == ".parquet":
        frame = cases.copy()
        frame["articles"] = frame["articles"].map(list)
        frame.to_parquet(path, index=False)
    else:
        # BOM: spreadsheets then read the Cyrillic as UTF-8 (PRODUCT.md, Downloads).
        to_text(cases).to_csv(path, index=False, encoding="utf-8-sig")
