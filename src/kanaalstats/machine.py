"""CSV and JSON for machines, written column-wise so that a panel of millions of rows streams.

Each column is prepared once for the whole frame (numbers cleaned, labels chosen, formula
starts neutralised), then rows are written in chunks straight to the stream: no per-cell
Python logic and no output held as one string.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, TextIO

from kanaalstats.result import Column, Kind, Result

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

CHUNK_ROWS = 50_000
_POWERS_OF_TEN = [10.0**k for k in range(23)]  # exact as doubles up to 10^22
ARROW_SLICE_ROWS = 250_000
# Below this many rows the Python writer is fast enough and needs no optional package.
ARROW_MIN_ROWS = 100_000
# Spreadsheets run a cell that starts with these as a formula (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A text cell with one of these must be quoted in CSV.
QUOTE_MARKS = (",", '"', "\r", "\n")
NUMERIC_KINDS = frozenset(
    {Kind.INT, Kind.VALUE, Kind.TABLE_VALUE, Kind.CHANGE, Kind.SIGNED_PCT, Kind.PCT, Kind.NUMBER}
)


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


def _labels(frame: pd.DataFrame, lang: str) -> pd.Series[Any]:
    dutch = frame["label_nl"]
    if lang != "en" or "label_en" not in frame:
        return dutch
    english = frame["label_en"].astype(object).fillna("").astype(str)
    return english.where(english != "", dutch.astype(str))


def distinct_texts(
    column: pd.Series[Any], neutralise: bool = False
) -> tuple[list[str], np.ndarray[Any, Any]]:
    """A column's distinct values as text (neutralised for CSV) and each row's code among
    them (-1: missing).

    Work is done on the few categories, not on the million rows that repeat them.
    """
    import pandas as pd

    if not isinstance(column.dtype, pd.CategoricalDtype):
        column = column.astype("category")
    categories = column.cat.categories.astype(str)
    if neutralise:
        categories = categories.map(neutralised)
    return categories.tolist(), column.cat.codes.to_numpy()


def _text(column: pd.Series[Any], neutralise: bool) -> list[Any]:
    """Text as Python strings (None where missing); formula starts get a leading `'`."""
    import numpy as np
    import pandas as pd

    if isinstance(column.dtype, pd.CategoricalDtype):
        names, codes = distinct_texts(column, neutralise)
        table = np.array([*names, None], dtype=object)
        return list(table[codes].tolist())
    strings = column.astype(object).where(column.notna(), None).tolist()
    if neutralise:
        return [neutralised(s) if isinstance(s, str) else s for s in strings]
    return strings


# Computed figures carry binary noise; values as loaded (and years, days) do not.
_DERIVED = frozenset({Kind.CHANGE, Kind.SIGNED_PCT, Kind.PCT, Kind.NUMBER})


def _prepared(kind: Kind, column: pd.Series[Any]) -> np.ndarray[Any, Any]:
    import numpy as np

    return prepared_numbers(kind, column.to_numpy(dtype="float64", na_value=np.nan))


def prepared_numbers(kind: Kind, numbers: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """Numbers as written: derived figures cleaned of binary noise, infinities missing."""
    import numpy as np

    if kind in _DERIVED:
        return clean_numbers(numbers)
    return np.where(np.isfinite(numbers), numbers, np.nan)


def _numbers(kind: Kind, column: pd.Series[Any]) -> list[Any]:
    """Numbers as Python ints where whole and floats otherwise; None where missing."""
    import numpy as np

    numbers = _prepared(kind, column)
    present = ~np.isnan(numbers)
    integral = present & (np.abs(numbers) < 2**53) & (np.floor(numbers) == numbers)
    out = np.full(len(numbers), None, dtype=object)
    out[integral] = numbers[integral].astype(np.int64)
    if kind is not Kind.INT:
        fractional = present & ~integral
        out[fractional] = numbers[fractional]
    return list(out.tolist())


def machine_columns(result: Result, lang: str, neutralise: bool) -> list[tuple[Column, list[Any]]]:
    """Every machine column of the result, ready to write."""
    columns = []
    frame = result.frame
    for column in result.columns:
        if not column.machine:
            continue
        if column.kind is Kind.LABEL:
            values = _text(_labels(frame, lang), neutralise)
        elif column.kind in NUMERIC_KINDS:
            values = _numbers(column.kind, frame[column.key])
        else:
            values = _text(frame[column.key], neutralise)
        columns.append((column, values))
    return columns


def _chunks(columns: list[tuple[Column, list[Any]]]) -> Iterator[list[tuple[Any, ...]]]:
    rows = len(columns[0][1]) if columns else 0
    for start in range(0, rows, CHUNK_ROWS):
        yield list(zip(*(values[start : start + CHUNK_ROWS] for _, values in columns), strict=True))


def write_csv(result: Result, lang: str, stream: TextIO) -> None:
    if _arrow_suits(result, stream):
        _write_csv_arrow(result, lang, stream)
        return
    columns = machine_columns(result, lang, neutralise=True)
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow([column.key for column, _ in columns])
    for rows in _chunks(columns):
        writer.writerows(rows)


def _arrow_suits(result: Result, stream: TextIO) -> bool:
    """Whether to write with pyarrow (C++), which the `parquet` extra brings: for large
    results, to a stream with a binary buffer."""
    if len(result.frame) < ARROW_MIN_ROWS or not hasattr(stream, "buffer"):
        return False
    try:
        import pyarrow.csv  # noqa: F401
    except ImportError:
        return False
    return True


def _write_csv_arrow(result: Result, lang: str, stream: TextIO) -> None:
    """The cells are the same as the Python writer's: numbers cleaned the same way, whole
    numbers without a decimal part, formula starts neutralised. Text is quoted only when
    some cell of the file needs quotes (pyarrow then quotes every text cell).
    """
    names_seen: list[str] = []

    def as_cells(names: list[str]) -> list[str]:
        cells = [neutralised(name) for name in names]
        names_seen.extend(cells)
        return cells

    arrays, keys = _arrow_cells(result, lang, as_cells)
    stream.flush()
    binary = stream.buffer
    for encoded in encode_csv(arrays, keys, needs_quotes(names_seen), header=True):
        binary.write(encoded)
    binary.flush()


def _arrow_cells(
    result: Result, lang: str, as_cells: Callable[[list[str]], list[str]]
) -> tuple[list[Any], list[str]]:
    """Every machine column as an arrow array: numbers as the Python writer writes them,
    text as `as_cells` writes the few distinct texts of the column; and the column keys."""

    frame = result.frame
    arrays: list[Any] = []
    keys: list[str] = []
    for column in (c for c in result.columns if c.machine):
        series = _labels(frame, lang) if column.kind is Kind.LABEL else frame[column.key]
        if column.kind in NUMERIC_KINDS:
            arrays.append(arrow_numbers(column.kind, _prepared(column.kind, series)))
        else:
            names, codes = distinct_texts(series)
            arrays.append(arrow_text(as_cells(names), codes))
        keys.append(column.key)
    return arrays, keys


def needs_quotes(names: list[str]) -> bool:
    return any(mark in name for name in names for mark in QUOTE_MARKS)


def arrow_text(names: Any, codes: np.ndarray[Any, Any]) -> Any:
    """A text column from a few (neutralised) names, a list or an arrow array, and each
    row's code (-1: missing)."""
    import pyarrow as pa

    texts = pa.array(names, type=pa.string()) if isinstance(names, list) else names
    # Written as plain strings: pyarrow encodes a dictionary column several times slower.
    return pa.DictionaryArray.from_arrays(
        pa.array(codes, mask=codes < 0, type=pa.int32()), texts
    ).cast(pa.string())


