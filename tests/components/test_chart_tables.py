"""Each chart's numbers as a table: the numbers of the very Overview the chart is drawn from."""

import io
from dataclasses import replace
from datetime import date

import pandas as pd
import pytest

from components.chart_tables import CHARTS, chart_table
from components.figures.sentences import bin_label
from components.i18n import t
from data import query
from data.export import csv_bytes
from data.filters import FilterState
from data.reference import population, regions
from tests.data.test_export import two_lists, varied


@pytest.fixture(scope="module")
def rich(dataset):
    return varied(dataset)


def table(chart, dataset, state, lang="en", **kwargs):
    return chart_table(chart, query.overview(dataset, state), lang, state, **kwargs)


def column(frame: pd.DataFrame, index: int) -> list:
    """A column as plain values, empty cells as None."""
    return [None if pd.isna(v) else v for v in frame.iloc[:, index]]


# --- map ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("basis", ["prosecution", "imprisonment"])
@pytest.mark.parametrize("unit", ["persons", "prosecutions"])
def test_map_table_has_every_region_with_the_maps_numbers(rich, unit, basis):
    state = FilterState(unit=unit, basis=basis, articles=("207.3", "205.2"))
    counts = query.overview(rich, state).regions
    frame = table("map", rich, state)
    assert column(frame, 0) == list(counts.codes) == list(regions())
    assert column(frame, 2) == list(counts.counts)
    assert sum(column(frame, 2)) == sum(counts.counts) > 0
    assert column(frame, 3) == list(counts.per_million)
    assert frame.columns[2] == t(f"map.legend_{unit}_{basis}", "en")


def test_map_rates_are_per_million_residents_and_blank_without_a_population(rich):
    frame = table("map", rich, FilterState(unit="prosecutions")).set_index("Region code")
    rate = frame.columns[-1]
    cases = rich.cases
    moscow = int((cases["region_code"] == "RU-MOW").sum())
    assert frame.at["RU-MOW", rate] == pytest.approx(moscow * 1e6 / population()["RU-MOW"])
    assert population()["UA-14"] is None and pd.isna(frame.at["UA-14", rate])
    assert frame.at["UA-14", "Prosecutions by region of prosecution"] > 0  # counted, no rate


def test_map_table_names_regions_in_the_readers_language(rich):
    ru = table("map", rich, FilterState(), lang="ru").set_index("Код региона")
    en = table("map", rich, FilterState(), lang="en").set_index("Region code")
    assert ru.at["RU-MOW", "Регион"] == "Москва" and en.at["RU-MOW", "Region"] == "Moscow"
    assert ru.at["UA-43", "Регион"] == "Крым (оккупирован)"
    assert not set(ru.columns) & set(en.columns)


def test_a_map_with_no_data_has_blank_counts_not_zeros(rich):
    """With no region on the basis, the map says "no data" everywhere; zeros would say none."""
    state = FilterState(basis="imprisonment")
    result = query.overview(rich, state)
    nothing = replace(
        result.regions, counts=(0,) * len(result.regions.codes), located=0, rows_with_region=0
    )
    frame = chart_table("map", replace(result, regions=nothing), "en", state)
    assert not nothing.has_data
    assert frame.iloc[:, 2].isna().all() and frame.iloc[:, 3].isna().all()


# --- timeline -------------------------------------------------------------------------------------


@pytest.mark.parametrize("granularity", ["month", "quarter", "year"])
@pytest.mark.parametrize("unit", ["persons", "prosecutions"])
def test_timeline_table_is_the_bars(rich, unit, granularity):
    state = FilterState(unit=unit, granularity=granularity)
    result = query.overview(rich, state)
    frame = table("timeline", rich, state)
    assert column(frame, 0) == [p.isoformat() for p in result.timeline.periods]
    assert column(frame, 1) == list(result.timeline.counts)
    counted = result.counters.persons if unit == "persons" else result.counters.prosecutions
    assert sum(column(frame, 1)) + result.timeline.undated == counted
    assert frame.columns[1] == t(f"timeline.y_{unit}", "en")


def test_timeline_periods_are_iso_days(rich):
    frame = table("timeline", rich, FilterState(granularity="quarter"), lang="ru")
    assert list(frame.columns) == ["Начало периода", "Человек"]
    assert all(date.fromisoformat(p).month in (1, 4, 7, 10) for p in frame["Начало периода"])


def test_an_empty_timeline_is_an_empty_table(rich):
    state = FilterState(regions=("RU-NONE",))
    frame = table("timeline", rich, state)
    assert len(frame) == 0 and len(frame.columns) == 2


# --- sentences ------------------------------------------------------------------------------------


