"""What the callbacks share: the dataset of the app, the language of the URL, the filter inputs."""

from __future__ import annotations

from dash import Dash, Input
from flask import g, request

from components import ids
from components.filters import Months, state_from_inputs
from data.dataset import Dataset, DatasetRepository
from data.filters import FilterState
from data.query import filter_options
from data.view_query import ViewQuery

REPOSITORY_KEY = "politprisoners.dataset_repository"
# The address readers reach the app at ("https://example.org/prisoners/"), where it is set.
PUBLIC_URL_KEY = "PUBLIC_URL"

# The filters a reader sets (reset clears exactly these).
FILTER_IDS = (
    ids.FILTER_SOURCE,
    ids.FILTER_ARTICLE,
    ids.FILTER_REGION,
    ids.FILTER_HELD_REGION,
    ids.FILTER_PERIOD,
    ids.FILTER_PUNISHMENT,
    ids.FILTER_STATUS,
    ids.FILTER_GENDER,
    ids.FILTER_CASE_GROUP,
)
FILTER_INPUTS = [
    *(Input(i, "value") for i in FILTER_IDS),
    Input(ids.UNIT, "value"),
    Input(ids.PERIOD_EXACT, "data"),
    Input(ids.PERIOD_BASIS, "value"),
]
_INPUT_IDS = (*FILTER_IDS, ids.UNIT, ids.PERIOD_EXACT, ids.PERIOD_BASIS)


def attach_repository(app: Dash, repository: DatasetRepository) -> None:
    """Keep the app's data with the app (not in a module global), so two apps never share it."""
    app.server.extensions[REPOSITORY_KEY] = repository


def repository(app: Dash) -> DatasetRepository:
    return app.server.extensions[REPOSITORY_KEY]


def language(search: str | None) -> str:
    """The language asked for in the URL ('?lang=en'); Russian otherwise. The same reading as
    the page's (ViewQuery.parse), so a grid and the page around it never differ in language."""
    return ViewQuery.parse(search).lang


def app_root(app: Dash) -> str:
    """The absolute address of the app's home page, with a trailing slash: the configured
    PUBLIC_URL where there is one (links in cached embeds and downloads then never depend on a
    request's Host header), else the address the request came to, with the app's mount path.
    A static export names its own for the pages it renders (flask.g)."""
    public = g.get(PUBLIC_URL_KEY) or app.server.config.get(PUBLIC_URL_KEY)
    if public:
        return public.rstrip("/") + "/"
    # The host only: the path comes from the app's own prefix, once (a proxy's
    # X-Forwarded-Prefix in request.url_root as well gave /prisoners/prisoners/).
    return request.host_url.rstrip("/") + app.get_relative_path("/")


def filter_state(
    dataset: Dataset, values: tuple, granularity: str | None = None, **view: object
) -> FilterState:
    """The FilterState for the values of FILTER_INPUTS (in order), the timeline step, and the
    map's view options by component id (ids.MAP_VIEW, ids.MAP_BASIS, ids.MAP_MEASURE) where a
    callback has them."""
    by_id = {**dict(zip(_INPUT_IDS, values, strict=True)), **view}
    return state_from_inputs(by_id, Months.of(filter_options(dataset)), granularity)
