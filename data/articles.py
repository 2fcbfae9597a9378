"""Criminal Code articles as the sources write them -> the canonical schema's article strings.

Canonical form (../shared/formats.md, `articles`): the article number with its optional sub-number,
then the part, then the points, separated by single spaces:

    "205.5"            article only
    "207.3 ч.2"        part 2 ("ч. 2.1" -> "ч.2.1")
    "105 ч.2 п.а"      point «а» of part 2: "п." and the Cyrillic letter, lower case, no quotes
    "105 ч.2 п.а п.в"  several points of one charge ("пп. «а», «в» ч. 2 ст. 105"), in source order
    "30 ч.1 - 278"     preparation/attempt (art. 30) or complicity (art. 33), with its part, then
                       " - " and the article it qualifies, with that article's part and points

Points are rendered "п.а" rather than "п.«а»": no quotes to escape in CSV, and `article_key` /
`data.reference.article_display` already skip "п.<letter>". Several points stay in one string
(no comma) so that the canonical form reads back unchanged: `normalise_articles` of its own output
is that output.

Several parts of one article ("ч. 1 и 2 ст. 282.2") are separate charges: "282.2 ч.1", "282.2 ч.2".
A point written with a Latin letter ("Part 2 (a)") is not rendered: English translations letter
the points by position (а b c d -> а б в г) while transliterations go by sound (д -> d), so the
Cyrillic letter cannot be known; the charge is kept without the point and the fragment is also
reported as not understood.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

# Plausible numbers: articles 1-361 of the Code with an optional .1-.9; parts 1-9 with an optional
# .1-.9 (ч. 2.1); points are single Cyrillic letters (the Code skips ё, й, ъ, ы, ь).
_ARTICLE = re.compile(r"^(?P<main>[1-9]\d{0,2})(?:\.(?P<sub>[1-9]))?$")
_PART_NUMBER = re.compile(r"^[1-9](?:\.[1-9])?$")
_POINT_LETTERS = frozenset("абвгдежзиклмнопрстуфхцчшщэюя")
_INCHOATE = frozenset(
    {"30", "33"}
)  # preparation/attempt, complicity: they qualify the next article
_MAX_ARTICLE = 361

# Latin letters that look like Cyrillic ones, typed by mistake after a Russian "п.".
_LOOKALIKE = str.maketrans("aeokmpcxyb", "аеокмрсхув")

_QUOTES = re.compile(r"[«»„“”‟\"'‘’`]")
_DASHES = re.compile(r"[‐‑‒–—―−]")
_SPACES = re.compile(r"[^\S\n]+")

_PART_WORD = r"(?:частям|частями|частей|частью|части|часть|чч|ч|parts|part|pts|pt|ch)"
_POINT_WORD = (
    r"(?:пунктам|пунктами|пунктов|пунктом|пункта|пункте|пункт|пп|п|points|point|items|item"
    r"|subparagraphs|subparagraph|paragraphs|paragraph|paras|para|clauses|clause)"
)
_ARTICLE_WORD = (
    r"(?:статьям|статьями|статей|статьей|статье|статьи|статья|стст|ст"
    r"|articles|article|arts|art)"
)
_NOT_LETTER = r"(?![^\W\d_])"  # a marker ends where the letters end: "ч" does not start "часы"
_NOT_AFTER_LETTER = r"(?<![^\W\d_])"
_QUOTE = r"[«»„“”\"'‘’]?"

# "ч. 1 и 2 ст. 282.2", "parts 1 and 2 of article 282.2", "282.2 ч. 1, 2": a list of parts is
# joined ("1/2") before the text is split on commas and "и". Only single-digit items followed by an
# article, the end or the Code's name count, so "30 ч.1, 278" stays two fragments.
_PART_LIST = re.compile(
    rf"{_NOT_AFTER_LETTER}{_PART_WORD}\.?\s*(?P<items>\d(?:\.\d)?"
    rf"(?:\s*(?:,|\bи\b|\band\b|&)\s*\d(?:\.\d)?(?![\d.]))+)"
    rf"(?=\s*(?:(?:of\s+(?:the\s+)?)?{_ARTICLE_WORD}{_NOT_LETTER}|ук\b|criminal\b|$|[;|\n]))",
    re.IGNORECASE,
)
# "пп. «а», «в» ч. 2 ст. 105", "105 ч.2 п. а и б": a list of single letters after a point marker.
_POINT_LIST = re.compile(
    rf"{_NOT_AFTER_LETTER}{_POINT_WORD}\.?\s*(?P<items>{_QUOTE}[a-zа-я]{_QUOTE}\)?"
    rf"(?:\s*(?:,|\bи\b|\band\b)\s*{_QUOTE}[a-zа-я]{_QUOTE}\)?{_NOT_LETTER})+)",
    re.IGNORECASE,
)
_LIST_ITEM_SEPARATOR = re.compile(r"\s*(?:,|\bи\b|\band\b|&)\s*", re.IGNORECASE)
# "205,5" is 205.5 (a decimal comma), "30,278" is a list: only three digits, a comma, one digit.
_DECIMAL_COMMA = re.compile(r"(?<![\d.])(\d{3}),(\d)(?![\d.])")
_SEPARATORS = re.compile(r"[,;\n\r|]+|\s+и\s+|\s+and\s+", re.IGNORECASE)
# Bracketed words are a description ("207.3 ч.2 (фейки об армии)"); "(1)" and "(а)" are not.
_DESCRIPTION = re.compile(r"\([^()]*[^\W\d_][^()]*[^\W\d_][^()]*\)")

_TOKEN = re.compile(
    rf"{_NOT_AFTER_LETTER}(?:{_PART_WORD}\.?\s*(?P<part>\d+(?:\.\d+)*(?:/\d+(?:\.\d+)*)*)"
    rf"|(?P<point_marker>{_POINT_WORD})\.?\s*\(?(?P<point>[a-zа-я](?:\)?/[a-zа-я])*)\)?{_NOT_LETTER}"
    rf"|(?P<article_marker>{_ARTICLE_WORD})\.?{_NOT_LETTER})"
    r"|\((?P<paren_part>\d+(?:\.\d+)*)\)"
    r"|\((?P<paren_point>[a-zа-я])\)"
    r"|(?P<number>\d+(?:\.\d+)*)"
)
# Words that may surround an article without saying anything: "ст. 275.1 УК РФ", "Part 2 of
# Article 207.3 of the Criminal Code of the Russian Federation".
_NOISE_WORDS = frozenset(
    {"ук", "рф", "уголовного", "уголовный", "уголовному", "кодекса", "кодекс", "кодексу",
     "российской", "федерации", "россии", "criminal", "code", "of", "the", "russian", "federation",
     "russia", "rf", "cc", "ccrf", "ukrf", "по", "under", "and", "и"}
)  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")


@dataclass
class _Charge:
    article: str
    parts: list[str] = field(default_factory=list)
    points: list[str] = field(default_factory=list)

    def render(self) -> list[str]:
        points = "".join(f" п.{p}" for p in self.points)
        if not self.parts:
            return [f"{self.article}{points}"]
        return [f"{self.article} ч.{part}{points}" for part in self.parts]


@dataclass
class _Fragment:
    charges: list[_Charge]
    loose: _Charge  # a part or point with no article in its fragment ("Art. 207.3, Part 2")
    understood: bool
    partly: bool  # understood, but a detail was dropped (a point in a Latin letter)


def _clean(text: str) -> str:
    """Case, quotes and dashes out of the way; spaces collapsed (newlines kept: they separate)."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")
    return _SPACES.sub(" ", _DASHES.sub("-", _QUOTES.sub(" ", text)))


