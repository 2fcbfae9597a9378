"""The benchmark harness works, and its baseline counts what the dashboard counts.

Nothing here is timed: speed lives in `make bench` (bench/), never in tests.
"""

from __future__ import annotations

import json
import re

import pytest

from app import AppConfig, create_app
from bench import states as bench_states
from bench.__main__ import size_figures, targets
from bench.baseline_app import create_baseline_app
from bench.worker import absolute_changes, boot_baseline, boot_ours, main
from callbacks.common import repository
from data import demo
from data.query import filter_options
from data.writer import write_canonical
from tests.conftest import AS_OF

ROWS = 2_000
SIZE_KEYS = {
    "p50_ms",
    "p95_ms",
    "baseline_p50_ms",
    "baseline_p95_ms",
    "ratio_p95",
    "response_bytes_max",
    "startup_s",
    "rss_mb",
}


@pytest.fixture(scope="module")
def parquet(tmp_path_factory):
    path = tmp_path_factory.mktemp("bench") / "demo.parquet"
    write_canonical(demo.generate(ROWS, 5, AS_OF).cases, path)
    return path


@pytest.fixture(scope="module")
def app(parquet):
    return create_app(AppConfig(data_path=parquet))


def _number(value: object) -> int:
    """The count a counter shows ('1 390', with any spaces), whatever component holds it."""
    digits = re.findall(r"\d[\d\s\u00a0\u202f]*", json.dumps(value, ensure_ascii=False))
    assert digits, value
    return int(re.sub(r"\D", "", digits[0]))


def test_states_are_distinct_varied_and_seeded(app):
    options = filter_options(repository(app).current())
    steps = bench_states.generate(options, 60)
    assert steps == bench_states.generate(options, 60)
    views = {json.dumps(s.view, sort_keys=True) for s in steps}
    assert len(views) == 60
    assert {"articles", "regions", "period", "unit", "page", "sort"} <= {s.kind for s in steps}


def test_baseline_counts_what_the_dashboard_counts(app, parquet):
    options = filter_options(repository(app).current())
    steps = bench_states.generate(options, 60)
    chosen = [next(s for s in steps if s.kind == k) for k in ("combined", "period", "regions")]
    ours, baseline = boot_ours(app), boot_baseline(create_baseline_app(parquet))
    for step in chosen:
        for driver in (ours, baseline):
            calls = driver.fire(absolute_changes(driver, step))
            assert calls and all(c.status in (200, 204) for c in calls)
        for counter in ("count-persons.children", "count-prosecutions.children"):
            assert _number(ours.values[counter]) == _number(baseline.values[counter]), (
                counter,
                step.view,
            )
        table = "persons-table.getRowsResponse"
        assert ours.values[table]["rowCount"] == baseline.values[table]["rowCount"], step.view


def test_the_worker_reports_every_figure(parquet, capsys):
    assert main([str(parquet), "--states", "3", "--no-warm"]) == 0
    result = json.loads(capsys.readouterr().out)
    figures = size_figures(result)
    assert set(figures) >= SIZE_KEYS
    assert figures["response_bytes_max"] > 0 and figures["rss_mb"] > 0
    report = {"sizes": {str(ROWS): figures}, "load": {}, "first_load": {}}
    assert all(t["met"] in (True, False) for t in targets(report))
