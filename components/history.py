"""The history page (/history): each list whose earlier exports are loaded too, its count per
snapshot, and between each two snapshots who was added, who left and why, whose status
changed, and how the mix of charges and regions changed (data.history)."""

from __future__ import annotations

from dash import dcc, html

from components.charts import graph_config
from components.figures.theme import ACCENT, axis, base_layout, count_axis, plotly_text
from components.i18n import fmt_date, fmt_int, t
from components.provenance import source_labels
from data.dataset import Dataset
from data.history import Change, SnapshotChange, list_history, sources_with_history
from data.reference import article_label, region_label
from data.view_query import ViewQuery, person_path

SHOWN_CHANGES = 60  # names listed per kind of change; the counts say how many in all
MIX_ROWS = 8  # charges and regions whose count changed most


def _when(snapshot, lang: str) -> str:
    return fmt_date(snapshot.as_of, lang) if snapshot.as_of else snapshot.file


def counts_figure(history, lang: str) -> dict:
    """Persons on the list at each snapshot."""
    labels = [plotly_text(_when(s, lang)) for s in history.snapshots]
    counts = [s.persons for s in history.snapshots]
    layout = base_layout(lang)
    layout.update(
        xaxis=axis("", type="category", fixedrange=True),
        yaxis=count_axis(t("history.axis", lang), max(counts) if counts else 0),
        showlegend=False,
    )
    bars = {
        "type": "bar",
        "x": labels,
        "y": counts,
        "text": [fmt_int(n, lang) for n in counts],
        "textposition": "outside",
        "cliponaxis": False,
        "marker": {"color": ACCENT},
        "hovertext": [f"{x}: {fmt_int(n, lang)}" for x, n in zip(labels, counts, strict=True)],
        "hoverinfo": "text",
    }
    return {"data": [bars], "layout": layout}


def _person(change: Change, source: str, present: set[str], home: str, lang: str) -> list:
    name = change.name or t("person.no_name", lang)
    if change.person_id in present:
        return [dcc.Link(name, href=f"{home}{person_path(source, change.person_id)}?lang={lang}")]
    return [name]


def _changes_list(
    title: str, changes: tuple[Change, ...], source: str, present: set[str], home: str, lang: str
) -> html.Div:
    shown = changes[:SHOWN_CHANGES]
    items = [
        html.Li(
            [
                *_person(c, source, present, home, lang),
                html.Span(f" · {t(f'history.reason_{c.reason}', lang)}", className="text-muted"),
            ]
        )
        for c in shown
    ]
    more = (
        [
            html.P(
                t("history.more", lang, n=fmt_int(len(changes) - len(shown), lang)),
                className="small",
            )
        ]
        if len(changes) > len(shown)
        else []
    )
    return html.Div(
        [
            html.H4(f"{title}: {fmt_int(len(changes), lang)}", className="h6"),
            html.Ul(items, className="history-people"),
            *more,
        ],
        className="history-changes",
    )


def _mix_table(
    before: dict[str, int], after: dict[str, int], label, title: str, lang: str
) -> html.Div | html.P:
    keys = sorted(
        set(before) | set(after), key=lambda k: (-abs(after.get(k, 0) - before.get(k, 0)), k)
    )
    rows = [
        html.Tr(
            [
                html.Th(label(k), scope="row"),
                html.Td(fmt_int(before.get(k, 0), lang)),
                html.Td(fmt_int(after.get(k, 0), lang)),
                html.Td(_signed(after.get(k, 0) - before.get(k, 0), lang)),
            ]
        )
        for k in keys[:MIX_ROWS]
        if after.get(k, 0) != before.get(k, 0)
    ]
    head = html.Thead(
        html.Tr(
            [
                html.Th(title, scope="col"),
                html.Th(t("history.before", lang), scope="col"),
                html.Th(t("history.after", lang), scope="col"),
                html.Th(t("history.difference", lang), scope="col"),
            ]
        )
    )
    if not rows:
        return html.P(t("history.mix_same", lang, what=title), className="small text-muted")
    return html.Div(
        html.Table([head, html.Tbody(rows)], className="table table-sm history-mix"),
        className="table-responsive",
    )


