"""How well `data.matching` finds the same people on two lists: a labelled set built from the demo
generator, and its precision and recall (`python -m data match --eval [--rows N] [--seed S]`).

The demo population is cut into two lists that overlap: half of its people are on both, a
quarter on each list only. The first list ("memorial") keeps the Cyrillic names as generated.
The second ("ovdinfo") writes every name the way lists in Latin letters do: anyascii, BGN/PCGN
("Yevgeniy", "Alyokhina"), a scholarly system ("Ščerbakov", "Jurij"), German ("Jewgeni",
"Schablonow") or French ("Iouri", "Chablonkine"), or leaves it Cyrillic; often without the
patronymic, or with the given name first; some with a typo (one letter changed or dropped,
anywhere, the first letter too); the birth year missing or one year off (OVD-Info gives an age
at the start of the case).

Hard negatives are added to the second list: namesakes of people on the first list (the same
full name, born 5 to 20 years apart, prosecuted in another region) and relatives (the same
surname and patronymic, another given name, born 2 to 15 years apart, in the same region with the
same charges: co-defendants). The people on the second list only are negatives too.

The demo draws names from 26 surnames, so its people share surnames and given names far more
often than real people do: two "Примеров Иван" with no patronymic on one list could not be told
apart by anyone. So each person first gets a surname of their own among demo stems and endings
(no surname and given name twice, some double surnames with a hyphen): the only namesakes are
then the ones made on purpose, and the truth is knowable from the data.

Deterministic: one seed gives the same set.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
from anyascii import anyascii

from data import demo
from data.loader import normalise
from data.matching import match_persons

AS_OF = date(2025, 6, 1)  # the generator's "today": fixed, so a seed gives one set
DEFAULT_ROWS = 3000  # prosecutions; about 2,600 persons, 1,300 of them on both lists
DEFAULT_SEED = 11
LEFT, RIGHT = "memorial", "ovdinfo"

# Shares of the population, and how often the second list writes a name each way.
BOTH_SHARE, LEFT_ONLY_SHARE = 0.5, 0.25  # the rest is on the second list only
NAMESAKE_SHARE, RELATIVE_SHARE = 0.08, 0.08  # of the first list's people
SYSTEM_WEIGHTS = {
    "anyascii": 0.25,
    "bgn": 0.25,
    "scholarly": 0.10,
    "german": 0.15,
    "french": 0.10,
    "cyrillic": 0.15,
}
NO_PATRONYMIC, GIVEN_NAME_FIRST, TYPO = 0.30, 0.35, 0.15
NO_BIRTH_YEAR, BIRTH_YEAR_OFF_BY_ONE = 0.12, 0.30
NO_PLACE_OF_DETENTION = 0.5

_VOWELS = "аеёиоуыэюяьъ"
# Letter tables of the transliterations; context rules are in `_transliterate_word`.
_BGN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip
_SCHOLARLY = {
    **_BGN, "ё": "ë", "ж": "ž", "й": "j", "х": "h", "ц": "c", "ч": "č", "ш": "š", "щ": "šč",
    "ь": "ʹ", "ъ": "ʺ", "э": "è", "ю": "ju", "я": "ja",
}  # fmt: skip
_GERMAN = {
    **_BGN, "в": "w", "ё": "jo", "ж": "sch", "з": "s", "й": "j", "х": "ch", "ц": "z",
    "ч": "tsch", "ш": "sch", "щ": "schtsch", "ю": "ju", "я": "ja",
}  # fmt: skip
_FRENCH = {
    **_BGN, "ё": "io", "ж": "j", "й": "ï", "х": "kh", "ч": "tch", "ш": "ch", "щ": "chtch",
    "у": "ou", "ю": "iou", "я": "ia",
}  # fmt: skip
_TABLES = {"bgn": _BGN, "scholarly": _SCHOLARLY, "german": _GERMAN, "french": _FRENCH}
# Е after a vowel or at the start of a word is iotated in BGN ("Yevgeniy") and German ("Jewgeni").
_IOTATED_E = {"bgn": "ye", "german": "je"}
_CYRILLIC_LETTERS = "абвгдежзиклмнопрстуфхцчшщыэюя"
_LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"

_SURNAME_ENDINGS = (
    ("ов", "ова"), ("ин", "ина"), ("ский", "ская"), ("енко", "енко"), ("ук", "ук"),
    ("ян", "ян"), ("ович", "ович"), ("ман", "ман"), ("ев", "ева"), ("ец", "ец"),
)  # fmt: skip
_STEMS = tuple(
    dict.fromkeys(s.removesuffix("ов").removesuffix("ин").removesuffix("ёр") for s in demo.SURNAMES)
)
DOUBLE_SURNAME = 0.04


def _transliterate_word(word: str, system: str) -> str:
    table = _TABLES[system]
    lower = word.lower()
    out = []
    for i, letter in enumerate(lower):
        if letter == "е" and system in _IOTATED_E and (i == 0 or lower[i - 1] in _VOWELS):
            latin = _IOTATED_E[system]
        elif letter == "й" and i == len(lower) - 1 and i and lower[i - 1] in "иы":
            latin = {"bgn": "y", "german": "", "french": ""}.get(system, table[letter])
        elif system == "german" and letter == "с" and 0 < i < len(lower) - 1:
            latin = "ss" if lower[i - 1] in _VOWELS and lower[i + 1] in _VOWELS else "s"
        else:
            latin = table.get(letter, letter)
        out.append(latin)
    text = "".join(out)
    if system == "french" and lower.endswith("ин"):
        text += "e"  # Poutine
    return "-".join(part[:1].upper() + part[1:] for part in text.split("-"))


def transliterate(name: str, system: str) -> str:
    """A Cyrillic name as `system` writes it: one of SYSTEM_WEIGHTS."""
    if system == "cyrillic":
        return name
    if system == "anyascii":
        return anyascii(name)
    return " ".join(_transliterate_word(w, system) for w in name.split())


def _typo(word: str, rng: np.random.Generator) -> str:
    """One letter changed or dropped, anywhere in the word (the first letter too)."""
    if len(word) < 4:
        return word
    i = int(rng.integers(len(word)))
    if rng.random() < 0.5:
        return word[:i] + word[i + 1 :]
    letters = _CYRILLIC_LETTERS if "а" <= word[i].lower() <= "я" else _LATIN_LETTERS
    other = [c for c in letters if c != word[i].lower()]
    return word[:i] + other[int(rng.integers(len(other)))] + word[i + 1 :]


@dataclass(frozen=True)
class _Person:
    person_id: str
    surname: str
    given: str
    patronymic: str
    female: bool
    birth_year: int | None
    regions: frozenset[str]

    @property
    def name(self) -> str:
        return " ".join(p for p in (self.surname, self.given, self.patronymic) if p)


@dataclass(frozen=True)
class LabelledSet:
    """Two lists in one canonical cases frame, and who is who."""

    cases: pd.DataFrame  # canonical and typed, sources LEFT and RIGHT
    truth: frozenset[tuple[tuple[str, str], tuple[str, str]]]  # ((LEFT, id), (RIGHT, id))
    kinds: dict[tuple[str, str], str]  # second-list persons: "same", "only", "namesake", ...

    @property
    def namesakes(self) -> int:
        return sum(1 for k in self.kinds.values() if k == "namesake")

    @property
    def relatives(self) -> int:
        return sum(1 for k in self.kinds.values() if k == "relative")


def _own_surnames(persons: list[_Person], rng: np.random.Generator) -> list[_Person]:
    """Each person a surname of demo stems and endings such that no surname and given name
    occur twice; a person for whom none is found in 50 draws is left out."""
    taken: set[tuple[str, str]] = set()
    renamed = []
    for person in persons:
        for _ in range(50):
            stem = _STEMS[int(rng.integers(len(_STEMS)))]
            male, female = _SURNAME_ENDINGS[int(rng.integers(len(_SURNAME_ENDINGS)))]
            surname = stem + (female if person.female else male)
            if rng.random() < DOUBLE_SURNAME:
                second = _STEMS[int(rng.integers(len(_STEMS)))]
                surname += "-" + second + ("ова" if person.female else "ов")
            if (surname, person.given) not in taken:
                taken.add((surname, person.given))
                renamed.append(
                    _Person(
                        person.person_id,
                        surname,
                        person.given,
                        person.patronymic,
                        person.female,
                        person.birth_year,
                        person.regions,
                    )
                )
                break
    return renamed


def _second_list_name(person: _Person, rng: np.random.Generator) -> str:
    """How the second list writes a person's name."""
    words = [person.surname, person.given]
    if person.patronymic and rng.random() >= NO_PATRONYMIC:
        words.append(person.patronymic)
    if rng.random() < GIVEN_NAME_FIRST:
        words = [*words[1:], words[0]]  # "Mikhail Andreevich Kriger", "Mikhail Kriger"
    systems = list(SYSTEM_WEIGHTS)
    system = systems[rng.choice(len(systems), p=list(SYSTEM_WEIGHTS.values()))]
    written = transliterate(" ".join(words), system).split()
    if rng.random() < TYPO:
        i = int(rng.integers(len(written)))
        written[i] = _typo(written[i], rng)
    return " ".join(written)


