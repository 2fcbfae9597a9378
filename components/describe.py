"""A selection in words, for what leaves the page: the subtitle under an embedded chart, and the
name of a downloaded file.

`describe_filters` says every filter that is set, in the reader's language ("Article 207.3
(“Fakes” about the army) · Republic of Bashkortostan · arrests from March 2022 to December 2024
· life imprisonment · women · persons"); `file_stem` makes a short, ASCII-safe, deterministic
file name stem of the chart and its filters ("map_207.3_RU-BA_2022-03--2024-12_life").

The subtitle's words are all components.i18n's: `t()` (the `describe.*` keys of MESSAGES, and the
labels of categories it has already), `noun_form` (the nouns of "and N more", in NOUNS) and
`fmt_month` (Russian month names declined after «с» and «в»). File names are ASCII and language-
free, so their few words are here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date, timedelta

from components.i18n import fmt_date, fmt_int, fmt_month, noun_form, t
from components.provenance import source_label
from data.dataset import Dataset
from data.filters import FilterState
from data.reference import (
    KNOWN_LISTS,
    article_label,
    article_sort_key,
    case_group_label,
    fold,
    region_label,
)
from data.schema import GENDERS, PUNISHMENT_TYPES, STATUSES

SEPARATOR = " · "
# A long selection shows its first SHOWN values and "and N more"; up to SHOWN + 1 values are
# all shown ("A, B, C and 1 more region" would be no shorter than "A, B, C, D").
SHOWN = 3
MAX_STEM = 80


def more_text(items: list[str], rest: int, noun: str, lang: str) -> str:
    """'A, B, C и ещё 9 регионов' / 'A, B, C and 9 more regions' (`rest` values not shown)."""
    word = noun_form(rest, noun, lang)
    return t("describe.more", lang, items=", ".join(items), n=fmt_int(rest, lang), noun=word)


def _listed(labels: list[str], noun: str, lang: str) -> str:
    """Labels joined by commas; a long list shortened to its first SHOWN and "and N more"."""
    if len(labels) <= SHOWN + 1:
        return ", ".join(labels)
    return more_text(labels[:SHOWN], len(labels) - SHOWN, noun, lang)


def _curly(text: str) -> str:
    """Straight double quotes in reference names ('"Fakes" about the army') as typographic ones."""
    return re.sub(r'"([^"]*)"', "“\\1”", text)


def _article(code: str, lang: str) -> str:
    """'207.3 («Фейки» об армии)': the number, then the short name article_label gives it."""
    label = article_label(code, lang)
    prefix = f"{code} — "
    if not label.startswith(prefix):
        return label
    return t("describe.article_named", lang, code=code, name=_curly(label[len(prefix) :]))


def _punishment(value: str, lang: str) -> str:
    if value in ("life", "other"):
        return t(f"describe.punishment.{value}", lang)
    return t(f"punishment.{value}", lang)


def _gender(value: str, lang: str) -> str:
    if value == "unknown":
        return t("describe.gender.unknown", lang)
    return t(f"gender.{value}", lang)


def _in_order(values: Iterable[str], order: tuple[str, ...]) -> list[str]:
    """Values in the order of the schema's list (values not in it last, alphabetically)."""
    rank = {v: i for i, v in enumerate(order)}
    return sorted(values, key=lambda v: (rank.get(v, len(order)), v))


def _by_label(values: Iterable[str], label: Callable[[str], str]) -> list[str]:
    """Labels in alphabetical order of the reader's language (ties by the value itself)."""
    return [text for _, _, text in sorted((fold(label(v)), v, label(v)) for v in values)]


def _source_names(state: FilterState, dataset: Dataset, lang: str) -> list[str]:
    """The selected lists by display name, in the dataset's order of sources; names the dataset
    does not have (an old link) by the known list's name, or as given."""
    known = {s.name: source_label(s, lang) for s in dataset.sources}
    order = [s.name for s in dataset.sources]
    selected = _in_order(state.sources, tuple(order))
    names = []
    for name in selected:
        if name in known:
            names.append(known[name])
        elif name in KNOWN_LISTS:
            names.append(KNOWN_LISTS[name].label(lang))
        else:
            names.append(name)
    return [t("describe.quoted", lang, name=n) for n in names]


def _is_month_start(d: date) -> bool:
    return d.day == 1


def _is_month_end(d: date) -> bool:
    return (d + timedelta(days=1)).day == 1


