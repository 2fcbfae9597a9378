"""Figure builders: valid plotly, right numbers, right language, an honest empty state."""

import plotly.graph_objects as go
import pytest

from components.figures.sentences import sentences_figure
from components.figures.timeline import timeline_figure
from data import query
from data.filters import FilterState


def valid(figure: dict) -> go.Figure:
    return go.Figure(figure)  # raises on any property plotly does not know


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("granularity", ["month", "quarter", "year"])
def test_timeline(dataset, lang, granularity):
    tl = query.overview(dataset, FilterState(granularity=granularity)).timeline
    figure = timeline_figure(tl, lang)
    valid(figure)
    [bars] = figure["data"]
    assert bars["y"] == list(tl.counts) and len(bars["x"]) == len(tl.periods)
    assert bars["xperiod"] == {"month": "M1", "quarter": "M3", "year": "M12"}[granularity]
    assert figure["layout"]["separators"] == (",\u00a0" if lang == "ru" else ".,")
    word = "чел." if lang == "ru" else "person"
    assert word in bars["customdata"][0]
    ones = [text for text, n in zip(bars["customdata"], tl.counts, strict=True) if n == 1]
    assert lang == "ru" or all(text.endswith(": 1 person") for text in ones)


def test_timeline_marks_the_invasion_in_both_languages(dataset):
    tl = query.overview(dataset, FilterState()).timeline
    ru = timeline_figure(tl, "ru")["layout"]["annotations"][0]["text"]
    en = timeline_figure(tl, "en")["layout"]["annotations"][0]["text"]
    assert ru.startswith("24.02.2022") and en.startswith("24 Feb 2022")


def test_sentences(dataset):
    dist = query.overview(dataset, FilterState(unit="prosecutions")).sentences
    figure = sentences_figure(dist, "en")
    valid(figure)
    assert [trace["name"] for trace in figure["data"]] == list(dist.regimes)
    assert [trace["meta"] for trace in figure["data"]] == [
        f"{r} regime" if r not in ("settlement",) else "settlement colony" for r in dist.regimes
    ]
    total = sum(sum(trace["y"]) for trace in figure["data"])
    assert total == dist.total
    assert figure["layout"]["barmode"] == "stack"
    assert figure["layout"]["xaxis"]["ticktext"][-1] == "25+"
    assert figure["layout"]["yaxis"]["title"]["text"] == "Sentences"


def test_figures_are_small(dataset):
    """Built from aggregates, not rows: a figure is a few KB whatever the dataset size."""
    import json

    result = query.overview(dataset, FilterState())
    assert len(json.dumps(sentences_figure(result.sentences, "ru"))) < 20_000
    assert len(json.dumps(timeline_figure(result.timeline, "ru"), default=str)) < 60_000


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_empty_selection_says_so(dataset, lang):
    result = query.overview(dataset, FilterState(articles=("999",)))
    for figure in (
        timeline_figure(result.timeline, lang),
        sentences_figure(result.sentences, lang),
    ):
        valid(figure)
        assert figure["data"] == []
        text = figure["layout"]["annotations"][0]["text"]
        assert text == (
            "Нет записей для выбранных фильтров"
            if lang == "ru"
            else "No records match these filters"
        )


def test_the_regime_legend_shows_even_for_one_regime(dataset):
    # The demo sends women to general-regime colonies only (as Russian law does).
    dist = query.overview(dataset, FilterState(genders=("female",))).sentences
    assert dist.regimes == ("general",)
    figure = sentences_figure(dist, "ru")
    assert len(figure["data"]) == 1 and figure["layout"]["showlegend"] is True


@pytest.mark.parametrize(("granularity", "months"), [("month", 1), ("quarter", 3), ("year", 12)])
def test_timeline_axis_spans_exactly_the_periods(dataset, granularity, months):
    import pandas as pd

    tl = query.overview(dataset, FilterState(granularity=granularity)).timeline
    xaxis = timeline_figure(tl, "en")["layout"]["xaxis"]
    end = (pd.Timestamp(tl.periods[-1]) + pd.DateOffset(months=months)).date().isoformat()
    assert xaxis["range"] == [tl.periods[0].isoformat(), end]


def test_small_counts_get_whole_number_ticks(dataset):
    from datetime import date

    small = query.Timeline((date(2022, 1, 1), date(2022, 2, 1)), (1, 2), "month", "persons", 0)
    yaxis = timeline_figure(small, "en")["layout"]["yaxis"]
    assert (yaxis["dtick"], yaxis["tick0"], yaxis["tickformat"]) == (1, 0, ",d")
    big = query.overview(dataset, FilterState()).sentences
    yaxis = sentences_figure(big, "en")["layout"]["yaxis"]
    assert "dtick" not in yaxis and yaxis["tickformat"] == ",d"