def _second_list_birth_year(year: int | None, rng: np.random.Generator) -> int | None:
    chance = rng.random()
    if year is None or chance < NO_BIRTH_YEAR:
        return None
    if chance < NO_BIRTH_YEAR + BIRTH_YEAR_OFF_BY_ONE:
        return year + int(rng.choice([-1, 1]))
    return year


def _years(year: int | None, low: int, high: int, rng: np.random.Generator) -> int:
    """A birth year `low`..`high` years from `year`, still an adult's (before 2005)."""
    base = year if year is not None else int(rng.integers(1960, 1995))
    apart = int(rng.integers(low, high + 1))
    return base - apart if base + apart > 2004 or rng.random() < 0.5 else base + apart


def labelled_set(rows: int = DEFAULT_ROWS, seed: int = DEFAULT_SEED) -> LabelledSet:
    """The two lists and the truth, from `rows` demo prosecutions (deterministic by `seed`)."""
    rng = np.random.default_rng(seed)
    frame = demo.generate_frame(rows, seed, AS_OF)
    regions_of = (
        pd.concat(
            [
                frame[["person_id", "region_code"]].rename(columns={"region_code": "region"}),
                frame[["person_id", "imprisonment_region_code"]].rename(
                    columns={"imprisonment_region_code": "region"}
                ),
            ]
        )
        .query("region != ''")
        .groupby("person_id")["region"]
        .agg(frozenset)
    )
    firsts = frame.drop_duplicates("person_id")
    persons = []
    for row in firsts.itertuples(index=False):
        surname, given, patronymic = [*row.name.split(), "", ""][:3]
        persons.append(
            _Person(
                row.person_id,
                surname,
                given,
                patronymic,
                given in demo.FEMALE_NAMES,
                int(row.birth_year) if row.birth_year else None,
                regions_of.get(row.person_id, frozenset()),
            )
        )
    persons = _own_surnames(persons, rng)
    order = rng.permutation(len(persons))
    both = {persons[k].person_id for k in order[: int(len(order) * BOTH_SHARE)]}
    left_ids = {
        persons[k].person_id for k in order[: int(len(order) * (BOTH_SHARE + LEFT_ONLY_SHARE))]
    }
    all_regions = sorted(set(frame["region_code"]))

    # Per second-list person: (new id, kind, name, birth year, source person, region or None).
    written: list[tuple[str, str, str, int | None, _Person, str | None]] = []
    for person in persons:
        if person.person_id in left_ids and person.person_id not in both:
            continue
        kind = "same" if person.person_id in both else "only"
        name = _second_list_name(person, rng)
        year = _second_list_birth_year(person.birth_year, rng)
        written.append((f"o-{person.person_id}", kind, name, year, person, None))
    taken = {(p.surname, p.given) for p in persons}
    for person in persons:
        if person.person_id not in left_ids:
            continue
        draw = rng.random()
        if draw < NAMESAKE_SHARE and person.birth_year is not None:
            elsewhere = [r for r in all_regions if r not in person.regions]
            region = elsewhere[int(rng.integers(len(elsewhere)))]
            year = _years(person.birth_year, 5, 20, rng)
            name = _second_list_name(person, rng)
            written.append((f"n-{person.person_id}", "namesake", name, year, person, region))
        elif draw < NAMESAKE_SHARE + RELATIVE_SHARE:
            pool = demo.FEMALE_NAMES if person.female else demo.MALE_NAMES
            others = [g for g in pool if g != person.given and (person.surname, g) not in taken]
            if not others:
                continue
            given = others[int(rng.integers(len(others)))]
            taken.add((person.surname, given))
            relative = _Person(
                person.person_id,
                person.surname,
                given,
                person.patronymic,
                person.female,
                None,
                person.regions,
            )
            year = _years(person.birth_year, 2, 15, rng)
            name = _second_list_name(relative, rng)
            written.append((f"r-{person.person_id}", "relative", name, year, person, None))

    left = frame[frame["person_id"].isin(left_ids)].copy()
    left["name"] = left["person_id"].map({p.person_id: p.name for p in persons})
    left["source"] = LEFT
    # Each second-list person's cases are their source person's, as the second list writes them.
    second = pd.DataFrame(
        written, columns=["new_id", "kind", "new_name", "year", "person", "elsewhere"]
    )
    second["of"] = [p.person_id for p in second["person"]]
    second["no_prison"] = rng.random(len(second)) < NO_PLACE_OF_DETENTION
    right = second.merge(frame, left_on="of", right_on="person_id", sort=False)
    right["person_id"] = right["new_id"]
    right["source"] = RIGHT
    right["name"] = right["new_name"]
    right["birth_year"] = [("" if y is None or y != y else str(int(y))) for y in right["year"]]
    moved = right["elsewhere"].notna()  # a namesake: prosecuted elsewhere, held nowhere known
    right.loc[moved, "region_code"] = right.loc[moved, "elsewhere"]
    right.loc[moved | right["no_prison"], "imprisonment_region_code"] = ""
    kinds = {(RIGHT, new_id): kind for new_id, kind, *_ in written}
    truth = {
        ((LEFT, person.person_id), (RIGHT, new_id))
        for new_id, kind, _, _, person, _ in written
        if kind == "same"
    }
    raw = pd.concat([left, right[list(frame.columns)]], ignore_index=True)
    raw["case_id"] = raw["person_id"] + "-" + raw.groupby("person_id").cumcount().astype(str)
    cases, report = normalise(raw, "labelled set")
    if report.rejected:
        raise AssertionError(f"the labelled set has a bad row: {report.rejected[0].message()}")
    return LabelledSet(cases, frozenset(truth), kinds)


