"""Thin wiring: translate component values into a FilterState, call the query and the builders.

Each module has `register(app)`, using `app.callback` (never the global `dash.callback`, which binds
to the first app only; see DESIGN.md).
"""

from __future__ import annotations

from dash import Dash

from callbacks import chart_tables, map, overview, page, routes, share, table


def register_callbacks(app: Dash) -> None:
    page.register(app)
    overview.register(app)
    map.register(app)
    table.register(app)
    routes.register(app)
    share.register(app)
    chart_tables.register(app)
