"""gunicorn settings for `make serve`: the app and its dataset are built once, before forking."""

import gc
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8050')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
preload_app = True  # load and validate the dataset once; workers share it copy-on-write
timeout = 60
accesslog = "-"


def pre_fork(server, worker):
    """Move everything the master built (the app, the dataset, its engine) to the permanent
    generation before forking: a worker's collector then never walks those objects, and never
    writes to their pages, which stay shared copy-on-write (python docs, gc.freeze)."""
    gc.freeze()


def post_fork(server, worker):
    """Each worker watches the data folder from birth, on a thread of its own (a thread started
    in the master would not survive the fork): data.sources.Reloader. Requests start it too,
    lazily, so this is only the earliest moment."""
    from callbacks.common import REPOSITORY_KEY

    app = getattr(server.app, "callable", None)  # the Flask app, built before forking
    repository = getattr(app, "extensions", {}).get(REPOSITORY_KEY)
    if repository is not None:
        repository.start_watching()
