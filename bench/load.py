"""Under load: recorded filter changes replayed by locust (bench/locustfile.py) against
gunicorn (`gunicorn --config gunicorn.conf.py app:server`) on loopback.

    python -m bench.load PARQUET RECORDED_JSON [SECONDS]
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.servers import ROOT, VENV_BIN, serve
from bench.worker import percentile

LOCUSTFILE = Path(__file__).with_name("locustfile.py")


def _number(value: str | None) -> float | None:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def _entry(row: dict) -> dict:
    return {
        "count": int(row["Request Count"]),
        "errors": int(row["Failure Count"]),
        "per_s": round(_number(row["Requests/s"]) or 0, 1),
        "p50_ms": _number(row["50%"]),
        "p95_ms": _number(row["95%"]),
        "p99_ms": _number(row["99%"]),
        "max_ms": _number(row["Max Response Time"]),
    }


def changes_summary(changes: list, seconds: float) -> dict:
    times = [ms for _at, ms, _failed in changes]
    return {
        "count": len(times),
        "errors": sum(1 for _at, _ms, failed in changes if failed),
        "per_s": round(len(times) / seconds, 1),
        "p50_ms": round(percentile(times, 50), 1),
        "p95_ms": round(percentile(times, 95), 1),
        "p99_ms": round(percentile(times, 99), 1),
    }


def run_locust(base: str, recorded: Path, seconds: int, users: int, unique: bool = False) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-locust-") as folder:
        prefix = Path(folder) / "stats"
        changes_file = Path(folder) / "changes.json"
        command = [
            str(VENV_BIN / "locust"),
            *("-f", str(LOCUSTFILE), "--headless", "--only-summary"),
            *("--users", str(users), "--spawn-rate", str(users)),
            *("--run-time", f"{seconds}s", "--host", base, "--csv", str(prefix)),
            *("--loglevel", "WARNING"),
        ]
        environment = {
            **os.environ,
            "BENCH_RECORDED": str(recorded),
            "BENCH_CHANGES_OUT": str(changes_file),
            "BENCH_UNIQUE": "1" if unique else "0",
        }
        done = subprocess.run(
            command,
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=seconds + 120,
        )
        stats_file = Path(f"{prefix}_stats.csv")
        if not stats_file.exists() or not changes_file.exists():
            raise RuntimeError(f"locust wrote no stats: {done.stderr[-2000:]}")
        with stats_file.open() as f:
            rows = list(csv.DictReader(f))
        failures_file = Path(f"{prefix}_failures.csv")
        failures = failures_file.read_text().splitlines()[1:6] if failures_file.exists() else []
        changes = json.loads(changes_file.read_text())["changes"]

    aggregated = next(r for r in rows if r["Name"] == "Aggregated")
    return {
        "tool": "locust",
        "bodies": "unique (no response cache hits)" if unique else "recorded views, repeated",
        "users": users,
        "seconds": seconds,
        "filter_changes": changes_summary(changes, seconds),
        "requests": _entry(aggregated),
        "by_callback": {r["Name"]: _entry(r) for r in rows if r["Name"] != "Aggregated"},
        "failures": failures,
    }


def load_test(
    parquet: Path, recorded: Path, seconds: int, users: int = 16, unique: bool = False
) -> dict:
    with serve("gunicorn", parquet) as (base, startup, _process):
        result = run_locust(base, recorded, seconds, users, unique)
    return {
        "server": "gunicorn --config gunicorn.conf.py app:server",
        "workers": int(os.environ.get("WEB_CONCURRENCY", "2")),
        "server_startup_s": round(startup, 2),
        "data": parquet.name,
        **result,
    }


if __name__ == "__main__":
    seconds = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    print(json.dumps(load_test(Path(sys.argv[1]), Path(sys.argv[2]), seconds), indent=1))