def _period(state: FilterState, lang: str) -> str:
    """'аресты с марта 2022 по декабрь 2024', 'verdicts on 10 Apr 2022', 'cases started in 2023':
    whole months as months (and whole years as years), other ends as exact days."""
    start, end = state.date_from, state.date_to
    what = t(f"describe.what.{state.dates}", lang)
    if start and end:
        if start == end:
            return t("describe.period.day", lang, what=what, day=fmt_date(start, lang))
        whole = _is_month_start(start) and _is_month_end(end)
        if whole and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
            if start.year == end.year:
                return t("describe.period.year", lang, what=what, year=start.year)
            return t("describe.period.years", lang, what=what, start=start.year, end=end.year)
        if whole and (start.year, start.month) == (end.year, end.month):
            month = fmt_month(start, lang, case="prepositional")
            return t("describe.period.month", lang, what=what, month=month)
    values: dict[str, str] = {}
    if start:
        if _is_month_start(start):
            values["start"] = fmt_month(start, lang, case="genitive")
        else:
            values["start"] = fmt_date(start, lang)
    if end:
        values["end"] = fmt_month(end, lang) if _is_month_end(end) else fmt_date(end, lang)
    form = "between" if start and end else ("from" if start else "to")
    return t(f"describe.period.{form}", lang, what=what, **values)


def describe_filters(state: FilterState, dataset: Dataset, lang: str) -> str:
    """The selection in words, every filter that is set, then what is counted: the subtitle of
    an embedded chart. With no filter: 'All records · persons' / 'Все записи · люди'."""
    parts: list[str] = []
    if state.articles:
        codes = sorted(state.articles, key=lambda c: (article_sort_key(c), c))
        items = _listed([_article(c, lang) for c in codes], "articles", lang)
        key = "describe.article" if len(codes) == 1 else "describe.articles"
        parts.append(t(key, lang, items=items))
    if state.regions:
        labels = _by_label(state.regions, lambda c: region_label(c, lang))
        parts.append(_listed(labels, "regions", lang))
    if state.held_regions:
        labels = _by_label(state.held_regions, lambda c: region_label(c, lang))
        parts.append(t("describe.held", lang, items=_listed(labels, "regions", lang)))
    if state.has_period:
        parts.append(_period(state, lang))
    if state.punishments:
        values = _in_order(state.punishments, (*PUNISHMENT_TYPES, "unknown"))
        parts.append(_listed([_punishment(v, lang) for v in values], "punishments", lang))
    if state.statuses:
        labels = [t(f"status.{s}", lang) for s in _in_order(state.statuses, STATUSES)]
        parts.append(t("describe.statuses", lang, items=_listed(labels, "statuses", lang)))
    if state.genders:
        labels = [_gender(g, lang) for g in _in_order(state.genders, GENDERS)]
        parts.append(_listed(labels, "genders", lang))
    if state.case_groups:
        labels = _by_label(state.case_groups, lambda g: case_group_label(g, lang))
        parts.append(_listed(labels, "case_groups", lang))
    if state.sources:
        names = _source_names(state, dataset, lang)
        key = "describe.list" if len(names) == 1 else "describe.lists"
        parts.append(t(key, lang, items=_listed(names, "lists", lang)))
    if not parts:
        parts.append(t("describe.all", lang))
    if state.unit == "persons":
        parts.append(t("describe.unit.persons", lang))
    else:
        parts.append(t(f"unit.{state.unit}", lang))
    text = SEPARATOR.join(parts)
    return text[:1].upper() + text[1:]


# --- file names ---------------------------------------------------------------------------------

_TRANSLIT = {
    **dict(zip("абвгдеёзийклмнопрстуфыэ", "abvgdeeziyklmnoprstufye", strict=True)),
    **{"ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ю": "yu", "я": "ya"},
    **{"ъ": "", "ь": ""},
}
# The view options a chart's numbers or picture depend on, by chart (the unit counts for all).
_CHART_OPTIONS = {"map": ("view", "basis", "measure"), "timeline": ("granularity",)}
_OPTION_WORDS = {
    ("view", "grid"): "grid",
    ("basis", "imprisonment"): "by-imprisonment",
    ("measure", "per_million"): "per-million",
    ("granularity", "quarter"): "by-quarter",
    ("granularity", "year"): "by-year",
}
_MAX_VALUE = 24  # characters of one value in a file name


def _slug(text: str, limit: int | None = None) -> str:
    """Any text -> [A-Za-z0-9.-]: Cyrillic transliterated, accents dropped, anything else a '-'
    (so '_' stays free to separate the parts of a stem)."""
    latin = "".join(
        (_TRANSLIT[c.lower()].capitalize() if c.isupper() else _TRANSLIT[c])
        if c.lower() in _TRANSLIT
        else c
        for c in text
    )
    ascii_ = unicodedata.normalize("NFKD", latin).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^A-Za-z0-9.]+", "-", ascii_)
    slug = re.sub(r"\.{2,}", ".", slug).strip("-.")
    if limit is not None:
        slug = slug[:limit].rstrip("-.")
    return slug


