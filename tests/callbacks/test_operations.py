"""/healthz, /readyz, the request log and the error log (callbacks/operations.py)."""

import json
import logging
import logging.config

import pytest

from app import AppConfig, create_app
from callbacks.common import repository
from callbacks.operations import JsonLines, logging_config, shown_path
from data.dataset import PERSON_CODE
from data.view_query import person_path
from tests.callbacks.dash_client import post
from tests.callbacks.test_http import filter_values
from tests.conftest import AS_OF, FIXTURES


def test_healthz_answers_without_reading_data(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.get_json()["status"] == "alive"
    assert response.headers["Cache-Control"] == "no-store"


def test_readyz_names_the_version_date_and_rows_served(app, client):
    dataset = repository(app).current()
    body = client.get("/readyz").get_json()
    assert body["status"] == "ready"
    assert body["version"] == dataset.version
    assert body["as_of"] == AS_OF.isoformat()
    assert body["synthetic"] is True
    cases = dataset.cases
    assert body["cases"] == len(cases) == 900
    assert body["persons"] == cases[PERSON_CODE].nunique()
    per_source = cases.groupby("source", observed=True)["case_id"].size()
    assert {k: v["cases"] for k, v in body["sources"].items()} == per_source.to_dict()


def test_readyz_lists_the_files_by_name(tmp_path):
    folder = tmp_path / "secret-server-folder"
    folder.mkdir()
    (folder / "list.csv").write_bytes((FIXTURES / "canonical_sample.csv").read_bytes())
    (folder / "broken.parquet").write_bytes(b"PAR1 nope PAR1")
    app = create_app(AppConfig(data_path=folder, reload_seconds=3600))
    try:
        response = app.server.test_client().get("/readyz")
        body = response.get_json()
        assert {f["file"] for f in body["files"]} == {"list.csv", "broken.parquet"}
        assert "secret-server-folder" not in response.get_data(as_text=True)
        assert body["cases"] > 0 and body["watching"] is True  # a request starts the watcher
    finally:
        repository(app).watcher.stop()


@pytest.fixture()
def lines(caplog):
    """The JSON lines the app's loggers wrote during the test."""
    caplog.set_level(logging.INFO, logger="politprisoners")
    formatter = JsonLines()
    return lambda: [json.loads(formatter.format(record)) for record in caplog.records]


def test_one_json_line_per_request_with_its_latency(client, lines):
    response = client.get(
        "/embed/timeline?lang=en&article=207.3", headers={"X-Request-ID": "r" * 12}
    )
    [line] = [x for x in lines() if x["message"] == "request"]
    assert line["route"] == "/embed/<chart>" and line["path"] == "/embed/timeline"
    assert line["status"] == 200 and line["ms"] > 0 and line["method"] == "GET"
    assert line["query_keys"] == ["article", "lang"]  # the keys, never what was asked
    assert line["request_id"] == "r" * 12 == response.headers["X-Request-ID"]
    assert line["version"] == response.headers["X-Dataset-Version"]
    assert "207.3" not in json.dumps(line)


def test_the_log_never_keeps_a_name_typed_or_a_persons_path(app, client, lines):
    cases = repository(app).current().cases
    name = cases["name"].iloc[0]
    path = "/" + person_path(cases["source"].iloc[0], cases["person_id"].iloc[0]).lstrip("/")
    client.get(path)
    client.get("/embed" + path)
    client.get("/download/cases.csv", query_string={"q": name})
    post(client, "..count-persons", filter_values())
    logged = json.dumps(lines(), ensure_ascii=False)
    assert name not in logged and cases["person_id"].iloc[0] not in logged
    requests = [x for x in lines() if x["message"] == "request"]
    assert [x["path"] for x in requests[:2]] == ["/person/…", "/embed/person/…"]
    assert requests[-1]["callback"].startswith("..count-persons")


def test_an_unexpected_error_is_logged_where_it_happened_not_what_it_said(lines):
    app = create_app(AppConfig(demo_rows=200, demo_seed=3, demo_as_of=AS_OF))

    @app.server.route("/boom")
    def boom():
        raise ValueError("Иванов Иван Иванович, 1970")

    response = app.server.test_client().get("/boom?q=Иванов")
    assert response.status_code == 500
    assert "Иванов" not in response.get_data(as_text=True)
    [error] = [x for x in lines() if x["message"] == "unhandled error"]
    assert error["error"] == "ValueError" and error["route"] == "/boom"
    assert any("boom" in frame for frame in error["frames"])
    assert "Иванов" not in json.dumps(lines(), ensure_ascii=False)


@pytest.mark.parametrize(
    "path, shown",
    [
        ("/person/demo/x1", "/person/…"),
        ("/embed/person/a/b", "/embed/person/…"),
        ("/prisoners/person/demo/x1", "/prisoners/person/…"),
        ("/", "/"),
        ("/embed/map", "/embed/map"),
    ],
)
def test_shown_path(path, shown):
    assert shown_path(path) == shown


def test_the_logging_config_is_valid():
    logging.config.dictConfig(logging_config())
