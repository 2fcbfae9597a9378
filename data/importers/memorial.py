"""Memorial's figurant cards (JSON, GeoJSON or CSV) -> canonical text cells.

A card has `ID`, `name`, `clauses` (articles), `tags` (a mix of the region in short form, status
labels, case categories and list names), `date` (dd/mm/yyyy, start of custody), `main` (an HTML
description in Russian: birth, charges, the verdict in words), `sourceUrl`, `address` (HTML letter
address of the facility) and, in GeoJSON, a point (near 96.71, 62.52 it means "location unknown").

Status, custody, the measure of restraint and the punishment come from the tags first ("в
заключении", "реальный срок", "идёт суд", "под домашним арестом", ...), then from the text in
the present tense; the sentence is the one in force after any appeal; the region of imprisonment
comes from the letter address. What cannot be read is left empty and reported, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from data.dataset import RowIssue
from data.importers.addresses import region_of_addresses
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
from data.importers.verdicts import SentenceReading, extract_verdict, read_sentence
from data.reference import fold, known_case_group
from data.schema import COLUMN_NAMES, FREE_STATUSES, LIST_SEPARATOR

# What the tags say, matched on the lower-cased, ё-less tag (see formats.md, "tags").
# The status of a person who is free now: it outranks every other tag.
_FREE_TAGS = {
    "освобождены": "released",
    "освобожден": "released",
    "освобождена": "released",
    "на свободе": "released",
    "эмигрировали": "emigrated",
    "умерли": "died",
    "погибли": "died",
}
# The stage of a case before its verdict is in force (an appeal pending is still a trial).
_STAGE_TAGS = {
    "идет суд": "trial",
    "идут суды": "trial",
    "ожидание суда": "trial",
    "апелляция в суде": "trial",
    "следствие": "investigation",
    "идет следствие": "investigation",
}
_SERVING_TAGS = {"отбывают наказание", "отбывает наказание"}
# Held now (SIZO, colony, prison, psychiatric hospital): the most specific custody evidence.
_HELD_TAGS = {"в заключении", "в сизо", "заключение под стражу"}
HOUSE_ARREST = "под домашним арестом"
# The punishment a tag names, where the text's verdict cannot be read.
_PUNISHMENT_TAGS = {
    "реальный срок": "imprisonment",
    "лишение свободы": "imprisonment",
    "принудительные работы": "forced_labour",
    "карательная психиатрия": "compulsory_treatment",
}
_POLITICAL_PRISONER_TAGS = {"современные политзаключенные", "политзаключенные"}
_THEME_TAGS = {
    "преследования по религиозному признаку": "freedom of religion",
    "преследование по религиозному признаку": "freedom of religion",
    "свобода слова": "freedom of speech",
    "свобода собраний": "freedom of assembly",
}
# List names and labels that say nothing about the person ("persecuted now" is implied by every
# other stage; it only rules out "released", which no tag then says).
_IGNORED_TAGS = {"все дела", "все", "мемориал", "наши новости", "преследуются в настоящее время"}
# Punishments served in custody; the others (forced labour, suspended terms, fines, ...) are not.
_CUSTODIAL = {"imprisonment", "life", "compulsory_treatment"}
UNKNOWN_POINT = (96.71, 62.52)  # Memorial's "location unknown": the centre of Russia

# Present tense only: a card that says where the person IS ("Находится в СИЗО"), not where they
# were ("был освобождён из СИЗО"), when no tag says it.
_HELD_NOW_TEXT = re.compile(
    r"(?:находится|находятся|содержится|содержатся|остается|остаются)\s+(?:в|под)\s+"
    r"(?:сизо|стражей|колонии|тюрьме|изоляторе|психиатрическ\w+|следственном)"
    r"|отбывает\s+(?:наказание|срок)\s+в\s+(?:колонии|тюрьме)",
    re.IGNORECASE,
)
_AT_HOME_NOW_TEXT = re.compile(r"(?:находится|находятся)\s+под\s+домашним\s+арестом", re.I)
# Free now, where no tag says otherwise: "вышел на свободу", "освобождён по отбытии срока",
# "оправдан" (not "оправдание терроризма", not "отказали в освобождении").
_RELEASED_TEXT = re.compile(
    r"\b(?:вышел|вышла|вышли)\s+на\s+свободу"
    r"|\bосвобожд[её]н[аы]?\s+(?:по\s+отбытии|после\s+отбытия|условно-досрочно|из\s+колонии"
    r"|из\s+зала\s+суда|в\s+зале\s+суда)"
    r"|\bотбыл[аи]?\s+(?:весь\s+)?срок|\bоправда(?:н|на|ны|л|ла|ли)\b",
    re.IGNORECASE,
)
_STAGE_TEXT = (
    ("trial", re.compile(r"ид[её]т суд|суд ид[её]т|рассматривается в суде|передано в суд", re.I)),
    ("investigation", re.compile(r"ид[её]т следствие|под следствием|следствие продолжается", re.I)),
)

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


@dataclass
class _Tags:
    """What one card's tags say."""

    region: str = ""
    free: str = ""  # released / emigrated / died
    stage: str = ""  # trial / investigation
    serving: bool = False
    held: bool = False
    house_arrest: bool = False
    punishment: str = ""
    groups: list[str] = field(default_factory=list)
    theme: str = ""
    political: bool = False
    unknown: list[str] = field(default_factory=list)


