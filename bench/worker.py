"""One size's measurements, in a fresh process (so startup and RSS are this size's own).

    python -m bench.worker PARQUET --spawned UNIX_TIME [--states N] [--record FILE]

Starts the app from the Parquet file, answers a first request (startup), boots the overview
page through the Flask test client, replays the steps cold (the dataset's per-state caches
cleared before each, and unique request bodies, so that no whole-response cache answers
either), then twice again without clearing (warm: the second replay), and the same steps
through the baseline app. Prints one JSON object on stdout; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import statistics
import sys
import time
from pathlib import Path


def log(message: str) -> None:
    print(f"  [worker] {message}", file=sys.stderr, flush=True)


def rss_mb() -> float:
    """This process's resident set size (VmRSS), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values: list[float], q: float) -> float:
    """Linear-interpolated percentile (q in 0..100), as numpy's default."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summary(times_ms: list[float]) -> dict:
    return {
        "p50_ms": round(percentile(times_ms, 50), 2),
        "p95_ms": round(percentile(times_ms, 95), 2),
        "max_ms": round(max(times_ms), 2) if times_ms else None,
        "mean_ms": round(statistics.fmean(times_ms), 2) if times_ms else None,
    }


def clear_caches(app) -> str:
    """Forget every result computed for a state (the next state is computed cold), keeping
    what belongs to the dataset rather than to a state (memo entries keyed by None: the filter
    options, the names' sort keys). Uses whatever the counting engine offers; says what it did.
    """
    from callbacks.common import repository
    from data import query

    dataset = repository(app).current()
    done = []
    memo = getattr(dataset, "memo", None)
    items = getattr(memo, "_items", None)
    lock = getattr(memo, "_lock", None) or contextlib.nullcontext()
    if isinstance(items, dict) and all(hasattr(v, "keys") for v in items.values()):
        with lock:
            for kind in items.values():
                for key in [k for k in kind if k is not None]:
                    del kind[key]
        done.append("dataset.memo: entries keyed by state")
    elif memo is not None and hasattr(memo, "clear"):
        memo.clear()
        done.append("dataset.memo.clear()")
    for owner, label in ((query, "query"), (getattr(dataset, "engine", None), "dataset.engine")):
        for name in ("clear_caches", "cache_clear", "clear_cache"):
            function = getattr(owner, name, None) if owner is not None else None
            if callable(function):
                try:
                    function(dataset) if owner is query else function()
                except TypeError:
                    continue
                done.append(f"{label}.{name}()")
    for name, value in vars(query).items():  # the query module's own functools caches
        if (
            callable(getattr(value, "cache_clear", None))
            and getattr(value, "__module__", None) == query.__name__
        ):
            value.cache_clear()
            done.append(f"query.{name}.cache_clear()")
    with contextlib.suppress(Exception):
        query.filter_options(dataset)
    return ", ".join(done) or "nothing to clear"


def boot_ours(app):
    from bench.dashclient import DashDriver, grid_refetch, prop_key
    from bench.states import PAGE_SIZE, ROWS
    from components import ids

    driver = DashDriver(app.server.test_client())
    driver.load_layout()
    driver.after_round.append(
        grid_refetch(ids.TABLE, prop_key(ids.TABLE_REFRESH, "data"), PAGE_SIZE)
    )
    driver.fire({"url.pathname": "/", "url.search": "", "url.hash": ""})
    driver.fire({ROWS: {"startRow": 0, "endRow": PAGE_SIZE, "sortModel": [], "filterModel": {}}})
    return driver


def boot_baseline(app):
    from bench.dashclient import DashDriver, grid_refetch, prop_key
    from bench.states import PAGE_SIZE, ROWS
    from components import ids

    driver = DashDriver(app.server.test_client())
    driver.load_layout()
    driver.after_round.append(
        grid_refetch(ids.TABLE, prop_key(ids.TABLE_REFRESH, "data"), PAGE_SIZE)
    )
    driver.fire({}, initial=True)
    driver.fire({ROWS: {"startRow": 0, "endRow": PAGE_SIZE, "sortModel": [], "filterModel": {}}})
    return driver


def absolute_changes(driver, step) -> dict:
    """What differs between the page and the step's whole view: a subset of the steps then
    still reaches the same views. A new selection's first page is the grid's own request."""
    from bench.states import FILTER_KEYS, ROWS

    changes = {k: v for k, v in step.view.items() if driver.values.get(k) != v}
    if any(k in changes for k in FILTER_KEYS):
        changes.pop(ROWS, None)
    return changes


def sweep(driver, steps, before_each=None, absolute: bool = False) -> dict:
    """Each step through the driver; a step's time is the sum of its callbacks' wall times."""
    times, per_callback, bytes_max, fired, recorded = [], {}, 0, {}, []
    largest = None
    for step in steps:
        if before_each:
            before_each()
        calls = driver.fire(absolute_changes(driver, step) if absolute else step.changes)
        times.append(sum(c.seconds for c in calls) * 1000)
        for call in calls:
            per_callback.setdefault(call.name, []).append(call.seconds * 1000)
            if call.response_bytes > bytes_max:
                bytes_max, largest = call.response_bytes, f"{call.name} ({step.kind})"
        fired[step.kind] = sorted({c.name for c in calls} | set(fired.get(step.kind, [])))
        recorded.append([c.payload for c in calls])
    return {
        **summary(times),
        "response_bytes_max": bytes_max,
        "largest_response": largest,
        "callbacks": {name: summary(ms) for name, ms in sorted(per_callback.items())},
        "fired": fired,
        "times_ms": [round(t, 2) for t in times],
        "_recorded": recorded,
    }


def reset_view(driver, default: dict) -> None:
    """Back to the default view (untimed), so a second pass starts where the first did."""
    driver.fire({k: v for k, v in default.items() if driver.values.get(k) != v})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("parquet", type=Path)
    parser.add_argument("--spawned", type=float, default=None, help="time.time() at spawn")
    parser.add_argument("--states", type=int, default=60)
    parser.add_argument("--no-warm", action="store_true")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument(
        "--baseline-every", type=int, default=1, help="the baseline on every k-th step only"
    )
    parser.add_argument("--record", type=Path, default=None, help="write the payloads here")
    args = parser.parse_args(argv)
    spawned = args.spawned or time.time()

    from app import AppConfig, create_app

    config = dataclasses.replace(AppConfig.from_env(), data_path=args.parquet)
    app = create_app(config)
    client = app.server.test_client()
    first = client.get("/")
    startup_s = time.time() - spawned
    if first.status_code != 200:
        raise RuntimeError(f"first request: HTTP {first.status_code}")
    log(f"app answered its first request {startup_s:.2f} s after spawn")
    rss_load = rss_mb()

    from bench import states as bench_states
    from callbacks.common import repository
    from data.query import filter_options

    dataset = repository(app).current()
    options = filter_options(dataset)
    steps = bench_states.generate(options, args.states)
    driver = boot_ours(app)
    cleared = clear_caches(app)
    log(f"{len(steps)} steps; caches cleared by: {cleared}")
    driver.unique_bodies = True  # and no whole-response cache answers (callbacks/response_cache)
    cold = sweep(driver, steps, lambda: clear_caches(app))
    driver.unique_bodies = False
    log(f"ours cold: p50 {cold['p50_ms']} ms, p95 {cold['p95_ms']} ms")
    result = {
        "rows": len(dataset.cases),
        "startup_s": round(startup_s, 2),
        "rss_mb_after_load": round(rss_load, 1),
        "cache_clearing": cleared,
        "states": len(steps),
        "kinds": {k: sum(s.kind == k for s in steps) for k in sorted({s.kind for s in steps})},
        "ours": cold,
    }
    if args.record:
        recorded = {"rows": len(dataset.cases), "steps": cold["_recorded"]}
        args.record.write_text(json.dumps(recorded))
    if not args.no_warm:  # the same views asked for again: the second replay, every cache on
        for _replay in range(2):
            reset_view(driver, bench_states.default_view(options))
            warm = sweep(driver, steps)
        result["ours_warm"] = {k: v for k, v in warm.items() if k.endswith("_ms")}
        log(f"ours warm: p50 {warm['p50_ms']} ms, p95 {warm['p95_ms']} ms")
    result["rss_mb"] = round(rss_mb(), 1)
    if not args.no_baseline:
        from bench.baseline_app import create_baseline_app

        baseline = boot_baseline(create_baseline_app(args.parquet))
        chosen = list(range(0, len(steps), max(1, args.baseline_every)))
        base = sweep(baseline, [steps[i] for i in chosen], absolute=True)
        base["steps"] = chosen
        ours_times = [cold["times_ms"][i] for i in chosen]
        result["ours_on_baseline_steps"] = summary(ours_times)
        result["baseline"] = base
        log(f"baseline: p50 {base['p50_ms']} ms, p95 {base['p95_ms']} ms")
    for part in ("ours", "baseline"):
        if part in result:
            result[part].pop("_recorded", None)
    json.dump(result, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
