"""CSV, JSON and JSON Lines for machines, written block by block.

Each column is prepared once per block as arrow text: numbers as Python writes them, and
the few distinct texts of a text column quoted (and, in CSV, neutralised) once each. Rows
are then joined by pyarrow from their cells' texts, in slices encoded on all cores, and
written straight to the stream's bytes: no per-cell Python work, no output held whole.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, BinaryIO

from kanaalstats.domain.dataset import label_in
from kanaalstats.domain.message import Message
from kanaalstats.domain.result import Ending, Kind, Outline, Result
from kanaalstats.text.catalogue import say

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

_SLICE_ROWS = 100_000
_POWERS_OF_TEN = [10.0**k for k in range(23)]  # exact as doubles up to 10^22
# Spreadsheets run a cell that starts with these as a formula (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A text cell with one of these must be quoted in CSV.
QUOTE_MARKS = (",", '"', "\r", "\n")
NUMERIC_KINDS = frozenset(
    {Kind.INT, Kind.VALUE, Kind.TABLE_VALUE, Kind.CHANGE, Kind.SIGNED_PCT, Kind.PCT, Kind.NUMBER}
)
# Computed figures carry binary noise; values as loaded (and years, days) do not.
_DERIVED = frozenset({Kind.CHANGE, Kind.SIGNED_PCT, Kind.PCT, Kind.NUMBER})


def clean_numbers(values: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """Infinity becomes missing, and floats are cut to 15 significant digits.

    15 digits is all a double holds; the cut drops binary noise such as 0.8999999999999995
    for 5,5 - 4,6. Scaling by an exact power of ten (10^0..10^22, from a table: numpy's
    power is slow on millions of values) and rounding gives the nearest double to the
    15-digit decimal; outside 1e-8..1e15 the value is left as it is.
    """
    import numpy as np

    numbers = np.asarray(values, dtype="float64")
    numbers = np.where(np.isfinite(numbers), numbers, np.nan)
    with np.errstate(all="ignore"):
        # Whole numbers below 1e15 (changes of counts, say) have no noise to drop.
        if bool(((np.floor(numbers) == numbers) | np.isnan(numbers)).all()) and not bool(
            (np.abs(numbers) >= 1e15).any()
        ):
            return numbers
        magnitude = np.log10(np.abs(numbers))
        usable = np.isfinite(magnitude) & (magnitude >= -8) & (magnitude < 15)
        magnitude = np.where(usable, magnitude, 14.0)
        exponent = magnitude.astype(np.int64)
        exponent -= magnitude < exponent  # floor, also for negative magnitudes
        scale = np.asarray(_POWERS_OF_TEN)[14 - exponent]
        rounded = np.round(numbers * scale) / scale
    return np.where(usable, rounded, numbers)


def neutralised(text: str) -> str:
    """A text cell a spreadsheet will show, not run: formula starts get a leading `'`."""
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_cell(text: str) -> str:
    """A text as a CSV cell: neutralised, and quoted only where it must be (RFC 4180)."""
    cell = neutralised(text)
    if any(mark in cell for mark in QUOTE_MARKS):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def json_cell(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def distinct_texts(column: pd.Series[Any]) -> tuple[list[str], np.ndarray[Any, Any]]:
    """A column's distinct values as text and each row's code among them (-1: missing).

    Work is done on the few categories, not on the million rows that repeat them.
    """
    import pandas as pd

    if not isinstance(column.dtype, pd.CategoricalDtype):
        column = column.astype("category")
    return column.cat.categories.astype(str).tolist(), column.cat.codes.to_numpy()


def _numbers_as_text(kind: Kind, series: pd.Series[Any]) -> Any:
    """A numeric column as arrow text, cell by cell as Python's repr writes it; whole
    numbers without a decimal part, missing as null.

    pyarrow writes whole floats and very large or small ones differently from Python
    (1234560000000.0 as 1.23456e+12): whole numbers go as integers, and the few other cells
    where the two differ (from 1e10 up, below 1e-4) are written by Python.
    """
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    numbers = series.to_numpy(dtype="float64", na_value=np.nan)
    numbers = clean_numbers(numbers) if kind in _DERIVED else numbers
    numbers = np.where(np.isfinite(numbers), numbers, np.nan) + 0.0  # -0.0 reads 0
    missing = np.isnan(numbers)
    magnitude = np.abs(np.where(missing, 0.0, numbers))
    whole = ~missing & (magnitude < 2**53) & (np.floor(numbers) == numbers)
    if kind is Kind.INT or bool((whole | missing).all()):
        integers = pa.array(np.where(whole, numbers, 0).astype(np.int64), mask=~whole)
        return integers.cast(pa.string())
    texts = pa.array(numbers, mask=missing).cast(pa.string())
    odd = ~missing & ((magnitude >= 1e10) | (~whole & (magnitude < 1e-4)))
    if not odd.any():
        return texts
    exact = [
        str(int(x)) if w else repr(float(x))
        for x, w in zip(numbers[odd].tolist(), whole[odd].tolist(), strict=True)
    ]
    return pc.replace_with_mask(texts, pa.array(odd), pa.array(exact, type=pa.string()))


def cells(result: Result, lang: str, as_text: Callable[[str], str]) -> list[tuple[str, Any]]:
    """Every machine column of a block as (key, arrow text of its cells)."""
    import pyarrow as pa

    frame = result.frame
    columns = []
    for column in (c for c in result.columns if c.machine):
        if column.kind in NUMERIC_KINDS:
            texts = _numbers_as_text(column.kind, frame[column.key])
        else:
            series = label_in(frame, lang) if column.kind is Kind.LABEL else frame[column.key]
            names, codes = distinct_texts(series)
            written = pa.array([as_text(name) for name in names], type=pa.string())
            # Taken as plain strings: pyarrow joins a dictionary column several times slower.
            texts = pa.DictionaryArray.from_arrays(
                pa.array(codes, mask=codes < 0, type=pa.int32()), written
            ).cast(pa.string())
        columns.append((column.key, texts))
    return columns


def _joined(pieces: list[Any], start: int, rows: int) -> Any:
    """Each row of a slice as one text: the pieces (arrow columns or constant texts) joined."""
    import pyarrow as pa
    import pyarrow.compute as pc

    sliced = [p.slice(start, rows) if isinstance(p, pa.Array) else p for p in pieces]
    joined = pc.binary_join_element_wise(*sliced, "")
    return joined.combine_chunks() if isinstance(joined, pa.ChunkedArray) else joined


def _row_bytes(rows: Any) -> memoryview:
    """The texts of a string array without missing values, back to back."""
    import numpy as np

    _, offsets, data = rows.buffers()
    bounds = np.frombuffer(offsets, dtype=np.int32)[rows.offset : rows.offset + len(rows) + 1]
    return memoryview(data)[int(bounds[0]) : int(bounds[-1])]


class MachineWriter:
    """Rows of every block, encoded by `encode_rows`; subclasses add what surrounds them."""

    def __init__(self, sink: BinaryIO, outline: Outline, lang: str) -> None:
        self.sink = sink
        self.outline = outline
        self.lang = lang
        self.rows = 0
        self.skip_first = 0  # bytes the very first row does without
        self.header_written = False

    def pieces(self, columns: list[tuple[str, Any]]) -> list[Any]:
        raise NotImplementedError

    def cell(self, text: str) -> str:
        raise NotImplementedError

    def write(self, result: Result) -> None:
        columns = cells(result, self.lang, self.cell)
        if not columns or len(columns[0][1]) == 0:
            return
        pieces = self.pieces(columns)
        total = len(columns[0][1])
        starts = range(0, total, _SLICE_ROWS)
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            encoded = pool.map(
                lambda start: _row_bytes(_joined(pieces, start, _SLICE_ROWS)), starts
            )
            for position, data in enumerate(encoded):
                first = self.rows == 0 and position == 0
                self.sink.write(data[self.skip_first :] if first else data)
        self.rows += total

    def end(self, ending: Ending) -> None:
        self.sink.flush()


class CsvWriter(MachineWriter):
    """RFC 4180 with CRLF line ends; the header before the first block's rows."""

    def write(self, result: Result) -> None:
        if not self.header_written:
            header = ",".join(csv_cell(c.key) for c in result.columns if c.machine)
            self.sink.write((header + "\r\n").encode("utf-8"))
            self.header_written = True
        super().write(result)

    def cell(self, text: str) -> str:
        return csv_cell(text)

    def pieces(self, columns: list[tuple[str, Any]]) -> list[Any]:
        import pyarrow.compute as pc

        pieces: list[Any] = []
        for position, (_, texts) in enumerate(columns):
            pieces += [","] if position else []
            pieces.append(pc.fill_null(texts, ""))
        return [*pieces, "\r\n"]


