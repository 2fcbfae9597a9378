"""Taking a view away: under each chart, embed it, or download its numbers (CSV) or its picture
(PNG, SVG); by the table, download the cases themselves. Every link carries the view's query,
so what leaves the page is what is on it.
"""

from __future__ import annotations

import html as html_text

import dash_bootstrap_components as dbc
from dash import dcc, html

from components import ids
from components.chart_tables import CHARTS
from components.i18n import t
from data.view_query import ViewQuery

IMAGE_FORMATS = ("png", "svg")


def download_links(view: ViewQuery) -> dict[str, str]:
    """Link id -> href of every download of the overview, for `view`. Relative to the page, so
    an app served under a prefix links under it too."""
    query = view.to_query()
    hrefs = {ids.DOWNLOAD_CSV[c]: f"download/{c}.csv?{query}" for c in CHARTS}
    hrefs[ids.DOWNLOAD_CASES] = f"download/cases.csv?{query}"
    return hrefs


def chart_tools(chart: str, lang: str, view: ViewQuery) -> html.Div:
    """'Embed · CSV · PNG · SVG' under a chart. The images are drawn in the browser from the
    chart's image figure (assets/downloads.js), with title and source inside."""
    hrefs = download_links(view)
    images = [
        html.Button(
            fmt.upper(),
            type="button",
            className="btn btn-link btn-sm p-0 image-download",
            title=t(f"share.{fmt}_title", lang),
            **{
                "data-chart": chart,
                "data-format": fmt,
                "data-failed": t("share.image_failed", lang),
            },
        )
        for fmt in IMAGE_FORMATS
    ]
    link = (
        [
            copy_button(
                lang,
                ("share.copy_link", "share.link_copied", "share.copy_link_title"),
                "btn btn-link btn-sm p-0 copy-link",
                id=ids.COPY_LINK,
            )
        ]
        if chart == "counters"  # once, by the numbers a journalist quotes
        else []
    )
    return html.Div(
        [
            *link,
            dbc.Button(
                t("share.embed", lang),
                id=ids.EMBED_OPEN[chart],
                color="link",
                size="sm",
                className="p-0",
                title=t("share.embed_title", lang),
            ),
            html.Span(t("share.download", lang), className="text-muted"),
            html.A(
                "CSV",
                id=ids.DOWNLOAD_CSV[chart],
                href=hrefs[ids.DOWNLOAD_CSV[chart]],
                download="",
                title=t("share.csv_title", lang),
            ),
            *images,
        ],
        className="chart-tools",
        role="group",
        **{"aria-label": t("share.tools_label", lang)},
    )


def copy_button(
    lang: str,
    keys: tuple[str, str, str] = ("share.copy", "share.copied", "share.copy"),
    class_name: str = "btn btn-outline-primary btn-sm",
    **target: str,
) -> dcc.Clipboard:
    """A copy button: its label, its label once copied and its title (i18n keys), and what it
    copies (`target_id`, or an `id` a callback fills)."""
    label, copied, title = keys
    return dcc.Clipboard(
        title=t(title, lang),
        className=class_name,
        children=t(label, lang),
        copied_children=t(copied, lang),
        **target,
    )


def embed_code(
    code_id: str, lang: str, value: str = "", rows: int = 4, label: str = "share.embed_code"
) -> html.Div:
    """The embed code to copy, named by its label (the key of its words): read-only, with its
    copy button beside it."""
    return html.Div(
        [
            html.Label(t(label, lang), htmlFor=code_id, className="form-label"),
            html.Div(
                [
                    dcc.Textarea(
                        id=code_id,
                        readOnly=True,
                        rows=rows,
                        className="form-control embed-code",
                        value=value,
                    ),
                    copy_button(
                        lang,
                        class_name="btn btn-outline-primary btn-sm embed-copy",
                        target_id=code_id,
                    ),
                ],
                className="embed-code-row",
            ),
        ]
    )


def iframe_code(url: str, title: str, height: int, host_script: str) -> str:
    """The code an editor pastes: a lazy, full-width iframe that embed.js keeps at its
    content's height (the height given is only the first guess, before the chart reports)."""
    return (
        f'<iframe src="{html_text.escape(url)}" title="{html_text.escape(title)}" '
        f'width="100%" height="{height}" loading="lazy" '
        'style="border:0;width:100%;max-width:100%" scrolling="no"></iframe>\n'
        f'<script src="{html_text.escape(host_script)}" async></script>'
    )


def embed_dialog(lang: str) -> dbc.Modal:
    """One dialog for every chart: the code to copy, and the embed itself as a live preview."""
    return dbc.Modal(
        [
            dbc.ModalHeader(dbc.ModalTitle(t("share.embed_dialog", lang), id=ids.EMBED_TITLE)),
            dbc.ModalBody(
                [
                    embed_code(ids.EMBED_CODE, lang),
                    html.Small(t("share.embed_note", lang), className="text-muted d-block mb-2"),
                    html.Div(t("share.preview", lang), className="form-label mt-2"),
                    html.Iframe(
                        id=ids.EMBED_PREVIEW,
                        title=t("share.preview", lang),
                        className="embed-preview",
                        style={"width": "100%", "height": "420px", "border": "1px solid #e4e7eb"},
                    ),
                ]
            ),
        ],
        id=ids.EMBED_MODAL,
        size="lg",
        is_open=False,
        scrollable=True,
    )
