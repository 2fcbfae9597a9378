"""Memorial's figurant cards (JSON, GeoJSON or CSV) -> canonical text cells.

A card has `ID`, `name`, `clauses` (articles), `tags` (a mix of the region in short form, status
labels, case categories and list names), `date` (dd/mm/yyyy, start of custody), `main` (an HTML
description in Russian: birth, charges, the verdict in words), `sourceUrl`, `address` (HTML letter
address of the facility) and, in GeoJSON, a point (near 96.71, 62.52 it means "location unknown").
Everything but the name, clauses, tags and date is read out of the Russian text; what cannot be
read is left empty and reported, never guessed.
"""

from __future__ import annotations

import re

import pandas as pd

from data.dataset import RowIssue
from data.importers.common import (
    VERDICT_FIELDS,
    Columns,
    articles_column,
    as_list,
    issues_for,
    number_text,
    plain,
    russian_date,
    unreadable_verdict,
)
from data.importers.mapped import Mapped
from data.importers.read import RawTable
from data.importers.regions import normalise_region
from data.importers.verdicts import extract_verdict, parse_verdict
from data.reference import known_case_group
from data.schema import COLUMN_NAMES

# Tags that say something other than the region. Matched on the lower-cased, ё-less tag.
_STATUS_TAGS = {
    "идет суд": "trial",
    "идут суды": "trial",
    "под домашним арестом": "trial",
    "в сизо": "trial",
    "следствие": "investigation",
    "идет следствие": "investigation",
    "отбывают наказание": "serving",
    "отбывает наказание": "serving",
    "освобождены": "released",
    "освобожден": "released",
    "освобождена": "released",
    "на свободе": "released",
    "эмигрировали": "emigrated",
    "умерли": "died",
    "погибли": "died",
}
_CURRENT = "преследуются в настоящее время"  # a list label: persecuted now, status unknown
_POLITICAL_PRISONER_TAGS = {"современные политзаключенные", "политзаключенные"}
_THEME_TAGS = {
    "преследования по религиозному признаку": "freedom of religion",
    "преследование по религиозному признаку": "freedom of religion",
    "свобода слова": "freedom of speech",
    "свобода собраний": "freedom of assembly",
}
_IGNORED_TAGS = {"все дела", "все", "мемориал", _CURRENT}
HOUSE_ARREST = "под домашним арестом"
UNKNOWN_POINT = (96.71, 62.52)  # Memorial's "location unknown": the centre of Russia

_BORN = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"родил(?:ся|ась)\s+(?:\d{1,2}\s+[а-я]+\s+)?(?:в\s+)?(\d{4})\s*(?:год|г\.)",
        r"\b(\d{4})\s*г\.\s*р\.",
        r"\b(\d{4})\s+года\s+рождения",
    )
)
_DETAINED = re.compile(
    r"(?:задержан|задержана|задержаны|арестован|арестована)\s+([^.;]{0,40})", re.IGNORECASE
)
_FEMALE_VERBS = re.compile(r"\b(родилась|задержана|приговорена|осуждена|арестована)\b", re.I)
_MALE_VERBS = re.compile(r"\b(родился|задержан|приговорен|приговорён|осужден|арестован)\b", re.I)
_IN_CUSTODY_TEXT = re.compile(r"в сизо|под стражей|содержится в|в колонии", re.IGNORECASE)


def _fold(tag: str) -> str:
    return " ".join(tag.strip().lower().replace("ё", "е").split())


def _birth_year(text: str) -> str:
    for pattern in _BORN:
        match = pattern.search(text)
        if match:
            return match.group(1)
    return ""


def _gender(name: str, text: str) -> str:
    """From the patronymic (-вич / -вна, -оглы / -кызы), else from the verbs of the text."""
    words = name.replace("ё", "е").split()
    last = words[-1].lower() if len(words) >= 3 else ""
    if last.endswith(("вич", "ьич", "ич", "оглы", "улы")):
        return "male"
    if last.endswith(("вна", "чна", "кызы", "гызы")):
        return "female"
    if _FEMALE_VERBS.search(text):
        return "female"
    if _MALE_VERBS.search(text):
        return "male"
    return ""


def _custody(card_date: str, text: str) -> str:
    """`date` is dd/mm/yyyy; an empty one may be in the text ('Задержан 5 марта 2024 года')."""
    if card_date:
        return card_date
    match = _DETAINED.search(text)
    found = russian_date(match.group(1)) if match else None
    return found.isoformat() if found else ""


