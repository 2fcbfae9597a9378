"""A person's page and card over HTTP."""

import html
import json

import pytest

from app import AppConfig, create_app
from callbacks.common import repository
from components import ids
from data.view_query import person_key, person_path
from tests.callbacks.dash_client import call
from tests.conftest import FIXTURES


def a_person(app) -> tuple[str, str, str]:
    row = repository(app).current().cases.iloc[0]
    return row["source"], row["person_id"], row["name"]


def test_the_person_page_renders_from_its_path(app, client):
    source, person_id, name = a_person(app)
    values = {
        f"{ids.URL}.pathname": f"/person/{source}/{person_id}",
        f"{ids.URL}.search": "?lang=en",
    }
    response = call(client, f"..{ids.PAGE}", values)
    text = json.dumps(response[ids.PAGE]["children"], ensure_ascii=False)
    assert name in text and "Back to the overview" in text
    assert response[ids.DOCUMENT_META]["data"]["title"].startswith(name)
    assert f"/embed/person/{source}/{person_id}?lang=en" in text


def test_an_unknown_person_is_a_page_that_says_so(client):
    values = {f"{ids.URL}.pathname": "/person/demo/nobody", f"{ids.URL}.search": "?lang=ru"}
    text = json.dumps(
        call(client, f"..{ids.PAGE}", values)[ids.PAGE]["children"], ensure_ascii=False
    )
    assert "Такого человека нет в загруженных списках" in text


def test_the_card_embeds_and_only_the_card_may_be_framed(app, client):
    source, person_id, name = a_person(app)
    response = client.get(f"/embed/person/{source}/{person_id}?lang=ru")
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert name in body and "Демонстрационные данные" in body
    assert "frame-ancestors *" in response.headers["Content-Security-Policy"]
    page = client.get(f"/person/{source}/{person_id}")
    assert "frame-ancestors 'self'" in page.headers["Content-Security-Policy"]
    missing = client.get("/embed/person/demo/nobody")
    text = missing.get_data(as_text=True)
    assert missing.status_code == 404 and "No such person" in text and "Такого человека" in text
    assert "/embed/<chart>" not in text


# --- ids that are not plain words ----------------------------------------------------------------

ODD_IDS = ("a/b", "..", ".", "~..", "x?y#z", "50%", "Иван 1")


@pytest.fixture(scope="module")
def odd_app(tmp_path_factory):
    """Every odd id as a person of its own (each a copy of the sample's first row)."""
    folder = tmp_path_factory.mktemp("odd")
    lines = (FIXTURES / "canonical_sample.csv").read_text(encoding="utf-8").splitlines()
    header, first = lines[0], lines[1].split(",")
    rows = [header]
    for number, person_id in enumerate(ODD_IDS):
        rows.append(
            ",".join(
                [
                    f'"{person_id}"',
                    f"case-{number}",
                    *first[2:3],
                    f"Odd Person {number}",
                    *first[4:],
                ]
            )
        )
    (folder / "odd.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return create_app(AppConfig(data_path=folder))


@pytest.mark.parametrize("number", range(len(ODD_IDS)))
def test_every_id_has_a_page_and_a_card(odd_app, number):
    path = person_path("demo", ODD_IDS[number])
    assert person_key(path) == ("demo", ODD_IDS[number])
    client = odd_app.server.test_client()
    card = client.get(f"/embed/{path}?lang=en")
    assert card.status_code == 200, path
    body = card.get_data(as_text=True)
    assert f"Odd Person {number}" in body
    # The card's link to the page is the page's canonical path.
    assert html.escape(f"/{path}?lang=en") in body
    values = {f"{ids.URL}.pathname": f"/{path}", f"{ids.URL}.search": "?lang=en"}
    response = call(client, f"..{ids.PAGE}", values)
    assert response[ids.DOCUMENT_META]["data"]["title"].startswith(f"Odd Person {number}")


def test_a_path_that_only_looks_like_an_escape_is_nobody(odd_app):
    client = odd_app.server.test_client()
    assert client.get("/embed/person/demo/~~.").status_code == 404  # that would be "~."


def test_the_way_back_returns_to_the_view_the_reader_left(app, client):
    source, person_id, _ = a_person(app)
    values = {
        f"{ids.URL}.pathname": f"/{person_path(source, person_id)}",
        f"{ids.URL}.search": "?article=207.3&unit=prosecutions&page=2&lang=en",
    }
    text = json.dumps(call(client, f"..{ids.PAGE}", values)[ids.PAGE]["children"])
    assert '"/?article=207.3&unit=prosecutions&page=2&lang=en"' in text


def test_a_person_whose_id_has_a_slash_and_a_question_mark_has_a_page(tmp_path):
    """The id is part of the path, percent-encoded: '/' and '?' in it are the id's own."""
    text = (FIXTURES / "canonical_sample.csv").read_text(encoding="utf-8")
    (tmp_path / "list.csv").write_text(text.replace("demo-0001,", "a/1 ?#%,", 1), "utf-8")
    app = create_app(AppConfig(data_path=tmp_path / "list.csv", reload_seconds=3600))
    try:
        path = "/" + person_path("demo", "a/1 ?#%").lstrip("/")
        assert "%2F" in path and app.server.test_client().get(path).status_code == 200
        assert app.server.test_client().get("/embed" + path).status_code == 200
    finally:
        repository(app).watcher.stop()
