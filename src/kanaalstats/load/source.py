"""Reading a table file's bytes into text and rows, refusing what is not a text table."""

from __future__ import annotations

import csv
import io
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from kanaalstats.domain.errors import DataError, InputFileError

# Larger files are panels, read by pandas directly; a cell this long is never a figure.
_CSV_FIELD_LIMIT = 1_000_000
_DELIMITERS = (";", "\t", ",")
# A character UTF-8 writes in two or three bytes; in a Windows-1252 file such pairs are
# mojibake (`Ã©`) that nobody types.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}")
STDIN = "-"


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


_stdin_bytes: list[bytes] = []  # standard input can be read once; peeking must not lose it


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
    """Standard input's bytes, read once and kept for whoever asks again."""
    if not _stdin_bytes:
        _stdin_bytes.append(sys.stdin.buffer.read())
    return _stdin_bytes[0]


def _guarded_read(path: Path, shown: str, limit: int | None) -> bytes:
    """The file's bytes, all or the first `limit`; what cannot be read is refused."""
    try:
        if str(path) == STDIN:
            # `-` is standard input, so a table can be piped in: `... | kanaalstats table -d -`.
            return read_stdin_bytes()
        with path.open("rb") as handle:
            return handle.read(limit)
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
