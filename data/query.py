"""Pure queries: (dataset, FilterState) -> the small aggregates the charts and counters need.

Nothing here knows about Dash or languages. The counting runs on the dataset's integer codes
(`data.engine`): a filter is a boolean mask, counts are `bincount`s, persons are de-duplicated on
integer codes, and the table sorts an index. Each aggregate is cached on its own by (dataset,
the part of the state it depends on): a dataset is immutable and replaced whole, so its
identity is its version.

Persons vs prosecutions (PRODUCT.md): a dataset row is one prosecution. In persons mode each person
counts once: on the timeline at their earliest arrest date among the selected prosecutions, in the
sentence distribution with their longest real term.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

import numpy as np
import pandas as pd

from data.dataset import PERSON_CODE, Dataset
from data.engine import NO_DAY, Engine, Selection
from data.filters import DATE_COLUMNS, FilterState
from data.reference import article_sort_key, population, regions
from data.schema import GENDERS, PUNISHMENT_TYPES, STATUSES
from data.search import matches

UNKNOWN = "unknown"

# Real terms are binned by whole years; the last bin collects everything from TERM_CAP years up.
TERM_CAP = 25
REGIME_ORDER = ("general", "strict", "special", "settlement", "prison", "unknown")


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


def _selection(dataset: Dataset, state: FilterState) -> Selection:
    """The rows a state's filters select (cached per dataset as a boolean mask: 100 KB at 100k
    rows, where the frame would be megabytes), with the persons among them."""
    state = state.filters_only
    return dataset.memo.get("mask", state, lambda: dataset.engine.select(state))


def _mask(dataset: Dataset, state: FilterState) -> np.ndarray:
    return _selection(dataset, state).rows


def select(dataset: Dataset, state: FilterState) -> pd.DataFrame:
    """The prosecutions matching the filters (view options such as unit do not change this),
    as a frame: for the edges (downloads, comparisons), never for counting."""
    if state.filters_only.is_default:
        return dataset.cases
    return dataset.cases[_mask(dataset, state)]


def _cached(dataset: Dataset, name: str, key: tuple, compute):
    """One aggregate, cached on its own by the part of the state it depends on: the map (its
    own region selection left out) and the overview share every piece they have in common."""
    return dataset.memo.get("overview", (name, *key), compute)


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


def _terms(engine: Engine, rows: np.ndarray, unit: str) -> np.ndarray:
    """Rows of the real prison terms with a known length among `rows`: one per prosecution, or
    each person's longest."""
    if unit == "persons":
        return engine.one_per_person(engine.longest_term, rows)
    return np.flatnonzero(rows & engine.prison & ~np.isnan(engine.months))


def _terms_of_unknown_length(engine: Engine, rows: np.ndarray, unit: str) -> int:
    """Real imprisonment with no term given: by person, those with no known term in any case
    (a person with a known term elsewhere is in the median already)."""
    prison = rows & engine.prison
    unknown = np.isnan(engine.months)
    return engine.count_only(prison & unknown, prison & ~unknown, unit)


def _persons_by_source(engine: Engine, seen: np.ndarray) -> tuple[tuple[str, int], ...]:
    """Persons in each source list of the selection (`seen`: flags per person), largest first
    (then by name)."""
    values = engine.columns["source"].values
    counts = np.bincount(engine.person_source[seen], minlength=len(values))
    pairs = ((values[i], int(n)) for i, n in enumerate(counts) if n)
    return tuple(sorted(pairs, key=lambda kv: (-kv[1], kv[0])))


def counters(dataset: Dataset, state: FilterState) -> Counters:
    """The overview's headline numbers for the state's filters and unit."""
    key = (state.filters_only, state.unit)
    return _cached(dataset, "counters", key, lambda: _counters(dataset, state))


