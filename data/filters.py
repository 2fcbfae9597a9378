"""`FilterState`: the single description of what the user asked for.

Frozen and canonical *by construction*: `__post_init__` walks `dataclasses.fields()` and puts
every field into its one canonical form by the field's kind (a selection becomes a sorted,
de-duplicated tuple of allowed values; a date becomes a `date`; a choice falls back to its
default). No field is named by hand there, so a field added later cannot slip through as a list
and make the cache key unhashable. Two equal requests are equal objects, hit the same cache entry
and give the same URL. It round-trips through a URL query string, leniently: a shared link with
an unknown or malformed parameter still opens, minus that parameter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, timedelta
from functools import cached_property
from urllib.parse import parse_qsl, urlencode

from data.schema import GENDERS, PUNISHMENT_TYPES, STATUSES

UNITS = ("persons", "prosecutions")
BASES = ("prosecution", "imprisonment")  # which region the map counts by
MAP_VIEWS = ("map", "grid")
MEASURES = ("count", "per_million")  # the map: counts, or counts per million residents
GRANULARITIES = ("month", "quarter", "year")
# Which date a period (and the timeline) is about: the start of the case, the start of custody
# ("arrest"), or the first-instance verdict. Each is a column of the canonical schema.
DATE_BASES = ("arrest", "start", "verdict")
DATE_COLUMNS = {"arrest": "custody_date", "start": "persecution_start", "verdict": "verdict_date"}

# Query-string names: short, stable, readable in a shared link.
QUERY_NAMES = {
    "articles": "article",
    "regions": "region",
    "date_from": "from",
    "date_to": "to",
    "dates": "dates",
    "punishments": "punishment",
    "statuses": "status",
    "genders": "gender",
    "case_groups": "group",
    "sources": "source",
    "held_regions": "held",
    "unit": "unit",
    "granularity": "by",
    "basis": "basis",
    "view": "view",
    "measure": "measure",
}
# Selections limited to a known list ("unknown" is a punishment filter value too: the rows whose
# punishment is not known). Other selections (articles, regions, ...) take any value: a value the
# data does not have simply matches nothing.
_ALLOWED_VALUES = {
    "punishments": (*PUNISHMENT_TYPES, "unknown"),
    "statuses": STATUSES,
    "genders": GENDERS,
}
# Single choices: the allowed values; anything else falls back to the field's default.
_CHOICES = {
    "unit": UNITS,
    "granularity": GRANULARITIES,
    "basis": BASES,
    "view": MAP_VIEWS,
    "measure": MEASURES,
    "dates": DATE_BASES,
}
# Options that change how the selection is shown, not which rows are in it.
VIEW_OPTIONS = ("unit", "granularity", "basis", "view", "measure")
QUERY_KEYS = frozenset(QUERY_NAMES.values())
_FIELD_OF_KEY = {key: name for name, key in QUERY_NAMES.items()}
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def query_date(text: str, end: bool) -> date | None:
    """'2022-03' or '2022-03-15' from a link -> a day; a month means its first day for the start
    of a period and its last day for the end. Anything else -> None."""
    text = text.strip()
    try:
        month = _YEAR_MONTH.match(text)
        if month:
            first = _in_range(date(int(month[1]), int(month[2]), 1))
            if first is None:
                return None
            return _next_month(first) - timedelta(days=1) if end else first
        return _in_range(date.fromisoformat(text)) if _DAY.match(text) else None
    except ValueError:
        return None


def _query_text(name: str, day: date) -> str:
    """A period end in a link: the month alone ('2022-03') where the end is a whole month's."""
    whole_month = day.day == 1 if name == "date_from" else _next_month(day) - day == timedelta(1)
    return f"{day.year:04d}-{day.month:02d}" if whole_month else day.isoformat()


def _query_value(name: str, text: str) -> object | None:
    """One value of a link's parameter for field `name`, or None when the field cannot take it."""
    if name.startswith("date_"):
        return query_date(text, end=name == "date_to")
    allowed = _CHOICES.get(name) or _ALLOWED_VALUES.get(name)
    if allowed is not None and text not in allowed:
        return None
    return text


def _selection(values: Iterable[object] | object, allowed: tuple[str, ...] | None) -> tuple:
    """Any sequence (list from a dropdown, tuple, set, a single string) -> a sorted tuple of
    distinct non-empty strings, limited to `allowed` where the field has a list."""
    if values is None:
        return ()
    if not isinstance(values, (list, tuple, set, frozenset)):
        values = [values]  # one value where a list was expected (a hand-made request)
    found = {str(v) for v in values if v not in (None, "")}
    if allowed is not None:
        found &= set(allowed)
    return tuple(sorted(found))


# Days a period may name: wider than any list, narrow enough that a month after the last one
# still exists (a link's to=9999-12-31 made every page answer 500).
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2199, 12, 31)