def _status(status: str, lang: str) -> str:
    return t(f"status.{status}", lang) if status else "—"


def _signed(n: int, lang: str) -> str:
    return ("+" if n > 0 else "−" if n < 0 else "") + fmt_int(abs(n), lang)


def _change_section(
    change: SnapshotChange, source: str, present: set[str], home: str, lang: str, open_: bool
) -> html.Details:
    left = change.removed
    reasons = [
        t("history.reason_count", lang, reason=t(f"history.reason_{r}", lang), n=fmt_int(n, lang))
        for r, n in change.removed_by_reason().items()
        if n
    ]
    summary = t(
        "history.change",
        lang,
        before=_when(change.earlier, lang),
        after=_when(change.later, lang),
        n_before=fmt_int(change.persons_before, lang),
        n_after=fmt_int(change.persons_after, lang),
        added=fmt_int(len(change.added), lang),
        removed=fmt_int(len(left), lang),
    )
    status = [
        html.Li(
            [
                *_person(Change(c.person_id, c.name, ""), source, present, home, lang),
                html.Span(
                    f" · {_status(c.before, lang)} → {_status(c.after, lang)}",
                    className="text-muted",
                ),
            ]
        )
        for c in change.status_changed[:SHOWN_CHANGES]
    ]
    return html.Details(
        [
            html.Summary(summary),
            html.P("; ".join(reasons) + "." if reasons else "", className="small"),
            html.Div(
                [
                    _changes_list(
                        t("history.added", lang), change.added, source, present, home, lang
                    ),
                    _changes_list(
                        t("history.removed", lang), change.removed, source, present, home, lang
                    ),
                ],
                className="history-columns",
            ),
            html.Div(
                [
                    html.H4(
                        t("history.status_changed", lang)
                        + f": {fmt_int(len(change.status_changed), lang)}",
                        className="h6",
                    ),
                    html.Ul(status, className="history-people"),
                ]
            )
            if change.status_changed
            else None,
            html.Div(
                [
                    _mix_table(
                        change.articles_before,
                        change.articles_after,
                        lambda k: article_label(k, lang),
                        t("history.by_article", lang),
                        lang,
                    ),
                    _mix_table(
                        change.regions_before,
                        change.regions_after,
                        lambda k: region_label(k, lang),
                        t("history.by_region", lang),
                        lang,
                    ),
                ],
                className="history-columns",
            ),
        ],
        open=open_,
        className="history-change card card-body mb-2",
    )


def history_page(dataset: Dataset, view: ViewQuery, home: str = "/", root: str = "/") -> html.Div:
    lang = view.lang
    head = [html.H1(t("history.title", lang), className="h3"), html.P(t("history.lead", lang))]
    sources = sources_with_history(dataset)
    if not sources:
        return html.Div(
            [*head, html.Div(t("history.none", lang), className="alert alert-info")],
            className="container py-3 history-page",
            id="main",
        )
    names = source_labels(dataset, lang)
    sections = []
    for source in sources:
        history = list_history(dataset, source)
        present = set(
            dataset.cases.loc[dataset.cases["source"].astype(str) == source, "person_id"].astype(
                str
            )
        )
        sections.append(
            html.Section(
                [
                    html.H2(names.get(source, source), className="h5"),
                    html.Figure(
                        [
                            html.Div(
                                dcc.Graph(
                                    figure=counts_figure(history, lang),
                                    config={**graph_config(lang), "displayModeBar": False},
                                    className="chart-graph",
                                    responsive=True,
                                ),
                                className="chart-frame history-frame",
                            ),
                            html.Figcaption(t("history.caption", lang), className="chart-caption"),
                        ],
                        className="chart card card-body mb-2",
                    ),
                    *(
                        _change_section(
                            c, source, present, home, lang, i == len(history.changes) - 1
                        )
                        for i, c in enumerate(history.changes)
                    ),
                ],
                className="history-source mb-4",
            )
        )
    return html.Div([*head, *sections], className="container py-3 history-page", id="main")
