"""Reload off the request path: a changed data file is loaded on each process's watcher thread and
swapped in whole; requests never wait for it, and every response names its dataset version.

No timing is asserted: each wait has a generous deadline, and the slow load is a load held on
an event until the test lets it go.
"""

import os
import runpy
import shutil
import signal
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

import data.sources
from app import AppConfig, create_app, reload_on_hangup
from callbacks.common import repository
from components import ids
from tests.callbacks.dash_client import post
from tests.callbacks.test_http import filter_values, number

HEADER = "X-Dataset-Version"
DEADLINE = 60  # seconds: a generous bound on a background load, never a timing assertion
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def folder(tmp_path, sample_csv):
    shutil.copy(sample_csv, tmp_path / "a.csv")
    (tmp_path / "a.csv").chmod(0o644)
    return tmp_path


def add_second_list(folder: Path, sample_csv: Path) -> None:
    text = sample_csv.read_text(encoding="utf-8").replace(",demo,", ",second,")
    (folder / "b.csv").write_text(text, encoding="utf-8")


def prosecutions(client) -> tuple[int, str]:
    """The overview's count of prosecutions, and the version the response says it is from."""
    response = post(client, f"..{ids.COUNT_PERSONS}", filter_values())
    children = response.get_json()["response"][ids.COUNT_PROSECUTIONS]["children"]
    return number(children), response.headers[HEADER]


@pytest.fixture()
def apps():
    """create_app, with every watcher started stopped at the end of the test."""
    made = []

    def make(folder: Path, interval: float = 0.05):
        app = create_app(AppConfig(data_path=folder, reload_seconds=interval))
        made.append(app)
        return app

    yield make
    for app in made:
        repository(app).watcher.stop()


def test_every_response_names_the_dataset_version(folder, apps):
    app = apps(folder, interval=3600)
    client = app.server.test_client()
    version = repository(app).current().version
    for path in ("/", "/assets/style.css", "/_dash-layout"):
        assert client.get(path).headers[HEADER] == version, path
    assert prosecutions(client) == (9, version)


def test_demo_data_has_a_version_header_and_no_watcher():
    app = create_app(AppConfig(demo_rows=200))
    response = app.server.test_client().get("/")
    assert response.headers[HEADER] == repository(app).current().version
    assert repository(app).watcher is None


def test_a_request_during_a_slow_load_is_served_the_old_version_at_once(
    folder, sample_csv, apps, monkeypatch
):
    app = apps(folder)
    repo = repository(app)
    old = repo.current().version
    assert prosecutions(app.server.test_client()) == (9, old)  # starts the watcher
    assert repo.watcher.running

    loading, release = threading.Event(), threading.Event()
    real_load_one = data.sources.load_one

    def slow_load_one(*args, **kwargs):
        loading.set()
        release.wait(DEADLINE)
        return real_load_one(*args, **kwargs)

    monkeypatch.setattr(data.sources, "load_one", slow_load_one)
    add_second_list(folder, sample_csv)
    try:
        assert loading.wait(DEADLINE), "the watcher never started loading the new file"
        served = []
        request = threading.Thread(
            target=lambda: served.append(prosecutions(app.server.test_client()))
        )
        request.start()
        request.join(DEADLINE)
        # Answered while the load is still held: the request did not wait for it.
        assert not release.is_set() and not request.is_alive()
        assert served == [(9, old)]
    finally:
        release.set()
    assert repo.wait_for(lambda dataset: dataset.version != old, DEADLINE)
    new = repo.last().version
    assert prosecutions(app.server.test_client()) == (18, new)


def test_a_bad_file_keeps_the_last_good_version(folder, apps):
    app = apps(folder, interval=3600)
    repo = repository(app)
    repo.watcher.stop()  # no thread: this test drives the checks itself
    client = app.server.test_client()
    old = client.get("/").headers[HEADER]
    assert not repo.watcher.running
    (folder / "a.csv").write_bytes(b"\x00\x01\x02 binary")
    assert repo.watcher.check_now()
    assert client.get("/").headers[HEADER] == old
    assert prosecutions(client) == (9, old)
    [report] = repo.reports()
    assert report.kept_previous and report.error_code == "binary"
    assert not repo.watcher.check_now()  # nothing changed since


def test_two_workers_converge_on_one_version(folder, sample_csv, apps):
    workers = [apps(folder), apps(folder)]
    clients = [app.server.test_client() for app in workers]
    old = {client.get("/").headers[HEADER] for client in clients}
    assert len(old) == 1
    add_second_list(folder, sample_csv)
    for app in workers:
        assert repository(app).wait_for(lambda dataset: dataset.version not in old, DEADLINE)
    served = [prosecutions(client) for client in clients]
    assert served[0] == served[1] and served[0][0] == 18 and served[0][1] not in old


def test_gunicorn_starts_a_watcher_in_each_worker(folder, apps):
    app = apps(folder, interval=3600)
    assert not repository(app).watcher.running  # nothing served yet, nothing started
    settings = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    settings["post_fork"](SimpleNamespace(app=SimpleNamespace(callable=app.server)), None)
    assert repository(app).watcher.running
    settings["post_fork"](SimpleNamespace(app=SimpleNamespace(callable=None)), None)  # no app


def test_sighup_makes_the_watcher_look_now_not_after_its_interval(folder, sample_csv, apps):
    """`kill -HUP <pid>` of the development server or of a gunicorn worker (app.py's
    reload_on_hangup): the folder is looked at now, by the watcher thread, in the background."""
    app = apps(folder, interval=3600)
    repo = repository(app)
    old = repo.current().version
    app.server.test_client().get("/healthz")  # the first request starts the watcher
    assert repo.watcher.running
    # Its first look at the folder is done: from now on only a wake makes it look again.
    deadline = time.monotonic() + DEADLINE
    while repo.watcher.checks < 1 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert repo.watcher.checks == 1
    add_second_list(folder, sample_csv)
    previous = signal.getsignal(signal.SIGHUP)
    try:
        reload_on_hangup(repo)
        os.kill(os.getpid(), signal.SIGHUP)
        assert repo.wait_for(lambda dataset: dataset.version != old, DEADLINE)
    finally:
        signal.signal(signal.SIGHUP, previous)
    assert prosecutions(app.server.test_client())[0] == 18
