"""The same human being on two lists: Memorial's "Кригер Михаил Андреевич" and OVD-Info's "Kriger
Mikhail" or "Michail Krieger" are one person, to be counted once when the lists are compared.

Lists share no identifier, so a pair of persons (one from each list) is judged on what both
publish: the name, the year of birth, the regions and the charges. Each kind of evidence adds
its weight to the log-odds that the two are one person (a naive-Bayes sum, weights set by hand
and checked on a labelled set, `data.match_eval`); the logistic function turns the sum into the
`confidence` in [0, 1].

Names. A name is split into words and each word folded by `data.search` (the skeleton of
`name_key`, shared with the name search: Cyrillic and every Latin spelling of it meet, "Юрий",
"Yuriy", "Iurii" and "Jurij" are all "iuri"). A Latin word may stand for several Cyrillic ones
("Alyokhina" is Алёхина or Алиохина, "Michail" has х or ч); `data.search.query_tokens` lists
those readings, and two words are as close as their closest readings. Words are compared with
rapidfuzz's Indel distance (the distance behind `fuzz.ratio`): 0 the same word, 1 one letter
dropped or a leftover of transliteration ("Krieger"/"Kriger"), 2 one letter changed, further
apart the ratio decides (`token_log_odds`). The words of the two names are aligned one to one,
whatever their order (surname first or last), so as to maximise the evidence; a word with no
partner (a patronymic one list leaves out) says nothing either way. A different word where the
other two agree is strong evidence against: a brother has his sibling's surname and patronymic
and another given name.

The other evidence: the year of birth equal, or one year apart (OVD-Info gives an age at the
start of the case, so its year may be off by one), is for; two or more years apart is strong
evidence against (a namesake). A region in common (of prosecution or of imprisonment) is for,
known regions with none in common are against; a charge (article, without part) in common is
for, none in common mildly against (lists file one case under different articles).

Threshold: a pair is matched when its confidence is at least MATCH_THRESHOLD, 0.5: the evidence
for outweighs the prior odds against (PRIOR_LOG_ODDS) and the evidence against. What that means:
a full name (three words) that agrees matches unless the birth years disagree (another region
and other charges are not enough against it); a name missing its patronymic matches when
nothing contradicts it, or when agreements outweigh a contradiction; a namesake born years
apart, or a brother, never matches. On the labelled set the threshold sits in a flat stretch:
from 0.35 to 0.8 precision and recall move by less than 0.01. Then pairs are taken greedily by
confidence, each person at most once per pair of lists (one to one).

Blocking: pairs are only scored when their names share the heads (first three consonants, where
transliterations rarely differ) of two of their words, so the work grows with the number of
likely pairs, not with the product of the lists' sizes. A typo in the first letters of one word
still leaves the pairs of the other words; where there is no other pair (no patronymic), the
heads with one letter left out still meet ("mkt" and "mkv" share "mk"). Blocks larger than
MAX_BLOCK pairs (a common given name with a common patronymic) are skipped: their people meet
through their rarer surnames.

The operator's corrections (OVERRIDES_FILE in the data folder) force a pair (always matched, both
persons taken out of the automatic matching between their two lists) or forbid it (never
matched).
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations, permutations
from pathlib import Path

import numpy as np
import pandas as pd
from rapidfuzz.distance import Indel
from rapidfuzz.process import cpdist

from data.articles import article_key
from data.dataset import RowIssue
from data.importers.read import error_text
from data.schema import UNKNOWN_REGION
from data.search import query_tokens

OVERRIDES_FILE = "person_matches.csv"
OVERRIDE_COLUMNS = ("source_a", "person_id_a", "source_b", "person_id_b", "decision")
# The decision column in English or in Russian (operators keep their files in either).
DECISIONS = {"same": True, "different": False, "да": True, "нет": False}

# A pair is matched from this confidence on (log-odds 0: evidence for and against balance).
MATCH_THRESHOLD = 0.5
# Before any evidence: most pairs that share two name heads are different people.
PRIOR_LOG_ODDS = -4.5
# Two words four or more letters apart are different words: with the other two agreeing, a
# brother's name. Enough to outweigh every other agreement (a brother has the same region and
# charges, and may be a twin).
DIFFERENT_WORD = -8.0
# Evidence beyond the name, in log-odds.
BIRTH_YEAR_SAME = 2.5
BIRTH_YEAR_CLOSE = 1.5  # one year apart: an age at the start of the case, not a birth date
BIRTH_YEAR_OTHER = -8.0  # two or more years apart: a namesake, whatever else agrees
REGION_SHARED = 1.0
REGION_OTHER = -2.0
ARTICLES_SHARED = 1.0
ARTICLES_OTHER = -0.7  # mild: lists file one case under different articles
MOST_OTHER_EVIDENCE = BIRTH_YEAR_SAME + REGION_SHARED + ARTICLES_SHARED

# Words of a name compared (a longer name keeps its first ones), readings of a word kept.
MAX_NAME_TOKENS = 4
MAX_READINGS = 4
# Letters of a word's consonant skeleton that make its blocking head.
HEAD_CONSONANTS = 3
# Blocks larger than this (left persons times right persons sharing a key) are not paired. Only
# a common given name with a common patronymic makes blocks this large (the commonest pair,
# Александр Александрович, would make about 3,700 for lists of 3,000 and 30,000); their people
# still meet through their surnames, which are rare. Heads with a typo make blocks faster, hence
# the smaller limit (a surname with a typo still finds its block).
MAX_BLOCK = 5_000
MAX_LOOSE_BLOCK = 1_000
_VOWELS = str.maketrans("", "", "aeiou")
# Added to every aligned pair of words while aligning, so that the best alignment pairs as many
# words as possible (a word is never left out to dodge the evidence against it).
_ALIGNED = 100.0

PERSON_COLUMNS = ("source", "person_id", "name", "birth_year", "regions", "articles")


@dataclass(frozen=True)
class Match:
    """Two records, on two lists, of one person."""

    left: tuple[str, str]  # (source, person_id); left source < right source by name
    right: tuple[str, str]
    confidence: float  # 0..1 (1.0 for a forced pair)
    how: str  # "auto" or "forced"
    evidence: tuple[str, ...]  # short English words: ("name 0.97", "birth year", "region", ...)


@dataclass(frozen=True)
class Override:
    """The operator's decision on a pair: `same` forces the match, not `same` forbids it."""

    left: tuple[str, str]
    right: tuple[str, str]
    same: bool


