"""The baseline: the same filters done the plain way, as in plotly's sample apps.

The raw rows are read into one pandas frame of object columns at start; each callback filters
it with `isin` and boolean indexing, hands the raw rows to plotly express (`px.histogram` ships
every value to the browser; `px.choropleth` embeds the GeoJSON in every figure) and serves a
table page by sorting the filtered frame. It answers the same inputs (component ids) as the
dashboard, so the benchmark replays the same steps through its own test client. Benchmarks
only: never imported by the app.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import dash_ag_grid as dag
import pandas as pd
import plotly.express as px
from dash import Dash, Input, Output, State, dcc, html, no_update

from components import ids

ROOT = Path(__file__).resolve().parent.parent
GEOJSON = ROOT / "assets" / "geo" / "regions.geojson"
DATES = ("custody_date", "persecution_start", "verdict_date")
SORTS = {
    "name": "name",
    "region": "region_code",
    "articles": "articles_text",
    "custody_date": "custody_date",
    "sentence": "sentence_months",
    "status": "status",
    "cases": "case_id",
}
FILTERS = [
    Input(ids.FILTER_ARTICLE, "value"),
    Input(ids.FILTER_REGION, "value"),
    Input(ids.FILTER_PERIOD, "value"),
    Input(ids.FILTER_PUNISHMENT, "value"),
    Input(ids.UNIT, "value"),
]
FILTER_STATES = [State(i.component_id, i.component_property) for i in FILTERS]


def article_key(article: str) -> str:
    """'207.3 ч.2' -> '207.3'; '30 ч.1 - 278' -> '278'."""
    return re.split(r"\s+", article.split(" - ")[-1].strip())[0]


def read_rows(path: Path) -> pd.DataFrame:
    """The raw rows, as a sample app reads a CSV: text columns as Python objects."""
    frame = pd.read_parquet(path)
    for column in frame.columns:
        if column not in DATES and not pd.api.types.is_numeric_dtype(frame[column]):
            frame[column] = frame[column].astype(object)
    frame["articles_text"] = frame["articles"].map(lambda items: ", ".join(items))
    return frame


def month_start(month: int) -> pd.Timestamp:
    return pd.Timestamp(year=month // 12, month=month % 12 + 1, day=1)


def filtered(frame: pd.DataFrame, span: tuple[int, int], articles, regions, period, punishments):
    rows = frame
    if articles:
        wanted = set(articles)
        charged = rows["articles"].map(lambda items: any(article_key(a) in wanted for a in items))
        rows = rows[charged]
    if regions:
        rows = rows[rows["region_code"].isin(regions)]
    if punishments:
        rows = rows[rows["punishment_type"].isin(punishments)]
    if period and len(period) == 2:
        low, high = sorted(min(max(int(v), span[0]), span[1]) for v in period)
        if low > span[0] or high < span[1]:
            dates = rows["custody_date"]
            keep = dates.notna()
            if low > span[0]:
                keep &= dates >= month_start(low)
            if high < span[1]:
                keep &= dates < month_start(high + 1)
            rows = rows[keep]
    return rows


def per_unit(rows: pd.DataFrame, unit: str | None) -> pd.DataFrame:
    return rows.drop_duplicates(["source", "person_id"]) if unit != "prosecutions" else rows


def create_baseline_app(path: Path) -> Dash:
    frame = read_rows(path)
    geojson = json.loads(GEOJSON.read_text())
    dated = pd.concat([frame[c].dropna() for c in DATES])
    span = (
        dated.min().year * 12 + dated.min().month - 1,
        dated.max().year * 12 + dated.max().month - 1,
    )
    app = Dash(__name__, suppress_callback_exceptions=True)
    app.layout = html.Div(
        [
            dcc.Location(id=ids.URL),
            dcc.Dropdown(id=ids.FILTER_ARTICLE, multi=True, value=[]),
            dcc.Dropdown(id=ids.FILTER_REGION, multi=True, value=[]),
            dcc.RangeSlider(id=ids.FILTER_PERIOD, min=span[0], max=span[1], value=list(span)),
            dcc.Dropdown(id=ids.FILTER_PUNISHMENT, multi=True, value=[]),
            dcc.RadioItems(id=ids.UNIT, options=["persons", "prosecutions"], value="persons"),
            html.Div(id=ids.COUNT_PERSONS),
            html.Div(id=ids.COUNT_PROSECUTIONS),
            dcc.Graph(id=ids.TIMELINE),
            dcc.Graph(id=ids.SENTENCES),
            dcc.Graph(id=ids.MAP),
            dcc.Store(id=ids.TABLE_REFRESH),
            dag.AgGrid(id=ids.TABLE, rowModelType="infinite", columnDefs=[]),
        ]
    )

    def select(articles, regions, period, punishments) -> pd.DataFrame:
        return filtered(frame, span, articles, regions, period, punishments)

    @app.callback(
        Output(ids.COUNT_PERSONS, "children"),
        Output(ids.COUNT_PROSECUTIONS, "children"),
        Output(ids.TIMELINE, "figure"),
        Output(ids.SENTENCES, "figure"),
        *FILTERS,
    )
    def update_overview(articles, regions, period, punishments, unit):
        rows = select(articles, regions, period, punishments)
        persons = len(rows.drop_duplicates(["source", "person_id"]))
        counted = per_unit(rows, unit)
        timeline = px.histogram(counted, x="custody_date", title="By month")
        real = rows[(rows["punishment_type"] == "imprisonment") & rows["sentence_months"].notna()]
        if unit != "prosecutions":
            real = real.sort_values("sentence_months", ascending=False)
            real = real.drop_duplicates(["source", "person_id"])
        real = real.assign(years=real["sentence_months"] / 12, regime=real["regime"].fillna("?"))
        sentences = px.histogram(real, x="years", color="regime", nbins=26)
        return str(persons), str(len(rows)), timeline, sentences

    @app.callback(Output(ids.MAP, "figure"), *FILTERS)
    def update_map(articles, regions, period, punishments, unit):
        # The map shows every region, the selected ones outlined: counted without them.
        rows = select(articles, [], period, punishments)
        counts = per_unit(rows, unit).groupby("region_code").size().reset_index(name="count")
        figure = px.choropleth(
            counts,
            geojson=geojson,
            locations="region_code",
            featureidkey="properties.code",
            color="count",
            color_continuous_scale="Reds",
        )
        figure.update_geos(fitbounds="locations", visible=False)
        return figure

    @app.callback(Output(ids.TABLE_REFRESH, "data"), *FILTERS, prevent_initial_call=True)
    def refresh_rows(articles, regions, period, punishments, unit):
        return json.dumps([articles, regions, period, punishments, unit])

    @app.callback(
        Output(ids.TABLE, "getRowsResponse"),
        Input(ids.TABLE, "getRowsRequest"),
        *FILTER_STATES,
    )
    def serve_rows(request, articles, regions, period, punishments, unit):
        if not isinstance(request, dict):
            return no_update
        rows = per_unit(select(articles, regions, period, punishments), unit)
        for sort in reversed(request.get("sortModel") or []):
            column = SORTS.get(sort.get("colId"), "name")
            rows = rows.sort_values(column, ascending=sort.get("sort") != "desc", kind="stable")
        start = int(request.get("startRow") or 0)
        page = rows.iloc[start : start + 20]
        shown = page[["name", "region_code", "articles_text", "custody_date", "status"]]
        records = json.loads(shown.to_json(orient="records", date_format="iso"))
        return {"rowData": records, "rowCount": len(rows)}

    return app
