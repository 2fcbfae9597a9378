"""The page renders in both languages with every component the callbacks expect."""

import json

import plotly
import pytest

from components import ids
from components.layout import page
from data.filters import FilterState


def rendered(dataset, state, lang) -> str:
    return json.dumps(
        page(dataset, state, lang), cls=plotly.utils.PlotlyJSONEncoder, ensure_ascii=False
    )


def all_ids(component) -> set[str]:
    found = set()
    stack = [component]
    while stack:
        node = stack.pop()
        if isinstance(node, (list, tuple)):
            stack.extend(node)
            continue
        if node is None or isinstance(node, (str, int, float)):
            continue
        if getattr(node, "id", None):
            found.add(node.id)
        stack.append(getattr(node, "children", None))
    return found


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_page_has_every_component(dataset, lang):
    present = all_ids(page(dataset, FilterState(), lang))
    expected = {v for k, v in vars(ids).items() if k.isupper() and isinstance(v, str)}
    expected |= {*ids.LANG_LINK.values(), *ids.NAV_PAGE_LINK.values()}
    expected -= {ids.URL, ids.VIEW_SHOWN, ids.DOCUMENT_META, ids.PAGE}  # in the shell
    expected -= {ids.LINK_NOTICE}  # only for a link with something it could not take
    assert expected <= present


def test_demo_banner_in_both_languages(dataset):
    assert "Все записи на этой странице вымышлены" in rendered(dataset, FilterState(), "ru")
    assert "Every record on this page is invented" in rendered(dataset, FilterState(), "en")


def test_no_banner_for_real_data(dataset):
    from dataclasses import replace

    real = replace(dataset, sources=tuple(replace(s, synthetic=False) for s in dataset.sources))
    assert ids.DEMO_BANNER not in all_ids(page(real, FilterState(), "ru"))


def test_filters_start_from_the_state(dataset):
    state = FilterState(articles=("207.3",), regions=("RU-BA",), unit="prosecutions")
    text = rendered(dataset, state, "en")
    assert '"value": ["207.3"]' in text and '"value": ["RU-BA"]' in text
    assert '"value": "prosecutions"' in text


def test_region_options_are_in_the_language(dataset):
    text = rendered(dataset, FilterState(), "en")
    assert "Crimea (occupied)" in text and "Крым (оккупирован)" not in text


