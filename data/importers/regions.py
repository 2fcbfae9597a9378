"""Region names as the sources write them -> ISO 3166-2 codes of the region table.

Sources name a region in many ways: the official Russian name ("Республика Башкортостан"), a short
or colloquial one ("Башкирия", "ХМАО", "Питер"), inflected inside a sentence ("в Свердловской
области"), in English ("Republic of Bashkortostan", "Moscow Region"), transliterated ("Sverdlovskaya
oblast"), or as a code (ISO "RU-BA", bare "BA", HASC "RU.BK"). All of them are reduced to one *key*
(see `_key`) and looked up in tables built once from data/reference/regions_ru.csv and
data/reference/region_aliases.csv.

The lookup never guesses: a text matches only when its key names exactly one region, and the looser
forms (a name without "область"/"Republic", a transliteration) count only where they are
unambiguous across the whole table. That is how "Алтай" stays the Altai Republic (Memorial's tags
use it so, and it is in the aliases) while English "Altai" alone, which could be either the republic
or the krai, gives None.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from data.reference import REFERENCE_DIR, regions

ALIASES_FILE = REFERENCE_DIR / "region_aliases.csv"

# Values that mean "we do not know": None without a lookup.
_UNKNOWN = frozenset(
    {"", "unknown", "неизвестно", "не известно", "нет данных", "не указан", "не указано", "нет",
     "n a", "na", "none", "null", "nan"}
)  # fmt: skip

# --- codes -----------------------------------------------------------------------------------

# "RU-BA", "RU BA", "RU.BK", "ba", "UA-43": a country prefix (optional) and the subdivision part.
_CODE = re.compile(
    r"^\s*(?:(?P<country>RU|UA)\s*(?P<sep>[-.\s_])\s*)?(?P<sub>[A-Z]{2,3}|\d{2})\s*$", re.IGNORECASE
)

# HASC codes (statoids.com, also used by Natural Earth and GADM): they are written with a dot and
# differ from the ISO suffixes — RU.BK is Bashkortostan, RU.AL is Altai *Krai* (ISO RU-AL is the
# Altai Republic), RU.SA is Samara (ISO RU-SA is Sakha), RU.TY is Tyumen (ISO RU-TY is Tuva). A
# dotted code is therefore read as HASC first and as an ISO suffix only when it is no HASC code.
_HASC = {
    "RU.AD": "RU-AD", "RU.GA": "RU-AL", "RU.AL": "RU-ALT", "RU.AM": "RU-AMU", "RU.AR": "RU-ARK",
    "RU.AS": "RU-AST", "RU.BK": "RU-BA", "RU.BL": "RU-BEL", "RU.BR": "RU-BRY", "RU.BU": "RU-BU",
    "RU.CN": "RU-CE", "RU.CL": "RU-CHE", "RU.CK": "RU-CHU", "RU.CV": "RU-CU", "RU.DA": "RU-DA",
    "RU.IN": "RU-IN", "RU.IK": "RU-IRK", "RU.IV": "RU-IVA", "RU.KQ": "RU-KAM", "RU.KB": "RU-KB",
    "RU.KC": "RU-KC", "RU.KD": "RU-KDA", "RU.KE": "RU-KEM", "RU.KN": "RU-KGD", "RU.KU": "RU-KGN",
    "RU.KH": "RU-KHA", "RU.KM": "RU-KHM", "RU.KV": "RU-KIR", "RU.KK": "RU-KK", "RU.KL": "RU-KL",
    "RU.KG": "RU-KLU", "RU.KO": "RU-KO", "RU.KT": "RU-KOS", "RU.KI": "RU-KR", "RU.KS": "RU-KRS",
    "RU.KX": "RU-KYA", "RU.LN": "RU-LEN", "RU.LP": "RU-LIP", "RU.MG": "RU-MAG", "RU.ME": "RU-ME",
    "RU.MR": "RU-MO", "RU.MS": "RU-MOS", "RU.MC": "RU-MOW", "RU.MM": "RU-MUR", "RU.NN": "RU-NEN",
    "RU.NG": "RU-NGR", "RU.NZ": "RU-NIZ", "RU.NS": "RU-NVS", "RU.OM": "RU-OMS", "RU.OB": "RU-ORE",
    "RU.OL": "RU-ORL", "RU.PE": "RU-PER", "RU.PZ": "RU-PNZ", "RU.PR": "RU-PRI", "RU.PS": "RU-PSK",
    "RU.RO": "RU-ROS", "RU.RZ": "RU-RYA", "RU.SK": "RU-SA", "RU.SL": "RU-SAK", "RU.SA": "RU-SAM",
    "RU.SR": "RU-SAR", "RU.NO": "RU-SE", "RU.SM": "RU-SMO", "RU.SP": "RU-SPE", "RU.ST": "RU-STA",
    "RU.SV": "RU-SVE", "RU.TT": "RU-TA", "RU.TB": "RU-TAM", "RU.TO": "RU-TOM", "RU.TL": "RU-TUL",
    "RU.TV": "RU-TVE", "RU.TU": "RU-TY", "RU.TY": "RU-TYU", "RU.UD": "RU-UD", "RU.UL": "RU-ULY",
    "RU.VG": "RU-VGG", "RU.VL": "RU-VLA", "RU.VO": "RU-VLG", "RU.VR": "RU-VOR", "RU.YN": "RU-YAN",
    "RU.YS": "RU-YAR", "RU.YV": "RU-YEV", "RU.ZB": "RU-ZAB", "RU.CT": "RU-ZAB",
    "UA.KR": "UA-43", "UA.SC": "UA-40", "UA.DT": "UA-14", "UA.LH": "UA-09", "UA.ZP": "UA-23",
    "UA.KS": "UA-65",
}  # fmt: skip

# --- keys ------------------------------------------------------------------------------------

_QUOTES = re.compile(r"[\"'`«»„“”‘’‚‹›ʼʹ′]")
_PUNCTUATION = re.compile(r"[^\w\s]|_")
_PARENTHESIS = re.compile(r"\(([^()]*)\)")
_LONG_DASH = re.compile(r"\s*[—–]\s*")  # splits "Кемеровская область — Кузбасс" into its two names
_CYRILLIC = re.compile(r"[а-яєіїґ]")

# Abbreviations and filler words, token by token: "обл." is "область", "г." and "город" go.
_TOKEN_MAP: dict[str, tuple[str, ...]] = {
    "обл": ("область",), "кр": ("край",), "респ": ("республика",), "ао": ("автономный", "округ"),
    "авт": ("автономный",), "окр": ("округ",), "г": (), "гор": (), "город": (),
    "федерального": (), "значения": (),
    "obl": ("oblast",), "kray": ("krai",), "resp": ("respublika",), "rep": ("republic",),
    "ao": ("autonomous", "okrug"), "g": (), "gorod": (), "city": (), "of": (), "the": (),
    "region": ("oblast",), "province": ("oblast",), "territory": ("krai",), "st": ("saint",),
}  # fmt: skip
# A leading preposition, as in "в Башкирии", "на Кубани", "из Москвы", "in Moscow".
_PREPOSITIONS = frozenset({"в", "во", "из", "на", "по", "in", "from"})
# Country names around a region ("Крым, Украина", "Moscow, Russia") say nothing about the region.
_COUNTRIES = frozenset({"россия", "рф", "russia", "украина", "україна", "ukraine"})

# Declined generic words back to the nominative: "области" -> "область".
_GENERIC_FORMS = {
    **dict.fromkeys(("области", "областью", "областей"), "область"),
    **dict.fromkeys(("края", "краю", "крае", "краем"), "край"),
    **dict.fromkeys(("округа", "округу", "округе", "округом"), "округ"),
    **dict.fromkeys(("республики", "республике", "республику", "республикой"), "республика"),
}
# Adjectives lose their case ending and get a mark, so that "Свердловская", "Свердловской" and
# "Свердловскую" are one token, and that token stays different from a noun ("Томск").
_RU_ADJECTIVE = re.compile(
    r"^(?P<stem>[а-я]{2,}?(?:ск|цк|н))(?:ая|ой|ую|ого|ому|ом|им|ым|ий|ый|ое|ие|ые|их|ых|ими|ыми|ою)$"
)
_LAT_ADJECTIVE = re.compile(
    r"^(?P<stem>[a-z]{2,}?(?:sk|n))(?:aya|aia|oye|oe|oy|oi|iy|ii|yy|yi|y|i)$"
)
_DOUBLE_LETTER = re.compile(r"([a-z])\1")
# Words that only say what kind of region it is; a key without them is the looser "reduced" key.
_GENERIC = frozenset(
    {
        "область",
        "край",
        "округ",
        "республика",
        "автономн~",
        "oblast",
        "krai",
        "okrug",
        "republic",
        "respublika",
        "autonomous",
    }
)

_TRANSLIT = str.maketrans(
    {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i",
     "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
     "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "",
     "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya"}
)  # fmt: skip


def _latin_token(token: str) -> str:
    """Spelling variants of transliteration folded together: Khakassia/Khakasiya, Yevreyskaya/
    Evreiskaya, Primorskiy/Primorsky. 'ay'/'ai' are kept apart on purpose: Natural Earth's 'Altay'
    is the krai, so folding them would make 'Altai' look unambiguous."""
    token = token.replace("j", "y")
    if (m := _LAT_ADJECTIVE.match(token)) is not None:
        token = m.group("stem")
    token = token.replace("kh", "h").replace("ts", "c").replace("tz", "c")
    token = _DOUBLE_LETTER.sub(r"\1", token)
    if token.startswith("ye"):
        token = token[1:]
    if token.endswith("iya"):
        token = token[:-3] + "ia"
    return "autonomous" if token == "avtonomn" else token


def _russian_token(token: str) -> str:
    token = _GENERIC_FORMS.get(token, token)
    if (m := _RU_ADJECTIVE.match(token)) is not None:
        return m.group("stem") + "~"
    return token


def _words(text: str) -> list[str]:
    """Lower case, 'ё' as 'е', no quotes or apostrophes ("Perm'"), other punctuation as spaces."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")
    return _PUNCTUATION.sub(" ", _QUOTES.sub("", text)).split()


