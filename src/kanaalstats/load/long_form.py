"""The long form (`[entity,]indicator,year,value[,unit,label_nl,label_en]`) as CSV or Parquet.

One reader per container, both pyarrow's (multi-threaded, names straight into dictionaries,
which become pandas categories), and one validator of the long form's rules over whole
columns. Only when a check fails is the offending line looked up, to name it in the error.
"""

from __future__ import annotations

import importlib
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from kanaalstats.domain.dataset import ID_PATTERN
from kanaalstats.domain.errors import DataError, InputFileError, MissingExtraError
from kanaalstats.domain.message import Message
from kanaalstats.domain.units import UNITS

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

REQUIRED = ("indicator", "year", "value")
PARQUET_SUFFIXES = (".parquet", ".pq")
_NUMBER = r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?"
# Machine notation for missing: empty, or what dataframes write. A published table's
# markers (`n.v.t.`, `x`, …) are Dutch prose and mean nothing in a machine's file.
_MISSING = ["", "-", "NaN", "nan", "null"]
_NAMES = ("entity", "indicator", "unit")
_LABELS = ("label", "label_nl", "label_en")


_MIN_BLOCK, _MAX_BLOCK = 1 << 20, 64 << 20


def is_long_header(names: set[str]) -> bool:
    return set(REQUIRED) <= names


def read_long_csv(
    source: Path | bytes, name: str, delimiter: str
) -> tuple[pd.DataFrame, list[Message]]:
    """Read a long CSV, a path or UTF-8 bytes, into a checked tidy frame."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    header = header_of(source, delimiter)
    names = pa.dictionary(pa.int32(), pa.string())
    types: dict[str, Any] = {}  # keyed by the names as written: ` year` is not `year`
    for column in header:
        kind = column.strip().lower()
        if kind in _NAMES:
            types[column] = names
        elif kind in _LABELS:
            types[column] = pa.string()  # a label `2019` stays text
        elif kind == "year":
            types[column] = pa.int64()
        elif kind == "value":
            types[column] = pa.float64()
    options = pacsv.ConvertOptions(
        column_types=types, null_values=_MISSING, strings_can_be_null=False
    )
    # Importing pandas is a large part of a run, and pyarrow's reader does not hold the GIL,
    # so the one waits for the other no longer than the longer of the two.
    importing = threading.Thread(target=importlib.import_module, args=("pandas",), daemon=True)
    importing.start()
    try:
        table = pacsv.read_csv(
            source if isinstance(source, Path) else pa.BufferReader(source),
            read_options=pacsv.ReadOptions(block_size=_block_size(source)),
            parse_options=pacsv.ParseOptions(delimiter=delimiter),
            convert_options=options,
        )
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as error:
        raise _first_bad_cell(source, name, delimiter, error) from None
    except OSError as error:
        raise InputFileError("file_not_readable", path=name, reason=str(error)) from None
    finally:
        importing.join()
    line_of = line_finder(source, delimiter)
    year = next(c for c in table.column_names if c.strip().lower() == "year")
    if table.column(year).null_count:
        row = int(table.column(year).is_null().to_numpy(zero_copy_only=False).argmax())
        raise DataError("bad_year", path=name, line=line_of(row), value="")
    # One chunk a column, and one pandas block a column, convert far faster than the
    # reader's hundreds of chunks (README, "Performance").
    frame: pd.DataFrame = table.combine_chunks().to_pandas(split_blocks=True, self_destruct=True)
    del table
    return checked(frame, name, line_of)


def _block_size(source: Path | bytes) -> int:
    """A few blocks per core: each block of the reader builds dictionaries of its own, which
    the frame must then unify, so pyarrow's 1 MB default costs more than it parallelises
    (README, "Performance")."""
    try:
        size = len(source) if isinstance(source, bytes) else source.stat().st_size
    except OSError:
        size = 0
    return min(_MAX_BLOCK, max(_MIN_BLOCK, size // (4 * (os.cpu_count() or 1))))


def header_of(source: Path | bytes, delimiter: str) -> list[str]:
    """The header's column names as pyarrow reads them: unquoted, spaces kept."""
    import csv

    if isinstance(source, Path):
        with source.open("rb") as handle:
            first = handle.readline()
    else:
        first = source.split(b"\n", 1)[0]
    text = first.decode("utf-8", "replace").removeprefix("\ufeff").rstrip("\r\n")
    return next(csv.reader([text], delimiter=delimiter), [])


