"""Pieces the OVD-Info and Memorial importers share: finding a column among its aliases, lists that
arrive as arrays or as separated strings, statuses and genders in words, dates in Russian text."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date

import numpy as np
import pandas as pd

from data.articles import normalise_articles
from data.dataset import RowIssue
from data.importers.read import RawTable
from data.loader import cell_text, distinct_values, strip_markup

_SEPARATORS = re.compile(r"\s*(?:[;\n|]|,(?!\d{3}))\s*")


class Columns:
    """Case-insensitive access to a raw frame's columns by alias, `_ru`/`_en` suffixes included."""

    def __init__(self, raw: RawTable) -> None:
        self.raw = raw
        self.by_name = {str(c).strip().lower(): c for c in raw.frame.columns}

    def find(self, *aliases: str) -> str | None:
        for alias in aliases:
            if alias.lower() in self.by_name:
                return self.by_name[alias.lower()]
        return None

    def get(self, *aliases: str) -> pd.Series:
        """The first alias present, as raw values; a column of None when none is."""
        column = self.find(*aliases)
        if column is None:
            return pd.Series([None] * len(self.raw.frame), index=self.raw.frame.index, dtype=object)
        return self.raw.frame[column]

    def text(self, *aliases: str) -> pd.Series:
        return self.get(*aliases).map(cell_text).map(str.strip)

    def localised(self, base: str, *more: str) -> pd.Series:
        """`base_ru`, then `base`, then `base_en` (Russian as published first), then aliases."""
        return self.text(f"{base}_ru", base, f"{base}_en", *more)


def as_list(value: object) -> list[str]:
    """A list cell: a JSON array, or a string separated by commas, semicolons or newlines
    (a comma followed by three digits is a thousands separator, not a list separator)."""
    if isinstance(value, (list, tuple, np.ndarray)):
        return [cell_text(v).strip() for v in value if cell_text(v).strip()]
    text = cell_text(value).strip()
    if not text:
        return []
    return [part for part in _SEPARATORS.split(text) if part]


def plain(value: object) -> str:
    """A text cell without HTML."""
    return strip_markup(cell_text(value))


_GENDERS = {
    "male": "male",
    "m": "male",
    "м": "male",
    "муж": "male",
    "мужской": "male",
    "man": "male",
    "мужчина": "male",
    "female": "female",
    "f": "female",
    "ж": "female",
    "жен": "female",
    "женский": "female",
    "woman": "female",
    "женщина": "female",
}


def gender(value: str) -> str:
    """'' when empty, the canonical gender when known, the value itself (reported) otherwise."""
    text = value.strip().lower().rstrip(".")
    return _GENDERS.get(text, value) if text else ""


# Status from free text in Russian or English; the first rule that matches wins, so the specific
# come before the general ("served his sentence" is released, not serving).
_STATUS_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (status, re.compile(pattern, re.IGNORECASE))
    for status, pattern in (
        ("died", r"умер|умерл|погиб|скончал|\bdied\b|\bdeath\b|\bdead\b"),
        (
            "emigrated",
            r"эмигр|уехал|выехал|покинул\w* росси|за границ|за рубеж|emigrat|abroad"
            r"|left russia|outside russia",
        ),
        (
            "released",
            r"на свобод|освобожд|отбыл\w* (срок|наказ)|at large|released|served (his|her"
            r"|their) (sentence|term)|\bacquitted|оправдан",
        ),
        (
            "serving",
            r"отбыва|приговор[её]н\w* к|в (исправительной )?колони|serving|sentenced to"
            r"|penal colony|\bin prison|correctional|transfer",
        ),
        ("trial", r"\bсуд\b|суд ид[её]т|идёт суд|идет суд|рассматрива|on trial|\btrial\b|court"),
        (
            "investigation",
            r"сизо|под страж|домашн\w* арест|следстви|розыск|pre-?trial|detention"
            r"|house arrest|investigat|under arrest|wanted|преследу",
        ),
        ("unknown", r"неизвестн|нет данных|\bunknown\b|not known"),
    )
)


def status_from_text(text: str) -> str | None:
    """A status for a free-text state, or None when the text says nothing we can place."""
    if not text.strip():
        return None
    for status, pattern in _STATUS_RULES:
        if pattern.search(text):
            return status
    return None


_MONTHS_GENITIVE = {
    "января": 1,
    "февраля": 2,
    "марта": 3,
    "апреля": 4,
    "мая": 5,
    "июня": 6,
    "июля": 7,
    "августа": 8,
    "сентября": 9,
    "октября": 10,
    "ноября": 11,
    "декабря": 12,
}
_RUSSIAN_DATE = re.compile(r"(\d{1,2})\s+(" + "|".join(_MONTHS_GENITIVE) + r")\s+(\d{4})")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")


def russian_date(text: str) -> date | None:
    """'5 марта 2024' or '05.03.2024' -> date; None when there is none or it is impossible."""
    match = _RUSSIAN_DATE.search(text)
    if match:
        day, month, year = int(match[1]), _MONTHS_GENITIVE[match[2]], int(match[3])
    else:
        match = _NUMERIC_DATE.search(text)
        if not match:
            return None
        day, month, year = int(match[1]), int(match[2]), int(match[3])
    try:
        return date(year, month, day)
    except ValueError:
        return None


def articles_column(raw: RawTable, file: str, cells: pd.Series) -> tuple[list[str], list[RowIssue]]:
    """A column of article cells (arrays, or strings of several) -> canonical '|'-joined lists,
    and an issue for every row with a fragment that is not an article."""
    codes, distinct = distinct_values(cells)  # each distinct cell read once
    once = [normalise_articles(v if isinstance(v, str) else as_list(v)) for v in distinct]
    once.append(normalise_articles(as_list(None)))  # code -1: an empty cell
    parsed = [once[code] for code in codes]
    issues = issues_for(
        raw,
        file,
        "articles",
        ["; ".join(bad) for _, bad in parsed],
        lambda i: bool(parsed[i][1]),
        "article not understood; left out",
        "article_not_understood",
    )
    return ["|".join(articles) for articles, _ in parsed], issues


def number_text(value: float | int | None) -> str:
    """A number as a canonical text cell: '' for none, 78 not 78.0."""
    if value is None:
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


VERDICT_FIELDS = (
    "punishment_type",
    "regime",
    "sentence_months",
    "prison_months",
    "probation_months",
    "fine_rub",
)


def unreadable_verdict(file: str, line: int, text: str) -> RowIssue:
    """The verdict's words could not be read: the punishment stays empty (never guessed)."""
    return RowIssue(
        file,
        line,
        "verdict_text",
        text[:200],
        "verdict not understood; punishment left empty",
        "repaired",
        "verdict_not_understood",
    )


def issues_for(
    raw: RawTable,
    file: str,
    column: str,
    values: Sequence[str],
    bad: Callable[[int], bool],
    reason: str,
    code: str,
) -> list[RowIssue]:
    """One 'repaired' issue per row where `bad(position)` is true, at that row's line."""
    return [
        RowIssue(file, int(raw.lines[i]), column, str(values[i])[:200], reason, "repaired", code)
        for i in range(len(values))
        if bad(i)
    ]