def _tokens(text: str) -> list[str]:
    """Text -> normalised tokens, in their original order (prepositions and fillers dropped)."""
    words = _words(text)
    if len(words) > 1 and words[0] in _PREPOSITIONS:
        words = words[1:]
    if len(words) > 1:
        words = [w for w in words if w not in _COUNTRIES] or words
    tokens: list[str] = []
    for word in words:
        for token in _TOKEN_MAP.get(word, (word,)):
            tokens.append(_russian_token(token) if _CYRILLIC.search(token) else _latin_token(token))
    return tokens


def _key(text: str) -> str:
    """One string per way of naming a region: word order does not matter ("Tatarstan Respublika" =
    "Respublika Tatarstan"); no region's name is a reordering of another's."""
    return " ".join(sorted(_tokens(text)))


def _reduced(key: str) -> str:
    """The key without the words that only give the kind of region ("область", "Republic")."""
    return " ".join(t for t in key.split() if t not in _GENERIC)


def _name_variants(name: str) -> set[str]:
    """A table name and its parts: "Республика Саха (Якутия)" is also "Республика Саха" and
    "Якутия"; "Кемеровская область — Кузбасс" is also each side of the dash."""
    variants = {name}
    for part in _LONG_DASH.split(name):
        variants.add(part)
    for variant in list(variants):
        if (m := _PARENTHESIS.search(variant)) is not None:
            variants.add(_PARENTHESIS.sub(" ", variant))
            variants.add(m.group(1))
    return {v for v in variants if v.strip()}