def arrow_numbers(kind: Kind, numbers: np.ndarray[Any, Any]) -> Any:
    """A numeric column (already cleaned) whose cells read as the Python writer's do.

    Whole numbers go as integers: pyarrow writes 1234560000000.0 as 1.23456e+12, where
    Python writes 1234560000000, and integers are also twice as fast to encode. Where
    pyarrow's float text differs from Python's repr (from 1e10 up, below 1e-4) the few
    cells concerned are written by Python.
    """
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    numbers = numbers + 0.0  # -0.0 becomes 0.0, which Python's writer prints as 0
    missing = np.isnan(numbers)
    magnitude = np.abs(np.where(missing, 0.0, numbers))
    whole = ~missing & (magnitude < 2**53) & (np.floor(numbers) == numbers)
    if kind is Kind.INT or bool((whole | missing).all()):
        return pa.array(np.where(whole, numbers, 0).astype(np.int64), mask=~whole)
    column = pa.array(numbers, mask=missing)
    odd = ~missing & ((magnitude >= 1e10) | (~whole & (magnitude < 1e-4)))
    if not odd.any():
        return column
    texts = [
        str(int(x)) if w else repr(float(x))
        for x, w in zip(numbers[odd].tolist(), whole[odd].tolist(), strict=True)
    ]
    return pc.replace_with_mask(column.cast(pa.string()), pa.array(odd), pa.array(texts))


def encode_csv(arrays: list[Any], names: list[str], quotes: bool, header: bool) -> Iterator[Any]:
    """CSV bytes of the columns, in slices encoded on all cores (pyarrow formats outside
    the GIL), yielded in order."""
    import pyarrow as pa

    table = pa.Table.from_arrays(arrays, names=names)
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        yield from pool.map(
            lambda start: encode_slice(table, start, quotes, header and start == 0),
            range(0, max(table.num_rows, 1), ARROW_SLICE_ROWS),
        )


