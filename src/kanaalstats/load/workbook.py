"""Excel workbooks (`.xlsx`, `.xlsm`): one sheet read as the rows of a table file.

openpyxl reads each cell's number format, which says the decimals and percent a figure is
published with (0.56 formatted `0%` is 56 % to 0 decimals, what `check` compares with);
calamine is faster but does not give formats. Each number is written out the way the sheet
shows it, in Dutch notation for the published form or machine notation for the others, so
every form's reader and all its checks apply unchanged.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from kanaalstats.domain.errors import InputFileError, MissingExtraError, UsageError
from kanaalstats.load.numbers import MAX_DECIMALS
from kanaalstats.load.source import Row

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


@dataclass(frozen=True)
class _Number:
    value: float
    decimals: int
    percent: bool


def read_workbook(path: Path, name: str, sheet: str | None) -> list[list[_Number | str]]:
    """The sheet's cells, row by row: numbers with their shown decimals, or text."""
    try:
        import openpyxl
    except ImportError:
        raise MissingExtraError("xlsx_needs_openpyxl") from None
    try:
        # Our own handles, closed here even when a cell is refused halfway through a sheet.
        with path.open("rb") as shown_file, path.open("rb") as written_file:
            values = _open(openpyxl, shown_file, name, data_only=True)
            names = values.sheetnames
            chosen = names[0] if sheet is None else sheet
            if chosen not in names:
                raise UsageError("sheet_unknown", path=name, sheet=chosen, sheets=", ".join(names))
            # Only the formulas' workbook tells an empty cell from a formula never calculated.
            formulas = _open(openpyxl, written_file, name, data_only=False)
            pairs = zip(values[chosen].iter_rows(), formulas[chosen].iter_rows(), strict=False)
            return [
                [_cell(name, a, b) for a, b in zip(shown, written, strict=False)]
                for shown, written in pairs
            ]
    except FileNotFoundError:
        raise InputFileError("file_not_found", path=name) from None
    except IsADirectoryError:
        raise InputFileError("file_is_directory", path=name) from None
    except OSError as error:
        raise InputFileError("file_not_readable", path=name, reason=error.strerror) from None


def _open(openpyxl: Any, handle: BinaryIO, name: str, data_only: bool) -> Any:
    try:
        return openpyxl.load_workbook(handle, read_only=True, data_only=data_only)
    except Exception as error:  # openpyxl raises zipfile, KeyError and its own errors
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise InputFileError("file_not_readable", path=name, reason=reason) from None


def _cell(name: str, shown: Any, written: Any) -> _Number | str:
    value = shown.value
    if value is None:
        if isinstance(written.value, str) and written.value.startswith("="):
            raise InputFileError("workbook_formula_uncached", path=name, cell=shown.coordinate)
        return ""
    if isinstance(value, bool):
        raise InputFileError("workbook_cell_type", path=name, cell=shown.coordinate, text=value)
    if isinstance(value, (datetime.date, datetime.time, datetime.timedelta)):
        raise InputFileError("workbook_cell_type", path=name, cell=shown.coordinate, text=value)
    if isinstance(value, (int, float)):
        decimals, percent = _format(str(shown.number_format or "General"), float(value))
        return _Number(float(value) * (100 if percent else 1), decimals, percent)
    return str(value).strip()


def _format(number_format: str, value: float) -> tuple[int, bool]:
    """The decimals and percent a number format shows (its first, positive section)."""
    section = _QUOTED.sub("", number_format.split(";")[0])
    if section.strip().lower() in ("general", "@", ""):
        text = repr(value)
        if "e" in text or "E" in text:
            mantissa, exponent = text.lower().split("e")
            fraction = mantissa.split(".")[1] if "." in mantissa else ""
            decimals = max(0, len(fraction.rstrip("0")) - int(exponent))
        else:
            decimals = len(text.split(".")[1].rstrip("0")) if "." in text else 0
        return min(decimals, MAX_DECIMALS), False
    percent = "%" in section
    match = re.search(r"\.([0#?]+)", section)
    return (len(match.group(1)) if match else 0), percent


def workbook_rows(cells: list[list[_Number | str]], dutch: bool) -> list[Row]:
    """The sheet as text rows (the line of each is its row number in the sheet)."""
    rows: list[Row] = []
    for number, row in enumerate(cells, start=1):
        texts = [_text(cell, dutch) for cell in row]
        if any(texts):
            rows.append(Row(number, texts))
    return rows


def _text(cell: _Number | str, dutch: bool) -> str:
    if isinstance(cell, str):
        return cell
    text = f"{cell.value:.{cell.decimals}f}"
    if dutch:
        return text.replace(".", ",") + ("%" if cell.percent else "")
    return text
