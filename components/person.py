"""A page for each person: who they are, every case with its articles, dates and sentence, the
source list and its card, and where to write to them.

`person_view` turns a person's record into words once (`PersonView`); the dashboard page
(`person_page`, Dash components) and the embed (components/templates/person.html) both draw that,
so they never disagree. Every string from the data goes in as text: Dash and Jinja escape it,
nothing is read as HTML.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from dash import dcc, html

from components.chart_spec import demo_notice
from components.i18n import fmt_date, fmt_term, t
from components.provenance import source_labels
from components.share import embed_code, iframe_code
from components.table import sentence_text
from data.dataset import Dataset
from data.loader import clipped, http_url
from data.person import CaseRecord, PersonRecord, records_of
from data.reference import article_display, article_label, case_group_label, region_label
from data.view_query import person_key, person_path

TITLE_NAME_LIMIT = 100  # characters of a person's name in a tab's or a card's title
HEADING_NAME_LIMIT = 300  # and in the heading of their page


@dataclass(frozen=True)
class Fact:
    label: str
    value: str


@dataclass(frozen=True)
class CaseView:
    title: str
    facts: tuple[Fact, ...]
    verdict_text: str


@dataclass(frozen=True)
class PersonView:
    lang: str
    name: str
    summary: str  # born, status, held or not, recognised as a political prisoner
    facts: tuple[Fact, ...]
    addresses: tuple[str, ...]  # for letters, only while the person is held
    cases: tuple[CaseView, ...]
    source: str  # the list's name, with its as-of date
    source_url: str  # the source's own card (http(s) only), or ""
    demo: str
    path: str  # "person/<source>/<id>" (percent-encoded), relative to the app's root


def _article(key: str, lang: str) -> str:
    """'207.3 ч.2 — «Фейки» об армии': the charge as given, with its short name."""
    base = key.split(" ")[0]
    label = article_label(base, lang)
    name = label.split(" — ", 1)[1] if " — " in label else ""
    return f"{article_display(key, lang)} — {name}" if name else article_display(key, lang)


def _sentence(case: CaseRecord, months: float | None, lang: str) -> str:
    row = pd.Series(
        {
            "punishment_type": case.punishment_type,
            "regime": case.regime,
            "sentence_months": months,
            "prison_months": case.prison_months,
            "fine_rub": case.fine_rub,
        }
    )
    return sentence_text(row, lang)


def _case_view(case: CaseRecord, number: int, total: int, lang: str) -> CaseView:
    facts: list[Fact] = []

    def add(key: str, value: str | None) -> None:
        if value:
            facts.append(Fact(t(key, lang), value))

    add("person.articles", "; ".join(_article(a, lang) for a in case.articles))
    add("person.case_group", ", ".join(case_group_label(g, lang) for g in case.case_group))
    add("person.region", region_label(case.region_code, lang) if case.region_code else None)
    add(
        "person.started", fmt_date(case.persecution_start, lang) if case.persecution_start else None
    )
    add("person.custody", fmt_date(case.custody_date, lang) if case.custody_date else None)
    add("person.restraint", t(f"restraint.{case.restraint}", lang) if case.restraint else None)
    add("person.verdict", fmt_date(case.verdict_date, lang) if case.verdict_date else None)
    if case.first_instance_months is not None:
        add("person.pronounced", _sentence(case, case.first_instance_months, lang))
        add("person.in_force", _sentence(case, case.sentence_months, lang))
    else:
        add("person.sentence", _sentence(case, case.sentence_months, lang))
    if case.probation_months:
        add("person.probation", fmt_term(case.probation_months, lang))
    add("person.case_status", t(f"status.{case.status}", lang) if case.status else None)
    title = t("person.case_n", lang, n=number, total=total) if total > 1 else t("person.case", lang)
    return CaseView(title, tuple(facts), case.verdict_text or "")


def person_view(record: PersonRecord, dataset: Dataset, lang: str) -> PersonView:
    facts: list[Fact] = []
    if record.birth_year:
        facts.append(Fact(t("person.born", lang), str(record.birth_year)))
    if record.region_codes:
        names = ", ".join(region_label(c, lang) for c in record.region_codes)
        facts.append(Fact(t("person.regions", lang), names))
    if record.imprisonment_region_codes:
        names = ", ".join(region_label(c, lang) for c in record.imprisonment_region_codes)
        facts.append(Fact(t("person.held_in", lang), names))
    if record.status:
        facts.append(Fact(t("person.status", lang), t(f"status.{record.status}", lang)))
    if record.in_custody is not None:
        held = t("person.held_yes" if record.in_custody else "person.held_no", lang)
        facts.append(Fact(t("person.in_custody", lang), held))
    summary = [t(f"status.{record.status}", lang)] if record.status else []
    if record.recognized_political_prisoner:
        summary.insert(0, t("person.recognised", lang))
    source = source_labels(dataset, lang).get(record.source, record.source)
    as_of = next((s.as_of for s in dataset.sources if s.name == record.source), None)
    if as_of:
        source = t("header.source_as_of", lang, name=source, date=fmt_date(as_of, lang))
    return PersonView(
        lang=lang,
        name=record.name or t("person.no_name", lang),
        summary=" · ".join(summary),
        facts=tuple(facts),
        addresses=record.addresses if record.in_custody else (),
        cases=tuple(
            _case_view(c, i, len(record.cases), lang) for i, c in enumerate(record.cases, 1)
        ),
        source=source,
        source_url=http_url(record.source_url),
        demo=demo_notice(dataset, lang),
        path=person_path(record.source, record.person_id),
    )


# --- the dashboard page -------------------------------------------------------------------------


def _facts(facts: tuple[Fact, ...]) -> html.Dl:
    items = []
    for fact in facts:
        items += [html.Dt(fact.label), html.Dd(fact.value)]
    return html.Dl(items, className="person-facts")


def _record(view: PersonView) -> html.Article:
    lang = view.lang
    parts: list = [
        html.P(view.summary, className="person-summary") if view.summary else None,
        _facts(view.facts),
    ]
    if view.addresses:
        parts.append(
            html.Section(
                [
                    html.H2(t("person.letters", lang), className="h6"),
                    html.P(t("person.letters_note", lang), className="small text-muted"),
                    *(html.P(a, className="person-address") for a in view.addresses),
                ],
                className="person-letters",
            )
        )
    for case in view.cases:
        parts.append(
            html.Section(
                [
                    html.H2(case.title, className="h6"),
                    _facts(case.facts),
                    html.Details(
                        [html.Summary(t("person.verdict_text", lang)), html.P(case.verdict_text)],
                        className="small",
                    )
                    if case.verdict_text
                    else None,
                ],
                className="person-case",
            )
        )
    source = [html.Span(t("person.source", lang, source=view.source))]
    if view.source_url:
        source += [
            " ",
            html.A(
                t("person.source_card", lang) + " ↗",
                href=view.source_url,
                target="_blank",
                rel="noopener noreferrer",
            ),
        ]
    parts.append(html.P(source, className="person-source small"))
    return html.Article(parts, className="person-record card card-body")


def person_page(
    views: tuple[PersonView, ...], lang: str, embed_url: str = "", back: str = ""
) -> html.Div:
    """The person's page: their name, then each list's record side by side (one list for now:
    persons are not yet matched across lists), the way back (`back`: the overview as the reader
    left it), and the code to embed it."""
    back = back or f"/?lang={lang}"
    if not views:
        return html.Div(
            [
                html.H1(t("person.not_found", lang), className="h3"),
                dcc.Link(t("person.back", lang), href=back),
            ],
            className="container py-4 person-page",
            id="main",
        )
    first = views[0]
    embed = []
    if embed_url:
        # One maker of embed code: escaped, lazy, sized by embed.js (a name with a quote
        # broke out of the title attribute).
        host_script = embed_url.split("/embed/")[0] + "/embed.js"
        code = iframe_code(embed_url, first.name, 640, host_script)
        embed = [
            html.Details(
                [
                    html.Summary(t("share.embed", lang)),
                    embed_code(
                        "person-embed-code", lang, code, rows=3, label="share.embed_code_card"
                    ),
                ],
                className="small mt-3 person-embed",
            )
        ]
    return html.Div(
        [
            dcc.Link("← " + t("person.back", lang), href=back, className="small"),
            # A name of thousands of characters (bad data) would push the page off the screen.
            html.H1(
                clipped(first.name, HEADING_NAME_LIMIT),
                title=first.name if len(first.name) > HEADING_NAME_LIMIT else None,
                className="h3 mt-2 mb-3",
            ),
            html.Div(
                [_record(v) for v in views],
                className="person-records" + (" side-by-side" if len(views) > 1 else ""),
            ),
            *embed,
        ],
        className="container py-3 person-page",
        id="main",
    )


def person_views(dataset: Dataset, path: str, lang: str) -> tuple[PersonView, ...]:
    """The views of the person a path names: one per list that has them (empty: not found)."""
    key = person_key(path)
    if key is None:
        return ()
    return tuple(person_view(r, dataset, lang) for r in records_of(dataset, *key))
