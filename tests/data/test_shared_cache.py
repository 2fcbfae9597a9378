"""Aggregates shared through Redis (REDIS_URL): two "hosts" compute a view once; another dataset
version never sees it; a dead Redis costs nothing but the sharing. Against a real redis-server
(Debian's `redis-server`, installed by .ci/run) that these tests start on a free port and stop."""

from __future__ import annotations

import dataclasses
import logging
import os
import pickle
import shutil
import socket
import subprocess
import sys
import time
import uuid
from datetime import date
from pathlib import Path

import pytest

from app import AppConfig, create_app
from callbacks.common import repository
from components import ids
from data import demo, query
from data.dataset import Dataset, Memo
from data.filters import FilterState
from data.shared_cache import MISSING, RedisStore, code_version, stable_text
from tests.callbacks.dash_client import call
from tests.callbacks.test_http import filter_values, number
from tests.conftest import AS_OF

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def redis_url():
    """A redis-server of our own on a free port, without persistence; stopped after the module."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server; .ci/run does)")
    import redis

    for _attempt in range(3):  # another process may take the port between probe and start
        port = _free_port()
        no_disk = ["--save", "", "--appendonly", "no"]
        server = subprocess.Popen(
            [binary, "--port", str(port), "--bind", "127.0.0.1", *no_disk],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis(port=port, socket_timeout=0.5, socket_connect_timeout=0.5)
        deadline = time.monotonic() + 10
        while server.poll() is None and time.monotonic() < deadline:
            try:
                if client.ping():
                    break
            except redis.RedisError:
                time.sleep(0.05)
        else:
            server.kill()
            server.wait()
            continue
        client.close()
        try:
            yield f"redis://127.0.0.1:{port}/0"
        finally:
            server.terminate()
            server.wait(timeout=10)
        return
    pytest.fail("redis-server did not start")


def _client(url: str):
    import redis

    return redis.Redis.from_url(url)


def _store(url: str, prefix: str) -> RedisStore:
    """What app.create_app builds once per app (per host), with a prefix of this test's own."""
    return RedisStore.from_url(url, prefix=prefix)


@pytest.fixture()
def prefix() -> str:
    return f"test:{uuid.uuid4().hex}"


class Counting:
    """A store around a store that counts what the Memo found there."""

    def __init__(self, store: RedisStore) -> None:
        self.store, self.hits, self.misses, self.sets = store, 0, 0, 0

    def get(self, name):
        value = self.store.get(name)
        if value is MISSING:
            self.misses += 1
        else:
            self.hits += 1
        return value

    def set(self, name, value):
        self.sets += 1
        self.store.set(name, value)


def _closed_url() -> str:
    return f"redis://127.0.0.1:{_free_port()}/0"  # nothing listens there


# --- two hosts, one Redis --------------------------------------------------------------------


def test_a_second_host_gets_the_value_without_computing(redis_url, prefix):
    calls = []

    def compute():
        calls.append(1)
        return {"persons": 42}

    one = Memo("v1", _store(redis_url, prefix))
    two = Memo("v1", _store(redis_url, prefix))  # another host: its own client and LRU
    assert one.get("overview", FilterState(), compute) == {"persons": 42}
    assert two.get("overview", FilterState(), compute) == {"persons": 42}
    assert len(calls) == 1
    key = f"{prefix}:v1:overview:{stable_text(FilterState())}"
    ttl = _client(redis_url).ttl(key)
    assert 0 < ttl <= 24 * 3600  # stored with a TTL: old versions go away by themselves


def test_another_dataset_version_does_not_see_it(redis_url, prefix):
    calls = []
    Memo("v1", _store(redis_url, prefix)).get("overview", FilterState(), lambda: "old")
    value = Memo("v2", _store(redis_url, prefix)).get(
        "overview", FilterState(), lambda: calls.append(1) or "new"
    )
    assert value == "new" and calls == [1]


def test_only_the_shared_kinds_go_to_redis(redis_url, prefix):
    assert {"overview", "breaks", "options", "compare"} <= Memo.SHARED
    assert not {"mask", "table", "table_order", "person_index", "history"} & Memo.SHARED
    memo = Memo("v1", _store(redis_url, prefix))
    for kind in ("mask", "table", "table_order", "person_index", "history"):
        memo.get(kind, None, lambda: b"large")
    memo.get("options", None, lambda: ("small",))
    keys = sorted(k.decode() for k in _client(redis_url).scan_iter(f"{prefix}:*"))
    assert keys == [f"{prefix}:v1:options:None"]


