"""The compare and history pages, their embed and downloads, over HTTP on two invented lists with
three snapshots of one of them (data.demo_lists), checked against data.compare and
data.history."""

import csv
import html
import io
import json
import re

import pytest

from app import AppConfig, create_app
from callbacks.common import repository
from components import ids
from data.compare import compare_lists
from data.demo_lists import write_demo_lists
from data.filters import FilterState
from data.history import list_history
from tests.callbacks.dash_client import call


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lists")
    write_demo_lists(folder, rows=1200, seed=5)
    return create_app(AppConfig(data_path=folder))


@pytest.fixture()
def client(app):
    return app.server.test_client()


def page_text(client, path: str, search: str) -> str:
    values = {f"{ids.URL}.pathname": path, f"{ids.URL}.search": search}
    response = call(client, f"..{ids.PAGE}", values)
    return json.dumps(response[ids.PAGE]["children"], ensure_ascii=False)


def fmt(n: int, lang: str) -> str:
    return f"{n:,}".replace(",", "\u00a0" if lang == "ru" else ",")


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_compare_page_shows_the_comparisons_numbers(app, client, lang):
    dataset = repository(app).current()
    result = compare_lists(dataset, FilterState())
    assert result.both and result.only_left and result.only_right
    text = page_text(client, "/compare", f"?lang={lang}")
    for n in (result.both, result.only_left, result.only_right, result.total):
        assert f'"{fmt(n, lang)}"' in text
    assert ("Как составлены списки" if lang == "ru" else "How the lists are made") in text
    assert ("ПАСЕ" if lang == "ru" else "PACE 2012") in text
    assert f"/embed/compare?lang={lang}" in text


def test_the_compare_page_follows_the_filters(app, client):
    dataset = repository(app).current()
    result = compare_lists(dataset, FilterState(articles=("207.3",)))
    text = page_text(client, "/compare", "?article=207.3&lang=en")
    assert f'"{fmt(result.total, "en")}"' in text
    assert result.total < compare_lists(dataset, FilterState()).total


def test_the_compare_embed_and_its_csv(app, client):
    dataset = repository(app).current()
    result = compare_lists(dataset, FilterState())
    page = client.get("/embed/compare?lang=en")
    assert page.status_code == 200
    body = page.get_data(as_text=True)
    assert "frame-ancestors *" in page.headers["Content-Security-Policy"]
    link = re.search(r'<p class="pp-link"><a href="([^"]+)"', body).group(1)
    assert html.unescape(link) == "http://localhost/compare?lang=en"
    counters = re.findall(r"<dd>([^<]+)</dd>", body)
    assert counters == [
        fmt(result.both, "en"),
        fmt(result.only_left, "en"),
        fmt(result.only_right, "en"),
    ]
    rows = list(
        csv.reader(io.StringIO(client.get("/download/compare.csv?lang=en").get_data(as_text=True)))
    )
    header = next(i for i, row in enumerate(rows) if row and row[0] == "Breakdown")
    total = rows[header + 1]
    assert total[3:] == [str(result.both), str(result.only_left), str(result.only_right)]
    years = [r for r in rows[header + 1 :] if r and r[0] == "By year of arrest"]
    assert len(years) == len(result.by_year)


def test_one_list_only_persons_download(app, client):
    dataset = repository(app).current()
    result = compare_lists(dataset, FilterState())
    response = client.get("/download/compare_right.csv?lang=en")
    assert response.status_code == 200
    assert "only_ovdinfo" in response.headers["Content-Disposition"]
    ids_listed = [r[0] for r in csv.reader(io.StringIO(response.get_data(as_text=True))) if r]
    assert {p.person_id for p in result.only_right_persons} <= set(ids_listed)
    assert client.get("/download/compare_middle.csv").status_code == 404


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_history_page_shows_each_change(app, client, lang):
    history = list_history(repository(app).current(), "memorial")
    assert len(history.snapshots) == 3 and len(history.changes) == 2
    text = page_text(client, "/history", f"?lang={lang}")
    for snapshot in history.snapshots:
        assert f'"{fmt(snapshot.persons, lang)}"' in text
    last = history.changes[-1]
    assert (
        f"{fmt(len(last.added), lang)} added"
        if lang == "en"
        else f"добавлено {fmt(len(last.added), lang)}"
    ) in text
    assert last.removed and last.removed[0].name in text


def test_pages_in_the_navigation_keep_the_view(client):
    values = {f"{ids.URL}.pathname": "/compare", f"{ids.URL}.search": "?article=207.3&lang=en"}
    response = call(client, f"..{ids.PAGE}", values)
    assert response[ids.DOCUMENT_META]["data"]["title"].startswith("Compare")
    text = json.dumps(response[ids.PAGE]["children"])
    assert '"/history?article=207.3&lang=en"' in text


def test_each_comparison_chart_has_its_whole_table_behind_a_switch(app, client):
    dataset = repository(app).current()
    result = compare_lists(dataset, FilterState())
    text = page_text(client, "/compare", "?lang=en")
    assert text.count('"Show as table"') == 3
    assert text.count('"type": "Details"') >= 3
    # Every row of each breakdown (the charts draw only the largest), and a header row each.
    rows = len(result.by_region) + len(result.by_article) + len(result.by_year)
    assert len(result.by_region) > 10
    assert text.count('"type": "Tr"') == rows + 3
    assert "The two lists hold" in text  # the comparison in a sentence
