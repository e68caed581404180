"""`growth` of a large panel as CSV or JSON, streamed block by block: flat memory, no pandas.

A panel of every municipality runs to millions of rows; loading it whole costs memory many
times its size, and importing pandas alone costs ~100 MB and half a second. This path reads
the CSV in blocks with pyarrow's streaming reader, computes each block with the same
arithmetic as `metrics.growth` (growth_core) and encodes it with the same writer parts as
`machine`, so its bytes are those of the general path.

It takes only the common case: one UTF-8 long-form file with `entity` and `unit` columns,
each entity's rows together, every year of the data already in the first block, all
indicators, CSV or JSON out, pyarrow installed. Anything else, and any check that fails on
the way, raises NotStreamable; the caller then runs the general path, which loads the whole
file and names any problem by its line. Output goes to a temporary file until the end, so a
stream given up halfway leaves nothing behind.
"""

from __future__ import annotations

import importlib.abc
import os
import re
import shutil
import sys
import tempfile
import threading
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from queue import Full, Queue
from typing import IO, Any

import numpy as np

from kanaalstats.growth_core import NOTES, change_figures, previous_rows, shifted
from kanaalstats.long_form import (
    PARQUET_SUFFIXES,
    arrow_column_types,
    arrow_convert_options,
    file_header,
    strictly_increasing,
)
from kanaalstats.machine import (
    ARROW_SLICE_ROWS,
    FORMULA_START,
    QUOTE_MARKS,
    arrow_numbers,
    arrow_text,
    encode_json_slice,
    encode_slice,
    json_head,
    json_tail,
    json_texts,
    prepared_numbers,
)
from kanaalstats.units import UNITS

# pyarrow's reader holds some 40 times its block size (measured: 1 MB blocks, ~40 MB).
READ_BYTES = 1 << 18
# Rows are computed in blocks of whole entities. Working memory runs at ~2 KB a block row
# (measured), per-block costs favour big blocks: one block row per 4 KB of file keeps memory
# near half the file's size, within 10,000 to 100,000 rows.
FILE_BYTES_PER_BLOCK_ROW = 4096
BLOCK_ROWS = (10_000, 100_000)
# Parquet is compressed: blocks follow its rows, one block row per 100 (about the CSV rule
# for the bench panels, 36 bytes a row).
ROWS_PER_BLOCK_ROW = 100
PARQUET_BATCH_ROWS = 16_384
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_NEEDED = ("entity", "indicator", "year", "value", "unit")
_LABELS = ("label_nl", "label", "label_en")
_IN_FLIGHT = 4
# The same tests as machine.neutralised and machine.needs_quotes, for whole arrow arrays.
_FORMULA_START = "^[" + "".join(re.escape(c) for c in FORMULA_START) + "]"
_NEEDS_QUOTES = "[" + "".join(re.escape(c) for c in QUOTE_MARKS) + "]"


class NotStreamable(Exception):
    """The file needs the general path; the message says why (for developers)."""


@dataclass
class _Indicators:
    """What the blocks so far said about each indicator, in order of first appearance."""

    index: dict[str, int] = field(default_factory=dict)
    units: list[str] = field(default_factory=list)
    labels_nl: list[str] = field(default_factory=list)
    labels_en: list[str] = field(default_factory=list)


@dataclass
class _State:
    lang: str
    json: bool  # JSON out, else CSV
    columns: dict[str, str]  # lower-case name → name in the file
    indicators: _Indicators = field(default_factory=_Indicators)
    entities_done: set[str] = field(default_factory=set)
    years: np.ndarray[Any, Any] | None = None
    indicator_texts: dict[str, Any] | None = None
    indicator_count: int = 0


def write_growth(path: Path, output: Path | None, lang: str, as_json: bool = False) -> bool:
    """Stream `growth` of the panel in `path` as CSV (or JSON) to `output` (stdout when None).

    False, with nothing written, when the file needs the general path.
    """
    from kanaalstats.output import write_binary_atomically

    state = _State(lang, as_json, {})
    try:
        with _without_pandas():
            if output is not None:
                write_binary_atomically(output, lambda sink: _stream(path, state, sink))
            else:
                # Spooled, so that a stream given up halfway has printed nothing.
                with tempfile.TemporaryFile() as spool:
                    _stream(path, state, spool)
                    spool.seek(0)
                    sys.stdout.flush()
                    shutil.copyfileobj(spool, sys.stdout.buffer, 1 << 20)
                    sys.stdout.buffer.flush()
    except NotStreamable:
        return False
    return True


