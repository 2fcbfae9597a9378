"""The canonical schema of ../shared/formats.md as code.

Every importer produces a frame with exactly these columns; the loader checks and converts values
column by column using the kinds declared here, so the schema is written down once.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """How a column's text is parsed and stored."""

    STRING = "string"
    CATEGORY = "category"
    INT = "int"
    FLOAT = "float"
    DATE = "date"
    BOOL = "bool"
    LIST = "list"
    REGION = "region"  # ISO 3166-2 code checked against the region table
    URL = "url"  # http(s) only; anything else is dropped with a reason


GENDERS: tuple[str, ...] = ("male", "female", "unknown")
PUNISHMENT_TYPES: tuple[str, ...] = (
    "imprisonment",
    "life",
    "suspended",
    "fine",
    "forced_labour",
    "restriction_of_freedom",
    "compulsory_works",
    "compulsory_treatment",
    "other",
    "none_yet",
)
REGIMES: tuple[str, ...] = ("general", "strict", "special", "settlement", "prison", "unknown")
STATUSES: tuple[str, ...] = (
    "investigation",
    "trial",
    "serving",
    "released",
    "emigrated",
    "died",
    "unknown",
)

# The measure of restraint in force now (formats.md, `restraint`): house arrest is not custody.
RESTRAINTS: tuple[str, ...] = (
    "custody",
    "house_arrest",
    "ban_of_actions",
    "recognizance",
    "none",
    "unknown",
)
# Statuses of a person who cannot be held now: custody is never true with them.
FREE_STATUSES: tuple[str, ...] = ("released", "emigrated", "died")

UNKNOWN_REGION = "unknown"
LIST_SEPARATOR = "|"


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind
    required: bool = False
    categories: tuple[str, ...] = ()
    # Bounds for numbers: a value outside them is absurd, dropped and reported.
    minimum: float | None = None
    maximum: float | None = None


COLUMNS: tuple[Column, ...] = (
    Column("person_id", Kind.STRING, required=True),
    Column("case_id", Kind.STRING),
    Column("source", Kind.STRING, required=True),
    Column("name", Kind.STRING),
    Column("gender", Kind.CATEGORY, categories=GENDERS),
    Column("birth_year", Kind.INT, minimum=1900, maximum=2015),
    Column("region_code", Kind.REGION, required=True),
    Column("city", Kind.STRING),
    Column("imprisonment_region_code", Kind.REGION),
    Column("facility", Kind.STRING),
    Column("articles", Kind.LIST),
    Column("case_group", Kind.LIST),  # every group the case is filed under (cards carry several)
    Column("theme", Kind.STRING),
    Column("persecution_start", Kind.DATE),
    Column("custody_date", Kind.DATE),
    Column("verdict_date", Kind.DATE),
    Column("punishment_type", Kind.CATEGORY, categories=PUNISHMENT_TYPES),
    Column("regime", Kind.CATEGORY, categories=REGIMES),
    # Terms: 0 to 50 years in months; longer is a typo, not a sentence (life is its own type).
    Column("sentence_months", Kind.FLOAT, minimum=0, maximum=600),  # the term in force
    Column("first_instance_months", Kind.FLOAT, minimum=0, maximum=600),  # where a court changed it
    Column("prison_months", Kind.FLOAT, minimum=0, maximum=600),
    Column("probation_months", Kind.FLOAT, minimum=0, maximum=120),
    Column("fine_rub", Kind.INT, minimum=0, maximum=10_000_000_000),
    Column("status", Kind.CATEGORY, categories=STATUSES),
    Column("in_custody", Kind.BOOL),
    Column("restraint", Kind.CATEGORY, categories=RESTRAINTS),
    Column("recognized_political_prisoner", Kind.BOOL),
    Column("source_url", Kind.URL),
    Column("verdict_text", Kind.STRING),
)

COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
REQUIRED_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.required)
COLUMNS_BY_NAME: dict[str, Column] = {c.name: c for c in COLUMNS}

# Dates before this are typos in these lists (the modern lists start in the 2000s).
EARLIEST_DATE = "1990-01-01"
