"""What each chart shows, in a sentence or two written from its numbers (issue 14): the words a
screen reader reads for the chart, shown to every reader under it.

Pure functions of the aggregates (data.query), like the figure builders, in the reader's
language: "The regions with the most persons prosecuted: Moscow — 120, Saint Petersburg — 80 and
Republic of Bashkortostan — 30. The region of prosecution is known for 235 of 250." Counts agree
with their nouns (components.i18n); the three largest are named, with any tied with the third
("… and 2 more" past three); nothing is said of an empty selection but that.
"""

from __future__ import annotations

from datetime import date

from components.i18n import (
    count_of,
    fmt_int,
    fmt_month,
    fmt_period,
    fmt_term,
    plural_ru,
    t,
    years_word,
)
from data.compare import Comparison
from data.query import TERM_CAP, Counters, Overview, RegionCounts, SentenceDistribution, Timeline
from data.reference import region_label

TOP = 3  # regions or periods named at most


def _and(items: list[str], lang: str) -> str:
    """'A', 'A and B', 'A, B and C' ('и' in Russian); past TOP: 'A, B, C and 2 more'."""
    word = " и " if lang == "ru" else " and "
    if len(items) > TOP:
        more = t("summary.and_more", lang, n=fmt_int(len(items) - TOP, lang))
        return ", ".join(items[:TOP]) + " " + more
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + word + items[-1]


def _sentence(text: str) -> str:
    """`text` ended with one full stop ('6 лет 6 мес.' has its own)."""
    return text if text.endswith(".") else text + "."


def _known(known: int, total: int, key: str, lang: str) -> str:
    """'The region is known for 230 of 250.' (nothing when it is known for all)."""
    if known == total:
        return ""
    return " " + t(key, lang, known=fmt_int(known, lang), total=fmt_int(total, lang))


def map_summary(regions: RegionCounts, lang: str) -> str:
    """The regions with the most persons (or prosecutions), and for how many the region is
    known."""
    if regions.total == 0:
        return t("summary.empty", lang)
    if regions.located == 0:
        return t(f"summary.map_no_region_{regions.basis}", lang)
    ranked = sorted(
        (
            (count, region_label(code, lang))
            for code, count in zip(regions.codes, regions.counts, strict=True)
            if count
        ),
        key=lambda pair: (-pair[0], pair[1]),
    )
    # "Moscow — 447": a region's name may hold parentheses of its own ("Crimea (occupied)").
    # The largest three, and any tied with the third: "… and 2 more" says how many.
    third = ranked[min(TOP, len(ranked)) - 1][0]
    named = [f"{label} — {fmt_int(count, lang)}" for count, label in ranked if count >= third]
    text = t(f"summary.map_{regions.unit}_{regions.basis}", lang, regions=_and(named, lang))
    return text + _known(regions.located, regions.total, f"summary.known_{regions.basis}", lang)


def _period_in(start: date, granularity: str, lang: str) -> str:
    """'in March 2022', 'in Q2 2022', 'in 2022'; 'в марте 2022', 'во II кв. 2022', 'в 2022 году'."""
    if lang == "ru":
        if granularity == "month":
            return "в " + fmt_month(start, lang, case="prepositional")
        if granularity == "year":
            return f"в {start.year} году"
        return "во " + fmt_period(start, granularity, lang)
    return "in " + fmt_period(start, granularity, lang)


def timeline_summary(timeline: Timeline, lang: str) -> str:
    """The period with the most arrests (case starts, verdicts), and how many have a date."""
    dated = sum(timeline.counts)
    total = dated + timeline.undated
    if total == 0:
        return t("summary.empty", lang)
    if dated == 0:
        return t(f"summary.timeline_undated_{timeline.dates}", lang)
    peak = max(timeline.counts)
    peaks = [p for p, n in zip(timeline.periods, timeline.counts, strict=True) if n == peak]
    periods = _and([_period_in(p, timeline.granularity, lang) for p in peaks], lang)
    each = t("summary.each", lang) if len(peaks) > 1 else ""
    text = t(
        f"summary.timeline_{timeline.dates}",
        lang,
        periods=periods,
        n=count_of(peak, timeline.unit, lang) + each,
    )
    return text + _known(dated, total, f"summary.known_date_{timeline.dates}", lang)