def test_sentence_bins_say_what_they_hold(dataset):
    """A bar labelled "6–7" was ambiguous: it holds 6 years to 6 years 11 months."""
    from components.figures.sentences import bin_label

    dist = query.overview(dataset, FilterState()).sentences
    en = sentences_figure(dist, "en")["data"][0]["customdata"]
    ru = sentences_figure(dist, "ru")["data"][0]["customdata"]
    assert en[6] == "6 years to 6 years 11 months" and ru[6] == "от 6 лет до 6 лет 11 мес."
    assert ru[1] == "от 1 года до 1 года 11 мес." and ru[21] == "от 21 года до 21 года 11 мес."
    assert en[0] == "under 1 year" and bin_label(query.TERM_CAP, "en") == "25 years or more"
    from components.figures.sentences import sentences_caption

    assert "from 6 years to 6 years 11 months" in sentences_caption(dist, "en")


def test_sentence_caption_names_terms_of_unknown_length():
    from components.figures.sentences import sentences_caption

    dist = query.SentenceDistribution((0,), (), {}, 3, 1, "persons", unknown_length=2)
    assert sentences_caption(dist, "en").endswith(
        "Real prison sentences whose length is not given (2) are not shown on the chart."
    )


@pytest.mark.parametrize("granularity", ["month", "quarter", "year"])
def test_a_single_period_is_a_visible_bar(granularity):
    """With one period (a narrow filter) plotly gave the bar a width of a millisecond."""
    from datetime import date

    tl = query.Timeline((date(2019, 1, 1),), (1,), granularity, "persons", 0)
    [bars] = timeline_figure(tl, "en")["data"]
    days = {"month": 28, "quarter": 89, "year": 365}[granularity]
    assert 0.7 * days * 86_400_000 < bars["width"] < days * 86_400_000


def test_life_terms_only_say_what_is_there():
    """Defect: with punishment = life the chart said "No records match these filters" though
    people matched: life terms are not on a years axis, and the chart now says so."""
    dist = query.SentenceDistribution((0,), (), {}, 0, 7, "persons")

    def words(figure: dict) -> str:
        text = figure["layout"]["annotations"][0]["text"]
        assert all(len(line) <= 34 for line in text.split("<br>"))  # fits a phone
        return text.replace("<br>", " ")

    assert words(sentences_figure(dist, "en")).startswith("Life imprisonment: 7 persons.")
    ru = words(sentences_figure(dist, "ru"))
    assert ru.startswith("Пожизненное лишение свободы: 7 человек.")
    nothing = query.SentenceDistribution((0,), (), {}, 0, 0, "persons")
    assert words(sentences_figure(nothing, "en")) == "No records match these filters"
    forced = query.SentenceDistribution((0,), (), {}, 0, 0, "persons", selected=1)
    assert words(sentences_figure(forced, "ru")) == (
        "Среди выбранных (1 человек) нет приговоров к реальному сроку."
    )


def test_a_timeline_with_no_dates_says_so():
    tl = query.Timeline((), (), "month", "prosecutions", 1, "verdict")
    text = timeline_figure(tl, "en")["layout"]["annotations"][0]["text"].replace("<br>", " ")
    assert text == "No verdict date in any of the selected records (1 prosecution)"


def test_a_partial_last_period_is_marked():
    """Defect: a year with three months of data looked like a drop."""
    from datetime import date

    from components.figures.timeline import ACCENT, PARTIAL, timeline_caption

    tl = query.Timeline(
        (date(2025, 1, 1), date(2026, 1, 1)), (40, 9), "year", "persons", 0, "arrest",
        data_until=date(2026, 3, 31),
    )  # fmt: skip
    assert tl.last_is_partial
    assert timeline_figure(tl, "en")["data"][0]["marker"]["color"] == [ACCENT, PARTIAL]
    assert "The last period is partial: data up to 31 Mar 2026" in timeline_caption(tl, "en")
    whole = query.Timeline(
        (date(2025, 1, 1),), (40,), "year", "persons", 0, "arrest", data_until=date(2025, 12, 31)
    )
    assert not whole.last_is_partial


def test_few_periods_get_one_tick_each_and_the_period_note_agrees():
    """Review findings: monthly bars sat on weekly ticks; with a period set the caption said
    "no verdict date: 0" while the note under the period said 6."""
    from datetime import date

    from components.figures.timeline import timeline_caption

    tl = query.Timeline(
        (date(2022, 12, 1), date(2023, 1, 1)), (1, 1), "month", "persons", 0, "verdict"
    )
    axis = timeline_figure(tl, "en")["layout"]["xaxis"]
    assert axis["dtick"] == "M1" and axis["tickformat"] == "%b %Y"
    assert "no verdict yet): 6." in timeline_caption(tl, "en", undated=6)
    assert "no verdict yet): 0." in timeline_caption(tl, "en")


def test_no_regime_is_told_apart_by_colour_alone(dataset):
    """Each regime's bars have a colour and a pattern of their own (the legend shows both)."""
    figure = valid(sentences_figure(query.sentence_distribution(dataset, FilterState()), "en"))
    bars = [trace for trace in figure.data if trace.type == "bar"]
    assert len(bars) >= 3
    looks = [(bar.marker.color, bar.marker.pattern.shape or "") for bar in bars]
    assert len({colour for colour, _ in looks}) == len(bars)
    assert len({pattern for _, pattern in looks}) == len(bars)
