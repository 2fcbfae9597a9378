"""The dashboard: `create_app(config) -> Dash`; `server` for gunicorn; `python app.py` runs it.

With no dataset configured it serves the built-in demo data, and every page says the records are
invented. Point it at a data file or a folder of them (canonical, OVD-Info or Memorial; CSV,
XLSX, JSON or Parquet) with `--data PATH`, `DATA_DIR` or `DATA_PATH`.
"""

from __future__ import annotations

import argparse
import logging
import logging.config
import os
import re
import signal
import sys
import threading
import time
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from pathlib import Path

import brotli
import dash_bootstrap_components as dbc  # noqa: F401  (registers its components with Dash)
from dash import Dash
from dash.fingerprint import check_fingerprint
from flask import Response, request
from flask_compress import Compress
from werkzeug.middleware.proxy_fix import ProxyFix

from callbacks import operations, register_callbacks
from callbacks.common import PUBLIC_URL_KEY, REPOSITORY_KEY, attach_repository
from callbacks.request_guard import guard_callback_requests
from callbacks.response_cache import cache_responses
from callbacks.routes import FRAMEABLE_ENDPOINTS
from components.i18n import t
from components.layout import page, shell
from components.map import MapAssets
from data import demo
from data.dataset import DatasetRepository
from data.filters import FilterState
from data.importers import FORMATS
from data.importers.read import DEFAULT_MAX_BYTES, DataLoadError
from data.shared_cache import shared_store
from data.sources import DataFolder, Reloader
from data.view_query import ViewQuery

ROOT = Path(__file__).resolve().parent
DASH_APP_KEY = "politprisoners.dash_app"
log = logging.getLogger("politprisoners")


@dataclass(frozen=True)
class AppConfig:
    data_path: Path | None = None  # a file or a folder of files; None serves the demo data
    data_format: str | None = None  # canonical / ovdinfo / memorial; None: detected per file
    reload_seconds: float = 5.0  # how often each process's watcher thread looks for changed files
    max_bytes: int = DEFAULT_MAX_BYTES  # a larger file is refused with a message, not read
    demo_rows: int = demo.DEFAULT_ROWS
    demo_seed: int = demo.DEFAULT_SEED
    demo_as_of: date | None = None  # None: today
    # Where readers reach the app ("https://example.org/prisoners/"): the absolute links in
    # embeds, downloads and share dialogs use it. None: the address each request came to.
    public_url: str | None = None
    # How many proxies in front of the app set X-Forwarded-For/-Proto/-Host (0: none is
    # trusted, so no client can choose the host the links name). A path the app is mounted
    # under is Dash's DASH_REQUESTS_PATHNAME_PREFIX.
    proxy_count: int = 0
    # Redis shared by every worker of every host ("redis://cache:6379/0"): each view's aggregates
    # are computed once for the fleet (data/shared_cache.py). None: each process on its own.
    redis_url: str | None = None

    @classmethod
    def from_env(cls) -> AppConfig:
        path = os.environ.get("DATA_DIR") or os.environ.get("DATA_PATH")
        return cls(
            data_path=Path(path) if path else None,
            data_format=os.environ.get("DATA_FORMAT") or None,
            reload_seconds=float(os.environ.get("DATA_RELOAD_SECONDS", "5")),
            max_bytes=int(float(os.environ.get("DATA_MAX_MB", "200")) * 1024 * 1024),
            public_url=os.environ.get("PUBLIC_URL") or None,
            proxy_count=int(os.environ.get("PROXY_COUNT", "0")),
            redis_url=os.environ.get("REDIS_URL") or None,
        )


def build_repository(config: AppConfig) -> DatasetRepository:
    """The dataset to serve, and how it stays current. Raises DataLoadError (naming each file and
    its problem) when no file yields any data."""
    if config.data_path is None:
        dataset = demo.generate(config.demo_rows, config.demo_seed, config.demo_as_of)
        return DatasetRepository(dataset, ())
    if not config.data_path.exists():
        raise DataLoadError(f"{config.data_path}: no such file or folder", "missing")
    folder = DataFolder(config.data_path, config.data_format, config.max_bytes)
    dataset, reports = folder.load()
    for report in reports:
        log.info(
            "%s: %s",
            report.file,
            report.error
            or (
                f"{report.rows_read} rows read, {report.rows_loaded} loaded, "
                f"{report.rows_rejected} rejected"
            ),
        )
    if dataset is None:
        problems = "; ".join(r.error or f"{r.file}: no rows" for r in reports) or "no data files"
        raise DataLoadError(f"{config.data_path}: nothing could be loaded ({problems})", "no_data")
    repository = DatasetRepository(dataset, reports)
    # Loads changed files off the request path, on a thread that each serving process starts
    # (create_app's before_request; gunicorn.conf.py's post_fork).
    repository.watch(Reloader(folder, repository, config.reload_seconds))
    return repository


