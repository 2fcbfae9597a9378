"""Several real-format sources in a data folder: the source filter and the Data status page."""

import shutil

import pytest

from app import AppConfig, create_app
from components import ids
from tests.browser.test_overview import choose
from tests.conftest import FIXTURES

pytestmark = pytest.mark.browser


@pytest.fixture()
def app(tmp_path):
    for name in ("ovdinfo_flat_sample.json", "memorial_cards_sample.geojson"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    (tmp_path / "memorial_cards_sample.geojson.meta.json").write_text(
        '{"source": "memorial", "display_name": "Memorial sample", "as_of": "2025-10-01"}',
        encoding="utf-8",
    )
    (tmp_path / "broken.json").write_text('{"data": [{"person_id": 1', encoding="utf-8")
    return create_app(AppConfig(data_path=tmp_path, reload_seconds=3600))


def test_source_filter_and_header(dash_duo, app):
    dash_duo.start_server(app)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/?lang=en")
    dash_duo.wait_for_text_to_equal(f"#{ids.COUNT_PROSECUTIONS}", "8", timeout=20)
    assert (
        "Memorial sample (as of 1 Oct 2025)" in dash_duo.find_element(f"#{ids.HEADER_SOURCES}").text
    )
    choose(dash_duo, ids.FILTER_SOURCE, "Memorial")
    dash_duo.wait_for_text_to_equal(f"#{ids.COUNT_PROSECUTIONS}", "4", timeout=10)
    assert dash_duo.get_logs() == []


def test_status_page_lists_every_file(dash_duo, app):
    dash_duo.start_server(app)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/status?lang=ru")
    dash_duo.wait_for_contains_text("#main", "Состояние данных", timeout=20)
    text = dash_duo.find_element("#main").text
    assert "broken.json" in text and "файл повреждён или обрезан" in text
    assert "memorial_cards_sample.geojson" in text and "ovdinfo_flat_sample.json" in text
    assert "карточки «Мемориала»" in text and "выгрузка ОВД-Инфо" in text
    # Back to the overview through the navigation, language kept.
    dash_duo.find_element(f"#{ids.NAV_PAGE_LINK['/']}").click()
    dash_duo.wait_for_text_to_equal(f"#{ids.COUNT_PROSECUTIONS}", "8", timeout=10)
    assert dash_duo.get_logs() == []
