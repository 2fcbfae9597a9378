"""Soak: gunicorn under a steady load for minutes, with the data reloaded half-way (issue 13).

    python -m bench.soak [--seconds 300] [--rows 100000] [--users 16] [--results bench/SOAK.md]

Locust replays the recorded filter changes (bench/locustfile.py) against gunicorn serving a data
folder; half-way a second file is put in the folder and the master gets SIGHUP (gunicorn.conf.py's
on_reload loads it, then new workers fork). Meanwhile a probe asks /readyz every second (which
version, and did it answer) and measures the memory of the master and its workers (PSS, so pages
shared copy-on-write are counted once). What it reports: every request and its errors, the
reload (when the new version was first and then always served), and the memory over time.
Never part of `make test`: it takes minutes and both cores.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

from bench.__main__ import LOAD_SIZE, data_file, log, machine, run_worker
from bench.load import run_locust
from bench.servers import ROOT, serve

HERE = Path(__file__).resolve().parent
SAMPLE_SECONDS = 1.0


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def _pss_mb(pid: int) -> float:
    """Proportional set size: a page shared by n processes counts 1/n in each."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class Probe(threading.Thread):
    """Every second: the master's and workers' memory, and which version /readyz names. At
    `reload_at` seconds: a new file in the folder and SIGHUP to the master."""

    def __init__(self, base: str, master: int, folder: Path, extra: Path, reload_at: float):
        super().__init__(daemon=True)
        self.base, self.master, self.folder, self.extra = base, master, folder, extra
        self.reload_at = reload_at
        self.stopping = threading.Event()
        self.samples: list[dict] = []
        self.probe_failures: list[str] = []
        self.reloaded_at: float | None = None

    def run(self) -> None:
        start = time.monotonic()
        while not self.stopping.is_set():
            now = time.monotonic() - start
            if self.reloaded_at is None and now >= self.reload_at:
                shutil.copy(self.extra, self.folder / "second-list.parquet")
                os.kill(self.master, signal.SIGHUP)
                self.reloaded_at = round(now, 1)
            workers = _children(self.master)
            sample = {
                "t": round(now, 1),
                "master_mb": round(_pss_mb(self.master), 1),
                "workers_mb": round(sum(_pss_mb(w) for w in workers), 1),
                "workers": len(workers),
            }
            try:
                with urllib.request.urlopen(self.base + "/readyz", timeout=10) as response:
                    ready = json.loads(response.read())
                sample["version"] = ready["version"]
            except Exception as error:  # kept: a failed probe is a finding
                self.probe_failures.append(f"{now:.0f}s {type(error).__name__}: {error}")
            self.samples.append(sample)
            self.stopping.wait(SAMPLE_SECONDS)


def _memory(samples: list[dict], start: float, end: float) -> dict:
    """Median PSS of master + workers between `start` and `end` seconds."""
    window = [s for s in samples if start <= s["t"] < end and s["workers"]]
    totals = [s["master_mb"] + s["workers_mb"] for s in window]
    return {
        "from_s": start,
        "to_s": end,
        "median_total_mb": round(statistics.median(totals), 1) if totals else None,
        "max_total_mb": round(max(totals), 1) if totals else None,
    }