def _read_tags(tags: list[str]) -> _Tags:
    """Region, stage, custody, punishment, case groups, theme and list membership."""
    found = _Tags()
    for tag in tags:
        key = fold(tag)
        if not key or key in _IGNORED_TAGS:
            continue
        if key in _FREE_TAGS:
            found.free = found.free or _FREE_TAGS[key]
        elif key in _STAGE_TAGS:
            found.stage = found.stage or _STAGE_TAGS[key]
        elif key in _SERVING_TAGS:
            found.serving = True
        elif key in _HELD_TAGS:
            found.held = True
        elif key == HOUSE_ARREST:
            found.house_arrest = True
        elif key in _PUNISHMENT_TAGS:
            found.punishment = found.punishment or _PUNISHMENT_TAGS[key]
        elif key in _POLITICAL_PRISONER_TAGS:
            found.political = True
        elif (code := normalise_region(tag)) is not None:
            found.region = found.region or code
        else:
            group = known_case_group(tag)
            if key in _THEME_TAGS:
                found.theme = found.theme or _THEME_TAGS[key]
            if group is not None and group not in found.groups:
                found.groups.append(group)
            elif group is None and key not in _THEME_TAGS:
                found.unknown.append(tag)
    return found


def _addresses(cell: object) -> list[str]:
    """Letter addresses as plain text: a list holds several, a string is one whole address (its
    commas separate the parts of the address, not addresses)."""
    items = cell if isinstance(cell, (list, tuple)) else [cell]
    return [text for item in items if (text := plain(item))]


@dataclass(frozen=True)
class _State:
    """Where a card's person is and what stage the case is at, from the most specific evidence:
    the tags first, then the text in the present tense, then what the verdict implies."""

    status: str
    in_custody: str  # "true", "false" or "" (not known)
    restraint: str


def _state(tags: _Tags, text: str, punishment: str, reading: SentenceReading | None) -> _State:
    """Tags first; then the text in the present tense; then what the verdict implies. A verdict
    quashed on appeal puts the case back before a court."""
    if tags.free:
        return _State(tags.free, "false", "none")
    held_now = tags.held or bool(_HELD_NOW_TEXT.search(text))
    at_home = tags.house_arrest or (not held_now and bool(_AT_HOME_NOW_TEXT.search(text)))
    if not (tags.stage or held_now or at_home) and _RELEASED_TEXT.search(text):
        return _State("released", "false", "none")
    status = tags.stage
    if not status and reading is not None and reading.quashed:
        status = "trial"
    if not status and (tags.serving or reading is not None or tags.punishment):
        status = "serving"  # a verdict and no stage before a final one: it is being served
    if not status:
        status = next((s for s, pattern in _STAGE_TEXT if pattern.search(text)), "")
    if at_home:
        return _State(status, "false", "house_arrest")
    if held_now:
        return _State(status, "true", "custody")
    if status == "serving" and punishment:
        custodial = punishment in _CUSTODIAL
        return _State(status, "true" if custodial else "false", "custody" if custodial else "none")
    return _State(status, "", "")


def _contradiction(tags: _Tags) -> str:
    """Tags that cannot all be true now, and which one was kept (said in the report)."""
    if tags.free and (tags.held or tags.house_arrest or tags.stage):
        return f"{tags.free} and still prosecuted or held; {tags.free} kept"
    if tags.held and tags.house_arrest:
        return "held and under house arrest; house arrest kept"
    return ""


