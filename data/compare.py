"""Two lists side by side: who is on both, who on one only, overall and by region, charge and
year of arrest (PRODUCT.md, "Compare sources").

The unit is the human being (Dataset IDENTITY): a person matched on both lists (data.matching) is
one person "on both", whatever each list's record says. A person is in the selection when any of
their records on either list matches the filters; where they stand (both, one list) is a fact
about the whole lists, not about the filtered records, so a filter never makes someone look
absent from a list that has them. Breakdowns count a person once per region, charge or year any
of their selected records gives (like the map: a person with cases in two regions counts in
both), so breakdown rows do not add up to the totals, and the captions say so.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from data.dataset import IDENTITY, Dataset
from data.filters import FilterState
from data.query import select
from data.schema import UNKNOWN_REGION

BOTH, ONLY_LEFT, ONLY_RIGHT = "both", "only_left", "only_right"
PARTS = (BOTH, ONLY_LEFT, ONLY_RIGHT)


@dataclass(frozen=True)
class CompareRow:
    """One region, charge or year: persons on both lists, on the left only, on the right only."""

    key: str
    both: int
    only_left: int
    only_right: int

    @property
    def total(self) -> int:
        return self.both + self.only_left + self.only_right


@dataclass(frozen=True)
class OneListPerson:
    source: str
    person_id: str
    name: str
    region_code: str
    articles: tuple[str, ...]
    source_url: str


@dataclass(frozen=True)
class Comparison:
    left: str  # source names, in name order
    right: str
    both: int
    only_left: int
    only_right: int
    by_region: tuple[CompareRow, ...]  # largest first
    by_article: tuple[CompareRow, ...]  # largest first
    by_year: tuple[CompareRow, ...]  # by year of arrest (the earliest selected), in order
    undated: int  # persons of the selection with no arrest date on either list
    only_left_persons: tuple[OneListPerson, ...]  # by name
    only_right_persons: tuple[OneListPerson, ...]
    matched_pairs: int  # pairs of records the matching joined (over the whole lists)

    @property
    def total(self) -> int:
        return self.both + self.only_left + self.only_right


def compared_lists(dataset: Dataset, state: FilterState) -> tuple[str, str] | None:
    """Which two lists to compare: the two the source filter names, else the two largest
    (by persons); None when fewer than two lists are loaded."""
    names = [s.name for s in dataset.sources]
    chosen = [s for s in state.sources if s in names]
    if len(chosen) == 2:
        return tuple(sorted(chosen))  # type: ignore[return-value]
    if len(names) < 2:
        return None
    persons = dataset.cases.groupby("source", observed=True)["person_id"].nunique()
    largest = sorted(names, key=lambda n: (-int(persons.get(n, 0)), n))[:2]
    return tuple(sorted(largest))  # type: ignore[return-value]


def compare_lists(dataset: Dataset, state: FilterState) -> Comparison | None:
    """The comparison of the selection (the source filter only chooses the two lists)."""
    pair = compared_lists(dataset, state)
    if pair is None:
        return None
    state = replace(state.filters_only, sources=())
    return dataset.memo.get("compare", (state, pair), lambda: _compare(dataset, state, *pair))


def _part_of_identity(cases: pd.DataFrame, left: str, right: str) -> pd.Series:
    """Identity -> BOTH / ONLY_LEFT / ONLY_RIGHT over the whole two lists."""
    source = cases["source"].astype(str).to_numpy()
    identity = cases[IDENTITY].to_numpy()
    on_left = pd.Series(source == left).groupby(identity).any()
    on_right = pd.Series(source == right).groupby(identity).any()
    part = np.where(on_left & on_right, BOTH, np.where(on_left, ONLY_LEFT, ONLY_RIGHT))
    return pd.Series(part, index=on_left.index)


def _rows(pairs: pd.DataFrame, part: pd.Series, order: str) -> tuple[CompareRow, ...]:
    """(identity, key) pairs -> a CompareRow per key; `order` "size" (largest first, then key)
    or "key"."""
    if pairs.empty:
        return ()
    pairs = pairs.drop_duplicates()
    table = pd.crosstab(pairs["key"], part.loc[pairs["identity"]].to_numpy())
    rows = [
        CompareRow(
            str(key),
            int(table.at[key, BOTH]) if BOTH in table.columns else 0,
            int(table.at[key, ONLY_LEFT]) if ONLY_LEFT in table.columns else 0,
            int(table.at[key, ONLY_RIGHT]) if ONLY_RIGHT in table.columns else 0,
        )
        for key in table.index
    ]
    if order == "size":
        rows.sort(key=lambda r: (-r.total, r.key))
    else:
        rows.sort(key=lambda r: r.key)
    return tuple(rows)


def _people(cases: pd.DataFrame, identities: np.ndarray, source: str) -> tuple[OneListPerson, ...]:
    """Each of `identities` as its record on `source` (one row per person, their first case)."""
    mine = cases[
        cases[IDENTITY].isin(identities).to_numpy() & (cases["source"].astype(str) == source)
    ]
    mine = mine.drop_duplicates(subset=["person_id"])
    people = [
        OneListPerson(
            source=source,
            person_id=str(row.person_id),
            name="" if pd.isna(row.name) else str(row.name),
            region_code=str(row.region_code),
            articles=tuple(row.articles) if isinstance(row.articles, list | tuple) else (),
            source_url="" if pd.isna(row.source_url) else str(row.source_url),
        )
        for row in mine.itertuples(index=False)
    ]
    return tuple(sorted(people, key=lambda p: (p.name.casefold(), p.person_id)))


def _compare(dataset: Dataset, state: FilterState, left: str, right: str) -> Comparison:
    cases = dataset.cases
    both_lists = cases[cases["source"].astype(str).isin([left, right]).to_numpy()]
    part = _part_of_identity(both_lists, left, right)
    chosen = select(dataset, state)
    chosen = chosen[chosen["source"].astype(str).isin([left, right]).to_numpy()]
    identity = chosen[IDENTITY].to_numpy()
    selected = np.unique(identity)
    parts = part.loc[selected].to_numpy()
    counts = {p: int(np.count_nonzero(parts == p)) for p in PARTS}

    region = chosen["region_code"].astype(str).to_numpy()
    known = region != UNKNOWN_REGION
    regions = pd.DataFrame({"identity": identity[known], "key": region[known]})

    row_of = pd.Series(np.arange(len(chosen)), index=chosen.index)
    charges = dataset.charges[dataset.charges["row"].isin(chosen.index)]
    articles = pd.DataFrame(
        {
            "identity": identity[row_of.loc[charges["row"]].to_numpy()],
            "key": charges["article_key"].astype(str).to_numpy(),
        }
    )

    arrest = pd.Series(chosen["custody_date"].to_numpy()).groupby(identity).min()
    dated = arrest.dropna()
    years = pd.DataFrame(
        {"identity": dated.index.to_numpy(), "key": dated.dt.year.astype(str).to_numpy()}
    )
    only_left = selected[parts == ONLY_LEFT]
    only_right = selected[parts == ONLY_RIGHT]
    return Comparison(
        left=left,
        right=right,
        both=counts[BOTH],
        only_left=counts[ONLY_LEFT],
        only_right=counts[ONLY_RIGHT],
        by_region=_rows(regions, part, "size"),
        by_article=_rows(articles, part, "size"),
        by_year=_rows(years, part, "key"),
        undated=int(len(arrest) - len(dated)),
        only_left_persons=_people(chosen, only_left, left),
        only_right_persons=_people(chosen, only_right, right),
        matched_pairs=sum(1 for m in dataset.matches if {m.left[0], m.right[0]} == {left, right}),
    )