# --- persons ---------------------------------------------------------------------------------


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _items(value: object) -> Iterable[str]:
    """A list cell (tuple, list, array, "a|b" text or missing) as its items."""
    if _missing(value):
        return ()
    if isinstance(value, str):
        return (v.strip() for v in value.split("|") if v.strip())
    return (str(v) for v in value if not _missing(v))


def person_table(cases: pd.DataFrame) -> pd.DataFrame:
    """One row per (source, person_id) of a canonical cases frame: what matching looks at.

    Columns: source, person_id, name (the first one given), birth_year (Int64, the median of the
    person's cases: OVD-Info's years come from an age per case and may differ by one), regions
    (frozenset of region codes, of prosecution and of imprisonment, 'unknown' left out) and
    articles (frozenset of article keys, '207.3 ч.2' -> '207.3'). Rows in order of first
    appearance.
    """
    if cases.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in PERSON_COLUMNS})
    sources = cases["source"].astype(str).to_numpy()
    person_ids = cases["person_id"].astype(str).to_numpy()
    codes, _ = pd.factorize(pd.Series(sources, dtype=object) + "\x1f" + person_ids)
    first = np.unique(codes, return_index=True)[1]

    names = cases["name"] if "name" in cases.columns else pd.Series(pd.NA, index=cases.index)
    names = names.astype("string").str.strip().replace("", pd.NA)
    name = names.groupby(codes).first()
    if "birth_year" in cases.columns:
        years = pd.to_numeric(cases["birth_year"], errors="coerce").astype(float)
        birth_year = years.groupby(codes).median().round().astype("Int64")
    else:
        birth_year = pd.Series(pd.NA, index=range(len(first)), dtype="Int64")

    regions: list[set[str]] = [set() for _ in first]
    for column in ("region_code", "imprisonment_region_code"):
        if column not in cases.columns:
            continue
        for code, region in zip(codes, cases[column].astype(object), strict=True):
            if not _missing(region) and region not in ("", UNKNOWN_REGION):
                regions[code].add(str(region))
    articles: list[set[str]] = [set() for _ in first]
    if "articles" in cases.columns:
        keys: dict[str, str | None] = {}
        for code, cell in zip(codes, cases["articles"], strict=True):
            for article in _items(cell):
                if article not in keys:
                    keys[article] = article_key(article)
                if keys[article] is not None:
                    articles[code].add(keys[article])

    return pd.DataFrame(
        {
            "source": pd.array(sources[first], dtype="string"),
            "person_id": pd.array(person_ids[first], dtype="string"),
            "name": name.reindex(range(len(first))).to_numpy(),
            "birth_year": birth_year.reindex(range(len(first))).to_numpy(),
            "regions": pd.Series([frozenset(r) for r in regions], dtype=object),
            "articles": pd.Series([frozenset(a) for a in articles], dtype=object),
        }
    ).astype({"name": "string", "birth_year": "Int64"})


