"""The Data status page: each source with its "as of" date, each file with its load report."""

from __future__ import annotations

import re

import dash_bootstrap_components as dbc
from dash import html

from components.i18n import MESSAGES, fmt_date, fmt_int, t
from components.provenance import source_label, source_labels
from data.dataset import Dataset, LoadReport, RowIssue, SourceInfo
from data.loader import http_url, shown_value

SHOWN_ISSUES = 100

# How-it-was-read notes come from the reader in English; the common ones are said in Russian too.
_NOTES_RU = (
    (re.compile(r"^encoding (.+)$"), r"кодировка \1"),
    (re.compile(r"^delimiter tab$"), "разделитель: табуляция"),
    (re.compile(r"^delimiter (.+)$"), r"разделитель «\1»"),
    (re.compile(r"^JSON array$"), "JSON: массив записей"),
    (re.compile(r"^JSON GeoJSON$"), "GeoJSON"),
    (re.compile(r"^JSON '(\w+)' list$"), r"JSON: список «\1»"),
    (re.compile(r"^first sheet$"), "первый лист"),
    (
        re.compile(r"^the export is partial: (\d+) of (\d+) records$"),
        r"выгрузка неполная: \1 из \2 записей",
    ),
    (
        re.compile(r"^no restraint measures column: arrest dates left empty$"),
        "нет столбца мер пресечения: даты ареста не заполнены",
    ),
    (
        re.compile(r"^as of (\d{4}-\d{2}-\d{2}) \(from the file name\)$"),
        r"по состоянию на \1 (дата из имени файла)",
    ),
    (
        re.compile(
            r"^cards placed at Memorial's “location unknown” point \(the centre of Russia\): "
            r"(\d+); where these people are held is not known from the point$"
        ),
        r"карточек, поставленных в точку «место неизвестно» (центр России): \1; где держат "
        r"этих людей, по точке не узнать",
    ),
)


def note_text(note: str, lang: str) -> str:
    if lang == "ru":
        for pattern, replacement in _NOTES_RU:
            if pattern.match(note):
                return pattern.sub(replacement, note)
    return note


def reason_text(issue: RowIssue, lang: str) -> str:
    key = f"issue.{issue.code}"
    return t(key, lang) if key in MESSAGES else issue.reason


def column_cell(column: str, lang: str) -> object:
    """A column as the operator knows it: in words, with the file's or schema's name beside it
    (to find it in the file)."""
    if not column:
        return t("status.whole_row", lang)
    key = f"column.{column}"
    if key not in MESSAGES:
        return html.Code(column)
    return [t(key, lang), " ", html.Small(html.Code(column), className="text-muted")]


def done_text(issue: RowIssue, lang: str) -> str:
    """What was done with the value, said for its kind of problem ("left empty", "tag ignored"),
    not only "emptied or fixed"."""
    key = f"done.{issue.code}"
    return t(key, lang) if key in MESSAGES else t(f"action.{issue.action}", lang)


def _source_card(source: SourceInfo, lang: str) -> dbc.Card:
    name = source_label(source, lang)
    rows = []
    if source.organisation:
        rows.append((t("status.organisation", lang), source.organisation))
    if source.as_of:
        rows.append((t("status.as_of", lang), fmt_date(source.as_of, lang)))
    if source.licence:
        rows.append((t("status.licence", lang), source.licence))
    link = http_url(source.url)
    if link:
        rows.append(
            (
                t("status.link", lang),
                html.A(link, href=link, rel="noopener noreferrer", target="_blank"),
            )
        )
    return dbc.Card(
        dbc.CardBody(
            [
                html.H3(name, className="h6"),
                html.Dl(
                    [item for label, value in rows for item in (html.Dt(label), html.Dd(value))],
                    className="status-dl mb-0",
                ),
            ]
        ),
        className="mb-3",
    )


def _numbers(report: LoadReport, lang: str) -> html.Div:
    cells = (
        ("status.rows_read", report.rows_read),
        ("status.rows_loaded", report.rows_loaded),
        ("status.rows_rejected", report.rows_rejected),
        ("status.rows_repaired", report.rows_repaired),
    )
    return html.Div(
        [
            html.Div(
                [
                    html.Div(t(k, lang), className="counter-label"),
                    html.Div(fmt_int(v, lang), className="status-number"),
                ],
                className="me-4",
            )
            for k, v in cells
        ],
        className="d-flex flex-wrap mb-2",
    )


