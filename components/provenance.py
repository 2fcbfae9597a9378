"""Where the numbers come from, in words: source names and their "as of" dates."""

from __future__ import annotations

from components.i18n import fmt_date, t
from data.dataset import Dataset, SourceInfo
from data.reference import KNOWN_LISTS


def source_label(source: SourceInfo, lang: str) -> str:
    """The source's own display name; where it has none but its id ("memorial"), the name of a
    list we know in the reader's language, or the built-in demo in words."""
    generic = source.display_name in ("", source.name, "Demo data (invented records)")
    if not generic:
        return source.display_name
    if source.synthetic:
        return t("footer.demo_source", lang)
    known = KNOWN_LISTS.get(source.name)
    return known.label(lang) if known else source.display_name or source.name


def source_labels(dataset: Dataset, lang: str) -> dict[str, str]:
    return {s.name: source_label(s, lang) for s in dataset.sources}


def pair_labels(dataset: Dataset, pair: tuple[str, str], lang: str) -> tuple[str, str]:
    """Two lists' names as the reader sees them (a compare page's left and right)."""
    labels = source_labels(dataset, lang)
    return labels.get(pair[0], pair[0]), labels.get(pair[1], pair[1])


def sources_sentence(dataset: Dataset, lang: str) -> str:
    """'Мемориал (на 01.10.2025); ОВД-Инфо (на 15.11.2025)': every source with its as-of date."""
    parts = []
    for source in dataset.sources:
        name = source_label(source, lang)
        if source.as_of:
            name = t("header.source_as_of", lang, name=name, date=fmt_date(source.as_of, lang))
        parts.append(name)
    return "; ".join(parts)