# --- names -----------------------------------------------------------------------------------


@lru_cache(maxsize=1 << 16)
def _word_readings(word: str) -> tuple[tuple[str, ...], ...]:
    return tuple(readings[:MAX_READINGS] for readings in query_tokens(word))


def name_tokens(name: object) -> tuple[tuple[str, ...], ...]:
    """The words of a name, each as its readings (the first one is `data.search.name_key`'s):
    "Krieger Михаил" -> (("krieger", "kriger", "kreger"), ("mihail",))."""
    if not isinstance(name, str):
        return ()
    tokens: list[tuple[str, ...]] = []
    for word in name.split():
        tokens.extend(_word_readings(word))
    return tuple(tokens[:MAX_NAME_TOKENS])


def _head(reading: str) -> str:
    """Where spellings of a word agree most: its first consonants ("aliohina" and "alehina" ->
    "lhn", "ievgeni" and "evgeni" -> "vgn"); vowels are what transliterations disagree on."""
    consonants = reading.translate(_VOWELS)
    return consonants[:HEAD_CONSONANTS] if consonants else reading[:HEAD_CONSONANTS]


@lru_cache(maxsize=1 << 16)
def _heads(readings: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_head(r) for r in readings)


@lru_cache(maxsize=1 << 16)
def _loose_heads(readings: tuple[str, ...]) -> frozenset[str]:
    """The heads, and each with one letter left out: two heads one typo apart share one of
    these ("mkt" of Макетман and "mkv" of "Makewman" share "mk")."""
    heads = _heads(readings)
    return heads | {h[:i] + h[i + 1 :] for h in heads for i in range(len(h)) if len(h) > 1}


def token_log_odds(distance: np.ndarray, lengths: np.ndarray, shorter: np.ndarray) -> np.ndarray:
    """Evidence from two aligned words, by their Indel distance (rapidfuzz; a letter dropped is
    1, a letter changed 2), their lengths together and the shorter one's length.

    One or two letters apart is a typo or a leftover of transliteration, for; but a changed
    letter may be another name in a short word ("Али"/"Ари"), against. Further apart, the share
    of letters in common decides (`fuzz.ratio`: 1 - distance / lengths): a long word may carry a
    typo on top of a transliteration ("Sagotowkez", German, for Заготовкец), 0.85 or more says
    nothing either way; below 0.75 they are different words (Демович/Тестович: 0.67).
    """
    distance, lengths, shorter = np.asarray(distance), np.asarray(lengths), np.asarray(shorter)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(lengths > 0, 1.0 - distance / lengths, 0.0)
    return np.select(
        [distance == 0, distance == 1, distance == 2, ratio >= 0.85, ratio >= 0.75],
        [3.0, 2.0, np.where(shorter >= 5, 1.0, -1.0), 0.0, -3.0],
        default=DIFFERENT_WORD,
    )


