"""Reading a table file's bytes into text and rows, refusing what is not a text table."""

from __future__ import annotations

import csv
import io
import os
import re
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from kanaalstats.domain.errors import DataError, InputFileError, UsageError

# Larger files are panels, read by pandas directly; a cell this long is never a figure.
_CSV_FIELD_LIMIT = 1_000_000
_DELIMITERS = (";", "\t", ",")
# A character UTF-8 writes in two or three bytes; in a Windows-1252 file such pairs are
# mojibake (`Ã©`) that nobody types.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}")
STDIN = "-"
# Input is read whole: a runaway stream (`cat /dev/zero | …`) must stop before memory does.
MAX_INPUT_VARIABLE = "KANAALSTATS_MAX_INPUT"
DEFAULT_MAX_INPUT = 8 * 1024**3
_CHUNK = 1024 * 1024
_SIZE = re.compile(r"\s*(\d+)\s*([kmgt]?)i?b?\s*", re.IGNORECASE)


@dataclass(frozen=True)
class SourceText:
    """A decoded text file and how it was read."""

    name: str
    text: str
    encoding: str


@dataclass(frozen=True)
class Row:
    """One CSV record with the physical line it starts on, for error messages."""

    line: int
    cells: list[str]


# A stream (stdin, a FIFO, `<(…)`) can be read once; peeking must not lose it.
_streamed: dict[str, bytes] = {}


def shown_name(path: Path) -> str:
    """A path as messages and outputs name it: the bytes of a name that is not UTF-8 (which
    no output can encode) written as `\\xff`."""
    name = str(path)
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return name


def max_input() -> int:
    """The most bytes one input may have: KANAALSTATS_MAX_INPUT (`500M`, `20G`) or 8 GiB."""
    setting = os.environ.get(MAX_INPUT_VARIABLE, "").strip()
    if not setting:
        return DEFAULT_MAX_INPUT
    match = _SIZE.fullmatch(setting)
    if not match or not int(match.group(1)):
        raise UsageError("bad_max_input", value=setting)
    power = " kmgt".index(match.group(2).lower() or " ")
    factor: int = 1024**power
    return int(match.group(1)) * factor


def is_stream(path: Path) -> bool:
    """Standard input, a FIFO, a process substitution or a device: read once, as it comes."""
    if str(path) == STDIN:
        return True
    try:
        return not stat.S_ISREG(path.stat().st_mode) and not path.is_dir()
    except OSError:
        return False


def refuse_too_large(path: Path, shown: str) -> None:
    """A file on disk larger than the limit is refused before it is read."""
    limit = max_input()
    try:
        size = path.stat().st_size
    except OSError:
        return  # the read that follows names what is wrong
    if size > limit:
        raise InputFileError("input_too_large", path=shown, limit=limit)


def stream_bytes(path: Path, shown: str) -> bytes:
    """All of a stream, read once and kept, up to the limit."""
    key = str(path)
    if key not in _streamed:
        _streamed[key] = guarded(path, shown, lambda: _read_stream(path, shown))
    return _streamed[key]


def _read_stream(path: Path, shown: str) -> bytes:
    limit = max_input()
    if str(path) == STDIN:
        if sys.stdin is None:  # started with `<&-`
            raise InputFileError("stdin_closed", path=shown)
        return _read_bounded(sys.stdin.buffer, shown, limit)
    with path.open("rb") as handle:
        return _read_bounded(handle, shown, limit)


def _read_bounded(handle: BinaryIO, shown: str, limit: int) -> bytes:
    read = handle.read
    data = bytearray()
    while True:
        chunk = read(_CHUNK)
        if not chunk:
            return bytes(data)
        if not data and b"\x00" in chunk and not chunk.startswith((b"\xff\xfe", b"\xfe\xff")):
            # Zeros in the first megabyte: no text table (`cat /dev/zero`); stop at once.
            raise InputFileError("file_is_binary", path=shown)
        data += chunk
        if len(data) > limit:
            raise InputFileError("input_too_large", path=shown, limit=limit)


