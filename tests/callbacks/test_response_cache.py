"""Whole callback responses kept per process (callbacks/response_cache.py): a view asked for again
is answered without running its callback, byte for byte the same, and never across datasets,
encodings or hosts."""

from unittest import mock

import pytest

from app import AppConfig, create_app
from callbacks.common import repository
from components import ids
from data.query import counters
from tests.callbacks.dash_client import post
from tests.callbacks.test_http import filter_values
from tests.conftest import AS_OF


@pytest.fixture()
def app():
    return create_app(AppConfig(demo_rows=400, demo_seed=5, demo_as_of=AS_OF))


def _overview(client, headers=None, **values):
    return post(client, f"..{ids.COUNT_PERSONS}", filter_values(**values), headers=headers)


def _counting():
    """The overview callback's counters, counted: how many times a callback really ran."""
    return mock.patch("callbacks.overview.counters", wraps=counters)


def test_a_view_asked_again_is_answered_without_computing(app):
    client = app.server.test_client()
    with _counting() as computed:
        first = _overview(client, **{f"{ids.FILTER_ARTICLE}.value": ["207.3"]})
        again = _overview(client, **{f"{ids.FILTER_ARTICLE}.value": ["207.3"]})
        assert computed.call_count == 1
        assert again.get_data() == first.get_data()
        assert again.headers["Content-Type"] == first.headers["Content-Type"]
        assert again.headers["X-Dataset-Version"] == repository(app).current().version
        _overview(client, **{f"{ids.FILTER_ARTICLE}.value": ["205.5"]})  # another view
        assert computed.call_count == 2


def test_each_encoding_gets_its_own_answer(app):
    client = app.server.test_client()
    plain = _overview(client)
    brotli = _overview(client, headers={"Accept-Encoding": "br"})
    again = _overview(client, headers={"Accept-Encoding": "br"})
    assert "Content-Encoding" not in plain.headers
    assert brotli.headers["Content-Encoding"] == again.headers["Content-Encoding"] == "br"
    assert again.get_data() == brotli.get_data() != plain.get_data()


def test_another_dataset_is_never_answered_from_the_last_ones_responses(app):
    client = app.server.test_client()
    first = _overview(client).get_json()["response"][ids.COUNT_PROSECUTIONS]["children"]
    repo = repository(app)
    smaller = create_app(AppConfig(demo_rows=100, demo_seed=5, demo_as_of=AS_OF))
    repo.replace(repository(smaller).current(), ())
    second = _overview(client).get_json()["response"][ids.COUNT_PROSECUTIONS]["children"]
    assert (first, second) == ("400", "100")


def test_another_host_gets_its_own_answer(app):
    """Without PUBLIC_URL, links are absolute to the host asked: one host's answer is not
    another's."""
    client = app.server.test_client()
    with _counting() as computed:
        _overview(client)
        _overview(client, headers={"Host": "other.example"})
        _overview(client)
        assert computed.call_count == 2


def test_new_load_reports_on_the_same_dataset_are_not_answered_from_before(app):
    """A file that turned bad keeps its last good data (same version) with a new report: the
    Data status page must say so at once."""
    client = app.server.test_client()
    repo = repository(app)
    with _counting() as computed:
        _overview(client)
        repo.replace(repo.current(), repo.reports())  # same dataset, reports anew
        _overview(client)
        assert computed.call_count == 2


def test_another_scheme_gets_its_own_answer(app):
    """Behind a TLS proxy the same host is reached over https, and absolute links say so."""
    client = app.server.test_client()
    with _counting() as computed:
        for base in ("http://localhost", "https://localhost", "http://localhost"):
            post(client, f"..{ids.COUNT_PERSONS}", filter_values(), base_url=base)
        assert computed.call_count == 2
