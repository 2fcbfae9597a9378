"""The compare page (/compare): two lists side by side, with how each is made.

Drawn from the URL alone (the filters of the view; the source filter chooses the two lists), so a
link reproduces it, and its numbers are data.compare's, the same as its embed and CSV.
"""

from __future__ import annotations

from dash import dcc, html

from components.chart_table_view import data_table
from components.chart_tables import breakdown_table
from components.charts import graph_config
from components.figures.compare import TOP_ROWS, breakdown_label, compare_figure
from components.figures.theme import COMPARE_COLOURS
from components.i18n import MESSAGES, fmt_int, t
from components.provenance import pair_labels, source_labels
from components.share import embed_code, iframe_code
from components.summaries import compare_summary
from data.compare import Comparison, OneListPerson, compare_lists
from data.dataset import Dataset
from data.loader import http_url
from data.matching import OVERRIDES_FILE
from data.reference import region_label
from data.view_query import ViewQuery, person_path

SHOWN_PERSONS = 100  # names listed per list on the page; the CSV has every one
BREAKDOWNS = ("region", "article", "year")


def breakdown_rows(comparison: Comparison, kind: str) -> tuple:
    return {
        "region": comparison.by_region,
        "article": comparison.by_article,
        "year": comparison.by_year,
    }[kind]


def _number(value: int, label: str, part: str, lang: str) -> html.Div:
    return html.Div(
        [html.Div(fmt_int(value, lang), className="compare-number"), html.Div(label)],
        className=f"compare-part compare-{part}",
    )


def _legend(names: tuple[str, str], lang: str) -> html.Ul:
    """The charts' colours in words, once for the three charts (HTML: it wraps on a phone)."""
    labels = {
        "both": t("compare.both", lang),
        "only_left": t("compare.only", lang, list=names[0]),
        "only_right": t("compare.only", lang, list=names[1]),
    }
    return html.Ul(
        [
            html.Li(
                [
                    html.Span(className="map-swatch", style={"background": COMPARE_COLOURS[p]}),
                    label,
                ],
                className="map-legend-item",
            )
            for p, label in labels.items()
        ],
        className="map-legend-items compare-legend",
    )


def _chart(comparison: Comparison, kind: str, names: tuple[str, str], lang: str) -> html.Figure:
    rows = breakdown_rows(comparison, kind)
    notes = []
    if kind != "year" and len(rows) > TOP_ROWS:
        notes.append(t("compare.top", lang, n=TOP_ROWS))
    if kind == "year" and comparison.undated:
        notes.append(t("compare.undated", lang, n=fmt_int(comparison.undated, lang)))
    return html.Figure(
        [
            html.H2(t(f"compare.by_{kind}", lang), className="h6"),
            html.Div(
                dcc.Graph(
                    figure=compare_figure(rows, kind, lang, names, breakdown_label(kind, lang)),
                    config={**graph_config(lang), "displayModeBar": False},
                    className="chart-graph",
                    responsive=True,
                ),
                className=f"chart-frame compare-frame compare-frame-{kind}",
            ),
            html.Figcaption(" ".join(notes), className="chart-caption"),
            # Static in the page, so a native <details> (the browser opens it, no callback).
            html.Details(
                [
                    html.Summary(t("table_view.show", lang), className="table-switch-label"),
                    html.Div(
                        data_table(
                            breakdown_table(comparison, kind, lang, names),
                            t(f"compare.by_{kind}", lang),
                            lang,
                        ),
                        className="table-view",
                    ),
                ],
                className="table-switch",
            ),
        ],
        className="chart card card-body",
    )


def _person_item(person: OneListPerson, home: str, lang: str) -> html.Li:
    parts: list = [
        dcc.Link(
            person.name or t("person.no_name", lang),
            href=f"{home}{person_path(person.source, person.person_id)}?lang={lang}",
        ),
        html.Span(f" · {region_label(person.region_code, lang)}", className="text-muted"),
    ]
    url = http_url(person.source_url)
    if url:
        parts += [
            " ",
            html.A(
                "↗",
                href=url,
                target="_blank",
                rel="noopener noreferrer",
                title=t("person.source_card", lang),
            ),
        ]
    return html.Li(parts)


