"""One person as a list publishes them: the data behind the page for each person.

A `PersonRecord` gathers every row (prosecution) of one `person_id` within one source list into
plain Python values: str, int, float, bool, `datetime.date`, tuples, and None for anything
missing (NaN, NaT, pd.NA, None, empty text). No numpy or pandas value leaves this module, so the
page layer can format every field without checking types. Strings are kept raw: nothing here is
HTML, and nothing is interpreted as HTML.

Looking a person up is a dictionary lookup: the (source, person_id) -> row positions index is
built once per dataset and kept in its memo (kind "person_index").
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

import numpy as np
import pandas as pd

from data.dataset import PERSON_CODE, Dataset
from data.loader import http_url
from data.schema import UNKNOWN_REGION

MEMO_KIND = "person_index"
# How importers join several places of detention in `facility` (Memorial: its letter addresses).
FACILITY_SEPARATOR = "; "
# A letter address starts with the six-digit Russian postcode ("600000, г. Владимир, ..."): a
# facility's bare name ("Penal colony No. 0", "ФКУ ИК-3") is not something a letter can be sent
# to, so only the parts a source gives as postal addresses count as addresses.
_POSTCODE = re.compile(r"^\s*\d{6}\b")

PersonKey = tuple[str, str]  # (source, person_id)


@dataclass(frozen=True)
class CaseRecord:
    """One prosecution of the person, as the source gives it."""

    case_id: str
    articles: tuple[str, ...]
    case_group: tuple[str, ...]
    theme: str | None
    persecution_start: date | None
    custody_date: date | None
    verdict_date: date | None
    punishment_type: str | None
    regime: str | None
    sentence_months: float | None  # the term in force (after any appeal or cassation)
    first_instance_months: float | None  # the term as pronounced, only where a court changed it
    prison_months: float | None
    probation_months: float | None
    fine_rub: int | None
    restraint: str | None
    status: str | None
    in_custody: bool | None
    region_code: str | None  # as loaded: "unknown" where the source names no region
    imprisonment_region_code: str | None
    facility: str | None  # as published (Memorial: its letter addresses joined by "; ")
    verdict_text: str | None
    source_url: str | None
    city: str | None = None

    @property
    def dates(self) -> tuple[date, ...]:
        return tuple(d for d in (self.persecution_start, self.custody_date, self.verdict_date) if d)


@dataclass(frozen=True)
class PersonRecord:
    """One person on one source list, with every prosecution of theirs on that list."""

    source: str
    person_id: str
    name: str | None
    gender: str | None
    birth_year: int | None
    region_codes: tuple[str, ...]  # regions of prosecution, distinct, in case order; no "unknown"
    imprisonment_region_codes: tuple[str, ...]  # distinct, in case order
    # "died" when any case says so (a fact about the person, whichever card carries it); otherwise
    # the status of the latest case that has a known one: a newer prosecution is what is
    # happening to the person now (an old case's "released" does not undo a new arrest).
    status: str | None
    in_custody: bool | None  # True when any case says the person is held; None if none says
    recognized_political_prisoner: bool | None  # True when any case says so
    source_url: str | None  # the source's own page for the person: the first one given
    addresses: tuple[str, ...]  # letter addresses (postal, with a postcode), de-duplicated
    cases: tuple[CaseRecord, ...]  # by the earliest of their dates; undated cases last

    @property
    def key(self) -> PersonKey:
        return (self.source, self.person_id)


# --- plain Python values --------------------------------------------------------------------


def _missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float) and math.isnan(value):  # np.float64 is a float
        return True
    return isinstance(value, np.datetime64) and np.isnat(value)


def _text(value: object) -> str | None:
    if _missing(value):
        return None
    text = str(value)
    return text if text.strip() else None


def _int(value: object) -> int | None:
    if _missing(value):
        return None
    return int(value)  # type: ignore[call-overload]


def _float(value: object) -> float | None:
    if _missing(value):
        return None
    return float(value)  # type: ignore[arg-type]


def _bool(value: object) -> bool | None:
    if _missing(value):
        return None
    return bool(value)


def _date(value: object) -> date | None:
    if _missing(value):
        return None
    if isinstance(value, np.datetime64):
        value = pd.Timestamp(value)
    if isinstance(value, datetime):  # pd.Timestamp is a datetime
        return date(value.year, value.month, value.day)
    if isinstance(value, date):
        return value
    return None


def _strings(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        value = (value,)
    if not isinstance(value, (tuple, list, np.ndarray)):
        return ()
    return tuple(text for item in value if (text := _text(item)) is not None)


def _distinct(values: Iterable[str | None], skip: Sequence[str] = ()) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v is not None and v not in skip))


def letter_addresses(facilities: Iterable[str | None]) -> tuple[str, ...]:
    """The postal addresses among the places of detention, split on "; ", each once."""
    parts = (
        part.strip()
        for facility in facilities
        if facility
        for part in facility.split(FACILITY_SEPARATOR)
    )
    return _distinct(part for part in parts if part and _POSTCODE.match(part))


# --- the index -------------------------------------------------------------------------------


def _build_index(cases: pd.DataFrame) -> dict[PersonKey, tuple[int, ...]]:
    """(source, person_id) -> the person's row positions in `cases`, in row order."""
    if not len(cases):
        return {}
    if PERSON_CODE in cases.columns:
        codes = cases[PERSON_CODE].to_numpy()
    else:
        key = cases["source"].astype(str) + "\x1f" + cases["person_id"].astype(str)
        codes = pd.factorize(key)[0]
    order = np.argsort(codes, kind="stable")
    ordered = codes[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    sources = cases["source"].astype(str).to_numpy(dtype=object)
    ids = cases["person_id"].astype(str).to_numpy(dtype=object)
    index: dict[PersonKey, tuple[int, ...]] = {}
    for rows in np.split(order, starts[1:]):
        first = rows[0]
        index[(sources[first], ids[first])] = tuple(rows.tolist())
    return index


def person_index(dataset: Dataset) -> dict[PersonKey, tuple[int, ...]]:
    """The index of persons, built once per dataset (kept in `dataset.memo`)."""
    if MEMO_KIND not in dataset.memo.SIZES:  # a Memo that has no room for it: still correct
        return _build_index(dataset.cases)
    return dataset.memo.get(MEMO_KIND, None, lambda: _build_index(dataset.cases))


# --- records ---------------------------------------------------------------------------------


def _case(row: dict[str, object]) -> CaseRecord:
    return CaseRecord(
        case_id=_text(row["case_id"]) or "",
        articles=_strings(row["articles"]),
        case_group=_strings(row["case_group"]),
        theme=_text(row["theme"]),
        persecution_start=_date(row["persecution_start"]),
        custody_date=_date(row["custody_date"]),
        verdict_date=_date(row["verdict_date"]),
        punishment_type=_text(row["punishment_type"]),
        regime=_text(row["regime"]),
        sentence_months=_float(row["sentence_months"]),
        first_instance_months=_float(row["first_instance_months"]),
        prison_months=_float(row["prison_months"]),
        probation_months=_float(row["probation_months"]),
        fine_rub=_int(row["fine_rub"]),
        restraint=_text(row["restraint"]),
        status=_text(row["status"]),
        in_custody=_bool(row["in_custody"]),
        region_code=_text(row["region_code"]),
        imprisonment_region_code=_text(row["imprisonment_region_code"]),
        facility=_text(row["facility"]),
        verdict_text=_text(row["verdict_text"]),
        source_url=_text(row["source_url"]),
        city=_text(row["city"]),
    )


def _case_order(case: CaseRecord) -> tuple[bool, date]:
    dates = case.dates
    return (not dates, min(dates) if dates else date.min)


def _first(values: Iterable[object]) -> object:
    return next((v for v in values if v is not None), None)


def _any_true(values: Sequence[bool | None]) -> bool | None:
    if any(v is True for v in values):
        return True
    return False if any(v is False for v in values) else None


def person_status(cases: Sequence[CaseRecord]) -> str | None:
    """The person's status from their cases (in case order): see `PersonRecord.status`."""
    statuses = [c.status for c in cases]
    if "died" in statuses:
        return "died"
    known = [s for s in statuses if s is not None and s != "unknown"]
    if known:
        return known[-1]
    return "unknown" if "unknown" in statuses else None


def person_record(dataset: Dataset, source: str, person_id: str) -> PersonRecord | None:
    """The person `person_id` of the list `source`, or None when the dataset has no such person."""
    positions = person_index(dataset).get((str(source), str(person_id)))
    if not positions:
        return None
    rows = dataset.cases.iloc[list(positions)]
    found = [dict(zip(rows.columns, values, strict=True)) for values in _row_values(rows)]
    # sorted() is stable: cases with the same earliest date keep the source's order.
    pairs = sorted(((_case(r), r) for r in found), key=lambda pair: _case_order(pair[0]))
    cases = tuple(case for case, _ in pairs)
    records = [record for _, record in pairs]
    return PersonRecord(
        source=str(source),
        person_id=str(person_id),
        name=_first(_text(r["name"]) for r in records),  # type: ignore[arg-type]
        gender=_first(_text(r["gender"]) for r in records),  # type: ignore[arg-type]
        birth_year=_first(_int(r["birth_year"]) for r in records),  # type: ignore[arg-type]
        region_codes=_distinct((c.region_code for c in cases), skip=(UNKNOWN_REGION,)),
        imprisonment_region_codes=_distinct(
            (c.imprisonment_region_code for c in cases), skip=(UNKNOWN_REGION,)
        ),
        status=person_status(cases),
        in_custody=_any_true([c.in_custody for c in cases]),
        recognized_political_prisoner=_any_true(
            [_bool(r["recognized_political_prisoner"]) for r in records]
        ),
        source_url=_first(http_url(c.source_url) or None for c in cases),  # type: ignore[arg-type]
        addresses=letter_addresses(c.facility for c in cases),
        cases=cases,
    )


def _row_values(rows: pd.DataFrame) -> list[tuple[object, ...]]:
    """Each row's cells, column by column as Python objects (Int64 gives int or pd.NA, dates
    Timestamp or NaT, categories str or NaN): `_case` and friends make them plain."""
    columns = [rows[c].astype(object).tolist() for c in rows.columns]
    return list(zip(*columns, strict=True))


def records_of(dataset: Dataset, source: str, person_id: str) -> tuple[PersonRecord, ...]:
    """The person's records on every list where the same person appears, this list's first.

    This is the seam for showing the lists side by side: persons are not matched across lists
    yet, so for now it is the one record of (source, person_id), or () when there is none. When
    matching arrives, the other lists' records are added here and the page needs no change.
    """
    record = person_record(dataset, source, person_id)
    return (record,) if record is not None else ()
