"""OVD-Info's flat export (API JSON `{"total", "data"}` or CSV) -> canonical text cells.

The exact column set is not published, so columns are found by alias, with `_ru`, `_en` or no
suffix (see formats.md). One row is one prosecution of one person. The verdict is read from the
verdict text; OVD-Info's own term column (`verdict_imprisonment_term`, months, above 10000 for
life) is the structured value and wins where both exist, with any disagreement reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import pandas as pd

from data.dataset import RowIssue
from data.importers.common import (
    VERDICT_FIELDS,
    Columns,
    articles_column,
    as_list,
    gender,
    issues_for,
    number_text,
    russian_date,
    status_from_text,
    unreadable_verdict,
)
from data.importers.mapped import Mapped
from data.importers.read import RawTable
from data.importers.regions import normalise_region
from data.importers.verdicts import parse_verdict
from data.loader import cell_text
from data.reference import canonical_case_group
from data.schema import COLUMN_NAMES

LIFE_TERM_ABOVE = 10_000
_SERVED_AT_LIBERTY = frozenset(
    {"suspended", "fine", "forced_labour", "restriction_of_freedom", "compulsory_works", "other"}
)
# The measure of restraint in words (Russian or English) -> the canonical `restraint`.
_RESTRAINTS = (
    ("house_arrest", re.compile(r"домашн\w* арест|house arrest", re.IGNORECASE)),
    (
        "custody",
        re.compile(
            r"(?:содержани\w*|заключени\w*) под страж|pre-?trial detention|\bcustody|detention",
            re.IGNORECASE,
        ),
    ),
    (
        "ban_of_actions",
        re.compile(
            r"запрет\w* определ\w* действий|ban on (?:certain )?(?:actions|activities)", re.I
        ),
    ),
    (
        "recognizance",
        re.compile(
            r"подписк\w* о невыезде|обязательств\w* о явке|recognizance|travel ban"
            r"|undertaking not to leave",
            re.IGNORECASE,
        ),
    ),
    ("none", re.compile(r"^(?:нет|не избира\w*|отсутству\w*|none|no)$", re.IGNORECASE)),
)


_DETAINED = re.compile(r"задержан\w*|detained|arrested", re.IGNORECASE)


@dataclass(frozen=True)
class Measure:
    """One measure of restraint as listed: what it is and the day it began, where given."""

    restraint: str  # canonical (see _RESTRAINTS), or "detained" for a detention before it
    since: date | None


def read_measures(text: str) -> list[Measure]:
    """OVD-Info's measures, one a bullet ("• домашний арест: с 01.03.2024 • содержание под
    стражей: с 01.10.2024"), or a single restraint type ("содержание под стражей")."""
    found = []
    for part in (p.strip() for p in re.split(r"[•\n;]", text)):
        kind = next((r for r, pattern in _RESTRAINTS if pattern.search(part)), None)
        if kind is None and _DETAINED.search(part):
            kind = "detained"
        if kind is not None:
            found.append(Measure(kind, russian_date(part)))
    return found


def restraint_from_text(text: str) -> str:
    """The measure in force: the one that began last (the last listed where no dates are
    given). '' when the text names none."""
    measures = [m for m in read_measures(text) if m.restraint != "detained"]
    if not measures:
        return ""
    dated = [m for m in measures if m.since is not None]
    latest = max(dated, key=lambda m: m.since) if dated else measures[-1]
    return latest.restraint


def custody_start(text: str) -> str:
    """The start of deprivation of liberty: the earliest detention or custody listed. House
    arrest is not custody, so its date never is the "arrest date"."""
    days = [m.since for m in read_measures(text) if m.restraint in ("custody", "detained")]
    days = [d for d in days if d is not None]
    return min(days).isoformat() if days else ""


def _number(value: object) -> float | None:
    text = cell_text(value).replace(",", ".").replace(" ", "")
    try:
        return float(text) if text else None
    except ValueError:
        return None