def encode_slice(table: Any, start: int, quotes: bool, header: bool) -> Any:
    """CSV bytes of ARROW_SLICE_ROWS rows of a table from `start`; quoted as `encode_csv`."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    options = pacsv.WriteOptions(
        include_header=header,
        eol="\r\n",
        quoting_style="needed" if quotes else "none",
        quoting_header="none",
    )
    sink = pa.BufferOutputStream()
    pacsv.write_csv(table.slice(start, ARROW_SLICE_ROWS), sink, write_options=options)
    return sink.getvalue()


def write_json(result: Result, lang: str, stream: TextIO) -> None:
    """One object: command, extra fields, rows (streamed), notes."""
    stream.write(json_head(result.command, result.meta))
    if _arrow_suits(result, stream) and _all_text_is_text(result):
        any_rows = _write_json_rows_arrow(result, lang, stream)
    else:
        any_rows = _write_json_rows(result, lang, stream)
    stream.write(json_tail([note.render(lang) for note in result.notes], any_rows))


def json_head(command: str, meta: dict[str, Any]) -> str:
    """The JSON object up to its first row."""
    head = {"command": command, **meta}
    return json.dumps(head, ensure_ascii=False, indent=2)[:-2] + ',\n  "rows": ['


def json_tail(notes: list[str], any_rows: bool) -> str:
    """The JSON object from after its last row."""
    listed = json.dumps(notes, ensure_ascii=False)
    return ("\n  " if any_rows else "") + '],\n  "notes": ' + listed + "\n}\n"


def _write_json_rows(result: Result, lang: str, stream: TextIO) -> bool:
    columns = machine_columns(result, lang, neutralise=False)
    keys = [column.key for column, _ in columns]
    first = True
    for rows in _chunks(columns):
        for row in rows:
            text = json.dumps(
                dict(zip(keys, row, strict=True)), ensure_ascii=False, allow_nan=False
            )
            stream.write(("\n    " if first else ",\n    ") + text)
            first = False
    return not first


def _all_text_is_text(result: Result) -> bool:
    """Whether every text column holds strings: the Python writer gives other objects
    (numbers, booleans) to json as they are, which the arrow writer does not attempt."""
    import pandas as pd

    for column in result.columns:
        if not column.machine or column.kind in NUMERIC_KINDS or column.kind is Kind.LABEL:
            continue
        series = result.frame[column.key]
        if isinstance(series.dtype, pd.CategoricalDtype):
            series = series.cat.categories.to_series()
        if not (pd.api.types.is_string_dtype(series) or series.isna().all()):
            return False
    return True


def _write_json_rows_arrow(result: Result, lang: str, stream: TextIO) -> bool:
    """The rows as the Python writer writes them, each row joined by pyarrow from its
    cells' JSON texts: numbers as the CSV writer's cells, texts JSON-quoted once each."""
    import pyarrow as pa

    arrays, names = _arrow_cells(result, lang, json_texts)
    if not arrays or len(arrays[0]) == 0:
        return False
    table = pa.Table.from_arrays(arrays, names=names)
    stream.flush()
    binary = stream.buffer
    for start in range(0, table.num_rows, ARROW_SLICE_ROWS):
        binary.write(encode_json_slice(table, start, first=start == 0))
    binary.flush()
    return True


def json_texts(texts: list[str]) -> list[str]:
    """Texts as JSON strings, as json.dumps writes them in a row."""
    return [json.dumps(text, ensure_ascii=False) for text in texts]


def encode_json_slice(table: Any, start: int, first: bool) -> memoryview:
    """JSON rows of ARROW_SLICE_ROWS rows of a table from `start`, each on a line after a
    comma (none before the very first row); its text columns hold JSON strings already."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    part = table.slice(start, ARROW_SLICE_ROWS).combine_chunks()
    pieces: list[Any] = []
    for position, name in enumerate(part.column_names):
        key = json.dumps(name, ensure_ascii=False)
        pieces.append(("{" if position == 0 else ", ") + key + ": ")
        pieces.append(pc.fill_null(part.column(name).cast(pa.string()), "null"))
    pieces.append("}")
    rows = pc.binary_join_element_wise(",\n    ", *pieces, "")
    if isinstance(rows, pa.ChunkedArray):
        rows = rows.combine_chunks()
    # A string array without missing values holds its texts back to back.
    _, offsets, texts = rows.buffers()
    bounds = np.frombuffer(offsets, dtype=np.int32)[rows.offset :][[0, len(rows)]]
    data = memoryview(texts)[int(bounds[0]) + (1 if first else 0) : int(bounds[1])]
    return data