def _years_range(start: int, lang: str) -> str:
    """A one-year bin: 'less than 1 year', '6 to 7 years', '25 years or more'."""
    if start >= TERM_CAP:
        return t("summary.years_or_more", lang, y=start, years=years_word(start, lang))
    if start == 0:
        return t("summary.under_a_year", lang)
    end = start + 1
    if lang == "ru":  # «от 6 до 7 лет», «от 20 до 21 года»: the genitive after «до»
        return f"от {start} до {end} {plural_ru(end, 'года', 'лет', 'лет')}"
    return f"{start} to {end} years"


def sentences_summary(sentences: SentenceDistribution, counters: Counters, lang: str) -> str:
    """The most common length of a real prison term, the median, and the life sentences."""
    parts = []
    if sentences.total:
        per_bin = [
            sum(sentences.counts[regime][i] for regime in sentences.regimes)
            for i in range(len(sentences.bin_starts))
        ]
        most = max(per_bin)
        starts = [s for s, n in zip(sentences.bin_starts, per_bin, strict=True) if n == most]
        ranges = _and([_years_range(s, lang) for s in starts], lang)
        each = t("summary.each", lang) if len(starts) > 1 else ""
        parts.append(
            t(
                "summary.sentences_most",
                lang,
                ranges=ranges,
                n=count_of(most, sentences.unit, lang) + each,
            )
        )
        if counters.median_term_months is not None:
            term = fmt_term(counters.median_term_months, lang)
            parts.append(_sentence(t("summary.sentences_median", lang, term=term)))
    elif not sentences.life:
        return t("summary.sentences_none", lang)
    if sentences.life:
        parts.append(
            t("summary.sentences_life", lang, n=count_of(sentences.life, sentences.unit, lang))
        )
    if sentences.unknown_length:
        unknown = count_of(sentences.unknown_length, f"{sentences.unit}_genitive", lang)
        parts.append(t("summary.sentences_unknown", lang, n=unknown))
    return " ".join(parts)


def counters_summary(counters: Counters, lang: str) -> str:
    """The counters in one sentence."""
    if counters.prosecutions == 0:
        return t("summary.empty", lang)
    text = t(
        "summary.counters",
        lang,
        persons=count_of(counters.persons, "persons", lang),
        prosecutions=count_of(counters.prosecutions, "prosecutions", lang),
        custody=fmt_int(counters.in_custody, lang),
    )
    if counters.median_term_months is not None:
        term = fmt_term(counters.median_term_months, lang)
        text += " " + _sentence(t("summary.sentences_median", lang, term=term))
    return text


def compare_summary(comparison: Comparison, names: tuple[str, str], lang: str) -> str:
    """Two lists in one sentence: how many different people, on both, on each one only."""
    if comparison.total == 0:
        return t("summary.empty", lang)
    return t(
        "summary.compare",
        lang,
        total=count_of(comparison.total, "persons", lang),
        both=fmt_int(comparison.both, lang),
        only_left=fmt_int(comparison.only_left, lang),
        only_right=fmt_int(comparison.only_right, lang),
        left=names[0],
        right=names[1],
    )


def chart_summary(chart: str, result: Overview, lang: str) -> str:
    """The summary of one chart of the overview ("map", "timeline", "sentences", "counters")."""
    if chart == "map":
        return map_summary(result.regions, lang)
    if chart == "timeline":
        return timeline_summary(result.timeline, lang)
    if chart == "sentences":
        return sentences_summary(result.sentences, result.counters, lang)
    return counters_summary(result.counters, lang)
