"""The dashboard: `create_app(config) -> Dash`; `server` for gunicorn; `python app.py` runs it.

With no dataset configured it serves the built-in demo data, and every page says the records are
invented. Point it at a canonical CSV or Parquet file with `--data PATH` or `DATA_PATH`.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import dash_bootstrap_components as dbc  # noqa: F401  (registers its components with Dash)
from dash import Dash
from flask import Response

from callbacks import register_callbacks
from callbacks.common import attach_repository
from components.i18n import t
from components.layout import page, shell
from data import demo
from data.dataset import Dataset, DatasetRepository, LoadReport
from data.filters import FilterState
from data.loader import DataLoadError, load_canonical

ROOT = Path(__file__).resolve().parent
log = logging.getLogger("politprisoners")


@dataclass(frozen=True)
class AppConfig:
    data_path: Path | None = None  # canonical CSV/Parquet; None serves the demo data
    demo_rows: int = demo.DEFAULT_ROWS
    demo_seed: int = demo.DEFAULT_SEED
    demo_as_of: date | None = None  # None: today

    @classmethod
    def from_env(cls) -> AppConfig:
        path = os.environ.get("DATA_PATH")
        return cls(data_path=Path(path) if path else None)


def load_dataset(config: AppConfig) -> tuple[Dataset, tuple[LoadReport, ...]]:
    """The dataset to serve. Raises DataLoadError (naming the file) when it cannot be loaded."""
    if config.data_path is None:
        return demo.generate(config.demo_rows, config.demo_seed, config.demo_as_of), ()
    dataset, report = load_canonical(config.data_path)
    for issue in report.issues[:20]:
        log.warning("%s: %s", issue.action, issue.message())
    log.info(
        "%s: %d rows read, %d loaded, %d rejected",
        report.file,
        report.rows_read,
        report.rows_loaded,
        report.rows_rejected,
    )
    return dataset, (report,)


def _content_security_policy(app: Dash) -> str:
    """DESIGN.md's CSP: scripts only from the app itself (and our clientside callbacks' hashes)."""
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
            "frame-ancestors 'self'",
        ]
    )


def create_app(config: AppConfig | None = None) -> Dash:
    config = config or AppConfig.from_env()
    dataset, reports = load_dataset(config)
    app = Dash(
        __name__,
        title=t("app.title", "ru"),
        update_title=None,
        assets_folder=str(ROOT / "assets"),
        serve_locally=True,
        meta_tags=[
            {"name": "viewport", "content": "width=device-width, initial-scale=1"},
            {"name": "description", "content": t("app.description", "en")},
        ],
    )
    attach_repository(app, DatasetRepository(dataset, reports))
    app.layout = shell()
    # Validation sees the whole page, though the page is rendered by a callback.
    app.validation_layout = [shell(), *page(dataset, FilterState(), "ru")]
    register_callbacks(app)

    policy = _content_security_policy(app)

    @app.server.after_request
    def security_headers(response: Response) -> Response:
        response.headers.setdefault("Content-Security-Policy", policy)
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Serve the political prisoners dashboard.")
    parser.add_argument(
        "--data",
        type=Path,
        default=None,
        help="canonical CSV or Parquet file (default: $DATA_PATH, else demo data)",
    )
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8050")))
    parser.add_argument("--debug", action="store_true", help="Dash dev tools and reloading")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    config = AppConfig.from_env()
    if args.data is not None:
        config = AppConfig(data_path=args.data)
    try:
        app = create_app(config)
    except DataLoadError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    app.run(host=args.host, port=args.port, debug=args.debug)
    return 0


if __name__ == "__main__":
    sys.exit(main())