def to_canonical(raw: RawTable, file: str, source: str | None) -> Mapped:
    c = Columns(raw)
    n = len(raw.frame)
    out = pd.DataFrame(index=raw.frame.index, columns=list(COLUMN_NAMES), dtype=object).fillna("")
    issues: list[RowIssue] = []

    out["person_id"] = c.text("person_id", "id_person", "personid")
    out["case_id"] = c.text("persecution_id", "case_id", "prosecution_id")
    out["source"] = source or "ovdinfo"
    out["name"] = c.localised("name", "fio", "full_name")
    genders = c.text("gender_en", "gender", "gender_ru", "sex").map(gender)

    iso = c.text("persecution_region_iso", "region_iso", "region_code")
    region_names = c.localised("persecution_region", "region")
    codes = [
        normalise_region(i) or normalise_region(r) or ""
        for i, r in zip(iso, region_names, strict=True)
    ]
    out["region_code"] = [code or "unknown" for code in codes]
    given = [f"{i} {r}".strip() for i, r in zip(iso, region_names, strict=True)]
    issues += issues_for(
        raw,
        file,
        "region_code",
        given,
        lambda i: not codes[i] and bool(given[i]),
        "region not recognised; set to 'unknown'",
        "region_not_understood",
    )

    out["city"] = [
        ", ".join(as_list(v))
        for v in c.get("persecution_city_ru", "persecution_city", "persecution_city_en", "city")
    ]
    facilities = c.get(
        "penal_facility_ru",
        "penal_facility",
        "penal_facility_en",
        "detention_center_ru",
        "detention_center",
    )
    out["facility"] = ["; ".join(as_list(v)) for v in facilities]

    article_cells = c.get(
        "persecution_article_and_part_ru",
        "persecution_article_and_part",
        "persecution_article_and_part_en",
        "persecution_articles_criminal_code",
        "articles",
    )
    out["articles"], found = articles_column(raw, file, article_cells)
    issues += found

    groups = c.localised("case_group")
    out["case_group"] = groups.map(canonical_case_group)
    out["theme"] = c.text("persecution_subject_en", "persecution_subject", "persecution_subject_ru")
    out["persecution_start"] = c.text("persecution_started", "persecution_start", "started")
    listed = c.text("restraint_measures", "restraint_measures_ru")
    out["custody_date"] = listed.map(custody_start)
    out["verdict_date"] = c.text("first_verdict_date", "verdict_date")
    out["in_custody"] = c.text("persecution_imprisoned", "imprisoned", "in_custody")
    measures = c.text("restraint_type", "restraint_type_ru", "restraint_type_en", "restraint")
    restraints = [
        restraint_from_text(m) or restraint_from_text(ms)
        for m, ms in zip(measures, listed, strict=True)
    ]
    out["recognized_political_prisoner"] = c.text(
        "recognized_political_prisoner", "political_prisoner"
    )
    out["source_url"] = c.text("source_url", "url", "link", "persecution_url")

    # The verdict: text and term column together.
    essences = c.localised("verdict_essence")
    terms = [_number(v) for v in c.get("verdict_imprisonment_term", "imprisonment_term")]
    for i in range(n):
        text, term = essences.iloc[i], terms[i]
        verdict = parse_verdict(text) if text else None
        kind, regime = (verdict.punishment_type, verdict.regime) if verdict else (None, None)
        months = verdict.sentence_months if verdict else None
        line = int(raw.lines[i])
        if text and verdict is None:
            issues.append(unreadable_verdict(file, line, text))
        if term is not None and term > LIFE_TERM_ABOVE:
            kind, months = "life", None
        elif term is not None and term > 0 and kind in (None, "imprisonment"):
            if kind == "imprisonment" and months is not None and abs(months - term) > 0.5:
                issues.append(
                    RowIssue(
                        file,
                        line,
                        "sentence_months",
                        f"{number_text(months)} / {number_text(term)}",
                        "the verdict text and the term column disagree; kept the term column",
                        "repaired",
                        "verdict_conflict",
                    )
                )
            kind, months = "imprisonment", term
        if kind is None and not text and term is None and not out.at[out.index[i], "verdict_date"]:
            kind = "none_yet"
        out.iat[i, out.columns.get_loc("punishment_type")] = kind or ""
        out.iat[i, out.columns.get_loc("regime")] = regime or ""
        out.iat[i, out.columns.get_loc("sentence_months")] = number_text(months)
        if verdict:
            for column in VERDICT_FIELDS[3:]:  # the parts the term column does not decide
                out.iat[i, out.columns.get_loc(column)] = number_text(getattr(verdict, column))
        out.iat[i, out.columns.get_loc("verdict_text")] = text

    # A measure of restraint is in force until the verdict: after a sentence not served in
    # custody, none is (the measures listed are the case's history, not its present).
    out["restraint"] = [
        "none" if out["punishment_type"].iat[i] in _SERVED_AT_LIBERTY else restraint
        for i, restraint in enumerate(restraints)
    ]

    # Status from the free-text state; a sentence to prison that is being served says "serving".
    states = c.localised("persecution_case_person_state", "status")
    statuses = [status_from_text(s) for s in states]
    for i, status in enumerate(statuses):
        if status == "investigation" and out["punishment_type"].iat[i] in ("imprisonment", "life"):
            statuses[i] = "serving"
    out["status"] = [s or "" for s in statuses]
    issues += issues_for(
        raw,
        file,
        "status",
        list(states),
        lambda i: bool(states.iloc[i]) and statuses[i] is None,
        "status not understood; left empty",
        "status_not_understood",
    )
    issues += issues_for(
        raw,
        file,
        "gender",
        list(genders),
        lambda i: genders.iloc[i] not in ("", "male", "female", "unknown"),
        "gender not understood; left empty",
        "gender_not_understood",
    )
    out["gender"] = genders.where(genders.isin(["male", "female", "unknown"]), "")

    notes = []
    if raw.total_declared is not None and raw.total_declared != n + len(raw.issues):
        notes.append(f"the export is partial: {n} of {raw.total_declared} records")
    if not c.find("restraint_measures", "restraint_measures_ru"):
        notes.append("no restraint measures column: arrest dates left empty")
    return Mapped(out.reset_index(drop=True), tuple(issues), tuple(notes))
