"""Drive a Dash app's callbacks the way its renderer does, through a Flask test client.

The client reads `/_dash-dependencies` (every callback's outputs, inputs and state), keeps the
value of every component property the page holds, and on a change fires each server callback
whose inputs changed, with the payload the renderer sends (`output`, `outputs`, `inputs`,
`state`, `changedPropIds`); the props a callback returns fire the callbacks that depend on them,
round after round, as in the browser. Clientside callbacks do not reach the server; the one
that matters for a filter change (the grid drops its rows and asks for its first page again) is
modelled by `after_round` hooks.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

UPDATE_URL = "/_dash-update-component"
MAX_ROUNDS = 6


def prop_key(component_id: str, prop: str) -> str:
    return f"{component_id}.{prop.split('@')[0]}"


def _split(output: str) -> list[tuple[str, str]]:
    """'..a.b...c.d@x..' or 'a.b' -> [(id, property as the callback names it)]."""
    if output.startswith("..") and output.endswith(".."):
        parts = output[2:-2].split("...")
    else:
        parts = [output]
    return [tuple(part.rsplit(".", 1)) for part in parts]  # type: ignore[misc]


@dataclass(frozen=True)
class Callback:
    output: str  # the callback's key, as the renderer sends it
    outputs: tuple[tuple[str, str], ...]
    inputs: tuple[tuple[str, str], ...]
    state: tuple[tuple[str, str], ...]
    multi: bool
    prevent_initial_call: bool

    @property
    def name(self) -> str:
        """A short readable name: its first output."""
        first = self.outputs[0]
        return f"{first[0]}.{first[1].split('@')[0]}" + ("+" if len(self.outputs) > 1 else "")

    @classmethod
    def of(cls, spec: dict) -> Callback:
        return cls(
            output=spec["output"],
            outputs=tuple(_split(spec["output"])),
            inputs=tuple((i["id"], i["property"]) for i in spec["inputs"]),
            state=tuple((s["id"], s["property"]) for s in spec.get("state", [])),
            multi=spec["output"].startswith(".."),
            prevent_initial_call=bool(spec.get("prevent_initial_call")),
        )


@dataclass
class Call:
    """One callback request: its name, wall time, response size and status."""

    name: str
    seconds: float
    response_bytes: int
    status: int
    payload: dict = field(repr=False)


def walk_layout(node: object, values: dict[str, object], components: set[str]) -> None:
    """Collect every prop of every component with an id in a serialised layout (a component
    drawn anew replaces the values its id had)."""
    if isinstance(node, list):
        for item in node:
            walk_layout(item, values, components)
        return
    if not isinstance(node, dict):
        return
    props = node.get("props") if "type" in node and "namespace" in node else None
    if isinstance(props, dict):
        component_id = props.get("id")
        if isinstance(component_id, str):
            components.add(component_id)
            for prop, value in props.items():
                if prop != "id":
                    values[prop_key(component_id, prop)] = value
        for value in props.values():
            walk_layout(value, values, components)


class DashDriver:
    """The page's prop values and its server callbacks, for one app through one client."""

    def __init__(self, client, headers: dict | None = None) -> None:
        self.client = client
        self.headers = headers or {}
        deps = self._get_json("/_dash-dependencies")
        self.callbacks = [Callback.of(d) for d in deps if not d.get("clientside_function")]
        self.values: dict[str, object] = {}
        self.components: set[str] = set()
        self.after_round: list[Callable[[DashDriver, set[str]], set[str]]] = []
        self.calls: list[Call] = []
        # Set: every request body is made unique by a field Dash ignores, so that no cache of
        # whole responses (keyed by the body) answers it: the cold path, whatever caches exist.
        self.unique_bodies = False
        self._nonce = 0

    def _get_json(self, path: str) -> object:
        response = self.client.get(path, headers=self.headers)
        if response.status_code != 200:
            raise RuntimeError(f"GET {path}: {response.status_code}")
        return json.loads(response.get_data())

    def load_layout(self) -> None:
        walk_layout(self._get_json("/_dash-layout"), self.values, self.components)

    def payload(self, callback: Callback, changed: Iterable[str]) -> dict:
        def listed(pairs: tuple[tuple[str, str], ...]) -> list[dict]:
            return [
                {"id": i, "property": p, "value": self.values.get(prop_key(i, p))} for i, p in pairs
            ]

        outputs = [{"id": i, "property": p} for i, p in callback.outputs]
        return {
            "output": callback.output,
            "outputs": outputs if callback.multi else outputs[0],
            "inputs": listed(callback.inputs),
            "state": listed(callback.state),
            "changedPropIds": sorted(changed),
        }

    def post(self, callback: Callback, payload: dict) -> tuple[Call, dict[str, object]]:
        """One request; returns the call and the props the callback set."""
        if self.unique_bodies:
            self._nonce += 1
            body = json.dumps({**payload, "benchNonce": self._nonce})
        else:
            body = json.dumps(payload)
        start = time.perf_counter()
        response = self.client.post(
            UPDATE_URL,
            data=body,
            headers={**self.headers, "Content-Type": "application/json"},
        )
        data = response.get_data()  # a test client response is read in full here
        seconds = time.perf_counter() - start
        call = Call(callback.name, seconds, len(data), response.status_code, payload)
        returned: dict[str, object] = {}
        if response.status_code == 200:
            answer = json.loads(data)
            for component_id, props in (answer.get("response") or {}).items():
                for prop, value in props.items():
                    returned[prop_key(component_id, prop)] = value
        elif response.status_code != 204:  # 204: PreventUpdate, every output no_update
            raise RuntimeError(f"{callback.name}: HTTP {response.status_code}: {data[:300]!r}")
        return call, returned

    def fire(self, changed: dict[str, object], initial: bool = False) -> list[Call]:
        """Set `changed` props (as a reader's action does) and run every server callback that
        fires for it, round after round; returns the calls made. Components drawn by a
        callback (a page) fire their callbacks' initial calls, as in the renderer; `initial`:
        the whole layout is new (the page's first load)."""
        calls: list[Call] = []
        self.values.update(changed)
        pending, drawn = set(changed), set(self.components) if initial else set()
        for _round in range(MAX_ROUNDS):
            if not pending and not drawn:
                break
            returned: dict[str, object] = {}
            for callback in self.callbacks:
                keys = {prop_key(i, p) for i, p in callback.inputs}
                input_ids = {i for i, _ in callback.inputs}
                initial = (
                    not callback.prevent_initial_call
                    and bool(input_ids & drawn)
                    and input_ids <= self.components
                )
                if keys & pending or initial:
                    call, props = self.post(callback, self.payload(callback, keys & pending))
                    calls.append(call)
                    returned.update(props)
            self.values.update(returned)
            drawn = set()
            for value in returned.values():
                walk_layout(value, self.values, drawn)
            self.components |= drawn
            pending = set(returned)
            for hook in self.after_round:
                pending |= hook(self, pending)
        self.calls.extend(calls)
        return calls


def grid_refetch(grid_id: str, refresh_key: str, page_size: int):
    """The clientside callback that, on a new selection, sends the grid to its first page and
    drops its rows: the grid then asks the server for rows from 0 (getRowsRequest)."""

    def hook(driver: DashDriver, returned: set[str]) -> set[str]:
        if refresh_key in returned and driver.values.get(refresh_key):
            request = driver.values.get(prop_key(grid_id, "getRowsRequest")) or {}
            sort = request.get("sortModel", []) if isinstance(request, dict) else []
            key = prop_key(grid_id, "getRowsRequest")
            driver.values[key] = {
                "startRow": 0,
                "endRow": page_size,
                "sortModel": sort,
                "filterModel": {},
            }
            return {key}
        return set()

    return hook
