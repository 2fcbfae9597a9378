"""Malformed callback requests get a 400 naming what is wrong, never a 500 (issue 13, in part);
a body over the limit gets a 413 before anything reads it."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from callbacks.request_guard import MAX_BODY_BYTES
from components import ids
from tests.callbacks.dash_client import payload, post
from tests.callbacks.test_http import filter_values

ENDPOINT = "/_dash-update-component"
GRID = {"id": ids.TABLE, "property": "paginationGoTo"}


@pytest.mark.parametrize(
    ("body", "says"),
    [
        (b"not json", "not a JSON object"),
        (b"[]", "not a JSON object"),
        (b"{}", "no server callback"),
        (b'{"output": 5}', "no server callback"),
        (b'{"output": "nope.children", "outputs": {}, "inputs": []}', "no server callback"),
        # A clientside callback's output: Dash's own lookup failed with a KeyError (500).
        (json.dumps({"output": f"{ids.TABLE}.paginationGoTo", "outputs": GRID}).encode(), "no"),
    ],
)
def test_a_malformed_body_is_a_400_that_says_why(client, body, says):
    response = client.post(ENDPOINT, data=body, content_type="application/json")
    assert response.status_code == 400
    assert says in response.get_data(as_text=True)


def test_wrong_shapes_inside_a_real_callbacks_body_are_400s(client):
    """A body the page sends passes; the same body with one part broken is a 400 that says
    which part."""
    real = client.get("/_dash-dependencies").get_json()
    spec = next(d for d in real if d["output"].startswith(f"..{ids.COUNT_PERSONS}"))
    good = payload(spec, filter_values())
    assert client.post(ENDPOINT, json=good).status_code == 200
    for broken, says in (
        ({"inputs": "zz"}, "'inputs' is not a list of properties"),
        ({"inputs": [1, 2]}, "'inputs' is not a list of properties"),
        ({"inputs": good["inputs"][:-1]}, "'inputs' are not this callback's inputs"),
        ({"inputs": good["inputs"][::-1]}, "'inputs' are not this callback's inputs"),
        ({"state": {"id": "x"}}, "'state' is not a list of properties"),
        ({"state": []}, "'state' are not this callback's state"),
        ({"outputs": "x"}, "'outputs' is not a list of properties"),
        ({"outputs": good["outputs"][:1]}, "'outputs' are not this callback's outputs"),
        ({"changedPropIds": [{"x": 1}]}, "'changedPropIds' is not a list of names"),
    ):
        response = client.post(ENDPOINT, json={**good, **broken})
        assert response.status_code == 400, broken
        assert says in response.get_data(as_text=True), broken


def test_a_body_over_the_limit_is_refused_unread(client):
    response = client.post(
        ENDPOINT, data=b"x" * (MAX_BODY_BYTES + 1), content_type="application/json"
    )
    assert response.status_code == 413


def test_the_page_s_own_requests_still_pass(client):
    values = filter_values(**{f"{ids.FILTER_ARTICLE}.value": ["207.3"]})
    assert post(client, f"..{ids.COUNT_PERSONS}", values).status_code == 200


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    body=st.dictionaries(
        st.sampled_from(["output", "outputs", "inputs", "state", "changedPropIds", "x"]),
        json_values,
        max_size=6,
    )
)
def test_any_json_body_gets_an_answer_not_a_500(client, body):
    response = client.post(ENDPOINT, json=body)
    assert response.status_code < 500


# Values of the kinds the page really sends, out of range or of the wrong kind: what a hand-made
# request or a stale page could put into a well-formed body.
plausible_values = (
    json_values
    | st.lists(st.sampled_from(["207.3", "280.3", "MOW", "SPE", "life", "", "x" * 300]))
    | st.lists(st.integers(min_value=-(10**12), max_value=10**12), max_size=3)
    | st.fixed_dictionaries(
        {
            "startRow": st.integers(-(10**9), 10**9) | st.text(max_size=3),
            "endRow": st.integers(-(10**9), 10**9) | st.none(),
            "sortModel": st.lists(
                st.fixed_dictionaries(
                    {"colId": json_values, "sort": st.sampled_from(["asc", "desc", "up", ""])}
                ),
                max_size=3,
            ),
        }
    )
    | st.fixed_dictionaries({"points": st.lists(json_values, max_size=2)})
    | st.sampled_from(["?lang=en&article=999.9", "?period=1800-01..9999-12", "/person/x/y"])
)


def _server_callbacks(client) -> list[dict]:
    return [
        d for d in client.get("/_dash-dependencies").get_json() if not d.get("clientside_function")
    ]


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_values_in_a_real_callbacks_body_never_answer_500(client, data):
    """Every server callback, with each input and state given a value of any kind: the answer
    is a 200 (the value ignored or read leniently) or a 4xx, never a 500."""
    spec = data.draw(st.sampled_from(_server_callbacks(client)), label="callback")
    names = [f"{i['id']}.{i['property']}" for i in (*spec["inputs"], *spec["state"])]
    body = payload(spec, {name: data.draw(plausible_values) for name in names}, names[:1])
    response = client.post(ENDPOINT, json=body)
    assert response.status_code < 500, response.get_data(as_text=True)[:300]
