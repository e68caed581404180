"""Displayed numbers: half away from zero, Dutch and English notation, missing as a dash."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext

import numpy as np
import pytest
from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from kanaalstats.domain.units import UNITS
from kanaalstats.text.numbers import (
    format_in_unit,
    format_number,
    format_numbers,
    format_percent,
    round_half_up,
)
from kanaalstats.text.visible import visible


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (12.5, 0, "13"),  # half-even would give 12
        (2.5, 0, "3"),
        (-12.5, 0, "-13"),
        (0.125, 2, "0.13"),
        (2.675, 2, "2.68"),  # the binary double is 2.67499..., the figure as written is 2.675
        (1.05, 1, "1.1"),
    ],
)
def test_round_half_away_from_zero(value: float, decimals: int, expected: str) -> None:
    assert str(round_half_up(value, decimals)) == expected


def test_dutch_and_english_notation() -> None:
    assert format_number(223449, 0, "nl") == "223.449"
    assert format_number(223449, 0, "en") == "223,449"
    assert format_number(3.6, 1, "nl") == "3,6"
    assert format_number(1234.55, 1, "nl") == "1.234,6"  # 1.234,55 → 1.234,6 (half up)
    assert format_number(31548, 0, "nl", signed=True) == "+31.548"
    assert format_number(-3073, 0, "nl", signed=True) == "-3.073"


def test_one_number_rounds_ties_and_huge_values_exactly() -> None:
    # 2.675 → 2.68 as written (its double is 2.67499...); -0.5 → -1 (away from zero)
    assert format_number(2.675, 2, "en") == "2.68"
    assert format_number(-0.5, 0, "nl", signed=True) == "-1"
    # 1e15 with 1 decimal is 1e16 tenths, past the quick path's 1e9: 1.000.000.000.000.000,0
    assert format_number(1e15, 1, "nl") == "1.000.000.000.000.000,0"
    # 123456789012.5 → 123.456.789.013 (half up), past 1e9 as well
    assert format_number(123456789012.5, 0, "nl", signed=True) == "+123.456.789.013"
    # 1e27 to 1 decimal has 29 digits, more than Decimal's default 28: none may be lost
    assert format_number(1e27, 1, "en") == "1" + ",000" * 9 + ".0"


def _babel(value: float, decimals: int, lang: str, signed: bool) -> str:
    """What Babel writes for `value` rounded half up to `decimals` places, as written
    (repr), with the pattern the locale would use; the dash when not finite."""
    if not math.isfinite(value):
        return "–"
    # Wide enough for 1e308 written out, inside Babel too.
    with localcontext(Context(prec=400)):
        rounded = Decimal(repr(value)).quantize(
            Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP
        )
        if rounded == 0:
            rounded, signed = abs(rounded), False
        body = "#,##0" + ("." + "0" * decimals if decimals else "")
        pattern = f"+{body};-{body}" if signed else body
        locale = {"nl": "nl_NL", "en": "en_GB"}[lang]
        return format_decimal(rounded, format=pattern, locale=locale, decimal_quantization=False)


@given(
    value=st.floats(allow_nan=False, allow_infinity=False),
    decimals=st.integers(0, 3),
    lang=st.sampled_from(["nl", "en"]),
    signed=st.booleans(),
)
def test_notation_is_babels(value: float, decimals: int, lang: str, signed: bool) -> None:
    assert format_number(value, decimals, lang, signed) == _babel(value, decimals, lang, signed)


def _halves(decimals: int) -> st.SearchStrategy[float]:
    """Figures written with a final 5 just past `decimals` (1.005, -0.125): ties as written,
    whose doubles often fall just below the tie."""
    return st.builds(
        lambda whole, sign: sign * (whole + 0.5) / 10**decimals,
        st.integers(0, 10**9),
        st.sampled_from([1, -1]),
    )


_OTHERS = st.one_of(
    st.integers(-(10**12), 10**12).map(float),
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=-1e6, max_value=1e6),
)


# Up to 6 decimals: a table's figures use a few; the loader finds up to 6.
@given(data=st.data(), decimals=st.integers(0, 6), lang=st.sampled_from(["nl", "en"]))
def test_a_column_is_babels_rounded_half_up(data: st.DataObject, decimals: int, lang: str) -> None:
    values = data.draw(st.lists(st.one_of(_halves(decimals), _OTHERS), max_size=30))
    signed = data.draw(st.booleans())
    expected = [_babel(v, decimals, lang, signed) for v in values]
    assert format_numbers(np.array(values, dtype="float64"), decimals, lang, signed) == expected


def test_a_column_rounds_half_away_from_zero() -> None:
    # 1.005 → 1,01 and 0.285 → 0,29 as written (their doubles are 1.00499... and 0.28499...);
    # -0.125 → -0,13; 0.004 → 0,00; 2e9 is 2e11 hundredths, past the quick path's 1e9
    numbers = np.array([1.005, 0.285, -0.125, 0.004, 1234.5, 2e9, np.nan, -np.inf])
    expected = ["1,01", "0,29", "-0,13", "0,00", "1.234,50", "2.000.000.000,00", "–", "–"]
    assert format_numbers(numbers, 2, "nl") == expected


def test_zero_has_no_sign() -> None:
    assert format_number(-0.04, 1, "nl", signed=True) == "0,0"
    assert format_number(0.0, 0, "en", signed=True) == "0"


def test_missing() -> None:
    assert format_number(None, 0, "nl") == "–"
    assert format_number(float("nan"), 1, "en") == "–"
    assert format_number(float("inf"), 1, "nl", signed=True) == "–"
    assert format_percent(None, 1, "nl") == "–"


def test_units() -> None:
    assert format_in_unit(56, "percent", 0, "nl") == "56%"
    assert format_in_unit(4, "percent", 0, "nl", change=True) == "+4 pp"
    assert format_in_unit(0.9, "flow_millions", 1, "nl", change=True) == "+0,9 mln"
    assert format_in_unit(5.5, "flow_millions", 1, "en") == "5.5 mn"
    assert format_percent(12.1318, 1, "nl", signed=True) == "+12,1%"
    assert format_percent(36.5864, 1, "en") == "36.6%"


@settings(max_examples=400, deadline=None)
@given(
    value=st.floats(min_value=-1e12, max_value=1e12, allow_nan=False)
    | st.integers(-(10**7), 10**7).map(lambda n: n / 8),  # exact ties: 0.125, 2.5, …
    decimals=st.integers(0, 3),
    lang=st.sampled_from(["nl", "en"]),
    signed=st.booleans(),
)
def test_the_quick_scalar_rounding_is_decimals_rounding(
    value: float, decimals: int, lang: str, signed: bool
) -> None:
    from kanaalstats.text.numbers import _exactly, round_half_up, rounded

    # The quick path may only be taken where a double decides as Decimal's half-up does.
    assert format_number(value, decimals, lang, signed) == _exactly(value, decimals, lang, signed)
    assert rounded(value, decimals) == float(round_half_up(value, decimals))


@settings(max_examples=200, deadline=None)
@given(
    values=st.lists(st.floats(allow_nan=True, allow_infinity=True), min_size=1, max_size=20),
    unit=st.sampled_from(UNITS),
    decimals=st.integers(0, 3),
    lang=st.sampled_from(["nl", "en"]),
)
def test_figures_hold_nothing_markdown_or_a_terminal_acts_on(
    values: list[float], unit: str, decimals: int, lang: str
) -> None:
    # The Markdown writer leaves figures as people's cells wrote them; this is why it may.
    import pandas as pd

    from kanaalstats.domain.result import Column
    from kanaalstats.render.cells import human_columns
    from kanaalstats.render.machine import NUMERIC_KINDS
    from kanaalstats.render.people import _md

    frame = pd.DataFrame({"x": values, "unit": unit, "decimals": decimals})
    columns = [Column("x", "x", kind, decimals) for kind in sorted(NUMERIC_KINDS)]
    for cells in human_columns(frame, columns, lang):
        for cell in cells:
            assert _md(visible(cell)) == cell, cell
