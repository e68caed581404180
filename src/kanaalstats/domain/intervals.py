"""Interval arithmetic for figures that were rounded before they were published.

`3,6` million stands for anything in [3,55; 3,65]; a figure derived from published values can
be anything the same formula gives over those ranges. All formulas used here are monotone in
each input, so the bounds come from the inputs' bounds.
"""

from __future__ import annotations

from dataclasses import dataclass

from kanaalstats.domain.units import FLOW, STOCK


@dataclass(frozen=True)
class Interval:
    low: float
    high: float

    @classmethod
    def around(cls, value: float, decimals: int) -> Interval:
        """The values that round to `value` at `decimals` places (half a unit either side)."""
        half = 0.5 * 10.0**-decimals
        return cls(value - half, value + half)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.low - other.high, self.high - other.low)

    def scaled(self, factor: float) -> Interval:
        low, high = self.low * factor, self.high * factor
        return Interval(min(low, high), max(low, high))

    def ratio(self, other: Interval) -> Interval | None:
        """self / other for a strictly positive denominator. A numerator may reach below 0
        (a published 0,0 stands for -0,05 … 0,05); x / y is monotone in each of x and y
        for y > 0, so the bounds are among the corners."""
        if other.low <= 0:
            return None
        corners = [x / y for x in (self.low, self.high) for y in (other.low, other.high)]
        return Interval(min(corners), max(corners))

    def power(self, exponent: float) -> Interval:
        return Interval(self.low**exponent, self.high**exponent)

    def change_pct(self, before: Interval) -> Interval | None:
        """The relative change in % from `before` to this, over both ranges; None from a
        base that may be 0 or below."""
        ratio = self.ratio(before)
        if ratio is None:
            return None
        return Interval(ratio.low - 1, ratio.high - 1).scaled(100)

    def overlaps(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high


def published_range(value: float, decimals: int, unit: str) -> Interval:
    """What a published value stands for: a whole count (237.660 visits) is exact; a value
    with decimals, in millions or in percent stands for what rounds to it."""
    if decimals == 0 and unit in (FLOW, STOCK):
        return Interval(value, value)
    return Interval.around(value, decimals)
