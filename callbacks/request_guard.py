"""Callback requests checked before Dash reads them: a body that is not what the page sends (not
a JSON object, a callback that does not exist or runs in the browser, inputs that are not a list
of properties) is answered 400 with what is wrong, where Dash's own reading failed with a 500.
A body over MAX_BODY_BYTES is refused (413) before anything reads it.

Values inside a well-formed body are the callbacks' to judge (a hand-made sort or page is
ignored there, see callbacks/table.py).
"""

from __future__ import annotations

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


def body_problem(body: object, callback_map: dict) -> str | None:
    """What is wrong with a callback request's body, in English; None when it is well formed."""
    if not isinstance(body, dict):
        return "the body is not a JSON object"
    output = body.get("output")
    if not isinstance(output, str) or "callback" not in callback_map.get(output, {}):
        return "no server callback has this output"
    outputs = body.get("outputs")
    if not (
        _is_property(outputs) or (isinstance(outputs, list) and all(map(_is_property, outputs)))
    ):
        return "'outputs' is not a property or a list of properties"
    for key in ("inputs", "state"):
        items = body.get(key, [])
        if not isinstance(items, list) or not all(map(_is_property, items)):
            return f"'{key}' is not a list of properties"
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
        problem = body_problem(request.get_json(silent=True), app.callback_map)
        if problem is None:
            return None
        return Response(f"Bad callback request: {problem}.", status=400, mimetype="text/plain")
