"""Each chart's numbers as a table: the CSV companion of a chart (PRODUCT.md, Downloads; the
grapher model of DESIGN.md), and the table view a screen-reader user gets instead of the graph.

Every number is read from the same `Overview` the chart is drawn from, never counted again, so a
downloaded table cannot disagree with the chart beside it. Numbers stay numbers (the CSV writer
formats them); column names are in the reader's language (components.i18n: the `table_csv.*`
keys, and the chart's own labels).
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from components.figures.compare import breakdown_label
from components.figures.sentences import bin_label
from components.i18n import t
from data.compare import Comparison, OneListPerson
from data.filters import FilterState
from data.query import Overview
from data.reference import POPULATION_YEAR, region_label

CHARTS = ("map", "timeline", "sentences", "counters")
# Charts of their own pages, embeddable and downloadable like the overview's (not on it).
PAGE_CHARTS = ("compare",)
EMBEDS = (*CHARTS, *PAGE_CHARTS)


def _counts(values: list) -> pd.api.extensions.ExtensionArray:
    """Counts as nullable integers: an empty cell (no data, not applicable) is never a zero."""
    return pd.array(values, dtype="Int64")


def _map_table(result: Overview, lang: str, state: FilterState) -> pd.DataFrame:
    """One row per region of the map, in the region table's order. Where the selection has no
    region on this basis the map says "no data" everywhere, and so do the counts here."""
    regions = result.regions
    missing = [None] * len(regions.codes)
    return pd.DataFrame(
        {
            t("table_csv.region_code", lang): list(regions.codes),
            t("table_csv.region", lang): [region_label(code, lang) for code in regions.codes],
            t(f"map.legend_{regions.unit}_{regions.basis}", lang): _counts(
                list(regions.counts) if regions.has_data else missing
            ),
            t("map.legend_per_million", lang, year=POPULATION_YEAR): pd.array(
                list(regions.per_million) if regions.has_data else missing, dtype="Float64"
            ),
        }
    )


def _timeline_table(result: Overview, lang: str, state: FilterState) -> pd.DataFrame:
    """One row per bar: the period's first day (ISO, whatever the granularity) and its count."""
    timeline = result.timeline
    return pd.DataFrame(
        {
            t("table_csv.period_start", lang): [p.isoformat() for p in timeline.periods],
            t(f"timeline.y_{timeline.unit}", lang): _counts(list(timeline.counts)),
        }
    )


def _sentences_table(result: Overview, lang: str, state: FilterState) -> pd.DataFrame:
    """One row per one-year bin (the bar's own words), one column per regime drawn, and the
    total; then life terms and terms of unknown length, which have no bin, when there are any.
    Regime columns take the regime's whole name (the figure's hover), since a column named
    only "not given" would not say what is not given."""
    dist = result.sentences
    term, total = t("table_csv.term", lang), t("table_csv.total", lang)
    columns: dict[str, object] = {term: [bin_label(s, lang) for s in dist.bin_starts]}
    for regime in dist.regimes:
        columns[t(f"regime.{regime}", lang)] = _counts(list(dist.counts[regime]))
    per_bin = [sum(dist.counts[r][i] for r in dist.regimes) for i in range(len(dist.bin_starts))]
    columns[total] = _counts(per_bin)
    table = pd.DataFrame(columns)
    extra = (("life", dist.life), ("unknown_length", dist.unknown_length))
    rows = [{term: t(f"table_csv.{key}", lang), total: n} for key, n in extra if n]
    if not rows:
        return table
    return pd.concat([table, pd.DataFrame(rows).astype({total: "Int64"})], ignore_index=True)