def _counters(dataset: Dataset, state: FilterState) -> Counters:
    engine, selection, unit = dataset.engine, _selection(dataset, state), state.unit
    rows = selection.rows
    terms = engine.months[_terms(engine, rows, unit)]
    return Counters(
        persons=selection.person_count,
        prosecutions=selection.size,
        in_custody=engine.count(rows & engine.held, "persons"),
        median_term_months=float(np.median(terms)) if len(terms) else None,
        real_terms=len(terms),
        life_terms=engine.count(rows & engine.life, unit),
        unknown_terms=_terms_of_unknown_length(engine, rows, unit),
        persons_by_source=_persons_by_source(engine, selection.persons),
        different_people=engine.distinct_identities(rows),
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


def timeline(dataset: Dataset, state: FilterState) -> Timeline:
    """Persons or prosecutions by period of the state's date; a person at their earliest one."""
    key = (state.filters_only, state.unit, state.granularity)
    return _cached(dataset, "timeline", key, lambda: _timeline(dataset, state))


def _timeline(dataset: Dataset, state: FilterState) -> Timeline:
    engine, selection, unit = dataset.engine, _selection(dataset, state), state.unit
    granularity, column = state.granularity, state.date_column
    days = engine.days[column]
    if unit == "persons":
        chosen = engine.one_per_person(engine.earliest[column], selection.rows)
    else:
        chosen = np.flatnonzero(selection.rows)
    dated = chosen[days[chosen] != NO_DAY]
    undated = len(chosen) - len(dated)
    # The data reaches its "as of" date (a list saved on 30 March covers March to the 30th),
    # or, where no source says, the latest date of this kind in it.
    last = engine.last_day[column]
    until = dataset.as_of or (None if last is None else _date_of(last))
    if not len(dated):
        return Timeline((), (), granularity, unit, undated, state.dates, until)
    step = _MONTHS_PER_PERIOD[granularity]
    # Periods as whole numbers: months since 1970 divided by the period's length in months.
    periods = engine.month[column][dated] // step
    first = int(periods.min())
    counts = np.bincount(periods - first)
    starts = tuple(
        date(1970 + (p * step) // 12, (p * step) % 12 + 1, 1)
        for p in range(first, first + len(counts))
    )
    return Timeline(
        starts, tuple(int(c) for c in counts), granularity, unit, undated, state.dates, until
    )


def _date_of(day: int) -> date:
    return date(1970, 1, 1) + timedelta(days=day)


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


def sentence_distribution(dataset: Dataset, state: FilterState) -> SentenceDistribution:
    key = (state.filters_only, state.unit)
    return _cached(dataset, "sentences", key, lambda: _sentences(dataset, state))


def _sentences(dataset: Dataset, state: FilterState) -> SentenceDistribution:
    engine, rows, unit = dataset.engine, _mask(dataset, state), state.unit
    terms = _terms(engine, rows, unit)
    years = np.clip(np.floor(engine.months[terms] / 12), 0, TERM_CAP).astype(np.int64)
    regime = engine.columns["regime"]
    # Each regime's place in REGIME_ORDER; an empty cell is "unknown", any other value none.
    order = {name: i for i, name in enumerate(REGIME_ORDER)}
    place = np.array(
        [order.get(v, len(REGIME_ORDER)) for v in regime.values] + [order["unknown"]],
        dtype=np.int64,
    )[regime.codes[terms]]
    bins = TERM_CAP + 1
    table = np.bincount(place * bins + years, minlength=(len(REGIME_ORDER) + 1) * bins)
    table = table.reshape(len(REGIME_ORDER) + 1, bins)
    counts = {
        name: tuple(int(c) for c in table[i])
        for i, name in enumerate(REGIME_ORDER)
        if table[i].any()
    }
    return SentenceDistribution(
        bin_starts=tuple(range(bins)),
        regimes=tuple(counts),
        counts=counts,
        total=len(terms),
        life=engine.count(rows & engine.life, unit),
        unit=unit,
        unknown_length=_terms_of_unknown_length(engine, rows, unit),
        selected=_selection(dataset, state).count(unit),
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


def region_counts(dataset: Dataset, state: FilterState) -> RegionCounts:
    key = (state.filters_only, state.unit, state.basis)
    return _cached(dataset, "regions", key, lambda: _region_counts(dataset, state))


def _region_counts(dataset: Dataset, state: FilterState) -> RegionCounts:
    engine, selection, unit, basis = (
        dataset.engine,
        _selection(dataset, state),
        state.unit,
        state.basis,
    )
    codes = tuple(regions())
    index = engine.region_index[basis]
    located_rows = selection.rows & engine.region_known[basis]
    if unit == "persons":
        seen = np.zeros(len(engine.pair_region[basis]), dtype=bool)
        seen[engine.region_pair[basis][located_rows]] = True
        per_region = np.bincount(engine.pair_region[basis][seen], minlength=len(codes))
        located_persons = np.zeros(engine.persons, dtype=bool)
        located_persons[engine.pair_person[basis][seen]] = True
        located = int(np.count_nonzero(located_persons))
    else:
        per_region = np.bincount(index[located_rows], minlength=len(codes))
        located = int(np.count_nonzero(located_rows))
    return RegionCounts(
        basis=basis,
        unit=unit,
        codes=codes,
        counts=tuple(int(c) for c in per_region),
        located=located,
        total=selection.count(unit),
        rows_with_region=int(np.count_nonzero(located_rows)),
        rows=selection.size,
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
        full = region_counts(dataset, FilterState(unit=state.unit, basis=state.basis))
        values = full.per_million if state.measure == "per_million" else full.counts
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


def period_undated(dataset: Dataset, state: FilterState) -> int | None:
    """With a period set: the persons (or prosecutions) that match every other filter but have
    no date of the period's kind in any selected case, so are in no period; None without one."""
    if not state.has_period:
        return None

    def compute() -> int:
        engine = dataset.engine
        timeless = _mask(dataset, replace(state, date_from=None, date_to=None))
        dated = engine.days[state.date_column] != NO_DAY
        return engine.count_only(timeless & ~dated, timeless & dated, state.unit)

    return _cached(dataset, "undated", (state.filters_only, state.unit), compute)


def overview(dataset: Dataset, state: FilterState) -> Overview:
    """Everything the overview page shows except the table. Each part is cached on its own
    (`_cached`): a callback that needs only some of them asks for those."""
    return Overview(
        counters=counters(dataset, state),
        timeline=timeline(dataset, state),
        sentences=sentence_distribution(dataset, state),
        regions=region_counts(dataset, state),
        period_undated=period_undated(dataset, state),
        dates=state.dates,
    )


# --- the persons table ---------------------------------------------------------------------------

SORTABLE = ("name", "region_code", "articles", "custody_date", "sentence", "status", "cases")


@dataclass(frozen=True, eq=False)
class _TableRows:
    """The table's rows for one selection, as arrays (one entry per person, or per
    prosecution), before search, sort and paging: a few arrays of the selection's length, not a
    frame of every column. A person's row shows their harshest sentence (`row`), earliest
    arrest, the status of their latest case, the first source card given and their case count."""

    row: np.ndarray  # the case a row shows
    custody: np.ndarray  # days (NO_DAY: none)
    cases: np.ndarray
    status_row: np.ndarray
    url_row: np.ndarray


def _table_rows_of(dataset: Dataset, state: FilterState) -> _TableRows:
    key = (state.filters_only, state.unit)
    return dataset.memo.get("table", key, lambda: _build_table_rows(dataset, state))


def _build_table_rows(dataset: Dataset, state: FilterState) -> _TableRows:
    engine, rows = dataset.engine, _mask(dataset, state)
    custody = engine.days["custody_date"]
    if state.unit == "prosecutions":
        chosen = np.flatnonzero(rows)
        return _TableRows(chosen, custody[chosen], np.ones(len(chosen), np.int64), chosen, chosen)
    harshest = engine.one_per_person(engine.harshest, rows)
    persons = engine.person[harshest]
    return _TableRows(
        row=harshest,
        custody=custody[engine.one_per_person(engine.earliest["custody_date"], rows)],
        cases=np.bincount(engine.person[rows], minlength=engine.persons)[persons],
        status_row=engine.one_per_person(engine.latest, rows),
        url_row=engine.one_per_person(engine.with_url_first, rows),
    )


# What a table row shows and is sorted by: the page's frame takes only these columns (taking
# 20 rows of every column cost more than the counting).
_ROW_COLUMNS = (
    "source",
    "person_id",
    "case_id",
    "name",
    "region_code",
    "articles",
    "punishment_type",
    "regime",
    "sentence_months",
    "prison_months",
    "fine_rub",
    PERSON_CODE,
)


def _frame(dataset: Dataset, table: _TableRows, positions: np.ndarray) -> pd.DataFrame:
    """The table rows at `positions` as a frame of the columns a row shows (a page: 20 rows)."""
    cases = dataset.cases
    shown = table.row[positions]
    where = [cases.columns.get_loc(c) for c in _ROW_COLUMNS]
    rows = cases.iloc[shown, where].reset_index(drop=True)
    days = table.custody[positions]
    custody = np.where(days == NO_DAY, np.datetime64("NaT"), days.astype("datetime64[D]"))
    rows["custody_date"] = pd.to_datetime(custody.astype("datetime64[s]"))
    rows["cases"] = table.cases[positions]
    status, url = cases.columns.get_loc("status"), cases.columns.get_loc("source_url")
    rows["status"] = cases.iloc[table.status_row[positions], status].to_numpy()
    rows["source_url"] = cases.iloc[table.url_row[positions], url].to_numpy()
    return rows


def table_rows(dataset: Dataset, state: FilterState) -> pd.DataFrame:
    """Every row of the table for a selection, unsorted, as a frame (for checks and exports;
    the table itself only ever builds the frame of one page)."""
    table = _table_rows_of(dataset, state)
    return _frame(dataset, table, np.arange(len(table.row)))


def _all_articles(dataset: Dataset, state: FilterState, person_codes: np.ndarray) -> list[tuple]:
    """Every article in the selected cases of each person, in first-seen order."""
    engine, selected = dataset.engine, _mask(dataset, state)
    articles = dataset.cases["articles"].to_numpy()
    found = []
    for code in person_codes:
        own = engine.by_person[engine.person_start[code] : engine.person_start[code + 1]]
        seen: dict[str, None] = {}
        for row in own[selected[own]]:
            seen.update(dict.fromkeys(articles[row]))
        found.append(tuple(seen))
    return found


@dataclass(frozen=True)
class TablePage:
    rows: pd.DataFrame
    total: int  # rows matching search
    page: int  # 0-based, clamped to the pages there are
    page_count: int


def _sort_key(values: np.ndarray, missing: np.ndarray, ascending: bool) -> np.ndarray:
    """A key for np.lexsort: the values in the asked direction, every missing one last."""
    key = values.astype(float) if ascending else -values.astype(float)
    return np.where(missing, np.inf, key)


def _region_ranks(dataset: Dataset, region_names: dict[str, str] | None) -> np.ndarray:
    """Each case's region ranked by its name in the reader's language (or by code), -1: none."""
    coded = dataset.engine.columns["region_code"]
    shown = [region_names.get(v, v) if region_names else v for v in coded.values]
    order = np.unique(np.array(shown, dtype=object).astype(str), return_inverse=True)[1]
    return np.append(order, -1).astype(np.int64)[coded.codes]


def _table_order(
    dataset: Dataset,
    state: FilterState,
    search: str,
    sort_by: tuple[tuple[str, str], ...],
    region_names: dict[str, str] | None,
) -> np.ndarray:
    """Positions in the table rows of those the search finds, in the asked order (a stable
    sort: ties keep the table's order), cached so a page turn only slices it."""
    region_key = tuple(sorted(region_names.items())) if region_names else None
    key = (state.filters_only, state.unit, search, sort_by, region_key)

    def compute() -> np.ndarray:
        engine, table = dataset.engine, _table_rows_of(dataset, state)
        positions = np.arange(len(table.row))
        if search:
            positions = positions[matches(engine.name_keys[table.row], search)]
        rows = table.row[positions]
        keys: list[np.ndarray] = []
        for column, direction in sort_by:
            up = direction == "asc"
            if column == "name":
                keys.append(_sort_key(engine.name_rank[rows], engine.name_rank[rows] < 0, up))
            elif column == "region_code":
                region = _region_ranks(dataset, region_names)[rows]
                keys.append(_sort_key(region, region < 0, up))
            elif column == "articles":
                first = engine.first_article_rank[rows]
                keys.append(_sort_key(first, first < 0, up))
            elif column == "custody_date":
                days = table.custody[positions]
                keys.append(_sort_key(days, days == NO_DAY, up))
            elif column == "sentence":  # life first (severity), then the longest term
                severity = engine.severity[rows]
                months = engine.months[rows]
                keys += [
                    _sort_key(severity, np.zeros(len(rows), bool), up),
                    _sort_key(np.nan_to_num(months), np.isnan(months), up),
                ]
            elif column == "status":
                status = engine.status_rank[table.status_row[positions]]
                keys.append(_sort_key(status, status < 0, up))
            elif column == "cases":
                keys.append(_sort_key(table.cases[positions], np.zeros(len(rows), bool), up))
        if not keys:  # most recent arrests first, as a news reader expects
            days = table.custody[positions]
            keys.append(_sort_key(days, days == NO_DAY, False))
        if len(keys) == 1:  # the usual case: one column (a stable sort keeps the ties' order)
            return positions[np.argsort(keys[0], kind="stable")]
        return positions[np.lexsort(keys[::-1])]

    return dataset.memo.get("table_order", key, compute)


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
    Only the page's rows become a frame; the order is an index, sorted once per view.
    """
    sort_by = tuple((c, d) for c, d in sort_by if c in SORTABLE)
    order = _table_order(dataset, state, search if search.strip() else "", sort_by, region_names)
    total = len(order)
    page_count = max(1, -(-total // page_size))
    page = min(max(page, 0), page_count - 1)
    table = _table_rows_of(dataset, state)
    shown = _frame(dataset, table, order[page * page_size : (page + 1) * page_size])
    if state.unit == "persons" and len(shown):
        shown["articles"] = _all_articles(dataset, state, shown[PERSON_CODE].to_numpy())
    return TablePage(shown, total, page, page_count)