def _join_items(match: re.Match[str]) -> str:
    items = _LIST_ITEM_SEPARATOR.split(match.group("items"))
    joined = "/".join(_QUOTES.sub("", item).strip(") ") for item in items)
    return match.group(0)[: match.start("items") - match.start(0)] + joined


# An article's name in guillemets, as lists glue it to the number ("278«Совершение преступной
# организацией действий…»"); «а» alone is a point letter, not a name (it has no two-letter word).
_QUOTED_NAME = re.compile(r"«[^«»]*[^\W\d_]{2}[^«»]*(?:»|$)")
# The sanction a tooltip goes on with ("; до 20 лет лишения свободы", "от 10 до 20 лет", "штраф
# до 5 млн"): it names no charge, so it is neither a charge nor a fragment not understood.
_SANCTION = re.compile(
    r"^(?:(?:от\s+\d[\d.,]*\s+)?до\s+\d[\d.,]*\s*(?:лет|года?|месяц\w*|млн|тыс)"
    r"|(?:штраф\w*|лишение\s+свободы|наказывается)\s+(?:на\s+срок\s+)?до\s+\d)",
    re.IGNORECASE,
)


def _fragments(text: str) -> list[str]:
    """The text split into fragments of one charge each, kept as written (for the report)."""
    text = _QUOTED_NAME.sub(" ", unicodedata.normalize("NFKC", text))
    text = _SPACES.sub(" ", _DASHES.sub("-", text))
    text = _PART_LIST.sub(_join_items, text)
    text = _POINT_LIST.sub(_join_items, text)
    text = _DECIMAL_COMMA.sub(r"\1.\2", text)
    return [f.strip() for f in _SEPARATORS.split(text) if f.strip()]


