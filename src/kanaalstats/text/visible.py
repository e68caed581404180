"""Text from a file, made safe to show a person: control characters become visible escapes.

A label, an entity name, a quote or a file name can hold ESC sequences (colours, cursor
moves, a screen clear, OSC 8 links), the 8-bit CSI U+009B or bidirectional overrides that
make a line read differently from what it holds. A terminal obeys them; so they are shown
as `\\x1b`, `\\u009b`, `\\u202e` instead. CSV and JSON keep the text exact: a program reads
those, not a terminal.
"""

from __future__ import annotations

import re

# C0 except tab and newline, DEL, C1, and the bidirectional embeddings, overrides and
# isolates (the "Trojan Source" characters).
# Lone surrogates are the bytes of a file name that is not UTF-8 (Python's surrogateescape):
# no stream can encode them, so they are shown as the byte they stand for.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_UNSAFE_OR_NEWLINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x80 else f"\\u{code:04x}"


def visible(value: str) -> str:
    """`value` with every control character but tab and newline written as an escape."""
    return _UNSAFE.sub(_escape, value) if _UNSAFE.search(value) else value


def one_line(value: str) -> str:
    """`value` as one visible line: newlines and tabs escaped too (an error line)."""
    return _UNSAFE_OR_NEWLINE.sub(_escape, value) if _UNSAFE_OR_NEWLINE.search(value) else value
