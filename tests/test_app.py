"""The app builds, serves its page and assets locally, and refuses bad data with a clear message."""

import gzip
import re
from pathlib import Path

import brotli
import pytest

import app as app_module
from app import AppConfig, create_app
from callbacks.common import repository
from tests.conftest import AS_OF


@pytest.fixture(scope="module")
def app():
    return create_app(AppConfig(demo_rows=500, demo_as_of=AS_OF))


def test_app_builds_with_demo_data(app):
    dataset = repository(app).current()
    assert dataset.synthetic and len(dataset.cases) == 500


def test_index_and_assets_are_served_locally(app):
    client = app.server.test_client()
    index = client.get("/")
    assert index.status_code == 200
    html = index.get_data(as_text=True)
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and all(s.startswith("/") for s in sources), sources  # nothing from outside
    for path in ("/assets/bootstrap.min.css", "/assets/style.css", "/assets/plotly-locale-ru.js"):
        assert client.get(path).status_code == 200, path


def test_security_headers(app):
    headers = app.server.test_client().get("/").headers
    policy = headers["Content-Security-Policy"]
    assert "script-src 'self' 'sha256-" in policy and "''" not in policy
    assert "frame-ancestors 'self'" in policy
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_no_global_callbacks_leak_between_apps():
    first = create_app(AppConfig(demo_rows=200, demo_as_of=AS_OF))
    second = create_app(AppConfig(demo_rows=300, demo_as_of=AS_OF))
    assert len(repository(first).current().cases) == 200
    assert len(repository(second).current().cases) == 300
    assert len(first.callback_map) == len(second.callback_map) > 0


def test_data_path_from_the_environment(monkeypatch, sample_csv):
    monkeypatch.setenv("DATA_PATH", str(sample_csv))
    app = create_app()
    assert len(repository(app).current().cases) == 9


