"""Realistic filter changes against a running server, for locust.

Each simulated reader replays recorded filter changes (`python -m bench.worker --record FILE`:
every callback POST that fired for each change, as the renderer sends it), one after another,
without pause. A change's POSTs go one after another (a browser sends them in parallel, so
this is the slower way round). Locust's table has the requests, by callback; each change's
time (first POST sent to last answer) is written to $BENCH_CHANGES_OUT when the run stops.
The recorded views repeat, as in a news spike; BENCH_UNIQUE=1 makes every body one that no
cache of whole responses has seen.

    BENCH_RECORDED=recorded.json BENCH_CHANGES_OUT=changes.json locust \
        -f bench/locustfile.py --headless -u 16 -r 16 -t 60s --host http://127.0.0.1:8050
"""

from __future__ import annotations

import itertools
import json
import os
import random
import time

from locust import events, task
from locust.contrib.fasthttp import FastHttpUser

UPDATE_URL = "/_dash-update-component"
STEPS: list[list[dict]] = []
UNIQUE = os.environ.get("BENCH_UNIQUE") == "1"
CHANGES: list[tuple[float, float, bool]] = []  # (finished at, milliseconds, failed)


@events.init.add_listener
def load_steps(environment, **_kwargs) -> None:
    with open(os.environ["BENCH_RECORDED"], encoding="utf-8") as f:
        STEPS.extend(step for step in json.load(f)["steps"] if step)


@events.test_stop.add_listener
def write_changes(environment, **_kwargs) -> None:
    out = os.environ.get("BENCH_CHANGES_OUT")
    if out:
        with open(out, "w", encoding="utf-8") as f:
            json.dump({"changes": CHANGES}, f)


def _name(payload: dict) -> str:
    outputs = payload["outputs"]
    first = outputs[0] if isinstance(outputs, list) else outputs
    return f"{first['id']}.{first['property'].split('@')[0]}"


class Reader(FastHttpUser):
    # A bound on time, not on rate: every reader sends its next change when the last is done.
    def wait_time(self) -> float:
        return 0

    def on_start(self) -> None:
        start = random.randrange(len(STEPS))
        self.steps = itertools.islice(itertools.cycle(STEPS), start, None)

    @task
    def change_filters(self) -> None:
        step = next(self.steps)
        started = time.perf_counter()
        failed = None
        for payload in step:
            # BENCH_UNIQUE=1: bodies no response cache has seen (the long tail, not a spike).
            unique = {"benchNonce": random.random()} if UNIQUE else {}
            body = json.dumps({**payload, **unique})
            with self.client.post(
                UPDATE_URL,
                data=body,
                headers={"Content-Type": "application/json", "Accept-Encoding": "br, gzip"},
                name=_name(payload),
                catch_response=True,
            ) as response:
                if response.status_code in (200, 204):
                    response.success()
                else:
                    failed = RuntimeError(f"{_name(payload)}: HTTP {response.status_code}")
                    response.failure(str(failed))
        CHANGES.append((time.time(), (time.perf_counter() - started) * 1000, failed is not None))
