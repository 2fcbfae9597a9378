"""Name search in both alphabets: "Krieger", "Kriger" and "Кригер" find the same person.

A name and a query are both folded into a Latin *skeleton*: Cyrillic is transliterated with
anyascii (Кригер -> Kriger, Щербаков -> Shcherbakov), then the usual English, German and French
spellings of Russian names are folded together (y/j/i, kh/h, w/v, x/ks, doubled letters, ...).
A query matches a name when every word of the query, folded, is a substring of the folded name:
word order does not matter and a partial surname still finds ("Петров" finds "Петрова").

Cyrillic is unambiguous and is folded letter by letter (Исхаков keeps с+х apart from ш, Родионов
keeps и+о apart from ё). Latin is not: "ch" is ч in English (Chernyshev) but х in German
(Chodorkowski), "ie" is a long i in German (Krieger) but ие or ье in Russian (Dmitriev, Vasiliev),
"io" is и+о (Rodionov) or ё (Aliokhina). One fixed skeleton would have to merge ч with х, or ио
with ё, for every search, Cyrillic ones included. Instead a Latin query word stands for every
reading such a spelling can have, and matches if any of them does; a name is folded with the
first reading, the one anyascii gives for Cyrillic (names in the lists are in Cyrillic).

Skeleton letters: lower-case Latin, plus C for ч, S for ш and Z for ж (SC is щ), so that "sh"
from с+х or "zh" from з+х can never meet them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from itertools import product

import numpy as np
import pandas as pd
from anyascii import anyascii

# Latin spellings, in priority order: at each position the first rule that matches is used, so
# longer clusters come before their parts. Each rule gives its readings, the usual one first (a
# name is folded with the first reading, a query with all of them). Letters no rule names stay.
LATIN_RULES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("schtsch", ("SC",), "German щ: Chruschtschow"),
    ("shch", ("SC",), "English щ: Shcherbakov, Khrushchev"),
    ("tsch", ("C",), "German ч: Tschernyschew"),
    ("tch", ("C",), "French and English ч: Tchaikovsky"),
    ("sch", ("S",), "German ш: Schapowalow"),
    ("sh", ("S",), "English ш: Shishkin"),
    ("zh", ("Z",), "English ж: Zhukov (German 'sch', French 'j' are not folded: too ambiguous)"),
    ("kh", ("h",), "English х: Khodorkovsky"),
    ("ch", ("C", "h"), "English ч (Chernyshev) or German х (Chodorkowski)"),
    ("ph", ("f",), "ф: Philipp"),
    ("ck", ("k",), "German ck: Mickiewicz"),
    ("c(?=[eiy])", ("ts", "s"), "c before e, i, y: ц (Cyganov) or с (Marcel)"),
    ("c", ("k",), "any other c is к: Nicolai, Victor"),
    ("x", ("ks",), "кс: Alexey = Aleksey"),
    ("w", ("v",), "German and Polish w is в: Nawalny, Chodorkowski"),
    ("tz", ("ts",), "German ц: Zaitzew"),
    ("[iyj]ou", ("iu",), "French ю: Iouri, Youri"),
    ("ou", ("u",), "French у: Joukov, Oulianov"),
    ("ie", ("ie", "i", "e"), "и+е (Dmitriev), German long i (Krieger), ье (Vasiliev)"),
    ("[yj]e", ("ie", "e"), "ые/йе, or iotated е (Yevgeny, Alekseyev, Grigoryev, Jewgeni)"),
    ("[iyj]o", ("io", "e"), "и+о/й+о (Rodionov, Mayorov), or ё (Aliokhina, Solovyov, Fjodor)"),
    ("[yj]", ("i",), "й, ы and i are one letter: Yuriy = Yuri = Iurii = Jurij, -sky = -skiy"),
)
# Letters written over Latin (scholarly and Czech transliteration), before anyascii drops the
# marks: Chruščëv, Šaronov, Žukov.
_MARKED = str.maketrans({"č": "C", "š": "S", "ž": "Z", "ŝ": "SC"})
# Shared by both alphabets, after the spelling rules: a doubled letter is one letter
# (Аллахвердиев, Wassiljew, Yuriy -> iurii -> iuri, Khodorkovskiy -> ...skii -> ...ski).
_DOUBLED = re.compile(r"(.)\1+")

_RULES = re.compile("|".join(f"({pattern})" for pattern, _, _ in LATIN_RULES))
_JOINED = re.compile(r"['\-]")  # apostrophes (ь, ъ as anyascii writes them) and hyphens join
_NOT_LETTER = re.compile(r"[^a-z0-9CSZ]+")  # what is left is a word break
_CYRILLIC = re.compile(r"([\u0400-\u04ff]+)")
_WORD_BREAK = re.compile(r"[^\w'’ʼ\-]+|_")
# Readings of one query word beyond this many are not expanded further (the usual one is kept).
MAX_READINGS = 64


def _latin(text: str, *, every_reading: bool) -> list[str]:
    """Readings of a run of Latin (or any non-Cyrillic) text, before the shared rules."""
    text = _JOINED.sub("", anyascii(text.lower().translate(_MARKED)))
    # anyascii keeps upper case and may bring some back (the markers are upper case on purpose).
    text = "".join(c if c in "CSZ" else c.lower() for c in text)
    text = _NOT_LETTER.sub(" ", text)
    readings = [""]
    position = 0
    for match in _RULES.finditer(text):
        if match.start() > position:
            plain = text[position : match.start()]
            readings = [r + plain for r in readings]
        options = LATIN_RULES[match.lastindex - 1][1]
        if not every_reading or len(readings) * len(options) > MAX_READINGS:
            options = options[:1]
        readings = [r + o for r in readings for o in options]
        position = match.end()
    return [r + text[position:] for r in readings]


def _cyrillic_letter(letter: str) -> str:
    """One Cyrillic letter's skeleton: its anyascii spelling through the rules (first reading).
    Letter by letter, so that с+х is not ш and и+о is not ё."""
    return _latin(letter, every_reading=False)[0].strip()


# The skeleton of every character of the Cyrillic block (text is lowered first).
_CYRILLIC_LETTERS = {
    code: _cyrillic_letter(chr(code)) for code in range(0x400, 0x500) if not chr(code).isupper()
}
# Names in the lists are Cyrillic words, spaces and hyphens: folded by one `str.translate`.
_PLAIN = re.compile(r"[\u0400-\u04ff\s\-]*")
_PLAIN_TABLE = {**_CYRILLIC_LETTERS, ord("-"): ""}


def _readings(text: str, *, every_reading: bool) -> list[str]:
    text = unicodedata.normalize("NFC", text).lower()
    if _PLAIN.fullmatch(text):
        return [" ".join(_DOUBLED.sub(r"\1", text.translate(_PLAIN_TABLE)).split())]
    readings = [""]
    for i, run in enumerate(_CYRILLIC.split(text)):
        if not run:
            continue
        if i % 2:  # a Cyrillic run: one reading
            part = [run.translate(_CYRILLIC_LETTERS)]
        else:
            part = _latin(run, every_reading=every_reading)
            if len(readings) * len(part) > MAX_READINGS:
                part = part[:1]
        readings = [r + p for r, p in product(readings, part)]
    folded = (" ".join(_DOUBLED.sub(r"\1", r).split()) for r in readings)
    return list(dict.fromkeys(folded))


def name_key(name: str) -> str:
    """The folded skeleton of a name, words separated by a space: "Кара-Мурза Владимир" ->
    "karamurza vladimir", "Щербаков Юрий" -> "SCerbakov iuri"."""
    return _readings(name or "", every_reading=False)[0]


def name_keys(names: Sequence[str] | pd.Series | np.ndarray) -> np.ndarray:
    """`name_key` of many names, as an object array (a missing name folds to ""). Each distinct
    name is folded once; the plain Cyrillic ones (nearly all) together, as one long string."""
    codes, unique = pd.factorize(np.asarray(names, dtype=object))  # a missing name: code -1
    lowered = [" ".join(unicodedata.normalize("NFC", str(n)).lower().split()) for n in unique]
    plain = np.array([bool(_PLAIN.fullmatch(n)) for n in lowered], dtype=bool)
    keys = np.empty(len(unique), dtype=object)
    if plain.any():  # a newline never occurs in a name now, nor in `_PLAIN_TABLE`'s letters
        joined = "\n".join(n for n, p in zip(lowered, plain, strict=True) if p)
        folded = _DOUBLED.sub(r"\1", joined.translate(_PLAIN_TABLE))
        keys[plain] = [" ".join(k.split()) for k in folded.split("\n")]
    keys[~plain] = [name_key(n) for n in unique[~plain]]
    return np.append(keys, "")[codes]


def query_tokens(text: str) -> tuple[tuple[str, ...], ...]:
    """The words of a query, each as the skeletons it may stand for (one for a Cyrillic word):
    "Krieger Юрий" -> (("krieger", "kriger", "kreger"), ("iuri",)). Words are split on spaces
    and punctuation; hyphens and apostrophes join ("Кара-Мурза" is "karamurza")."""
    tokens = []
    for word in _WORD_BREAK.split(text or ""):
        readings = [r.replace(" ", "") for r in _readings(word, every_reading=True)]
        readings = [r for r in dict.fromkeys(readings) if r]
        if readings:
            tokens.append(tuple(readings))
    return tuple(tokens)


def matches(keys: Sequence[str] | pd.Series | np.ndarray, text: str) -> np.ndarray:
    """Which name keys (from `name_key`) the query matches: every query word, in one of its
    readings, is a substring of the key. An empty query matches every key."""
    found = np.ones(len(keys), dtype=bool)
    tokens = query_tokens(text)
    if not tokens:
        return found
    series = pd.Series(keys, dtype="string[pyarrow]").fillna("")
    for readings in tokens:
        if len(readings) == 1:
            hits = series.str.contains(readings[0], regex=False)
        else:
            pattern = "|".join(re.escape(r) for r in sorted(readings, key=len, reverse=True))
            hits = series.str.contains(pattern, regex=True)
        found &= hits.to_numpy(dtype=bool, na_value=False)
    return found
