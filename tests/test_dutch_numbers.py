"""Strict reading of Dutch published numbers and of machine numbers."""

from __future__ import annotations

import pytest

from kanaalstats.load.numbers import (
    NumberFormatError,
    parse_machine_number,
    parse_published_row,
)


def values(*texts: str) -> list[float | None]:
    cells, _ = parse_published_row(list(texts))
    return [cell.value for cell in cells]


@pytest.mark.parametrize(
    ("text", "expected", "decimals"),
    [
        ("3,6", 3.6, 1),
        ("223.449", 223449.0, 0),
        ("1.234,5", 1234.5, 1),
        ("1.234.567", 1234567.0, 0),
        ("56%", 56.0, 0),
        ("12,5%", 12.5, 1),
        ("12,5 %", 12.5, 1),
        ("-5", -5.0, 0),
        ("\u22125,5", -5.5, 1),  # a typeset minus sign
        ("1\u00a0234", 1234.0, 0),  # non-breaking space groups thousands
        ("1 234 567", 1234567.0, 0),
        ("0", 0.0, 0),
        ("1e308", 1e308, 0),
    ],
)
def test_published_notation(text: str, expected: float, decimals: int) -> None:
    cells, dotted = parse_published_row([text])
    assert cells[0].value == expected
    assert cells[0].decimals == decimals
    assert dotted == []


@pytest.mark.parametrize("marker", ["", "-", "–", ".", "x", "n.v.t.", "  -  "])
def test_missing_markers(marker: str) -> None:
    assert values(marker) == [None]


def test_percent_sign_is_recorded() -> None:
    cells, _ = parse_published_row(["56%", "61"])
    assert [c.percent for c in cells] == [True, False]


def test_dot_that_cannot_group_thousands_is_a_decimal_and_reported() -> None:
    # `5.7` among `5,6` and `5,3`: a dot followed by one digit cannot group thousands.
    cells, dotted = parse_published_row(["5,6", "5.7", "5,3"])
    assert [c.value for c in cells] == [5.6, 5.7, 5.3]
    assert dotted == [1]


def test_dot_group_in_a_row_with_dot_decimals_is_ambiguous() -> None:
    # `1.234` is a thousand in Dutch, but this row writes decimals with a dot (`5.7`).
    with pytest.raises(NumberFormatError) as caught:
        parse_published_row(["5.7", "1.234"])
    assert caught.value.reason == "ambiguous"
    assert caught.value.position == 1


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("abc", "not_a_number"),
        ("3,6,1", "not_a_number"),
        ("12a", "not_a_number"),
        ("1,234,567", "english_notation"),
        ("1,234.5", "english_notation"),
        ("1e999", "not_finite"),
        ("1.23.4", "not_a_number"),
    ],
)
def test_refused(text: str, reason: str) -> None:
    with pytest.raises(NumberFormatError) as caught:
        parse_published_row(["1", text])
    assert caught.value.reason == reason
    assert caught.value.position == 1


def test_machine_notation() -> None:
    assert parse_machine_number("3.6").value == 3.6
    assert parse_machine_number("3.6").decimals == 1
    assert parse_machine_number("223449").value == 223449
    assert parse_machine_number("-0.25").value == -0.25
    assert parse_machine_number("").value is None
    with pytest.raises(NumberFormatError):
        parse_machine_number("3,6")
    with pytest.raises(NumberFormatError):
        parse_machine_number("223.449.1")