class _PandasKeptOut(importlib.abc.MetaPathFinder):
    def find_spec(self, name: str, path: Any = None, target: Any = None) -> None:
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("pandas is not needed while streaming")
        return None


@contextmanager
def _without_pandas() -> Iterator[None]:
    """pyarrow imports pandas on first use, to check whether an argument is a pandas object;
    this path hands it only numpy and arrow objects, so pandas (~0.5 s, ~50 MB) stays out.

    Afterwards pandas imports normally, and pyarrow, asked for pandas again (`to_pandas`
    on the general path after a fallback), finds it then: tests/test_stream.py checks this
    in a fresh process.
    """
    if "pandas" in sys.modules:
        yield
        return
    finder = _PandasKeptOut()
    sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)


def _stream(path: Path, state: _State, sink: IO[bytes]) -> None:
    try:
        import pyarrow as pa
    except ImportError:
        raise NotStreamable("pyarrow is not installed") from None
    # glibc's allocator, not pyarrow's default (mimalloc): measured on a 10^7-row panel,
    # 190 MB and 10.1 s peak against 220 MB and 11.1 s.
    pool = pa.default_memory_pool()
    pa.set_memory_pool(pa.system_memory_pool())
    try:
        if path.suffix.lower() in PARQUET_SUFFIXES:
            reader, block_rows = _parquet_batches(path, state)
        else:
            reader, block_rows = _csv_batches(path, state)
        blocks = _entity_blocks(_read_ahead(reader), state.columns["entity"], block_rows)
        _pipeline(blocks, state, sink)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, OSError, UnicodeDecodeError) as error:
        raise NotStreamable(str(error)) from None
    finally:
        pa.set_memory_pool(pool)


