"""Reference tables shipped with the app: regions and Criminal Code articles, in Russian and
English.

The region table is a copy of ../shared/reference/regions_ru.csv (the app must not need ../shared).
Occupied territories get display labels that say so in both languages (PRODUCT.md, Definitions).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TypeVar

REFERENCE_DIR = Path(__file__).parent / "reference"
T = TypeVar("T")

# Labels for the occupied territories: the short, commonly used name plus "occupied".
_OCCUPIED_LABELS = {
    "UA-43": ("Крым (оккупирован)", "Crimea (occupied)"),
    "UA-40": ("Севастополь (оккупирован)", "Sevastopol (occupied)"),
    "UA-14": ("Донецкая обл. (оккупирована)", "Donetsk Oblast (occupied)"),
    "UA-09": ("Луганская обл. (оккупирована)", "Luhansk Oblast (occupied)"),
    "UA-23": ("Запорожская обл. (оккупирована)", "Zaporizhzhia Oblast (occupied)"),
    "UA-65": ("Херсонская обл. (оккупирована)", "Kherson Oblast (occupied)"),
}


@dataclass(frozen=True)
class Region:
    code: str
    ne_name: str
    name_ru: str
    name_en: str
    kind: str

    @property
    def occupied(self) -> bool:
        return self.kind == "occupied"

    def label(self, lang: str) -> str:
        """The name shown in the interface, saying 'occupied' where it applies."""
        if self.code in _OCCUPIED_LABELS:
            ru, en = _OCCUPIED_LABELS[self.code]
            return ru if lang == "ru" else en
        return self.name_ru if lang == "ru" else self.name_en


def _by_code(name: str, make: Callable[[dict[str, str]], T]) -> dict[str, T]:
    """A reference table (data/reference/NAME, a `code` column) as objects by code, in order."""
    with open(REFERENCE_DIR / name, encoding="utf-8", newline="") as fh:
        return {row["code"]: make(row) for row in csv.DictReader(fh)}


@cache
def regions() -> dict[str, Region]:
    """All 89 regions by ISO code, in the table's order."""
    return _by_code("regions_ru.csv", lambda row: Region(**row))


def region_label(code: str, lang: str) -> str:
    """Display name of a region code; the code itself when unknown to the table."""
    region = regions().get(code)
    if region is not None:
        return region.label(lang)
    if code == "unknown":
        return "Регион неизвестен" if lang == "ru" else "Region unknown"
    return code


# The population table (a copy of ../shared/reference/population_ru.csv): Rosstat's estimate of
# the resident population on 1 January 2020. Named wherever a number per resident is shown.
POPULATION_YEAR = 2020
POPULATION_DATE = "2020-01-01"


