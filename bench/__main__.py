"""Benchmarks, run by hand (`make bench`, `make bench-quick`), never by the test suite.

    python -m bench [--quick] [--json] [--sizes 10000,100000] [--states N] [--load-seconds S]

For each size, demo data (data.demo) written to Parquet; in a fresh process per size
(bench/worker.py): startup from the Parquet until the first answer, RSS, and a sweep of filter
changes (every callback that fires for each, through the Flask test client) with the query
caches cleared before each (cold), again warm, and the same changes through the plain-way
baseline (bench/baseline_app.py) in the same run. Then the first page load in headless
Chromium (bench/first_load.py) and a load test with locust against gunicorn (bench/load.py).
Speed is judged by ratios measured in one run: these machines are shared and noisy.

--json prints one JSON object on stdout; progress goes to stderr. A full run (no --quick)
writes bench/RESULTS.md (or --results PATH).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
AS_OF = date(2026, 11, 1)  # fixed: the same demo data whatever the day
FULL_SIZES = (10_000, 100_000, 1_000_000)
QUICK_SIZES = (10_000, 100_000)
LOAD_SIZE = 100_000
KB, MB = 1024, 1024 * 1024
PACKAGES = (
    "dash",
    "plotly",
    "pandas",
    "numpy",
    "pyarrow",
    "flask",
    "flask-compress",
    "gunicorn",
    "dash-ag-grid",
    "locust",
    "selenium",
)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def data_file(rows: int, folder: Path) -> Path:
    """The demo data at `rows` as Parquet, made once per (rows, seed, as-of) and kept in the
    temp folder (the generator takes minutes at 1M rows)."""
    from data import demo

    path = folder / f"demo-{rows}-{demo.DEFAULT_SEED}-{AS_OF.isoformat()}.parquet"
    if path.exists():
        return path
    from data.writer import write_canonical

    log(f"generating {rows:,} demo prosecutions ...")
    start = time.perf_counter()
    dataset = demo.generate(rows, demo.DEFAULT_SEED, AS_OF)
    partial = path.with_suffix(".partial.parquet")
    write_canonical(dataset.cases, partial)
    partial.rename(path)
    log(f"  {path.name}: {time.perf_counter() - start:.1f} s")
    return path


def baseline_every(rows: int, args: argparse.Namespace) -> int:
    """The baseline takes seconds per change at 100k and tens at 1M: a quick run and the 1M
    size time it on every 5th change (the ratio compares the same changes)."""
    return args.baseline_every or (5 if args.quick or rows >= 1_000_000 else 1)


def run_worker(rows: int, parquet: Path, args: argparse.Namespace, record: Path | None) -> dict:
    command = [sys.executable, "-m", "bench.worker", str(parquet), "--states", str(args.states)]
    command += ["--baseline-every", str(baseline_every(rows, args))]
    if record:
        command += ["--record", str(record)]
    command += ["--spawned", repr(time.time())]
    done = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def size_figures(result: dict) -> dict:
    ours, base = result["ours"], result.get("baseline", {})
    same = result.get("ours_on_baseline_steps", ours)
    warm = result.get("ours_warm", {})
    slowest = max(ours["callbacks"].items(), key=lambda kv: kv[1]["p95_ms"] or 0)
    return {
        "p50_ms": ours["p50_ms"],
        "p95_ms": ours["p95_ms"],
        "baseline_p50_ms": base.get("p50_ms"),
        "baseline_p95_ms": base.get("p95_ms"),
        # On the same steps (the baseline may run on a subset of them in a quick run).
        "ratio_p95": round(base["p95_ms"] / same["p95_ms"], 1) if base else None,
        "response_bytes_max": ours["response_bytes_max"],
        "largest_response": ours.get("largest_response"),
        "startup_s": result["startup_s"],
        "rss_mb": result["rss_mb"],
        "rss_mb_after_load": result["rss_mb_after_load"],
        "warm_p50_ms": warm.get("p50_ms"),
        "warm_p95_ms": warm.get("p95_ms"),
        "states": result["states"],
        "baseline_states": len(base.get("steps", [])),
        "baseline_response_bytes_max": base.get("response_bytes_max"),
        "slowest_callback": slowest[0],
        "callbacks_p95_ms": {k: v["p95_ms"] for k, v in ours["callbacks"].items()},
        "baseline_callbacks_p95_ms": {k: v["p95_ms"] for k, v in base.get("callbacks", {}).items()},
        "cache_clearing": result["cache_clearing"],
    }


def targets(report: dict) -> list[dict]:
    """Every target of issue 12 with the measured figure beside it."""
    out = []

    def add(name: str, value, target: str, met) -> None:
        out.append(
            {
                "target": name,
                "goal": target,
                "value": value,
                "met": None if value is None else bool(met),
            }
        )

    sizes = report["sizes"]
    hundred, million = sizes.get(str(100_000)), sizes.get(str(1_000_000))
    if hundred:
        add("filter change p95 at 100k", hundred["p95_ms"], "<= 20 ms", hundred["p95_ms"] <= 20)
        ratio = hundred["ratio_p95"]
        add("speed-up over the baseline at 100k (p95)", ratio, ">= 10x", (ratio or 0) >= 10)
    if million:
        add("filter change p95 at 1M", million["p95_ms"], "<= 150 ms", million["p95_ms"] <= 150)
        add("startup from Parquet at 1M", million["startup_s"], "< 10 s", million["startup_s"] < 10)
        add(
            "RSS per worker at 1M",
            million["rss_mb"],
            "< 1.5 GB (1536 MB)",
            million["rss_mb"] < 1536,
        )
    for rows, figures in sizes.items():
        size = figures["response_bytes_max"]
        add(f"largest response at {int(rows):,}", size, "<= 30 KB (30720 B)", size <= 30 * KB)
    first = report.get("first_load") or {}
    if "transfer_bytes" in first:
        add(
            "first load transferred",
            first["transfer_bytes"],
            "<= 1.5 MB (1572864 B)",
            first["transfer_bytes"] <= 1.5 * MB,
        )
        drawn = first.get("charts_drawn_ms")
        add(
            "first load: all charts drawn", drawn, "<= 1500 ms", drawn is not None and drawn <= 1500
        )
    load = report.get("load") or {}
    if "filter_changes" in load:
        changes = load["filter_changes"]
        add(
            "filter changes per second (2 cores)",
            changes["per_s"],
            ">= 150/s",
            changes["per_s"] >= 150,
        )
        errors = changes["errors"] + load["requests"]["errors"]
        add("errors under load", errors, "0", errors == 0)
        p99 = load["requests"]["p99_ms"]
        add("request p99 under load", p99, "< 300 ms", p99 is not None and p99 < 300)
        p99 = changes["p99_ms"]
        add("filter change p99 under load (its POSTs in sequence)", p99, "< 300 ms", p99 < 300)
    return out


def machine() -> dict:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        ram = next(
            int(line.split()[1]) // 1024
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal:")
        )
    except (OSError, StopIteration):
        ram = None
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    chromium = None
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        chromium = subprocess.run(
            ["/usr/bin/chromium", "--version"], capture_output=True, text=True, timeout=20
        ).stdout.strip()
    return {
        "cpu": model or platform.processor(),
        "cores": os.cpu_count(),
        "ram_mb": ram,
        "os": platform.platform(),
        "python": platform.python_version(),
        "packages": versions,
        "chromium": chromium,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="10k and 100k; a 20 s load test")
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    parser.add_argument("--sizes", default=None, help="comma-separated row counts")
    parser.add_argument("--states", type=int, default=None, help="filter changes (>= 50)")
    parser.add_argument("--load-seconds", type=int, default=None)
    parser.add_argument("--load-users", type=int, default=16)
    parser.add_argument(
        "--baseline-every",
        type=int,
        default=None,
        help="time the baseline on every k-th state only (default: 1; quick and 1M: 5)",
    )
    parser.add_argument(
        "--load-unique",
        action="store_true",
        help="load test with request bodies no response cache has seen (default: recorded "
        "views repeated, as in a news spike)",
    )
    parser.add_argument("--no-first-load", action="store_true")
    parser.add_argument("--no-load", action="store_true")
    parser.add_argument("--results", type=Path, default=None, help="write RESULTS.md here")
    parser.add_argument(
        "--data-dir", type=Path, default=Path(tempfile.gettempdir()) / "politprisoners-bench"
    )
    args = parser.parse_args(argv)
    sizes = (
        tuple(int(s) for s in args.sizes.split(",") if s.strip())
        if args.sizes
        else (QUICK_SIZES if args.quick else FULL_SIZES)
    )
    args.states = args.states or (50 if args.quick else 60)
    load_seconds = args.load_seconds or (20 if args.quick else 60)
    results_path = args.results or (None if args.quick else HERE / "RESULTS.md")
    args.data_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    load_before = os.getloadavg()

    report: dict = {"sizes": {}, "load": {}, "first_load": {}}
    workers: dict[int, dict] = {}
    load_size = LOAD_SIZE if LOAD_SIZE in sizes else max(s for s in sizes if s <= LOAD_SIZE)
    recorded = args.data_dir / "recorded-steps.json"
    for rows in sizes:
        parquet = data_file(rows, args.data_dir)
        log(f"size {rows:,}: measuring in a fresh process ...")
        workers[rows] = run_worker(rows, parquet, args, recorded if rows == load_size else None)
        report["sizes"][str(rows)] = size_figures(workers[rows])
        figures = report["sizes"][str(rows)]
        log(
            f"  p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms; baseline p95 "
            f"{figures['baseline_p95_ms']} ms; startup {figures['startup_s']} s; "
            f"RSS {figures['rss_mb']} MB"
        )

    if not args.no_first_load:
        from bench.first_load import first_load

        log("first load in headless Chromium (10k rows) ...")
        try:
            report["first_load"] = first_load(
                data_file(10_000, args.data_dir), loads=1 if args.quick else 3
            )
        except Exception as error:  # a missing browser must not lose the other figures
            report["first_load"] = {"error": f"{type(error).__name__}: {error}"}
        shown = ("transfer_bytes", "charts_drawn_ms", "error")
        log(f"  {json.dumps({k: report['first_load'].get(k) for k in shown})}")

    if not args.no_load:
        from bench.load import load_test

        log(f"load: locust against gunicorn ({load_size:,} rows) for {load_seconds} s ...")
        try:
            report["load"] = load_test(
                data_file(load_size, args.data_dir),
                recorded,
                load_seconds,
                args.load_users,
                args.load_unique,
            )
            changes = report["load"]["filter_changes"]
            log(f"  {changes['per_s']} changes/s, p99 {changes['p99_ms']} ms")
        except Exception as error:
            report["load"] = {"error": f"{type(error).__name__}: {error}"}
            log(f"  {report['load']['error']}")

    report["targets"] = targets(report)
    report["run"] = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "mode": "quick" if args.quick else "full",
        "seconds": round(time.perf_counter() - started, 1),
        "states": args.states,
        "baseline_every": {str(rows): baseline_every(rows, args) for rows in sizes},
        "machine": machine(),
        # The machines are shared: what else ran shows in the load average (2 cores).
        "load_average_start": [round(x, 2) for x in load_before],
        "load_average_end": [round(x, 2) for x in os.getloadavg()],
    }
    if results_path:
        from bench.report import results_markdown

        results_path.write_text(results_markdown(report, workers), encoding="utf-8")
        log(f"wrote {results_path}")
    if args.json:
        print(json.dumps(report))
    else:
        from bench.report import table

        print(table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