def _article(number: str) -> str | None:
    m = _ARTICLE.match(number)
    if m is None or int(m.group("main")) > _MAX_ARTICLE:
        return None
    return number


def _points(letters: str, cyrillic_marker: bool) -> tuple[list[str], bool]:
    """-> (Cyrillic point letters, whether every letter could be read)."""
    found: list[str] = []
    ok = True
    for letter in letters.replace(")", "").split("/"):
        if cyrillic_marker:
            letter = letter.translate(_LOOKALIKE)
        if letter in _POINT_LETTERS:
            found.append(letter)
        else:
            ok = False
    return found, ok


def _parse(fragment: str) -> _Fragment:
    """One fragment -> its charges. Parts and points go with the article they are written next to:
    before it when the fragment starts with them ("ч. 2 ст. 205.5", "Part 2 of Article 207.3"),
    after it otherwise ("205.5 ч.2", "статья 282.2 часть 1", "30 ч.1 - 278")."""
    text = _DESCRIPTION.sub(" ", _clean(fragment))
    charges: list[_Charge] = []
    pending = _Charge("")  # parts and points waiting for their article
    readable, partly, marker = True, False, False
    prefix: bool | None = None  # decided by the first element: a part/point first, or an article
    for m in _TOKEN.finditer(text):
        if m.group("article_marker") is not None:
            marker = True
            continue
        if m.group("number") is not None:
            prefix = bool(prefix)
            article = _article(m.group("number"))
            if article is None:
                readable = False
                continue
            charges.append(_Charge(article))
            if prefix:
                charges[-1].parts, charges[-1].points = pending.parts, pending.points
                pending = _Charge("")
            continue
        if prefix is None:
            prefix = True
        target = charges[-1] if charges and not prefix else pending
        if (parts := m.group("part") or m.group("paren_part")) is not None:
            numbers = parts.split("/")
            if target.parts or not all(_PART_NUMBER.match(p) for p in numbers):
                readable = False  # two parts for one article, or "ч. 12"
            target.parts.extend(numbers)
        else:
            marker_word = m.group("point_marker") or ""
            points, ok = _points(m.group("point") or m.group("paren_point"), marker_word[:1] == "п")
            partly = partly or not ok
            target.points.extend(points)
    if charges and (pending.parts or pending.points):  # "ч. 2 ст. 207.3 п. «д»": a trailing detail
        last = charges[-1]
        if (pending.parts and last.parts) or (pending.points and last.points):
            readable = False
        last.parts = last.parts or pending.parts
        last.points = last.points or pending.points
        pending = _Charge("")
    words = [w for w in _WORD.findall(_TOKEN.sub(" ", text)) if w not in _NOISE_WORDS]
    if words and not (marker and charges):
        readable = False  # bare numbers amid other words ("2 эпизода") are not articles
    understood = readable and bool(charges or pending.parts or pending.points)
    return _Fragment(charges, pending, understood, partly)