@dataclass(frozen=True)
class _Lookup:
    exact: dict[str, str]  # keys of the table's names and of the aliases
    translit: dict[str, str]  # keys of Russian names transliterated, where unambiguous
    reduced: dict[str, str]  # keys without generic words, where unambiguous


def _aliases() -> list[tuple[str, str]]:
    with open(ALIASES_FILE, encoding="utf-8", newline="") as fh:
        return [(row["alias"], row["code"]) for row in csv.DictReader(fh)]


def _unique(pairs: Iterable[tuple[str, str]], taken: dict[str, str]) -> dict[str, str]:
    """Keys that name exactly one region and are not already taken by a stronger table."""
    found: dict[str, set[str]] = {}
    for key, code in pairs:
        if key and key not in taken:
            found.setdefault(key, set()).add(code)
    return {key: codes.pop() for key, codes in found.items() if len(codes) == 1}


@cache
def _lookup() -> _Lookup:
    """Built once: every name of the region table and of the aliases file, by key."""
    table = regions()
    names: list[tuple[str, str]] = []
    for code, region in table.items():
        for name in (region.name_ru, region.name_en, region.ne_name):
            names.extend((variant, code) for variant in _name_variants(name))
    for alias, code in _aliases():
        if code not in table:
            raise ValueError(f"{ALIASES_FILE.name}: {alias!r} -> {code!r}, not in the region table")
        names.append((alias, code))

    exact: dict[str, str] = {}
    for name, code in names:
        key = _key(name)
        if exact.setdefault(key, code) != code:
            raise ValueError(f"region name {name!r} is both {exact[key]} and {code}")
    translit = _unique(
        ((_key(name.casefold().replace("ё", "е").translate(_TRANSLIT)), code)
         for name, code in names if _CYRILLIC.search(name.casefold())),
        exact,
    )  # fmt: skip
    # Every key reduces, its own reduction included: "moscow" comes from both "Moscow" and
    # "Moscow Oblast", so a reduced "moscow" (say from "Moscow Krai") matches nothing.
    reduced = _unique(
        ((_reduced(key), code) for key, code in (*exact.items(), *translit.items())), {}
    )
    return _Lookup(exact, translit, reduced)


def _by_code(text: str) -> str | None:
    m = _CODE.match(text)
    if m is None:
        return None
    sub = m.group("sub").upper()
    country = (m.group("country") or "RU").upper()
    if m.group("sep") == ".":
        hasc = _HASC.get(f"{country}.{sub}")
        if hasc is not None:
            return hasc
    code = f"{country}-{sub}"
    return code if code in regions() else None


def normalise_region(text: str | None) -> str | None:
    """Any way sources name a region -> its ISO code from the region table; None if not recognised
    (never guess). 'unknown'-like values ("", "неизвестно", "unknown", "—") -> None as well."""
    if text is None:
        return None
    text = str(text).strip()
    if (code := _by_code(text)) is not None:
        return code
    if " ".join(_words(text)) in _UNKNOWN:
        return None
    key = _key(text)
    lookup = _lookup()
    candidates = [key]
    if _PARENTHESIS.search(text):  # "Башкортостан (Башкирия)": also the name outside the brackets
        candidates.append(_key(_PARENTHESIS.sub(" ", text)))
    for candidate in candidates:
        for table in (lookup.exact, lookup.translit):
            if candidate in table:
                return table[candidate]
    for candidate in candidates:
        if (code := lookup.reduced.get(_reduced(candidate))) is not None:
            return code
    return None