@dataclass(frozen=True)
class Evaluation:
    """Precision (of the pairs found, how many are right) and recall (of the true pairs, how
    many were found), with their counts. Unpacks as (precision, recall, counts)."""

    precision: float
    recall: float
    counts: dict[str, int]
    wrong: tuple[tuple[tuple[str, str], tuple[str, str]], ...]  # found, but two people
    missed: tuple[tuple[tuple[str, str], tuple[str, str]], ...]  # one person, not found

    def __iter__(self) -> Iterator:
        return iter((self.precision, self.recall, self.counts))

    @property
    def true_pairs(self) -> int:
        return self.counts["true_pairs"]

    @property
    def found(self) -> int:
        return self.counts["found"]

    @property
    def correct(self) -> int:
        return self.counts["correct"]

    @property
    def namesakes(self) -> int:
        return self.counts["namesakes"]

    @property
    def relatives(self) -> int:
        return self.counts["relatives"]


def evaluate(
    rows: int = DEFAULT_ROWS, seed: int = DEFAULT_SEED, labelled: LabelledSet | None = None
) -> Evaluation:
    """Match the labelled set's two lists and score the result against the truth."""
    labelled = labelled or labelled_set(rows, seed)
    found = {(m.left, m.right) for m in match_persons(labelled.cases) if m.how == "auto"}
    correct = found & labelled.truth
    wrong = found - labelled.truth
    on_left = labelled.cases["source"].eq(LEFT)
    counts = {
        "persons_left": int(labelled.cases.loc[on_left, "person_id"].nunique()),
        "persons_right": len(labelled.kinds),
        "true_pairs": len(labelled.truth),
        "namesakes": labelled.namesakes,
        "relatives": labelled.relatives,
        "found": len(found),
        "correct": len(correct),
        "wrong": len(wrong),
        "missed": len(labelled.truth - found),
    }
    for kind in ("same", "only", "namesake", "relative"):
        counts[f"wrong_{kind}"] = sum(1 for _, right in wrong if labelled.kinds[right] == kind)
    return Evaluation(
        precision=len(correct) / len(found) if found else 1.0,
        recall=len(correct) / len(labelled.truth) if labelled.truth else 1.0,
        counts=counts,
        wrong=tuple(sorted(wrong)),
        missed=tuple(sorted(labelled.truth - found)),
    )
