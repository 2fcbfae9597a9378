"""Chart containers: a titled <figure> around the graph with a caption that says what is counted.

`dcc.Graph` takes no aria attributes (DESIGN.md), so the figure element carries the title and the
caption carries the definitions a reader needs.
"""

from __future__ import annotations

from dash import dcc, html

from components.figures.theme import blank_figure


def graph_config(lang: str) -> dict:
    return {
        "displaylogo": False,
        "responsive": True,
        "locale": lang,
        # A short modebar (download, zoom, reset): the full one covered a third of a phone's
        # chart width and the notes under it.
        "modeBarButtonsToRemove": [
            "select2d",
            "lasso2d",
            "autoScale2d",
            "sendDataToCloud",
            "pan2d",
            "zoomIn2d",
            "zoomOut2d",
        ],
        # Dash's default shows a "Share chart..." button that posts the chart to Plotly's cloud.
        "showSendToCloud": False,
        "showEditInChartStudio": False,
        "plotlyServerURL": "",
        "toImageButtonOptions": {"format": "png", "scale": 2},
    }


def chart_figure(
    graph_id: str,
    caption_id: str,
    title: str,
    lang: str,
    controls: object = None,
    tools: object = None,
    summary_id: str | None = None,
    table: object = None,
) -> html.Figure:
    """A chart's card: its title (the figure's name), the graph, and the figcaption: what the
    chart shows in words (`summary_id`, components.summaries: the figure's description, read
    by a screen reader for the graph) and how it counts (`caption_id`). `table`: its "show as
    table" switch (components.chart_table_view)."""
    summary_id = summary_id or f"{graph_id}-summary"
    header = [html.H2(title, className="h5 m-0", id=f"{graph_id}-title")]
    if controls is not None:
        header.append(html.Div(controls, className="chart-controls"))
    return html.Figure(
        [
            html.Div(header, className="chart-header"),
            # A responsive graph is 100% of its frame's height, which CSS sets (.chart-frame).
            html.Div(
                dcc.Graph(
                    id=graph_id,
                    figure=blank_figure(lang),
                    config=graph_config(lang),
                    className="chart-graph",
                    responsive=True,
                ),
                className="chart-frame",
            ),
            html.Figcaption(
                [
                    html.P(id=summary_id, className="chart-summary"),
                    html.Span(id=caption_id),
                ],
                className="chart-caption",
            ),
            table,
            tools,
        ],
        className="chart card card-body",
        **{"aria-labelledby": f"{graph_id}-title", "aria-describedby": summary_id},
    )
