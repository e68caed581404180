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
    rows: Sequence[Sequence[str]],
) -> None:
    """Print the table as Rich would, writing the body rows of a long table directly."""
    widths = _plain_widths(console, title, headers, rows) if len(rows) >= MANY_ROWS else None
    if widths is None:
        console.print(rich_table(title, headers, numeric, rows))
        return
    with console.capture() as capture:
        console.print(rich_table(title, headers, numeric, [], widths))
    # Without rows Rich ends with the header rule and the bottom border.
    *head, bottom = capture.get().splitlines(keepends=True)
    stream = console.file
    stream.write("".join(head))
    for start in range(0, len(rows), _WRITE_ROWS):
        lines = [
            "│ "
            + " │ ".join(
                _padded(cell, width, number)
                for cell, width, number in zip(row, widths, numeric, strict=True)
            )
            + " │\n"
            for row in rows[start : start + _WRITE_ROWS]
        ]
        stream.write("".join(lines))
    stream.write(bottom)


def _padded(cell: str, width: int, right: bool) -> str:
    from rich.cells import cell_len

    gap = " " * (width - cell_len(cell))
    return gap + cell if right else cell + gap


def _plain_widths(
    console: Console, title: str, headers: Sequence[str], rows: Sequence[Sequence[str]]
) -> list[int] | None:
    """Each column's width as Rich would choose it, or None when Rich must lay it out:
    the table is wider than the console, the title wider than the table, or a cell holds
    a control character or starts or ends with a space."""
    from rich.cells import cell_len

    if not console.encoding.lower().startswith("utf"):
        return None  # Rich then draws the box in ASCII
    widths = []
    for position, header in enumerate(headers):
        cells = [row[position] for row in rows]
        if _CONTROL.search(header) or _CONTROL.search("".join(cells)):
            return None
        if header != header.strip() or any(cell != cell.strip() for cell in cells):
            return None  # Rich strips or keeps such spaces depending on the alignment
        widths.append(max([cell_len(header), *map(cell_len, cells)]))
    total = sum(widths) + 3 * len(widths) + 1
    if total > console.width or cell_len(title) > total:
        return None
    return widths
