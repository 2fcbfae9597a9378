"""What the callbacks share: the dataset of the app, the language of the URL, the filter inputs."""

from __future__ import annotations

from urllib.parse import parse_qs

from dash import Dash, Input

from components import ids
from components.filters import month_starts, state_from_inputs
from components.i18n import normalise_language
from data.dataset import Dataset, DatasetRepository
from data.filters import FilterState
from data.query import filter_options

REPOSITORY_KEY = "politprisoners.dataset_repository"

# Order matters: it is the order of `state_from_inputs`' arguments.
FILTER_INPUTS = [
    Input(ids.FILTER_ARTICLE, "value"),
    Input(ids.FILTER_REGION, "value"),
    Input(ids.FILTER_PERIOD, "value"),
    Input(ids.FILTER_PUNISHMENT, "value"),
    Input(ids.FILTER_STATUS, "value"),
    Input(ids.FILTER_GENDER, "value"),
    Input(ids.FILTER_CASE_GROUP, "value"),
    Input(ids.UNIT, "value"),
]


def attach_repository(app: Dash, repository: DatasetRepository) -> None:
    """Keep the app's data with the app (not in a module global), so two apps never share it."""
    app.server.extensions[REPOSITORY_KEY] = repository


def repository(app: Dash) -> DatasetRepository:
    return app.server.extensions[REPOSITORY_KEY]


def language(search: str | None) -> str:
    """The language asked for in the URL ('?lang=en'); Russian otherwise."""
    values = parse_qs((search or "").lstrip("?")).get("lang")
    return normalise_language(values[-1] if values else None)


def filter_state(dataset: Dataset, values: tuple, granularity: str | None = None) -> FilterState:
    """The FilterState for the values of FILTER_INPUTS (in order), plus the timeline step."""
    months = month_starts(filter_options(dataset))
    return state_from_inputs(*values, granularity=granularity, months=months)
