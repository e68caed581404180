"""What one table file contributes before the files are merged, and the checks all forms share."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kanaalstats.domain.dataset import ID_PATTERN
from kanaalstats.domain.errors import DataError
from kanaalstats.domain.message import Message
from kanaalstats.load.numbers import NumberFormatError
from kanaalstats.load.source import Row

if TYPE_CHECKING:
    import pandas as pd

METADATA_COLUMNS = (
    "label_nl",
    "label_en",
    "unit",
    "footnote",
    "source",
    "quote",
    "section",
    "subject_nl",
    "subject_en",
)
YEAR = re.compile(r"\d{4}")
# A published header's years: whole years in the range a statistics table covers, possibly
# marked provisional the way CBS marks them (`2020*`). A count such as 5213 never is one; a
# count such as 1876 could be, so where it stands in the table decides (published.py).
_PLAUSIBLE_YEAR = re.compile(r"(1[89]\d\d|20\d\d|2100)\s*\*?")
ID = re.compile(ID_PATTERN)


@dataclass
class Indicator:
    id: str
    label_nl: str
    line: int
    origin: str
    unit: str
    label_en: str = ""
    footnote: str = ""
    source: str = ""
    quote: str = ""
    section: str = ""
    subject_nl: str = ""
    subject_en: str = ""
    # What chose the unit: `file`, `cells` (a % sign), `label:WORDS`, `guess` (README, Units).
    unit_rule: str = "file"


@dataclass
class Part:
    """What one file contributes before the files are merged."""

    indicators: list[Indicator] = field(default_factory=list)
    values: list[tuple[str, int, float | None, int]] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)
    frame: pd.DataFrame | None = None  # the long form's values, already tidy
    provisional: list[tuple[str, int]] = field(default_factory=list)  # (indicator, year)
    named_regions: bool = False  # a CBS file whose regions were named from a region list


def plausible_year(text: str) -> int | None:
    """The year a header cell names (1800-2100, `2020*` provisional), or None."""
    match = _PLAUSIBLE_YEAR.fullmatch(text.strip())
    return int(match.group(1)) if match else None


def check_unique_years(name: str, line: int, years: Iterable[int]) -> None:
    seen: set[int] = set()
    for year in years:
        if year in seen:
            raise DataError("duplicate_year", path=name, line=line, year=year)
        seen.add(year)


def check_width(name: str, row: Row, width: int, years: int) -> None:
    """Refuse a row with text beyond the header's `width` cells."""
    if any(cell.strip() for cell in row.cells[width:]):
        raise DataError("row_too_long", path=name, line=row.line, cells=len(row.cells), years=years)


def cell_error(name: str, line: int, year: int, text: str, error: NumberFormatError) -> DataError:
    return DataError(f"cell_{error.reason}", path=name, line=line, year=year, text=text.strip())


def imprecise(name: str, line: int, year: int, text: str) -> Message:
    """The warning for a whole number above 2^53 (`Cell.imprecise`): every form says it so."""
    return Message("cell_imprecise", {"path": name, "line": line, "year": year, "text": text})


def slug(label: str) -> str:
    """A stable id from a label: ASCII, lower case, words joined by `_` (`%` becomes `pct`)."""
    ascii_label = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_label.lower().replace("%", " pct ")).strip("_")


def remember_indicator(seen: dict[str, int], indicator: str, path: str, line: int) -> None:
    """Note the line an indicator is on; refuse it when an earlier line had it already."""
    if indicator in seen:
        raise DataError(
            "duplicate_indicator", path=path, id=indicator, line=line, first=seen[indicator]
        )
    seen[indicator] = line
