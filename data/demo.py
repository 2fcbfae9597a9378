"""A deterministic generator of invented records with the shape of the real lists.

Same seed and same `as_of`, same data. The shape follows what the published lists show: a few case
families (anti-war speech, Hizb ut-Tahrir, Jehovah's Witnesses, treason, ...) each with its own
articles, regions, period and sentences, and a surge of cases after 24 February 2022. Every record
is invented: the names are visibly made up ("Выдумкин", "Тестович"), `source` is "demo", and the
interface says so on every page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np
import pandas as pd

from data.dataset import Dataset, SourceInfo
from data.loader import normalise
from data.reference import regions
from data.schema import COLUMN_NAMES, LIST_SEPARATOR

DEFAULT_ROWS = 3500  # prosecutions; about 3,000 persons
DEFAULT_SEED = 2012
START = date(2012, 1, 1)
INVASION = date(2022, 2, 24)

# Where most cases of speech and protest are brought; every other Russian region gets REST_WEIGHT.
SPEECH_REGIONS = {
    "RU-MOW": 16,
    "RU-SPE": 9,
    "RU-MOS": 5,
    "UA-43": 4,
    "RU-KDA": 3,
    "RU-SVE": 3,
    "RU-BA": 2.5,
    "RU-TA": 2,
    "RU-NVS": 2.2,
    "RU-NIZ": 2,
    "RU-PER": 2,
    "RU-CHE": 2,
    "RU-ROS": 2,
    "RU-SAM": 1.5,
    "UA-40": 1.5,
    "RU-DA": 1,
    "RU-PRI": 1.5,
    "RU-KHA": 1,
    "RU-IRK": 1.3,
    "RU-KYA": 1.3,
    "RU-OMS": 1,
    "RU-TOM": 0.8,
    "RU-KGD": 1.2,
    "RU-VOR": 1,
    "RU-BEL": 1,
}
REST_WEIGHT = 0.35
COLONY_REGIONS = (
    "RU-MO",
    "RU-KIR",
    "RU-PER",
    "RU-KO",
    "RU-VLA",
    "RU-TVE",
    "RU-YAR",
    "RU-SAR",
    "RU-ORE",
    "RU-NIZ",
    "RU-IRK",
    "RU-KRS",
)
CRIMEA_PRISONS = {
    "RU-ROS": 0.45,
    "RU-KDA": 0.15,
    "RU-LIP": 0.05,
    "RU-SAR": 0.05,
    "RU-VLA": 0.05,
    "RU-MO": 0.05,
    "same": 0.2,
}

REGIME_RU = {"general": "общего", "strict": "строгого", "special": "особого"}

SURNAMES = (
    "Примеров",
    "Образцов",
    "Выдумкин",
    "Демонстров",
    "Шаблонов",
    "Условнов",
    "Вымыслов",
    "Тестов",
    "Макетов",
    "Черновиков",
    "Эскизов",
    "Образчиков",
    "Муляжов",
    "Манекенов",
    "Набросков",
    "Заготовкин",
    "Прототипов",
    "Шаблонкин",
    "Фантазёров",
    "Придумкин",
    "Небывалов",
    "Сочинкин",
    "Понарошкин",
    "Выдумщиков",
    "Пробников",
    "Опытов",
)
MALE_NAMES = (
    "Иван",
    "Алексей",
    "Сергей",
    "Дмитрий",
    "Андрей",
    "Михаил",
    "Никита",
    "Артём",
    "Руслан",
    "Ринат",
    "Эльдар",
    "Тимур",
    "Али",
    "Магомед",
    "Рустем",
    "Эрнест",
    "Олег",
    "Павел",
    "Игорь",
    "Владимир",
    "Денис",
    "Максим",
    "Евгений",
    "Ильдар",
    "Сейран",
)
FEMALE_NAMES = (
    "Мария",
    "Анна",
    "Ольга",
    "Елена",
    "Наталья",
    "Ирина",
    "Татьяна",
    "Екатерина",
    "Дарья",
    "Светлана",
    "Гульнара",
    "Эльмира",
    "Александра",
    "Софья",
)
PATRONYMIC_STEMS = ("Демов", "Тестов", "Макетов", "Шаблонов", "Вымыслов")


@dataclass(frozen=True)
class Sentence:
    punishment: str
    regime: str | None = None
    months: float | None = None
    prison_months: float | None = None
    probation_months: float | None = None
    fine: int | None = None
    hours: int | None = None  # compulsory works are counted in hours and have no term in months


@dataclass(frozen=True)
class Profile:
    """A family of cases: what is charged, where, when, and what the courts give."""

    key: str
    weight: float
    articles: tuple[tuple[tuple[str, ...], float], ...]  # article sets with their weights
    case_group: str | None
    theme: str
    intensity: object  # (year as float) -> relative number of new cases
    detention: float  # share held in custody before the verdict
    female: float
    regions: dict[str, float] = field(default_factory=lambda: SPEECH_REGIONS)
    rest_weight: float = REST_WEIGHT
    sentence: object = None  # (rng, article set, detained, female) -> Sentence


def _years_months(rng: np.random.Generator, low: float, high: float, step: int = 6) -> float:
    """A term between low and high years, in months, rounded to `step` months as courts do."""
    months = rng.uniform(low * 12, high * 12)
    return float(max(step, round(months / step) * step))


def _fine(rng: np.random.Generator, low: int, high: int) -> int:
    return int(round(rng.uniform(low, high) / 10_000) * 10_000)


def _pick(rng: np.random.Generator, options: dict) -> object:
    keys = list(options)
    weights = np.asarray(list(options.values()), dtype=float)
    return keys[rng.choice(len(keys), p=weights / weights.sum())]


def _real(rng, low, high, regime, female, prison_share=0.0, prison_years=(2, 5)) -> Sentence:
    months = _years_months(rng, low, high)
    regime = "general" if female else regime  # women are never sent to strict colonies
    if regime == "strict" and months > 180 and rng.random() < 0.08:
        regime = "special"  # repeat offenders with long terms
    prison = None
    if prison_share and not female and rng.random() < prison_share:
        prison = float(min(months - 12, rng.integers(prison_years[0], prison_years[1] + 1) * 12))
    return Sentence("imprisonment", regime, months, prison)


def _suspended(rng, low, high) -> Sentence:
    months = _years_months(rng, low, high)
    return Sentence("suspended", None, months, None, float(_years_months(rng, 1, 4, 12)))


def _antiwar_fake(rng, articles, detained, female) -> Sentence:
    if detained:
        return _real(rng, 3, 8.5, "general", female)
    return _pick(
        rng,
        {
            Sentence("fine", fine=_fine(rng, 700_000, 3_000_000)): 0.35,
            _suspended(rng, 2, 5): 0.3,
            _real(rng, 5, 8, "general", female): 0.25,  # often in absentia
            Sentence("forced_labour", months=_years_months(rng, 1, 3)): 0.1,
        },
    )


def _discredit(rng, articles, detained, female) -> Sentence:
    if detained:
        return _real(rng, 1, 3, "settlement" if rng.random() < 0.4 else "general", female)
    return _pick(
        rng,
        {
            Sentence("fine", fine=_fine(rng, 100_000, 300_000)): 0.55,
            _suspended(rng, 1, 3): 0.2,
            Sentence("forced_labour", months=_years_months(rng, 1, 2)): 0.1,
            Sentence("restriction_of_freedom", months=_years_months(rng, 1, 2)): 0.07,
            Sentence("compulsory_works", hours=int(rng.integers(2, 5) * 100)): 0.08,
        },
    )


def _calls(rng, articles, detained, female) -> Sentence:
    if detained:
        return _real(rng, 2, 7, "general", female)
    return _pick(
        rng,
        {
            Sentence("fine", fine=_fine(rng, 300_000, 1_000_000)): 0.5,
            _suspended(rng, 2, 4): 0.3,
            _real(rng, 3, 6, "general", female): 0.2,
        },
    )


def _hizb(rng, articles, detained, female) -> Sentence:
    organiser = any(a.startswith("205.5 ч.1") for a in articles)
    low, high = (15, 24) if organiser else (10, 19)
    return _real(rng, low, high, "strict", female, prison_share=0.45 if organiser else 0.15)


def _witnesses(rng, articles, detained, female) -> Sentence:
    organiser = any(a.startswith("282.2 ч.1") for a in articles)
    if detained:
        return _real(rng, 2, 8 if organiser else 6, "general", female)
    return _pick(
        rng,
        {
            Sentence("fine", fine=_fine(rng, 300_000, 800_000)): 0.3,
            _suspended(rng, 2, 6.5): 0.55,
            Sentence("forced_labour", months=_years_months(rng, 1, 3)): 0.05,
            Sentence("restriction_of_freedom", months=_years_months(rng, 1, 2)): 0.1,
        },
    )


def _treason(rng, articles, detained, female) -> Sentence:
    if any(a.startswith("275.1") for a in articles):
        return _real(rng, 3, 8, "strict", female)
    return _real(rng, 12, 22, "strict", female)


def _terror_act(rng, articles, detained, female) -> Sentence:
    if rng.random() < 0.02:
        return Sentence("life", "special")
    return _real(rng, 8, 20, "strict", female, prison_share=0.1)


def _riots(rng, articles, detained, female) -> Sentence:
    return _real(rng, 2.5, 4.5, "general", female)


def _protest(rng, articles, detained, female) -> Sentence:
    if not detained:
        return _suspended(rng, 1, 3)
    return _real(rng, 1.5, 4, "general", female)


def _dadin(rng, articles, detained, female) -> Sentence:
    if detained:
        return _real(rng, 1, 3, "general", female)
    return _pick(
        rng, {_suspended(rng, 1, 2): 0.6, Sentence("fine", fine=_fine(rng, 150_000, 600_000)): 0.4}
    )


def _community(rng, articles, detained, female) -> Sentence:
    if detained:
        return _real(rng, 2, 8, "general", female)
    return _pick(rng, {_suspended(rng, 2, 5): 0.6, _real(rng, 3, 9, "general", female): 0.4})


def _nazism(rng, articles, detained, female) -> Sentence:
    if detained:
        return _real(rng, 1, 4, "general", female)
    return _pick(
        rng,
        {
            Sentence("fine", fine=_fine(rng, 100_000, 2_000_000)): 0.7,
            Sentence("compulsory_works", hours=int(rng.integers(1, 5) * 100)): 0.15,
            _suspended(rng, 1, 2): 0.15,
        },
    )


def _islamic(rng, articles, detained, female) -> Sentence:
    if rng.random() < 0.15:
        return Sentence("compulsory_treatment")
    return _real(rng, 3, 9, "general" if rng.random() < 0.6 else "strict", female)


def _separatism(rng, articles, detained, female) -> Sentence:
    if detained:
        return _real(rng, 2, 5, "general", female)
    return _suspended(rng, 1, 4)


def _espionage(rng, articles, detained, female) -> Sentence:
    return _real(rng, 10, 16, "strict", female)


def _agents(rng, articles, detained, female) -> Sentence:
    if detained:
        return _real(rng, 1, 3, "settlement", female)
    return _pick(
        rng,
        {
            Sentence("fine", fine=_fine(rng, 100_000, 500_000)): 0.35,
            _real(rng, 2, 6, "general", female): 0.35,  # in absentia
            Sentence("compulsory_works", hours=int(rng.integers(2, 5) * 100)): 0.3,
        },
    )


def _refusal(rng, articles, detained, female) -> Sentence:
    return _real(rng, 2, 6, "settlement" if rng.random() < 0.5 else "general", female)


def _after(start: float, ramp: float = 0.2):
    """Cases begin at `start` (year) and continue, ramping up over `ramp` years."""
    return lambda t: 0.0 if t < start else min(1.0, (t - start) / ramp + 0.05)


def _surge(before: float, after: float):
    """A constant rate before the full-scale invasion and a higher one after it."""
    pivot = 2022 + 55 / 365
    return lambda t: before if t < pivot else after


def _window(start: float, end: float):
    return lambda t: 1.0 if start <= t < end else 0.0


PROFILES: tuple[Profile, ...] = (
    Profile(
        "antiwar_fake",
        14,
        ((("207.3 ч.2",), 0.7), (("207.3 ч.1",), 0.3)),
        "Антивоенное дело",
        "freedom of speech",
        _after(2022 + 63 / 365, 0.3),
        0.55,
        0.25,
        sentence=_antiwar_fake,
    ),
    Profile(
        "antiwar_discredit",
        7,
        ((("280.3 ч.1",), 0.8), (("280.3 ч.2",), 0.2)),
        "Антивоенное дело",
        "freedom of speech",
        _after(2022.4, 0.3),
        0.1,
        0.3,
        sentence=_discredit,
    ),
    Profile(
        "calls",
        5,
        ((("280.4 ч.2",), 0.5), (("280 ч.2",), 0.3), (("280.4 ч.1",), 0.2)),
        "Антивоенное дело",
        "freedom of speech",
        _surge(0.15, 1.0),
        0.6,
        0.2,
        sentence=_calls,
    ),
    Profile(
        "justify_terror",
        10,
        ((("205.2 ч.2",), 0.85), (("205.2 ч.1",), 0.15)),
        None,
        "freedom of speech",
        lambda t: 0.0 if t < 2014 else 0.2 + (t - 2014) * 0.1,
        0.45,
        0.2,
        sentence=_calls,
    ),
    Profile(
        "hizb",
        9,
        (
            (("205.5 ч.2",), 0.45),
            (("205.5 ч.2", "30 ч.1 - 278"), 0.4),
            (("205.5 ч.1", "30 ч.1 - 278"), 0.15),
        ),
        "Хизб ут-Тахрир",
        "freedom of religion",
        _after(2013, 1.5),
        1.0,
        0.0,
        {
            "UA-43": 35,
            "RU-BA": 20,
            "RU-TA": 12,
            "RU-DA": 6,
            "RU-MOW": 8,
            "RU-CHE": 5,
            "RU-TYU": 3,
            "RU-SAM": 2,
            "RU-NVS": 2,
            "UA-40": 2,
            "RU-SPE": 2,
        },
        rest_weight=0.0,
        sentence=_hizb,
    ),
    Profile(
        "witnesses",
        10,
        ((("282.2 ч.2",), 0.6), (("282.2 ч.1",), 0.4)),
        "Свидетели Иеговы",
        "freedom of religion",
        _after(2017.3, 1.0),
        0.2,
        0.35,
        {**SPEECH_REGIONS, "UA-43": 3, "RU-PRI": 3, "RU-KHA": 2.5, "RU-TOM": 2, "RU-KYA": 2.5},
        rest_weight=1.0,
        sentence=_witnesses,
    ),
    Profile(
        "treason",
        9,
        ((("275",), 0.65), (("275.1",), 0.25), (("275", "205.5 ч.2"), 0.1)),
        "Госизмена",
        "treason and espionage",
        _surge(0.1, 1.0),
        1.0,
        0.15,
        {
            **SPEECH_REGIONS,
            "UA-43": 12,
            "UA-40": 3,
            "UA-14": 4,
            "UA-09": 3,
            "UA-23": 3,
            "UA-65": 2,
            "RU-BEL": 3,
            "RU-KRS": 2,
            "RU-BRY": 2,
        },
        sentence=_treason,
    ),
    Profile(
        "terror_act",
        5,
        ((("205 ч.2",), 0.5), (("281 ч.1",), 0.25), (("167 ч.2", "205 ч.1"), 0.25)),
        "Поджоги и диверсии",
        "anti-war protest",
        _after(2022.15, 0.2),
        1.0,
        0.1,
        sentence=_terror_act,
    ),
    Profile(
        "bolotnaya",
        1.5,
        ((("212 ч.2", "318 ч.1"), 0.6), (("212 ч.2",), 0.4)),
        "Болотное дело",
        "freedom of assembly",
        _window(2012.35, 2014.2),
        0.9,
        0.1,
        {"RU-MOW": 1},
        rest_weight=0.0,
        sentence=_riots,
    ),
    Profile(
        "protest",
        4,
        ((("318 ч.1",), 0.8), (("318 ч.2",), 0.2)),
        None,
        "freedom of assembly",
        lambda t: 1.0 if 2017 <= t < 2022.3 else 0.3,
        0.7,
        0.1,
        {"RU-MOW": 20, "RU-SPE": 8, "RU-MOS": 2, "RU-BA": 2, "RU-IN": 3},
        sentence=_protest,
    ),
    Profile(
        "dadin",
        1,
        ((("212.1",), 1.0),),
        None,
        "freedom of assembly",
        _window(2015, 2022.5),
        0.4,
        0.15,
        sentence=_dadin,
    ),
    Profile(
        "community",
        4,
        ((("282.1 ч.1",), 0.3), (("282.1 ч.2",), 0.5), (("282.3 ч.1",), 0.2)),
        "Экстремистское сообщество",
        "freedom of association",
        _after(2017.5, 1.0),
        0.6,
        0.2,
        sentence=_community,
    ),
    Profile(
        "nazism",
        3,
        ((("354.1 ч.1",), 0.7), (("354.1 ч.3",), 0.3)),
        None,
        "memory politics",
        _after(2019.5, 1.0),
        0.1,
        0.3,
        sentence=_nazism,
    ),
    Profile(
        "islamic",
        5,
        ((("282.2 ч.1",), 0.5), (("282.2 ч.2",), 0.3), (("205.1 ч.1",), 0.2)),
        "Таблиги Джамаат и другие",
        "freedom of religion",
        _after(2014, 1.0),
        0.8,
        0.05,
        {
            "UA-43": 10,
            "RU-DA": 10,
            "RU-CE": 4,
            "RU-IN": 3,
            "RU-KB": 4,
            "RU-TA": 4,
            "RU-BA": 3,
            "RU-MOW": 3,
            "RU-TYU": 2,
            "RU-KHM": 2,
            "RU-SAM": 1,
        },
        rest_weight=0.1,
        sentence=_islamic,
    ),
    Profile(
        "separatism",
        2,
        ((("280.1 ч.2",), 1.0),),
        None,
        "freedom of speech",
        _after(2014, 0.5),
        0.4,
        0.2,
        {**SPEECH_REGIONS, "RU-BA": 6, "RU-TA": 4, "UA-43": 6},
        sentence=_separatism,
    ),
    Profile(
        "espionage",
        2,
        ((("276",), 1.0),),
        "Госизмена",
        "treason and espionage",
        _surge(0.3, 1.0),
        1.0,
        0.2,
        {"UA-43": 10, "UA-40": 3, "UA-14": 3, "UA-23": 2, "RU-MOW": 4, "RU-KGD": 2},
        rest_weight=0.05,
        sentence=_espionage,
    ),
    Profile(
        "agents",
        3,
        ((("330.1 ч.2",), 0.5), (("284.1 ч.1",), 0.3), (("284.1 ч.2",), 0.2)),
        None,
        "freedom of association",
        _after(2021, 0.7),
        0.1,
        0.3,
        sentence=_agents,
    ),
    Profile(
        "refusal",
        2,
        ((("332 ч.2.1",), 0.5), (("337 ч.5",), 0.5)),
        None,
        "anti-war protest",
        _after(2022.75, 0.3),
        0.8,
        0.0,
        sentence=_refusal,
    ),
)


def _region_weights(profile: Profile) -> tuple[list[str], np.ndarray]:
    codes = list(regions())
    weights = np.array(
        [
            profile.regions.get(code, 0.0 if code.startswith("UA-") else profile.rest_weight)
            for code in codes
        ]
    )
    return codes, weights / weights.sum()


def _month_weights(profile: Profile, months: list[date], as_of: date) -> np.ndarray:
    weights = np.array([profile.intensity(m.year + (m.month - 0.5) / 12) for m in months], float)
    # The current month has only had `as_of.day` days so far.
    weights[-1] *= as_of.day / 30.44
    return weights / weights.sum()


def _random_date_in(rng: np.random.Generator, month: date, latest: date) -> date:
    next_month = (month.replace(day=28) + timedelta(days=4)).replace(day=1)
    last = min(latest, next_month - timedelta(days=1))
    return month + timedelta(days=int(rng.integers(0, (last - month).days + 1)))


def _person_name(rng: np.random.Generator, female: bool) -> str:
    surname = SURNAMES[rng.integers(len(SURNAMES))]
    stem = PATRONYMIC_STEMS[rng.integers(len(PATRONYMIC_STEMS))]
    if female:
        return f"{surname}а {FEMALE_NAMES[rng.integers(len(FEMALE_NAMES))]} {stem}на"
    return f"{surname} {MALE_NAMES[rng.integers(len(MALE_NAMES))]} {stem}ич"


def _years_word_dative(n: int) -> str:
    return "году" if n % 10 == 1 and n % 100 != 11 else "годам"


def _months_word_dative(n: int) -> str:
    return "месяцу" if n % 10 == 1 and n % 100 != 11 else "месяцам"


def _years_word(n: int) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return "год"
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return "года"
    return "лет"


def _term_dative(months: float) -> str:
    years, rest = divmod(int(months), 12)
    parts = []
    if years:
        parts.append(f"{years} {_years_word_dative(years)}")
    if rest:
        parts.append(f"{rest} {_months_word_dative(rest)}")
    return " ".join(parts)


def verdict_text(s: Sentence) -> str:
    """The verdict in the words a Russian court report would use (kept for audit, as lists do)."""
    if s.punishment == "life":
        return "к пожизненному лишению свободы в колонии особого режима"
    if s.punishment == "fine":
        return f"к штрафу в размере {s.fine:,} рублей".replace(",", " ")
    if s.punishment == "suspended":
        probation = int(s.probation_months // 12)
        return (
            f"к {_term_dative(s.months)} лишения свободы условно "
            f"с испытательным сроком {probation} {_years_word(probation)}"
        )
    if s.punishment == "forced_labour":
        return f"к {_term_dative(s.months)} принудительных работ"
    if s.punishment == "restriction_of_freedom":
        return f"к {_term_dative(s.months)} ограничения свободы"
    if s.punishment == "compulsory_works":
        return f"к {s.hours} часам обязательных работ"
    if s.punishment == "compulsory_treatment":
        return "к принудительному лечению в психиатрическом стационаре"
    if s.regime == "settlement":
        return f"к {_term_dative(s.months)} колонии-поселения"
    if s.prison_months:
        first = int(s.prison_months // 12)
        return (
            f"к {_term_dative(s.months)} с отбыванием первых {first} лет в тюрьме, "
            f"остальной срок — в колонии {REGIME_RU[s.regime]} режима"
        )
    return f"к {_term_dative(s.months)} колонии {REGIME_RU[s.regime]} режима"


def _add_months(day: date, months: float) -> date:
    return day + timedelta(days=int(months * 30.44))


@dataclass
class _Case:
    """One prosecution being generated; turned into canonical text cells by `_row`."""

    profile: Profile
    articles: tuple[str, ...]
    region: str
    start: date
    custody: date | None
    verdict: date | None
    sentence: Sentence | None
    status: str
    in_custody: bool
    held_in: str | None


def _make_case(
    rng,
    profile: Profile,
    region: str,
    start: date,
    female: bool,
    as_of: date,
    already_held: date | None = None,
) -> _Case:
    sets, weights = zip(*profile.articles, strict=True)
    articles = sets[rng.choice(len(sets), p=np.asarray(weights) / sum(weights))]
    detained = already_held is not None or rng.random() < profile.detention
    custody = already_held or (
        start + timedelta(days=int(rng.integers(0, 30))) if detained else None
    )
    if custody and custody > as_of:
        custody = start  # detained on the day the case began
    verdict = start + timedelta(days=int(rng.integers(120, 640)))
    sentence: Sentence | None = None
    if verdict > as_of:
        verdict = None
        status = "investigation" if (as_of - start).days < 270 else "trial"
    else:
        sentence = profile.sentence(rng, articles, detained, female)
        status = "serving"
    in_custody = False
    held_in = None
    if sentence is None:
        in_custody = custody is not None
        held_in = region if in_custody else None
    elif sentence.punishment in ("imprisonment", "life"):
        if custody is None:  # a real term for someone never detained: a verdict in absentia
            status = "emigrated"
        else:
            ends = None if sentence.punishment == "life" else _add_months(custody, sentence.months)
            status = "serving" if ends is None or ends > as_of else "released"
            in_custody = status == "serving"
            if region in ("UA-43", "UA-40", "UA-14", "UA-09", "UA-23", "UA-65"):
                held_in = _pick(rng, CRIMEA_PRISONS)
                held_in = region if held_in == "same" else held_in
            else:
                held_in = (
                    region
                    if rng.random() < 0.6
                    else COLONY_REGIONS[rng.integers(len(COLONY_REGIONS))]
                )
            if in_custody and rng.random() < 0.006:
                status, in_custody = "died", False
    elif sentence.months and _add_months(verdict, sentence.months) > as_of:
        status = "serving"
    else:
        status = "emigrated" if verdict >= INVASION and rng.random() < 0.12 else "released"
    return _Case(
        profile, articles, region, start, custody, verdict, sentence, status, in_custody, held_in
    )


def _fmt(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _row(case: _Case, person: dict, number: int, rng) -> dict[str, str]:
    s = case.sentence
    serving_real = case.in_custody and s is not None
    facility = ""
    if case.held_in:
        facility = (
            f"ФКУ ИК-{rng.integers(1, 40)} (вымышленная)"
            if serving_real
            else f"ФКУ СИЗО-{rng.integers(1, 9)} (вымышленный)"
        )
    political = case.in_custody and rng.random() < (
        0.75
        if case.profile.key in ("hizb", "witnesses", "antiwar_fake", "islamic", "bolotnaya")
        else 0.35
    )
    return {
        "person_id": person["id"],
        "case_id": f"{person['id']}-{number}",
        "source": "demo",
        "name": person["name"],
        "gender": person["gender"],
        "birth_year": _fmt(person["birth_year"]),
        "region_code": case.region,
        "city": "",
        "imprisonment_region_code": _fmt(case.held_in),
        "facility": facility,
        "articles": LIST_SEPARATOR.join(case.articles),
        "case_group": _fmt(case.profile.case_group),
        "theme": case.profile.theme,
        "persecution_start": case.start.isoformat(),
        "custody_date": _fmt(case.custody and case.custody.isoformat()),
        "verdict_date": _fmt(case.verdict and case.verdict.isoformat()),
        "punishment_type": s.punishment if s else "none_yet",
        "regime": _fmt(s.regime if s else None),
        "sentence_months": _fmt(s.months if s else None),
        "prison_months": _fmt(s.prison_months if s else None),
        "probation_months": _fmt(s.probation_months if s else None),
        "fine_rub": _fmt(s.fine if s else None),
        "status": case.status,
        "in_custody": "true" if case.in_custody else "false",
        "recognized_political_prisoner": "true" if political else "false",
        "source_url": person["url"],
        "verdict_text": verdict_text(s) if s else "",
    }


def generate_frame(
    rows: int = DEFAULT_ROWS, seed: int = DEFAULT_SEED, as_of: date | None = None
) -> pd.DataFrame:
    """`rows` prosecutions of about rows/1.17 invented persons, as canonical text cells."""
    as_of = as_of or date.today()
    rng = np.random.default_rng(seed)
    months = list(pd.date_range(START, as_of, freq="MS").date)
    profile_weights = np.array([p.weight for p in PROFILES], float)
    profile_weights /= profile_weights.sum()
    region_tables = {p.key: _region_weights(p) for p in PROFILES}
    month_tables = {p.key: _month_weights(p, months, as_of) for p in PROFILES}

    out: list[dict[str, str]] = []
    person_number = 0
    while len(out) < rows:
        person_number += 1
        profile = PROFILES[rng.choice(len(PROFILES), p=profile_weights)]
        female = rng.random() < profile.female
        codes, region_p = region_tables[profile.key]
        region = codes[rng.choice(len(codes), p=region_p)]
        month = months[rng.choice(len(months), p=month_tables[profile.key])]
        start = _random_date_in(rng, month, as_of)
        age = int(np.clip(rng.normal(38, 12), 18, 80))
        person = {
            "id": f"demo-{person_number:05d}",
            "name": _person_name(rng, female),
            "gender": "unknown" if rng.random() < 0.01 else ("female" if female else "male"),
            "birth_year": start.year - age if rng.random() < 0.93 else None,
            "url": f"https://example.org/demo/persons/{person_number}"
            if rng.random() < 0.7
            else "",
        }
        case = _make_case(rng, profile, region, start, female, as_of)
        cases = [case]
        # About one person in seven faces a further case: a new charge in custody, or a new article.
        extra = 0 if rng.random() > 0.17 else (2 if rng.random() < 0.12 else 1)
        for _ in range(extra):
            later = cases[-1].start + timedelta(days=int(rng.integers(30, 900)))
            if later > as_of:
                break
            next_profile = PROFILES[rng.choice(len(PROFILES), p=profile_weights)]
            held = cases[-1].custody if cases[-1].in_custody else None
            cases.append(_make_case(rng, next_profile, region, later, female, as_of, held))
        for number, c in enumerate(cases, start=1):
            out.append(_row(c, person, number, rng))
    frame = pd.DataFrame(out[:rows], columns=list(COLUMN_NAMES))
    return _after_appeal_and_restraint(frame, np.random.default_rng(seed + 7919))


def _after_appeal_and_restraint(frame: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """The measure of restraint in force, and a few terms changed on appeal (the first-instance
    term kept). Drawn from a generator of their own, so the rest of the demo stays as it was."""
    held = frame["in_custody"].eq("true")
    before_verdict = frame["status"].isin(["investigation", "trial"]) & ~held
    measures = np.array(["house_arrest", "ban_of_actions", "recognizance"])
    drawn = measures[rng.choice(3, size=len(frame), p=[0.35, 0.25, 0.40])]
    frame["restraint"] = np.where(held, "custody", np.where(before_verdict, drawn, "none"))
    months = pd.to_numeric(frame["sentence_months"], errors="coerce")
    appealed = frame["punishment_type"].eq("imprisonment") & months.gt(24)
    appealed &= rng.random(len(frame)) < 0.08
    cut = rng.choice([3, 6, 12], size=len(frame))
    frame["first_instance_months"] = np.where(appealed, (months + cut).map(lambda m: f"{m:g}"), "")
    return frame


def demo_source(as_of: date) -> SourceInfo:
    return SourceInfo(
        name="demo",
        display_name="Demo data (invented records)",
        organisation="politprisoners-dashboard",
        as_of=as_of,
        licence="CC0",
        synthetic=True,
    )


def generate(
    rows: int = DEFAULT_ROWS, seed: int = DEFAULT_SEED, as_of: date | None = None
) -> Dataset:
    """The demo dataset, checked by the same loader as any file (it must load with no issue)."""
    as_of = as_of or date.today()
    frame = generate_frame(rows, seed, as_of)
    cases, report = normalise(frame, "demo", range(1, len(frame) + 1))
    if report.issues:
        raise AssertionError(f"demo generator made invalid values: {report.issues[0].message()}")
    return Dataset.build(cases, (demo_source(as_of),))