# Dash's page, with two changes for screen readers: the document names its language from the
# first byte (?lang=, as the page reads it; a clientside callback keeps it current after that),
# and Dash's scripts sit in a plain <div>, not a second <footer> landmark beside ours.
INDEX_STRING = """<!DOCTYPE html>
<html lang="{%lang%}">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
        {%css%}
    </head>
    <body>
        {%app_entry%}
        <div class="dash-scripts">
            {%config%}
            {%scripts%}
            {%renderer%}
        </div>
    </body>
</html>"""


def _language_of_the_page(app: Dash) -> None:
    """Fill INDEX_STRING's {%lang%} with the language the request's link asks for."""
    interpolate = app.interpolate_index

    def interpolate_index(**kwargs: str) -> str:
        lang = ViewQuery.parse(request.query_string.decode("utf-8", "replace")).lang
        return interpolate(**kwargs).replace("{%lang%}", lang, 1)

    app.interpolate_index = interpolate_index


def reload_on_hangup(repository: DatasetRepository) -> None:
    """SIGHUP makes this process look for changed data files now (`kill -HUP <pid>`), loading
    them in the background like every reload. For the development server and each gunicorn
    worker; gunicorn's master reloads in its own `on_reload` (gunicorn.conf.py)."""
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, lambda _signum, _frame: repository.reload_soon())


def _content_security_policy(app: Dash, framing: str) -> str:
    """DESIGN.md's CSP: scripts only from the app itself (and our clientside callbacks' hashes);
    `framing` is who may put the page in a frame."""
    hashes = " ".join(app.csp_hashes())  # already quoted: 'sha256-...'
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' {hashes}",
            "style-src 'self' 'unsafe-inline'",
            "connect-src 'self'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "object-src 'none'",
            "base-uri 'self'",
            f"frame-ancestors {framing}",
        ]
    )


# What is sent compressed: text of every kind the app serves (the plotly.js bundle alone is
# 4.6 MB as is, about 1 MB in Brotli). Binary files (PNG) are compressed already.
COMPRESSED_TYPES = (
    "text/html",
    "text/css",
    "text/plain",
    "text/csv",
    "text/javascript",
    "application/javascript",
    "application/json",
    "application/geo+json",
    "image/svg+xml",
)


# Files whose compressed form is kept once made: the same bytes for every reader.
_STATIC_PREFIXES = ("/_dash-component-suites/", "/assets/", "/embed/static/")


class _FileCompressionCache:
    """flask-compress's cache, for the app's own files only: compressing plotly.js cost about
    120 ms of CPU per first load, the same work for every reader of a news spike. Callback
    answers (one URL, other bodies) get a key this cache never stores or finds.

    A file's Brotli form is then made again at the strongest level (11) on a thread of its
    own: seconds of CPU once per process, for about 110 KB less on every first load (plotly.js
    and the grid's scripts); readers get level 5 until it is ready."""

    STRONGEST = 11
    WORTH_IT = 20_000  # compressed bytes below which level 11 saves too little to bother
    AT_MOST = 600_000  # larger: files no page of ours loads (plotly's full bundle), not worth

    def __init__(self) -> None:
        self._items: dict[str, bytes] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        return self._items.get(key) if "static:" in key else None

    def set(self, key: str, value: bytes) -> None:
        if "static:" not in key:
            return
        with self._lock:
            first = key not in self._items  # two first readers at once: one stronger copy
            self._items[key] = value
        if first and key.startswith("br;") and self.WORTH_IT <= len(value) <= self.AT_MOST:
            threading.Thread(
                target=self._strongest, args=(key, value), name="brotli-11", daemon=True
            ).start()

    def _strongest(self, key: str, value: bytes) -> None:
        try:
            stronger = brotli.compress(brotli.decompress(value), quality=self.STRONGEST)
        except SystemExit:  # the thread was told to end (dash.testing ends every thread so)
            return
        with self._lock:
            if len(stronger) < len(self._items.get(key, value)):
                self._items[key] = stronger


_LINKED_FILE = re.compile(r'(?:src|href)="([^"]+)"')


def warm_compressed_files(app: Dash, timeout: float = 120.0) -> int:
    """Compress the files the overview loads (its scripts and styles, and the map geometry),
    at the strongest level, before any reader asks: gunicorn.conf.py runs it in the master
    before forking, so every worker serves them at once, compressed, from shared memory.
    -> how many files."""
    client = app.server.test_client()
    page = client.get("/").get_data(as_text=True)
    paths = {p for p in _LINKED_FILE.findall(page) if p.startswith(_STATIC_PREFIXES)}
    paths |= _async_chunks(paths)
    assets = MapAssets.of(app)
    paths |= {assets.regions, assets.tiles}
    for path in sorted(paths):
        for encoding in ("br", "gzip"):
            client.get(path, headers={"Accept-Encoding": encoding})
    deadline = time.monotonic() + timeout
    for thread in threading.enumerate():
        if thread.name == "brotli-11":
            thread.join(timeout=max(0.0, deadline - time.monotonic()))
    return len(paths)