def test_a_real_overview_round_trips_between_hosts(redis_url, prefix):
    dataset = demo.generate(2000, seed=5, as_of=AS_OF)
    assert dataset.memo.version == dataset.version  # Dataset.build keys the memo by version
    state = FilterState(
        articles=("207.3", "280.3"), date_from=date(2022, 3, 1), date_to=date(2024, 12, 31)
    )
    first = Counting(_store(redis_url, prefix))
    dataset.memo.share(first)
    computed = query.overview(dataset, state)
    assert first.sets >= 1 and first.hits == 0

    # The same data on another host: same version, its own memo and store.
    second = Counting(_store(redis_url, prefix))
    other_host = dataclasses.replace(dataset, memo=Memo(dataset.version, second))
    shared = query.overview(other_host, state)
    assert shared == computed
    assert second.hits >= 1 and second.misses == 0 and second.sets == 0
    client = _client(redis_url)
    keys = list(client.scan_iter(f"{prefix}:{dataset.version}:*"))
    assert keys
    for key in keys:
        pickle.loads(client.get(key))  # what another host reads back


def test_two_processes_make_the_same_key():
    """The key's text must not depend on the process (hash seed, memory addresses)."""
    script = (
        "from datetime import date\n"
        "from data.dataset import Memo\n"
        "from data.filters import FilterState\n"
        "state = FilterState(articles=('280.3', '207.3'), regions=('RU-MOW',),\n"
        "    date_from=date(2022, 2, 24), sources=('memorial',), case_groups=('Крым',))\n"
        "memo = Memo('v1')\n"
        "print(memo._shared_name('overview', state))\n"
        "print(memo._shared_name('compare', (state, ('memorial', 'ovdinfo'))))\n"
        "print(memo._shared_name('breaks', frozenset({'a', 'b', 'c', 'd', 'e', 'f'})))\n"
    )
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=True,
        )
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    overview_key = outputs[0].splitlines()[0]
    assert overview_key.startswith("v1:overview:FilterState(")
    assert "0x" not in outputs[0] and "None" not in outputs[0].splitlines()
    # and it is this process's key too
    state = FilterState(
        articles=("280.3", "207.3"),
        regions=("RU-MOW",),
        date_from=date(2022, 2, 24),
        sources=("memorial",),
        case_groups=("Крым",),
    )
    assert Memo("v1")._shared_name("overview", state) == overview_key


def test_a_key_without_stable_text_is_not_shared(redis_url, prefix):
    memo = Memo("v1", _store(redis_url, prefix))
    assert memo.get("overview", object(), lambda: 1) == 1  # computed, kept locally only
    assert list(_client(redis_url).scan_iter(f"{prefix}:*")) == []


# --- Redis down ----------------------------------------------------------------------------


class Spy:
    """A redis client that counts the calls reaching it."""

    def __init__(self, client) -> None:
        self.client, self.calls = client, 0

    def get(self, *args, **kwargs):
        self.calls += 1
        return self.client.get(*args, **kwargs)

    def set(self, *args, **kwargs):
        self.calls += 1
        return self.client.set(*args, **kwargs)


def test_redis_down_computes_locally_and_rests(caplog):
    store = RedisStore.from_url(_closed_url(), prefix="test")
    spy = store.client = Spy(store.client)
    memo = Memo("v1", store)
    with caplog.at_level(logging.WARNING, logger="politprisoners.shared_cache"):
        values = [memo.get("overview", FilterState(), lambda: 7)]
        values += [memo.get("breaks", (n,), lambda n=n: n) for n in range(20)]
    assert values == [7, *range(20)]
    assert spy.calls == 1  # one refused connection, then Redis is left alone (back-off)
    assert not store.available
    warnings = [r for r in caplog.records if r.name == "politprisoners.shared_cache"]
    assert len(warnings) == 1 and "computing locally" in warnings[0].getMessage()


