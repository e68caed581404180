"""Strict reading of numbers as the municipality publishes them, and as machines write them.

Published (Dutch) notation: a dot followed by exactly three digits groups thousands and the
comma is the decimal mark (`223.449`, `3,6`, `1.234,5`, `56%`). Nothing is guessed silently:
a dot that cannot group thousands (`5.7`) is read as the decimal it must be and reported, and
`1.234` in a file that also uses dots as decimal marks reads two ways and is refused. A
group that starts with 0 never groups thousands: `0.500` is a decimal.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

# Utrecht Monitor writes `-` for "not available"; CBS uses `.` for unknown and `x` for
# secret. All of them mean "no figure" here (a CBS `-` meaning nil is not supported).
MISSING_MARKERS = frozenset(
    {"", "-", "–", "—", ".", "..", "x", "X", "?", "n.v.t.", "n.v.t", "nvt", "n.b.", "nb"}
)

_SPACES = re.compile(r"(?<=\d)[ \u00a0\u202f\u2009](?=\d{3}(\D|$))")
# Nobody writes thousands as `0.500` or `00.123`: the first group starts with 1-9.
_DOT_GROUPS = re.compile(r"[1-9]\d{0,2}(\.\d{3})+")
_DUTCH_DECIMAL = re.compile(r"([1-9]\d{0,2}(\.\d{3})+|\d+),(\d+)")
_INTEGER = re.compile(r"\d+")
_DOT_DECIMAL = re.compile(r"\d+\.(\d+)")
_SCIENTIFIC = re.compile(r"\d+([.,](\d+))?[eE]([+-]?\d+)")
_MACHINE = re.compile(r"[+-]?(\d+(\.(\d+))?|\.(\d+))([eE]([+-]?\d+))?")
# A float keeps about 16 significant digits; more decimals than this say nothing, and the
# count is stored in a small integer that must not wrap.
MAX_DECIMALS = 15
# Whole numbers above this lose digits as floats (9007199254740993 becomes ...992).
_EXACT_LIMIT = 2**53


@dataclass(frozen=True)
class Cell:
    """A parsed cell: the value (None when missing), its published decimals, a `%` sign,
    a provisional mark (`1.234*`, CBS's way), and whether the value is a whole number too
    large for a float to hold exactly (above 2^53)."""

    value: float | None
    decimals: int = 0
    percent: bool = False
    provisional: bool = False
    imprecise: bool = False


MISSING = Cell(None)


class NumberFormatError(ValueError):
    """A cell that is not a number; `reason` names why (`ambiguous`: it reads two ways)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.position: int | None = None


@dataclass(frozen=True)
class _Token:
    kind: str  # "int", "dot_groups", "dutch", "dot_decimal", "scientific"
    negative: bool
    digits: str
    percent: bool
    provisional: bool = False


def _tokenize(text: str) -> _Token | None:
    """Classify one published cell; None for a missing marker."""
    cell = text.strip()
    if cell in MISSING_MARKERS:
        return None
    provisional = len(cell) > 1 and cell.endswith("*")
    if provisional:
        cell = cell[:-1].rstrip()
    percent = cell.endswith("%")
    if percent:
        cell = cell[:-1].rstrip()
    cell = cell.replace("\u2212", "-")  # Unicode minus, as typeset tables write it
    negative = cell.startswith("-")
    if cell[:1] in "+-":
        cell = cell[1:].lstrip()
    # Spaces (also non-breaking) group thousands in some exports: `1 234 567`.
    cell = _SPACES.sub(".", cell) if _SPACES.search(cell) else cell
    if _INTEGER.fullmatch(cell):
        kind = "int"
    elif _DOT_GROUPS.fullmatch(cell):
        kind = "dot_groups"
    elif _DUTCH_DECIMAL.fullmatch(cell):
        kind = "dutch"
    elif _DOT_DECIMAL.fullmatch(cell):
        kind = "dot_decimal"
    elif _SCIENTIFIC.fullmatch(cell):
        kind = "scientific"
    elif re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", cell):
        raise NumberFormatError("english_notation")
    else:
        raise NumberFormatError("not_a_number")
    return _Token(kind, negative, cell, percent, provisional)


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise NumberFormatError("not_finite")
    return value


def _beyond_exact(digits: str) -> bool:
    """Whether a whole number's digits exceed 2^53, compared exactly: as floats, 2^53 + 1
    already equals 2^53 (and a very long number is not converted at all)."""
    digits = digits.lstrip("0")
    return len(digits) > 16 or (len(digits) == 16 and int(digits) > _EXACT_LIMIT)


def _to_cell(token: _Token, dot_is_decimal: bool) -> Cell:
    digits = token.digits
    if token.kind == "int":
        value, decimals = float(digits), 0
    elif token.kind == "dot_groups":
        if dot_is_decimal:
            raise NumberFormatError("ambiguous")
        value, decimals = float(digits.replace(".", "")), 0
    elif token.kind == "dutch":
        whole, fraction = digits.split(",")
        value, decimals = float(whole.replace(".", "") + "." + fraction), len(fraction)
    elif token.kind == "dot_decimal":
        value, decimals = float(digits), len(digits.split(".")[1])
    else:
        value = float(digits.replace(",", "."))
        match = _SCIENTIFIC.fullmatch(digits)
        assert match is not None  # the token was classified by this pattern
        decimals = _scientific_decimals(match.group(2), match.group(3))
    value = -value if token.negative else value
    imprecise = token.kind in ("int", "dot_groups") and _beyond_exact(digits.replace(".", ""))
    return Cell(
        _finite(value), min(decimals, MAX_DECIMALS), token.percent, token.provisional, imprecise
    )


def _scientific_decimals(fraction: str | None, exponent: str | None) -> int:
    """The decimals `2,5e-1` shows once written out: 0,25 has 2 (1 written, 1 shifted)."""
    # An exponent too long to convert is far beyond what a float holds either way.
    shift = int(exponent) if exponent and len(exponent) < 8 else 0
    return min(max(0, len(fraction or "") - shift), MAX_DECIMALS)


_ZERO_GROUP = re.compile(r"[+-]?0\d{0,2}\.\d{3}\s*%?")


def starts_with_zero_group(text: str) -> bool:
    """Whether a dot-decimal cell looks like thousands but for its leading 0 (`0.500`)."""
    return bool(_ZERO_GROUP.fullmatch(text.strip().replace("\u2212", "-")))


def dot_decimal_position(texts: list[str]) -> int | None:
    """The first cell that writes its decimals with a dot (`5.7`, `0.500`), if any.

    One such cell anywhere in a file shows its author may write decimals with a dot: then a
    `1.234` elsewhere in the file could be either. Cells that are not numbers count for
    nothing here; reading them refuses them.
    """
    for position, text in enumerate(texts):
        try:
            token = _tokenize(text)
        except NumberFormatError:
            continue
        if token is not None and token.kind == "dot_decimal":
            return position
    return None


def parse_published_row(
    texts: list[str], dot_is_decimal: bool | None = None
) -> tuple[list[Cell], list[int]]:
    """Parse the value cells of one published row.

    `dot_is_decimal` says whether the file elsewhere writes decimals with a dot (None: judge
    by this row alone). Returns the cells and the positions of cells read with a dot as
    decimal mark (the caller warns about those). Raises NumberFormatError with `.position`
    set for the first bad cell.
    """
    tokens: list[_Token | None] = []
    for position, text in enumerate(texts):
        try:
            tokens.append(_tokenize(text))
        except NumberFormatError as error:
            error.position = position
            raise
    # A dot that cannot group thousands shows the file writes decimals with a dot; then a
    # `1.234` could be either and must not be guessed.
    if dot_is_decimal is None:
        dot_is_decimal = any(t is not None and t.kind == "dot_decimal" for t in tokens)
    cells: list[Cell] = []
    dot_decimal_positions: list[int] = []
    for position, token in enumerate(tokens):
        if token is None:
            cells.append(MISSING)
            continue
        try:
            cells.append(_to_cell(token, dot_is_decimal))
        except NumberFormatError as error:
            error.position = position
            raise
        if token.kind == "dot_decimal":
            dot_decimal_positions.append(position)
    return cells, dot_decimal_positions


def parse_machine_number(text: str) -> Cell:
    """Parse a locale-free number (`.` decimal mark, no grouping), as in canonical files."""
    cell = text.strip()
    if cell in MISSING_MARKERS:
        return MISSING
    match = _MACHINE.fullmatch(cell)
    if match is None:
        raise NumberFormatError("not_machine_number")
    fraction = match.group(3) or match.group(4)
    decimals = _scientific_decimals(fraction, match.group(6))
    value = _finite(float(cell))
    whole = fraction is None and match.group(6) is None
    imprecise = whole and _beyond_exact(cell.lstrip("+-"))
    return Cell(value, min(decimals, MAX_DECIMALS), imprecise=imprecise)
