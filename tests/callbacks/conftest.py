"""The app the callback and route tests call over HTTP: the demo data, 900 records, fixed."""

import pytest

from app import AppConfig, create_app
from tests.conftest import AS_OF


@pytest.fixture(scope="module")
def app():
    return create_app(AppConfig(demo_rows=900, demo_seed=11, demo_as_of=AS_OF))


@pytest.fixture()
def client(app):
    return app.server.test_client()
