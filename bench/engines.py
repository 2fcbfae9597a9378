"""Why the counting engine is numpy: the same views counted three ways on the same coded data.

numpy on the arrays data.engine builds at load (a mask from lookup tables, bincounts, orders
sorted once), polars and duckdb on the same integer columns as tables. Each view: the cases with
one article, in two regions, arrested from 2022-02-24 -> distinct persons, persons per region
(a person once per region), persons per month of their earliest arrest. The three must agree.

    pip install ".[bench]"   # polars and duckdb are only for this comparison
    python -m bench.engines [--rows 100000]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from bench.__main__ import data_file
from data.engine import NO_DAY
from data.sources import DataFolder


def coded(rows: int) -> tuple[pd.DataFrame, pd.DataFrame, object]:
    """The demo data at `rows`, loaded as the app loads it: (rows, charges) as integer columns,
    and the engine."""
    folder = Path(tempfile.gettempdir()) / "politprisoners-bench"
    folder.mkdir(exist_ok=True)
    dataset, _ = DataFolder(data_file(rows, folder)).load()
    engine = dataset.warm().engine
    table = pd.DataFrame(
        {
            "row": np.arange(engine.size),
            "person": engine.person,
            "region": engine.region_index["prosecution"],
            "day": engine.days["custody_date"],
            "month": engine.month["custody_date"],
        }
    )
    charges = pd.DataFrame({"row": engine.articles.rows, "article": engine.articles.codes})
    return table, charges, engine


def views(engine) -> list[tuple[int, tuple[int, int]]]:
    """15 views: the five most common articles, each with three pairs of regions."""
    common = np.bincount(engine.articles.codes).argsort()[::-1][:5]
    pairs = ((10, 20), (30, 31), (40, 7))
    return [(int(a), p) for a in common for p in pairs]


def numpy_view(engine, start: int, article: int, regions: tuple[int, int]) -> tuple:
    rows = np.zeros(engine.size, dtype=bool)
    rows[engine.articles.rows[engine.articles.codes == article]] = True
    index, days = engine.region_index["prosecution"], engine.days["custody_date"]
    lookup = np.zeros(max(int(index.max()), *regions) + 1, dtype=bool)
    lookup[list(regions)] = True
    rows &= lookup[index] & (index >= 0) & (days >= start) & (days != NO_DAY)
    persons = int(np.count_nonzero(engine.seen_persons(rows)))
    seen = np.zeros(len(engine.pair_region["prosecution"]), dtype=bool)
    seen[engine.region_pair["prosecution"][rows]] = True
    per_region = int(np.count_nonzero(seen))
    first = engine.one_per_person(engine.earliest["custody_date"], rows)
    months = engine.month["custody_date"][first]
    per_month = int(np.bincount(months - months.min()).sum()) if len(months) else 0
    return persons, per_region, per_month


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    import duckdb
    import polars as pl

    table, charges, engine = coded(args.rows)
    start = int(np.datetime64("2022-02-24", "D").astype(np.int64))
    frame, hits = pl.from_pandas(table), pl.from_pandas(charges)

    def polars_view(article: int, regions: tuple[int, int]) -> tuple:
        rows = hits.filter(pl.col("article") == article).select("row").unique()
        chosen = frame.join(rows, on="row", how="semi").filter(
            pl.col("region").is_in(list(regions))
            & (pl.col("day") >= start)
            & (pl.col("day") != NO_DAY)
        )
        persons = chosen.select(pl.col("person").n_unique()).item()
        per_region = chosen.select(["person", "region"]).unique().height
        earliest = chosen.group_by("person").agg(pl.col("month").sort_by("day").first())
        return persons, per_region, earliest.height

    con = duckdb.connect()
    con.register("cases", table)
    con.register("charges", charges)

    def duckdb_view(article: int, regions: tuple[int, int]) -> tuple:
        chosen = f"""select * from cases where row in (select row from charges where article =
            {article}) and region in {regions} and day >= {start} and day != {NO_DAY}"""

        def count(sql: str) -> int:
            return con.execute(sql).fetchone()[0]

        persons = count(f"select count(distinct person) from ({chosen})")
        per_region = count(f"select count(*) from (select distinct person, region from ({chosen}))")
        first = count(
            f"select count(*) from (select arg_min(month, day) from ({chosen}) group by person)"
        )
        return persons, per_region, first

    print(f"{args.rows:,} prosecutions, {engine.persons:,} persons, 15 views x {args.repeat}")
    answers = {}
    for name, view in (
        ("numpy (the engine)", lambda a, r: numpy_view(engine, start, a, r)),
        ("polars", polars_view),
        ("duckdb", duckdb_view),
    ):
        times, found = [], []
        for _ in range(args.repeat):
            for article, regions in views(engine):
                began = time.perf_counter()
                found.append(view(article, regions))
                times.append((time.perf_counter() - began) * 1000)
        answers[name] = found
        p95 = sorted(times)[int(len(times) * 0.95)]
        print(f"  {name:20} median {statistics.median(times):7.2f} ms   p95 {p95:7.2f} ms")
    same = len({tuple(a) for a in answers.values()}) == 1
    print("  the three agree on every view" if same else "  ANSWERS DIFFER")


if __name__ == "__main__":
    main()