@pytest.mark.parametrize("unit", ["persons", "prosecutions"])
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_sentence_table_is_the_bars_plus_life_and_unknown_length(rich, unit, lang):
    state = FilterState(unit=unit)
    dist = query.overview(rich, state).sentences
    assert dist.life and dist.unknown_length and "unknown" in dist.regimes
    assert sum(dist.counts[r][-1] for r in dist.regimes)  # the open last bin has terms
    frame = table("sentences", rich, state, lang=lang)
    bins = frame.iloc[: len(dist.bin_starts)]
    assert column(bins, 0) == [bin_label(s, lang) for s in dist.bin_starts]
    assert list(frame.columns[1:-1]) == [t(f"regime.{r}", lang) for r in dist.regimes]
    for i, regime in enumerate(dist.regimes, start=1):
        assert column(bins, i) == list(dist.counts[regime])
    assert column(bins, -1) == [sum(c) for c in zip(*dist.counts.values(), strict=True)]
    assert sum(column(bins, -1)) == dist.total
    extra = frame.iloc[len(dist.bin_starts) :]
    assert column(extra, 0) == [t("table_csv.life", lang), t("table_csv.unknown_length", lang)]
    assert column(extra, -1) == [dist.life, dist.unknown_length]
    assert extra.iloc[:, 1:-1].isna().all().all()


def test_sentence_rows_add_up_to_the_imprisonment_cases(rich):
    state = FilterState(unit="prosecutions")
    frame = table("sentences", rich, state)
    cases = rich.cases
    jailed = cases["punishment_type"].isin(["imprisonment", "life"]).sum()
    assert frame["Total"].sum() == jailed


def test_life_only_selection_has_empty_bins_and_a_life_row(rich):
    state = FilterState(punishments=("life",), unit="prosecutions")
    frame = table("sentences", rich, state)
    assert list(frame.columns) == ["Term", "Total"]  # no regime is drawn
    assert frame["Total"].iloc[:-1].eq(0).all()
    assert frame.iloc[-1].tolist() == ["Life imprisonment", 4]


def test_no_life_or_unknown_rows_when_there_are_none(rich):
    state = FilterState(punishments=("fine",))
    frame = table("sentences", rich, state)
    assert len(frame) == len(query.overview(rich, state).sentences.bin_starts)


# --- counters -------------------------------------------------------------------------------------


def counter_values(frame: pd.DataFrame) -> dict:
    return dict(zip(frame.iloc[:, 0], frame.iloc[:, 1], strict=True))


@pytest.mark.parametrize("unit", ["persons", "prosecutions"])
def test_counter_table_holds_the_counters(rich, unit):
    state = FilterState(unit=unit)
    counters = query.overview(rich, state).counters
    values = counter_values(table("counters", rich, state))
    assert values["Persons"] == counters.persons
    assert values["Prosecutions"] == counters.prosecutions
    assert values["In custody now"] == counters.in_custody
    median = t(f"table_csv.median_months_{unit}", "en")
    assert values[median] == counters.median_term_months
    assert values[t("table_csv.real_terms", "en")] == counters.real_terms
    assert values[t("table_csv.life_terms", "en")] == counters.life_terms > 0
    assert values[t("table_csv.unknown_terms", "en")] == counters.unknown_terms > 0
    assert not any("list" in label for label in values)  # one list: no per-list rows


def test_counter_table_over_two_lists_gives_each_lists_count(rich):
    both = two_lists(rich)
    state = FilterState()
    counters = query.overview(both, state).counters
    names = {"demo": "Демо", "second": "Второй список"}
    values = counter_values(table("counters", both, state, lang="ru", source_names=names))
    persons = "Человек (сумма 2 списков — см. ниже)"
    assert values[persons] == counters.persons
    per_list = {k: v for k, v in values.items() if k.startswith("Человек в списке")}
    assert per_list == {f"Человек в списке «{names[s]}»": n for s, n in counters.persons_by_source}
    assert sum(per_list.values()) == counters.persons
    plain = counter_values(table("counters", both, state))
    assert "Persons on the list “second”" in plain  # no names given: the source id


def test_a_counter_with_no_value_is_a_blank_cell(rich):
    state = FilterState(punishments=("fine",))
    frame = table("counters", rich, state)
    data = csv_bytes(frame)
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    median = back.loc[back["Measure"] == t("table_csv.median_months_persons", "en"), "Value"]
    assert median.tolist() == [""]
    assert back["Value"].iloc[0] == str(query.overview(rich, state).counters.persons)


# --- all charts -----------------------------------------------------------------------------------


def test_unknown_chart_is_an_error(rich):
    result = query.overview(rich, FilterState())
    for chart in ("Map", "table", ""):
        with pytest.raises(ValueError, match="unknown chart"):
            chart_table(chart, result, "en", FilterState())


@pytest.mark.parametrize("chart", CHARTS)
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_chart_table_goes_through_csv_intact(rich, chart, lang):
    state = FilterState(articles=("207.3",), unit="prosecutions")
    frame = table(chart, rich, state, lang=lang)
    header = (("Источник", "демо"), ("Фильтры", "статья 207.3"))
    back = pd.read_csv(
        io.BytesIO(csv_bytes(frame, header)), skiprows=len(header) + 1, encoding="utf-8-sig"
    )
    assert list(back.columns) == list(frame.columns)
    assert len(back) == len(frame)
    numbers = [c for c in frame.columns if pd.api.types.is_integer_dtype(frame[c])]
    for name in numbers:
        assert back[name].fillna(-1).tolist() == frame[name].fillna(-1).tolist()
