"""Rich tables for people, and a quick way to write the long ones.

Rich measures and renders every cell as objects, some 200 µs a cell: a panel's table of
100,000 rows took minutes. When a table fits the width, its body rows carry no style and
wrap nowhere, so they are plain text: cells padded to the column's width between box lines.
Rich still lays out and styles the title and the header (from the same widths), and
writes every table that would wrap, has control characters, or is short.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

# Fewer rows than this are left to Rich: its cost is then too small to matter.
MANY_ROWS = 1000
_WRITE_ROWS = 10_000
# Rich expands tabs and drops other control characters; such a table goes through Rich.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SPACE = re.compile(r"\s")
_SPACE_AROUND = re.compile(r"\s\0|\0\s")
# Rich measures text with these in it by grapheme, not character by character.
_JOINERS = ("\u200d", "\ufe0f")


def rich_table(
    title: str,
    headers: Sequence[str],
    numeric: Sequence[bool],
    rows: Sequence[Sequence[str]],
    widths: Sequence[int] | None = None,
) -> Table:
    """The Rich table of these cells; numbers right-aligned.

    Cells go in as Text, not as markup: escaped markup still shows a final backslash twice.
    """
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(title, style="table.title"), title_justify="left", header_style="bold")
    for position, (header, number) in enumerate(zip(headers, numeric, strict=True)):
        table.add_column(
            Text(header),
            justify="right" if number else "left",
            no_wrap=number,
            width=widths[position] if widths is not None else None,
        )
    for row in rows:
        table.add_row(*(Text(value) for value in row))
    return table


def write_table(
    console: Console,
    title: str,
    headers: Sequence[str],
    numeric: Sequence[bool],
    columns: Sequence[Sequence[str]],
) -> None:
    """Print the table (its cells given column by column) as Rich would, writing the body
    rows of a long table directly."""
    widths = _plain_widths(console, title, headers, numeric, columns)
    if widths is None:
        rows = list(zip(*columns, strict=True))
        console.print(rich_table(title, headers, numeric, rows))
        return
    with console.capture() as capture:
        console.print(rich_table(title, headers, numeric, [], widths))
    # Without rows Rich ends with the header rule and the bottom border.
    *head, bottom = capture.get().splitlines(keepends=True)
    stream = console.file
    stream.write("".join(head))
    # Padded a chunk at a time: a padded copy of every cell would double the memory.
    for start in range(0, len(columns[0]), _WRITE_ROWS):
        padded = [
            [
                cell.rjust(width) if right else cell.ljust(width)
                for cell in column[start : start + _WRITE_ROWS]
            ]
            for column, width, right in zip(columns, widths, numeric, strict=True)
        ]
        stream.write(
            "".join(["│ " + " │ ".join(cells) + " │\n" for cells in zip(*padded, strict=True)])
        )
    stream.write(bottom)


def _plain_widths(
    console: Console,
    title: str,
    headers: Sequence[str],
    numeric: Sequence[bool],
    columns: Sequence[Sequence[str]],
) -> list[int] | None:
    """Each column's width as Rich would choose it, or None when Rich must lay the table
    out: it is short or wider than the console, the title is wider than the table, a cell
    holds a control character or a wide or zero-width character, or a header or
    right-aligned cell starts or ends with a space.

    Every cell passed has as many cells on screen as characters, so str.ljust pads it.
    """
    from rich.cells import cell_len

    if not columns or len(columns[0]) < MANY_ROWS:
        return None  # not worth it
    if not console.encoding.lower().startswith("utf"):
        return None  # Rich then draws the box in ASCII
    widths: list[int] = []
    for header, right, cells in zip(headers, numeric, columns, strict=True):
        joined = "".join(cells)
        if _CONTROL.search(header) or _CONTROL.search(joined):
            return None
        if header != header.strip() or (right and _spaces_around(cells, joined)):
            return None  # Rich strips such spaces from right-aligned cells
        if not joined.isascii() and not _one_cell_each(joined):
            return None  # wide or zero-width characters: Rich's own layout handles them
        widths.append(max(cell_len(header), max(map(len, cells), default=0)))
    total = sum(widths) + 3 * len(widths) + 1
    if total > console.width or cell_len(title) > total:
        return None
    return widths


def _spaces_around(cells: Sequence[str], joined: str) -> bool:
    """Whether some cell starts or ends with white space (a test of the column at once)."""
    if not _SPACE.search(joined):
        return False
    # Between NULs, which no cell holds now, a cell's first and last characters are marked.
    return bool(_SPACE_AROUND.search("\0" + "\0".join(cells) + "\0"))


def _one_cell_each(text: str) -> bool:
    """Whether every character of `text` takes one cell on screen, so that any string made
    of them is as wide as it is long (Rich adds up characters unless joiners are present)."""
    from rich.cells import cell_len

    if any(joiner in text for joiner in _JOINERS):
        return False
    return all(cell_len(character) == 1 for character in set(text) if not character.isascii())