def _verdict_cells(reading: SentenceReading | None) -> dict[str, str]:
    """The punishment columns from a verdict reading: the sentence in force, the first-instance
    term where a higher court changed it, and every wording the fields come from."""
    if reading is None:
        return {}
    wordings = " … ".join((reading.wording, *reading.changes))
    if reading.in_force is None:  # quashed: the case is back before a court
        return {"punishment_type": "none_yet", "verdict_text": wordings}
    cells = {c: number_text(getattr(reading.in_force, c)) for c in VERDICT_FIELDS}
    first, now = reading.first.sentence_months, reading.in_force.sentence_months
    if reading.changed and first is not None and first != now:
        cells["first_instance_months"] = number_text(first)
    cells["verdict_text"] = wordings
    return cells


def to_canonical(raw: RawTable, file: str, source: str | None) -> Mapped:
    c = Columns(raw)
    out = pd.DataFrame(index=raw.frame.index, columns=list(COLUMN_NAMES), dtype=object).fillna("")
    issues: list[RowIssue] = []
    names = c.text("name", "fio", "title")
    texts = [plain(v) for v in c.get("main", "description", "text")]
    dates = c.text("date", "custody_date", "arrest_date")
    addresses = [_addresses(v) for v in c.get("address", "facility")]
    longitudes, latitudes = c.get("_lon", "lon", "longitude"), c.get("_lat", "lat", "latitude")

    out["person_id"] = c.text("id", "person_id")
    out["source"] = source or "memorial"
    out["name"] = names
    out["source_url"] = c.text("sourceurl", "source_url", "url")
    out["facility"] = ["; ".join(a for a in found if a) for found in addresses]

    out["articles"], found = articles_column(raw, file, c.get("clauses", "articles"))
    issues += found

    tag_lists = [as_list(v) for v in c.get("tags", "labels")]
    tags = [_read_tags(found) for found in tag_lists]
    out["region_code"] = [t.region or "unknown" for t in tags]
    out["case_group"] = [LIST_SEPARATOR.join(t.groups) for t in tags]
    out["theme"] = [t.theme for t in tags]
    out["recognized_political_prisoner"] = ["true" if t.political else "" for t in tags]
    issues += issues_for(
        raw,
        file,
        "tags",
        ["; ".join(t.unknown) for t in tags],
        lambda i: bool(tags[i].unknown),
        "tag not understood; ignored",
        "tag_not_understood",
    )
    tag_texts = ["; ".join(found) for found in tag_lists]
    issues += issues_for(
        raw,
        file,
        "region_code",
        tag_texts,
        lambda i: not tags[i].region,
        "no region among the tags; set to 'unknown'",
        "region_not_understood",
    )

    for i, text in enumerate(texts):
        row = out.index[i]
        line = int(raw.lines[i])
        card = tags[i]
        out.at[row, "gender"] = _gender(names.iloc[i], text)
        out.at[row, "birth_year"] = _birth_year(text)
        out.at[row, "custody_date"] = _custody(dates.iloc[i], text)
        wording = extract_verdict(text)
        reading = read_sentence(text) if wording else None
        if wording and reading is None:
            issues.append(unreadable_verdict(file, line, wording))
        for column, value in _verdict_cells(reading).items():
            out.at[row, column] = value
        punishment = out.at[row, "punishment_type"] or card.punishment
        state = _state(card, text, punishment, reading)
        if state.status in FREE_STATUSES and punishment == "none_yet":
            punishment = ""  # acquitted or quashed and free: no verdict is pending
        if contradiction := _contradiction(card):
            issues.append(
                RowIssue(
                    file,
                    line,
                    "tags",
                    contradiction,
                    "the tags contradict each other",
                    "repaired",
                    "tags_contradict",
                )
            )
        if not punishment and state.status in ("trial", "investigation"):
            punishment = "none_yet"
        elif state.status == "serving" and not punishment:
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
        out.at[row, "punishment_type"] = punishment
        out.at[row, "status"] = state.status
        out.at[row, "in_custody"] = state.in_custody
        out.at[row, "restraint"] = state.restraint
        if state.in_custody == "true":  # an address of a person no longer held is not "held in"
            out.at[row, "imprisonment_region_code"] = region_of_addresses(addresses[i]) or ""

    unknown_points = sum(
        1
        for lon, lat in zip(longitudes, latitudes, strict=True)
        if isinstance(lon, (int, float))
        and isinstance(lat, (int, float))
        and abs(lon - UNKNOWN_POINT[0]) < 0.05
        and abs(lat - UNKNOWN_POINT[1]) < 0.05
    )
    notes = (
        [
            "cards placed at Memorial's “location unknown” point (the centre of Russia): "
            f"{unknown_points}; where these people are held is not known from the point"
        ]
        if unknown_points
        else []
    )
    return Mapped(out.reset_index(drop=True), tuple(issues), tuple(notes))
