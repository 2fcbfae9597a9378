"""The second level of `Memo` (data.dataset): aggregates shared between processes and hosts.

With `REDIS_URL` set, a result that one gunicorn worker on one host computed is found by every
other worker on every host: the fleet computes each view once per dataset version. A lookup is
local LRU -> Redis GET -> compute and Redis SET (with a TTL).

The shared cache only ever saves work; it is never needed. Any failure of Redis (refused,
timed out, a value that no longer unpickles) reads as a miss, and the result is computed
locally. A dead Redis costs one short timeout, then it is left alone for a while (back-off), so
it adds no latency to every request; it is logged when it goes away and when it comes back, not
per request.

Keys are `{prefix}:{dataset version}:{kind}:{stable text of the key}`. The prefix names the app
and a fingerprint of the code in data/ (see `code_version`): a deploy that changes how an
aggregate is computed, or the classes that hold it, never reads what the previous code stored.
The stable text (`stable_text`) is the same in every process: no memory addresses, no
hash-seeded set order.

Values are pickled: Redis must be reachable by the app's hosts only (as any cache of a web
app); whoever can write to it can make the app run code.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import pickle
import threading
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

log = logging.getLogger("politprisoners.shared_cache")


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


# What `SharedStore.get` returns for "not there" (a stored None is a value).
MISSING: Any = _Missing()

DEFAULT_TTL_SECONDS = 24 * 3600  # a day: a dataset version rarely lives longer
DEFAULT_TIMEOUT_SECONDS = 0.05  # a Redis on the same network answers in well under a millisecond
DEFAULT_RETRY_AFTER_SECONDS = 5.0  # the first back-off after a failure; it doubles while down
MAX_RETRY_AFTER_SECONDS = 60.0
DEFAULT_MAX_VALUE_BYTES = 4 * 1024 * 1024  # a larger result is not worth the network


class SharedStore(Protocol):
    """What `Memo` needs from the second level: never raises, `get` returns MISSING on any
    miss or failure."""

    def get(self, name: str) -> Any: ...

    def set(self, name: str, value: Any) -> None: ...


def stable_text(value: Any) -> str:
    """The text of a cache key, identical in every process and on every host.

    `repr` is not enough in general: a set's order depends on the process's hash seed, and an
    object without its own repr shows its memory address. Strings, numbers, None, dates,
    tuples/lists, sets (sorted) and dataclasses (FilterState: every field, by
    `dataclasses.fields`) are encoded; anything else raises TypeError, and the key is then
    not shared.
    """
    if value is None or isinstance(value, bool | int | float | str):
        return repr(value)  # the repr of these is fixed by the language
    if isinstance(value, datetime | date):
        return f"{type(value).__name__}({value.isoformat()})"
    if isinstance(value, tuple | list):
        return "(" + ",".join(stable_text(v) for v in value) + ")"
    if isinstance(value, set | frozenset):
        return "{" + ",".join(sorted(stable_text(v) for v in value)) + "}"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        parts = (
            f"{f.name}={stable_text(getattr(value, f.name))}" for f in dataclasses.fields(value)
        )
        return f"{type(value).__qualname__}(" + ",".join(parts) + ")"
    raise TypeError(f"no stable text for a {type(value).__qualname__}")


def code_version(root: Path | None = None) -> str:
    """A fingerprint of the code that computes and holds the shared aggregates (every .py file
    under data/): the same on every host that runs the same release, different after a change."""
    root = root or Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:12]


class RedisStore:
    """A `SharedStore` in Redis (redis-py), for every worker and host of the app.

    One per app (built by `from_url` in app.create_app): its client holds a connection pool
    that is thread-safe and reconnects after a fork (gunicorn's preload).
    """

    def __init__(
        self,
        client: Any,
        prefix: str,
        *,
        ttl: int = DEFAULT_TTL_SECONDS,
        retry_after: float = DEFAULT_RETRY_AFTER_SECONDS,
        max_value_bytes: int = DEFAULT_MAX_VALUE_BYTES,
        clock: Callable[[], float] = time.monotonic,
        where: str = "redis",
    ) -> None:
        self.client = client
        self.prefix = prefix
        self.ttl = ttl
        self.max_value_bytes = max_value_bytes
        self._retry_after = retry_after
        self._clock = clock
        self._where = where
        self._lock = threading.Lock()
        self._down_until: float | None = None  # None: up (or not known to be down)
        self._backoff = retry_after

    @classmethod
    def from_url(
        cls,
        url: str,
        *,
        prefix: str | None = None,
        timeout: float = DEFAULT_TIMEOUT_SECONDS,
        **options: Any,
    ) -> RedisStore:
        """A store for `url` (redis://host:port/db, rediss://, unix://). Connecting is lazy:
        an unreachable Redis is found out (and logged) on first use, and never stops the app."""
        import redis
        from redis.backoff import NoBackoff
        from redis.retry import Retry

        client = redis.Redis.from_url(
            url,
            socket_timeout=timeout,
            socket_connect_timeout=timeout,
            # redis-py retries 3 times with back-off by default: seconds per request when Redis
            # is down. The store has its own back-off; one try per request is enough.
            retry=Retry(NoBackoff(), 0),
        )
        where = _shown_url(url)
        return cls(client, prefix or f"politprisoners:{code_version()}", where=where, **options)

    def key(self, name: str) -> str:
        return f"{self.prefix}:{name}"

    def get(self, name: str) -> Any:
        if self._resting():
            return MISSING
        try:
            data = self.client.get(self.key(name))
        except Exception as error:  # any failure of the cache is a miss, never the reader's
            self._failed(error)
            return MISSING
        self._succeeded()
        if data is None:
            return MISSING
        try:
            return pickle.loads(data)
        except Exception as error:  # written by other code (the prefix should prevent it)
            log.debug("shared cache: %s does not unpickle (%s): recomputed", name, error)
            return MISSING

    def set(self, name: str, value: Any) -> None:
        if self._resting():
            return
        try:
            data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as error:
            log.debug("shared cache: %s does not pickle (%s): kept locally", name, error)
            return
        if len(data) > self.max_value_bytes:
            return
        try:
            self.client.set(self.key(name), data, ex=self.ttl)
        except Exception as error:
            self._failed(error)
            return
        self._succeeded()

    @property
    def available(self) -> bool:
        """False while resting after a failure."""
        return not self._resting()

    def _resting(self) -> bool:
        """True while Redis is left alone after a failure. When the rest is over, one caller
        (the first) tries Redis again; the others keep resting until it has its answer."""
        if self._down_until is None:
            return False
        now = self._clock()
        with self._lock:
            if self._down_until is None:
                return False
            if now < self._down_until:
                return True
            self._down_until = now + self._backoff  # the others rest while this one tries
        return False

    def _failed(self, error: Exception) -> None:
        with self._lock:
            first = self._down_until is None
            if first:
                self._backoff = self._retry_after
            else:
                self._backoff = min(self._backoff * 2, MAX_RETRY_AFTER_SECONDS)
            self._down_until = self._clock() + self._backoff
        if first:
            log.warning(
                "shared cache at %s unavailable (%s: %s): computing locally, trying again "
                "every %g s at most",
                self._where,
                type(error).__name__,
                error,
                MAX_RETRY_AFTER_SECONDS,
            )

    def _succeeded(self) -> None:
        if self._down_until is None:
            return
        with self._lock:
            recovered = self._down_until is not None
            self._down_until = None
            self._backoff = self._retry_after
        if recovered:
            log.warning("shared cache at %s is back", self._where)


def _shown_url(url: str) -> str:
    """The URL for logs, without a password."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    user = f"{parts.username}:***@" if parts.username else ":***@"
    return urlunsplit(parts._replace(netloc=user + host))


def shared_store(url: str | None) -> RedisStore | None:
    """The store for REDIS_URL, or None (this process only) when it is not set."""
    return RedisStore.from_url(url) if url else None