def _stem_end(d: date, end: bool) -> str:
    whole = _is_month_end(d) if end else _is_month_start(d)
    return f"{d.year:04d}-{d.month:02d}" if whole else d.isoformat()


def _stem_period(state: FilterState) -> str:
    start, end = state.date_from, state.date_to
    if start and end and start != end and _is_month_start(start) and _is_month_end(end):
        if (start.month, end.month) == (1, 12):
            text = str(start.year) if start.year == end.year else f"{start.year}--{end.year}"
        elif (start.year, start.month) == (end.year, end.month):
            text = _stem_end(start, False)
        else:
            text = f"{_stem_end(start, False)}--{_stem_end(end, True)}"
    elif start and end and start == end:
        text = start.isoformat()
    elif start and end:
        text = f"{_stem_end(start, False)}--{_stem_end(end, True)}"
    elif start:
        text = f"from-{_stem_end(start, False)}"
    else:
        text = f"to-{_stem_end(end, True)}"
    return text if state.dates == "arrest" else f"{state.dates}-{text}"


def _stem_kinds(state: FilterState) -> list[tuple[str, list[str], str]]:
    """The filters set, in a fixed order: (prefix, values as slugs, what they are)."""
    kinds = []
    if state.articles:
        codes = sorted(state.articles, key=lambda c: (article_sort_key(c), c))
        kinds.append(("", codes, "articles"))
    if state.regions:
        kinds.append(("", list(state.regions), "regions"))
    if state.held_regions:
        kinds.append(("held-", list(state.held_regions), "regions"))
    if state.has_period:
        kinds.append(("", [_stem_period(state)], "period"))
    if state.punishments:
        values = _in_order(state.punishments, (*PUNISHMENT_TYPES, "unknown"))
        kinds.append(("", values, "punishments"))
    if state.statuses:
        kinds.append(("", _in_order(state.statuses, STATUSES), "statuses"))
    if state.genders:
        kinds.append(("", _in_order(state.genders, GENDERS), "genders"))
    if state.case_groups:
        groups = sorted({case_group_label(g, "en") for g in state.case_groups})
        kinds.append(("group-", groups, "groups"))
    if state.sources:
        kinds.append(("list-", list(state.sources), "lists"))
    slugged = [  # the period is made of digits and ASCII words already (and keeps its "--")
        (prefix, values if what == "period" else [_slug(v, _MAX_VALUE) for v in values], what)
        for prefix, values, what in kinds
    ]
    slugged = [(prefix, [v for v in values if v], what) for prefix, values, what in slugged]
    return [kind for kind in slugged if kind[1]]


def _stem(
    chart: str, kinds: list[tuple[str, list[str], str]], tail: list[str], shown: int, etc: bool
) -> str:
    """The stem with at most `shown` values of each filter (all of them when one more would fit
    in the place of "1more"; with `shown` 0, a count: "12regions")."""
    parts = [chart]
    for prefix, values, what in kinds:
        if len(values) == 1 or (shown and len(values) <= shown + 1):
            parts.append(prefix + "-".join(values))
        elif shown == 0:
            parts.append(f"{prefix}{len(values)}{what}")
        else:
            parts.append(prefix + "-".join([*values[:shown], f"{len(values) - shown}more"]))
    if etc:
        parts.append("etc")
    elif not kinds:
        parts.append("all")
    return "_".join([p for p in parts if p] + tail)


def file_stem(chart: str, state: FilterState) -> str:
    """A download's file name without extension: the chart, then each filter set, then what is
    counted when not persons ("map_207.3_RU-BA_2022-03--2024-12_life", "timeline_all").

    Only [A-Za-z0-9._-], at most MAX_STEM characters (a long selection keeps its first values
    and "9more", then only counts, "12regions"; then the last filters give way to "etc"), the
    same for equal states."""
    name = _slug(chart, 24) or "chart"
    tail = [
        _OPTION_WORDS[(option, getattr(state, option))]
        for option in _CHART_OPTIONS.get(name, ())
        if (option, getattr(state, option)) in _OPTION_WORDS
    ]
    if state.unit != "persons":
        tail.append(state.unit)
    kinds = _stem_kinds(state)
    for shown in (SHOWN, 2, 1, 0):
        stem = _stem(name, kinds, tail, shown, etc=False)
        if len(stem) <= MAX_STEM:
            return stem
    # Still too long: the last filters give way to "etc", never the chart or the unit.
    for kept in range(len(kinds) - 1, -1, -1):
        stem = _stem(name, kinds[:kept], tail, 0, etc=True)
        if len(stem) <= MAX_STEM:
            return stem
    return stem[:MAX_STEM].rstrip("-._")  # pragma: no cover - chart and tail alone fit
