"""The map: redraw on a change of view, basis or unit; otherwise recolour with a Patch.
Clicking a region toggles it in the region filter of the map's basis."""

from __future__ import annotations

from dash import Dash, Input, Output, State, no_update

from callbacks.common import FILTER_INPUTS, filter_state, language, repository
from components import ids
from components.counters import lists_suffix
from components.figures.map import (
    legend_entries,
    legend_title,
    map_caption,
    map_figure,
    map_patch,
)
from components.map import MapAssets, map_legend
from components.summaries import map_summary
from data.filters import FilterState
from data.query import counters, map_breaks, map_selection, region_counts


def drawn_key(state: FilterState, lang: str, breaks: tuple) -> str:
    """What the drawn figure was built for; a change of any of it needs a new figure (geometry,
    legend title, colour classes, language), anything else only recolours it. The classes are
    in it because a reloaded dataset may bring others."""
    return f"{state.view}|{state.basis}|{state.unit}|{state.measure}|{lang}|{breaks}"


def _toggle(selected: list | None, code: str) -> list:
    chosen = list(selected) if isinstance(selected, list) else []
    return [c for c in chosen if c != code] if code in chosen else [*chosen, code]


def register(app: Dash) -> None:
    repo = repository(app)
    assets = MapAssets.of(app)

    @app.callback(
        Output(ids.MAP, "figure"),
        Output(ids.MAP_CAPTION, "children"),
        Output(ids.MAP_SUMMARY, "children"),
        Output(ids.MAP_DRAWN, "data"),
        Output(ids.MAP_LEGEND, "children"),
        *FILTER_INPUTS,
        Input(ids.MAP_VIEW, "value"),
        Input(ids.MAP_BASIS, "value"),
        Input(ids.MAP_MEASURE, "value"),
        State(ids.URL, "search"),
        State(ids.MAP_DRAWN, "data"),
    )
    def update_map(*values: object) -> tuple:
        *filters, view, basis, measure, search, drawn = values
        lang = language(search)
        dataset = repo.current()
        view_options = {ids.MAP_VIEW: view, ids.MAP_BASIS: basis, ids.MAP_MEASURE: measure}
        state = filter_state(dataset, tuple(filters), None, **view_options)
        selected, unselected = map_selection(state)
        counts, measure = region_counts(dataset, unselected), state.measure
        breaks = map_breaks(dataset, state)  # the same for every filter: a Patch keeps them
        key = drawn_key(state, lang, breaks)
        if key != drawn:  # a new page, view, basis, unit, measure or language: the whole figure
            geojson = assets.geojson(state.view)
            figure = map_figure(counts, lang, state.view, geojson, selected, measure, breaks)
            legend = map_legend(
                legend_title(counts, measure, lang), legend_entries(breaks, measure, lang)
            )
        else:  # the same figure with other numbers: recolour it; the legend stays
            figure = map_patch(counts, lang, state.view, selected, measure, breaks)
            legend = no_update
        caption = lists_suffix(
            map_caption(counts, lang, measure), counters(dataset, unselected), lang
        )
        return figure, caption, map_summary(counts, lang), key, legend

    @app.callback(
        Output(ids.FILTER_REGION, "value", allow_duplicate=True),
        Output(ids.FILTER_HELD_REGION, "value", allow_duplicate=True),
        Output(ids.MAP, "clickData"),
        Input(ids.MAP, "clickData"),
        State(ids.FILTER_REGION, "value"),
        State(ids.FILTER_HELD_REGION, "value"),
        State(ids.MAP_BASIS, "value"),
        prevent_initial_call=True,
    )
    def click_region(
        click: dict | None, regions: list | None, held: list | None, basis: str | None
    ) -> tuple:
        points = click.get("points") if isinstance(click, dict) else None
        point = points[0] if isinstance(points, list) and points else None
        code = point.get("location") if isinstance(point, dict) else None
        # clickData is emptied after each click: a second click on the same region is then a
        # change, and removes the region again.
        if not code or not isinstance(code, str):
            return no_update, no_update, None
        if basis == "imprisonment":
            return no_update, _toggle(held, code), None
        return _toggle(regions, code), no_update, None

    @app.callback(
        Output(ids.FILTER_REGION, "value", allow_duplicate=True),
        Output(ids.FILTER_HELD_REGION, "value", allow_duplicate=True),
        Input(ids.MAP_CLEAR, "n_clicks"),
        prevent_initial_call=True,
    )
    def clear_regions(_clicks: int | None) -> tuple:
        return [], []
