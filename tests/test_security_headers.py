"""Every route answers with DESIGN.md's security headers, whatever it answers (a page, a file, a
callback, an embed, a download, a 404, a refused request): CSP with the clientside callbacks'
hashes and nothing looser, nosniff, a referrer policy, and framing by other sites only for the
embeds."""

import json

import pytest

from app import AppConfig, create_app
from callbacks.common import repository
from callbacks.request_guard import MAX_BODY_BYTES
from components import ids
from data.view_query import person_path
from tests.conftest import AS_OF


@pytest.fixture(scope="module")
def app():
    return create_app(AppConfig(demo_rows=600, demo_seed=5, demo_as_of=AS_OF))


def _person(app) -> str:
    cases = repository(app).current().cases
    return "/" + person_path(cases["source"].iloc[0], cases["person_id"].iloc[0]).lstrip("/")


def requests_per_route(app) -> dict[str, list[tuple[str, str, dict]]]:
    """Route (Flask's rule) -> requests that reach it: (method, path, keyword arguments)."""
    person = _person(app)
    update = "/_dash-update-component"
    count = next(
        d
        for d in app.server.test_client().get("/_dash-dependencies").get_json()
        if d["output"].startswith(f"..{ids.COUNT_PERSONS}")
    )
    return {
        "/static/<path:filename>": [("GET", "/static/nope.css", {})],
        "/assets/<path:filename>": [
            ("GET", "/assets/style.css", {}),
            ("GET", "/assets/nope.js", {}),
        ],
        "/_dash-component-suites/<string:package_name>/<path:fingerprinted_path>": [
            ("GET", "/_dash-component-suites/dash/dcc/dash_core_components.js", {}),
            ("GET", "/_dash-component-suites/nope/nope.js", {}),
        ],
        "/_dash-layout": [("GET", "/_dash-layout", {})],
        "/_dash-dependencies": [("GET", "/_dash-dependencies", {})],
        update: [
            ("POST", update, {"json": {**count, "outputs": [], "inputs": [], "state": []}}),
            ("POST", update, {"data": b"not json", "content_type": "application/json"}),
            ("POST", update, {"data": b"x" * (MAX_BODY_BYTES + 1), "content_type": "text/json"}),
        ],
        "/_reload-hash": [("GET", "/_reload-hash", {})],
        "/_favicon.ico": [("GET", "/_favicon.ico", {})],
        "/favicon.ico": [("GET", "/favicon.ico", {})],
        "/": [("GET", "/", {}), ("GET", "/?lang=en&article=zzz", {})],
        "/<path:path>": [
            ("GET", "/compare", {}),
            ("GET", person, {}),
            ("GET", "/no-such-page", {}),
            ("GET", "/embed/x/y", {}),  # no embed: Dash's route, which must not be frameable
        ],
        "/embed/<chart>": [("GET", "/embed/map?lang=en", {}), ("GET", "/embed/nope", {})],
        "/embed/person/<path:person>": [
            ("GET", "/embed" + person, {}),
            ("GET", "/embed/person/nobody/0", {}),
        ],
        "/embed/static/<name>": [("GET", "/embed/static/page.js", {})],
        "/embed.js": [("GET", "/embed.js", {})],
        "/download/cases.csv": [("GET", "/download/cases.csv?article=207.3", {})],
        "/download/<chart>.csv": [("GET", "/download/timeline.csv", {})],
        "/download/compare_<side>.csv": [("GET", "/download/compare_left.csv", {})],
        "/download/<chart>.figure.json": [("GET", "/download/map.figure.json", {})],
        "/healthz": [("GET", "/healthz", {})],
        "/readyz": [("GET", "/readyz", {})],
    }


def test_every_route_is_tried(app):
    """A new route must be added above: its headers are asserted like every other's."""
    rules = {rule.rule for rule in app.server.url_map.iter_rules()}
    assert rules == set(requests_per_route(app))


def _policy(header: str) -> dict[str, list[str]]:
    directives = [part.split() for part in header.split(";") if part.strip()]
    return {name: values for name, *values in directives}


def test_each_route_answers_with_the_security_headers(app):
    client = app.server.test_client()
    hashes = sorted(app.csp_hashes())
    assert hashes, "the clientside callbacks' hashes"
    statuses = set()
    for rule, requests in requests_per_route(app).items():
        for method, path, kwargs in requests:
            response = client.open(path, method=method, **kwargs)
            statuses.add(response.status_code)
            headers = response.headers
            where = f"{method} {path} ({rule}): {response.status_code}"
            assert response.status_code < 500, where
            assert headers.get("X-Content-Type-Options") == "nosniff", where
            assert headers.get("Referrer-Policy") == "strict-origin-when-cross-origin", where
            policy = _policy(headers.get("Content-Security-Policy", ""))
            assert policy.get("default-src") == ["'self'"], where
            scripts = policy.get("script-src", [])
            assert scripts[:1] == ["'self'"] and sorted(scripts[1:]) == hashes, where
            assert policy.get("connect-src") == ["'self'"], where
            assert policy.get("object-src") == ["'none'"], where
            assert policy.get("base-uri") == ["'self'"], where
            assert "'unsafe-eval'" not in json.dumps(policy), where
            framed = rule in ("/embed/<chart>", "/embed/person/<path:person>")
            assert policy.get("frame-ancestors") == (["*"] if framed else ["'self'"]), where
    assert {200, 400, 404, 413} <= statuses
