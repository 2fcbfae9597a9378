"""A chart's numbers as an HTML table (components/chart_table_view.py)."""

import pandas as pd

from components.chart_table_view import data_table, is_open, table_switch


def test_a_table_has_its_caption_headers_and_numbers_as_the_page_writes_them():
    frame = pd.DataFrame(
        {
            "Region": ["Moscow", "Tver Oblast"],
            "Persons": pd.array([1200, None], dtype="Int64"),
            "Per million": pd.array([97.25, None], dtype="Float64"),
        }
    )
    wrapper = data_table(frame, "Persons by region", "ru")
    assert wrapper.role == "region" and wrapper.tabIndex == "0"
    table = wrapper.children
    caption, head, body = table.children
    assert caption.children == "Persons by region"
    assert [th.children for th in head.children.children] == ["Region", "Persons", "Per million"]
    assert all(th.scope == "col" for th in head.children.children)
    first, second = ([td.children for td in row.children] for row in body.children)
    assert first == ["Moscow", "1\u00a0200", "97,2"] or first == ["Moscow", "1\u00a0200", "97,3"]
    assert second == ["Tver Oblast", "", ""]  # no data is an empty cell, never a zero


def test_the_switch_says_whether_its_table_is_shown():
    switch = table_switch("map", "en").children[0]
    assert switch.children == "Show as table"
    assert getattr(switch, "aria-expanded") == "false"
    assert getattr(switch, "aria-controls") == "map-table"
    assert [is_open(n) for n in (0, 1, 2, 3, None, True, "1")] == [
        False, True, False, True, False, False, False,
    ]  # fmt: skip
