"""Whole callback responses, kept per process: during a news spike thousands of readers ask for
the same few views, and a view asked for again is answered from here without running a callback,
building a figure or compressing anything.

A callback's answer depends only on its request body (inputs, states, which outputs), the
dataset and its load reports, the scheme and host the app is reached at (absolute links where
PUBLIC_URL is not set), and the encoding the reader accepts (the body is kept compressed). All
of it is in the key, the dataset as its version and the reports as the repository's count of
swaps: a reload starts afresh without clearing anything.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from typing import ClassVar

from dash import Dash
from flask import Response, request

from data.dataset import DatasetRepository

_KEY = "politprisoners.response_key"  # the request's (cache key, dataset version) to keep


class ResponseCache:
    """A small LRU of callback responses: body and the headers that describe it."""

    ENTRIES: ClassVar[int] = 4096
    LARGEST: ClassVar[int] = 256 * 1024  # a response larger than this is not kept
    HEADERS: ClassVar[tuple[str, ...]] = ("Content-Type", "Content-Encoding", "Vary")

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: OrderedDict[str, tuple[bytes, tuple[tuple[str, str], ...]]] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def get(self, key: str) -> Response | None:
        with self._lock:
            found = self._items.get(key)
            if found is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
        body, headers = found
        response = Response(body, status=200)
        for name, value in headers:
            response.headers[name] = value
        return response

    def put(self, key: str, response: Response) -> None:
        if response.status_code != 200 or response.direct_passthrough:
            return
        body = response.get_data()
        if len(body) > self.LARGEST:
            return
        headers = tuple(
            (name, response.headers[name]) for name in self.HEADERS if name in response.headers
        )
        with self._lock:
            self._items[key] = (body, headers)
            while len(self._items) > self.ENTRIES:
                self._items.popitem(last=False)


def cache_responses(app: Dash, repository: DatasetRepository) -> ResponseCache:
    """Answer a callback request seen before from the cache. Call it before the compression is
    set up: Flask runs after-request hooks last-registered first, so this one then keeps the
    body as compressed."""
    cache = ResponseCache()
    endpoint = f"{app.config.routes_pathname_prefix}_dash-update-component"

    def key(version: str) -> str | None:
        if request.method != "POST" or request.path != endpoint:
            return None
        digest = hashlib.sha256()
        for part in (
            version,
            str(repository.generation),  # the reports (Data status) may change on their own
            request.host_url,  # scheme and host: links are absolute where PUBLIC_URL is unset
            request.headers.get("Accept-Encoding", ""),
        ):
            digest.update(part.encode() + b"\x1f")
        digest.update(request.get_data(cache=True))
        return digest.hexdigest()

    @app.server.before_request
    def answer_from_cache() -> Response | None:
        version = repository.current().version
        found = key(version)
        if found is None:
            return None
        answer = cache.get(found)
        if answer is None:  # computed: kept after, if computed from this very version
            request.environ[_KEY] = (found, version)
        return answer

    @app.server.after_request
    def keep_response(response: Response) -> Response:
        pending = request.environ.get(_KEY)
        # A reload may swap the dataset between the key and the request's own reading.
        if pending is not None and pending[1] == repository.current().version:
            cache.put(pending[0], response)
        return response

    return cache
