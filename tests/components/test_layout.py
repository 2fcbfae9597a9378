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
    expected = {v for k, v in vars(ids).items() if k.isupper()}
    expected -= {ids.URL, ids.FILTER_MEMORY, ids.DOCUMENT_META, ids.PAGE}  # in the shell
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