def _by_column(report: LoadReport, lang: str) -> html.Div | None:
    counts = report.counts_by_column()
    if not counts:
        return None
    examples = report.examples_by_column()
    header = html.Thead(
        html.Tr([html.Th(t(k, lang)) for k in ("status.column", "status.count", "status.examples")])
    )
    body = html.Tbody(
        [
            html.Tr(
                [
                    html.Td(column_cell(column, lang)),
                    html.Td(fmt_int(count, lang)),
                    html.Td("; ".join(map(shown_value, examples.get(column, [])))),
                ]
            )
            for column, count in sorted(counts.items(), key=lambda kv: -kv[1])
        ]
    )
    return html.Div(
        [
            html.H4(t("status.by_column", lang), className="h6 mt-3"),
            dbc.Table(
                [header, body],
                size="sm",
                bordered=False,
                striped=True,
                responsive=True,
                className="status-table",
            ),
        ]
    )


def _issues(report: LoadReport, lang: str) -> html.Div:
    if not report.issues:
        return html.P(t("status.none", lang), className="text-muted mb-0")
    shown = report.issues[:SHOWN_ISSUES]
    header = html.Thead(
        html.Tr(
            [
                html.Th(t(k, lang))
                for k in (
                    "status.row",
                    "status.column",
                    "status.value",
                    "status.reason",
                    "status.action",
                )
            ]
        )
    )
    body = html.Tbody(
        [
            html.Tr(
                [
                    html.Td(str(issue.row)),
                    html.Td(column_cell(issue.column, lang)),
                    html.Td(shown_value(issue.value), className="status-value"),
                    html.Td(reason_text(issue, lang)),
                    html.Td(done_text(issue, lang)),
                ]
            )
            for issue in shown
        ]
    )
    parts = [
        html.H4(t("status.issues", lang), className="h6 mt-3"),
        html.Div(
            dbc.Table([header, body], size="sm", striped=True, className="status-table"),
            className="table-responsive",
        ),
    ]
    if len(report.issues) > len(shown):
        parts.append(
            html.P(
                t(
                    "status.issues_more",
                    lang,
                    shown=len(shown),
                    total=fmt_int(len(report.issues), lang),
                ),
                className="text-muted small",
            )
        )
    return html.Div(parts)


def _file_card(report: LoadReport, lang: str, names: dict[str, str]) -> dbc.Card:
    """One file's report; `names` are the lists' display names by source name."""
    ok = report.error is None
    state, colour = ("status.loaded", "success") if ok else ("status.not_loaded", "danger")
    if ok and report.superseded:  # loaded, but an earlier export: not counted
        state, colour = "status.snapshot", "secondary"
    badge = dbc.Badge(t(state, lang), color=colour, className="ms-2")
    notes = ", ".join(note_text(n, lang) for n in report.notes)
    body: list = [html.H3([html.Code(report.file), badge], className="h6")]
    details = []
    if report.format:
        key = f"format.{report.format}"
        shown = t(key, lang) if key in MESSAGES else report.format
        details.append(f"{t('status.format', lang)}: {shown}")
    if notes:
        details.append(f"{t('status.how_read', lang)}: {notes}")
    if details:
        body.append(html.P("; ".join(details), className="text-muted small mb-2"))
    if report.error:
        key = f"load_error.{report.error_code}"
        title = t(key, lang) if key in MESSAGES else t("load_error.unreadable", lang)
        body.append(
            dbc.Alert(
                [html.Strong(title), html.Br(), html.Code(report.error)],
                color="danger",
                className="mb-2",
            )
        )
    if report.kept_previous:
        body.append(dbc.Alert(t("status.kept_previous", lang), color="warning", className="mb-2"))
    for source, counted in report.superseded:
        body.append(
            dbc.Alert(
                t("status.superseded", lang, source=names.get(source, source), file=counted),
                color="info",
                className="mb-2",
            )
        )
    if ok or report.kept_previous:
        body += [_numbers(report, lang), _by_column(report, lang), _issues(report, lang)]
    return dbc.Card(dbc.CardBody(body), className="mb-3")


def status_page(dataset: Dataset, reports: tuple[LoadReport, ...], lang: str) -> html.Div:
    parts: list = [
        html.H1(t("status.title", lang), className="h3 mb-1"),
        html.P(t("status.intro", lang), className="text-muted"),
        html.H2(t("status.sources", lang), className="h5 mt-3"),
        *(_source_card(s, lang) for s in dataset.sources),
    ]
    if not reports:
        parts.append(dbc.Alert(t("status.demo", lang), color="warning"))
    else:
        parts += [
            html.H2(t("status.files", lang), className="h5 mt-3"),
            *(_file_card(r, lang, source_labels(dataset, lang)) for r in reports),
        ]
    return html.Div(parts, className="container-fluid py-3 status-page", id="main")