def _counters_table(
    result: Overview, lang: str, state: FilterState, source_names: dict[str, str]
) -> pd.DataFrame:
    """The headline numbers and what the median leaves out, as the counter notes say them; over
    several lists, each list's own count of persons (the persons counter is their sum)."""
    counters = result.counters
    persons = t("counter.persons", lang)
    if counters.summed_over_lists:
        note = t("counter.persons_note_sum", lang, n=len(counters.persons_by_source))
        persons = f"{persons} ({note})"
    rows: list[tuple[str, object]] = [
        (persons, counters.persons),
        (t("counter.prosecutions", lang), counters.prosecutions),
        (t("counter.in_custody", lang), counters.in_custody),
        (t(f"table_csv.median_months_{state.unit}", lang), counters.median_term_months),
        (t("table_csv.real_terms", lang), counters.real_terms),
    ]
    if counters.life_terms:
        rows.append((t("table_csv.life_terms", lang), counters.life_terms))
    if counters.unknown_terms:
        rows.append((t("table_csv.unknown_terms", lang), counters.unknown_terms))
    if counters.summed_over_lists:
        rows += [
            (t("table_csv.list_persons", lang, name=source_names.get(source, source)), n)
            for source, n in counters.persons_by_source
        ]
    labels, values = zip(*rows, strict=True)
    # Object values: counts stay whole numbers beside the median's months (float) or its blank.
    return pd.DataFrame(
        {
            t("table_csv.measure", lang): list(labels),
            t("table_csv.value", lang): pd.Series(values, dtype=object),
        }
    )


_Builder = Callable[[Overview, str, FilterState], pd.DataFrame]
_BUILDERS: dict[str, _Builder] = {
    "map": _map_table,
    "timeline": _timeline_table,
    "sentences": _sentences_table,
}


def chart_table(
    chart: str,
    result: Overview,
    lang: str,
    state: FilterState,
    source_names: dict[str, str] | None = None,
) -> pd.DataFrame:
    """The numbers `chart` shows for `result` (the overview of `state`), with column names in
    `lang`. `source_names` (source -> display name, components.provenance.source_labels) names
    the lists in the counters' per-list rows; without it they go by their source ids.

    Raises ValueError for a chart not in CHARTS: the name comes from a URL.
    """
    if chart == "counters":
        return _counters_table(result, lang, state, source_names or {})
    if chart not in _BUILDERS:
        raise ValueError(f"unknown chart {chart!r}: expected one of {', '.join(CHARTS)}")
    return _BUILDERS[chart](result, lang, state)


def breakdown_table(
    comparison: Comparison, kind: str, lang: str, names: tuple[str, str]
) -> pd.DataFrame:
    """One breakdown of a comparison ("region", "article", "year"), every row of it: what the
    compare page's chart of it shows (its largest rows), in full."""
    found = {
        "region": comparison.by_region,
        "article": comparison.by_article,
        "year": comparison.by_year,
    }[kind]
    label = breakdown_label(kind, lang)
    both = t("compare.both", lang)
    only = [t("compare.only", lang, list=name) for name in names]
    return pd.DataFrame(
        {
            t(f"compare.by_{kind}", lang): [label(r.key) for r in found],
            both: _counts([r.both for r in found]),
            only[0]: _counts([r.only_left for r in found]),
            only[1]: _counts([r.only_right for r in found]),
        }
    )


def compare_table(comparison: Comparison, lang: str, names: tuple[str, str]) -> pd.DataFrame:
    """The compare page's numbers: the totals, then every row of each breakdown (region, article,
    year of arrest), each with persons on both lists and on each list only."""
    both = t("compare.both", lang)
    only = [t("compare.only", lang, list=name) for name in names]
    breakdown, key, label = (
        t("table_csv.breakdown", lang),
        t("table_csv.key", lang),
        t("table_csv.label", lang),
    )
    rows = [
        {
            breakdown: t("table_csv.total", lang),
            key: "",
            label: "",
            both: comparison.both,
            only[0]: comparison.only_left,
            only[1]: comparison.only_right,
        }
    ]
    for kind, found in (
        ("region", comparison.by_region),
        ("article", comparison.by_article),
        ("year", comparison.by_year),
    ):
        rows += [
            {
                breakdown: t(f"compare.by_{kind}", lang),
                key: r.key,
                label: breakdown_label(kind, lang)(r.key),
                both: r.both,
                only[0]: r.only_left,
                only[1]: r.only_right,
            }
            for r in found
        ]
    table = pd.DataFrame(rows)
    return table.astype({both: "Int64", only[0]: "Int64", only[1]: "Int64"})


def one_list_table(people: tuple[OneListPerson, ...], lang: str) -> pd.DataFrame:
    """The persons on one list only: who, where, what charges, and their card on the list."""
    return pd.DataFrame(
        {
            "person_id": [p.person_id for p in people],
            t("table.name", lang): [p.name for p in people],
            t("table.region", lang): [region_label(p.region_code, lang) for p in people],
            t("table.articles", lang): ["; ".join(p.articles) for p in people],
            t("table_csv.card", lang): [p.source_url for p in people],
        }
    )
