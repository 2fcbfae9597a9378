"""Pure queries: (dataset, FilterState) -> the small aggregates the charts and counters need.

Nothing here knows about Dash or languages. Results are cached by (dataset identity, state): a
dataset is immutable and replaced whole, so its identity is its version.

Persons vs prosecutions (PRODUCT.md): a dataset row is one prosecution. In persons mode each person
counts once: on the timeline at their earliest arrest date among the selected prosecutions, in the
sentence distribution with their longest real term.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

import numpy as np
import pandas as pd

from data.dataset import IDENTITY, PERSON_CODE, Dataset
from data.filters import DATE_COLUMNS, FilterState
from data.reference import article_sort_key, population, regions
from data.schema import GENDERS, PUNISHMENT_TYPES, STATUSES
from data.search import matches, name_keys

UNKNOWN = "unknown"

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
    held_regions: tuple[tuple[str, int], ...]
    case_groups: tuple[tuple[str, int], ...]
    sources: tuple[tuple[str, int], ...]
    punishments: tuple[tuple[str, int], ...]
    genders: tuple[tuple[str, int], ...]
    statuses: tuple[tuple[str, int], ...]
    first_month: date | None
    last_month: date | None


def filter_options(dataset: Dataset) -> FilterOptions:
    return dataset.memo.get("options", None, lambda: _filter_options(dataset))


def _filter_options(dataset: Dataset) -> FilterOptions:
    cases = dataset.cases
    article_counts = dataset.charges.drop_duplicates(["row", "article_key"])[
        "article_key"
    ].value_counts()
    # The period slider spans every date a period can be about (arrest, start, verdict).
    dated = pd.concat([cases[c].dropna() for c in DATE_COLUMNS.values()])

    def counted(series: pd.Series, order: tuple[str, ...] | None = None) -> tuple:
        if order and UNKNOWN in order:  # empty cells are offered as "unknown"
            series = series.astype(object).fillna(UNKNOWN)
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
        held_regions=counted(cases["imprisonment_region_code"].dropna()),
        case_groups=counted(dataset.groups["group"]),
        sources=counted(cases["source"]),
        punishments=counted(cases["punishment_type"], (*PUNISHMENT_TYPES, UNKNOWN)),
        statuses=counted(cases["status"], STATUSES),
        genders=counted(cases["gender"], GENDERS),
        first_month=dated.min().date().replace(day=1) if len(dated) else None,
        last_month=dated.max().date().replace(day=1) if len(dated) else None,
    )


def _any_of(table: pd.DataFrame, column: str, selected: tuple[str, ...], size: int) -> np.ndarray:
    """Cases with any item of a list column among `selected`, from its exploded lookup table
    (Dataset.charges, Dataset.groups: one row per case and item)."""
    rows = table.loc[table[column].isin(selected), "row"].to_numpy()
    found = np.zeros(size, dtype=bool)
    found[rows] = True
    return found


def _mask(dataset: Dataset, state: FilterState) -> np.ndarray:
    cases = dataset.cases
    mask = np.ones(len(cases), dtype=bool)
    if state.articles:
        mask &= _any_of(dataset.charges, "article_key", state.articles, len(cases))
    if state.case_groups:
        mask &= _any_of(dataset.groups, "group", state.case_groups, len(cases))
    for column, selected in (
        ("region_code", state.regions),
        ("punishment_type", state.punishments),
        ("status", state.statuses),
        ("gender", state.genders),
        ("source", state.sources),
        ("imprisonment_region_code", state.held_regions),
    ):
        if selected:
            values = cases[column]
            matches = values.isin(selected).to_numpy(dtype=bool, na_value=False)
            if UNKNOWN in selected:  # "unknown" also means "not stated": empty cells
                matches = matches | values.isna().to_numpy()
            mask &= matches
    if state.has_period:
        mask &= in_period(cases[state.date_column], state)
    return mask


def in_period(dates: pd.Series, state: FilterState) -> np.ndarray:
    """Rows whose date is in the state's period. Dates are days and both ends are inclusive:
    "to 2022-12-31" takes all of the 31st. A row without the date cannot be in any period (the
    overview counts those separately, see `Overview.period_undated`)."""
    values = dates.to_numpy()
    inside = ~np.isnat(values)
    if state.date_from:
        inside &= values >= np.datetime64(state.date_from, "D")
    if state.date_to:
        inside &= values < np.datetime64(state.date_to, "D") + np.timedelta64(1, "D")
    return inside


def select(dataset: Dataset, state: FilterState) -> pd.DataFrame:
    """The prosecutions matching the filters (view options such as unit do not change this).
    The boolean mask is cached per dataset, not the frame: 100 KB instead of megabytes."""
    state = state.filters_only
    if state.is_default:
        return dataset.cases
    mask = dataset.memo.get("mask", state, lambda: _mask(dataset, state))
    return dataset.cases[mask]


@dataclass(frozen=True)
class Counters:
    persons: int  # a sum over lists when several are selected: see persons_by_source
    prosecutions: int
    in_custody: int  # persons deprived of liberty now, in any of the selected prosecutions
    median_term_months: float | None  # of real prison terms (unit-dependent, see real_terms)
    real_terms: int  # how many terms the median is of
    life_terms: int  # life sentences: not on a years scale, so not in the median
    unknown_terms: int  # real imprisonment whose length the source does not give: not in it
    persons_by_source: tuple[tuple[str, int], ...] = ()  # each list's own count, largest first
    # Different human beings: persons matched across lists (data.matching) counted once.
    different_people: int = 0

    @property
    def summed_over_lists(self) -> bool:
        """Persons are matched within a list, not across lists: over several lists, a person on
        two of them counts twice, and the interface must say so."""
        return len(self.persons_by_source) > 1


def _is(column: pd.Series, value: str) -> np.ndarray:
    """Boolean mask of a categorical column equal to `value`, compared on integer codes."""
    categories = column.cat.categories
    if value not in categories:
        return np.zeros(len(column), dtype=bool)
    return column.cat.codes.to_numpy() == categories.get_loc(value)


def _distinct(codes: np.ndarray) -> int:
    """How many different persons: O(n) on the integer codes."""
    return int(np.count_nonzero(np.bincount(codes))) if len(codes) else 0


def _first_per_person(codes: np.ndarray, *keys: np.ndarray) -> np.ndarray:
    """Positions of one row per person: the first by `keys` (np.lexsort order, last key first)."""
    order = np.lexsort((*keys, codes))
    ordered = codes[order]
    first = np.ones(len(order), dtype=bool)
    first[1:] = ordered[1:] != ordered[:-1]
    return order[first]


def real_terms(cases: pd.DataFrame, unit: str) -> pd.DataFrame:
    """Real prison terms (imprisonment with a known length): one per prosecution, or the longest
    per person. Columns: months, regime."""
    months = cases["sentence_months"].to_numpy()
    rows = np.flatnonzero(_is(cases["punishment_type"], "imprisonment") & ~np.isnan(months))
    if unit == "persons" and len(rows):
        codes = cases[PERSON_CODE].to_numpy()[rows]
        rows = rows[_first_per_person(codes, -months[rows])]
    regime = cases["regime"].cat
    names = np.array([*regime.categories, "unknown"], dtype=object)  # code -1 (empty) -> unknown
    return pd.DataFrame({"months": months[rows], "regime": names[regime.codes.to_numpy()[rows]]})


def _count(cases: pd.DataFrame, rows: np.ndarray, unit: str) -> int:
    """Persons (distinct) or prosecutions among the rows where `rows` is true."""
    if unit == "persons":
        return _distinct(cases[PERSON_CODE].to_numpy()[rows])
    return int(np.count_nonzero(rows))


def _life(cases: pd.DataFrame, unit: str) -> int:
    return _count(cases, _is(cases["punishment_type"], "life"), unit)


def _count_only(cases: pd.DataFrame, rows: np.ndarray, unless: np.ndarray, unit: str) -> int:
    """Prosecutions where `rows` is true; or persons with such a row and no row where `unless`
    is true (a person counted elsewhere already is not counted again as left out)."""
    if unit == "prosecutions":
        return int(np.count_nonzero(rows))
    codes = cases[PERSON_CODE].to_numpy()
    return _distinct(codes[rows & ~np.isin(codes, np.unique(codes[unless]))])


def _terms_of_unknown_length(cases: pd.DataFrame, unit: str) -> int:
    """Real imprisonment with no term given: by person, those with no known term in any case
    (a person with a known term elsewhere is in the median already)."""
    prison = _is(cases["punishment_type"], "imprisonment")
    unknown = prison & np.isnan(cases["sentence_months"].to_numpy())
    return _count_only(cases, unknown, prison & ~unknown, unit)


def persons_by_source(cases: pd.DataFrame) -> tuple[tuple[str, int], ...]:
    """Persons in each source list of the selection, largest first (then by name)."""
    pairs = pd.DataFrame(
        {"source": cases["source"].astype(str).to_numpy(), "person": cases[PERSON_CODE]}
    )
    counts = pairs.drop_duplicates().groupby("source").size()
    return tuple(
        sorted(((str(k), int(v)) for k, v in counts.items()), key=lambda kv: (-kv[1], kv[0]))
    )


def counters(cases: pd.DataFrame, unit: str) -> Counters:
    terms = real_terms(cases, unit)["months"]
    codes = cases[PERSON_CODE].to_numpy()
    held = cases["in_custody"].to_numpy(dtype=bool, na_value=False)
    return Counters(
        persons=_distinct(codes),
        prosecutions=len(cases),
        in_custody=_distinct(codes[held]),
        median_term_months=float(terms.median()) if len(terms) else None,
        real_terms=len(terms),
        life_terms=_life(cases, unit),
        unknown_terms=_terms_of_unknown_length(cases, unit),
        persons_by_source=persons_by_source(cases),
        different_people=_distinct(cases[IDENTITY].to_numpy()),
    )


@dataclass(frozen=True)
class Timeline:
    periods: tuple[date, ...]  # start of each period, every period in range (zeros included)
    counts: tuple[int, ...]
    granularity: str
    unit: str
    undated: int  # persons or prosecutions without the date: not on the timeline
    dates: str = "arrest"  # which date it counts by (data.filters.DATE_BASES)
    # Where the data ends (its "as of" date, else the latest date of this kind in it): a period
    # ending after it is partial (a year with three months of data is not a drop).
    data_until: date | None = None

    @property
    def last_is_partial(self) -> bool:
        if not self.periods or self.data_until is None:
            return False
        step = _MONTHS_PER_PERIOD[self.granularity]
        last = self.periods[-1]
        months = last.year * 12 + last.month - 1 + step
        return date(months // 12, months % 12 + 1, 1) - timedelta(days=1) > self.data_until


_MONTHS_PER_PERIOD = {"month": 1, "quarter": 3, "year": 12}


def timeline(cases: pd.DataFrame, granularity: str, unit: str, dates: str = "arrest") -> Timeline:
    """Persons or prosecutions by period of the chosen date; a person at their earliest one."""
    values = cases[DATE_COLUMNS[dates]].to_numpy()
    if unit == "persons":
        values = pd.Series(values).groupby(cases[PERSON_CODE].to_numpy()).min().to_numpy()
    dated = values[~np.isnat(values)]
    undated = len(values) - len(dated)
    if not len(dated):
        return Timeline((), (), granularity, unit, undated, dates)
    step = _MONTHS_PER_PERIOD[granularity]
    # Periods as whole numbers: months since 1970 divided by the period's length in months.
    periods = dated.astype("datetime64[M]").astype(np.int64) // step
    first = int(periods.min())
    counts = np.bincount(periods - first)
    starts = tuple(
        date(1970 + (p * step) // 12, (p * step) % 12 + 1, 1)
        for p in range(first, first + len(counts))
    )
    return Timeline(starts, tuple(int(c) for c in counts), granularity, unit, undated, dates)


@dataclass(frozen=True)
class SentenceDistribution:
    bin_starts: tuple[int, ...]  # years: bin k is [k, k+1); the last is [TERM_CAP, inf)
    regimes: tuple[str, ...]  # regimes present, in REGIME_ORDER
    counts: dict[str, tuple[int, ...]]  # regime -> count per bin
    total: int
    life: int
    unit: str
    unknown_length: int = 0  # real imprisonment of unknown length: on no bin
    selected: int = 0  # persons or prosecutions in the selection, whatever their punishment


def sentence_distribution(cases: pd.DataFrame, unit: str) -> SentenceDistribution:
    terms = real_terms(cases, unit)
    years = np.minimum(np.floor(terms["months"].to_numpy() / 12), TERM_CAP).astype(int)
    regimes = terms["regime"].to_numpy()
    counts: dict[str, tuple[int, ...]] = {}
    for regime in REGIME_ORDER:
        selected = years[regimes == regime]
        if len(selected):
            counts[regime] = tuple(int(c) for c in np.bincount(selected, minlength=TERM_CAP + 1))
    return SentenceDistribution(
        bin_starts=tuple(range(TERM_CAP + 1)),
        regimes=tuple(counts),
        counts=counts,
        total=len(terms),
        life=_life(cases, unit),
        unit=unit,
        unknown_length=_terms_of_unknown_length(cases, unit),
        selected=_distinct(cases[PERSON_CODE].to_numpy()) if unit == "persons" else len(cases),
    )


@dataclass(frozen=True)
class RegionCounts:
    """Persons or prosecutions per region, on one basis (region of prosecution or of
    imprisonment). A person with cases in two regions counts in both; `located` counts each once."""

    basis: str
    unit: str
    codes: tuple[str, ...]  # every region of the table, in its order
    counts: tuple[int, ...]
    located: int  # persons/prosecutions with a known region on this basis
    total: int  # persons/prosecutions in the selection
    rows_with_region: int  # prosecutions whose region on this basis is known
    rows: int

    @property
    def has_data(self) -> bool:
        return self.rows_with_region > 0

    @property
    def per_million(self) -> tuple[float | None, ...]:
        """Each region's count per million residents (data.reference.population); None where
        the population is not known, which is "no population data", not zero."""
        people = population()
        return tuple(
            count * 1_000_000 / people[code] if people.get(code) else None
            for code, count in zip(self.codes, self.counts, strict=True)
        )


_BASIS_COLUMN = {"prosecution": "region_code", "imprisonment": "imprisonment_region_code"}


def region_counts(cases: pd.DataFrame, unit: str, basis: str) -> RegionCounts:
    codes = tuple(regions())
    column = cases[_BASIS_COLUMN[basis]].astype(object).to_numpy()
    known = np.isin(column, codes)
    people = cases[PERSON_CODE].to_numpy()
    if unit == "persons":
        pairs = pd.DataFrame({"region": column[known], "person": people[known]}).drop_duplicates()
        per_region = pairs["region"].value_counts()
        located = int(pairs["person"].nunique())
        total = _distinct(people)
    else:
        per_region = pd.Series(column[known]).value_counts()
        located = int(known.sum())
        total = len(cases)
    return RegionCounts(
        basis=basis,
        unit=unit,
        codes=codes,
        counts=tuple(int(per_region.get(code, 0)) for code in codes),
        located=located,
        total=total,
        rows_with_region=int(known.sum()),
        rows=len(cases),
    )


# Round numbers a reader can hold in mind: 1, 2, 3, 5, 10, 20, 30, 50, ... (and 0.1, 0.2, ...).
_NICE = tuple(round(m * 10.0**e, 2) for e in range(-2, 7) for m in (1, 2, 3, 5))
# Where the class bounds sit in the distribution: finer at the top, where the few large regions
# are, than among the many small ones.
_QUANTILES = (0.0, 0.3, 0.55, 0.75, 0.9, 0.97)
MAX_CLASSES = 6


def nice_breaks(values: list[float] | tuple[float, ...], classes: int = MAX_CLASSES) -> tuple:
    """Lower bounds of the map's colour classes for these values (zero has a colour of its own):
    the quantiles of the non-zero values, each rounded to the nearest round number, so that
    every class holds some regions and its bounds read at a glance ("1", "2–4", "5–9",
    "10–29", "30+"). Whole numbers for counts, as they are; rates may start below 1."""
    positive = np.sort(np.asarray([v for v in values if v and v > 0], dtype=float))
    if not len(positive):
        return (1,)
    nice = np.asarray(_NICE)
    found: list[float] = []
    for q in _QUANTILES[:classes]:
        value = float(np.quantile(positive, q))
        rounded = float(nice[np.argmin(np.abs(np.log(nice) - np.log(value)))])
        if rounded <= positive[-1] and (not found or rounded > found[-1]):
            found.append(rounded)
    if not found:  # every value just under a round number (2.6 rounds up to 3): round down
        below = nice[nice <= positive[0]]
        found.append(float(below.max()) if len(below) else float(positive[0]))
    if positive[0] >= 1 and found[0] > 1:
        found[0] = 1.0  # counts: the first class starts at one
    return tuple(int(b) if b >= 1 and b == int(b) else b for b in found)


def map_breaks(dataset: Dataset, state: FilterState) -> tuple:
    """The colour classes for the map of this unit, basis and measure: chosen from the whole
    dataset, so that they stay the same while filters narrow the map (a colour keeps its
    meaning from one view to the next) and a recolour never needs a new legend."""
    key = (state.unit, state.basis, state.measure)

    def compute() -> tuple:
        full = FilterState(unit=state.unit, basis=state.basis)
        regions_ = overview(dataset, full).regions
        values = regions_.per_million if state.measure == "per_million" else regions_.counts
        return nice_breaks([v for v in values if v is not None])

    return dataset.memo.get("breaks", key, compute)


def map_selection(state: FilterState) -> tuple[tuple[str, ...], FilterState]:
    """(the regions outlined on the map, the state it counts): the map shows every region under
    the other filters and outlines the selected ones; selecting a region filters the other
    charts, not the map that selects it."""
    if state.basis == "prosecution":
        return state.regions, replace(state, regions=())
    return state.held_regions, replace(state, held_regions=())


@dataclass(frozen=True)
class Overview:
    counters: Counters
    timeline: Timeline
    sentences: SentenceDistribution
    regions: RegionCounts
    # With a period set: persons/prosecutions that match every other filter but have no date of
    # the period's kind, so cannot be in any period (said beside the numbers, never silently).
    period_undated: int | None = None
    dates: str = "arrest"


def overview(dataset: Dataset, state: FilterState) -> Overview:
    """Everything the overview page shows except the table, for one request (cached)."""
    return dataset.memo.get("overview", state, lambda: _overview(dataset, state))


def _overview(dataset: Dataset, state: FilterState) -> Overview:
    cases = select(dataset, state)
    undated = None
    if state.has_period:
        # By person: those with no date in any selected case (one dated case places a person).
        timeless = select(dataset, replace(state, date_from=None, date_to=None))
        no_date = np.isnat(timeless[state.date_column].to_numpy())
        undated = _count_only(timeless, no_date, ~no_date, state.unit)
    # The data reaches its "as of" date (a list saved on 30 March covers March to the 30th),
    # or, where no source says, the latest date of this kind in it.
    latest = dataset.cases[state.date_column].max()
    until = dataset.as_of or (None if pd.isna(latest) else latest.date())
    return Overview(
        counters=counters(cases, state.unit),
        timeline=replace(
            timeline(cases, state.granularity, state.unit, state.dates), data_until=until
        ),
        sentences=sentence_distribution(cases, state.unit),
        regions=region_counts(cases, state.unit, state.basis),
        period_undated=undated,
        dates=state.dates,
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


def table_rows(dataset: Dataset, state: FilterState) -> pd.DataFrame:
    """One row per person (persons mode) or per prosecution, before search, sort and paging."""
    key = (state.filters_only, state.unit)
    return dataset.memo.get("table", key, lambda: _table_rows(dataset, state))


def _table_rows(dataset: Dataset, state: FilterState) -> pd.DataFrame:
    """One row per person (persons mode) or per prosecution, before search, sort and paging.

    A person's row shows their earliest arrest, their harshest sentence, the status of their
    latest case and how many cases they have; `table_page` adds every article they are charged
    under for the rows it returns. All of it is vectorised on integer person codes.
    """
    cases = select(dataset, state)
    severity = np.array([_SEVERITY[p] for p in cases["punishment_type"].cat.categories] + [-1])
    severity = severity[cases["punishment_type"].cat.codes.to_numpy()]
    extra = {
        "severity": severity,
        "cases": 1,
        "_name_key": _name_keys(dataset)[cases.index.to_numpy()],
    }
    if state.unit == "prosecutions":
        return cases.assign(**extra).reset_index(drop=True)
    codes = cases[PERSON_CODE].to_numpy()
    months = np.nan_to_num(cases["sentence_months"].to_numpy(), nan=-1.0)
    harshest = _first_per_person(codes, -months, -severity)
    people = cases.iloc[harshest].assign(
        severity=severity[harshest], _name_key=extra["_name_key"][harshest]
    )
    by_person = pd.Series(cases["custody_date"].to_numpy()).groupby(codes)  # sorted by code
    people["custody_date"] = by_person.min().to_numpy()
    people["cases"] = np.bincount(codes)[people[PERSON_CODE].to_numpy()]
    started = cases["persecution_start"].to_numpy().astype("datetime64[s]")
    # Latest first; an undated case sorts after every dated one (never "the latest").
    recency = np.where(np.isnat(started), np.iinfo(np.int64).min + 1, started.astype(np.int64))
    latest = _first_per_person(codes, -recency)
    people["status"] = cases["status"].to_numpy()[latest]
    people["source_url"] = (
        pd.Series(cases["source_url"].to_numpy()).groupby(codes).first().to_numpy()
    )
    return people.reset_index(drop=True)


def _all_articles(dataset: Dataset, state: FilterState, person_codes: np.ndarray) -> list[tuple]:
    """Every article in the selected cases of each person, in first-seen order."""
    cases = select(dataset, state)
    mine = cases[np.isin(cases[PERSON_CODE].to_numpy(), person_codes)]
    found: dict[int, dict[str, None]] = {int(c): {} for c in person_codes}
    for code, articles in zip(mine[PERSON_CODE].to_numpy(), mine["articles"], strict=True):
        found[int(code)].update(dict.fromkeys(articles))
    return [tuple(found[int(c)]) for c in person_codes]


@dataclass(frozen=True)
class TablePage:
    rows: pd.DataFrame
    total: int  # rows matching search
    page: int  # 0-based, clamped to the pages there are
    page_count: int


def _name_keys(dataset: Dataset) -> np.ndarray:
    """Every case's name folded for search in both alphabets (`data.search.name_key`), computed
    once per dataset."""
    return dataset.memo.get("names", None, lambda: name_keys(dataset.cases["name"]))


def table_page(
    dataset: Dataset,
    state: FilterState,
    search: str = "",
    sort_by: tuple[tuple[str, str], ...] = (),
    page: int = 0,
    page_size: int = 20,
    region_names: dict[str, str] | None = None,
) -> TablePage:
    """A page of the persons table: search by name, sort, slice. The search finds a name in
    either alphabet, whatever its spelling, case, ё or word order (`data.search.matches`).

    `region_names` (code -> name in the reader's language) makes the region sort alphabetical.
    """
    rows = table_rows(dataset, state)
    if search.strip():
        rows = rows[matches(rows["_name_key"].to_numpy(), search)]
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
        sort_columns, ascending = ["custody_date"], [False]
    rows = rows.sort_values(sort_columns, ascending=ascending, kind="stable", na_position="last")
    total = len(rows)
    page_count = max(1, -(-total // page_size))
    page = min(max(page, 0), page_count - 1)
    start = page * page_size
    shown = rows.iloc[start : start + page_size]
    if state.unit == "persons" and len(shown):
        shown = shown.assign(articles=_all_articles(dataset, state, shown[PERSON_CODE].to_numpy()))
    return TablePage(shown, total, page, page_count)
