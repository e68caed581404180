"""Numbers for people: rounded half away from zero, then written the Dutch or English way.

Babel supplies the locale's symbols (both locales group digits by threes); the rounding
is done here, because Babel and Python's round() round half to even. `format_numbers`
writes a whole array at once, with `decimal.ROUND_HALF_UP` for the few values near a tie
or too large to round as doubles; `format_number` is its one-value form.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Context, Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from kanaalstats.domain.units import PERCENT, SCALE
from kanaalstats.text.catalogue import text

if TYPE_CHECKING:
    import numpy as np

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


@lru_cache(maxsize=4)
def _symbols(lang: str) -> dict[int, str]:
    """The locale's decimal mark and thousands separator, from Babel, as a translation of
    Python's `,` and `.`; asked for once per language.

    Babel's format_decimal parses its pattern and looks up the locale on every call
    (~70 µs); a table of 100,000 rows has a million numbers.
    """
    from babel.numbers import get_decimal_symbol, get_group_symbol

    locale = _LOCALES[lang]
    return str.maketrans({",": get_group_symbol(locale), ".": get_decimal_symbol(locale)})


@lru_cache(maxsize=4)
def _signs(lang: str) -> tuple[str, str]:
    from babel.numbers import get_minus_sign_symbol, get_plus_sign_symbol

    locale = _LOCALES[lang]
    return get_plus_sign_symbol(locale), get_minus_sign_symbol(locale)


def format_number(value: float | None, decimals: int, lang: str, signed: bool = False) -> str:
    """`223.449`, `3,6`, `+12,1` in Dutch; `223,449`, `3.6` in English; `–` when missing.

    One value as `format_numbers` writes it, by the exact rounding that `format_numbers`
    falls back on (an array for one value costs more than the Decimal does).
    """
    if value is None or not math.isfinite(value):
        return MISSING_TEXT
    value = float(value)
    whole = _quick_whole(value, decimals)
    if whole is None:
        return _exactly(value, decimals, lang, signed)
    return _grouped(whole, decimals, value < 0, signed, lang)


def rounded(value: float, decimals: int) -> float:
    """`round_half_up` as a float: 2.675 → 2.68, -12.5 → -13.0."""
    whole = _quick_whole(value, decimals)
    if whole is None:
        return float(round_half_up(value, decimals))
    # Both are exact integers below 2**53: the division gives the nearest double.
    return math.copysign(whole / 10**decimals, value)


def _quick_whole(value: float, decimals: int) -> int | None:
    """|value| × 10**decimals rounded half up, where a double decides it as Decimal would (see
    `format_numbers`); None for ties, huge values and negative decimals."""
    if decimals < 0:
        return None
    scaled = abs(value) * 10.0**decimals
    if scaled < 1e9 and abs(scaled - math.floor(scaled) - 0.5) > 1e-6:
        return math.floor(scaled + 0.5)
    return None


def _grouped(whole: int, decimals: int, negative: bool, signed: bool, lang: str) -> str:
    plus, minus = _signs(lang)
    sign = "" if whole == 0 else minus if negative else plus if signed else ""
    return sign + _bodies([whole], decimals, lang)[0]


def _bodies(wholes: list[int], decimals: int, lang: str) -> list[str]:
    """Whole numbers of `10**-decimals` written without their sign, grouped by threes with
    the locale's symbols: Python's own grouping of each, then one translation of all."""
    if not wholes:
        return []  # joined, no numbers would read as one empty text
    if decimals <= 0:
        bodies = [f"{whole:,}" for whole in wholes]
    else:
        unit, digits = 10**decimals, _fraction_digits(decimals)
        bodies = [
            f"{whole // unit:,}.{digits[whole % unit]}"
            if digits
            else f"{whole // unit:,}.{whole % unit:0{decimals}d}"
            for whole in wholes
        ]
    return "\n".join(bodies).translate(_symbols(lang)).split("\n")


@lru_cache(maxsize=8)
def _fraction_digits(decimals: int) -> list[str]:
    """The decimal digits of every fraction, for a table's few decimals (at most 3); none
    for more, which are written one by one."""
    return [f"{n:0{decimals}d}" for n in range(10**decimals)] if decimals <= 3 else []


def format_numbers(
    values: np.ndarray[Any, Any],
    decimals: int,
    lang: str,
    signed: bool = False,
    suffix: str = "",
) -> list[str]:
    """Every value of an array rounded half up and written the `lang` way, followed by
    `suffix`; `–` when missing.

    Grouped by threes (the `#,##0` pattern of both locales), with the locale's symbols; no
    sign on a value that rounds to 0, `+` on the others when `signed`.

    Rounding half up needs Decimal only near a tie: below 1e9 (scaled), a double and its
    shortest decimal differ by less than 1e-6 there, so wherever the scaled value is not
    within 1e-6 of ·5 rounding the double gives the same whole number. Those few, and values
    too large for that, go through `_exactly`.
    """
    import numpy as np

    numbers = np.asarray(values, dtype="float64")
    finite = np.isfinite(numbers)
    # Near 1e308 the scaled value overflows to infinity: not quick, and no warning.
    with np.errstate(over="ignore", invalid="ignore"):
        scaled = np.abs(np.where(finite, numbers, 0.0)) * 10.0**decimals
        quick = finite & (scaled < 1e9) & (np.abs(scaled - np.floor(scaled) - 0.5) > 1e-6)
    whole = np.floor(np.where(quick, scaled, 0.0) + 0.5).astype(np.int64)
    written = _bodies(whole.tolist(), decimals, lang)
    plus, minus = _signs(lang)
    sign = np.where(whole == 0, 0, np.where(numbers < 0, 2, 1 if signed else 0))
    signs = ("", plus, minus)
    texts = [signs[s] + body + suffix for s, body in zip(sign.tolist(), written, strict=True)]
    for row in np.flatnonzero(~quick).tolist():
        value = float(numbers[row])
        texts[row] = (
            _exactly(value, decimals, lang, signed) + suffix if finite[row] else MISSING_TEXT
        )
    return texts


def _exactly(value: float, decimals: int, lang: str, signed: bool) -> str:
    """`format_numbers` of one finite value, rounded by Decimal: for ties and huge values."""
    rounded = round_half_up(value, decimals)
    plus, minus = _signs(lang)
    # Neither "-0" nor "+0": no change reads as 0.
    sign = "" if rounded == 0 else minus if rounded < 0 else plus if signed else ""
    # copy_abs, not abs(): abs() rounds to the default 28 digits, and 1e27 lost its decimals.
    return sign + format(rounded.copy_abs(), ",f").translate(_symbols(lang))


def unit_suffix(unit: str, lang: str, change: bool = False) -> str:
    """What follows a figure in `unit`: `%`, ` pp`, ` mln`, or nothing."""
    if unit == PERCENT:
        return " pp" if change else "%"
    if unit == PERCENTAGE_POINTS:
        return " pp"
    if unit in SCALE:
        return " " + text("millions_suffix", lang)
    return ""


def format_percent(value: float | None, decimals: int, lang: str, signed: bool = False) -> str:
    """`12%`, `+12,1%`."""
    number = format_number(value, decimals, lang, signed)
    return number if number == MISSING_TEXT else number + "%"


def format_in_unit(
    value: float | None,
    unit: str,
    decimals: int,
    lang: str,
    *,
    change: bool = False,
    with_unit: bool = True,
) -> str:
    """A value or change as the indicator's unit reads: `56%`, `+4 pp`, `4,6 mln`, `223.449`."""
    number = format_number(value, decimals, lang, signed=change)
    if number == MISSING_TEXT or not with_unit:
        return number
    return number + unit_suffix(unit, lang, change)
