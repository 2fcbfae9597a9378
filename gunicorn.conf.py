"""gunicorn settings for `make serve`: the app and its dataset are built once, before forking."""

import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8050')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
preload_app = True  # load and validate the dataset once; workers share it copy-on-write
timeout = 60
accesslog = "-"
