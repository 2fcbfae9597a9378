"""Reloading under a real gunicorn while requests flow (issue 13): SIGHUP to the master loads the
changed files in the master and forks new workers with them; SIGHUP to a worker reloads that
worker in the background; a bad file keeps the last good data. Not one request fails, and no
answer mixes two datasets: each version is always the same number of rows, in every route.

Starting gunicorn takes some seconds (it compresses the static files once); no timing is
asserted, each wait has a generous deadline.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import defaultdict
from pathlib import Path

import pytest

from components import ids
from tests.callbacks.dash_client import payload
from tests.callbacks.test_http import filter_values, number

ROOT = Path(__file__).resolve().parent.parent
DEADLINE = 120  # seconds


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A gunicorn serving `folder`, as `make serve` runs it (gunicorn.conf.py)."""

    def __init__(self, folder: Path, log: Path) -> None:
        self.port = _free_port()
        env = {
            **os.environ,
            "DATA_DIR": str(folder),
            "DATA_RELOAD_SECONDS": "3600",  # only a SIGHUP reloads in this test
            "PORT": str(self.port),
            "WEB_CONCURRENCY": "2",
        }
        self.log = log.open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py", "app:server"],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def get(self, path: str) -> tuple[int, dict, bytes]:
        with urllib.request.urlopen(self.url(path), timeout=30) as response:
            return response.status, dict(response.headers), response.read()

    def post(self, path: str, body: dict) -> tuple[int, dict, bytes]:
        request = urllib.request.Request(
            self.url(path),
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()

    def ready(self) -> dict:
        return json.loads(self.get("/readyz")[2])

    def wait_until(self, predicate, what: str) -> dict:
        deadline = time.monotonic() + DEADLINE
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "gunicorn ended"
            try:
                state = self.ready()
                if predicate(state):
                    return state
            except (urllib.error.URLError, ConnectionError):
                pass
            time.sleep(0.2)
        raise AssertionError(f"gunicorn never {what}")

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


class Traffic:
    """Threads asking the three kinds of question while the data changes, keeping every answer:
    /readyz (the version and its rows), an embed, and the overview's callback."""

    def __init__(self, server: Server, threads: int = 3) -> None:
        self.server = server
        deps = json.loads(server.get("/_dash-dependencies")[2])
        spec = next(d for d in deps if d["output"].startswith(f"..{ids.COUNT_PERSONS}"))
        self.body = payload(spec, filter_values())
        self.failures: list[str] = []
        self.rows: dict[str, set[int]] = defaultdict(set)  # version -> prosecutions seen
        self.by_worker: dict[int, list[str]] = defaultdict(list)  # pid -> versions, in order
        self.answers = 0
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self._run, daemon=True) for _ in range(threads)]

    def __enter__(self) -> Traffic:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self.stopping.set()
        for thread in self.threads:
            thread.join(60)

    def _one(self, kind: int) -> tuple[str, int | None]:
        """-> (the version the answer names, the rows it counted or None)."""
        if kind == 0:
            status, headers, body = self.server.get("/readyz")
            state = json.loads(body)
            assert state["version"] == headers["X-Dataset-Version"], "header and body differ"
            with self.lock:
                self.by_worker[state["pid"]].append(state["version"])
            return state["version"], state["cases"]
        if kind == 1:
            status, headers, body = self.server.get("/embed/counters?lang=en")
            assert status == 200
            return headers["X-Dataset-Version"], None
        status, headers, body = self.server.post("/_dash-update-component", self.body)
        answer = json.loads(body)["response"]
        return headers["X-Dataset-Version"], number(answer[ids.COUNT_PROSECUTIONS]["children"])

    def _run(self) -> None:
        kind = 0
        while not self.stopping.is_set():
            kind = (kind + 1) % 3
            try:
                version, rows = self._one(kind)
            except Exception as error:  # every failure is kept, none is fatal here
                with self.lock:
                    self.failures.append(f"{type(error).__name__}: {error}")
                continue
            with self.lock:
                self.answers += 1
                if rows is not None:
                    self.rows[version].add(rows)


@pytest.fixture()
def folder(tmp_path, sample_csv):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(sample_csv, data / "a.csv")
    return data


@pytest.fixture()
def server(folder, tmp_path):
    running = Server(folder, tmp_path / "gunicorn.log")
    try:
        running.wait_until(lambda state: state["status"] == "ready", "became ready")
        yield running
    finally:
        running.stop()


def _second_list(sample_csv: Path, name: str) -> str:
    return sample_csv.read_text(encoding="utf-8").replace(",demo,", f",{name},")


def test_sighup_reloads_without_a_failed_request_or_a_mixed_answer(server, folder, sample_csv):
    first = server.ready()
    with Traffic(server) as traffic:
        time.sleep(1)
        # The master: loads b.csv, forks new workers with it, retires the old ones.
        (folder / "b.csv").write_text(_second_list(sample_csv, "second"), encoding="utf-8")
        with traffic.lock:
            old_workers = set(traffic.by_worker)
        server.process.send_signal(signal.SIGHUP)
        second = server.wait_until(lambda s: s["version"] != first["version"], "reloaded")
        # Every worker serves it: a run of answers all of the new version.
        for _ in range(20):
            assert server.ready()["version"] == second["version"]
        with traffic.lock:
            new_workers = {p: v for p, v in traffic.by_worker.items() if p not in old_workers}
        # The new workers were born with it: not one answer of theirs was of the old data.
        assert new_workers and all(first["version"] not in v for v in new_workers.values())
        # A bad new version of a file: the last good one stays, and /readyz says why.
        (folder / "b.csv").write_text('person_id,name\n"unclosed', encoding="utf-8")
        server.process.send_signal(signal.SIGHUP)
        kept = server.wait_until(
            lambda s: any(f["kept_previous"] for f in s["files"]), "reported the bad file"
        )
        assert kept["version"] == second["version"]
        # One worker, on its own: it loads in the background, the master is not involved.
        (folder / "c.csv").write_text(_second_list(sample_csv, "third"), encoding="utf-8")
        worker = kept["pid"]
        os.kill(worker, signal.SIGHUP)
        third = server.wait_until(
            lambda s: s["pid"] == worker and s["version"] != second["version"], "reloaded"
        )
        time.sleep(1)
    assert traffic.failures == []
    assert traffic.answers > 50
    assert first["cases"] < second["cases"] < third["cases"]
    # No mixed state: each version was always the same number of prosecutions, by every route.
    expected = {state["version"]: {state["cases"]} for state in (first, second, third)}
    assert set(traffic.rows) <= set(expected)
    assert traffic.rows == {version: expected[version] for version in traffic.rows}
    assert {first["version"], second["version"]} <= set(traffic.rows)
    assert server.process.poll() is None