def test_cli_reports_a_bad_file_without_a_traceback(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("name\nx\n", encoding="utf-8")
    assert app_module.main(["--data", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "bad.csv: cannot tell the format" in err
    assert "Traceback" not in err


def test_size_limit_from_the_environment(monkeypatch):
    monkeypatch.setenv("DATA_MAX_MB", "0.5")
    assert AppConfig.from_env().max_bytes == 512 * 1024


# --- compressed responses ------------------------------------------------------------------------

PLOTLY = "/_dash-component-suites/plotly/package_data/plotly.min.js"


@pytest.mark.parametrize(
    ("encoding", "decode"), [("br", brotli.decompress), ("gzip", gzip.decompress)]
)
def test_text_is_sent_compressed_to_a_client_that_takes_it(app, encoding, decode):
    client = app.server.test_client()
    plain = client.get(PLOTLY).get_data()
    assert len(plain) > 3_000_000
    for _ in range(2):  # the second answer comes from the cache of compressed files
        packed = client.get(PLOTLY, headers={"Accept-Encoding": encoding})
        assert packed.headers["Content-Encoding"] == encoding
        assert "Accept-Encoding" in packed.headers["Vary"]
        body = packed.get_data()
        assert len(body) < len(plain) / 3 and decode(body) == plain


def test_without_accept_encoding_nothing_is_compressed(app):
    response = app.server.test_client().get("/assets/style.css")
    assert "Content-Encoding" not in response.headers


def test_callback_answers_are_compressed_each_on_its_own(app):
    """One URL, other bodies: the cache of compressed files must never answer a callback."""
    from components import ids
    from tests.callbacks.dash_client import post
    from tests.callbacks.test_http import filter_values

    client = app.server.test_client()
    bodies = []
    for gender in (["female"], ["male"]):
        values = filter_values(**{f"{ids.FILTER_GENDER}.value": gender})
        plain = post(client, f"..{ids.COUNT_PERSONS}", values).get_data()
        packed = post(client, f"..{ids.COUNT_PERSONS}", values, headers={"Accept-Encoding": "br"})
        assert packed.headers["Content-Encoding"] == "br"
        assert brotli.decompress(packed.get_data()) == plain
        bodies.append(plain)
    assert bodies[0] != bodies[1]


# --- first load: our plotly.js bundle, cache lifetimes -------------------------------------------


def test_the_page_draws_with_our_plotly_bundle_not_plotlys_full_one(app):
    html = app.server.test_client().get("/").get_data(as_text=True)
    scripts = re.findall(r'<script[^>]* src="([^"]+)"', html)
    bundle = [i for i, s in enumerate(scripts) if s.startswith("/assets/plotly-bundle.min.js?m=")]
    locale = [i for i, s in enumerate(scripts) if s.startswith("/assets/plotly-locale-ru.js?m=")]
    # Loaded before the Russian locale, which then registers with it; dcc.Graph finds
    # window.Plotly defined and never asks for plotly's full bundle.
    assert len(bundle) == len(locale) == 1 and bundle[0] < locale[0], scripts
    assert "plotly.min.js" not in html and "cdn.plot.ly" not in html


def _suite_script(app) -> str:
    html = app.server.test_client().get("/").get_data(as_text=True)
    return re.search(r'src="(/_dash-component-suites/dash/dcc/[^"]+\.v[^"]+\.js)"', html).group(1)


YEAR = "public, max-age=31536000, immutable"


@pytest.mark.parametrize(
    "path", ["/assets/plotly-bundle.min.js?m=1700000000.5", "/assets/style.css?m=1", "suite"]
)
def test_fingerprinted_files_are_kept_a_year(app, path):
    """An asset asked for with its ?m=<mtime>, a component suite file named with its version."""
    path = _suite_script(app) if path == "suite" else path
    response = app.server.test_client().get(path)
    assert response.status_code == 200, path
    assert response.headers["Cache-Control"] == YEAR
    assert "Expires" not in response.headers
    assert "Content-Security-Policy" in response.headers
    response.close()


def test_other_files_are_asked_again_and_embeds_keep_their_lifetimes(app):
    client = app.server.test_client()
    expected = {
        # not fingerprinted: asked again each time, answered 304 while the ETag holds
        "/assets/style.css": "no-cache",
        "/assets/geo/regions.geojson": "no-cache",
        "/_dash-component-suites/dash/dcc/async-graph.js": "no-cache",
        # the embeds', their files' and the downloads' own lifetimes stay
        "/embed/timeline?lang=en": "public, max-age=300",
        "/embed/static/plotly-bundle.min.js": "public, max-age=86400",
        "/download/timeline.csv?lang=en": "public, max-age=300",
    }
    for path, cache_control in expected.items():
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers.get("Cache-Control") == cache_control, path
        assert "Content-Security-Policy" in response.headers
        response.close()
    etag = client.get("/assets/style.css").headers["ETag"]
    again = client.get("/assets/style.css", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.headers["Cache-Control"] == "no-cache"
    missing = client.get("/assets/nothing.js?m=1")
    assert missing.status_code == 404  # and never kept a year
    assert "immutable" not in missing.headers.get("Cache-Control", "")


def test_large_files_are_compressed_again_at_the_strongest_level(app):
    """Readers first get Brotli level 5 at once; a thread then makes the level-11 form, which
    every later reader gets: the same bytes, about 10% fewer of them."""
    import threading

    client = app.server.test_client()
    bundle = "/assets/plotly-bundle.min.js"
    plain = client.get(bundle).get_data()
    first = client.get(bundle, headers={"Accept-Encoding": "br"}).get_data()
    for thread in threading.enumerate():
        if thread.name == "brotli-11":
            thread.join(timeout=120)
    later = client.get(bundle, headers={"Accept-Encoding": "br"}).get_data()
    assert brotli.decompress(first) == brotli.decompress(later) == plain
    assert len(later) < len(first) * 0.95


def test_gunicorn_warms_the_first_visits_files_before_forking(app):
    """when_ready (gunicorn.conf.py) compresses what a first visit loads at the strongest level
    in the master, so the first reader of every worker gets it: the plotly bundle, the grid's
    lazily loaded chunk and the map geometry, each smaller than at the default level."""
    import runpy
    from types import SimpleNamespace

    settings = runpy.run_path(str(Path(__file__).resolve().parents[1] / "gunicorn.conf.py"))
    logged = []
    server = SimpleNamespace(
        app=SimpleNamespace(callable=app.server),
        log=SimpleNamespace(info=lambda *a: logged.append(a)),
    )
    settings["when_ready"](server)
    assert logged and logged[0][1] > 10
    client = app.server.test_client()
    bundle = re.search(r'src="(/assets/plotly-bundle\.min\.js[^"]*)"', client.get("/").text)[1]
    for path in (
        bundle,  # as the page names it, with its fingerprint
        "/_dash-component-suites/dash_ag_grid/async-community.js",
        "/assets/geo/regions.geojson",
    ):
        plain = client.get(path).get_data()
        packed = client.get(path, headers={"Accept-Encoding": "br"}).get_data()
        assert brotli.decompress(packed) == plain
        assert len(packed) < len(brotli.compress(plain, quality=5))
