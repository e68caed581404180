"""Numbers for people: rounded half away from zero, then written the Dutch or English way.

Babel supplies the locale's symbols and grouping; the rounding is done here first with
`decimal.ROUND_HALF_UP`, because Babel and Python's round() round half to even.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext
from functools import lru_cache

from kanaalstats.units import PERCENT, SCALE

MISSING_TEXT = "–"
_WIDE = Context(prec=400)
# Not an indicator's unit: the unit of a difference between two percentages.
PERCENTAGE_POINTS = "pp"
_LOCALES = {"nl": "nl_NL", "en": "en_GB"}


def round_half_up(value: float, decimals: int) -> Decimal:
    """Round as statistical offices do: 12.5 → 13, -12.5 → -13, 2.675 → 2.68."""
    # str() gives the shortest repr, so 2.675 rounds as written instead of as 2.67499999...
    quantum = Decimal(1).scaleb(-decimals)
    # Enough digits for the largest double (1e308) written out in full.
    return Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP, context=_WIDE)


@lru_cache(maxsize=64)
def _pattern(decimals: int, signed: bool) -> str:
    body = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return f"+{body};-{body}" if signed else body


def format_number(value: float | None, decimals: int, lang: str, signed: bool = False) -> str:
    """`223.449`, `3,6`, `+12,1` in Dutch; `223,449`, `3.6` in English; `–` when missing."""
    if value is None or not math.isfinite(value):
        return MISSING_TEXT
    from babel.numbers import format_decimal

    rounded = round_half_up(float(value), decimals)
    if rounded == 0:
        # Neither "-0" nor "+0": no change reads as 0.
        rounded, signed = abs(rounded), False
    with localcontext(_WIDE):
        return str(
            format_decimal(rounded, format=_pattern(decimals, signed), locale=_LOCALES[lang])
        )


def format_percent(value: float | None, decimals: int, lang: str, signed: bool = False) -> str:
    """`12%`, `+12,1%`."""
    text = format_number(value, decimals, lang, signed)
    return text if text == MISSING_TEXT else text + "%"


def format_in_unit(
    value: float | None,
    unit: str,
    decimals: int,
    lang: str,
    *,
    change: bool = False,
    unit_suffix: bool = True,
) -> str:
    """A value or change as the indicator's unit reads: `56%`, `+4 pp`, `4,6 mln`, `223.449`."""
    text = format_number(value, decimals, lang, signed=change)
    if text == MISSING_TEXT or not unit_suffix:
        return text
    if unit == PERCENT:
        return text + (" pp" if change else "%")
    if unit == PERCENTAGE_POINTS:
        return text + " pp"
    if unit in SCALE:
        return text + (" mln" if lang == "nl" else " mn")
    return text
