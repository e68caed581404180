"""Context for a year's change (`report --context`): how long the direction has held, when
it last went this way, how the level stands against earlier years, and whether it is the
largest rise or fall among the table's counts.

Only what the table shows is said: a run of years is counted over consecutive years that all
have a value, and a gap ends it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kanaalstats.domain.units import PERCENT, SCORE

if TYPE_CHECKING:
    import pandas as pd

# A ranking among fewer rows says little ("the largest of two").
_RANKED_AT_LEAST = 3


@dataclass(frozen=True)
class Context:
    streak: int = 0  # year-on-year steps in this direction up to the year (2: "second in a row")
    first_since: int | None = None  # the last year before this one that went this way
    level_since: int | None = None  # the last earlier year with a level at least this high (low)
    level_from: int | None = None  # this level is the highest (lowest) of all years from then
    largest: bool = False  # the largest relative rise (fall) of the table's counts


def contexts(
    frame: pd.DataFrame, years: Sequence[int], matrix: Any, rows: Sequence[int]
) -> list[Context]:
    """The context of each row of a `year_on_year` frame; `matrix[rows[n]]` holds row n's
    values for every year of `years`."""
    ranked = _largest(frame)
    found = []
    for n, (year, direction) in enumerate(zip(frame["year"], frame["direction"], strict=True)):
        if direction not in ("up", "down"):
            found.append(Context())
            continue
        values = [float(v) for v in matrix[rows[n]]]
        found.append(_series(values, list(years), int(year), direction == "up", ranked[n]))
    return found


def _series(values: list[float], years: list[int], year: int, up: bool, largest: bool) -> Context:
    at = years.index(year)

    def step(end: int) -> int | None:
        """+1, -1 or 0 for the step into years[end]; None when a value is missing."""
        a, b = values[end - 1], values[end]
        if math.isnan(a) or math.isnan(b):
            return None
        return (b > a) - (b < a)

    way = 1 if up else -1
    streak = 1
    while at - streak >= 1 and step(at - streak) == way:
        streak += 1
    first_since = None
    if streak == 1:
        end = at - 1
        while end >= 1 and step(end) not in (way, None):
            end -= 1
        # "Voor het eerst sinds" says a while: two steps or more between did not go this way.
        if end >= 1 and end < at - 2 and step(end) == way:
            first_since = years[end]
    level_since, level_from = _level(values, years, at, up)
    return Context(streak, first_since, level_since, level_from, largest)


def _level(
    values: list[float], years: list[int], at: int, up: bool
) -> tuple[int | None, int | None]:
    """The last earlier year at least as high (for a rise; as low for a fall), when at least
    one year lies between; else the first year of the run of values this one tops."""
    now = values[at]
    earlier = at - 1
    while earlier >= 0 and not math.isnan(values[earlier]):
        if (values[earlier] >= now) if up else (values[earlier] <= now):
            return (years[earlier], None) if earlier < at - 1 else (None, None)
        earlier -= 1
    first = earlier + 1
    return None, (years[first] if at - first >= 2 else None)


def _largest(frame: pd.DataFrame) -> list[bool]:
    """For each row, whether its relative change is the largest rise (or fall) among the
    counts of its entity: rows in percent or a score change in points, not in %."""
    import numpy as np
    import pandas as pd

    pct = pd.to_numeric(frame["change_pct"], errors="coerce").to_numpy(dtype="float64")
    units = frame["unit"].astype(str).to_numpy()
    counts = ~np.isin(units, [PERCENT, SCORE]) & ~np.isnan(pct)
    counts &= frame["value"].to_numpy(dtype="float64") >= 0
    if "entity" in frame:
        entities = frame["entity"].astype(str).to_numpy()
    else:
        entities = np.full(len(frame), "")
    largest = [False] * len(frame)
    for name in set(entities[counts]):
        members = np.flatnonzero(counts & (entities == name))
        if len(members) < _RANKED_AT_LEAST:
            continue
        for sign in (1.0, -1.0):
            side = members[pct[members] * sign > 0]
            sizes = pct[side] * sign
            if len(side) >= 2 and (sizes == sizes.max()).sum() == 1:
                largest[int(side[sizes.argmax()])] = True
    return largest