def _read_tags(tags: list[str]) -> dict[str, object]:
    """Region, status, case group, theme and list membership out of a card's tags."""
    found: dict[str, object] = {
        "region": "",
        "status": "",
        "groups": [],
        "theme": "",
        "political": False,
        "house_arrest": False,
        "unknown": [],
    }
    for tag in tags:
        key = _fold(tag)
        if not key or key in _IGNORED_TAGS:
            continue
        if key in _STATUS_TAGS:
            found["status"] = found["status"] or _STATUS_TAGS[key]
            found["house_arrest"] = found["house_arrest"] or key == HOUSE_ARREST
        elif key in _POLITICAL_PRISONER_TAGS:
            found["political"] = True
        elif key in _THEME_TAGS:
            found["theme"] = found["theme"] or _THEME_TAGS[key]
        elif (code := normalise_region(tag)) is not None:
            found["region"] = found["region"] or code
        elif (group := known_case_group(tag)) is not None:
            found["groups"].append(group)
        else:
            found["unknown"].append(tag)
    return found


def to_canonical(raw: RawTable, file: str, source: str | None) -> Mapped:
    c = Columns(raw)
    out = pd.DataFrame(index=raw.frame.index, columns=list(COLUMN_NAMES), dtype=object).fillna("")
    issues: list[RowIssue] = []
    names = c.text("name", "fio", "title")
    texts = [plain(v) for v in c.get("main", "description", "text")]
    dates = c.text("date", "custody_date", "arrest_date")
    longitudes, latitudes = c.get("_lon", "lon", "longitude"), c.get("_lat", "lat", "latitude")

    out["person_id"] = c.text("id", "person_id")
    out["source"] = source or "memorial"
    out["name"] = names
    out["source_url"] = c.text("sourceurl", "source_url", "url")
    out["facility"] = [plain(v) for v in c.get("address", "facility")]

    out["articles"], found = articles_column(raw, file, c.get("clauses", "articles"))
    issues += found

    tags = [_read_tags(as_list(v)) for v in c.get("tags", "labels")]
    out["region_code"] = [t["region"] or "unknown" for t in tags]
    out["case_group"] = [t["groups"][0] if t["groups"] else "" for t in tags]
    out["theme"] = [t["theme"] for t in tags]
    out["recognized_political_prisoner"] = ["true" if t["political"] else "" for t in tags]
    issues += issues_for(
        raw,
        file,
        "tags",
        ["; ".join(t["unknown"]) for t in tags],
        lambda i: bool(tags[i]["unknown"]),
        "tag not understood; ignored",
        "tag_not_understood",
    )
    issues += issues_for(
        raw,
        file,
        "region_code",
        [""] * len(tags),
        lambda i: not tags[i]["region"],
        "no region among the tags; set to 'unknown'",
        "region_not_understood",
    )

    for i, text in enumerate(texts):
        row = out.index[i]
        line = int(raw.lines[i])
        out.at[row, "gender"] = _gender(names.iloc[i], text)
        out.at[row, "birth_year"] = _birth_year(text)
        out.at[row, "custody_date"] = _custody(dates.iloc[i], text)
        status = tags[i]["status"]
        wording = extract_verdict(text)
        verdict = parse_verdict(wording) if wording else None
        if wording and verdict is None:
            issues.append(unreadable_verdict(file, line, wording))
        if verdict:
            for column in VERDICT_FIELDS:
                out.at[row, column] = number_text(getattr(verdict, column))
            out.at[row, "verdict_text"] = wording
        elif status in ("trial", "investigation") and not wording:
            out.at[row, "punishment_type"] = "none_yet"
        elif status == "serving" and not wording:
            issues.append(
                RowIssue(
                    file,
                    line,
                    "verdict_text",
                    text[:200],
                    "serving a sentence, but no verdict in the text",
                    "repaired",
                    "verdict_missing",
                )
            )
        out.at[row, "status"] = status
        held = (
            status == "serving" and out.at[row, "punishment_type"] in ("imprisonment", "life")
        ) or bool(_IN_CUSTODY_TEXT.search(text))
        if tags[i]["house_arrest"]:
            out.at[row, "in_custody"] = "false"
        elif held:
            out.at[row, "in_custody"] = "true"

    unknown_points = sum(
        1
        for lon, lat in zip(longitudes, latitudes, strict=True)
        if isinstance(lon, (int, float))
        and isinstance(lat, (int, float))
        and abs(lon - UNKNOWN_POINT[0]) < 0.05
        and abs(lat - UNKNOWN_POINT[1]) < 0.05
    )
    notes = (
        [f"cards at Memorial's 'location unknown' point: {unknown_points}"]
        if unknown_points
        else []
    )
    return Mapped(out.reset_index(drop=True), tuple(issues), tuple(notes))
