"""Callback requests checked before Dash reads them: a body that is not what the page sends (not
a JSON object, a callback that does not exist or runs in the browser, inputs that are not a list
of properties) is answered 400 with what is wrong, where Dash's own reading failed with a 500.
A body over MAX_BODY_BYTES is refused (413) before anything reads it.

Values inside a well-formed body are the callbacks' to judge (a hand-made sort or page is
ignored there, see callbacks/table.py).
"""

from __future__ import annotations

import json

from dash import Dash
from flask import Response, request

# The page's largest callback body (every filter, the grid's request, the URL) is a few KB.
MAX_BODY_BYTES = 1024 * 1024


def _is_property(item: object) -> bool:
    """{"id": ..., "property": ...}: one input, state or output as the renderer sends it."""
    return (
        isinstance(item, dict)
        and isinstance(item.get("id"), (str, dict))
        and isinstance(item.get("property"), str)
    )


def _name(item: dict) -> tuple[str, str]:
    return (json.dumps(item["id"], sort_keys=True), item["property"])


def body_problem(body: object, callback_map: dict) -> str | None:
    """What is wrong with a callback request's body, in English; None when it is well formed."""
    if not isinstance(body, dict):
        return "the body is not a JSON object"
    output = body.get("output")
    if not isinstance(output, str) or "callback" not in callback_map.get(output, {}):
        return "no server callback has this output"
    outputs = body.get("outputs")
    many = output.startswith("..")  # "..a.children...b.data..": several outputs
    if many:
        if not isinstance(outputs, list) or not all(map(_is_property, outputs)):
            return "'outputs' is not a list of properties"
        if len(outputs) != len(output.strip(".").split("...")):
            return "'outputs' are not this callback's outputs"
    elif not _is_property(outputs):
        return "'outputs' is not a property"
    spec = callback_map[output]
    for key in ("inputs", "state"):
        items = body.get(key, [])
        if not isinstance(items, list) or not all(map(_is_property, items)):
            return f"'{key}' is not a list of properties"
        # The app has no pattern-matching callback: each input is one named property.
        if [_name(i) for i in items] != [_name(i) for i in spec.get(key, [])]:
            return f"'{key}' are not this callback's {key}"
    changed = body.get("changedPropIds", [])
    if not isinstance(changed, list) or not all(isinstance(c, str) for c in changed):
        return "'changedPropIds' is not a list of names"
    return None


def guard_callback_requests(app: Dash) -> None:
    """Register the check; call it before anything else that reads callback bodies (the
    response cache)."""
    app.server.config["MAX_CONTENT_LENGTH"] = MAX_BODY_BYTES
    endpoint = f"{app.config.routes_pathname_prefix}_dash-update-component"

    @app.server.before_request
    def refuse_malformed_callbacks() -> Response | None:
        if request.method != "POST" or request.path != endpoint:
            return None
        if (request.content_length or 0) > MAX_BODY_BYTES:  # whatever its type says
            return Response("Request body too large.", status=413, mimetype="text/plain")
        problem = body_problem(request.get_json(silent=True), app.callback_map)
        if problem is None:
            return None
        return Response(f"Bad callback request: {problem}.", status=400, mimetype="text/plain")