def _in_range(day: date | None) -> date | None:
    return day if day is not None and FIRST_DAY <= day <= LAST_DAY else None


def _day(value: object) -> date | None:
    """A date, a datetime or an ISO text -> the day (dates in filters are days, never times);
    a day outside FIRST_DAY..LAST_DAY -> None."""
    if isinstance(value, datetime):
        return _in_range(value.date())
    if isinstance(value, date):
        return _in_range(value)
    if isinstance(value, str) and value:
        try:
            return _in_range(date.fromisoformat(value[:10]))
        except ValueError:
            return None
    return None


@dataclass(frozen=True)
class FilterState:
    articles: tuple[str, ...] = ()  # article keys ("207.3"): a case matches if any charge is one
    regions: tuple[str, ...] = ()  # region of prosecution, ISO codes
    date_from: date | None = None  # inclusive, on the date named by `dates`
    date_to: date | None = None  # inclusive
    dates: str = "arrest"  # which date the period and the timeline are about (DATE_BASES)
    punishments: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    genders: tuple[str, ...] = ()
    case_groups: tuple[str, ...] = ()  # a case matches if any of its groups is one
    sources: tuple[str, ...] = ()  # source lists (the `source` column)
    held_regions: tuple[str, ...] = ()  # region of imprisonment, ISO codes
    unit: str = "persons"  # what counts count: PRODUCT.md says persons unless asked otherwise
    granularity: str = "month"  # of the timeline
    basis: str = "prosecution"  # the map: region of prosecution or of imprisonment
    view: str = "map"  # the map: geographic, or a tile grid
    measure: str = "count"  # the map: counts, or per million residents

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(f.default, tuple):
                value = _selection(value, _ALLOWED_VALUES.get(f.name))
            elif f.name in _CHOICES:
                value = value if value in _CHOICES[f.name] else f.default
            elif f.name.startswith("date_"):
                value = _day(value)
            else:  # pragma: no cover - a new kind of field must say how it is canonical
                raise TypeError(f"FilterState.{f.name}: no canonical form defined")
            object.__setattr__(self, f.name, value)
        if self.date_from and self.date_to and self.date_from > self.date_to:
            earlier, later = self.date_to, self.date_from
            object.__setattr__(self, "date_from", earlier)
            object.__setattr__(self, "date_to", later)

    @property
    def date_column(self) -> str:
        """The canonical column the period and the timeline read."""
        return DATE_COLUMNS[self.dates]

    @property
    def has_period(self) -> bool:
        return self.date_from is not None or self.date_to is not None

    @cached_property
    def filters_only(self) -> FilterState:
        """The same selection with default view options: what decides which rows are in (kept
        once made: every cached aggregate's key starts with it)."""
        default = FilterState()
        return replace(self, **{name: getattr(default, name) for name in VIEW_OPTIONS})

    @property
    def is_default(self) -> bool:
        return self.filters_only == FilterState()

    def to_query(self) -> str:
        """'article=207.3&article=205.5&from=2022-02&unit=prosecutions' (defaults left out; a
        period end that is a whole month is written as the month)."""
        pairs: list[tuple[str, str]] = []
        default = FilterState()
        for f in fields(self):
            value = getattr(self, f.name)
            if value == getattr(default, f.name):
                continue
            key = QUERY_NAMES[f.name]
            if isinstance(value, tuple):
                pairs.extend((key, v) for v in value)
            elif isinstance(value, date):
                pairs.append((key, _query_text(f.name, value)))
            else:
                pairs.append((key, str(value)))
        return urlencode(pairs)

    @classmethod
    def parse_query(cls, query: str) -> tuple[FilterState, tuple[str, ...]]:
        """A link's query string (with or without '?') -> the state, and the 'key=value' items
        of filter keys it could not take (a status that does not exist, a date that is not one),
        so the page can name them. Keys that are not filter keys are left to the caller.
        A selection takes repeated keys or a comma list ('article=207.3,280.3'); for a single
        choice the last value given wins."""
        values: dict[str, list[object]] = {}
        ignored: list[str] = []
        defaults = cls()
        for key, text in parse_qsl(query.lstrip("?"), keep_blank_values=True):
            name = _FIELD_OF_KEY.get(key)
            if name is None:
                continue
            many = isinstance(getattr(defaults, name), tuple)
            for part in (p.strip() for p in (text.split(",") if many else [text])):
                if not part:
                    continue
                value = _query_value(name, part)
                if value is None:
                    ignored.append(f"{key}={part}")
                else:
                    values.setdefault(name, []).append(value)
        kwargs = {
            name: tuple(found) if isinstance(getattr(defaults, name), tuple) else found[-1]
            for name, found in values.items()
        }
        return cls(**kwargs), tuple(ignored)

    @classmethod
    def from_query(cls, query: str) -> FilterState:
        """Parse a query string leniently: unknown keys and bad values are left out."""
        return cls.parse_query(query)[0]
