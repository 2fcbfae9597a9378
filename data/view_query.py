"""The whole view in a link: the filters, the persons table's search, sort and page, and the
language. A shared link reproduces the exact numbers, and back and forward step through what the
reader did.

`FilterState` stays the one description of *which rows* (and how they are counted); this module
adds what only the page needs, and knows which parts of a link it could not take, so the page can
name them instead of silently showing something else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from urllib.parse import parse_qsl, quote, unquote, urlencode

from data.filters import QUERY_KEYS, QUERY_NAMES, FilterState
from data.query import SORTABLE, FilterOptions
from data.reference import regions
from data.schema import UNKNOWN_REGION

LANGUAGES = ("ru", "en")
DEFAULT_LANGUAGE = "ru"
LANG_KEY, SEARCH_KEY, SORT_KEY, PAGE_KEY = "lang", "q", "sort", "page"
PAGE_KEYS = frozenset({LANG_KEY, SEARCH_KEY, SORT_KEY, PAGE_KEY})
# Added by the sites a link travels through, not by a reader: left out without a notice.
_TRACKING_KEYS = frozenset({"fbclid", "gclid", "yclid", "dclid", "msclkid", "igshid", "_ga"})
_TRACKING_PREFIXES = ("utm_",)
MAX_SEARCH = 100  # characters of a name search kept from a link


def _tracking(key: str) -> bool:
    return key in _TRACKING_KEYS or key.startswith(_TRACKING_PREFIXES)


@dataclass(frozen=True)
class TableState:
    """The persons table as the reader left it. `sort` holds (query sort key, 'asc'|'desc');
    `page` counts from 0 here and from 1 in a link, as readers count."""

    search: str = ""
    sort: tuple[tuple[str, str], ...] = ()
    page: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "search", " ".join(str(self.search or "").split())[:MAX_SEARCH])
        sort = tuple(
            (str(c), str(d)) for c, d in self.sort or () if c in SORTABLE and d in ("asc", "desc")
        )
        object.__setattr__(self, "sort", sort[:1])
        object.__setattr__(self, "page", max(0, int(self.page or 0)))

    def pairs(self) -> list[tuple[str, str]]:
        pairs = [(SEARCH_KEY, self.search)] if self.search else []
        pairs += [(SORT_KEY, ("-" if d == "desc" else "") + c) for c, d in self.sort]
        if self.page:
            pairs.append((PAGE_KEY, str(self.page + 1)))
        return pairs


def _sort_of(text: str) -> tuple[str, str] | None:
    column = text.lstrip("-")
    return (column, "desc" if text.startswith("-") else "asc") if column in SORTABLE else None


def _page_of(text: str) -> int | None:
    return int(text) - 1 if text.isdigit() and 0 < int(text) < 1_000_000 else None


@dataclass(frozen=True)
class ViewQuery:
    filters: FilterState = field(default_factory=FilterState)
    table: TableState = field(default_factory=TableState)
    lang: str = DEFAULT_LANGUAGE
    # 'key=value' items of the link that were not taken: shown to the reader, never part of
    # what the view *is* (two links that differ only in junk show the same thing).
    ignored: tuple[str, ...] = field(default=(), compare=False)

    def to_query(self) -> str:
        """The canonical query string, without '?': filters, table, then the language (always
        written, so that a link opens in the language it was shared in)."""
        filters = self.filters.to_query()
        rest = urlencode([*self.table.pairs(), (LANG_KEY, self.lang)])
        return f"{filters}&{rest}" if filters else rest

    @classmethod
    def parse(cls, query: str | None) -> ViewQuery:
        """Any link's query string -> the view; whatever could not be taken is in `ignored`."""
        query = query.lstrip("?") if isinstance(query, str) else ""  # a hand-made body: anything
        filters, ignored = FilterState.parse_query(query)
        problems = list(ignored)
        search, sort, page, lang = "", (), 0, DEFAULT_LANGUAGE
        for key, text in parse_qsl(query, keep_blank_values=True):
            text = text.strip()
            if key in QUERY_KEYS or _tracking(key):
                continue
            if key == SEARCH_KEY:
                search = text
            elif key == LANG_KEY and text in LANGUAGES:
                lang = text
            elif key == SORT_KEY and _sort_of(text):
                sort = (_sort_of(text),)
            elif key == PAGE_KEY and _page_of(text) is not None:
                page = _page_of(text)
            elif text or key not in PAGE_KEYS:
                problems.append(f"{key}={text}" if text else key)
        return cls(filters, TableState(search, sort, page), lang, tuple(problems))

    def within(self, options: FilterOptions) -> ViewQuery:
        """The view limited to what this dataset has: a link's article, list or region that
        the data does not know is left out and named (a dropdown cannot show it, and would drop
        it silently)."""
        known_regions = {*regions(), UNKNOWN_REGION}
        offered = {
            "articles": {code for code, _ in options.articles},
            "sources": {name for name, _ in options.sources},
            "case_groups": {name for name, _ in options.case_groups},
            "punishments": {name for name, _ in options.punishments},
            "statuses": {name for name, _ in options.statuses},
            "genders": {name for name, _ in options.genders},
            "regions": known_regions,
            "held_regions": known_regions - {UNKNOWN_REGION},
        }
        kept: dict[str, tuple[str, ...]] = {}
        dropped: list[str] = []
        for name, allowed in offered.items():
            chosen = getattr(self.filters, name)
            kept[name] = tuple(v for v in chosen if v in allowed)
            key = QUERY_NAMES[name]
            dropped += [f"{key}={v}" for v in chosen if v not in allowed]
        return replace(
            self, filters=replace(self.filters, **kept), ignored=(*self.ignored, *dropped)
        )


# --- a person's address -------------------------------------------------------------------------

PERSON_PREFIX = "person/"
# A path segment of only dots is a step up, not a name: browsers and servers resolve
# /person/src/.. to /person/. Such ids (and the same with leading "~") get one more "~".
_DOT_SEGMENT = re.compile(r"~*\.{1,2}")
_ESCAPED_DOT_SEGMENT = re.compile(r"~+\.{1,2}")


def _segment(value: str) -> str:
    value = "~" + value if _DOT_SEGMENT.fullmatch(value) else value
    return quote(value, safe="")


def _unsegment(segment: str) -> str:
    value = unquote(segment)
    return value[1:] if _ESCAPED_DOT_SEGMENT.fullmatch(value) else value


def person_path(source: str, person_id: str) -> str:
    """'person/<source>/<id>', relative to the app's root: each part one path segment whatever
    it holds ('/', '?', '#', spaces, Cyrillic, '..'), so every record has a page."""
    return f"{PERSON_PREFIX}{_segment(str(source))}/{_segment(str(person_id))}"


def person_key(path: str) -> tuple[str, str] | None:
    """A person's path ('/person/<source>/<id>', with or without the leading slash, its parts
    percent-encoded as person_path writes them) -> (source, person_id); None for any other
    path."""
    path = path.lstrip("/")
    if not path.startswith(PERSON_PREFIX):
        return None
    parts = path[len(PERSON_PREFIX) :].split("/")
    if len(parts) != 2 or not all(parts):
        return None
    return _unsegment(parts[0]), _unsegment(parts[1])
