"""Post a callback to a Dash app through Flask's test client, as the browser would."""

from __future__ import annotations

from typing import Any


def dependencies(client) -> list[dict]:
    response = client.get("/_dash-dependencies")
    assert response.status_code == 200
    return response.get_json()


def payload(spec: dict, values: dict[str, Any], changed: list[str] | None = None) -> dict:
    """The body the renderer posts for the callback `spec` (one of /_dash-dependencies), with
    `values` ("id.property" -> value; missing ones None)."""
    outputs = [
        {"id": part.rsplit(".", 1)[0], "property": part.rsplit(".", 1)[1]}
        for part in spec["output"].strip(".").split("...")
    ]

    def filled(items: list[dict]) -> list[dict]:
        return [{**item, "value": values.get(f"{item['id']}.{item['property']}")} for item in items]

    return {
        "output": spec["output"],
        "outputs": outputs if len(outputs) > 1 else outputs[0],
        "inputs": filled(spec["inputs"]),
        "state": filled(spec["state"]),
        "changedPropIds": changed or [],
    }


def post(
    client,
    output_starts_with: str,
    values: dict[str, Any],
    changed: list[str] | None = None,
    headers: dict[str, str] | None = None,
    base_url: str = "http://localhost",
):
    """The raw HTTP response of firing the callback (see `call`); `headers` go with the POST,
    to `base_url` (its scheme and host)."""
    spec = next(d for d in dependencies(client) if d["output"].startswith(output_starts_with))
    response = client.post(
        "/_dash-update-component",
        json=payload(spec, values, changed),
        headers=headers or {},
        base_url=base_url,
    )
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return response


def call(
    client, output_starts_with: str, values: dict[str, Any], changed: list[str] | None = None
) -> dict[str, dict[str, Any]]:
    """Fire the callback whose output spec starts with `output_starts_with`.

    `values` maps "id.property" to the value of each input and state (missing ones are None).
    Returns {component id: {property: value}}.
    """
    return post(client, output_starts_with, values, changed).get_json()["response"]
