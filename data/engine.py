"""The counting engine: a dataset's columns coded as small integers once, at load.

Why: counting on strings (`isin`, `drop_duplicates`, `groupby` on object arrays) cost 30-130 ms
per overview at 100k prosecutions; on integer codes the same counts are `bincount`s and gathers
of a few milliseconds (DESIGN.md, "Facts measured"). The core is numpy, chosen by measurement
(`python -m bench.engines`: the same 15 views at 100k prosecutions, medians on this 2-core
machine: numpy on these arrays 0.7 ms, polars 3.5 ms, duckdb 13.5 ms, all three agreeing): the
arrays are built once at load, so a request pays no conversion and no query planning, and the
per-person orders sorted here have no equal in either. pandas stays at the edges (import,
export, the 20 rows of a table page).

Everything here is built once per dataset and never changes (a reload builds a new dataset and
a new engine). A filter is a boolean mask made from small lookup tables indexed by code; the
orders that pick one row per person (their earliest date, their longest term, their harshest
sentence, their latest case) are sorted once here, so a request only walks them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from data.filters import DATE_COLUMNS, FilterState
from data.reference import regions
from data.search import name_keys

UNKNOWN = "unknown"
# Which region the map counts by (data.filters.BASES) -> its column.
BASIS_COLUMNS = {"prosecution": "region_code", "imprisonment": "imprisonment_region_code"}
# Severity of a punishment, for a person's "main" sentence (the harshest): higher is harsher.
SEVERITY = {
    p: i
    for i, p in enumerate(
        reversed(
            (
                "life",
                "imprisonment",
                "compulsory_treatment",
                "forced_labour",
                "restriction_of_freedom",
                "suspended",
                "compulsory_works",
                "fine",
                "other",
                "none_yet",
            )
        )
    )
}
# A missing day sorts after every real one: "no date" is never anyone's earliest.
NO_DAY = np.iinfo(np.int64).max


@dataclass(frozen=True, eq=False)
class CodedColumn:
    """One text column as codes: `codes[i]` indexes `values`; -1 is an empty cell."""

    codes: np.ndarray  # int32 per row
    values: tuple[str, ...]

    @classmethod
    def of(cls, column: pd.Series) -> CodedColumn:
        if isinstance(column.dtype, pd.CategoricalDtype):  # coded already
            codes, values = column.cat.codes.to_numpy(), column.cat.categories
        else:
            codes, values = pd.factorize(column.astype(object), use_na_sentinel=True)
        return cls(codes.astype(np.int32), tuple(str(v) for v in values))

    def table(self, selected: tuple[str, ...]) -> np.ndarray:
        """The lookup table of a selection: one flag per value, and a last one for empty cells
        (code -1 indexes it). "unknown" also means "not stated": it selects empty cells."""
        chosen = set(selected)
        flags = np.zeros(len(self.values) + 1, dtype=bool)
        flags[:-1] = [v in chosen for v in self.values]
        flags[-1] = UNKNOWN in chosen
        return flags

    def matching(self, selected: tuple[str, ...]) -> np.ndarray:
        return self.table(selected)[self.codes]

    def equals(self, value: str) -> np.ndarray:
        if value not in self.values:
            return np.zeros(len(self.codes), dtype=bool)
        return self.codes == self.values.index(value)


@dataclass(frozen=True, eq=False)
class ListColumn:
    """A list column (articles, case groups) as (row, code) pairs: a case matches a selection
    when any of its items is selected."""

    rows: np.ndarray  # int64: the case of each item
    codes: np.ndarray  # int32: the item's value
    values: tuple[str, ...]
    size: int  # cases in the dataset

    @classmethod
    def of(cls, rows: pd.Series, items: pd.Series, size: int) -> ListColumn:
        codes, values = pd.factorize(items.astype(object))
        return cls(rows.to_numpy(np.int64), codes.astype(np.int32), tuple(map(str, values)), size)

    def matching(self, selected: tuple[str, ...]) -> np.ndarray:
        chosen = set(selected)
        flags = np.array([v in chosen for v in self.values] + [False], dtype=bool)
        found = np.zeros(self.size, dtype=bool)
        found[self.rows[flags[self.codes]]] = True
        return found


def _days(column: pd.Series) -> np.ndarray:
    """Dates as whole days since 1970 (a time of day is dropped), NO_DAY where empty."""
    values = column.to_numpy().astype("datetime64[D]")
    days = values.astype(np.int64)
    days[np.isnat(values)] = NO_DAY
    return days


def ranks(values: np.ndarray) -> np.ndarray:
    """Each text's place in sorted order (equal texts share one), -1 where empty."""
    codes, distinct = pd.factorize(values, use_na_sentinel=True)  # hashing, then sort few
    order = np.argsort(np.asarray(distinct, dtype=object).astype(str), kind="stable")
    place = np.empty(len(distinct) + 1, dtype=np.int64)
    place[order] = np.arange(len(distinct))
    place[-1] = -1  # code -1: empty
    return place[codes]