class _Vocabulary:
    """Distinct words (as their readings) of the names being matched, and the distance between
    two of them: the closest pair of readings, computed once per pair of distinct words."""

    def __init__(self) -> None:
        self.ids: dict[tuple[str, ...], int] = {}
        self.readings: list[tuple[str, ...]] = []
        self._flat: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None = None
        self._heads: tuple[int, int, pd.DataFrame, pd.DataFrame] | None = None

    def id(self, readings: tuple[str, ...]) -> int:
        found = self.ids.get(readings)
        if found is None:
            found = self.ids[readings] = len(self.readings)
            self.readings.append(readings)
            self._flat = None
        return found

    def head_tables(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """(token, head) of every word: its exact heads, and its loose heads (heads as ids)."""
        if self._heads is None or self._heads[0] != len(self.readings):
            ids: dict[str, int] = {}
            tables = []
            for heads_of in (_heads, _loose_heads):
                pairs = [
                    (token, ids.setdefault(head, len(ids)))
                    for token, readings in enumerate(self.readings)
                    for head in heads_of(readings)
                ]
                tables.append(pd.DataFrame(pairs, columns=["token", "head"], dtype=np.int64))
            self._heads = (len(self.readings), len(ids), tables[0], tables[1])
        return self._heads[2], self._heads[3]

    def head_count(self) -> int:
        self.head_tables()
        return self._heads[1]

    def _flattened(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Every reading in one array: (strings, lengths, each word's first, its count)."""
        if self._flat is None:
            counts = np.fromiter(map(len, self.readings), np.int64, len(self.readings))
            strings = np.array([r for rs in self.readings for r in rs], dtype=object)
            lengths = np.fromiter(map(len, strings), np.int64, len(strings))
            first = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64)
            self._flat = (strings, lengths, first, counts)
        return self._flat

    def compare(self, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Pairs of word ids -> (distance, length of both, length of the shorter), each of the
        closest readings."""
        strings, lengths, first, counts = self._flattened()
        inverse, unique = pd.factorize(a.astype(np.int64) * len(self.readings) + b)
        ua, ub = np.divmod(unique, len(self.readings))
        # Every pair of readings of every pair of words, as positions in `strings`.
        combos = counts[ua] * counts[ub]
        owner = np.repeat(np.arange(len(unique)), combos)
        k = np.arange(len(owner)) - np.repeat(np.cumsum(combos) - combos, combos)
        ia = first[ua][owner] + k // counts[ub][owner]
        ib = first[ub][owner] + k % counts[ub][owner]
        distance = cpdist(strings[ia], strings[ib], scorer=Indel.distance, workers=-1)
        la, lb = lengths[ia], lengths[ib]
        # The closest readings; of equally close ones, the shortest (one number to minimise).
        packed = (distance.astype(np.int64) << 20) | ((la + lb) << 10) | np.minimum(la, lb)
        best = np.minimum.reduceat(packed, np.cumsum(combos) - combos)[inverse]
        return best >> 20, (best >> 10) & 1023, best & 1023


@dataclass
class _Names:
    """The names of a person table as word ids, -1 after the last word."""

    tokens: np.ndarray  # (persons, MAX_NAME_TOKENS)
    count: np.ndarray  # words per person


def _names(table: pd.DataFrame, vocabulary: _Vocabulary) -> _Names:
    tokens = np.full((len(table), MAX_NAME_TOKENS), -1, dtype=np.int64)
    for row, name in enumerate(table["name"].astype(object)):
        ids = [vocabulary.id(t) for t in name_tokens(None if _missing(name) else name)]
        tokens[row, : len(ids)] = ids
    return _Names(tokens, (tokens >= 0).sum(axis=1))


def _blocking_keys(
    tokens: np.ndarray, vocabulary: _Vocabulary, loose: bool
) -> tuple[np.ndarray, np.ndarray]:
    """(row, key) of every name: a key is the heads of two of its words. `loose`: a typo in
    one of the two words (not both), its loose heads with the other's exact ones."""
    rows, first, second = [], [], []
    for i, j in combinations(range(tokens.shape[1]), 2):
        both = np.flatnonzero((tokens[:, i] >= 0) & (tokens[:, j] >= 0))
        rows.append(both)
        first.append(tokens[both, i])
        second.append(tokens[both, j])
    pairs = pd.DataFrame(
        {"row": np.concatenate(rows), "a": np.concatenate(first), "b": np.concatenate(second)}
    )
    exact, typo = vocabulary.head_tables()

    def keyed(heads_a: pd.DataFrame, heads_b: pd.DataFrame) -> pd.DataFrame:
        found = pairs.merge(heads_a.rename(columns={"token": "a", "head": "x"}), on="a")
        return found.merge(heads_b.rename(columns={"token": "b", "head": "y"}), on="b")

    found = pd.concat([keyed(typo, exact), keyed(exact, typo)]) if loose else keyed(exact, exact)
    x, y = found["x"].to_numpy(np.int64), found["y"].to_numpy(np.int64)
    key = np.minimum(x, y) * vocabulary.head_count() + np.maximum(x, y)
    unique = pd.unique(found["row"].to_numpy(np.int64) * (key.max(initial=0) + 1) + key)
    return np.divmod(unique, key.max(initial=0) + 1)


def _shared(
    left: tuple[np.ndarray, np.ndarray], right: tuple[np.ndarray, np.ndarray], most: int
) -> pd.DataFrame:
    """Pairs of rows (left, right) that share a key whose block (left rows with it times right
    rows with it) holds at most `most` pairs."""
    (left_rows, left_keys), (right_rows, right_keys) = left, right
    codes, _ = pd.factorize(np.concatenate([left_keys, right_keys]))
    left_codes, right_codes = codes[: len(left_keys)], codes[len(left_keys) :]
    size = np.bincount(left_codes, minlength=len(codes) and codes.max() + 1) * np.bincount(
        right_codes, minlength=len(codes) and codes.max() + 1
    )
    keep_left, keep_right = size[left_codes] <= most, size[right_codes] <= most
    return pd.DataFrame({"key": left_codes[keep_left], "left": left_rows[keep_left]}).merge(
        pd.DataFrame({"key": right_codes[keep_right], "right": right_rows[keep_right]}), on="key"
    )[["left", "right"]]


def _candidates(
    left: np.ndarray, right: np.ndarray, vocabulary: _Vocabulary
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (left row, right row) of two name token arrays that share the heads of two words,
    or the same with a typo in one of the heads (from blocks of at most MAX_LOOSE_BLOCK pairs:
    the loose heads of a common given name with a common patronymic would pair half the lists;
    a surname with a typo still finds its block, surnames being rare)."""
    if not len(left) or not len(right):
        return np.empty(0, np.int64), np.empty(0, np.int64)
    pairs = pd.concat(
        [
            _shared(
                _blocking_keys(left, vocabulary, loose),
                _blocking_keys(right, vocabulary, loose),
                MAX_LOOSE_BLOCK if loose else MAX_BLOCK,
            )
            for loose in (False, True)
        ]
    )
    combined = pd.unique(pairs["left"].to_numpy(np.int64) * len(right) + pairs["right"])
    return np.divmod(np.sort(combined), len(right))


@dataclass
class _NameScores:
    log_odds: np.ndarray  # evidence of the aligned words
    similarity: np.ndarray  # 1 - distance / length over the aligned words (nan: nothing aligned)


def _name_scores(
    left: _Names, right: _Names, li: np.ndarray, ri: np.ndarray, vocabulary: _Vocabulary
) -> _NameScores:
    """Each pair's best one-to-one alignment of words (every order tried: at most 4! of them)."""
    size = int(max(left.count[li].max(initial=0), right.count[ri].max(initial=0), 1))
    a, b = left.tokens[li, :size], right.tokens[ri, :size]
    valid = (a[:, :, None] >= 0) & (b[:, None, :] >= 0)
    distance = np.zeros(valid.shape, dtype=np.int64)
    lengths = np.zeros(valid.shape, dtype=np.int64)
    shorter = np.zeros(valid.shape, dtype=np.int64)
    if valid.any():
        wa = np.broadcast_to(a[:, :, None], valid.shape)[valid]
        wb = np.broadcast_to(b[:, None, :], valid.shape)[valid]
        distance[valid], lengths[valid], shorter[valid] = vocabulary.compare(wa, wb)
    value = np.where(valid, token_log_odds(distance, lengths, shorter) + _ALIGNED, 0.0)
    columns = np.arange(size)
    orders = np.array(list(permutations(range(size))), dtype=np.int64)
    best = np.full(len(li), -np.inf)
    best_order = np.zeros(len(li), dtype=np.int64)
    for k, order in enumerate(orders):
        total = value[:, columns, order].sum(axis=1)
        better = total > best
        best[better] = total[better]
        best_order[better] = k
    aligned_words = np.minimum(left.count[li], right.count[ri])
    rows = np.arange(len(li))[:, None]
    chosen = orders[best_order]
    aligned = valid[rows, columns, chosen]
    spelled = np.where(aligned, lengths[rows, columns, chosen], 0).sum(axis=1)
    apart = np.where(aligned, distance[rows, columns, chosen], 0).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        similarity = np.where(spelled > 0, 1.0 - apart / spelled, np.nan)
    return _NameScores(best - _ALIGNED * aligned_words, similarity)


# --- scoring ---------------------------------------------------------------------------------


def _padded_codes(sets: Sequence[frozenset[str]]) -> np.ndarray:
    """Sets of strings as rows of integer codes, -1 after the last: overlaps of many pairs of
    sets are then array comparisons."""
    codes: dict[str, int] = {}
    width = max((len(s) for s in sets), default=0)
    table = np.full((len(sets), max(width, 1)), -1, dtype=np.int64)
    for row, items in enumerate(sets):
        for column, item in enumerate(sorted(items)):
            table[row, column] = codes.setdefault(item, len(codes))
    return table


def _agreement(codes: np.ndarray, li: np.ndarray, ri: np.ndarray) -> np.ndarray:
    """Per pair: 1 if the two sets share an item, -1 if both are known and share none, 0 if
    either is empty."""
    a, b = codes[li], codes[ri]
    shared = np.zeros(len(li), dtype=bool)
    for column in range(codes.shape[1]):
        mine = a[:, column : column + 1]
        shared |= ((mine == b) & (mine >= 0)).any(axis=1)
    known = (a[:, 0] >= 0) & (b[:, 0] >= 0)
    return np.where(shared, 1, np.where(known, -1, 0))


@dataclass
class _Evidence:
    """What the data says of a pair of persons (rows of a person table) beyond the name."""

    birth_year: np.ndarray  # float: every person's year, nan if unknown
    regions: np.ndarray  # _padded_codes
    articles: np.ndarray

    @classmethod
    def of(cls, table: pd.DataFrame) -> _Evidence:
        return cls(
            table["birth_year"].to_numpy(dtype=float, na_value=np.nan),
            _padded_codes(table["regions"].tolist()),
            _padded_codes(table["articles"].tolist()),
        )


@dataclass
class _Scored:
    left: np.ndarray  # person table rows
    right: np.ndarray
    confidence: np.ndarray
    similarity: np.ndarray  # of the names (nan: nothing to compare)
    years_apart: np.ndarray  # nan: a year unknown
    regions: np.ndarray  # _agreement
    articles: np.ndarray

    def evidence(self, k: int) -> tuple[str, ...]:
        """Pair k's evidence in words, for the operator: ("name 0.97", "birth year", ...)."""
        said = [] if math.isnan(self.similarity[k]) else [f"name {self.similarity[k]:.2f}"]
        apart = self.years_apart[k]
        if not math.isnan(apart):
            said.append({0: "birth year", 1: "birth year ±1"}.get(int(apart), "birth year differs"))
        for word, agreement in (("region", self.regions[k]), ("articles", self.articles[k])):
            if agreement:
                said.append(word if agreement > 0 else f"other {word}")
        return tuple(said)


def _score(
    names: _Names,
    evidence: _Evidence,
    li: np.ndarray,
    ri: np.ndarray,
    vocabulary: _Vocabulary,
    keep_below: float | None,
) -> _Scored:
    """Confidence of pairs of persons (rows of the person table). Pairs whose name alone leaves
    them below log-odds `keep_below` even with every other agreement are dropped first (None:
    keep every pair)."""
    scores = _name_scores(names, names, li, ri, vocabulary)
    log_odds = PRIOR_LOG_ODDS + scores.log_odds
    similarity = scores.similarity
    if keep_below is not None:
        hopeful = log_odds + MOST_OTHER_EVIDENCE >= keep_below
        li, ri, log_odds, similarity = (
            li[hopeful],
            ri[hopeful],
            log_odds[hopeful],
            similarity[hopeful],
        )
    apart = np.abs(evidence.birth_year[li] - evidence.birth_year[ri])  # nan: a year unknown
    regions = _agreement(evidence.regions, li, ri)
    articles = _agreement(evidence.articles, li, ri)
    log_odds = (
        log_odds
        + np.select(
            [apart == 0, apart == 1, apart >= 2],
            [BIRTH_YEAR_SAME, BIRTH_YEAR_CLOSE, BIRTH_YEAR_OTHER],
        )
        + np.select([regions > 0, regions < 0], [REGION_SHARED, REGION_OTHER])
        + np.select([articles > 0, articles < 0], [ARTICLES_SHARED, ARTICLES_OTHER])
    )
    confidence = 1.0 / (1.0 + np.exp(-log_odds))
    return _Scored(li, ri, confidence, similarity, apart, regions, articles)


# --- matching --------------------------------------------------------------------------------


def _pair(a: tuple[str, str], b: tuple[str, str]) -> tuple[tuple[str, str], tuple[str, str]]:
    """A pair of persons in Match order: the source first by name on the left."""
    return (a, b) if a <= b else (b, a)


def match_persons(cases: pd.DataFrame, overrides: Sequence[Override] = ()) -> tuple[Match, ...]:
    """Persons of different sources in `cases` who are one person, one to one per pair of
    sources, sorted by (left, right).

    Forced pairs (Override same=True) always appear, with how="forced", confidence 1.0 and the
    evidence the data gives ("operator" first), unless a person of the pair is not in `cases`
    or both are on one list; their two persons take no part in the automatic matching between
    their two lists. Forbidden pairs never appear. A pair both forced and forbidden is
    forbidden: contradictory corrections do not link anyone.
    """
    table = person_table(cases)
    if table.empty:
        return ()
    person_key = list(zip(table["source"].tolist(), table["person_id"].tolist(), strict=True))
    row_of = {key: row for row, key in enumerate(person_key)}
    decided: dict[tuple[tuple[str, str], tuple[str, str]], bool] = {}
    for override in overrides:
        pair = _pair(tuple(override.left), tuple(override.right))
        if pair[0][0] == pair[1][0] or pair[0] not in row_of or pair[1] not in row_of:
            continue
        decided[pair] = decided.get(pair, True) and bool(override.same)
    forced = [pair for pair, same in decided.items() if same]
    forbidden = {(row_of[a], row_of[b]) for (a, b), same in decided.items() if not same}

    vocabulary = _Vocabulary()
    names = _names(table, vocabulary)
    evidence = _Evidence.of(table)
    source_of = table["source"].to_numpy(dtype=object)
    threshold = math.log(MATCH_THRESHOLD / (1.0 - MATCH_THRESHOLD))
    matches: list[Match] = []
    for left_source, right_source in combinations(sorted(set(source_of)), 2):
        forced_here = [p for p in forced if (p[0][0], p[1][0]) == (left_source, right_source)]
        left_forced = np.array([row_of[a] for a, _ in forced_here], dtype=np.int64)
        right_forced = np.array([row_of[b] for _, b in forced_here], dtype=np.int64)
        scored = _score(names, evidence, left_forced, right_forced, vocabulary, None)
        for k, (a, b) in enumerate(forced_here):
            matches.append(Match(a, b, 1.0, "forced", ("operator", *scored.evidence(k))))

        # Everyone else of the two lists: candidates, scored, then the best first, one to one.
        left_rows = np.flatnonzero(source_of == left_source)
        right_rows = np.flatnonzero(source_of == right_source)
        left_rows = left_rows[~np.isin(left_rows, left_forced)]
        right_rows = right_rows[~np.isin(right_rows, right_forced)]
        li, ri = _candidates(names.tokens[left_rows], names.tokens[right_rows], vocabulary)
        scored = _score(names, evidence, left_rows[li], right_rows[ri], vocabulary, threshold)
        good = np.flatnonzero(scored.confidence >= MATCH_THRESHOLD)
        # Equal confidence in table order, so the result never depends on chance.
        order = good[np.lexsort((scored.right[good], scored.left[good], -scored.confidence[good]))]
        used: set[int] = set()
        for k in order.tolist():
            a, b = int(scored.left[k]), int(scored.right[k])
            if a in used or b in used or (a, b) in forbidden:
                continue
            used.update((a, b))
            confidence = round(float(scored.confidence[k]), 4)
            matches.append(
                Match(person_key[a], person_key[b], confidence, "auto", scored.evidence(k))
            )
    return tuple(sorted(matches, key=lambda m: (m.left, m.right)))


# --- the operator's overrides ----------------------------------------------------------------


def _issue(file: str, row: int, column: str, value: str, reason: str) -> RowIssue:
    return RowIssue(file, row, column, value, reason, "rejected", "bad_override")


def _decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1251: a file saved from a Russian Excel."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1251", errors="replace")


def read_overrides(path: Path) -> tuple[tuple[Override, ...], tuple[RowIssue, ...]]:
    """The operator's decisions on pairs of persons: a CSV with the header
    `source_a,person_id_a,source_b,person_id_b,decision` (any order; extra columns such as a
    comment are ignored; `;` also accepted as the delimiter), one pair a line, decision `same`
    or `different` (or Russian `да` / `нет`, any case). Blank lines and lines starting with `#`
    are skipped.

    Never raises on a bad line: each one is reported (RowIssue, code "bad_override", rows
    numbered as in the file, the header being row 1) and left out: an empty cell, an unknown
    decision, both persons on one list, more cells than the header has. Two lines that decide
    one pair both ways are both left out (which one the operator meant cannot be known). A file
    that cannot be read, or whose header lacks a column, gives one issue per problem and no
    decision.
    """
    file = path.name
    try:
        text = _decode(path.read_bytes())
    except OSError as error:
        return (), (_issue(file, 0, "", "", f"cannot be read: {error_text(error)}"),)
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return (), (_issue(file, 1, "", "", "the file is empty; expected a header line"),)
    delimiter = ";" if lines[0].count(";") > lines[0].count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header: list[str] = []
    for cells in reader:
        if any(c.strip() for c in cells):
            header = [c.strip().casefold() for c in cells]
            break
    missing = [c for c in OVERRIDE_COLUMNS if c not in header]
    if missing:
        return (), tuple(
            _issue(file, reader.line_num, column, delimiter.join(header), "missing column")
            for column in missing
        )
    position = {column: header.index(column) for column in OVERRIDE_COLUMNS}

    issues: list[RowIssue] = []
    accepted: list[tuple[int, Override]] = []
    for cells in reader:
        row = reader.line_num
        if not any(c.strip() for c in cells) or cells[0].lstrip().startswith("#"):
            continue
        if len(cells) > len(header):
            reason = f"{len(cells)} cells, the header has {len(header)}"
            issues.append(_issue(file, row, "", delimiter.join(cells), reason))
            continue
        value = {c: (cells[i].strip() if i < len(cells) else "") for c, i in position.items()}
        problems = [(c, "", "empty") for c in OVERRIDE_COLUMNS if not value[c]]
        decision = DECISIONS.get(value["decision"].casefold())
        if value["decision"] and decision is None:
            problems.append(("decision", value["decision"], "not one of same, different, да, нет"))
        if value["source_a"] and value["source_a"] == value["source_b"]:
            reason = "both persons are on one list; only persons of two lists are matched"
            problems.append(("source_b", value["source_b"], reason))
        if problems:
            issues.extend(_issue(file, row, c, v, reason) for c, v, reason in problems)
            continue
        left = (value["source_a"], value["person_id_a"])
        right = (value["source_b"], value["person_id_b"])
        accepted.append((row, Override(left, right, bool(decision))))

    decisions: dict[tuple, dict[bool, int]] = {}
    for row, override in accepted:
        decisions.setdefault(_pair(override.left, override.right), {}).setdefault(
            override.same, row
        )
    overrides: list[Override] = []
    for row, override in accepted:
        both_ways = decisions[_pair(override.left, override.right)]
        if len(both_ways) == 2:
            other = both_ways[not override.same]
            said = "same" if not override.same else "different"
            reason = f"contradicts row {other} ({said}); neither line applies"
            issues.append(_issue(file, row, "decision", "same" if override.same else "different",
                                 reason))  # fmt: skip
        else:
            overrides.append(override)
    issues.sort(key=lambda i: i.row)
    return tuple(overrides), tuple(issues)
