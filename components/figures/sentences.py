"""The distribution of real prison terms: one-year bins counted on the server, stacked by regime."""

from __future__ import annotations

from components.figures.theme import (
    REGIME_COLOURS,
    REGIME_PATTERNS,
    axis,
    base_layout,
    category_marker,
    count_axis,
    empty_figure,
)
from components.i18n import count_of, fmt_int, plural_ru, t, years_word
from data.query import TERM_CAP, SentenceDistribution


def bin_label(start: int, lang: str) -> str:
    """What one bar holds, unambiguously: the bar at 6 is "6 years to 6 years 11 months"."""
    if start >= TERM_CAP:
        return t("sentences.bin_last", lang, y=TERM_CAP)
    if start == 0:
        return t("sentences.bin_first", lang)
    # "от 1 года до 1 года 11 мес.", "от 2 лет …": the genitive after «от»/«до»
    word = plural_ru(start, "года", "лет", "лет") if lang == "ru" else years_word(start, lang)
    return t("sentences.bin", lang, y=start, yw=word)


def sentences_figure(dist: SentenceDistribution, lang: str) -> dict:
    if dist.total == 0:  # nothing on a years scale: say what there is instead
        if dist.life:
            n = count_of(dist.life, dist.unit, lang)
            return empty_figure(lang, t("sentences.only_life", lang, n=n))
        if dist.unknown_length:
            n = count_of(dist.unknown_length, dist.unit, lang)
            return empty_figure(lang, t("sentences.only_unknown", lang, n=n))
        if dist.selected:  # records match, with other punishments (or none yet)
            n = count_of(dist.selected, dist.unit, lang)
            return empty_figure(lang, t("sentences.none_real", lang, n=n))
        return empty_figure(lang)
    traces = []
    for regime in dist.regimes:
        counts = dist.counts[regime]
        traces.append(
            {
                "type": "bar",
                "name": t(f"regime_short.{regime}", lang),
                "meta": t(f"regime.{regime}", lang),  # the whole name, for the hover
                # Bars centred in their bin: [k, k+1) is drawn at k + 0.5, one unit wide.
                "x": [s + 0.5 for s in dist.bin_starts],
                "y": list(counts),
                "width": 0.9,
                "marker": category_marker(REGIME_COLOURS[regime], REGIME_PATTERNS[regime]),
                # The bin's words once per bar; the regime and the count are filled by plotly.
                "customdata": [bin_label(s, lang) for s in dist.bin_starts],
                "hovertemplate": "%{customdata}, %{meta}: %{y:,}<extra></extra>",
            }
        )
    ticks = list(range(5, TERM_CAP + 1, 5))  # no "0": it sat on the y axis's "0"
    layout = base_layout(lang)
    layout.update(
        barmode="stack",
        showlegend=True,  # even for one regime: the colour must always be explained
        xaxis=axis(
            t("sentences.x", lang),
            range=[0, TERM_CAP + 1],
            tickvals=ticks,
            ticktext=[str(v) if v < TERM_CAP else f"{TERM_CAP}+" for v in ticks],
        ),
        yaxis=count_axis(
            t(f"sentences.y_{dist.unit}", lang),
            max(map(sum, zip(*dist.counts.values(), strict=True))),
        ),
        # Under the axis: above the plot it ran into the modebar and, wrapped in Russian, over it.
        # Above the plot, in a top margin tall enough for two rows under the modebar: inside
        # the plot it covered bars on a phone, under the axis it ran over the axis title.
        legend={
            "orientation": "h",
            "x": 0,
            "y": 1,
            "xanchor": "left",
            "yanchor": "bottom",
            "traceorder": "normal",
            "font": {"size": 11},
        },
        margin={**layout["margin"], "t": 74},
    )
    return {"data": traces, "layout": layout}


def sentences_caption(dist: SentenceDistribution, lang: str) -> str:
    """What the bars count; life sentences and terms of unknown length, which have no length to
    bin, are named apart."""
    noun = "persons" if dist.unit == "persons" else "sentences"
    caption = t(f"sentences.caption_{dist.unit}", lang, n=count_of(dist.total, noun, lang))
    if dist.total:
        caption += " " + t("sentences.bins_note", lang)
    if dist.life:
        caption += " " + t("sentences.life_note", lang, life=fmt_int(dist.life, lang))
    if dist.unknown_length:
        caption += " " + t("sentences.unknown_note", lang, n=fmt_int(dist.unknown_length, lang))
    return caption