class JsonWriter(MachineWriter):
    """One object: command, extra fields, rows (a list, streamed), notes."""

    def __init__(self, sink: BinaryIO, outline: Outline, lang: str) -> None:
        super().__init__(sink, outline, lang)
        head = {"command": outline.command, **outline.meta}
        opening = json.dumps(head, ensure_ascii=False, indent=2)[:-2] + ',\n  "rows": ['
        sink.write(opening.encode("utf-8"))
        self.skip_first = 1

    def cell(self, text: str) -> str:
        return json_cell(text)

    def pieces(self, columns: list[tuple[str, Any]]) -> list[Any]:
        import pyarrow.compute as pc

        # Each row after a comma on a line of its own; the very first row without the comma.
        pieces: list[Any] = [",\n    "]
        for position, (key, texts) in enumerate(columns):
            pieces.append(("{" if position == 0 else ", ") + json_cell(key) + ": ")
            pieces.append(pc.fill_null(texts, "null"))
        return [*pieces, "}"]

    def end(self, ending: Ending) -> None:
        listed = json.dumps(notes_in(ending.notes, self.lang), ensure_ascii=False)
        closing = ("\n  " if self.rows else "") + '],\n  "notes": ' + listed + "\n}\n"
        self.sink.write(closing.encode("utf-8"))
        self.sink.flush()


def notes_in(notes: list[Message], lang: str) -> list[str]:
    return [say(note, lang) for note in notes]
