"""The map section: the graph, its view and basis switches, a clear button, and the caption."""

from __future__ import annotations

from dataclasses import dataclass

import dash_bootstrap_components as dbc
from dash import Dash, dcc, html

from components import ids
from components.chart_table_view import table_switch
from components.charts import graph_config
from components.figures.theme import blank_figure
from components.filters import button_group
from components.i18n import t
from data.filters import BASES, MAP_VIEWS, MEASURES, FilterState


@dataclass(frozen=True)
class MapAssets:
    """Where the browser fetches the map's geometry: the app's own assets, by URL."""

    topojson: str = "/assets/topojson/"
    regions: str = "/assets/geo/regions.geojson"
    tiles: str = "/assets/geo/tiles.geojson"

    @classmethod
    def of(cls, app: Dash) -> MapAssets:
        return cls(
            app.get_asset_url("topojson/"),
            app.get_asset_url("geo/regions.geojson"),
            app.get_asset_url("geo/tiles.geojson"),
        )

    def geojson(self, view: str) -> str:
        return self.regions if view == "map" else self.tiles


def map_section(
    state: FilterState, lang: str, assets: MapAssets, tools: object = None
) -> html.Figure:
    controls = html.Div(
        [
            button_group(
                ids.MAP_VIEW,
                [{"label": t(f"map.view_{v}", lang), "value": v} for v in MAP_VIEWS],
                state.view,
                "secondary",
            ),
            button_group(
                ids.MAP_BASIS,
                [{"label": t(f"map.basis_{b}", lang), "value": b} for b in BASES],
                state.basis,
                "secondary",
            ),
            button_group(
                ids.MAP_MEASURE,
                [{"label": t(f"map.measure_{m}", lang), "value": m} for m in MEASURES],
                state.measure,
                "secondary",
            ),
            dbc.Button(
                t("map.clear", lang), id=ids.MAP_CLEAR, size="sm", color="link", className="p-0"
            ),
        ],
        className="chart-controls d-flex flex-wrap gap-2 align-items-center",
    )
    # plotly's base map comes from our own assets, never from a CDN (DESIGN.md).
    config = {**graph_config(lang), "topojsonURL": assets.topojson, "scrollZoom": False}
    return html.Figure(
        [
            html.Div(
                [
                    html.H2(t("map.title", lang), className="h5 m-0", id=f"{ids.MAP}-title"),
                    controls,
                ],
                className="chart-header",
            ),
            # A responsive graph is 100% of its frame's height, which CSS sets (.map-frame).
            html.Div(
                dcc.Graph(
                    id=ids.MAP,
                    figure=blank_figure(lang),
                    config=config,
                    className="map-graph",
                    responsive=True,
                ),
                className="map-frame",
            ),
            html.Div(id=ids.MAP_LEGEND, className="map-legend", **{"aria-live": "polite"}),
            dcc.Store(id=ids.MAP_DRAWN, data=None),
            html.Figcaption(
                [
                    html.P(id=ids.MAP_SUMMARY, className="chart-summary"),
                    html.Span(id=ids.MAP_CAPTION),
                    " ",
                    t("map.click_hint", lang),
                    " ",
                    html.Span(t("map.credit", lang)),
                ],
                className="chart-caption",
            ),
            table_switch("map", lang),
            tools,
        ],
        className="chart card card-body",
        **{"aria-labelledby": f"{ids.MAP}-title", "aria-describedby": ids.MAP_SUMMARY},
    )


def map_legend(title: str, entries: list[tuple[str, str]]) -> list:
    """The map's legend in HTML, under the map: what is counted, then a swatch per class. It
    wraps on a narrow screen, where a plotly colour bar took 40% of the map's width."""
    return [
        html.Span(title, className="map-legend-title"),
        html.Ul(
            [
                html.Li(
                    [html.Span(className="map-swatch", style={"background": colour}), label],
                    className="map-legend-item",
                )
                for colour, label in entries
            ],
            className="map-legend-items",
        ),
    ]
