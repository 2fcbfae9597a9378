"""gunicorn settings for `make serve`: the app and its dataset are built once, before forking."""

import gc
import os
import time

from callbacks.operations import logging_config

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8050')}"
# One worker per core: measured with `python -m bench.load` (100k rows, 16 users, 20 s, locust on
# the same 2 cores), 2 workers gave 181 filter changes/s, 3 gave 164 and 4 gave 148.
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
preload_app = True  # load and validate the dataset once; workers share it copy-on-write
# A worker silent this long (a request stuck past it) is killed and replaced; one asked to stop
# (a reload, SIGHUP) finishes its requests within graceful_timeout first.
timeout = 60
graceful_timeout = 30
keepalive = 5
# No access log: the app writes one JSON line per request (callbacks/operations.py) without the
# query string, which gunicorn's would keep (the table's search box holds the names people type).
accesslog = None
logconfig_dict = logging_config()


def when_ready(server):
    """Before the first worker forks: the files every first visit loads, compressed at the
    strongest level once, in the master (app.warm_compressed_files: about 8 s of CPU, 110 KB
    less per first visit); every worker inherits them."""
    from app import warm_compressed_files

    app = _dash_app(server)
    if app is not None:
        files = warm_compressed_files(app)
        server.log.info("compressed %d static files at the strongest level", files)


def _dash_app(server):
    """The Dash app preload_app built in the master (None without preloading)."""
    from app import DASH_APP_KEY

    flask_app = getattr(server.app, "callable", None)
    return getattr(flask_app, "extensions", {}).get(DASH_APP_KEY)


def pre_fork(server, worker):
    """Move everything the master built (the app, the dataset, its engine) to the permanent
    generation before forking: a worker's collector then never walks those objects, and never
    writes to their pages, which stay shared copy-on-write (python docs, gc.freeze)."""
    gc.freeze()


def _repository(server):
    """The DatasetRepository preload_app built in the master (None without preloading)."""
    from callbacks.common import REPOSITORY_KEY

    app = getattr(server.app, "callable", None)  # the Flask app, built before forking
    return getattr(app, "extensions", {}).get(REPOSITORY_KEY)


def post_fork(server, worker):
    """Each worker watches the data folder from birth, on a thread of its own (a thread started
    in the master would not survive the fork): data.sources.Reloader. Requests start it too,
    lazily, so this is only the earliest moment."""
    repository = _repository(server)
    if repository is not None:
        repository.start_watching()


def post_worker_init(worker):
    """`kill -HUP <worker>`: that worker looks for changed files now, in the background (after
    gunicorn reset its signals; the default would end the worker)."""
    from app import reload_on_hangup

    repository = _repository(worker)
    if repository is not None:
        reload_on_hangup(repository)


def on_reload(server):
    """`kill -HUP <master>`: gunicorn forks new workers and retires the old ones once their
    requests are answered. The changed files are loaded here first, in the master, so the new
    workers are born with the new dataset (a bad file keeps its last good version, as always);
    the old workers serve meanwhile, so no request waits or fails."""
    repository = _repository(server)
    if repository is not None and repository.watcher is not None:
        started = time.monotonic()
        swapped = repository.watcher.check_now()
        server.log.info(
            "SIGHUP: data %s in %.1f s, version %s",
            "reloaded" if swapped else "unchanged",
            time.monotonic() - started,
            repository.last().version,
        )
