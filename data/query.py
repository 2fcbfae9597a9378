"""Pure queries: (dataset, FilterState) -> the small aggregates the charts and counters need.

Nothing here knows about Dash or languages. Results are cached by (dataset identity, state): a
dataset is immutable and replaced whole, so its identity is its version.

Persons vs prosecutions (PRODUCT.md): a dataset row is one prosecution. In persons mode each person
counts once: on the timeline at their earliest arrest date among the selected prosecutions, in the
sentence distribution with their longest real term.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import numpy as np
import pandas as pd

from data.dataset import Dataset
from data.filters import FilterState
from data.reference import article_sort_key
from data.schema import PUNISHMENT_TYPES, STATUSES

# Real terms are binned by whole years; the last bin collects everything from TERM_CAP years up.
TERM_CAP = 25
REGIME_ORDER = ("general", "strict", "special", "settlement", "prison", "unknown")
# Severity for picking a person's "main" sentence in the persons table: the harshest one.
_SEVERITY = {
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


@dataclass(frozen=True)
class FilterOptions:
    """What the filters can offer for this dataset, with how many prosecutions each has."""

    articles: tuple[tuple[str, int], ...]
    regions: tuple[tuple[str, int], ...]
    case_groups: tuple[tuple[str, int], ...]
    punishments: tuple[tuple[str, int], ...]
    statuses: tuple[tuple[str, int], ...]
    first_month: date | None
    last_month: date | None


@lru_cache(maxsize=8)
def filter_options(dataset: Dataset) -> FilterOptions:
    cases = dataset.cases
    article_counts = dataset.charges.drop_duplicates(["row", "article_key"])[
        "article_key"
    ].value_counts()
    custody = cases["custody_date"].dropna()

    def counted(series: pd.Series, order: tuple[str, ...] | None = None) -> tuple:
        counts = series.value_counts()
        counts = counts[counts > 0]
        if order:
            return tuple((k, int(counts[k])) for k in order if k in counts.index)
        return tuple((str(k), int(v)) for k, v in counts.items())

    return FilterOptions(
        articles=tuple(
            sorted(
                ((k, int(v)) for k, v in article_counts.items()),
                key=lambda kv: article_sort_key(kv[0]),
            )
        ),
        regions=counted(cases["region_code"]),
        case_groups=counted(cases["case_group"].dropna()),
        punishments=counted(cases["punishment_type"], PUNISHMENT_TYPES),
        statuses=counted(cases["status"], STATUSES),
        first_month=custody.min().date().replace(day=1) if len(custody) else None,
        last_month=custody.max().date().replace(day=1) if len(custody) else None,
    )


def _mask(dataset: Dataset, state: FilterState) -> np.ndarray:
    cases = dataset.cases
    mask = np.ones(len(cases), dtype=bool)
    if state.articles:
        charges = dataset.charges
        rows = charges.loc[charges["article_key"].isin(state.articles), "row"].to_numpy()
        by_article = np.zeros(len(cases), dtype=bool)
        by_article[rows] = True
        mask &= by_article
    for column, selected in (
        ("region_code", state.regions),
        ("punishment_type", state.punishments),
        ("status", state.statuses),
        ("gender", state.genders),
        ("case_group", state.case_groups),
    ):
        if selected:
            mask &= cases[column].isin(selected).to_numpy(dtype=bool, na_value=False)
    if state.date_from or state.date_to:
        # A period asks about arrests: rows with no arrest date cannot be in it.
        custody = cases["custody_date"]
        in_period = custody.notna()
        if state.date_from:
            in_period &= custody >= pd.Timestamp(state.date_from)
        if state.date_to:
            in_period &= custody <= pd.Timestamp(state.date_to)
        mask &= in_period.to_numpy(dtype=bool)
    return mask


@lru_cache(maxsize=64)
def select(dataset: Dataset, state: FilterState) -> pd.DataFrame:
    """The prosecutions matching the filters (view options such as unit do not change this)."""
    state = state.filters_only
    if state.is_default:
        return dataset.cases
    return dataset.cases[_mask(dataset, state)]


@dataclass(frozen=True)
class Counters:
    persons: int
    prosecutions: int
    in_custody: int  # persons deprived of liberty now, in any of the selected prosecutions
    median_term_months: float | None  # of real prison terms (unit-dependent, see real_terms)
    real_terms: int  # how many terms the median is of
    life_terms: int


def real_terms(cases: pd.DataFrame, unit: str) -> pd.DataFrame:
    """Real prison terms (imprisonment with a known length): one per prosecution, or the longest
    per person. Columns: months, regime."""
    real = cases.loc[
        cases["punishment_type"].eq("imprisonment") & cases["sentence_months"].notna(),
        ["person_id", "sentence_months", "regime"],
    ]
    if unit == "persons":
        real = real.sort_values("sentence_months", ascending=False, kind="stable")
        real = real.drop_duplicates("person_id")
    regime = real["regime"].astype("string").fillna("unknown")
    return pd.DataFrame({"months": real["sentence_months"].to_numpy(), "regime": regime.to_numpy()})


def _life(cases: pd.DataFrame, unit: str) -> int:
    life = cases.loc[cases["punishment_type"].eq("life"), "person_id"]
    return int(life.nunique() if unit == "persons" else len(life))


def counters(cases: pd.DataFrame, unit: str) -> Counters:
    terms = real_terms(cases, unit)["months"]
    held = cases.loc[cases["in_custody"].fillna(False).astype(bool), "person_id"]
    return Counters(
        persons=int(cases["person_id"].nunique()),
        prosecutions=len(cases),
        in_custody=int(held.nunique()),
        median_term_months=float(terms.median()) if len(terms) else None,
        real_terms=len(terms),
        life_terms=_life(cases, unit),
    )


@dataclass(frozen=True)
class Timeline:
    periods: tuple[date, ...]  # start of each period, every period in range (zeros included)
    counts: tuple[int, ...]
    granularity: str
    unit: str
    undated: int  # persons or prosecutions with no arrest date: not on the timeline


def timeline(cases: pd.DataFrame, granularity: str, unit: str) -> Timeline:
    if unit == "persons":
        dates = cases.groupby("person_id", observed=True)["custody_date"].min()
    else:
        dates = cases["custody_date"]
    dated = dates.dropna()
    undated = int(dates.isna().sum())
    if dated.empty:
        return Timeline((), (), granularity, unit, undated)
    period = dated.dt.to_period({"month": "M", "quarter": "Q", "year": "Y"}[granularity])
    counts = period.value_counts()
    full = pd.period_range(period.min(), period.max(), freq=period.dt.freq)
    counts = counts.reindex(full, fill_value=0)
    starts = tuple(p.start_time.date() for p in full)
    return Timeline(starts, tuple(int(c) for c in counts.to_numpy()), granularity, unit, undated)


@dataclass(frozen=True)
class SentenceDistribution:
    bin_starts: tuple[int, ...]  # years: bin k is [k, k+1); the last is [TERM_CAP, inf)
    regimes: tuple[str, ...]  # regimes present, in REGIME_ORDER
    counts: dict[str, tuple[int, ...]]  # regime -> count per bin
    total: int
    life: int
    unit: str


def sentence_distribution(cases: pd.DataFrame, unit: str) -> SentenceDistribution:
    terms = real_terms(cases, unit)
    years = np.minimum(np.floor(terms["months"].to_numpy() / 12), TERM_CAP).astype(int)
    starts = tuple(range(TERM_CAP + 1))
    counts: dict[str, tuple[int, ...]] = {}
    for regime in REGIME_ORDER:
        selected = years[terms["regime"].to_numpy() == regime]
        if len(selected):
            counts[regime] = tuple(int(c) for c in np.bincount(selected, minlength=TERM_CAP + 1))
    return SentenceDistribution(
        bin_starts=starts,
        regimes=tuple(counts),
        counts=counts,
        total=len(terms),
        life=_life(cases, unit),
        unit=unit,
    )


@dataclass(frozen=True)
class Overview:
    counters: Counters
    timeline: Timeline
    sentences: SentenceDistribution


@lru_cache(maxsize=128)
def overview(dataset: Dataset, state: FilterState) -> Overview:
    """Everything the overview page shows except the table, for one request."""
    cases = select(dataset, state)
    return Overview(
        counters=counters(cases, state.unit),
        timeline=timeline(cases, state.granularity, state.unit),
        sentences=sentence_distribution(cases, state.unit),
    )


# --- the persons table ---------------------------------------------------------------------------

TABLE_COLUMNS = (
    "name",
    "region_code",
    "articles",
    "custody_date",
    "punishment_type",
    "status",
    "cases",
    "source_url",
)
SORTABLE = ("name", "region_code", "articles", "custody_date", "sentence", "status", "cases")


@lru_cache(maxsize=32)
def table_rows(dataset: Dataset, state: FilterState) -> pd.DataFrame:
    """One row per person (persons mode) or per prosecution, before search, sort and paging.

    A person's row shows their earliest arrest, every article they are charged under, their
    harshest sentence and the status of their latest case.
    """
    cases = select(dataset, state).copy()
    cases["severity"] = cases["punishment_type"].map(_SEVERITY).astype(float)
    cases["cases"] = 1
    if state.unit == "prosecutions":
        return cases.reset_index(drop=True)
    harshest = cases.sort_values(["severity", "sentence_months"], ascending=False, kind="stable")
    people = harshest.drop_duplicates("person_id").set_index("person_id")
    grouped = cases.groupby("person_id", sort=False, observed=True)
    people["custody_date"] = grouped["custody_date"].min()
    people["cases"] = grouped.size()
    people["articles"] = grouped["articles"].agg(
        lambda lists: tuple(dict.fromkeys(a for arts in lists for a in arts))
    )
    latest = (
        cases.sort_values("persecution_start", kind="stable")
        .drop_duplicates("person_id", keep="last")
        .set_index("person_id")
    )
    people["status"] = latest["status"]
    people["source_url"] = grouped["source_url"].first()
    return people.reset_index()


@dataclass(frozen=True)
class TablePage:
    rows: pd.DataFrame
    total: int  # rows matching search
    page: int  # 0-based, clamped to the pages there are
    page_count: int


def _search_key(text: pd.Series) -> pd.Series:
    return text.fillna("").str.lower().str.replace("ё", "е", regex=False)


def table_page(
    dataset: Dataset,
    state: FilterState,
    search: str = "",
    sort_by: tuple[tuple[str, str], ...] = (),
    page: int = 0,
    page_size: int = 20,
    region_names: dict[str, str] | None = None,
) -> TablePage:
    """A page of the persons table: search by name (case- and ё-insensitive), sort, slice.

    `region_names` (code -> name in the reader's language) makes the region sort alphabetical.
    """
    rows = table_rows(dataset, state)
    needle = search.strip().lower().replace("ё", "е")
    if needle:
        rows = rows[_search_key(rows["name"]).str.contains(needle, regex=False)]
    sort_columns, ascending = [], []
    for column, direction in sort_by:
        if column not in SORTABLE:
            continue
        if column == "sentence":
            sort_columns += ["severity", "sentence_months"]
            ascending += [direction == "asc"] * 2
        elif column == "region_code" and region_names:
            rows = rows.assign(_region_name=rows["region_code"].astype("string").map(region_names))
            sort_columns.append("_region_name")
            ascending.append(direction == "asc")
        elif column == "articles":
            rows = rows.assign(_first_article=rows["articles"].map(lambda a: a[0] if a else ""))
            sort_columns.append("_first_article")
            ascending.append(direction == "asc")
        else:
            sort_columns.append(column)
            ascending.append(direction == "asc")
    if not sort_columns:  # most recent arrests first, as a news reader expects
        sort_columns, ascending = ["custody_date", "name"], [False, True]
    rows = rows.sort_values(sort_columns, ascending=ascending, kind="stable", na_position="last")
    total = len(rows)
    page_count = max(1, -(-total // page_size))
    page = min(max(page, 0), page_count - 1)
    start = page * page_size
    return TablePage(rows.iloc[start : start + page_size], total, page, page_count)