def _async_chunks(paths: set[str]) -> set[str]:
    """The chunks the page's component scripts load later (the grid's, dcc's graph and
    dropdown: `async-*.js` beside each script), under the URLs the browser asks for."""
    found = set()
    suites = "/_dash-component-suites/"
    for path in paths:
        if not path.startswith(suites):
            continue
        namespace, _, rest = path[len(suites) :].partition("/")
        package = sys.modules.get(namespace)
        if package is None or not getattr(package, "__file__", None):
            continue
        folder = Path(rest).parent
        for chunk in (Path(package.__file__).parent / folder).glob("async-*.js"):
            found.add(f"{suites}{namespace}/{(folder / chunk.name).as_posix()}")
    return found


def _compression_key(req) -> str:
    if req.method == "GET" and req.path.startswith(_STATIC_PREFIXES):
        return f"static:{req.full_path}"
    return "dynamic"


def compress(app: Dash) -> None:
    """Brotli (or gzip for a client without it) on every text response, through flask-compress
    (Brotli level 5: most of the gain at a small part of the cost of level 11). The app's own
    files are compressed once per process (_FileCompressionCache)."""
    app.server.config.update(
        COMPRESS_MIMETYPES=list(COMPRESSED_TYPES),
        COMPRESS_ALGORITHM=["br", "gzip"],
        COMPRESS_ALGORITHM_STREAMING=["br", "deflate"],
        COMPRESS_BR_LEVEL=5,
        COMPRESS_MIN_SIZE=500,
        COMPRESS_CACHE_BACKEND=_FileCompressionCache,
        COMPRESS_CACHE_KEY=_compression_key,
    )
    Compress(app.server)

    @app.server.after_request  # registered after Compress's hook, so it runs before it
    def whole_static_files(response: Response) -> Response:
        # Flask streams a file from disk, and flask-compress compresses a stream anew for each
        # reader at each request (about 70 ms of CPU for plotly.js): read whole, our files are
        # compressed once (_FileCompressionCache).
        if (
            request.method == "GET"
            and request.path.startswith(_STATIC_PREFIXES)
            and response.is_streamed
            and response.status_code == 200
            and response.mimetype in COMPRESSED_TYPES
        ):
            response.direct_passthrough = False
            response.set_data(response.get_data())
        return response


# A fingerprinted file never changes under its URL: an asset asked for with its `?m=<mtime>`,
# a component suite file named with its version (Dash's `.v4_4_1m1795738657.`). Browsers and a
# CDN keep it a year without asking again; the next release's page names other URLs. The rest
# of /assets/ and /_dash-component-suites/ (plotly's geometry fetched by URL, Dash's async
# chunks) is asked again each time and answered 304 while its ETag holds.
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"


def cache_lifetimes(app: Dash) -> None:
    """Cache-Control for the app's static files by whether their URL is fingerprinted. The
    embeds, their files and the downloads keep their own (callbacks/routes.py)."""
    prefix = app.config.routes_pathname_prefix
    assets = f"{prefix}{app.config.assets_url_path.strip('/')}/"
    suites = f"{prefix}_dash-component-suites/"

    @app.server.after_request
    def cache_control(response: Response) -> Response:
        if response.status_code not in (200, 304):
            return response  # a 404 is never kept for a year
        if request.path.startswith(assets):
            fingerprinted = "m" in request.args
        elif request.path.startswith(suites):
            fingerprinted = check_fingerprint(request.path)[1]
        else:
            return response
        response.headers["Cache-Control"] = IMMUTABLE if fingerprinted else REVALIDATE
        response.headers.pop("Expires", None)
        return response