def _only_list(
    people: tuple[OneListPerson, ...], name: str, csv_href: str, home: str, lang: str
) -> html.Section:
    shown = people[:SHOWN_PERSONS]
    notes = []
    if len(people) > len(shown):
        notes.append(t("compare.only_more", lang, shown=len(shown)))
    return html.Section(
        [
            html.H2(
                t("compare.only_list", lang, list=name, n=fmt_int(len(people), lang)),
                className="h6",
            ),
            html.Ul([_person_item(p, home, lang) for p in shown], className="compare-people"),
            html.P(
                [
                    *(n + " " for n in notes),
                    html.A(t("compare.persons_csv", lang), href=csv_href, download=""),
                ],
                className="small",
            ),
        ],
        className="card card-body compare-only",
    )


def _method(source: str, name: str, lang: str) -> html.P:
    """How a list is made: ours to say for the lists we know, the operator's for their own."""
    key = f"compare.method_{source}"
    return html.P(t(key, lang) if key in MESSAGES else t("compare.method_other", lang, list=name))


def compare_page(dataset: Dataset, view: ViewQuery, home: str = "/", root: str = "/") -> html.Div:
    """The whole page in the view's language. `home`: the app's root path (links); `root`: its
    absolute address (the embed code)."""
    lang = view.lang
    comparison = compare_lists(dataset, view.filters)
    head = [
        html.H1(t("compare.title", lang), className="h3"),
        html.P(t("compare.lead", lang), className="lead-text"),
    ]
    if comparison is None:
        only = next(iter(source_labels(dataset, lang).values()), "")
        return html.Div(
            [*head, html.Div(t("compare.need_two", lang, list=only), className="alert alert-info")],
            className="container py-3 compare-page",
            id="main",
        )
    names = pair_labels(dataset, (comparison.left, comparison.right), lang)
    query = view.to_query()
    embed_url = f"{root}embed/compare?{query}"
    code = iframe_code(
        embed_url,
        t("compare.embed_title", lang, left=names[0], right=names[1]),
        620,
        f"{root}embed.js",
    )
    persons_csv = {side: f"{home}download/compare_{side}.csv?{query}" for side in ("left", "right")}
    return html.Div(
        [
            *head,
            html.Div(
                [
                    _number(comparison.both, t("compare.both", lang), "both", lang),
                    _number(
                        comparison.only_left,
                        t("compare.only", lang, list=names[0]),
                        "only_left",
                        lang,
                    ),
                    _number(
                        comparison.only_right,
                        t("compare.only", lang, list=names[1]),
                        "only_right",
                        lang,
                    ),
                    _number(comparison.total, t("compare.any", lang), "total", lang),
                ],
                className="compare-numbers card card-body",
                **{"aria-live": "polite"},
            ),
            html.P(compare_summary(comparison, names, lang), className="chart-summary mt-2"),
            html.P(t("compare.caption", lang), className="small text-muted"),
            _legend(names, lang),
            html.Div(
                [_chart(comparison, kind, names, lang) for kind in BREAKDOWNS],
                className="compare-charts",
            ),
            html.P(
                [
                    html.A("CSV", href=f"{home}download/compare.csv?{query}", download=""),
                ],
                className="small",
            ),
            html.Details(
                [
                    html.Summary(t("share.embed", lang)),
                    embed_code("compare-embed-code", lang, code, rows=3),
                ],
                className="small mb-3",
            ),
            html.Div(
                [
                    _only_list(
                        comparison.only_left_persons, names[0], persons_csv["left"], home, lang
                    ),
                    _only_list(
                        comparison.only_right_persons, names[1], persons_csv["right"], home, lang
                    ),
                ],
                className="compare-lists",
            ),
            html.Section(
                [
                    html.H2(t("compare.methods", lang), className="h6"),
                    _method(comparison.left, names[0], lang),
                    _method(comparison.right, names[1], lang),
                    html.P(
                        t(
                            "compare.matching",
                            lang,
                            n=fmt_int(comparison.matched_pairs, lang),
                            file=OVERRIDES_FILE,
                        ),
                        className="small text-muted",
                    ),
                ],
                className="card card-body compare-methods",
            ),
        ],
        className="container-fluid py-3 compare-page",
        id="main",
    )
