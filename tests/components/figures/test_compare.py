"""The compare page's stacked bars (components.figures.compare) from small aggregates."""

from components.figures.compare import TOP_ROWS, breakdown_label, compare_figure
from data.compare import CompareRow

LISTS = ("Мемориал", "<b>ОВД</b>")


def test_the_largest_rows_are_drawn_top_down_in_three_parts():
    rows = tuple(CompareRow(f"k{i}", 20 - i, 1, 2) for i in range(TOP_ROWS + 3))
    figure = compare_figure(rows, "region", "en", LISTS, lambda k: f"<i>{k}</i>")
    assert [t["name"] for t in figure["data"]] == [
        "On both lists",
        "Only on Мемориал",
        "Only on &lt;b&gt;ОВД&lt;/b&gt;",
    ]
    both = figure["data"][0]
    assert len(both["y"]) == TOP_ROWS
    assert both["y"][-1] == "&lt;i&gt;k0&lt;/i&gt;"  # plotly draws the last category on top
    assert both["x"][-1] == 20 and both["orientation"] == "h"
    assert figure["layout"]["barmode"] == "stack"


def test_years_are_vertical_and_every_one_is_drawn():
    rows = tuple(CompareRow(str(2010 + i), i, 0, 1) for i in range(15))
    figure = compare_figure(rows, "year", "ru", LISTS, str)
    assert figure["data"][0]["x"] == [str(2010 + i) for i in range(15)]
    assert figure["data"][2]["y"] == [1] * 15


def test_nothing_to_draw_says_so():
    figure = compare_figure((), "region", "en", LISTS, str)
    assert figure["data"] == [] and figure["layout"]["annotations"]


def test_breakdown_keys_in_words():
    assert breakdown_label("region", "en")("RU-BA") == "Republic of Bashkortostan"
    assert breakdown_label("article", "ru")("207.3").startswith("207.3 — ")
    assert breakdown_label("year", "en")("2022") == "2022"