def peek_source(path: Path, name: str, size: int = 65_536) -> SourceText:
    """The first lines of a file, decoded and checked like the whole, to tell its form."""
    raw = _guarded_read(path, name, size)
    if len(raw) >= size and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raw = raw[: raw.rfind(b"\n") + 1] or raw  # never cut a character in two
    return SourceText(name, *decode(raw, name))


def read_source(path: Path, name: str) -> SourceText:
    """Read and decode a table file; refuse directories, binaries, workbooks and web pages."""
    return SourceText(name, *decode(_guarded_read(path, name, None), name))


def read_stdin_bytes() -> bytes:
    """Standard input's bytes, read once (bounded) and kept for whoever asks again."""
    return stream_bytes(Path(STDIN), "<stdin>")


def _guarded_read(path: Path, shown: str, limit: int | None) -> bytes:
    """The file's bytes, all or the first `limit`; what cannot be read is refused."""
    if is_stream(path):
        # `-` is standard input, so a table can be piped in: `... | kanaalstats table -d -`.
        whole = stream_bytes(path, shown)
        return whole if limit is None else whole[:limit]
    if limit is None:
        refuse_too_large(path, shown)

    def read() -> bytes:
        with path.open("rb") as handle:
            return handle.read(limit)

    return guarded(path, shown, read)


def guarded(path: Path, shown: str, read: Callable[[], bytes]) -> bytes:
    """What `read` returns; a file that cannot be read is one error naming it."""
    try:
        return read()
    except FileNotFoundError:
        raise InputFileError("file_not_found", path=shown) from None
    except IsADirectoryError:
        raise InputFileError("file_is_directory", path=shown) from None
    except PermissionError:
        raise InputFileError("file_not_readable", path=shown, reason="permission denied") from None
    except OSError as error:
        raise InputFileError("file_not_readable", path=shown, reason=error.strerror) from None


def decode(raw: bytes, name: str) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 with BOM, or cp1252."""
    if raw.startswith(b"PK\x03\x04"):
        raise InputFileError("file_is_workbook", path=name)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise InputFileError("file_not_decodable", path=name) from None
    if b"\x00" in raw:
        raise InputFileError("file_is_binary", path=name)
    try:
        text, encoding = raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        try:
            # Excel on Windows saves "CSV" as cp1252; bytes cp1252 leaves undefined are refused.
            text, encoding = raw.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            raise InputFileError("file_not_decodable", path=name) from None
        _refuse_mixed(raw, name)
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html", "<?xml", "<table")):
        raise InputFileError("file_is_html", path=name)
    return text, encoding


def _refuse_mixed(raw: bytes, name: str) -> None:
    """Refuse a file that is not UTF-8 but holds UTF-8 characters: lines pasted together from
    two files, which one encoding reads wrongly in part."""
    utf8 = _UTF8_SEQUENCE.search(raw)
    if utf8 is None:
        return
    bad = 0
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        bad = error.start
    raise InputFileError(
        "file_mixed_encoding",
        path=name,
        utf8_line=raw.count(b"\n", 0, utf8.start()) + 1,
        other_line=raw.count(b"\n", 0, bad) + 1,
    )


def sniff_delimiter(text: str, sample_lines: int = 20) -> str:
    """The delimiter found on the most of the first lines; `;` before tab before `,` on a tie.

    A title line above the table has none; Dutch decimals put commas in some lines of a
    `;`-separated file, but a `;` file has `;` on every line.
    """
    lines = [line for line in text.splitlines()[: sample_lines * 2] if line.strip()][:sample_lines]
    spread = {d: sum(d in line for line in lines) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: spread[d])  # max keeps the first on a tie
    return best if spread[best] else ","


def read_rows(source: SourceText) -> list[Row]:
    """Split the text into records, keeping each one's line number; refuse broken quoting."""
    delimiter = sniff_delimiter(source.text)
    csv.field_size_limit(_CSV_FIELD_LIMIT)
    reader = csv.reader(io.StringIO(source.text, newline=""), delimiter=delimiter, strict=True)
    rows: list[Row] = []
    line = 1
    try:
        for cells in reader:
            rows.append(Row(line, cells))
            line = reader.line_num + 1
    except csv.Error as error:
        raise DataError("csv_malformed", path=source.name, line=line, reason=str(error)) from None
    return rows