def _is_noise(fragment: str) -> bool:
    """'УК РФ', 'Criminal Code', '-', a sanction glued to an article's name: nothing to read and
    nothing lost."""
    text = _clean(fragment)
    if _SANCTION.match(text.strip()):
        return True
    return _TOKEN.search(text) is None and all(w in _NOISE_WORDS for w in _WORD.findall(text))


def _texts(value: str | Sequence[str] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    texts = []
    for item in value:
        if item is None or (isinstance(item, float) and math.isnan(item)):
            continue
        texts.append(str(item))
    return texts


def _render_all(charges: list[_Charge]) -> list[str]:
    """Charges in order; art. 30/33 prefix the next charge that is not itself 30/33."""
    rendered: list[str] = []
    prefixes: list[str] = []
    for charge in charges:
        if charge.article in _INCHOATE:
            prefixes.extend(charge.render()[:1])
            continue
        for text in charge.render():
            rendered.append(" - ".join([*prefixes, text]))
        prefixes = []
    rendered.extend(prefixes)  # a 30/33 with nothing after it stays as written
    return rendered


def normalise_articles(
    value: str | Sequence[str] | None,
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """-> (articles in canonical form, in order, without duplicates; fragments not understood).

    Accepts one string holding several articles ("ст. 275.1 УК РФ, ст. 205.2 ч. 2 УК РФ"), a list
    of strings, separators , ; newline | and " и ", and forms such as: "ст. 275.1 УК РФ",
    "207.3 Part 2", "Part 2 of Article 207.3", "ч. 2 ст. 205.5", "ч.2 ст.205.5 УК РФ", "205.5 ч.2",
    "30 ч.1, 278" (art. 30 followed by the article it qualifies -> "30 ч.1 - 278"),
    "ч. 1 ст. 30, ст. 278", "статья 282.2 часть 1", "282.2(1)", "УК РФ 280.3", "207.3 ч. 2 п. «д»",
    "art. 318 part 1", "Article 280.3 (1)". A fragment with no article number (e.g. "УК РФ",
    "unknown") goes into the second tuple unless it is just noise such as "УК РФ"/"Criminal Code".

    Not-understood fragments are reported as written, so an import report can quote them; an
    implausible number (article 400, part 12) makes its whole fragment not understood rather than
    a wrong charge.
    """
    charges: list[_Charge] = []
    not_understood: list[str] = []
    for text in _texts(value):
        for raw in _fragments(text):
            if _is_noise(raw):
                continue
            fragment = _parse(raw)
            if not fragment.understood:
                not_understood.append(raw)
                continue
            if fragment.partly:
                not_understood.append(raw)
            if fragment.charges:
                charges.extend(fragment.charges)
                continue
            # Only a part or a point: it completes the charge before it ("Art. 207.3, Part 2").
            loose, last = fragment.loose, charges[-1] if charges else None
            if last is None or (loose.parts and last.parts) or (loose.points and last.points):
                not_understood.append(raw)
                continue
            last.parts = last.parts or loose.parts
            last.points = last.points or loose.points
    articles = tuple(dict.fromkeys(_render_all(charges)))
    return articles, tuple(dict.fromkeys(not_understood))


def article_key(article: str) -> str | None:
    """The article a canonical charge is filed under, without part or points: '207.3 ч.2' ->
    '207.3', '30 ч.1 - 278' -> '278' (preparation of 278 counts under 278, as the lists count it).

    It reads only the canonical form `normalise_articles` writes (every importer sends articles
    through it), so there is one parser: text in any other shape gives None rather than a number
    taken from a part ("часть 2 статьи 207.3" is never article 2).
    """
    numbers = [segment.split(" ", 1)[0] for segment in article.strip().split(" - ")]
    if not numbers or not all(_article(n) for n in numbers):
        return None
    return next((n for n in numbers if n not in _INCHOATE), numbers[0])
