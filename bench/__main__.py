"""Benchmarks, run by hand (`make bench`), never by the test suite.

Speed is reported as a ratio against a baseline measured in the same run on the same machine, so
the numbers mean something on a shared, noisy box. The baseline is the naive Dash approach DESIGN.md
warns against: filter with pandas and hand raw rows to plotly express (px.histogram ships every
value to the browser). Ours: the query layer's server-side aggregates and plain-dict figures.

    python -m bench [--rows 100000] [--repeat 7]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from datetime import date

import plotly.express as px

from components.figures.sentences import sentences_figure
from components.figures.timeline import timeline_figure
from data import demo, query
from data.filters import FilterState

STATES = (
    FilterState(),
    FilterState(articles=("207.3",)),
    FilterState(regions=("RU-MOW", "UA-43", "RU-BA"), unit="prosecutions"),
    FilterState(punishments=("imprisonment",), date_from=date(2022, 2, 24), granularity="year"),
    FilterState(articles=("205.5", "275"), statuses=("serving",), genders=("male",)),
)


def clear_caches(dataset) -> None:
    dataset.memo.clear()


def ours(dataset, state) -> int:
    result = query.overview(dataset, state)
    figures = (timeline_figure(result.timeline, "ru"), sentences_figure(result.sentences, "ru"))
    query.table_page(dataset, state)
    return len(json.dumps(figures, default=str))


def baseline(dataset, state) -> int:
    cases = query.select(dataset, state)  # same filtering, so only the chart work differs
    real = cases[cases["punishment_type"].eq("imprisonment")].assign(
        years=lambda f: f["sentence_months"] / 12
    )
    timeline = px.histogram(cases, x="custody_date")
    sentences = px.histogram(real, x="years", color="regime", nbins=26)
    return len(timeline.to_json()) + len(sentences.to_json())


def measure(fn, dataset, repeat: int) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(repeat):
        for state in STATES:
            clear_caches(dataset)
            start = time.perf_counter()
            size = fn(dataset, state)
            times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    start = time.perf_counter()
    dataset = demo.generate(args.rows, as_of=date(2026, 11, 1))
    print(f"demo dataset: {args.rows} rows in {time.perf_counter() - start:.1f} s")

    ours_ms, ours_bytes = measure(ours, dataset, args.repeat)
    base_ms, base_bytes = measure(baseline, dataset, args.repeat)
    clear_caches(dataset)
    query.overview(dataset, STATES[1])
    start = time.perf_counter()
    for _ in range(1000):
        query.overview(dataset, STATES[1])
    cached_us = (time.perf_counter() - start) * 1000

    print(f"{'':34}{'median ms':>12}{'figure bytes':>14}")
    print(f"{'ours (aggregates, uncached)':34}{ours_ms:12.1f}{ours_bytes:14,}")
    print(f"{'baseline (px on raw rows)':34}{base_ms:12.1f}{base_bytes:14,}")
    print(
        f"speed ratio baseline/ours: {base_ms / ours_ms:.1f}x; "
        f"payload ratio: {base_bytes / max(ours_bytes, 1):.0f}x"
    )
    print(f"cached overview: {cached_us:.1f} us per call")


if __name__ == "__main__":
    main()
