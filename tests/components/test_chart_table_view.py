"""A chart's numbers as an HTML table (components/chart_table_view.py)."""

import pandas as pd

from components.chart_table_view import data_table, is_open, readable, table_switch


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


def test_a_table_of_blanks_says_there_is_nothing_to_show():
    frame = pd.DataFrame({"Region": ["Moscow"], "Persons": pd.array([None], dtype="Int64")})
    shown = data_table(frame, "Persons by region", "en")
    assert shown.children == "Nothing to show in a table for this selection."


def test_the_map_reads_largest_first_without_codes():
    frame = pd.DataFrame(
        {
            "Code": ["RU-AD", "RU-MOW", "RU-SPE"],
            "Region": ["Adygea", "Moscow", "Saint Petersburg"],
            "Persons": pd.array([0, 120, 80], dtype="Int64"),
        }
    )
    shown = readable("map", frame)
    assert list(shown.columns) == ["Region", "Persons"]
    assert list(shown["Region"]) == ["Moscow", "Saint Petersburg", "Adygea"]
    assert readable("timeline", frame) is frame
