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

from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
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
_QUERY_NAMES = {
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


def _day(value: object) -> date | None:
    """A date, a datetime or an ISO text -> the day (dates in filters are days, never times)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value[:10])
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

    @property
    def filters_only(self) -> FilterState:
        """The same selection with default view options: what decides which rows are in."""
        default = FilterState()
        return replace(self, **{name: getattr(default, name) for name in VIEW_OPTIONS})

    @property
    def is_default(self) -> bool:
        return self.filters_only == FilterState()

    def to_query(self) -> str:
        """'article=207.3&article=205.5&from=2022-02-24&unit=prosecutions' (defaults left out)."""
        pairs: list[tuple[str, str]] = []
        default = FilterState()
        for f in fields(self):
            value = getattr(self, f.name)
            if value == getattr(default, f.name):
                continue
            key = _QUERY_NAMES[f.name]
            if isinstance(value, tuple):
                pairs.extend((key, v) for v in value)
            elif isinstance(value, date):
                pairs.append((key, value.isoformat()))
            else:
                pairs.append((key, str(value)))
        return urlencode(pairs)

    @classmethod
    def from_query(cls, query: str) -> FilterState:
        """Parse a query string (with or without '?'); unknown keys and bad values are ignored."""
        by_key: dict[str, list[str]] = {}
        for key, value in parse_qsl(query.lstrip("?"), keep_blank_values=False):
            by_key.setdefault(key, []).append(value)
        defaults = cls()
        kwargs: dict[str, object] = {}
        for name, key in _QUERY_NAMES.items():
            values = by_key.get(key)
            if not values:
                continue
            if isinstance(getattr(defaults, name), tuple):
                kwargs[name] = tuple(values)
            else:  # a single value: the last one given wins
                kwargs[name] = values[-1]
        return cls(**kwargs)