@cache
def population() -> dict[str, int | None]:
    """Residents by region code; None where Rosstat gives no figure (the parts of Ukraine annexed
    in 2022): such a region has no rate, never a rate of zero."""
    with open(REFERENCE_DIR / "population_ru.csv", encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return {
            row["code"]: int(row["population_2020"]) if row["population_2020"] else None
            for row in rows
        }


@dataclass(frozen=True)
class KnownList:
    """A published list the dashboard knows by its usual source name: how to name it and where
    it comes from, when no metadata file says otherwise."""

    name_ru: str
    name_en: str
    organisation: str
    url: str

    def label(self, lang: str) -> str:
        return self.name_ru if lang == "ru" else self.name_en


KNOWN_LISTS: dict[str, KnownList] = {
    "memorial": KnownList(
        "Мемориал: политзаключённые",
        "Memorial: political prisoners",
        "Поддержка политзаключённых. Мемориал",
        "https://memopzk.org/",
    ),
    "ovdinfo": KnownList(
        "ОВД-Инфо: уголовные преследования",
        "OVD-Info: criminal prosecutions",
        "ОВД-Инфо",
        "https://ovd.info/",
    ),
}


TILE = 0.92  # a tile's side in grid units: the rest is the gap between tiles


@dataclass(frozen=True)
class Tile:
    """A region's place on the tile grid map, with labels short enough for a tile."""

    code: str
    row: int
    col: int
    label_ru: str
    label_en: str

    def label(self, lang: str) -> str:
        return self.label_ru if lang == "ru" else self.label_en

    def short(self, lang: str) -> str:
        """At most four letters, for a phone's 20-pixel tiles ("МСК", "Свер")."""
        label = self.label(lang)
        if len(label) <= 4:
            return label
        return _SHORT_TILES.get(self.code, {}).get(lang) or label[:4]


# Short tile labels that the first four letters would not make ("Моск" reads as nothing).
_SHORT_TILES = {
    "RU-MOW": {"ru": "МСК", "en": "Msk"},
    "RU-MOS": {"ru": "МО", "en": "MO"},
    "RU-ME": {"ru": "МарЭ", "en": "MarE"},
    "RU-SE": {"ru": "СОст", "en": "NOss"},
    "RU-NIZ": {"ru": "НижН", "en": "NizN"},
}


@cache
def tile_grid() -> dict[str, Tile]:
    """The hand-made tile grid (data/reference/tile_grid.csv): neighbours stay neighbours, and
    Moscow, St Petersburg and Sevastopol get a whole tile like any other region."""
    return _by_code(
        "tile_grid.csv",
        lambda row: Tile(
            row["code"], int(row["row"]), int(row["col"]), row["label_ru"], row["label_en"]
        ),
    )


def tile_geojson() -> dict:
    """The tile grid as GeoJSON squares in plain degrees (rows going south), outer rings
    clockwise as plotly wants them; built into assets/geo/tiles.geojson."""
    features = []
    for tile in tile_grid().values():
        west, north = tile.col, -tile.row
        east, south = round(west + TILE, 2), round(north - TILE, 2)
        ring = [[west, north], [east, north], [east, south], [west, south], [west, north]]
        features.append(
            {
                "type": "Feature",
                "id": tile.code,
                "properties": {"code": tile.code},
                "geometry": {"type": "Polygon", "coordinates": [ring]},
            }
        )
    return {"type": "FeatureCollection", "features": features}


@dataclass(frozen=True)
class Article:
    code: str
    name_ru: str
    name_en: str

    def label(self, lang: str) -> str:
        return self.name_ru if lang == "ru" else self.name_en


@cache
def articles() -> dict[str, Article]:
    """Short names of the articles of the Criminal Code common in these lists, by article number."""
    return _by_code("articles.csv", lambda row: Article(**row))


_PART_RU = re.compile(r"\bч\.\s*(\d+(?:\.\d+)?)")


def article_display(article: str, lang: str) -> str:
    """A normalised charge as the reader's language writes it: '207.3 ч.2' -> '207.3 Part 2'."""
    return article if lang == "ru" else _PART_RU.sub(r"Part \1", article)


def article_sort_key(code: str) -> tuple[int, int]:
    """Numeric order: 30 < 205 < 205.1 < 205.5 < 207.3 < 280.3."""
    main, _, sub = code.partition(".")
    return (int(main) if main.isdigit() else 10**6, int(sub) if sub.isdigit() else 0)


@dataclass(frozen=True)
class Chapter:
    number: str
    first: int
    last: int
    name_ru: str
    name_en: str

    def label(self, lang: str) -> str:
        if lang == "ru":
            return f"гл. {self.number}: {self.name_ru}"
        return f"ch. {self.number}: {self.name_en}"


@cache
def chapters() -> tuple[Chapter, ...]:
    """The Criminal Code's chapters by the articles they hold (data/reference/chapters.csv)."""
    with open(REFERENCE_DIR / "chapters.csv", encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return tuple(
            Chapter(r["chapter"], int(r["first"]), int(r["last"]), r["name_ru"], r["name_en"])
            for r in rows
        )


def chapter_of(code: str) -> Chapter | None:
    """The chapter an article number is in: 207.3 is in the chapter of 207."""
    main = code.partition(".")[0]
    if not main.isdigit():
        return None
    number = int(main)
    return next((c for c in chapters() if c.first <= number <= c.last), None)


def article_label(code: str, lang: str) -> str:
    """'207.3 — «Фейки» об армии': the number with its short name; for an article with no short
    name of its own, the name of its chapter ('242.2 — гл. 25: Преступления против здоровья
    населения…'): a reader never sees a bare number."""
    article = articles().get(code)
    if article:
        return f"{code} — {article.label(lang)}"
    chapter = chapter_of(code)
    return f"{code} — {chapter.label(lang)}" if chapter else code


# Case groups: the Russian name used across sources, its English name, and other spellings that
# lists use for the same group (matched case-insensitively). Other groups show as published.
_CASE_GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "Антивоенное дело",
        "Anti-war cases",
        (
            "anti-war case",
            "antiwar case",
            "антивоенные дела",
            "anti-war",
            "антивоенное",
            "репрессии за антивоенную позицию",
        ),
    ),
    ("Хизб ут-Тахрир", "Hizb ut-Tahrir", ("hizb ut-tahrir", "хизб ут-тахрир", "hizb-ut-tahrir")),
    (
        "Свидетели Иеговы",
        "Jehovah's Witnesses",
        (
            "jehovah's witnesses",
            "jehovah’s witnesses",
            "свидетели иеговы",
            "jw",
            "преследование свидетелей иеговы",
        ),
    ),
    (
        "Госизмена",
        "Treason",
        (
            "treason",
            "high treason",
            "госизмена",
            "государственная измена",
            "дела о государственной измене",
        ),
    ),
    ("Поджоги и диверсии", "Arson and sabotage", ("arson and sabotage",)),
    ("Болотное дело", "Bolotnaya Square case", ("bolotnaya case", "bolotnaya square case")),
    ("Экстремистское сообщество", "Extremist community", ("extremist community",)),
    ("Таблиги Джамаат и другие", "Tablighi Jamaat and others", ()),
    ("Таблиги Джамаат", "Tablighi Jamaat", ("tablighi jamaat", "tablighi jamaat case")),
    ("Нурджулар", "Nurcular", ("nurcular", "nurdzhular", "нурджулар", "said nursi")),
    (
        "Дело ФБК",
        "Anti-Corruption Foundation case",
        ("fbk case", "anti-corruption foundation", "дело фбк", "фбк"),
    ),
    ("Крымские татары", "Crimean Tatars", ("crimean tatars", "преследование крымских татар")),
    (
        "Дело «Сети»",
        "The Network case",
        ("network case", "the network case", "дело сети", "дело «сети»"),
    ),
    # Memorial's case categories (its card tags), named as the tags name them.
    ("Дела мусульман", "Cases against Muslims", ("дела мусульман",)),
    (
        "Религиозные преследования",
        "Religious persecution",
        ("преследования по религиозному признаку", "преследование по религиозному признаку"),
    ),
    ("«Украинский след»", "“Ukrainian trace” cases", ("украинский след",)),
    ("Преследование украинцев", "Persecution of Ukrainians", ("преследование украинцев",)),
    ("Гражданские активисты", "Civic activists", ("дела гражданских активистов",)),
    (
        "Сторонники Навального",
        "Navalny supporters",
        ("преследование сторонников навального", "navalny supporters"),
    ),
    ("Журналисты", "Journalists", ("дела журналистов", "journalists")),
    (
        "Конфиденциальное сотрудничество с иностранцами",
        "Confidential cooperation with foreigners",
        ("конфиденциальное сотрудничество с иностранцами",),
    ),
    (
        "Антитеррористические статьи",
        "Anti-terrorism laws",
        ("антитеррористическое законодательство",),
    ),
    ("Оправдание терроризма", "Justification of terrorism", ("оправдание терроризма",)),
    (
        "«Экстремистские» высказывания",
        "“Extremist” statements",
        ("«экстремистские» высказывания", "экстремистские высказывания"),
    ),
    ("Другие дела", "Other cases", ("другие дела",)),
)


def fold(text: str) -> str:
    """Names compare without case, "ё" or extra spaces: "Орёл" = "орел", "Идёт  суд" = "идет
    суд"."""
    return " ".join(text.casefold().replace("ё", "е").split())


@cache
def _case_group_index() -> dict[str, tuple[str, str]]:
    index = {}
    for ru, en, aliases in _CASE_GROUPS:
        for spelling in (ru, en, *aliases):
            index[fold(spelling)] = (ru, en)
    return index


def known_case_group(name: str) -> str | None:
    """The canonical name of a case group we know by any of its spellings, else None."""
    found = _case_group_index().get(fold(name)) if name else None
    return found[0] if found else None


def canonical_case_group(name: str) -> str:
    """One name per group across sources: 'Anti-war case' and 'антивоенное дело' are both
    'Антивоенное дело'. Unknown groups stay as published."""
    if not name or not name.strip():
        return ""
    found = _case_group_index().get(fold(name))
    return found[0] if found else name.strip()


def case_group_label(name: str, lang: str) -> str:
    """A case group as the reader's language has it, where we know the translation."""
    found = _case_group_index().get(fold(name))
    if found:
        return found[0] if lang == "ru" else found[1]
    return name