def data_records(source: Path | bytes, delimiter: str) -> list[tuple[int, list[str]]]:
    """Each record after the header with the line it starts on, blank lines skipped as
    pyarrow skips them. Only read to name a line in an error."""
    import csv
    import io

    data = source.read_bytes() if isinstance(source, Path) else source
    text = data.decode("utf-8", "replace").removeprefix("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for record in reader:
            if record and start > 1:
                records.append((start, record))
            start = reader.line_num + 1
    except csv.Error:
        # An unbalanced quote swallows the rest of the file: the record it opens is the
        # one to name, with no cells so that it counts as the wrong width.
        records.append((start, []))
    return records


def line_finder(source: Path | bytes, delimiter: str) -> Callable[[int], int]:
    """The file line of a data row (counted from 0), read only when an error asks."""

    def line_of(row: int) -> int:
        records = data_records(source, delimiter)
        return records[row][0] if row < len(records) else row + 2

    return line_of


def read_parquet(path: Path | IO[bytes], name: str) -> tuple[pd.DataFrame, list[Message]]:
    """A long-form panel stored as Parquet."""
    import numpy as np
    import pandas as pd

    try:
        frame = pd.read_parquet(path)
    except FileNotFoundError:
        raise InputFileError("file_not_found", path=name) from None
    except ImportError:
        raise MissingExtraError("parquet_needs_pyarrow") from None
    except (OSError, ValueError) as error:
        raise InputFileError(
            "file_not_readable", path=name, reason=str(error).splitlines()[0]
        ) from None
    columns = {str(c).lower(): c for c in frame.columns}
    if not is_long_header(set(columns)):
        raise DataError("parquet_not_long", path=name, columns=", ".join(map(str, frame.columns)))
    frame = frame.rename(columns={v: k for k, v in columns.items()})
    for column in (*_NAMES, *_LABELS):
        if column in frame:
            # A missing text reads as an empty cell of a CSV file does (a missing label
            # is none; a missing indicator or unit is refused by `checked`).
            text = frame[column].astype(object)
            frame[column] = text.where(text.notna(), "").astype("str")
    if any(pd.api.types.is_bool_dtype(frame[c]) for c in ("year", "value")):
        # pandas reads True as 1: a yes/no column is not a count.
        raise DataError("parquet_bad_types", path=name)
    warnings = _exact_integers(frame, name)
    try:
        years = pd.to_numeric(frame["year"], errors="raise").astype("float64").to_numpy()
        frame["value"] = pd.to_numeric(frame["value"], errors="raise").astype("float64")
    except (ValueError, TypeError):
        raise DataError("parquet_bad_types", path=name) from None
    # A year stored as a float must be whole: astype("int64") would read 2019.5 as 2019.
    fractional = ~np.isfinite(years) | (years != np.floor(years))
    if fractional.any():
        row = int(fractional.argmax())
        shown = "" if np.isnan(years[row]) else str(frame["year"].iloc[row])
        raise DataError("bad_year", path=name, line=row + 2, value=shown)
    frame["year"] = years.astype("int64")
    tidy, more = checked(frame, name)
    return tidy, [*more, *warnings]


def _exact_integers(frame: pd.DataFrame, name: str) -> list[Message]:
    """A warning for each stored integer above 2^53, which the float it becomes cannot hold
    (a stored float has no digits left to lose)."""
    import numpy as np
    import pandas as pd

    from kanaalstats.load.numbers import parse_machine_number
    from kanaalstats.load.parts import imprecise

    value = frame["value"]
    if not pd.api.types.is_integer_dtype(value) or pd.api.types.is_bool_dtype(value):
        return []
    warnings = []
    for row in beyond_exact_floats(value.to_numpy(dtype="float64", na_value=np.nan)):
        text = str(value.iloc[row])
        if parse_machine_number(text).imprecise:
            year = frame["year"].iloc[row]
            warnings.append(imprecise(name, row + 2, int(year), text))
    return warnings


def beyond_exact_floats(values: np.ndarray[Any, Any]) -> list[int]:
    """The rows whose value, as a float, is 2^53 or more: the candidates for a whole number a
    float cannot hold (2^53 + 1 already reads as 2^53), each then judged on its text."""
    import numpy as np

    with np.errstate(invalid="ignore"):
        return np.flatnonzero(np.abs(values) >= 2.0**53).tolist()


def _first_bad_cell(source: Path | bytes, name: str, delimiter: str, error: Exception) -> DataError:
    """The error for a file pyarrow refused: the first bad year or value, by its line."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    reason = str(error).splitlines()[0]
    try:
        table = pacsv.read_csv(
            source if isinstance(source, Path) else pa.BufferReader(source),
            parse_options=pacsv.ParseOptions(delimiter=delimiter),
            convert_options=pacsv.ConvertOptions(
                column_types={c: pa.string() for c in header_of(source, delimiter)},
                strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        width = len(header_of(source, delimiter))
        records = data_records(source, delimiter)
        line = next((start for start, cells in records if len(cells) != width), 1)
        return DataError("csv_malformed", path=name, line=line, reason=reason)
    line_of = line_finder(source, delimiter)
    text = table.to_pandas()
    text.columns = [str(c).strip().lower() for c in text.columns]
    bad_year = (~text["year"].str.strip().str.fullmatch(r"\d{4}")).to_numpy(dtype=bool)
    if bad_year.any():
        row = int(bad_year.argmax())
        return DataError("bad_year", path=name, line=line_of(row), value=text["year"].iloc[row])
    value = text["value"].str.strip()
    bad_value = (~(value.str.fullmatch(_NUMBER) | value.isin(_MISSING))).to_numpy(dtype=bool)
    if not bad_value.any():
        return DataError("csv_malformed", path=name, line=1, reason=reason)
    row = int(bad_value.argmax())
    return DataError(
        "cell_not_machine_number",
        path=name,
        line=line_of(row),
        year=text["year"].iloc[row],
        text=value.iloc[row],
    )


def checked(
    frame: pd.DataFrame, name: str, line_of: Callable[[int], int] = lambda row: row + 2
) -> tuple[pd.DataFrame, list[Message]]:
    """Validate whole columns; return the tidy frame and the warnings.

    Every error names the file and the line (`line_of` a row; the header is line 1) and, in
    a panel, the entity the line belongs to.
    """
    import numpy as np

    frame.columns = [str(c).strip().lower() for c in frame.columns]
    warnings: list[Message] = []
    if "entity" not in frame:
        frame["entity"] = ""
    if "unit" not in frame:
        warnings.append(Message("long_without_unit", {"path": name}))
        frame["unit"] = "flow"

    def fail(key: str, row: int, **params: Any) -> DataError:
        entity = frame["entity"].iloc[row]
        where = {"entity": str(entity)} if entity == entity and str(entity) else {}
        return DataError(key, path=name, line=line_of(row), **params, **where)

    for column in ("entity", "indicator"):
        # Categories in order of first appearance: a file sorted its own way is then in key
        # order, and output follows the file.
        series = frame[column].astype("category")
        codes = series.cat.codes.to_numpy()
        if column == "indicator" and (codes < 0).any():
            raise fail("bad_id", int((codes < 0).argmax()), value="")
        first_seen = codes[first_rows_of(codes)]
        first_seen = first_seen[first_seen >= 0]
        frame[column] = series.cat.reorder_categories(series.cat.categories[first_seen])
    frame["unit"] = frame["unit"].astype("category")
    years = frame["year"].to_numpy()
    bad_year = (years < 1000) | (years > 9999)
    if bad_year.any():
        row = int(bad_year.argmax())
        raise fail("bad_year", row, value=str(years[row]))
    for column, valid in (
        ("indicator", frame["indicator"].cat.categories.str.fullmatch(ID_PATTERN)),
        ("unit", frame["unit"].cat.categories.isin(UNITS)),
    ):
        if not valid.all():
            wrong = str(frame[column].cat.categories[~np.asarray(valid, dtype=bool)][0])
            row = int((frame[column] == wrong).to_numpy().argmax())
            if column == "indicator":
                raise fail("bad_id", row, value=wrong)
            raise fail("bad_unit", row, value=wrong, choices=", ".join(UNITS))
    values = frame["value"].to_numpy()
    infinite = np.isinf(values)
    if infinite.any():
        row = int(infinite.argmax())
        raise fail("cell_not_finite", row, year=int(years[row]), text=str(values[row]))
    keys = ["entity", "indicator", "year"]
    repeated = (
        np.zeros(len(frame), dtype=bool)
        if in_key_order(frame, keys)
        else frame.duplicated(keys, keep="first").to_numpy()
    )
    if repeated.any():
        second = int(repeated.argmax())
        same = np.ones(len(frame), dtype=bool)
        for key in keys:
            same &= (frame[key] == frame[key].iloc[second]).to_numpy()
        raise fail(
            "duplicate_value",
            second,
            id=str(frame["indicator"].iloc[second]),
            year=int(years[second]),
            first=line_of(int(same.argmax())),
        )
    # Each indicator's unit is the one on its first row; a row with another is refused.
    indicator = frame["indicator"].cat.codes.to_numpy()
    unit = frame["unit"].cat.codes.to_numpy()
    first_rows = first_rows_of(indicator)
    unit_of = np.zeros(len(frame["indicator"].cat.categories), dtype=unit.dtype)
    unit_of[indicator[first_rows]] = unit[first_rows]
    conflicting = unit != unit_of[indicator]
    if conflicting.any():
        changed = int(conflicting.argmax())
        first_unit = frame["unit"].cat.categories[unit_of[indicator[changed]]]
        raise fail(
            "unit_conflict",
            changed,
            id=str(frame["indicator"].iloc[changed]),
            value=str(frame["unit"].iloc[changed]),
            first=str(first_unit),
        )
    frame["decimals"] = decimals_of(values)
    return frame, warnings


def first_rows_of(codes: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """The position of each distinct code's first row, in order of first appearance.

    A code first appears where a run of equal codes starts; in a panel, runs are long, so
    only their starts are hashed, not every row.
    """
    import numpy as np
    import pandas as pd

    starts = np.ones(len(codes), dtype=bool)
    starts[1:] = codes[1:] != codes[:-1]
    starts = np.flatnonzero(starts)
    return starts[~pd.Series(codes[starts], copy=False).duplicated().to_numpy()]


def in_key_order(frame: pd.DataFrame, keys: list[str]) -> bool:
    """Whether each row's keys come strictly after the previous row's (by category codes).

    Panels usually arrive sorted: then sorting can be skipped, and no two rows can share
    their keys.
    """
    import numpy as np

    columns = [
        frame[key].cat.codes.to_numpy() if hasattr(frame[key], "cat") else frame[key].to_numpy()
        for key in keys
    ]
    rows = len(frame)
    if rows < 2:
        return True
    ahead = np.zeros(rows - 1, dtype=bool)  # row i+1 comes after row i
    tied = np.ones(rows - 1, dtype=bool)
    for codes in columns:
        ahead |= tied & (codes[1:] > codes[:-1])
        tied &= codes[1:] == codes[:-1]
    return bool(ahead.all())


def decimals_of(values: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """The fewest decimals (0-6) that write each float exactly: 4.6 → 1, 56.0 → 0."""
    import numpy as np

    with np.errstate(all="ignore"):
        settled = ~np.isfinite(values) | (np.floor(values) == values)
    decimals = np.zeros(len(values), dtype="int8")
    if settled.all():  # panels of counts: one pass, not six
        return decimals
    rest = np.flatnonzero(~settled)
    fractional = values[rest]
    found = np.full(len(rest), 6, dtype="int8")
    open_ = np.ones(len(rest), dtype=bool)
    with np.errstate(all="ignore"):
        for places in range(1, 6):
            exact = open_ & (np.round(fractional, places) == fractional)
            found[exact] = places
            open_ &= ~exact
    decimals[rest] = found
    return decimals