def first_of_each(codes: np.ndarray) -> np.ndarray:
    """Flags of the first position of each run of equal codes (codes grouped together)."""
    first = np.ones(len(codes), dtype=bool)
    first[1:] = codes[1:] != codes[:-1]
    return first


@dataclass(frozen=True, eq=False)
class Engine:
    """A dataset's filterable and countable columns as integer arrays, and the per-person
    orders the counts walk. Built by `Engine.build` from the canonical frame."""

    size: int
    persons: int
    person: np.ndarray  # int32 person code per row (data.dataset.PERSON_CODE)
    identity: np.ndarray  # int32 human being across lists (data.dataset.IDENTITY)
    identities: int
    person_source: np.ndarray  # the source code of each person (a person is within one list)
    columns: dict[str, CodedColumn]
    articles: ListColumn
    groups: ListColumn
    days: dict[str, np.ndarray]  # date column -> days (NO_DAY where empty)
    month: dict[str, np.ndarray]  # date column -> months since January 1970 (where dated)
    last_day: dict[str, int | None]  # date column -> its latest day in the data
    months: np.ndarray  # float sentence months, NaN where not given
    prison: np.ndarray  # real imprisonment
    severity: np.ndarray  # of each row's punishment (SEVERITY; -1: not known)
    life: np.ndarray
    held: np.ndarray  # deprived of liberty now
    # One row per person by a rule, as an order: rows grouped by person, the chosen one first.
    earliest: dict[str, np.ndarray]  # date column -> rows by (person, day): earliest first
    longest_term: np.ndarray  # rows with a known real term, by (person, longest first)
    harshest: np.ndarray  # all rows by (person, severity, months): the harshest first
    latest: np.ndarray  # all rows by (person, start date): the latest case first
    with_url_first: np.ndarray  # all rows by (person, has no source URL, position)
    # The persons table: names folded for search (data.search.name_keys), and the text columns
    # it sorts by as ranks (equal texts share one, -1: empty), so a sort is on integers.
    name_keys: np.ndarray
    name_rank: np.ndarray
    first_article_rank: np.ndarray
    status_rank: np.ndarray  # the status's place in the schema's order
    by_person: np.ndarray  # all rows by (person, position): a person's rows are
    person_start: np.ndarray  # by_person[person_start[p] : person_start[p + 1]]
    # The map's regions: per basis, each row's position in the reference regions (-1: none) and
    # its (person, region) pair, so a person counts once per region.
    region_index: dict[str, np.ndarray]
    region_known: dict[str, np.ndarray]  # region_index >= 0
    region_pair: dict[str, np.ndarray]  # pair code per row, -1 where the region is not known
    pair_region: dict[str, np.ndarray]
    pair_person: dict[str, np.ndarray]

    @classmethod
    def build(
        cls,
        cases: pd.DataFrame,
        charges: pd.DataFrame,
        groups: pd.DataFrame,
        person_column: str,
        identity_column: str,
    ) -> Engine:
        region_codes = tuple(regions())
        size = len(cases)
        person = cases[person_column].to_numpy(np.int32)
        persons = int(person.max()) + 1 if size else 0
        identity = cases[identity_column].to_numpy(np.int32)
        columns = {
            name: CodedColumn.of(cases[name])
            for name in (
                "region_code",
                "imprisonment_region_code",
                "punishment_type",
                "status",
                "gender",
                "source",
                "regime",
            )
        }
        person_source = np.zeros(persons, dtype=np.int32)
        person_source[person] = columns["source"].codes
        days = {column: _days(cases[column]) for column in DATE_COLUMNS.values()}
        months = cases["sentence_months"].to_numpy(dtype=float, na_value=np.nan)
        punishment = columns["punishment_type"]
        prison = punishment.equals("imprisonment")
        rank = np.array([SEVERITY.get(v, -1) for v in punishment.values] + [-1], dtype=np.int64)[
            punishment.codes
        ]
        known_months = np.nan_to_num(months, nan=-1.0)
        position = np.arange(size)
        with_term = np.flatnonzero(prison & ~np.isnan(months))
        no_url = cases["source_url"].isna().to_numpy()
        start = days["persecution_start"]
        # Latest start first; an undated case after every dated one (never "the latest").
        recency = np.where(start == NO_DAY, np.iinfo(np.int64).min + 1, start)
        region_index, region_pair, pair_region, pair_person = {}, {}, {}, {}
        lookup = {code: i for i, code in enumerate(region_codes)}
        for basis, column in BASIS_COLUMNS.items():
            coded = columns[column]
            per_value = np.array([lookup.get(v, -1) for v in coded.values] + [-1], dtype=np.int64)
            index = per_value[coded.codes]
            known = index >= 0
            key = person.astype(np.int64) * (len(region_codes) + 1) + index
            pair_codes, pairs = pd.factorize(key[known])
            pair = np.full(size, -1, dtype=np.int64)
            pair[known] = pair_codes
            region_index[basis] = index
            region_pair[basis] = pair
            pair_region[basis] = (pairs % (len(region_codes) + 1)).astype(np.int64)
            pair_person[basis] = (pairs // (len(region_codes) + 1)).astype(np.int64)
        return cls(
            size=size,
            persons=persons,
            person=person,
            identity=identity,
            identities=int(identity.max()) + 1 if size else 0,
            person_source=person_source,
            columns=columns,
            articles=ListColumn.of(charges["row"], charges["article_key"], size),
            groups=ListColumn.of(groups["row"], groups["group"], size),
            days=days,
            last_day={
                c: int(d[d != NO_DAY].max()) if (d != NO_DAY).any() else None
                for c, d in days.items()
            },
            month={
                c: np.where(d == NO_DAY, 0, d)
                .astype("datetime64[D]")
                .astype("datetime64[M]")
                .astype(np.int64)
                for c, d in days.items()
            },
            months=months,
            prison=prison,
            severity=rank,
            life=punishment.equals("life"),
            held=cases["in_custody"].to_numpy(dtype=bool, na_value=False),
            earliest={c: np.lexsort((d, person)) for c, d in days.items()},
            longest_term=with_term[np.lexsort((-months[with_term], person[with_term]))],
            harshest=np.lexsort((-known_months, -rank, person)),
            latest=np.lexsort((-recency, person)),
            with_url_first=np.lexsort((position, no_url, person)),
            name_keys=name_keys(cases["name"]),
            name_rank=ranks(cases["name"].to_numpy(dtype=object, na_value=None)),
            first_article_rank=ranks(
                np.array([a[0] if len(a) else None for a in cases["articles"]], dtype=object)
            ),
            status_rank=cases["status"].cat.codes.to_numpy().astype(np.int64),
            by_person=np.argsort(person, kind="stable"),
            person_start=np.searchsorted(np.sort(person), np.arange(persons + 1)),
            region_index=region_index,
            region_known={basis: index >= 0 for basis, index in region_index.items()},
            region_pair=region_pair,
            pair_region=pair_region,
            pair_person=pair_person,
        )

    # --- filters --------------------------------------------------------------------------

    def mask(self, state: FilterState) -> np.ndarray:
        """The rows the state's filters select (view options do not change it)."""
        mask = np.ones(self.size, dtype=bool)
        if state.articles:
            mask &= self.articles.matching(state.articles)
        if state.case_groups:
            mask &= self.groups.matching(state.case_groups)
        for column, selected in (
            ("region_code", state.regions),
            ("punishment_type", state.punishments),
            ("status", state.statuses),
            ("gender", state.genders),
            ("source", state.sources),
            ("imprisonment_region_code", state.held_regions),
        ):
            if selected:
                mask &= self.columns[column].matching(selected)
        if state.has_period:
            mask &= self.in_period(state)
        return mask

    def in_period(self, state: FilterState) -> np.ndarray:
        """Rows whose date (of the state's kind) is in its period, both ends included. A row
        without the date is in no period."""
        days = self.days[state.date_column]
        inside = days != NO_DAY
        if state.date_from:
            inside &= days >= _day_number(state.date_from)
        if state.date_to:
            inside &= days <= _day_number(state.date_to)
        return inside

    # --- counting -------------------------------------------------------------------------

    def select(self, state: FilterState) -> Selection:
        return Selection(self, self.mask(state))

    def seen_persons(self, rows: np.ndarray) -> np.ndarray:
        """Flags per person: has a row where `rows` is true."""
        seen = np.zeros(self.persons, dtype=bool)
        seen[self.person[rows]] = True
        return seen

    def count(self, rows: np.ndarray, unit: str) -> int:
        """Persons (distinct) or prosecutions among the rows where `rows` is true."""
        if unit == "persons":
            return int(np.count_nonzero(self.seen_persons(rows)))
        return int(np.count_nonzero(rows))

    def count_only(self, rows: np.ndarray, unless: np.ndarray, unit: str) -> int:
        """Prosecutions where `rows` is true; or persons with such a row and none where
        `unless` is true (a person counted elsewhere already is not counted again)."""
        if unit == "prosecutions":
            return int(np.count_nonzero(rows))
        return int(np.count_nonzero(self.seen_persons(rows) & ~self.seen_persons(unless)))

    def distinct_identities(self, rows: np.ndarray) -> int:
        seen = np.zeros(self.identities, dtype=bool)
        seen[self.identity[rows]] = True
        return int(np.count_nonzero(seen))

    def one_per_person(self, order: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """The first row of each person in `order` among those where `rows` is true: persons
        ascending, one row each."""
        chosen = order[rows[order]]
        return chosen[first_of_each(self.person[chosen])]


def _day_number(day) -> int:
    return int(np.datetime64(day, "D").astype(np.int64))


@dataclass(frozen=True, eq=False)
class Selection:
    """The rows a filter state selects, with what several counts need of them worked out once."""

    engine: Engine
    rows: np.ndarray  # boolean per row

    @cached_property
    def persons(self) -> np.ndarray:
        """Flags per person: has a selected row."""
        return self.engine.seen_persons(self.rows)

    @cached_property
    def person_count(self) -> int:
        return int(np.count_nonzero(self.persons))

    @cached_property
    def size(self) -> int:
        return int(np.count_nonzero(self.rows))

    def count(self, unit: str) -> int:
        return self.person_count if unit == "persons" else self.size