def _csv_batches(path: Path, state: _State) -> tuple[Any, int]:
    """pyarrow's streaming CSV reader over the columns the stream needs, and the block size."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    delimiter = _delimiter(path)
    header = file_header(path, delimiter)
    if header is None:
        raise NotStreamable("the file starts with a byte order mark")
    _set_columns(state, {name.strip().lower(): name for name in header}, len(header))
    wanted = {state.columns[c] for c in (*_NEEDED, *_LABELS) if c in state.columns}
    types = {k: v for k, v in arrow_column_types(header, pa.string()).items() if k in wanted}
    reader = pacsv.open_csv(
        path,
        read_options=pacsv.ReadOptions(block_size=READ_BYTES),
        parse_options=pacsv.ParseOptions(delimiter=delimiter),
        convert_options=arrow_convert_options(types, only_known=True),
    )
    return reader, _block_rows(path.stat().st_size // FILE_BYTES_PER_BLOCK_ROW)


def _parquet_batches(path: Path, state: _State) -> tuple[Iterator[Any], int]:
    """The Parquet file's batches with the types the CSV reader gives (text, int64 years,
    float64 values), and the block size. Types the general path would convert another way
    (years as floats or text, say) give up."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(path)
    schema = parquet.schema_arrow
    # As read_parquet matches them: lower-cased, not stripped.
    _set_columns(state, {name.lower(): name for name in schema.names}, len(schema.names))
    wanted = [state.columns[c] for c in (*_NEEDED, *_LABELS) if c in state.columns]
    target = pa.schema([(name, _arrow_type(name, schema.field(name).type)) for name in wanted])

    def batches() -> Iterator[Any]:
        for batch in parquet.iter_batches(batch_size=PARQUET_BATCH_ROWS, columns=wanted):
            arrays = [batch.column(name).cast(target.field(name).type) for name in wanted]
            yield pa.RecordBatch.from_arrays(arrays, schema=target)

    return batches(), _block_rows(parquet.metadata.num_rows // ROWS_PER_BLOCK_ROW)


def _arrow_type(name: str, kind: Any) -> Any:
    import pyarrow as pa

    key = name.lower()
    if key == "year" and pa.types.is_integer(kind):
        return pa.int64()
    if key == "value" and (pa.types.is_integer(kind) or pa.types.is_floating(kind)):
        return pa.float64()
    text = kind.value_type if pa.types.is_dictionary(kind) else kind
    if key not in ("year", "value") and (
        pa.types.is_string(text) or pa.types.is_large_string(text)
    ):
        return pa.string()
    raise NotStreamable(f"column {name} is {kind}, which the general path converts")


def _set_columns(state: _State, columns: dict[str, str], count: int) -> None:
    if len(columns) != count or not set(_NEEDED) <= set(columns):
        raise NotStreamable("not a long form with entity and unit columns")
    state.columns = columns


def _read_ahead(reader: Any, depth: int = 8) -> Iterator[Any]:
    """The reader's batches, parsed in a thread of their own while this one computes
    (pyarrow's streaming reader is single-threaded and parses outside the GIL)."""
    batches: Queue[Any] = Queue(maxsize=depth)
    stop = threading.Event()
    end = object()

    def offer(item: Any) -> bool:
        """Queue an item unless the consumer stopped (a full queue would block forever)."""
        while not stop.is_set():
            try:
                batches.put(item, timeout=0.1)
                return True
            except Full:
                continue
        return False

    def read() -> None:
        try:
            for batch in reader:
                if not offer(batch):
                    return
            offer(end)
        except BaseException as error:  # handed to the consumer, which raises it
            offer(error)

    thread = threading.Thread(target=read, name="kanaalstats-reader", daemon=True)
    thread.start()
    try:
        while (item := batches.get()) is not end:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        thread.join()


def _pipeline(blocks: Iterator[Any], state: _State, sink: IO[bytes]) -> None:
    """Compute each block in this thread while earlier blocks are encoded on all cores."""
    import pyarrow as pa

    written = 0
    waiting: deque[Future[Any]] = deque()
    if state.json:
        sink.write(json_head("growth", {}).encode())
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        for block in blocks:
            columns = _block_columns(block, state)
            if columns is None:
                continue
            table = pa.Table.from_arrays(*columns)
            for start in range(0, table.num_rows, ARROW_SLICE_ROWS):
                first = written == 0 and start == 0
                if state.json:
                    waiting.append(pool.submit(encode_json_slice, table, start, first))
                else:
                    waiting.append(pool.submit(encode_slice, table, start, False, first))
            written += table.num_rows
            # A few slices in flight keep the cores busy; more would only hold memory.
            while len(waiting) > _IN_FLIGHT:
                sink.write(waiting.popleft().result())
        while waiting:
            sink.write(waiting.popleft().result())
    if written == 0:
        raise NotStreamable("no growth rows")
    if state.json:
        sink.write(json_tail([], any_rows=True).encode())  # growth has no notes


def _delimiter(path: Path) -> str:
    """The delimiter, told as the general path tells it; errors are left to that path."""
    from kanaalstats.errors import KanaalstatsError
    from kanaalstats.source_text import peek_source, sniff_delimiter

    try:
        head = peek_source(path, str(path))
    except KanaalstatsError as error:
        raise NotStreamable(str(error)) from None
    if head.encoding != "utf-8":
        raise NotStreamable("not UTF-8")
    return sniff_delimiter(head.text)


def _block_rows(wanted: int) -> int:
    smallest, largest = BLOCK_ROWS
    return max(smallest, min(largest, wanted))


def _entity_blocks(reader: Any, entity: str, block_rows: int) -> Iterator[Any]:
    """Tables of whole entities, of about `block_rows` rows: batches are gathered until there
    are enough rows, then cut where the last entity begins; that entity waits for the next
    table (it may run on over several batches).

    Only the last entity's start is looked for, once a table: entities elsewhere out of
    place are found by _block_columns, which then gives up.
    """
    import pyarrow as pa

    waiting: list[Any] = []
    rows = 0
    for batch in reader:
        if batch.num_rows == 0:
            continue
        waiting.append(batch)
        rows += batch.num_rows
        if rows < block_rows:
            continue
        cut = _last_entity_start(waiting, entity)
        if cut is None:
            continue  # one entity so far: it goes on
        index, row = cut
        yield pa.Table.from_batches([*waiting[:index], waiting[index].slice(0, row)])
        waiting = [waiting[index].slice(row), *waiting[index + 1 :]]
        rows = sum(b.num_rows for b in waiting)
    if waiting:
        yield pa.Table.from_batches(waiting)


def _last_entity_start(batches: list[Any], entity: str) -> tuple[int, int] | None:
    """(batch, row) where the rows of the last entity begin, or None when every row is
    that entity's."""
    import pyarrow.compute as pc

    last = batches[-1].column(entity)[-1]
    for index in range(len(batches) - 1, -1, -1):
        names = batches[index].column(entity)
        if len(names) == 0 or names[0] == last:
            continue  # taken to be the last entity throughout; checked per block later
        same = pc.fill_null(pc.equal(names, last), False).to_numpy(zero_copy_only=False)
        # The last row that is another entity, plus one.
        return index, len(same) - int(np.argmin(same[::-1]))
    return None


def _codes(column: Any) -> tuple[Any, np.ndarray[Any, Any]]:
    """Distinct texts in order of first appearance (an arrow array), and each row's
    position among them."""
    import pyarrow.compute as pc

    encoded = pc.dictionary_encode(column).combine_chunks()
    return encoded.dictionary, encoded.indices.to_numpy()


def _block_columns(block: Any, state: _State) -> tuple[list[Any], list[str]] | None:
    """The growth rows of a block of whole entities, as arrow columns and their names."""
    if block.num_rows == 0:
        return None
    columns = state.columns
    # The CSV reader gives no missing texts; Parquet may, and read_parquet makes them "None".
    texts = ("entity", "indicator", "unit", *_LABELS)
    if any(block.column(columns[c]).null_count for c in texts if c in columns):
        raise NotStreamable("a missing name, id, unit or label")
    entity_texts, entity = _codes(block.column(columns["entity"]))
    entity_names = entity_texts.to_pylist()
    if "" in entity_names or state.entities_done.intersection(entity_names):
        raise NotStreamable("an entity without a name, or one whose rows are not together")
    if 1 + int(np.count_nonzero(entity[1:] != entity[:-1])) != len(entity_names):
        raise NotStreamable("an entity whose rows are not together")
    state.entities_done.update(entity_names)
    indicator = _indicator_numbers(block, state)
    if block.column(columns["year"]).null_count:
        raise NotStreamable("a row without a year")
    year = block.column(columns["year"]).to_numpy()
    value = block.column(columns["value"]).to_numpy()
    if ((year < 1000) | (year > 9999)).any() or np.isinf(value).any():
        raise NotStreamable("a year or value the general path refuses")
    keys = [entity, indicator, year]
    if not strictly_increasing(keys):
        order = np.lexsort((year, indicator, entity))
        entity, indicator, year, value = entity[order], indicator[order], year[order], value[order]
        if not strictly_increasing([entity, indicator, year]):
            raise NotStreamable("a value given twice")
    block_years = np.unique(year)
    if state.years is None:
        state.years = block_years
    elif not np.isin(block_years, state.years).all():
        raise NotStreamable("a year that the first block did not have")
    previous_year, same, keep = previous_rows(entity, indicator, year, state.years)
    a = shifted(value, same)[keep]
    b = value[keep]
    span = (year - previous_year)[keep].astype("float64")
    change, change_pct, cagr, notes = change_figures(a, b, span)
    indicator = indicator[keep]
    cells = _Cells(state, entity_texts, entity[keep], indicator)
    numbers = {
        "from_year": previous_year[keep],
        "to_year": year[keep],
        "from_value": a,
        "to_value": b,
        "change": change,
        "change_pct": change_pct,
        "cagr_pct": cagr,
    }
    cells.text["note"] = (_as_written(NOTES, state.json), notes)
    return _arrow_columns(cells, numbers)


def _indicator_numbers(block: Any, state: _State) -> np.ndarray[Any, Any]:
    """Each row's indicator as its position in order of first appearance in the file,
    checking ids and units (one per indicator) and noting labels of new indicators."""
    columns = state.columns
    known = state.indicators
    id_texts, local = _codes(block.column(columns["indicator"]))
    unit_texts, unit = _codes(block.column(columns["unit"]))
    ids, unit_names = id_texts.to_pylist(), unit_texts.to_pylist()
    if not set(unit_names) <= set(UNITS):
        raise NotStreamable("a unit the general path refuses")
    pairs = np.unique(local.astype(np.int64) * len(unit_names) + unit)
    if len(pairs) != len(ids):
        raise NotStreamable("an indicator with two units")
    first_rows = np.unique(local, return_index=True)[1]
    texts = {
        name: block.column(columns[name]).take(first_rows).to_pylist()
        for name in _LABELS
        if name in columns
    }
    for position, name in enumerate(ids):
        unit_of = unit_names[int(pairs[position] % len(unit_names))]
        if name in known.index:
            if known.units[known.index[name]] != unit_of:
                raise NotStreamable("an indicator with two units")
            continue
        if not _ID.fullmatch(name):
            raise NotStreamable("an indicator id the general path refuses")
        label = texts.get("label_nl", texts.get("label", [name] * len(ids)))[position]
        known.index[name] = len(known.units)
        known.units.append(unit_of)
        known.labels_nl.append(label or name)
        known.labels_en.append(texts["label_en"][position] if "label_en" in texts else "")
    numbers = np.array([known.index[name] for name in ids], dtype=np.int64)
    rows: np.ndarray[Any, Any] = numbers[local]
    return rows


class _Cells:
    """The text columns of a block: a few texts each (as written), and every row's code."""

    def __init__(
        self,
        state: _State,
        entity_texts: Any,
        entity: np.ndarray[Any, Any],
        indicator: np.ndarray[Any, Any],
    ) -> None:
        per_indicator = _per_indicator(state)
        self.text: dict[str, tuple[Any, np.ndarray[Any, Any]]] = {
            key: (texts, indicator) for key, texts in per_indicator.items()
        }
        self.text["entity"] = (_as_written(entity_texts, state.json), entity)


def _per_indicator(state: _State) -> dict[str, Any]:
    """Indicator texts as written; computed again only when an indicator is new."""
    from kanaalstats.views import change_unit

    known = state.indicators
    if state.indicator_texts is None or state.indicator_count != len(known.units):
        english = state.lang == "en"
        labels = [
            en if english and en else nl
            for nl, en in zip(known.labels_nl, known.labels_en, strict=True)
        ]
        as_json = state.json
        state.indicator_texts = {
            "indicator": _as_written(list(known.index), as_json),
            "label": _as_written(labels, as_json),
            "unit": _as_written(known.units, as_json),
            "change_unit": _as_written([change_unit(u) for u in known.units], as_json),
        }
        state.indicator_count = len(known.units)
    return state.indicator_texts


def _as_written(texts: Any, as_json: bool) -> Any:
    """Texts as JSON strings, or as CSV cells with formula starts neutralised (as
    `machine.neutralised`); an arrow array.

    CSV names needing quotes give up: the general path then quotes every text cell.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    if as_json:
        listed = texts if isinstance(texts, list) else texts.to_pylist()
        return pa.array(json_texts(listed), type=pa.string())
    texts = pa.array(texts, type=pa.string()) if isinstance(texts, list) else texts
    formula = pc.match_substring_regex(texts, _FORMULA_START)
    shown = pc.if_else(formula, pc.binary_join_element_wise("'", texts, ""), texts)
    if pc.any(pc.match_substring_regex(shown, _NEEDS_QUOTES)).as_py():
        raise NotStreamable("a name that needs quotes in CSV")
    return shown


def _arrow_columns(
    cells: _Cells, numbers: dict[str, np.ndarray[Any, Any]]
) -> tuple[list[Any], list[str]]:

    from kanaalstats.views import growth_columns

    arrays: list[Any] = []
    names: list[str] = []
    for column in growth_columns(has_entities=True):
        if not column.machine:
            continue
        if column.key in numbers:
            raw = numbers[column.key].astype("float64")
            arrays.append(arrow_numbers(column.kind, prepared_numbers(column.kind, raw)))
        else:
            arrays.append(arrow_text(*cells.text[column.key]))
        names.append(column.key)
    return arrays, names
