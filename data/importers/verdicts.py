"""Read a verdict written in words (Russian or English) into the canonical punishment fields.

Sources state sentences in free text: OVD-Info's `verdict_essence` ("11 лет лишения свободы в
колонии строгого режима, штраф в размере 500 тысяч рублей"), its English twin ("6.5 years in a
general regime penal colony") and Memorial's HTML descriptions ("суд приговорил его к шести годам
и трём месяцам колонии общего режима"). `parse_verdict` turns one such wording into a `Verdict`;
`extract_verdict` finds the wording inside a longer description, and `read_sentence` reads, after
it, what an appeal or a cassation changed ("снизил срок до 13 лет 9 месяцев") into the sentence in
force.

The parser reads, it never guesses: a field the text does not state stays None, and a text with
nothing readable gives None, so the importer can report it instead of inventing a number.

How a text is read:
1. normalise it (lower case, ё -> е, NBSP -> space) and write number words as digits
   ("шести годам" -> "6 годам", "полутора" -> "1.5", "двух с половиной" -> "2.5");
2. find every term ("8 годам 6 месяцам", "6.5 years"), the probation term and the part served in
   a prison, next to the words that introduce them;
3. decide the kind of punishment from keywords by precedence (life > suspended > imprisonment >
   other principal punishments > fine), the regime, and the fine's amount (in parts too: "2
   миллионов 350 тысяч");
4. the principal term is the first term that is not the probation term; additional punishments
   (a ban on activities, restriction of freedom after a prison term) come after it and are ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import NamedTuple

from data.loader import strip_markup

MONTHS_PER_YEAR = 12
MAX_TERM_YEARS = 60  # a bigger "number + год" is a date ("1980 года"), not a term

IMPRISONMENT = "imprisonment"
LIFE = "life"
SUSPENDED = "suspended"
FINE = "fine"
FORCED_LABOUR = "forced_labour"
RESTRICTION = "restriction_of_freedom"
COMPULSORY_WORKS = "compulsory_works"
COMPULSORY_TREATMENT = "compulsory_treatment"
OTHER = "other"

PRISON = "prison"
# Kinds whose term is the one pronounced (sentence_months); life, fines, works in hours and
# treatment have no term.
TERM_KINDS = frozenset({IMPRISONMENT, SUSPENDED, FORCED_LABOUR, RESTRICTION, OTHER, None})
# Kinds a regime belongs to.
REGIME_KINDS = frozenset({IMPRISONMENT, SUSPENDED, LIFE, None})


@dataclass(frozen=True)
class Verdict:
    """A sentence as the canonical schema stores it (see shared/formats.md)."""

    punishment_type: str | None
    regime: str | None
    sentence_months: float | None
    prison_months: float | None
    probation_months: float | None
    fine_rub: int | None


class _Term(NamedTuple):
    """A duration found in the text, where it is, and its length in months."""

    start: int
    end: int
    months: float


# --- number words -------------------------------------------------------------------------------

# Russian 11-30 decline regularly: "-ь" (nominative), "-и" (genitive, dative), "-ью".
_REGULAR_STEMS_RU: MappingProxyType[str, int] = MappingProxyType(
    {
        "одиннадцат": 11,
        "двенадцат": 12,
        "тринадцат": 13,
        "четырнадцат": 14,
        "пятнадцат": 15,
        "шестнадцат": 16,
        "семнадцат": 17,
        "восемнадцат": 18,
        "девятнадцат": 19,
        "двадцат": 20,
        "тридцат": 30,
    }
)
# Every other form, listed rather than stemmed: a stem would also match unrelated words.
_SPELLED_NUMBERS: MappingProxyType[float, str] = MappingProxyType(
    {
        1: "один одного одному одним одном одна одной одну одно one",
        1.5: "полтора полторы полутора",
        2: "два две двух двум двумя two",
        3: "три трех трем тремя three",
        4: "четыре четырех четырем четырьмя four",
        5: "пять пяти пятью five",
        6: "шесть шести шестью six",
        7: "семь семи семью seven",
        8: "восемь восьми восемью восьмью eight",
        9: "девять девяти девятью nine",
        10: "десять десяти десятью ten",
        11: "eleven",
        12: "twelve",
        13: "thirteen",
        14: "fourteen",
        15: "fifteen",
        16: "sixteen",
        17: "seventeen",
        18: "eighteen",
        19: "nineteen",
        20: "twenty",
        30: "thirty",
        40: "сорок сорока forty",
        50: "пятьдесят пятидесяти пятьюдесятью fifty",
        60: "шестьдесят шестидесяти sixty",
        70: "семьдесят семидесяти seventy",
        80: "восемьдесят восьмидесяти eighty",
        90: "девяносто девяноста ninety",
        100: "сто ста",
        200: "двести двухсот двумстам",
        300: "триста трехсот тремстам",
        400: "четыреста четырехсот четыремстам",
        500: "пятьсот пятисот пятистам",
        600: "шестьсот шестисот",
        700: "семьсот семисот",
        800: "восемьсот восьмисот",
        900: "девятьсот девятисот",
    }
)


def _number_words() -> dict[str, float]:
    """Every inflected form of the number words that terms and fines use, mapped to its value.

    Russian declines numerals by case ("пять лет", "к пяти годам", "пятью годами"), so one value
    has several forms; the table is built once, at import.
    """
    words: dict[str, float] = {}
    for value, spelled in _SPELLED_NUMBERS.items():
        words.update(dict.fromkeys(spelled.split(), value))
    for stem, value in _REGULAR_STEMS_RU.items():
        words.update(dict.fromkeys((stem + "ь", stem + "и", stem + "ью"), value))
    return words


_NUMBER_WORDS = MappingProxyType(_number_words())
_HUNDRED_EN = "hundred"
_NUMBER_WORD_ALT = "|".join(sorted([*_NUMBER_WORDS, _HUNDRED_EN], key=len, reverse=True))
_NUMBER_RUN_RE = re.compile(rf"\b(?:{_NUMBER_WORD_ALT})(?:[\s-]+(?:{_NUMBER_WORD_ALT}))*\b")
_NUMBER_WORD_RE = re.compile(rf"\b(?:{_NUMBER_WORD_ALT})\b")

# --- normalisation ------------------------------------------------------------------------------

_SPACES_RE = re.compile(r"[\s\u00a0\u2007\u202f\u2009]+")
_DIGIT_SUFFIX_RE = re.compile(r"(\d)-(?:ти|ми|х|и|ью|ым|му|м)\b")  # "5-ти годам" -> "5 годам"
_DUPLICATE_NUMBER_RE = re.compile(r"\(\s*\d+(?:[.,]\d+)?\s*\)")  # "к 6 (шести) годам"
_HALF_AFTER_UNIT_RE = re.compile(r"(\d+)\s+(год\w*|лет|years?)\s+(?:с\s+половиной|and\s+a\s+half)")
_HALF_RE = re.compile(r"(\d+)\s+(?:с\s+половиной|and\s+a\s+half)\b")
_YEAR_AND_HALF_EN_RE = re.compile(r"\ba\s+year\s+and\s+a\s+half\b")
_HALF_YEAR_RE = re.compile(r"\b(?:пол\s*года|полугод[ау]|half\s+a\s+year)\b")
_BARE_YEAR_RU_RE = re.compile(r"\b(к|на)\s+(году|год)\b")  # "к году колонии" = one year
_ARTICLE_UNIT_EN_RE = re.compile(r"\ba\s+(year|month)\b")
_PAROLE_RE = re.compile(
    r"условно[\s-]*досрочн\w*|\bparole\w*|conditional(?:ly)?\s+(?:early\s+)?release\w*"
)
_LIFE_IN_PRISON_RE = re.compile(r"\blife\s+in\s+(?:a\s+)?prison\b")

# --- terms --------------------------------------------------------------------------------------

_NUM = r"\d+(?:[.,]\d+)?"
_YEARS = r"(?:год(?:а|ам|ами|у|ов|ы)?\b|лет\b|years?\b(?![\s-]*old)|yrs?\b)"
_MONTHS = r"(?:месяц(?:а|ам|ами|у|ев|ы|е)?\b|мес\b\.?|months?\b(?![\s-]*old))"
_TERM_RE = re.compile(
    rf"(?<![\d.,])(?:(?P<years>{_NUM})[\s-]*{_YEARS}"
    rf"(?:\s*(?:,|и|and)?\s*(?P<months>{_NUM})[\s-]*{_MONTHS})?"
    rf"|(?P<only_months>{_NUM})[\s-]*{_MONTHS})"
)
_HOURS_RE = re.compile(r"(?<![\d.,])\d+[\s-]*(?:час\w*|hours?\b)")

# --- kinds of punishment ------------------------------------------------------------------------

_LIFE_RE = re.compile(
    r"пожизненн|\blife[\s-]+(?:imprisonment|sentence|term)|\b(?:to|for)\s+life\b|^life$"
)
_SUSPENDED_RE = re.compile(r"условн|\bsuspended\b|\bconditional(?:ly)?\b")
_PROBATION_KEY_RE = re.compile(
    r"испытательн\w*\s+срок\w*|\bprobation(?:ary)?(?:\s+period)?\b(?:\s+(?:of|for))?"
)
_IMPRISONMENT_RE = re.compile(
    r"лишени\w*\s+свобод|колони|тюрьм|тюремн|режим|\bик\b|заключени\w*(?!\s+под\s+страж)"
    r"|реальн\w*\s+срок|imprison|\bprison\b|\bjail|\bcolony\b|\bregime\b|penal\s+settlement"
    r"|deprivation\s+of\s+(?:liberty|freedom)|incarcerat|behind\s+bars"
)
_FORCED_LABOUR_RE = re.compile(r"принудительн\w*\s+работ|\bforced\s+(?:labou?r|work)")
_REPLACED_RE = re.compile(r"замен\w*|replaced|commuted|substituted")
_RESTRICTION_RE = re.compile(
    r"ограничени\w*\s+свобод|restrict\w*\s+(?:of\s+)?(?:freedom|liberty)"
    r"|(?:freedom|liberty)\s+restriction|limitation\s+of\s+(?:freedom|liberty)"
)
_COMPULSORY_WORKS_RE = re.compile(
    r"обязательн\w*\s+работ|\b(?:compulsory|mandatory|obligatory)\s+(?:labou?r|works?)\b"
    r"|community\s+service"
)
_OTHER_WITH_TERM_RE = re.compile(
    r"исправительн\w*\s+работ|дисциплинарн\w*\s+(?:воинск\w*\s+)?част|дисбат"
    r"|ограничени\w*\s+по\s+военн\w*\s+служб|\bcorrect(?:ion|ive)al?\s+(?:labou?r|work)"
    r"|disciplinary\s+(?:military\s+)?(?:unit|battalion)"
)
_TREATMENT_RE = re.compile(
    r"принудительн\w*\s+(?:лечени|мер\w*\s+медицинск)|психиатрическ\w*\s+(?:стационар|больниц)"
    r"|(?:compulsory|forced|involuntary|mandatory)\s+(?:(?:psychiatric|medical)\s+)*treatment"
    r"|psychiatric\s+(?:hospital|clinic|ward)"
)
_BAN_RE = re.compile(
    r"запрет\w*|лишени\w*\s+права|\bban(?:ned)?\b|prohibit\w*|barred\s+from"
    r"|deprivation\s+of\s+the\s+right"
)
# The principal punishments other than imprisonment, in no order of precedence: the earliest
# mention wins ("к 2 годам принудительных работ с ограничением свободы ...").
_SECONDARY_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (FORCED_LABOUR, _FORCED_LABOUR_RE),
    (RESTRICTION, _RESTRICTION_RE),
    (OTHER, _OTHER_WITH_TERM_RE),
    (COMPULSORY_WORKS, _COMPULSORY_WORKS_RE),
    (COMPULSORY_TREATMENT, _TREATMENT_RE),
)
# A prosecutor's request is not a verdict: "прокурор запросил 7 лет колонии".
_REQUEST_RE = re.compile(
    r"прокурор|гособвинени|запросил\w*|просил\w*|просит|requested|demanded|prosecut"
)
_VERDICT_WORD_RE = re.compile(r"приговор|осужд|осудил|sentenced|convicted")

# --- regimes ------------------------------------------------------------------------------------

_REGIME_RES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("general", re.compile(r"общ(?:его|ий|ем|ую)\s+режим|\bgeneral[\s-]+(?:regime|security)")),
    ("strict", re.compile(r"строг(?:ого|ий|ом|ую)\s+режим|\bstrict[\s-]+(?:regime|security)")),
    ("special", re.compile(r"особ(?:ого|ый|ом|ую)\s+режим|\bspecial[\s-]+(?:regime|security)")),
    (
        "settlement",
        re.compile(
            r"колони\w*[\s-]*поселени|penal[\s-]+settlement|settlement[\s-]+colony"
            r"|colony[\s-]+settlement"
        ),
    ),
)
# "N лет тюрьмы", "тюремное заключение" and "N years of prison" are loose words for any
# imprisonment; only "в тюрьме", "in prison" and "тюремный режим" name the prison regime.
_PRISON_RE = re.compile(
    r"\bв\s+тюрьм|тюремн\w*\s+режим|\bin\s+(?:a\s+)?prison\b|\bprison[\s-]+regime"
)
# Words saying only part of the term is in a prison when no term is tied to "в тюрьме":
# "с отбыванием части срока в тюрьме", "первые 5 из которых — в тюрьме".
_PARTIAL_RE = re.compile(
    r"перв\w+|из\s+них|из\s+которых|част\w*|остальн\w*|\bfirst\b|of\s+which|\brest\b"
    r"|remainder|\bpart\b"
)
# The words that tie a term to "в тюрьме": "из них 5 лет — в тюрьме", "первых 4 лет в тюрьме",
# "4 годам лишения свободы в тюрьме", "the first 5 years in prison".
_PRISON_KEY_RE = re.compile(r"\bв\s+тюрьм\w*|\bin\s+(?:a\s+)?prison\b")
_PRISON_GAP_BEFORE_RE = re.compile(
    r"(?:\s|[—–:-]|лишения\s+свободы|срока|наказания|из\s+них|он|она|провед\w*|будет"
    r"|отбыва\w*|отбудет|of\s+(?:them|which|the\s+(?:term|sentence))|to\s+be|will\s+be"
    r"|served?|spent|of\s+imprisonment|imprisonment)*"
)
_PRISON_GAP_AFTER_RE = re.compile(r"\s*(?:for\s+)?(?:the\s+)?(?:первы\w+|first)\s*")
_PROBATION_GAP_AFTER_RE = re.compile(r"(?:\s|[—–:,-]|\bв\b|\bна\b|of|for|сроком|is)*")
_PROBATION_GAP_BEFORE_RE = re.compile(r"'?[\s-]*(?:of\s+)?(?:a\s+)?")

# --- fines --------------------------------------------------------------------------------------

_FINE_KEY = r"штраф\w*|\bfine[ds]?\b"
_FINE_KEY_RE = re.compile(_FINE_KEY)
_AMOUNT_NUM = r"\d{1,3}(?: \d{3})+(?!\d)|\d{1,3}(?:,\d{3})+(?![\d,])|\d+(?:[.,]\d+)?"
_MULTIPLIER = (
    r"тысяч\w*|тыс\b\.?|млн\b\.?|миллион\w*|млрд\b\.?|миллиард\w*"
    r"|thousand\b|million\b|mln\b|billion\b|bn\b"
)
_CURRENCY = r"рубл\w*|руб\b\.?|р\b\.|₽|roubles?\b|rubles?\b|rub\b\.?"
_FINE_GAP = (
    r"(?:\s|[:—–-]|в\s+размере|размером|в\s+сумме|на\s+сумму|суммой|\bв\b|\bна\b|\bof\b"
    r"|in\s+the\s+amount\s+of|amounting\s+to|totall?ing|rub\b\.?|руб\b\.?|₽)*"
)
_AMOUNT = rf"(?:(?P<num>{_AMOUNT_NUM})\s*(?P<mult>{_MULTIPLIER})?|\b(?P<bare>миллион\w*|million\b))"
_FINE_AFTER_KEY_RE = re.compile(rf"(?:{_FINE_KEY}){_FINE_GAP}{_AMOUNT}")
_FINE_BEFORE_KEY_RE = re.compile(
    rf"(?P<num>{_AMOUNT_NUM})\s*(?P<mult>{_MULTIPLIER})?[\s-]*(?:{_CURRENCY})?[\s-]*(?:{_FINE_KEY})"
)
_CURRENCY_AMOUNT_RE = re.compile(
    rf"(?P<num>{_AMOUNT_NUM})\s*(?P<mult>{_MULTIPLIER})?\s*(?:{_CURRENCY})"
    rf"|(?:rub\b\.?|₽)\s*(?P<num2>{_AMOUNT_NUM})\s*(?P<mult2>{_MULTIPLIER})?"
)
_NOT_FINE_RE = re.compile(
    r"ущерб|компенсац|взыск|иск\b|конфиск|возмещ|damage|compensation|restitution|confiscat"
)
_THOUSANDS_GROUPED_RE = re.compile(r"\d{1,3}(?:[.,]\d{3})+")
# An amount in parts, each smaller than the multiplier before it: "2 миллионов 350 тысяч",
# "1 млн 200 тыс.", "2 million and 350 thousand", "3 млн 50 тысяч 500 рублей" (a last part without
# a multiplier only right before the currency, so "1 млн 2 года" stays one part).
_AMOUNT_PART = (
    rf"\s*(?:(?:и|and)\s+)?(?P<num>{_AMOUNT_NUM})\s*(?:(?P<mult>{_MULTIPLIER})|(?=(?:{_CURRENCY})))"
)
_AMOUNT_PART_RE = re.compile(_AMOUNT_PART)
_COMPOUND_AMOUNT_RE = re.compile(
    rf"(?<![\d.,])(?:{_AMOUNT_NUM})\s*(?:{_MULTIPLIER})"
    rf"(?:\s*(?:(?:и|and)\s+)?(?:{_AMOUNT_NUM})\s*(?:{_MULTIPLIER}|(?=(?:{_CURRENCY}))))+"
)
_MULTIPLIERS: tuple[tuple[str, int], ...] = (
    ("тыс", 1_000),
    ("thousand", 1_000),
    ("млн", 1_000_000),
    ("миллион", 1_000_000),
    ("million", 1_000_000),
    ("mln", 1_000_000),
    ("млрд", 1_000_000_000),
    ("миллиард", 1_000_000_000),
    ("billion", 1_000_000_000),
    ("bn", 1_000_000_000),
)

# Words that may surround a bare term ("приговор: 7 лет", "к 7 годам") without naming a kind.
_FILLER_RE = re.compile(
    r"\b(?:к|на|в|срок\w*|приговор\w*|суд|его|ее|их|ему|ей|им|наказани\w*|виде|заочно|итого"
    r"|in|absentia|sentenced?|to|a|an|of|term|total|him|her|them)\b|[^\w]"
)

# --- extraction from descriptions ---------------------------------------------------------------

_BLOCK_TAG_RE = re.compile(
    r"<\s*/?\s*(?:p|br|div|li|ul|ol|h\d|tr|td|table|blockquote)\b[^>]*>", re.I
)
# Where a verdict's wording starts in a description, and whether a prosecutor's request could
# use the same words ("прокурор просит назначить наказание в виде 8 лет").
_VERDICT_STARTS: tuple[tuple[re.Pattern[str], bool], ...] = (
    # "приговорил его к", "приговорён заочно к", "был приговорён Мещанским судом к"
    (
        re.compile(
            r"приговор(?:ил[аи]?|[её]н[аоы]?|[её]нн\w+)(?:\s+[^\s\d.;!?]+){0,8}?\s+(?=к\s)", re.I
        ),
        False,
    ),
    # "осуждён к", "осудил его на 6 лет"
    (
        re.compile(
            r"(?:осужд[её]н\w*|осудил[аи]?)(?:\s+[^\s\d.;!?]+){0,6}?\s+(?=(?:к|на)\s)", re.I
        ),
        False,
    ),
    # "суд назначил ему наказание в виде 7 лет лишения свободы"
    (re.compile(r"наказани\w*\s+в\s+виде\s+", re.I), True),
    # "Приговор: 7 лет колонии", "приговор — штраф"
    (re.compile(r"\bприговор\s*[:—–-]\s*", re.I), False),
    # "получил 6 лет колонии" (kept only when what follows reads as a verdict)
    (re.compile(r"\bполучил[аи]?\s+", re.I), False),
    (re.compile(r"\bsentenced(?:\s+[^\s\d.;!?]+){0,4}?\s+to\s+", re.I), False),
)
_REQUEST_BEFORE_RE = re.compile(r"прокурор|обвинени|прос\w+|запрос\w*|требова\w*", re.I)
_REQUEST_WINDOW = 60
# A sentence ends at ; or a newline, or at . ! ? before the end, a capital letter, or a date
# ("режима. 10 октября 2023 года суд апелляционной инстанции…" starts a new sentence).
_SENTENCE_END_RE = re.compile(
    r";|\n|[.!?](?=\s*$|\s*\n|\s+[A-ZА-ЯЁ«\"„(]|\s+\d{1,2}(?:\s+[а-я]+\s+|\.\d{1,2}\.)\d{4})"
)

# --- changes by a higher court ------------------------------------------------------------------

# What an appeal, a cassation or the Supreme Court did to the first-instance verdict, in the past
# tense, the passive or a gerund ("снизил", "срок был снижен", "изменил приговор, снизив"); a
# request ("просил снизить") or a hope ("снизит") uses other forms and is never read.
_PAST = r"(?:а|и|о)?"  # снизил, снизила, снизили
_SHORT = r"(?:а|о|ы)?"  # снижен, снижена, снижено, снижены
_DOWN_VERBS = (
    rf"(?:снизил|сократил|смягчил|уменьшил){_PAST}"
    rf"|(?:снижен|сокращ[её]н|смягч[её]н|уменьш[её]н){_SHORT}|снизив|сократив|смягчив|уменьшив"
)
_UP_VERBS = (
    rf"(?:ужесточил|увеличил|усилил){_PAST}|(?:ужесточ[её]н|увеличен|усилен){_SHORT}"
    r"|ужесточив|увеличив|усилив"
)
_NEUTRAL_VERBS = rf"изменил{_PAST}|измен[её]н{_SHORT}|изменив"  # not "без изменений"
_DOWN_RE = re.compile(rf"\b(?:{_DOWN_VERBS})\b", re.I)
_UP_RE = re.compile(rf"\b(?:{_UP_VERBS})\b", re.I)
# "снизил срок до 13 лет" (the new term) or "снизил срок на 3 месяца" (by how much).
_CHANGE_RE = re.compile(
    rf"\b(?:{_DOWN_VERBS}|{_UP_VERBS}|{_NEUTRAL_VERBS})\b"
    r"(?P<object>(?:\s+[^\s\d.;!?]+){0,6}?)\s+(?P<prep>до|на)\s+",
    re.I,
)
# The change is to the principal punishment: its term ("срок"), the punishment or the verdict.
_PRINCIPAL_OBJECT_RE = re.compile(r"срок|наказани|приговор", re.I)
# ... and not to a probation, an additional punishment or a fine, which the in-force verdict
# does not restate ("сократил испытательный срок до 1 года", "снизил штраф до 100 тысяч").
_OTHER_OBJECT_RE = re.compile(
    r"испытательн|дополнительн|запрет|лишени\w*\s+прав|штраф|сумм|обязательн", re.I
)
_RESTRICTION_OBJECT_RE = re.compile(r"ограничени\w*\s+свобод", re.I)
# "заменил лишение свободы на 2 года принудительных работ", "заменил наказание принудительными
# работами на срок 2 года".
_REPLACE_RE = re.compile(rf"\b(?:заменил{_PAST}|замен[её]н{_SHORT}|заменив)\b", re.I)
_REPLACE_TARGET_RE = re.compile(r"\bна\s+")
# The kinds a replacement can name; the first one named is what is replaced, the next kind named
# ("лишение свободы принудительными работами") is what replaces it.
_REPLACEMENT_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    *_SECONDARY_KINDS[:4],
    (IMPRISONMENT, re.compile(r"лишени\w*\s+свобод|колони|тюрьм")),
    (SUSPENDED, _SUSPENDED_RE),
    (FINE, _FINE_KEY_RE),
)
# "отменил приговор", "приговор был отменён"; not "отменил приговор в части взыскания", nor the
# appeal court's own verdict ("отменил приговор апелляционной инстанции"), nor "отменить".
# The verdict quashed, or the person acquitted on appeal ("апелляционный суд оправдал его"):
# either way no sentence is in force. "оправдание терроризма" (an article) is not an acquittal.
_QUASH_RE = re.compile(
    rf"\b(?:отменил{_PAST}|отменив)(?:\s+[^\s\d.;!?]+){{0,3}}?\s+приговор[а-яё]*"
    rf"|\bприговор[а-яё]*(?:\s+[^\s\d.;!?]+){{0,2}}?\s+отмен[её]н{_SHORT}\b"
    rf"|\bоправда(?:л{_PAST}|н{_SHORT}|в)\b",
    re.I,
)
_PARTIAL_QUASH_RE = re.compile(r"частичн\w*|\bв\s+части\b", re.I)
_APPEAL_VERDICT_RE = re.compile(r"апелляцион\w*\s+приговор|приговор\w*\s+апелляцион", re.I)
_PARTIAL_QUASH_AFTER_RE = re.compile(r"\s+(?:в\s+части|апелляцион|суда\s+апелляцион)", re.I)
# Words that make a change hypothetical or denied: "не снизил", "чтобы срок был увеличен",
# "может быть снижен".
_NOT_DONE_RE = re.compile(
    r"\bне\b(?!\s+менее)|\b(?:бы|чтобы|если|мож(?:ет|ем|ете|но)|мог(?:ут|ла|ли|ло)?|будет"
    r"|будут|долж\w*|вправе|отказал\w*)\b",
    re.I,
)
# A change named within the first-instance wording itself is read only after these words: the
# first court's own "заменив их принудительными работами" is part of its verdict.
_HIGHER_COURT_RE = re.compile(r"апелляц|кассац|верховн|вышестоящ|обжалова", re.I)
_CLAUSE_START_RE = re.compile(r"[.;!?\n,(]")
# Where the words after a change's new term may be dropped: "до 6 лет, зачтя ...", "на 2 года —
# до 9 лет".
_PART_BREAK_RE = re.compile(r",|\s[—–]\s")


# --- helpers ------------------------------------------------------------------------------------


def _format_number(value: float) -> str:
    """Digits for a value, without a trailing ".0", so the term regex reads it like typed text."""
    return str(int(value)) if value == int(value) else str(value)


def _number_run_value(run: str) -> float:
    """The value of consecutive number words: "двадцати двум" = 22, "one hundred" = 100."""
    total = 0.0
    for word in _NUMBER_WORD_RE.findall(run):
        if word == _HUNDRED_EN:
            total = (total or 1) * 100
        else:
            total += _NUMBER_WORDS[word]
    return total


def _words_to_digits(text: str) -> str:
    """Write number words, halves and "год"/"a year" without a number as digits."""
    text = _NUMBER_RUN_RE.sub(lambda m: _format_number(_number_run_value(m[0])), text)
    text = _YEAR_AND_HALF_EN_RE.sub("1.5 years", text)
    text = _HALF_AFTER_UNIT_RE.sub(lambda m: f"{_format_number(float(m[1]) + 0.5)} {m[2]}", text)
    text = _HALF_RE.sub(lambda m: _format_number(float(m[1]) + 0.5), text)
    text = _HALF_YEAR_RE.sub("6 месяцев", text)
    text = _BARE_YEAR_RU_RE.sub(r"\1 1 \2", text)
    return _ARTICLE_UNIT_EN_RE.sub(r"1 \1", text)


def _normalize(text: str) -> str:
    """One spelling for every way of writing the same verdict, so the patterns stay simple."""
    text = _SPACES_RE.sub(" ", text.lower().replace("ё", "е")).strip()
    text = _DIGIT_SUFFIX_RE.sub(r"\1", text)
    text = _words_to_digits(text)
    text = _DUPLICATE_NUMBER_RE.sub(" ", text)
    text = _PAROLE_RE.sub(" ", text)
    text = _LIFE_IN_PRISON_RE.sub("life imprisonment", text)
    return _SPACES_RE.sub(" ", text).strip()


def _to_float(number: str) -> float:
    return float(number.replace(",", "."))


def _find_terms(text: str) -> list[_Term]:
    """Every duration in the text, in order; years beyond MAX_TERM_YEARS are dates and skipped."""
    terms = []
    for match in _TERM_RE.finditer(text):
        if match["only_months"] is not None:
            months = _to_float(match["only_months"])
        else:
            years = _to_float(match["years"])
            if years > MAX_TERM_YEARS:
                continue
            extra = _to_float(match["months"]) if match["months"] else 0.0
            months = years * MONTHS_PER_YEAR + extra
        terms.append(_Term(match.start(), match.end(), round(months, 2)))
    return terms


def _term_after(text: str, terms: list[_Term], pos: int, gap: re.Pattern[str]) -> _Term | None:
    """The first term starting after `pos` when only `gap` words lie between them."""
    for term in terms:
        if term.start >= pos:
            return term if gap.fullmatch(text, pos, term.start) else None
    return None


def _term_before(text: str, terms: list[_Term], pos: int, gap: re.Pattern[str]) -> _Term | None:
    """The last term ending before `pos` when only `gap` words lie between them."""
    for term in reversed(terms):
        if term.end <= pos:
            return term if gap.fullmatch(text, term.end, pos) else None
    return None


def _find_probation(text: str, terms: list[_Term]) -> _Term | None:
    """The probation term: "испытательным сроком 2 года", "2 years of probation"."""
    for key in _PROBATION_KEY_RE.finditer(text):
        term = _term_after(text, terms, key.end(), _PROBATION_GAP_AFTER_RE)
        term = term or _term_before(text, terms, key.start(), _PROBATION_GAP_BEFORE_RE)
        if term is not None:
            return term
    return None


def _find_prison_part(text: str, terms: list[_Term]) -> _Term | None:
    """The term said to be served in a prison ("из них 5 лет — в тюрьме"), if one is."""
    for key in _PRISON_KEY_RE.finditer(text):
        term = _term_before(text, terms, key.start(), _PRISON_GAP_BEFORE_RE)
        term = term or _term_after(text, terms, key.end(), _PRISON_GAP_AFTER_RE)
        if term is not None:
            return term
    return None


def _colony_regimes(text: str) -> list[str]:
    """The colony regimes the text names (not the prison), each once, in a fixed order."""
    return [name for name, pattern in _REGIME_RES if pattern.search(text)]


def _punishment_type(text: str) -> str | None:
    """The kind of the principal punishment, by precedence; None when no kind is named."""
    if _LIFE_RE.search(text):
        return LIFE
    if _SUSPENDED_RE.search(text) or _PROBATION_KEY_RE.search(text):
        return SUSPENDED
    forced = _FORCED_LABOUR_RE.search(text)
    if forced and _REPLACED_RE.search(text):  # "лишение свободы с заменой принудительными работами"
        return FORCED_LABOUR
    if _IMPRISONMENT_RE.search(text):
        return IMPRISONMENT
    mentioned = [
        (match.start(), kind)
        for kind, pattern in _SECONDARY_KINDS
        if (match := pattern.search(text)) is not None
    ]
    if mentioned:
        return min(mentioned)[1]
    if _FINE_KEY_RE.search(text):
        return FINE
    if _BAN_RE.search(text):
        return OTHER
    return None


def _multiplier_value(multiplier: str | None) -> int:
    """1_000 for "тысяч", "тыс." and "thousand", 1_000_000 for "млн" ...; 1 without one."""
    if not multiplier:
        return 1
    return next(value for prefix, value in _MULTIPLIERS if multiplier.startswith(prefix))


def _amount(number: str | None, multiplier: str | None) -> int | None:
    """Roubles from "900 000", "1,000,000", "1,5" + "млн", "500" + "тысяч", "" + "миллиона"."""
    factor = _multiplier_value(multiplier)
    if number is None:
        return factor if multiplier else None
    digits = number.replace(" ", "")
    if multiplier is None and _THOUSANDS_GROUPED_RE.fullmatch(digits):
        value = float(digits.replace(",", "").replace(".", ""))
    else:
        value = _to_float(digits)
    return round(value * factor)


def _joined_amount(match: re.Match[str]) -> str:
    """An amount in parts as one number: "2 миллионов 350 тысяч" -> "2350000".

    Each part must be smaller than the multiplier before it ("1 млн 2000 тысяч" is no sum of
    parts); otherwise the text is left as it is and only its first part is read, as before.
    """
    total, pos, factor = 0, match.start(), None
    while pos < match.end():
        part = _AMOUNT_PART_RE.match(match.string, pos)
        if part is None:
            return match[0]
        value = _amount(part["num"], part["mult"]) or 0
        part_factor = _multiplier_value(part["mult"])
        if factor is not None and (part_factor >= factor or value >= factor):
            return match[0]
        total, pos, factor = total + value, part.end(), part_factor
    return str(total)


def _sum_after_fine(text: str) -> re.Match[str] | None:
    """A sum in roubles further on from "штраф" ("штраф, размер которого составил 500 тысяч
    рублей"), unless damages or confiscation come between: those sums are not the fine."""
    key = _FINE_KEY_RE.search(text)
    if key is None:
        return None
    match = _CURRENCY_AMOUNT_RE.search(text, key.end())
    if match is None or _NOT_FINE_RE.search(text, key.end(), match.start()):
        return None
    return match


def _find_fine(text: str) -> int | None:
    """The fine in roubles, read next to "штраф"/"fine"; a bare sum only when it is all there is."""
    text = _COMPOUND_AMOUNT_RE.sub(_joined_amount, text)
    if _FINE_KEY_RE.search(text):
        match = _FINE_AFTER_KEY_RE.search(text)
        if match is not None:
            return _amount(match["num"], match["mult"] or match["bare"])
        match = _FINE_BEFORE_KEY_RE.search(text) or _sum_after_fine(text)
    else:
        match = _CURRENCY_AMOUNT_RE.fullmatch(text.strip(" .;:"))
    if match is None:
        return None
    if match["num"] is not None:
        return _amount(match["num"], match["mult"])
    return _amount(match["num2"], match["mult2"])


def _without_request(text: str) -> str | None:
    """The text without a prosecutor's request, which states a term that is not the verdict.

    "приговорён к 6 годам, прокурор просил 8" keeps what precedes the request; "прокурор
    запросил 7 лет, суд приговорил к 6 годам" keeps what follows; a request alone gives None.
    """
    request = _REQUEST_RE.search(text)
    if request is None:
        return text
    if _VERDICT_WORD_RE.search(text, 0, request.start()):
        return text[: request.start()]
    verdict = _VERDICT_WORD_RE.search(text, request.end())
    return text[verdict.start() :] if verdict else None


def _only_filler(text: str, terms: list[_Term]) -> bool:
    """True when, terms aside, the text holds only words like "к", "приговор", "sentenced to"."""
    pieces, pos = [], 0
    for term in terms:
        pieces.append(text[pos : term.start])
        pos = term.end
    pieces.append(text[pos:])
    return not _FILLER_RE.sub("", " ".join(pieces)).strip("_ ")


def _is_bare_term(text: str, terms: list[_Term], main: _Term | None) -> bool:
    """True for a term with no kind and nothing else ("к 7 годам", "приговор: 7 лет").

    Such a term is read as it stands; hours ("к 240 часам") or any other words ("к 7 годам за
    репост", "дело прекращено через 2 года") leave the text unreadable.
    """
    return main is not None and _HOURS_RE.search(text) is None and _only_filler(text, terms)


def _sentence_months(text: str, kind: str | None, main: _Term | None) -> float | None:
    """The principal term, for the kinds that have one (not life, fines, hours, treatment)."""
    if main is None or kind not in TERM_KINDS:
        return None
    if kind == OTHER and not _OTHER_WITH_TERM_RE.search(text):
        return None  # a ban alone: its term is not a sentence
    return main.months


def _regime_and_prison(
    text: str, terms: list[_Term], main: _Term | None
) -> tuple[str | None, float | None]:
    """The regime and the months served in a prison.

    A whole term "в тюрьме" is the prison regime; a part ("первых 4 лет в тюрьме") keeps the
    colony regime named for the rest. Two different colony regimes are a contradiction: None.
    """
    regimes = _colony_regimes(text)
    colony = regimes[0] if len(regimes) == 1 else None
    if not _PRISON_RE.search(text):
        return colony, None
    part = _find_prison_part(text, terms)
    if part is not None and part != main:
        return colony, part.months
    if part is None and _PARTIAL_RE.search(text):
        return colony, None  # some of the term in a prison, but how much is not said
    if regimes:  # the whole term in a prison, yet a colony named too: do not guess
        return None, None
    return PRISON, main.months if main else None


# --- public interface ---------------------------------------------------------------------------


def parse_verdict(text: str | None) -> Verdict | None:
    """None when the text is empty or says nothing that can be read (never guess)."""
    if text is None or not text.strip():
        return None
    norm = _without_request(_normalize(text))
    if norm is None:
        return None
    terms = _find_terms(norm)
    probation = _find_probation(norm, terms)
    main = next((term for term in terms if term != probation), None)
    fine = _find_fine(norm)
    kind = _punishment_type(norm) or (FINE if fine is not None else None)
    if kind is None and not _is_bare_term(norm, terms, main):
        return None
    sentence = _sentence_months(norm, kind, main)
    regime, prison = _regime_and_prison(norm, terms, main)
    if kind not in REGIME_KINDS or (kind == LIFE and regime == PRISON):
        regime = None
    if kind != IMPRISONMENT or sentence is None:
        prison = None
    return Verdict(
        punishment_type=kind,
        regime=regime,
        sentence_months=sentence,
        prison_months=prison,
        probation_months=probation.months if probation else None,
        fine_rub=fine,
    )


def _clean_description(description: str) -> str:
    """Plain text of an HTML description; paragraphs and line breaks become newlines."""
    return strip_markup(_BLOCK_TAG_RE.sub("\n", description), keep_lines=True)


def _fragment(text: str, start: int) -> str:
    """From `start` to the end of its sentence ("тыс. рублей" and "6.5" do not end it)."""
    end = _SENTENCE_END_RE.search(text, start)
    return text[start : end.start() if end else len(text)].strip(" ,:;—–-")


def _is_request(text: str, start: int) -> bool:
    """True when the words just before `start` are a prosecutor's request, not the court's."""
    return bool(_REQUEST_BEFORE_RE.search(text, max(0, start - _REQUEST_WINDOW), start))


def _verdict_starts(text: str, pos: int = 0) -> list[int]:
    """Where a verdict's wording may start in a plain-text description, from `pos` on."""
    return sorted(
        match.end()
        for pattern, may_be_request in _VERDICT_STARTS
        for match in pattern.finditer(text, pos)
        if not (may_be_request and _is_request(text, match.start()))
    )


def _first_verdict(text: str) -> tuple[int, str] | None:
    """Where the first readable verdict wording starts, and the wording."""
    for start in _verdict_starts(text):
        fragment = _fragment(text, start)
        if fragment and parse_verdict(fragment) is not None:
            return start, fragment
    return None


def extract_verdict(description: str | None) -> str | None:
    """From a longer Russian description (may contain HTML tags such as <p>, entities like &nbsp;),
    return the sentence fragment that states the verdict, e.g. from
    "<p>... Южный окружной военный суд приговорил его к 19 годам лишения свободы, из них 5 лет — в
    тюрьме, остальные — в колонии строгого режима.</p>"
    return "к 19 годам лишения свободы, из них 5 лет — в тюрьме, остальные — в колонии строгого
    режима"; from "... приговорён к 12,5 годам колонии строгого режима." return "к 12,5 годам
    колонии строгого режима".
    Return None when the description states no verdict (e.g. "Находится в СИЗО, идёт суд.").
    Recognise приговорил(а) его/её/их к..., приговорён/приговорена/приговорены к..., "суд назначил
    ... наказание в виде ...", and similar.

    The first fragment that `parse_verdict` can read wins: a first-instance verdict comes before
    any appeal, and a fragment it cannot read ("получил повестку") is not a verdict.
    """
    if description is None or not description.strip():
        return None
    found = _first_verdict(_clean_description(description))
    return found[1] if found else None


# --- the sentence in force ----------------------------------------------------------------------


@dataclass(frozen=True)
class SentenceReading:
    """A description's first-instance verdict and the sentence in force after a higher court.

    Memorial states the first verdict, then what an appeal, a cassation or the Supreme Court did
    ("снизил срок до 13 лет 9 месяцев"); the first verdict is what the court pronounced, the one
    in force is what is being served.
    """

    first: Verdict  # the first-instance verdict, as parse_verdict reads it
    in_force: Verdict | None  # after the last change; == first when none; None when quashed
    wording: str  # the first-instance wording (what extract_verdict returns)
    changes: tuple[str, ...]  # the wordings of the later changes that were applied, in order
    quashed: bool = False

    @property
    def changed(self) -> bool:
        """True when a higher court changed or quashed the first verdict."""
        return self.quashed or self.in_force != self.first


class _Event(NamedTuple):
    """A wording after the first verdict that may change it, and which kind of change it is."""

    start: int
    kind: str  # "change", "replace", "quash" or "verdict"
    match: re.Match[str] | None


def _clause_before(text: str, pos: int, floor: int) -> str:
    """The words of the clause that leads up to `pos` ("срок был" in "Позже срок был снижен")."""
    start = max((m.end() for m in _CLAUSE_START_RE.finditer(text, floor, pos)), default=floor)
    return text[start:pos]


def _is_done(text: str, match: re.Match[str], floor: int) -> bool:
    """False for a denied or hypothetical change: "не снизил", "чтобы срок был увеличен"."""
    return not _NOT_DONE_RE.search(_clause_before(text, match.start(), floor) + match[0])


def _has_quantity(verdict: Verdict) -> bool:
    """True when a verdict states how much: a term for the kinds that have one, a fine's sum."""
    if verdict.punishment_type in TERM_KINDS:
        return verdict.sentence_months is not None
    if verdict.punishment_type == FINE:
        return verdict.fine_rub is not None
    return True


def _read_part(fragment: str, prefix: str = "") -> tuple[Verdict, str] | None:
    """The verdict a change states after "до"/"на", and the words it was read from.

    What follows a comma or a dash is read with it ("до 5 лет, постановив считать его условным")
    or, when it is unreadable on its own, dropped ("до 6 лет, зачтя время под домашним арестом");
    a comma followed by a punishment ("до 6 лет, исключив штраф") leaves the change unread.
    """
    verdict = parse_verdict(prefix + fragment)
    if verdict is not None and verdict.sentence_months is not None:
        return verdict, fragment
    brk = _PART_BREAK_RE.search(fragment)
    if brk is None or parse_verdict(fragment[brk.end() :]) is not None:
        return None
    head = fragment[: brk.start()]
    verdict = parse_verdict(prefix + head)
    if verdict is None or verdict.sentence_months is None:
        return None
    return verdict, head.rstrip(" —–-")


def _merge(prev: Verdict, new: Verdict) -> Verdict | None:
    """The verdict in force after `new` changes `prev`: what `new` states, the rest from `prev`.

    A term with no kind ("до 10 лет") keeps the previous kind, unless that kind has no term
    (life, a fine): then which punishment is meant is not said, and None is returned.
    """
    if new.punishment_type is None and prev.punishment_type not in TERM_KINDS:
        return None
    kind = new.punishment_type or prev.punishment_type
    same = kind == prev.punishment_type
    sentence = new.sentence_months
    prison = new.prison_months
    if prison is None and same and prev.prison_months is not None and sentence is not None:
        if prev.regime == PRISON and prev.prison_months == prev.sentence_months:
            prison = sentence  # the whole term in a prison, before and after
        elif prev.prison_months < sentence:
            prison = prev.prison_months  # a part longer than the new term cannot still hold
    regime = new.regime or (prev.regime if same else None)
    if regime == PRISON and prison is None:
        regime = None
    probation = new.probation_months or (prev.probation_months if same else None)
    fine = new.fine_rub
    if fine is None and not (prev.punishment_type == FINE and kind != FINE):
        fine = prev.fine_rub
    return Verdict(
        punishment_type=kind,
        regime=regime if kind in REGIME_KINDS else None,
        sentence_months=sentence,
        prison_months=prison if kind == IMPRISONMENT and sentence is not None else None,
        probation_months=probation if kind == SUSPENDED else None,
        fine_rub=fine,
    )


def _direction(text: str, match: re.Match[str]) -> int:
    """-1 for "снизил", +1 for "ужесточил", 0 for "изменил" (unless "изменил, снизив")."""
    words = text[match.start() : match.start("object") + len(match["object"])]
    down, up = _DOWN_RE.search(words), _UP_RE.search(words)
    if down and up:
        return 0
    return -1 if down else 1 if up else 0


def _contradicts(direction: int, prev: Verdict, new: Verdict) -> bool:
    """True for "снизил" to a longer term of the same punishment, or "ужесточил" to a shorter."""
    if new.punishment_type not in (None, prev.punishment_type):
        return False
    if prev.sentence_months is None or new.sentence_months is None:
        return False
    return direction * (new.sentence_months - prev.sentence_months) < 0


def _read_change(
    text: str, match: re.Match[str], prev: Verdict, floor: int
) -> tuple[Verdict, str] | None:
    """The verdict after "снизил срок до 13 лет" / "на 3 месяца", or None when not readable."""
    about = _clause_before(text, match.start(), floor) + match["object"]
    if not _PRINCIPAL_OBJECT_RE.search(about) or _OTHER_OBJECT_RE.search(about):
        return None
    if _RESTRICTION_OBJECT_RE.search(about) and prev.punishment_type != RESTRICTION:
        return None  # the term of a restriction of freedom added to a prison term
    fragment = _fragment(text, match.end())
    direction = _direction(text, match)
    if match["prep"].lower() == "на":  # by how much
        read = _read_part(fragment, prefix="на ")
        if read is None or direction == 0 or prev.sentence_months is None:
            return None
        by, words = read
        if by.punishment_type not in (None, prev.punishment_type) or by.sentence_months is None:
            return None
        months = round(prev.sentence_months + direction * by.sentence_months, 2)
        new = Verdict(None, None, months, None, None, None) if months > 0 else None
    else:  # the new term
        read = _read_part(fragment)
        if read is None:
            return None
        new, words = read
        if _contradicts(direction, prev, new):
            return None
    merged = _merge(prev, new) if new is not None else None
    if merged is None:
        return None
    return merged, text[match.start() : match.end()] + words


def _read_replacement(text: str, match: re.Match[str], prev: Verdict) -> tuple[Verdict, str] | None:
    """The verdict after "заменил лишение свободы на 2 года принудительных работ"."""
    fragment = _fragment(text, match.end())
    norm = _normalize(fragment)
    target = _REPLACE_TARGET_RE.search(norm)
    candidates = [norm[target.end() :]] if target else []
    named = sorted(
        (found.start(), kind)
        for kind, pattern in _REPLACEMENT_KINDS
        for found in pattern.finditer(norm)
    )
    if named:
        replacing = next((pos for pos, kind in named if kind != named[0][1]), named[0][0])
        candidates.append(norm[replacing:])
    for candidate in candidates:
        new = parse_verdict(candidate)
        if new is None or new.punishment_type in (None, prev.punishment_type):
            continue
        if not _has_quantity(new):
            continue
        merged = _merge(prev, new)
        if merged is not None:
            return merged, _fragment(text, match.start())
    return None


def _is_quash(text: str, match: re.Match[str], floor: int) -> bool:
    """True for the whole verdict quashed; not "частично отменил", "отменил приговор в части"."""
    words = _clause_before(text, match.start(), floor) + match[0]
    if _PARTIAL_QUASH_RE.search(words) or _APPEAL_VERDICT_RE.search(words):
        return False
    return not _PARTIAL_QUASH_AFTER_RE.match(text, match.end())


def _events(text: str, start: int, end: int) -> list[_Event]:
    """Every wording from `start` on that may change the verdict worded from `start` to `end`.

    Inside the first-instance wording only what follows a higher court's name counts.
    """
    events = [
        _Event(found.start(), kind, found)
        for kind, pattern in (
            ("change", _CHANGE_RE),
            ("replace", _REPLACE_RE),
            ("quash", _QUASH_RE),
        )
        for found in pattern.finditer(text, start)
        if found.start() >= end or _HIGHER_COURT_RE.search(text, start, found.start())
    ]
    events += [_Event(pos, "verdict", None) for pos in _verdict_starts(text, end)]
    return sorted(events, key=lambda event: event.start)


def _sentence_end(text: str, pos: int) -> int:
    end = _SENTENCE_END_RE.search(text, pos)
    return end.end() if end else len(text)


def read_sentence(description: str | None) -> SentenceReading | None:
    """None when the description states no verdict (extract_verdict gives None).

    The first-instance verdict is what `extract_verdict` finds; each later wording of a higher
    court's decision changes it in turn, so the last one is in force: a new term ("снизил срок до
    13 лет 9 месяцев", "ужесточил наказание до 10 лет строгого режима"), a difference ("снизил
    срок на 3 месяца"), another punishment ("заменил лишение свободы на 2 года принудительных
    работ") or the verdict quashed ("отменил приговор"), after which a new verdict ("при новом
    рассмотрении приговорил к 6 годам") is in force. A wording that cannot be read, is denied or
    hypothetical ("не снизил", "просил снизить"), or does not say which punishment it changes is
    not applied: the reader does not guess.
    """
    if description is None or not description.strip():
        return None
    text = _clean_description(description)
    found = _first_verdict(text)
    if found is None:
        return None
    start, wording = found
    first = parse_verdict(wording)
    if first is None:  # _first_verdict only returns readable wordings
        return None
    in_force: Verdict | None = first
    changes: list[str] = []
    retrial_from = len(text)  # a new verdict counts only after the sentence that quashes
    for event in _events(text, start, start + len(wording)):
        if event.kind == "verdict":
            retrial = _fragment(text, event.start) if event.start >= retrial_from else ""
            verdict = parse_verdict(retrial) if retrial and in_force is None else None
            if verdict is not None:
                in_force, retrial_from = verdict, len(text)
                changes.append(retrial)
            continue
        match = event.match
        if match is None or in_force is None or not _is_done(text, match, start):
            continue
        if event.kind == "quash":
            if _is_quash(text, match, start):
                in_force, retrial_from = None, _sentence_end(text, match.end())
                changes.append(_fragment(text, match.start()))
            continue
        if event.kind == "change":
            read = _read_change(text, match, in_force, start)
        else:
            read = _read_replacement(text, match, in_force)
        if read is not None:
            in_force = read[0]
            changes.append(read[1])
    return SentenceReading(
        first=first,
        in_force=in_force,
        wording=wording,
        changes=tuple(changes),
        quashed=in_force is None,
    )
