"""The embed dialog: the code for the chart whose "Embed" was pressed, for the view on screen."""

from __future__ import annotations

from dash import Dash, Input, Output, State, ctx, no_update

from callbacks.common import app_root, repository
from components import ids
from components.chart_spec import chart_spec
from components.i18n import t
from components.map import MapAssets
from components.share import iframe_code
from data.query import filter_options
from data.view_query import ViewQuery

# The first height the iframe code gives, before embed.js sets the real one: about the height
# of each embed at a column's width, so a page without the script still shows it whole.
FIRST_HEIGHTS = {"map": 560, "timeline": 560, "sentences": 540, "counters": 420}


def register(app: Dash) -> None:
    repo = repository(app)
    assets = MapAssets.of(app)
    charts = {button: chart for chart, button in ids.EMBED_OPEN.items()}

    @app.callback(
        Output(ids.EMBED_MODAL, "is_open"),
        Output(ids.EMBED_TITLE, "children"),
        Output(ids.EMBED_CODE, "value"),
        Output(ids.EMBED_PREVIEW, "src"),
        *(Input(button, "n_clicks") for button in charts),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def open_embed(*values: object) -> tuple:
        chart = charts.get(ctx.triggered_id)
        if chart is None or not any(values[:-1]):
            return no_update, no_update, no_update, no_update
        dataset = repo.current()
        view = ViewQuery.parse(values[-1]).within(filter_options(dataset))
        spec = chart_spec(chart, dataset, view, assets)
        root = app_root(app)
        url = f"{root}embed/{chart}?{view.to_query()}"
        code = iframe_code(url, spec.title, FIRST_HEIGHTS[chart], root + "embed.js")
        return True, t("share.embed_dialog_of", view.lang, title=spec.title), code, url

    # The address as the browser has it (the URL the page keeps up to date), copied on click.
    app.clientside_callback(
        "function (clicks) { return window.location.href; }",
        Output(ids.COPY_LINK, "content"),
        Input(ids.COPY_LINK, "n_clicks"),
        prevent_initial_call=True,
    )