def test_a_redis_that_never_answers_times_out_into_a_local_compute():
    """Connected, then silence (an overloaded or half-dead Redis): the short socket timeout
    ends the wait, and the value is computed here."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)  # connections land in the backlog; nothing ever answers them
        store = RedisStore.from_url(f"redis://127.0.0.1:{silent.getsockname()[1]}/0", prefix="t")
        memo = Memo("v1", store)
        assert memo.get("overview", FilterState(), lambda: "here") == "here"
        assert not store.available


class FlakyClient:
    def __init__(self) -> None:
        self.up, self.data, self.calls = False, {}, 0

    def get(self, key):
        self.calls += 1
        if not self.up:
            raise ConnectionError("refused")
        return self.data.get(key)

    def set(self, key, value, ex=None):
        self.calls += 1
        if not self.up:
            raise ConnectionError("refused")
        self.data[key] = value


def test_back_off_then_one_probe_then_back(caplog):
    now = [0.0]
    client = FlakyClient()
    store = RedisStore(client, "p", retry_after=5.0, clock=lambda: now[0])
    with caplog.at_level(logging.WARNING, logger="politprisoners.shared_cache"):
        assert store.get("a") is MISSING and client.calls == 1
        store.set("a", 1)
        assert store.get("a") is MISSING and client.calls == 1  # resting
        now[0] = 6.0
        assert store.get("a") is MISSING and client.calls == 2  # one probe, still down
        now[0] = 12.0
        assert store.get("a") is MISSING and client.calls == 2  # the rest doubled: until 16
        client.up = True
        now[0] = 17.0
        store.set("a", 1)
        assert store.get("a") == 1 and client.calls == 4
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 2  # down once, back once: not once per request
    assert "unavailable" in messages[0] and "back" in messages[1]


def test_a_value_that_does_not_unpickle_is_a_miss():
    client = FlakyClient()
    client.up = True
    store = RedisStore(client, "p")
    client.data["p:a"] = b"not a pickle"
    assert store.get("a") is MISSING
    memo = Memo("v1", store)
    assert memo.get("options", None, lambda: ("fresh",)) == ("fresh",)


# --- the app ---------------------------------------------------------------------------------


def _config(url: str) -> AppConfig:
    return AppConfig(demo_rows=900, demo_seed=11, demo_as_of=AS_OF, redis_url=url)


def test_the_config_reads_redis_url(monkeypatch):
    monkeypatch.setenv("REDIS_URL", "redis://cache:6379/0")
    assert AppConfig.from_env().redis_url == "redis://cache:6379/0"
    monkeypatch.setenv("REDIS_URL", "")
    assert AppConfig.from_env().redis_url is None


def test_two_apps_share_a_view_through_redis(redis_url):
    values = filter_values(**{f"{ids.FILTER_ARTICLE}.value": ["207.3"]})
    first = create_app(_config(redis_url))
    answer = call(first.server.test_client(), f"..{ids.COUNT_PERSONS}", values)
    version = repository(first).current().version
    pattern = f"politprisoners:{code_version()}:{version}:overview:*"
    assert list(_client(redis_url).scan_iter(pattern))

    second = create_app(_config(redis_url))  # another host behind the load balancer
    shared = repository(second).current()
    counting = Counting(_store(redis_url, f"politprisoners:{code_version()}"))
    shared.memo.share(counting)
    again = call(second.server.test_client(), f"..{ids.COUNT_PERSONS}", values)
    assert again == answer
    assert counting.hits >= 1 and counting.misses == 0
    assert number(again[ids.COUNT_PROSECUTIONS]["children"]) > 0


def test_the_app_serves_with_redis_down(caplog):
    app = create_app(_config(_closed_url()))
    client = app.server.test_client()
    with caplog.at_level(logging.WARNING, logger="politprisoners.shared_cache"):
        for articles in ([], ["207.3"], ["280.3"]):
            values = filter_values(**{f"{ids.FILTER_ARTICLE}.value": articles})
            response = call(client, f"..{ids.COUNT_PERSONS}", values)  # asserts a 200
            assert number(response[ids.COUNT_PROSECUTIONS]["children"]) > 0
    everything = call(client, f"..{ids.COUNT_PERSONS}", filter_values())
    assert number(everything[ids.COUNT_PROSECUTIONS]["children"]) == 900
    assert len([r for r in caplog.records if r.name == "politprisoners.shared_cache"]) == 1


def test_a_reloaded_dataset_is_shared_too(redis_url, prefix):
    """The repository hands its store to each dataset it serves, replacements included."""
    app = create_app(_config(None))
    repo = repository(app)
    store = _store(redis_url, prefix)
    repo.share(store)
    assert repo.current().memo._store is store
    replacement = Dataset.build(repo.current().cases, repo.current().sources)
    repo.replace(replacement, ())
    assert repo.current().memo._store is store