def test_status_page_shows_each_file_in_the_language(tmp_path, sample_csv):
    from data.sources import DataFolder

    (tmp_path / "a.csv").write_text(sample_csv.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b.json").write_text('{"data": [', encoding="utf-8")
    dataset, reports = DataFolder(tmp_path).load()
    ru = json.dumps(
        page(dataset, FilterState(), "ru", "/status", reports),
        ensure_ascii=False,
        cls=plotly.utils.PlotlyJSONEncoder,
    )
    en = json.dumps(
        page(dataset, FilterState(), "en", "/status", reports),
        ensure_ascii=False,
        cls=plotly.utils.PlotlyJSONEncoder,
    )
    assert "Состояние данных" in ru and "не загружен" in ru and "файл повреждён или обрезан" in ru
    assert "не ссылка http(s); не используется" in ru and "javascript:alert(1)" in ru
    assert "Data status" in en and "not loaded" in en and "not an http(s) link; not used" in en
    assert "b.json: not valid JSON" in en  # the operator's technical detail is kept


def test_unknown_path_shows_the_overview(dataset):
    assert ids.TIMELINE in all_ids(page(dataset, FilterState(), "en", "/no-such-page"))


def test_header_names_each_source_with_its_date(dataset):
    text = rendered(dataset, FilterState(), "en")
    assert "Data: demo dataset (invented records) (as of 1 Nov 2026)." in text


def test_reading_notes_in_russian():
    from components.status import note_text

    assert note_text("encoding cp1251", "ru") == "кодировка cp1251"
    assert note_text("delimiter ;", "ru") == "разделитель «;»"
    note = (
        "cards placed at Memorial's “location unknown” point (the centre of Russia): 3; where "
        "these people are held is not known from the point"
    )
    assert note_text(note, "ru") == (
        "карточек, поставленных в точку «место неизвестно» (центр России): 3; где держат этих "
        "людей, по точке не узнать"
    )
    assert note_text("encoding cp1251", "en") == "encoding cp1251"


def test_status_page_says_which_export_of_a_list_is_counted(tmp_path, sample_csv):
    import os

    from data.sources import DataFolder

    text = sample_csv.read_text(encoding="utf-8")
    (tmp_path / "list_01-02-2025.csv").write_text(text, encoding="utf-8")
    (tmp_path / "list_01-03-2025.csv").write_text(text, encoding="utf-8")
    os.utime(tmp_path / "list_01-03-2025.csv", ns=(10**18, 10**18))  # newer by date, not by time
    dataset, reports = DataFolder(tmp_path).load()
    ru, en = (
        json.dumps(
            page(dataset, FilterState(), lang, "/status", reports),
            ensure_ascii=False,
            cls=plotly.utils.PlotlyJSONEncoder,
        )
        for lang in ("ru", "en")
    )
    # the list by its display name, not its internal name
    assert "Более ранняя выгрузка списка «демонстрационный набор (вымышленные записи)»" in ru
    assert "list_01-03-2025.csv" in ru
    assert "An earlier export of the list “demo dataset (invented records)”" in en
    assert "по состоянию на 2025-03-01 (дата из имени файла)" in ru
    assert "as of 2025-03-01 (from the file name)" in en


def test_known_lists_are_named_without_metadata(tmp_path):
    """Defect: sources were shown as raw ids ("Data: memorial.")."""
    from components.provenance import sources_sentence
    from data.sources import DataFolder
    from tests.conftest import FIXTURES

    (tmp_path / "cards.geojson").write_bytes(
        (FIXTURES / "memorial_cards_sample.geojson").read_bytes()
    )
    (tmp_path / "ovd.json").write_bytes((FIXTURES / "ovdinfo_flat_sample.json").read_bytes())
    dataset, _ = DataFolder(tmp_path).load()
    assert sources_sentence(dataset, "ru") == (
        "Мемориал: политзаключённые; ОВД-Инфо: уголовные преследования"
    )
    assert sources_sentence(dataset, "en") == (
        "Memorial: political prisoners; OVD-Info: criminal prosecutions"
    )
    memorial = next(s for s in dataset.sources if s.name == "memorial")
    assert memorial.organisation and memorial.url.startswith("https://")


def test_status_page_speaks_to_the_operator(tmp_path):
    """Defect: column names as in code, "value emptied or fixed" without saying which, an empty
    examples cell, literal backticks."""
    import json as json_

    from data.sources import DataFolder

    cards = [
        {"ID": "1", "name": "Иванов Иван Иванович", "clauses": ["207.3 ч.2", "два эпизода"],
         "tags": ["загадочная метка"], "main": "", "sourceUrl": "javascript:alert(1)"},
    ]  # fmt: skip
    (tmp_path / "cards.json").write_text(json_.dumps(cards, ensure_ascii=False), encoding="utf-8")
    dataset, reports = DataFolder(tmp_path).load()
    en = json.dumps(
        page(dataset, FilterState(), "en", "/status", reports),
        ensure_ascii=False,
        cls=plotly.utils.PlotlyJSONEncoder,
    )
    assert "Region of prosecution" in en and "Card tags" in en and "Articles of the Criminal" in en
    assert "region set to “unknown”" in en and "tag ignored" in en and "left empty" in en
    assert "this article left out, the others kept" in en
    assert "value emptied or fixed" not in en and "`" not in en
    report = reports[0]
    region = next(i for i in report.issues if i.column == "region_code")
    assert region.value == "загадочная метка"  # the tags it was looked for in, never blank
