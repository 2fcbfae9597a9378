"""`FilterState`: the single description of what the user asked for.

Frozen and canonical (selections are sorted tuples), so two equal requests are equal objects and
hit the same cache entry. It round-trips through a URL query string, leniently: a shared link with
an unknown or malformed parameter still opens, minus that parameter.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from datetime import date
from urllib.parse import parse_qsl, urlencode

from data.schema import GENDERS, PUNISHMENT_TYPES, STATUSES

UNITS = ("persons", "prosecutions")
BASES = ("prosecution", "imprisonment")  # which region the map counts by
MAP_VIEWS = ("map", "grid")
GRANULARITIES = ("month", "quarter", "year")

# Query-string names: short, stable, readable in a shared link.
_QUERY_NAMES = {
    "articles": "article",
    "regions": "region",
    "date_from": "from",
    "date_to": "to",
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
}
# "unknown" is a punishment filter value too: the rows whose punishment is not known.
_ALLOWED = {"punishments": (*PUNISHMENT_TYPES, "unknown"), "statuses": STATUSES, "genders": GENDERS}


def _canonical(values: Iterable[str] | str | None) -> tuple[str, ...]:
    if values is None:
        return ()
    if isinstance(values, str):
        values = [values]
    return tuple(sorted({str(v) for v in values if v not in (None, "")}))


@dataclass(frozen=True)
class FilterState:
    articles: tuple[str, ...] = ()  # article keys ("207.3"): a case matches if any charge is one
    regions: tuple[str, ...] = ()  # region of prosecution, ISO codes
    date_from: date | None = None  # start of custody ("arrest date"), inclusive
    date_to: date | None = None  # inclusive
    punishments: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    genders: tuple[str, ...] = ()
    case_groups: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # source lists (the `source` column)
    held_regions: tuple[str, ...] = ()  # region of imprisonment, ISO codes
    unit: str = "persons"  # what counts count: PRODUCT.md says persons unless asked otherwise
    granularity: str = "month"  # of the timeline
    basis: str = "prosecution"  # the map: region of prosecution or of imprisonment
    view: str = "map"  # the map: geographic, or a tile grid

    def __post_init__(self) -> None:
        for name in (
            "articles",
            "regions",
            "punishments",
            "statuses",
            "genders",
            "case_groups",
            "sources",
        ):
            object.__setattr__(self, name, _canonical(getattr(self, name)))
        for name, allowed in _ALLOWED.items():
            object.__setattr__(self, name, tuple(v for v in getattr(self, name) if v in allowed))
        if self.unit not in UNITS:
            object.__setattr__(self, "unit", "persons")
        if self.granularity not in GRANULARITIES:
            object.__setattr__(self, "granularity", "month")
        if self.basis not in BASES:
            object.__setattr__(self, "basis", "prosecution")
        if self.view not in MAP_VIEWS:
            object.__setattr__(self, "view", "map")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            earlier, later = self.date_to, self.date_from
            object.__setattr__(self, "date_from", earlier)
            object.__setattr__(self, "date_to", later)

    @property
    def filters_only(self) -> FilterState:
        """The same selection with default view options: what decides which rows are in."""
        return replace(self, unit="persons", granularity="month", basis="prosecution", view="map")

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
        kwargs: dict[str, object] = {}
        for name, key in _QUERY_NAMES.items():
            values = by_key.get(key)
            if not values:
                continue
            if name in ("date_from", "date_to"):
                try:
                    kwargs[name] = date.fromisoformat(values[-1])
                except ValueError:
                    continue
            elif name in ("unit", "granularity", "basis", "view"):
                kwargs[name] = values[-1]
            else:
                kwargs[name] = tuple(values)
        return cls(**kwargs)
