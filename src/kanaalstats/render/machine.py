"""CSV, JSON and JSON Lines for machines, written block by block.

Each column is prepared once per block as arrow text: numbers as Python writes them, and
the few distinct texts of a text column quoted (and, in CSV, neutralised) once each. Rows
are then joined by pyarrow from their cells' texts, in slices encoded on all cores, and
written straight to the stream's bytes: no per-cell Python work, no output held whole.
"""

from __future__ import annotations

import json
import os
import re
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, BinaryIO

from kanaalstats.domain.dataset import label_in
from kanaalstats.domain.message import Message
from kanaalstats.domain.result import Ending, Kind, Outline, Result
from kanaalstats.text.catalogue import say

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

_POWERS_OF_TEN = [10.0**k for k in range(23)]  # exact as doubles up to 10^22
# Spreadsheets run a cell that starts with these as a formula (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A text cell with one of these must be quoted in CSV.
QUOTE_MARKS = (",", '"', "\r", "\n")
# Either of the above: most cells have neither, and one search settles them.
_NEEDS_CARE = re.compile(
    rf"\A[{re.escape(''.join(FORMULA_START))}]|[{re.escape(''.join(QUOTE_MARKS))}]"
)
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
    if not _NEEDS_CARE.search(text):
        return text
    cell = neutralised(text)
    if any(mark in cell for mark in QUOTE_MARKS):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def json_cell(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def distinct_texts(column: pd.Series[Any]) -> tuple[list[str], np.ndarray[Any, Any]]:
    """The distinct values a column uses, as text, and each row's code among them (-1:
    missing).

    Work is done on the few categories, not on the million rows that repeat them; and only
    on those a block uses: a block of a panel holds a few of its many entities, and since
    the panel is sorted, their codes lie close together. Counting the range between the
    lowest and the highest code keeps a block's work independent of the panel's size.
    """
    import numpy as np
    import pandas as pd

    if not isinstance(column.dtype, pd.CategoricalDtype):
        column = column.astype("category")
    codes = column.cat.codes.to_numpy()
    categories = column.cat.categories
    present = codes if not len(codes) or codes.min() >= 0 else codes[codes >= 0]
    if not len(present):
        return [], codes
    low = int(present.min())
    used = np.flatnonzero(np.bincount(present - low)) + low
    if len(used) == len(categories):
        return categories.astype(str).tolist(), codes
    # Slot 0 stands for missing (-1); code c is found at c - low + 1.
    renumbered = np.full(int(used[-1]) - low + 2, -1, dtype=np.int64)
    renumbered[used - low + 1] = np.arange(len(used))
    slots = np.maximum(np.subtract(codes, low - 1, dtype=np.int64), 0)
    return categories[used].astype(str).tolist(), renumbered[slots]


def _numbers_as_text(kind: Kind, numbers: np.ndarray[Any, Any]) -> Any:
    """Numbers as arrow text, cell by cell as Python's repr writes them; whole numbers
    without a decimal part, missing as null.

    pyarrow writes whole floats and very large or small ones differently from Python
    (1234560000000.0 as 1.23456e+12): whole numbers go as integers, and the few other cells
    where the two differ (from 1e10 up, below 1e-4) are written by Python. A column of
    counts and percentages is cut in parts: an integer is written several times faster
    than a float.
    """
    import numpy as np
    import pyarrow as pa

    numbers = clean_numbers(numbers) if kind in _DERIVED else numbers
    with np.errstate(invalid="ignore"):  # NaN and infinity compare False, cast masked
        magnitude = np.abs(numbers)
        whole = (magnitude < 2**53) & (np.floor(numbers) == numbers)
        missing = ~(magnitude < np.inf)
        if kind is Kind.INT or bool((whole | missing).all()):
            return pa.array(numbers.astype(np.int64), mask=~whole).cast(pa.string())
    # Parting pays where whole numbers are a good share of the cells.
    integers = whole if 4 * int(np.count_nonzero(whole)) >= len(numbers) else np.zeros_like(whole)
    odd = ~(missing | integers) & ((magnitude >= 1e10) | (~whole & (magnitude < 1e-4)))
    if not (integers.any() or odd.any()):
        return pa.array(numbers + 0.0, mask=missing).cast(pa.string())  # -0.0 reads 0
    floats = ~(missing | integers | odd)
    exact = [
        str(int(x)) if w else repr(x)
        for x, w in zip(numbers[odd].tolist(), whole[odd].tolist(), strict=True)
    ]
    parts = [
        pa.array(numbers[integers].astype(np.int64)).cast(pa.string()),
        pa.array(numbers[floats] + 0.0).cast(pa.string()),
        pa.array(exact, type=pa.string()),
    ]
    order = np.zeros(len(numbers), dtype=np.int64)
    start = 0
    for rows in (integers, floats, odd):
        at = np.flatnonzero(rows)
        order[at] = np.arange(start, start + len(at))
        start += len(at)
    return pa.concat_arrays(parts).take(pa.array(order, mask=missing))


@dataclass(frozen=True)
class _Cells:
    """A block's column, ready to be written a slice at a time: numbers as floats, or a
    text column as its few distinct texts (already written, the missing marker among them)
    and each row's code."""

    key: str
    kind: Kind
    year: int | None = None  # a value per year: JSON also lists it under "years"
    numbers: np.ndarray[Any, Any] | None = None
    texts: Any = None
    codes: np.ndarray[Any, Any] | None = None
    before: str = ""  # around each number, where the row has text between two numbers
    after: str = ""

    def sliced(self, start: int, rows: int, nulls: Any) -> Any:
        """Arrow text of rows `start`.. of the column; a missing number is null."""
        import pyarrow.compute as pc

        if self.numbers is None:
            assert self.codes is not None
            return self.texts.take(self.codes[start : start + rows])
        written = _numbers_as_text(self.kind, self.numbers[start : start + rows])
        if self.before or self.after:
            written = pc.binary_join_element_wise(
                self.before, written, self.after, "", options=nulls
            )
        return written

    def around(self, before: str, after: str) -> _Cells:
        """The column with every cell between `before` and `after`. In a text column that
        costs nothing per row: its few texts take them."""
        import pyarrow.compute as pc

        if self.numbers is not None:
            return replace(self, before=before + self.before, after=self.after + after)
        return replace(self, texts=pc.binary_join_element_wise(before, self.texts, after, ""))


def folded(pieces: list[str | _Cells]) -> list[str | _Cells]:
    """A row's literals taken into a neighbouring text column's texts, where there is one:
    every piece left is one more pass over the rows when they are joined."""
    kept: list[str | _Cells] = []
    for piece in pieces:
        last = kept[-1] if kept else None
        if isinstance(piece, str):
            if isinstance(last, str):
                kept[-1] = last + piece
            elif last is not None and last.texts is not None:
                kept[-1] = last.around("", piece)
            else:
                kept.append(piece)
        elif piece.texts is not None and isinstance(last, str):
            kept[-1] = piece.around(last, "")
        else:
            kept.append(piece)
    return [piece for piece in kept if not isinstance(piece, str) or piece]


def _text_cells(
    key: str, kind: Kind, texts: list[str], codes: np.ndarray[Any, Any], writer: MachineWriter
) -> _Cells:
    """A text column's cells; a missing cell (code -1) takes the writer's missing marker, so
    that the rows are joined from texts with no nulls among them."""
    import numpy as np
    import pyarrow as pa

    # The marker goes first, so that one addition renumbers every code.
    with_missing = pa.array([writer.missing, *texts], type=pa.string())
    return _Cells(key, kind, texts=with_missing, codes=np.add(codes, 1, dtype=np.int64))


def cells(result: Result, writer: MachineWriter) -> list[_Cells]:
    """Every machine column of a block, its texts written by the writer once each;
    neighbouring text columns that repeat together (entity, indicator, label, unit) as one."""
    import numpy as np

    frame = result.frame
    columns = []
    for column in (c for c in result.columns if c.machine):
        if column.kind is Kind.FLAG:
            # JSON's literals, and the same words in CSV: one spelling in every format.
            codes = frame[column.key].to_numpy(dtype=bool).astype(np.int64)
            columns.append(_text_cells(column.key, column.kind, ["false", "true"], codes, writer))
        elif column.kind in NUMERIC_KINDS:
            numbers = frame[column.key].to_numpy(dtype="float64", na_value=np.nan)
            few = _few_numbers(numbers, column.kind)
            if few is not None:  # years, or none at all: a handful of texts, taken as a
                texts, codes = few  # text column's are
                cell = _text_cells(column.key, column.kind, texts, codes, writer)
                columns.append(replace(cell, year=column.year))
            else:
                columns.append(_Cells(column.key, column.kind, column.year, numbers=numbers))
        else:
            series = (
                label_in(frame, writer.lang) if column.kind is Kind.LABEL else frame[column.key]
            )
            names, codes = distinct_texts(series)
            texts = [writer.cell(name) for name in names]
            columns.append(_text_cells(column.key, column.kind, texts, codes, writer))
    return _runs_joined(columns, len(frame), writer)


def _runs_joined(columns: list[_Cells], rows: int, writer: MachineWriter) -> list[_Cells]:
    """Runs of neighbouring text columns as one column of their distinct combinations, while
    those stay few (a quarter of the rows): fewer pieces for every row to be joined from."""
    import pyarrow.compute as pc

    joined: list[_Cells] = []
    run: _Run | None = None

    def close() -> None:
        if run is None:
            return
        if len(run.columns) < 2:
            joined.extend(run.columns)
            return
        # Any row of a combination writes its text: all its rows have the same codes.
        example = run.examples()
        pieces: list[Any] = []
        for position, column in enumerate(run.columns):
            assert column.codes is not None
            if position:
                pieces.append(writer.glue(column.key))
            pieces.append(column.texts.take(column.codes[example]))
        texts = pc.binary_join_element_wise(*pieces, "")
        first = run.columns[0]
        joined.append(_Cells(first.key, first.kind, texts=texts, codes=run.combined))

    for column in columns:
        # A value per year is written twice in JSON (by its key and in "years"): it stays
        # a column of its own.
        if column.codes is None or column.year is not None:
            close()
            run = None
            joined.append(column)
        elif run is None or not run.takes(column, rows // 4):
            close()
            run = _Run(column)
    close()
    return joined


class _Run:
    """Neighbouring text columns being joined: each row's combination of their codes, below
    `bound`, and for each combination a row that has it (computed when asked)."""

    def __init__(self, column: _Cells) -> None:
        assert column.codes is not None
        self.columns = [column]
        self.combined: np.ndarray[Any, Any] = column.codes
        self.bound = len(column.texts)
        self._examples: np.ndarray[Any, Any] | None = None

    def examples(self) -> np.ndarray[Any, Any]:
        import numpy as np

        if self._examples is None:
            # A combination no row has (below the bound) points at row 0: never written.
            self._examples = np.zeros(self.bound if len(self.combined) else 0, dtype=np.int64)
            self._examples[self.combined] = np.arange(len(self.combined))
        return self._examples

    def takes(self, column: _Cells, most: int) -> bool:
        """Join the column if the combinations stay at most `most`."""
        import numpy as np

        codes = column.codes
        assert codes is not None
        # A column that follows from the run (a label from its indicator) adds none; one
        # comparison tells, where counting the new combinations takes several passes.
        if np.array_equal(codes, codes[self.examples()][self.combined]):
            self.columns.append(column)
            return True
        trial, distinct = _renumbered(self.combined * len(column.texts) + codes)
        if distinct > most:
            return False
        self.columns.append(column)
        self.combined, self.bound, self._examples = trial, distinct, None
        return True


def _renumbered(keys: np.ndarray[Any, Any]) -> tuple[np.ndarray[Any, Any], int]:
    """Keys (small non-negative integers) renumbered 0.. in order of value, and how many
    distinct there are: a table of the key range, not a hash of every row."""
    import numpy as np
    import pandas as pd

    if not len(keys):
        return keys, 0
    if int(keys.max()) > 4 * len(keys) + 1024:  # a sparse range: hashing is cheaper
        codes, distinct = pd.factorize(keys)
        return codes.astype(np.int64), len(distinct)
    present = np.zeros(int(keys.max()) + 1, dtype=bool)
    present[keys] = True
    position = np.cumsum(present) - 1
    return position[keys], int(position[-1]) + 1


def _few_numbers(
    numbers: np.ndarray[Any, Any], kind: Kind
) -> tuple[list[str], np.ndarray[Any, Any]] | None:
    """A column with no number at all (CAGR between consecutive years), or of whole numbers
    within a short range (years), as the texts of that range and each row's code among them
    (-1: missing); None when the numbers spread wider."""
    import numpy as np

    if kind is not Kind.INT:
        if np.isfinite(numbers).any():
            return None
        return [], np.full(len(numbers), -1, dtype=np.int64)
    present = numbers[~np.isnan(numbers)]
    if not len(present):
        return [], np.full(len(numbers), -1, dtype=np.int64)
    low, high = int(present.min()), int(present.max())
    if high - low >= 4096:
        return None
    codes = np.where(np.isnan(numbers), -1, numbers - low).astype(np.int64)
    return [str(n) for n in range(low, high + 1)], codes


def _row_bytes(rows: Any) -> memoryview:
    """The texts of a string array without missing values, back to back."""
    import numpy as np
    import pyarrow as pa

    if isinstance(rows, pa.ChunkedArray):
        rows = rows.combine_chunks()
    _, offsets, data = rows.buffers()
    bounds = np.frombuffer(offsets, dtype=np.int32)[rows.offset : rows.offset + len(rows) + 1]
    return memoryview(data)[int(bounds[0]) : int(bounds[-1])]


class MachineWriter:
    """Rows of every block, each slice encoded on a worker thread while the next block is
    computed (pyarrow works outside the GIL), and written in order."""

    missing = ""  # a missing cell
    separator = ""  # between a row's pieces
    # Rows encoded by one task: fewer, larger tasks spend less of their time in the Python
    # that runs between pyarrow's calls and holds the GIL the other threads need; the slices
    # in flight must still leave room under a command's peak (README, "Performance").
    slice_rows = 50_000

    def __init__(self, sink: BinaryIO, outline: Outline, lang: str) -> None:
        self.sink = sink
        self.outline = outline
        self.lang = lang
        self.rows = 0
        self.skip_first = 0  # bytes the very first row does without
        self.header_written = False
        self.workers = os.cpu_count() or 1
        self.pool = ThreadPoolExecutor(max_workers=self.workers)
        self.pending: deque[Future[memoryview]] = deque()
        self.first_written = False

    def cell(self, text: str) -> str:
        raise NotImplementedError

    def glue(self, key: str) -> str:
        """What stands between a cell and the next, of column `key`."""
        raise NotImplementedError

    @property
    def nulls(self) -> Any:
        import pyarrow.compute as pc

        return pc.JoinOptions(null_handling="replace", null_replacement=self.missing)

    def row(self, columns: list[_Cells]) -> list[str | _Cells]:
        """The pieces a row is joined from (with `separator` between them)."""
        raise NotImplementedError

    def encode(self, pieces: list[str | _Cells], start: int) -> memoryview:
        import pyarrow.compute as pc

        rows, nulls = self.slice_rows, self.nulls
        texts = [p if isinstance(p, str) else p.sliced(start, rows, nulls) for p in pieces]
        return _row_bytes(pc.binary_join_element_wise(*texts, self.separator, options=nulls))

    def write(self, result: Result) -> None:
        columns = cells(result, self)
        total = len(result.frame)
        if not columns or not total:
            return
        pieces = self.row(columns)
        for start in range(0, total, self.slice_rows):
            self.pending.append(self.pool.submit(self.encode, pieces, start))
        self.rows += total
        self._drain(keep=2 * self.workers)

    def _drain(self, keep: int) -> None:
        while len(self.pending) > keep:
            data = self.pending.popleft().result()
            if not self.first_written:
                data = data[self.skip_first :]
                self.first_written = True
            self.sink.write(data)

    def end(self, ending: Ending) -> None:
        self._drain(keep=0)
        self.pool.shutdown()
        self.sink.flush()


class CsvWriter(MachineWriter):
    """RFC 4180 with CRLF line ends; the header before the first block's rows."""

    separator = ","

    def write(self, result: Result) -> None:
        if not self.header_written:
            header = ",".join(csv_cell(c.key) for c in result.columns if c.machine)
            self.sink.write((header + "\r\n").encode("utf-8"))
            self.header_written = True
        super().write(result)

    def cell(self, text: str) -> str:
        return csv_cell(text)

    def glue(self, key: str) -> str:
        return ","

    def row(self, columns: list[_Cells]) -> list[str | _Cells]:
        return [*columns[:-1], columns[-1].around("", "\r\n")]


class JsonCells(MachineWriter):
    """Cells as JSON values: texts quoted, missing as null; each after its key."""

    missing = "null"
    slice_rows = 25_000  # a JSON row spells out every key: some three times a CSV row

    def cell(self, text: str) -> str:
        return json_cell(text)

    def glue(self, key: str) -> str:
        return ", " + json_cell(key) + ": "


class JsonWriter(JsonCells):
    """One object: command, extra fields, rows (a list, streamed), notes."""

    def __init__(self, sink: BinaryIO, outline: Outline, lang: str) -> None:
        super().__init__(sink, outline, lang)
        self.skip_first = 1

    def _open(self) -> None:
        # Written with the first block, not before: an error found while the first block is
        # computed leaves no half document on stdout.
        if not self.header_written:
            head = {"command": self.outline.command, **self.outline.meta}
            opening = json.dumps(head, ensure_ascii=False, indent=2)[:-2] + ',\n  "rows": ['
            self.sink.write(opening.encode("utf-8"))
            self.header_written = True

    def write(self, result: Result) -> None:
        self._open()
        super().write(result)

    def row(self, columns: list[_Cells]) -> list[str | _Cells]:
        # Each row after a comma on a line of its own; the very first row without the comma.
        return json_row(columns, ",\n    ", "")

    def end(self, ending: Ending) -> None:
        self._open()
        self._drain(keep=0)
        self.pool.shutdown()
        listed = json.dumps(notes_in(ending.notes, self.lang), ensure_ascii=False)
        closing = ("\n  " if self.rows else "") + '],\n  "notes": ' + listed + "\n}\n"
        self.sink.write(closing.encode("utf-8"))
        self.sink.flush()


class NdjsonWriter(JsonCells):
    """JSON Lines: each row the object a row of the JSON document is, on a line of its own;
    nothing else (the notes go to stderr), so that a reader can take one row at a time."""

    def row(self, columns: list[_Cells]) -> list[str | _Cells]:
        return json_row(columns, "", "\n")


def json_row(columns: list[_Cells], before: str, after: str) -> list[str | _Cells]:
    """The pieces of a row as a JSON object between `before` and `after`: the one row of
    JSON and JSON Lines.

    Cells are already JSON (texts quoted, missing as null). Columns of a value per year are
    written twice: as keys ("2019": 1.4), and as the list "years" ([{"year": 2019,
    "value": 1.4}, …]) for scripts that loop over the years.
    """
    pieces: list[str | _Cells] = [before]
    for position, column in enumerate(columns):
        pieces += [("{" if position == 0 else ", ") + json_cell(column.key) + ": ", column]
    years = [column for column in columns if column.year is not None]
    for position, column in enumerate(years):
        opening = ', "years": [' if position == 0 else "}, "
        pieces += [f'{opening}{{"year": {column.year}, "value": ', column]
    if years:
        pieces.append("}]")
    return folded([*pieces, "}" + after])


def notes_in(notes: list[Message], lang: str) -> list[str]:
    return [say(note, lang) for note in notes]