def soak(seconds: int, rows: int, users: int, data_dir: Path) -> dict:
    parquet = data_file(rows, data_dir)
    recorded = data_dir / "recorded-steps.json"
    if not recorded.exists():  # the filter changes locust replays, recorded once
        log("recording filter changes to replay ...")
        run_worker(rows, parquet, argparse.Namespace(states=50, baseline_every=5), recorded)
    extra = data_file(10_000, data_dir)
    with tempfile.TemporaryDirectory(prefix="soak-data-") as folder_name:
        folder = Path(folder_name)
        shutil.copy(parquet, folder / "first-list.parquet")
        env = {"DATA_RELOAD_SECONDS": "3600"}  # only the SIGHUP reloads
        with serve("gunicorn", folder, env=env) as (base, startup, process):
            probe = Probe(base, process.pid, folder, extra, reload_at=seconds / 2)
            probe.start()
            try:
                result = run_locust(base, recorded, seconds, users)
            finally:
                probe.stopping.set()
                probe.join(30)
    samples = probe.samples
    versions = [s.get("version") for s in samples if s.get("version")]
    first, last = versions[0], versions[-1]
    switched = [s["t"] for s in samples if s.get("version") == last and last != first]
    half = seconds / 2
    return {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": f"python -m bench.soak --seconds {seconds} --rows {rows} --users {users}",
        "machine": machine(),
        "server": "gunicorn --config gunicorn.conf.py app:server",
        "workers": int(os.environ.get("WEB_CONCURRENCY", "2")),
        "server_startup_s": round(startup, 1),
        "data": f"{rows:,} demo prosecutions, then + 10,000 of another file at {half:.0f} s",
        "load": result,
        "reload": {
            "sighup_at_s": probe.reloaded_at,
            "new_version_first_seen_s": switched[0] if switched else None,
            "versions_seen": list(dict.fromkeys(versions)),
            "old_version_after_switch": sum(
                1 for s in samples if switched and s["t"] > switched[0] and s["version"] == first
            ),
        },
        "probe": {"samples": len(samples), "failures": probe.probe_failures},
        # Windows that leave out the warm-up and the reload itself.
        "memory": {
            "warm": _memory(samples, round(half * 0.3), half),
            "after_reload": _memory(samples, round(half * 1.3), round(seconds * 0.9)),
            "end": _memory(samples, round(seconds * 0.9), seconds + 1),
        },
        "samples": samples,
    }


def markdown(report: dict) -> str:
    load, reload_, memory = report["load"], report["reload"], report["memory"]
    changes, requests = load["filter_changes"], load["requests"]
    lines = [
        "# Soak: minutes under load, with a reload half-way",
        "",
        f"`{report['command']}` ({report['when']}; {report['machine'].get('cores')} cores). "
        f"{report['server']}, {report['workers']} workers, {load['users']} locust users "
        f"replaying recorded filter changes for {load['seconds']} s; {report['data']}, loaded "
        "when the master got SIGHUP. Memory is PSS (shared pages counted once) of the master "
        "and its workers.",
        "",
        "| Figure | Value |",
        "|---|---|",
        f"| Requests | {requests['count']:,} ({requests['per_s']}/s) |",
        f"| Failed requests | {requests['errors']} |",
        f"| Filter changes | {changes['count']:,} ({changes['per_s']}/s), "
        f"{changes['errors']} failed |",
        f"| Request p50 / p95 / p99 | {requests['p50_ms']} / {requests['p95_ms']} / "
        f"{requests['p99_ms']} ms |",
        f"| SIGHUP sent at | {reload_['sighup_at_s']} s |",
        f"| New version first served at | {reload_['new_version_first_seen_s']} s |",
        f"| Old version served after that (/readyz samples) | "
        f"{reload_['old_version_after_switch']} |",
        f"| /readyz probes failed | {len(report['probe']['failures'])} of "
        f"{report['probe']['samples']} |",
    ]
    for name, label in (
        ("warm", "Memory before the reload"),
        ("after_reload", "Memory after the reload"),
        ("end", "Memory at the end"),
    ):
        m = memory[name]
        lines.append(
            f"| {label} ({m['from_s']:.0f}–{m['to_s']:.0f} s) | median {m['median_total_mb']} MB,"
            f" max {m['max_total_mb']} MB |"
        )
    lines += ["", "Failures (first five):", ""]
    lines += [f"- {f}" for f in load.get("failures", [])] or ["- none"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.soak", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--seconds", type=int, default=300)
    parser.add_argument("--rows", type=int, default=LOAD_SIZE)
    parser.add_argument("--users", type=int, default=16)
    parser.add_argument("--results", type=Path, default=HERE / "SOAK.md")
    parser.add_argument(
        "--data-dir", type=Path, default=Path(tempfile.gettempdir()) / "politprisoners-bench"
    )
    args = parser.parse_args(argv)
    args.data_dir.mkdir(parents=True, exist_ok=True)
    log(f"soak: {args.seconds} s, {args.rows:,} rows, {args.users} users ...")
    report = soak(args.seconds, args.rows, args.users, args.data_dir)
    args.results.write_text(markdown(report), encoding="utf-8")
    args.results.with_suffix(".json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    log(markdown(report))
    failed = report["load"]["requests"]["errors"] or report["probe"]["failures"]
    return 1 if failed else 0


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main())
