"""The region a prisoner is held in, read from a letter address as Memorial publishes it.

An address such as "600000, г. Владимир, ул. Примерная, д. 0, ФКУ Т-0 УФСИН России по Владимирской
области, Образцову Бахтияру Примеровичу, 1963 г. р." carries three kinds of evidence, strongest
first:

1. *place*: a part that names a region itself — "Томская область", "Республика Мордовия",
   "Ханты-Мансийский АО – Югра", "ДНР", or a federal city written "г. Москва";
2. *body*: the penitentiary body the facility belongs to, "(Г)УФСИН России по <region>"; a joint
   body ("по г. Санкт-Петербургу и Ленинградской области") names several regions;
3. *town*: a town after "г."/"город"/"п."/"пос."/"с." found in data/reference/cities.csv (regional
   centres and well-known penal-colony towns, only names that are unique in the country).

The place decides; a non-joint body that names another region makes the address contradictory
(None). Without a place, the body decides, and for a joint body the town picks one of its regions,
else the first named. The town alone is used only when nothing stronger is there. Autonomous okrugs
written inside their oblast ("Тюменская обл., ХМАО – Югра") give the okrug.

Region names are read by `normalise_region`, never here; this module only finds *where* in the
address a region name is. Everything else — streets ("ул. Московская"), the addressee in the dative
("Орловой Марине"), "Электронные письма … «ФСИН-письмо»", postcodes — never counts, because only
the three shapes above are looked at; names in quotes (institutions, companies) are skipped.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from data.importers.regions import normalise_region
from data.loader import strip_markup
from data.reference import REFERENCE_DIR, fold, regions

CITIES_FILE = REFERENCE_DIR / "cities.csv"

# Okrugs that lie inside an oblast: an address may name both, and the okrug is the narrower answer.
_WITHIN = {"RU-KHM": "RU-TYU", "RU-YAN": "RU-TYU", "RU-NEN": "RU-ARK"}

# --- cleaning --------------------------------------------------------------------------------

# Block-level tags and line breaks end a part of the address, like a comma does.
_BLOCK_TAG = re.compile(r"<\s*(?:br|/?p|/?div|/?li|/?tr)\b[^<>]*>", re.IGNORECASE)
_PART_SEPARATOR = re.compile(r"[,;\n\r]+")
_POSTCODE = re.compile(r"^\s*\d{6}\b\.?\s*")
# Names in quotes are names of institutions and companies (ООО «Московская область», «ФСИН-письмо»),
# never where they are; the FSIN body is read before they are blanked out.
_QUOTED = re.compile(r"«[^«»]*»|“[^“”]*”|„[^„“”]*[“”]")

# --- the penitentiary body ---------------------------------------------------------------------

# "УФСИН России по", "ГУФСИН РФ по", "ГУ ФСИН по". "ФСИН-письмо" (no space after ФСИН) never
# matches, nor a federal body without "по" ("ФКУ СИЗО-2 ФСИН России").
_BODY = re.compile(
    r"(?<![\w-])(?:ГУ\s?|У\s?|О\s?)?ФСИН(?:\s+(?:России|РФ))?\s+по\s+", re.IGNORECASE
)
_JOINT = re.compile(r"\s+и\s+")
_WORD = re.compile(r"\S+")
# A region name in the body never ends with these: "по Пермскому краю г. Соликамск" must leave
# "г. Соликамск" to the town rule.
_NOT_LAST = frozenset({"г", "гор", "город", "и", "в", "по", "п", "пос", "с", "-", "–", "—"})
_MAX_NAME_WORDS = 8

# --- the place ---------------------------------------------------------------------------------

# Words that say what kind of region a name is, and the kinds (from the region table) they allow.
_OBLAST = frozenset({"oblast", "autonomous oblast", "occupied"})
_KIND_WORDS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("область", "области", "областью", "обл"), _OBLAST),
    **dict.fromkeys(("край", "края", "краю", "крае", "краем"), frozenset({"krai"})),
    **dict.fromkeys(
        ("республика", "республики", "республике", "республику", "республикой", "респ"),
        frozenset({"republic", "occupied"}),
    ),
    **dict.fromkeys(("округ", "округа", "округу", "округе"), frozenset({"autonomous okrug"})),
    # "АО" is "автономный округ" and also the Jewish "автономная область" ("Еврейская АО").
    "ао": frozenset({"autonomous okrug", "autonomous oblast"}),
}
# Abbreviations that are a whole region name, kind included. Written in capitals only, so that
# ordinary words do not count; "НАО" is left out: it is also a company form.
_ABBREVIATION = re.compile(r"^(?:ДНР|ЛНР|ХМАО|ЯНАО|ЕАО|КБР|КЧР|РСО)(?:-\w+)?$")
_ANY_KIND = frozenset({"republic", "krai", "oblast", "autonomous okrug", "autonomous oblast",
                       "federal city", "occupied"})  # fmt: skip
# A region name is a few words around its kind word: "Республика Северная Осетия – Алания".
_WORDS_BEFORE, _WORDS_AFTER = 3, 4
_DASHES = frozenset({"-", "–", "—"})
_FEDERAL_CITY = re.compile(
    r"(?:(?<![\w-])(?:г\.|гор\.|город)\s*|^)(Москва|Санкт-Петербург|Севастополь)(?![\w-])",
    re.IGNORECASE,
)

# --- the town ----------------------------------------------------------------------------------

# "г. Томск", "г.Томск", "город Томск", "п. Харп", "пос. Явас", "с. Примерное"; the town is one to
# three capitalised words ("Нижний Новгород", "Ростов-на-Дону"). "1963 г. р." has no capital.
_TOWN = re.compile(
    r"(?<![\w.-])(?:г\.|гор\.|город|п\.|пос\.|посёлок|поселок|пгт\.?|рп\.|р\.\s?п\.|с\.|село)\s*"
    r"(?P<name>[А-ЯЁ][а-яё]*(?:-[А-Яа-яЁё]+)*(?:\s[А-ЯЁ][а-яё]*(?:-[А-Яа-яЁё]+)*){0,2})"
)


@dataclass(frozen=True)
class _Evidence:
    places: tuple[str, ...]  # regions the address names itself, in order
    bodies: tuple[tuple[str, ...], ...]  # each FSIN body's regions (several for a joint body)
    towns: tuple[str, ...]  # regions of the towns found in cities.csv


@cache
def _cities() -> dict[str, str]:
    """cities.csv by folded name; checked once, so a typo in the table fails loudly, not silently
    gives no region."""
    table = regions()
    cities: dict[str, str] = {}
    with open(CITIES_FILE, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            city, code = row["city"].strip(), row["code"].strip()
            if code not in table:
                raise ValueError(f"{CITIES_FILE.name}: {city!r} -> {code!r}, not in region table")
            if cities.setdefault(fold(city), code) != code:
                raise ValueError(f"{CITIES_FILE.name}: {city!r} is in two regions")
    return cities


@cache
def _region_name(text: str) -> str | None:
    """`normalise_region`, plus names joined by a dash whose sides agree: the dative "Ханты-
    Мансийскому автономному округу – Югре" or "ХМАО-Югре" is no single name in the tables, but
    each side is, and both say the same region."""
    text = text.strip(" .,;:")
    if not text:
        return None
    if (code := normalise_region(text)) is not None:
        return code
    sides = re.split(r"\s+[-–—]\s+|\s*[–—]\s*", text)
    if len(sides) == 1 and "-" in text:
        sides = text.rsplit("-", 1)
    if len(sides) < 2 or not all(side.strip() for side in sides):
        return None
    codes = {normalise_region(side) for side in sides}
    return codes.pop() if len(codes) == 1 and None not in codes else None


def _clean(address: str) -> str:
    """Plain text in which every block of the HTML, and every line, ends with a separator."""
    return strip_markup(_BLOCK_TAG.sub(" ; ", address).replace("\n", " ; "))


# --- the body ------------------------------------------------------------------------------------


def _longest_name(text: str) -> tuple[str | None, int]:
    """The longest run of leading words that is a region name, and where it ends: the name in
    "Орловской области Иванову Ивану" stops before the addressee even without a comma."""
    words = list(_WORD.finditer(text))[:_MAX_NAME_WORDS]
    for n in range(len(words), 0, -1):
        if words[n - 1].group().strip(".,").casefold() in _NOT_LAST:
            continue
        if (code := _region_name(text[: words[n - 1].end()])) is not None:
            return code, words[n - 1].end()
    return None, 0


def _body_regions(tail: str) -> tuple[tuple[str, ...], int]:
    """The regions a body names after "по", and how much of `tail` they take. A joint body is
    "<region> и <region>": every piece but the last must be a region name as a whole."""
    codes: list[str] = []
    consumed = 0
    pieces = _JOINT.split(tail)
    offset = 0
    for i, piece in enumerate(pieces):
        code, end = _longest_name(piece)
        if code is None:
            break
        codes.append(code)
        consumed = offset + end
        whole = end >= len(piece.rstrip())
        if not whole or i == len(pieces) - 1:
            break
        offset = tail.index(pieces[i + 1], offset + len(piece))
    return tuple(dict.fromkeys(codes)), consumed


def _take_bodies(text: str) -> tuple[list[tuple[str, ...]], str]:
    """Every "(Г)УФСИН России по <region>" in the text, and the text with those names blanked out,
    so that their dative region names are not read again as places or towns."""
    bodies: list[tuple[str, ...]] = []
    kept: list[str] = []
    position = 0
    for match in _BODY.finditer(text):
        if match.start() < position:
            continue
        tail_end = _PART_SEPARATOR.search(text, match.end())
        tail = text[match.end() : tail_end.start() if tail_end else len(text)]
        codes, consumed = _body_regions(tail)
        if codes:
            bodies.append(codes)
            end = match.end() + consumed
        else:  # an unreadable body name is still no place: blank it up to the next separator
            end = match.end() + len(tail)
        kept.append(text[position : match.start()])
        kept.append(" ; ")
        position = end
    kept.append(text[position:])
    return bodies, "".join(kept)


# --- places and towns ----------------------------------------------------------------------------


def _kinds(word: str) -> frozenset[str] | None:
    """The region kinds a word allows if it is a kind word ("области", "АО", "ДНР"), else None."""
    bare = word.strip(".,;:()«»\"'")
    if _ABBREVIATION.match(bare):
        return _ANY_KIND
    return _KIND_WORDS.get(bare.casefold().replace("ё", "е"))


def _place_in(part: str) -> list[str]:
    """Regions one part of the address names itself. A name counts only around a kind word and
    only if the region is of that kind: "Курское АО" (a company) is no Kursk Oblast."""
    part = _POSTCODE.sub("", part).strip(" .")
    found = [
        code
        for m in _FEDERAL_CITY.finditer(part)
        if (code := normalise_region(m.group(1))) is not None
    ]
    words = part.split()
    kinds = [_kinds(word) for word in words]
    if not any(kinds):
        return found
    for k, kind in enumerate(kinds):
        if kind is None:
            continue
        for i, j in _windows(words, k):
            code = _region_name(" ".join(words[i:j]))
            if code is not None and _kind_fits(code, kinds[i:j]):
                found.append(code)
                break
    return found


def _windows(words: Sequence[str], k: int) -> list[tuple[int, int]]:
    """Word ranges [i, j) that may be a region name around the kind word at k, longest first.

    The name comes before "область"/"край"/"округ"/"АО" ("Томская область") and after them only
    past a dash ("область – Кузбасс"), so an addressee after the kind word ("области Курскому
    Ивану") is never read into it; "Республика" may have the name on either side ("Республика
    Коми", "Чувашская Республика")."""
    bare = words[k].strip(".,;:()«»\"'").casefold()
    republic = bare.startswith("респ")
    abbreviation = _ABBREVIATION.match(words[k].strip(".,;:()«»\"'")) is not None
    starts = range(k if abbreviation else max(0, k - _WORDS_BEFORE), k + 1)
    ends = [k + 1]
    if republic:
        ends = list(range(k + 1, min(len(words), k + 1 + _WORDS_AFTER) + 1))
    elif k + 1 < len(words) and words[k + 1] in _DASHES:
        ends += list(range(k + 3, min(len(words), k + 4) + 1))
    windows = [(i, j) for i in starts for j in ends if j - i > 1 or abbreviation or republic]
    return sorted(windows, key=lambda w: w[0] - w[1])


def _kind_fits(code: str, kinds: Sequence[frozenset[str] | None]) -> bool:
    """Whether a region is of the kind every kind word next to its name says it is."""
    kind = regions()[code].kind
    return all(kind in allowed for allowed in kinds if allowed is not None)


def _towns_in(text: str) -> list[str]:
    """Regions of the towns in the text, by the longest run of words that is in cities.csv."""
    cities = _cities()
    found: list[str] = []
    for match in _TOWN.finditer(text):
        words = match.group("name").split()
        for n in range(len(words), 0, -1):
            if (code := cities.get(fold(" ".join(words[:n])))) is not None:
                found.append(code)
                break
    return found


def _evidence(address: str) -> _Evidence:
    """What the address says, in the three kinds, the body's names kept out of the other two."""
    bodies, rest = _take_bodies(_clean(address))
    rest = _QUOTED.sub(" ; ", rest)
    places = [code for part in _PART_SEPARATOR.split(rest) for code in _place_in(part)]
    return _Evidence(tuple(places), tuple(bodies), tuple(_towns_in(rest)))


# --- deciding ------------------------------------------------------------------------------------


def _narrower(a: str, b: str) -> str | None:
    """The one region two pieces of evidence agree on (the okrug when one is its oblast), else
    None."""
    if a == b:
        return a
    if _WITHIN.get(a) == b:
        return a
    if _WITHIN.get(b) == a:
        return b
    return None


def _agreed(codes: Sequence[str]) -> str | None:
    """The region all codes agree on (see `_narrower`); None when they disagree."""
    result = codes[0]
    for code in codes[1:]:
        narrowed = _narrower(result, code)
        if narrowed is None:
            return None
        result = narrowed
    return result


def _decide(evidence: _Evidence) -> str | None:
    """Place, then body, then town; a contradiction between place and body gives None."""
    body: tuple[str, ...] = ()
    for regions_of_body in evidence.bodies:  # several bodies must share a region
        body = regions_of_body if not body else tuple(c for c in body if c in regions_of_body)
        if not body:
            return None
    town = _agreed(evidence.towns) if evidence.towns else None

    if evidence.places:
        place = _agreed(evidence.places)
        if place is None:
            return None
        if body:
            if place in body:
                return place
            narrowed = {n for c in body if (n := _narrower(place, c)) is not None}
            return narrowed.pop() if len(narrowed) == 1 else None
        # A town can only narrow the place down ("Тюменская обл., г. Сургут" is KHM).
        return town if town is not None and _WITHIN.get(town) == place else place
    if body:
        if len(body) > 1 and town is not None and town in body:
            return town
        return body[0]
    return town


def region_of_address(address: str | None) -> str | None:
    """The ISO code of the region a letter address is in, or None when it cannot be told.

    The region decides where a prisoner is shown on the map, so the address is read only for what
    names a region (a region part, the FSIN body, a known town) and contradictions give None rather
    than a guess; `None`, non-text and empty input give None too.
    """
    if not isinstance(address, str) or not address.strip():
        return None
    return _decide(_evidence(address))


def region_of_addresses(addresses: Sequence[str | None] | None) -> str | None:
    """The first address that gives a region (Memorial lists the current address first, so an
    earlier address without a region does not hide where the prisoner is now)."""
    for address in addresses or ():
        if (code := region_of_address(address)) is not None:
            return code
    return None
