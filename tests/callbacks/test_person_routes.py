"""A person's page and card over HTTP."""

import json

from callbacks.common import repository
from components import ids
from tests.callbacks.dash_client import call


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
    assert missing.status_code == 404 and "No such page" in missing.get_data(as_text=True)