def create_app(config: AppConfig | None = None) -> Dash:
    config = config or AppConfig.from_env()
    repository = build_repository(config)
    dataset = repository.last()
    app = Dash(
        __name__,
        title=t("app.title", "ru"),
        update_title=None,
        assets_folder=str(ROOT / "assets"),
        # The embed page's own style and script are for /embed/* only (callbacks/routes.py);
        # the embed host script (assets/embed/host.js) also sizes the embed dialog's preview.
        assets_ignore=r"^embed-page\.(css|js)$",
        serve_locally=True,
        meta_tags=[
            {"name": "viewport", "content": "width=device-width, initial-scale=1"},
            {"name": "description", "content": t("app.description", "en")},
        ],
    )
    attach_repository(app, repository)
    app.server.extensions[DASH_APP_KEY] = app  # gunicorn.conf.py reaches the app through it
    repository.share(shared_store(config.redis_url))
    operations.register(app)  # first: its clock starts before, and its log line ends, the rest
    guard_callback_requests(app)  # first: nothing else reads a malformed callback body
    cache_responses(app, repository)  # before compress: it keeps the compressed answers
    compress(app)
    cache_lifetimes(app)
    if config.public_url:
        if not config.public_url.lower().startswith(("http://", "https://")):
            raise ValueError(f"PUBLIC_URL must be an http(s) address, not {config.public_url!r}")
        app.server.config[PUBLIC_URL_KEY] = config.public_url
    if config.proxy_count:
        n = config.proxy_count
        app.server.wsgi_app = ProxyFix(app.server.wsgi_app, x_for=n, x_proto=n, x_host=n)
    app.index_string = INDEX_STRING
    _language_of_the_page(app)
    app.layout = shell()
    # Validation sees the whole page, though the page is rendered by a callback.
    app.validation_layout = [shell(), *page(dataset, FilterState(), "ru")]
    register_callbacks(app)

    policy = _content_security_policy(app, "'self'")
    # Only the chart embeds may be framed by other sites (DESIGN.md): the dashboard itself may
    # not, so that no site can dress it up or click-jack its controls.
    embed_policy = _content_security_policy(app, "*")

    @app.server.before_request
    def serve_one_dataset() -> None:
        # This process's data watcher (a thread does not survive gunicorn's fork), then the
        # dataset the whole request reads, whatever a reload swaps in meanwhile.
        repository.start_watching()
        repository.pin()

    @app.server.teardown_request
    def unpin_dataset(_error: BaseException | None) -> None:
        repository.unpin()

    @app.server.after_request
    def security_headers(response: Response) -> Response:
        # The version this response was computed from: every worker converges on one within
        # DATA_RELOAD_SECONDS plus a load (README, Production).
        response.headers["X-Dataset-Version"] = repository.current().version
        # By the route that answered, not by the path: Dash answers any unknown path (say
        # /embed/x/y) with the whole dashboard, which must not become frameable.
        framed = request.endpoint in FRAMEABLE_ENDPOINTS
        response.headers.setdefault("Content-Security-Policy", embed_policy if framed else policy)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        return response

    return app


@cache
def _lazy_server():
    """gunicorn's `app:server`: the app is built on first access, not on every import of app.py."""
    return create_app().server


def __getattr__(name: str):
    if name == "server":
        return _lazy_server()
    raise AttributeError(name)


def _data_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data",
        type=Path,
        default=None,
        help="a data file or a folder of them (default: $DATA_DIR or $DATA_PATH, else demo data)",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="the files' format (default: detected per file)",
    )


def _config(args: argparse.Namespace) -> AppConfig:
    config = AppConfig.from_env()
    if args.data is not None or args.format is not None:
        config = replace(
            config,
            data_path=args.data or config.data_path,
            data_format=args.format or config.data_format,
        )
    return config


def export_embeds_command(argv: list[str]) -> int:
    """`python app.py export-embeds URL... --out DIR`: see callbacks/static_export.py."""
    from callbacks.static_export import ExportError, export_embeds

    parser = argparse.ArgumentParser(
        prog="app.py export-embeds",
        description="Render embed URLs (/embed/<chart>?<filters>) into static files that any "
        "static host or CDN can serve, with no app behind them.",
    )
    parser.add_argument("urls", nargs="+", metavar="URL", help="embed URLs or paths")
    parser.add_argument("--out", type=Path, required=True, help="the folder to write into")
    parser.add_argument(
        "--base-url",
        default=None,
        help="the dashboard's address (with its path, if any) that the 'open the interactive "
        "view' links point to (default: PUBLIC_URL, else what each full URL names before "
        "/embed/); required for bare paths",
    )
    _data_arguments(parser)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    try:
        app = create_app(_config(args))
        pages = export_embeds(app, args.urls, args.out, args.base_url)
    except (DataLoadError, ExportError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for written in pages:
        print(written)
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["export-embeds"]:
        return export_embeds_command(argv[1:])
    parser = argparse.ArgumentParser(
        description="Serve the political prisoners dashboard "
        "(or: app.py export-embeds URL... --out DIR).",
    )
    _data_arguments(parser)
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8050")))
    parser.add_argument("--debug", action="store_true", help="Dash dev tools and reloading")
    args = parser.parse_args(argv)
    logging.config.dictConfig(operations.logging_config())
    try:
        app = create_app(_config(args))
    except (DataLoadError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    reload_on_hangup(app.server.extensions[REPOSITORY_KEY])
    # werkzeug's own lines are off (callbacks/operations.py): say where the dashboard is.
    print(f"Dashboard on http://{args.host}:{args.port}/", flush=True)
    app.run(host=args.host, port=args.port, debug=args.debug)
    return 0


if __name__ == "__main__":
    sys.exit(main())
