"""What an operator watches: `/healthz` (the process answers) and `/readyz` (which data it
serves), one structured log line per request, and errors logged with their context but without
anything a reader typed or a person on the lists is named by.

The request line names the route, never the query (the table's search box holds names people
type) nor a person's path (it is a person's id): `/person/<source>/…`. An error's line says
where it happened (the route, the callback's output, the frames of the traceback) but not its
message, which may quote a value from the data.
"""

from __future__ import annotations

import json
import logging
import os
import re
import time
import traceback
import uuid
from datetime import UTC, datetime

from dash import Dash
from flask import Response, g, request
from werkzeug.exceptions import HTTPException

from callbacks.common import repository
from data.dataset import PERSON_CODE, Dataset, DatasetRepository

REQUESTS = logging.getLogger("politprisoners.requests")
ERRORS = logging.getLogger("politprisoners.errors")
# A request id a proxy may pass on (X-Request-ID), when it looks like one; else a new one.
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


class JsonLines(logging.Formatter):
    """Each record as one JSON object on one line: time, level, logger, message, and the
    `fields` a record carries (`log.info("request", extra={"fields": {...}})`)."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            **getattr(record, "fields", {}),
        }
        if record.exc_info and record.name != ERRORS.name:  # ours carry their frames already
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


def logging_config(level: str = "INFO") -> dict:
    """The app's loggers as JSON lines on stdout (logging.config.dictConfig; gunicorn's
    `logconfig_dict` takes the same)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": JsonLines}},
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stdout",
            }
        },
        # Whole sections, as gunicorn's own defaults are replaced section by section.
        "root": {"handlers": ["stdout"], "level": "WARNING"},
        "loggers": {
            "politprisoners": {"handlers": ["stdout"], "level": level, "propagate": False},
            "gunicorn.error": {"handlers": ["stdout"], "level": level, "propagate": False},
            # The development server's own request lines keep the query (names typed): ours
            # replace them.
            "werkzeug": {"handlers": ["stdout"], "level": "WARNING", "propagate": False},
        },
    }


def shown_path(path: str) -> str:
    """A request's path as a log may keep it: a person's page or card (under any mount path)
    without whose it is."""
    head, marker, _who = path.partition("/person/")
    return head + marker + "…" if marker else path


def _callback_output(app: Dash) -> str | None:
    """Which callback a /_dash-update-component request fired (its output ids, no values)."""
    try:
        body = request.get_json(silent=True) if request.is_json else None
    except HTTPException:  # a body over the limit, refused (413) before anyone read it
        return None
    output = body.get("output") if isinstance(body, dict) else None
    return output[:200] if isinstance(output, str) and output in app.callback_map else None


def dataset_counts(dataset: Dataset) -> dict:
    """Rows and persons served, in all and per list (the number behind /readyz)."""
    cases = dataset.cases
    per_source = cases.groupby("source", observed=True).agg(
        cases=("case_id", "size"), persons=(PERSON_CODE, "nunique")
    )
    as_of = {source.name: source.as_of for source in dataset.sources}
    return {
        "cases": len(cases),
        "persons": int(cases[PERSON_CODE].nunique()),
        "sources": {
            str(name): {
                "cases": int(row.cases),
                "persons": int(row.persons),
                "as_of": as_of[name].isoformat() if as_of.get(name) else None,
            }
            for name, row in per_source.iterrows()
        },
    }


def readiness(repo: DatasetRepository) -> dict:
    """What /readyz answers: the version served, its as-of date, its rows, how its files
    loaded (by name: no server path), and whether the data folder is watched."""
    dataset = repo.current()
    counts = dataset.memo.get("health", "counts", lambda: dataset_counts(dataset))
    files = [
        {
            "file": report.file,
            "rows_loaded": report.rows_loaded,
            "rows_rejected": report.rows_rejected,
            "error": report.error,
            "kept_previous": report.kept_previous,
        }
        for report in repo.reports()
    ]
    watcher = repo.watcher
    return {
        "status": "ready",
        "version": dataset.version,
        "as_of": dataset.as_of.isoformat() if dataset.as_of else None,
        "synthetic": dataset.synthetic,
        **counts,
        "files": files,
        "watching": bool(watcher is not None and watcher.running),
        "generation": repo.generation,
        "pid": os.getpid(),  # which worker answered
    }


def _json(body: dict, status: int = 200) -> Response:
    response = Response(json.dumps(body, ensure_ascii=False), status, mimetype="application/json")
    response.headers["Cache-Control"] = "no-store"
    return response


def register(app: Dash) -> None:
    """Register first: the request's clock starts before any other hook runs, and the log line
    is written after every other hook has shaped the response."""
    server = app.server
    repo = repository(app)

    @server.route("/healthz")
    def healthz() -> Response:
        """Alive: the process answers (no data is read)."""
        return _json({"status": "alive", "pid": os.getpid()})

    @server.route("/readyz")
    def readyz() -> Response:
        """Ready: a dataset is loaded, and which one."""
        return _json(readiness(repo))

    @server.before_request
    def start_clock() -> None:
        g.request_started = time.perf_counter()
        given = request.headers.get("X-Request-ID", "")
        g.request_id = given if _REQUEST_ID.fullmatch(given) else uuid.uuid4().hex[:16]

    @server.after_request
    def log_request(response: Response) -> Response:
        started = g.get("request_started")
        if started is None:  # a hook before ours answered (not expected: ours is first)
            return response
        fields = {
            "request_id": g.request_id,
            "method": request.method,
            "route": request.url_rule.rule if request.url_rule else None,
            "path": shown_path(request.path)[:300],
            "query_keys": sorted({key[:40] for key in request.args})[:20],
            "status": response.status_code,
            "ms": round((time.perf_counter() - started) * 1000, 2),
            "bytes": response.calculate_content_length(),
            "encoding": response.headers.get("Content-Encoding"),
            "version": response.headers.get("X-Dataset-Version"),
            "pid": os.getpid(),
        }
        output = _callback_output(app) if request.method == "POST" else None
        if output:
            fields["callback"] = output
        response.headers["X-Request-ID"] = g.request_id
        REQUESTS.info("request", extra={"fields": fields})
        return response

    def log_exception(exc_info) -> None:
        """Flask's hook for an unhandled error (it answers 500): where it happened, not what
        the failing value was."""
        error_type, _error, trace = exc_info
        frames = [
            f"{'/'.join(frame.filename.split(os.sep)[-2:])}:{frame.lineno} {frame.name}"
            for frame in traceback.extract_tb(trace)
        ]
        fields = {
            "request_id": g.get("request_id"),
            "method": request.method,
            "route": request.url_rule.rule if request.url_rule else None,
            "path": shown_path(request.path)[:300],
            "callback": _callback_output(app),
            "error": error_type.__name__ if error_type else None,
            "frames": frames[-12:],
            "version": repo.current().version,
        }
        ERRORS.error("unhandled error", extra={"fields": fields})

    server.log_exception = log_exception
