"""The reader's actions a benchmark replays: filter changes, page turns and sorts.

Chosen with a fixed seed from the dataset's own filter options (`data.query.filter_options`), so
they make sense at every size. Each step is what a reader changes on the page, as component
props ("id.prop" -> value); `view` is the whole view after the step, so each is distinct.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass

from components import ids

ARTICLE = f"{ids.FILTER_ARTICLE}.value"
REGION = f"{ids.FILTER_REGION}.value"
PERIOD = f"{ids.FILTER_PERIOD}.value"
UNIT = f"{ids.UNIT}.value"
PUNISHMENT = f"{ids.FILTER_PUNISHMENT}.value"
ROWS = f"{ids.TABLE}.getRowsRequest"
FILTER_KEYS = (ARTICLE, REGION, PERIOD, UNIT, PUNISHMENT)

# Articles a reader asks for first (news of a case names them), where the data has them.
WELL_KNOWN = ("207.3", "280.3", "205.5", "275", "280.4", "282.2", "212.1", "354.1")
SORT_COLUMNS = ("name", "region", "articles", "custody_date", "sentence", "status", "cases")
PAGE_SIZE = 20
SEED = 20261127

# (kind, weight): what a session on the dashboard does most
KINDS = (
    ("articles", 5),
    ("regions", 4),
    ("period", 3),
    ("unit", 2),
    ("punishment", 1),
    ("combined", 3),
    ("reset", 1),
    ("page", 3),
    ("sort", 2),
)


@dataclass(frozen=True)
class Step:
    kind: str
    changes: dict  # "id.prop" -> value: what the reader set
    view: dict  # the filters after it (FILTER_KEYS) and the grid's request

    def to_json(self) -> dict:
        return {"kind": self.kind, "changes": self.changes, "view": self.view}


def month_number(day) -> int:
    return day.year * 12 + day.month - 1


def _rows_request(start: int, sort: list) -> dict:
    return {"startRow": start, "endRow": start + PAGE_SIZE, "sortModel": sort, "filterModel": {}}


def default_view(options) -> dict:
    first = month_number(options.first_month) if options.first_month else 0
    last = month_number(options.last_month) if options.last_month else 0
    return {
        ARTICLE: [],
        REGION: [],
        PERIOD: [first, last],
        UNIT: "persons",
        PUNISHMENT: [],
        ROWS: _rows_request(0, []),
    }


def generate(options, count: int = 60, seed: int = SEED) -> list[Step]:
    """`count` distinct steps from a default view, drawn from `options` (FilterOptions)."""
    rng = random.Random(seed)
    articles = [a for a, n in options.articles if n > 0]
    known = [a for a in WELL_KNOWN if a in articles] or articles[:3]
    regions = [r for r, n in options.regions if n > 0]
    top_regions = regions[:12] or regions
    punishments = [p for p, _ in options.punishments]
    start = default_view(options)
    first, last = start[PERIOD]
    kinds, weights = zip(*KINDS, strict=True)

    def pick_articles() -> list:
        pool = known if rng.random() < 0.7 else articles
        return sorted(rng.sample(pool, k=min(len(pool), rng.choice((1, 1, 2, 3)))))

    def pick_regions() -> list:
        pool = top_regions if rng.random() < 0.7 else regions
        return sorted(rng.sample(pool, k=min(len(pool), rng.choice((1, 1, 1, 2, 3)))))

    def pick_period() -> list:
        if last <= first:
            return [first, last]
        low = rng.randint(first, last)
        high = rng.randint(low, last)
        return [low, high]

    view = dict(start)
    seen = {json.dumps(view, sort_keys=True)}
    steps: list[Step] = []
    while len(steps) < count:
        for _ in range(50):
            kind = rng.choices(kinds, weights)[0]
            changes = _changes(
                kind, view, rng, pick_articles, pick_regions, pick_period, punishments, start
            )
            if not changes:
                continue
            new = {**view, **changes}
            if any(k in changes for k in FILTER_KEYS):  # a new selection: the grid's first page
                new[ROWS] = _rows_request(0, view[ROWS]["sortModel"])
            key = json.dumps(new, sort_keys=True)
            if key not in seen:
                break
        else:  # nothing new near here: back to the default view and on from there
            changes = {k: v for k, v in start.items() if view[k] != v}
            new, key, kind = dict(start), json.dumps(start, sort_keys=True), "reset"
            if not changes:
                raise RuntimeError("no distinct states left in these filter options")
        seen.add(key)
        view = new
        steps.append(Step(kind, changes, dict(new)))
    return steps


def _changes(kind, view, rng, pick_articles, pick_regions, pick_period, punishments, start):
    rows = view[ROWS]
    if kind == "articles":
        return {ARTICLE: pick_articles()}
    if kind == "regions":  # the map's selection: a region in the region filter
        return {REGION: pick_regions()}
    if kind == "period":
        return {PERIOD: pick_period()}
    if kind == "unit":
        return {UNIT: "prosecutions" if view[UNIT] == "persons" else "persons"}
    if kind == "punishment":
        choice = ["life"] if "life" in punishments else punishments[:1]
        return {PUNISHMENT: [] if view[PUNISHMENT] == choice else choice}
    if kind == "combined":
        return {
            ARTICLE: pick_articles(),
            REGION: pick_regions() if rng.random() < 0.6 else [],
            PERIOD: pick_period() if rng.random() < 0.5 else start[PERIOD],
            UNIT: rng.choice(("persons", "prosecutions")),
        }
    if kind == "reset":
        return {k: v for k, v in start.items() if k in FILTER_KEYS and view[k] != v}
    if kind == "page":  # the next page, or back to an earlier one
        step = PAGE_SIZE * rng.choice((1, 1, 1, 2, -1))
        first_row = max(0, min(rows["startRow"] + step, 10 * PAGE_SIZE))
        return {ROWS: _rows_request(first_row, rows["sortModel"])}
    if kind == "sort":
        sort = [{"colId": rng.choice(SORT_COLUMNS), "sort": rng.choice(("asc", "desc"))}]
        return {ROWS: _rows_request(0, sort)}
    raise ValueError(kind)
