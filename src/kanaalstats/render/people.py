"""Tables, paragraphs and Markdown for people.

People's formats see every block before they write: a column is shown when any block has
something in it, and a table's widths need all its rows. The terminal's table or paragraphs
are Rich's and hold at most SHOWN_ROWS rows, with a note on how to get them all; Markdown,
for publishing, holds every row, formatted a chunk at a time.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, TextIO

from kanaalstats.domain.message import Message
from kanaalstats.domain.result import Column, Ending, Outline, Result
from kanaalstats.render.cells import human_columns
from kanaalstats.render.machine import NUMERIC_KINDS, notes_in
from kanaalstats.text.catalogue import text
from kanaalstats.text.numbers import format_number
from kanaalstats.text.visible import visible

if TYPE_CHECKING:
    import pandas as pd
    from rich.console import Console
    from rich.table import Table

# Rich lays out every cell as objects, some 200 µs a cell: the terminal gets this many rows.
SHOWN_ROWS = 1000
# Below this many columns no table is readable: one field per line instead.
_NARROW = 30
_CHUNK_ROWS = 20_000


class PeopleWriter:
    """Collects the blocks; writes a table, paragraphs or Markdown at the end."""

    def __init__(
        self, stream: TextIO, outline: Outline, lang: str, markdown: bool, to_file: bool
    ) -> None:
        self.stream = stream
        self.outline = outline
        self.lang = lang
        self.markdown = markdown
        self.to_file = to_file
        self.frames: list[pd.DataFrame] = []
        self.columns: list[Column] = []
        self.prose: str | None = None
        self.rows = 0

    def write(self, result: Result) -> None:
        self.prose = result.prose
        if not self.columns:
            self.columns = result.columns
        else:  # a column is shown when any block shows it
            self.columns = [
                column if column.human or not other.human else other
                for column, other in zip(self.columns, result.columns, strict=True)
            ]
        kept = len(result.frame)
        if not self.markdown:
            kept = max(0, min(kept, SHOWN_ROWS - self.rows))
        if kept or not self.frames:
            self.frames.append(result.frame.iloc[:kept])
        self.rows += len(result.frame)

    def end(self, ending: Ending) -> None:
        import pandas as pd

        below = [*ending.footer, *notes_in(ending.notes, self.lang)]
        shown = sum(len(frame) for frame in self.frames)
        if shown < self.rows:
            counts = {"shown": format_number(shown, 0, self.lang)}
            counts["total"] = format_number(self.rows, 0, self.lang)
            cut = Message("rows_cut", counts)
            below.append(notes_in([cut], self.lang)[0])
        title = text(self.outline.title, self.lang)
        # A label, entity or quote in a note can hold a control sequence: show, never obey.
        below = [visible(line) for line in below]
        if self.markdown:
            # Block by block: the blocks together would hold a large result twice.
            self._markdown(title, self.frames, below)
            return
        frame = (
            pd.concat(self.frames, ignore_index=True) if len(self.frames) > 1 else self.frames[0]
        )
        if self.prose:
            self._paragraphs(title, frame, below)
        else:
            self._table(title, frame, below)

    def _markdown(self, title: str, frames: list[pd.DataFrame], below: list[str]) -> None:
        stream = self.stream
        stream.write(f"### {_md_text(visible(title))}\n\n")
        if self.prose:
            for frame in frames:
                for sentence in frame[self.prose]:
                    stream.write(f"{_md_text(visible(str(sentence)))}\n\n")
            for line in below:
                stream.write(f"_{_md_text(line)}_\n")
            return
        columns = [c for c in self.columns if c.human]
        stream.write(
            "| " + " | ".join(_md(visible(_header(c, self.lang))) for c in columns) + " |\n"
        )
        stream.write(
            "|" + "|".join("---:" if c.kind in NUMERIC_KINDS else "---" for c in columns) + "|\n"
        )
        chunks = (
            frame.iloc[start : start + _CHUNK_ROWS]
            for frame in frames
            for start in range(0, len(frame), _CHUNK_ROWS)
        )
        for chunk in chunks:
            cells = [
                texts if column.kind in NUMERIC_KINDS else _md_cells(texts)
                for column, texts in zip(
                    columns, human_columns(chunk, columns, self.lang), strict=True
                )
            ]
            stream.write("".join(f"| {' | '.join(row)} |\n" for row in zip(*cells, strict=True)))
        if below:
            stream.write("\n" + "\n".join(_md(line) + "  " for line in below).rstrip() + "\n")

    def _table(self, title: str, frame: pd.DataFrame, below: list[str]) -> None:
        from rich.markup import escape
        from rich.table import Table
        from rich.text import Text

        columns = [c for c in self.columns if c.human]
        # Off a terminal Rich would assume 80 columns and cut cells short; give it room instead.
        console = _console(self.stream, self.to_file, 10_000)
        table = Table(
            title=Text(title, style="table.title"), title_justify="left", header_style="bold"
        )
        for column in columns:
            number = column.kind in NUMERIC_KINDS
            table.add_column(
                Text(visible(_header(column, self.lang))),
                justify="right" if number else "left",
                no_wrap=number,
            )
        headers = [visible(_header(column, self.lang)) for column in columns]
        rows = [
            [visible(value) for value in row]
            for row in zip(*human_columns(frame, columns, self.lang), strict=True)
        ]
        # Cells go in as Text, not as markup: escaped markup shows a final backslash twice.
        for row in rows:
            table.add_row(*(Text(value) for value in row))
        if _too_narrow(console, table):
            _fields(console, title, headers, rows)
        else:
            console.print(table)
        for line in below:
            console.print(escape(line), soft_wrap=True)

    def _paragraphs(self, title: str, frame: pd.DataFrame, below: list[str]) -> None:
        from rich.markup import escape

        # Off a terminal each sentence stays on one line, so that scripts can take it whole.
        console = _console(self.stream, self.to_file, 100_000)
        # Too narrow a terminal to wrap in: lines go out whole, and the terminal wraps them.
        whole = console.width < _NARROW
        console.print(title, style="bold", soft_wrap=whole)
        for sentence in frame[self.prose or ""]:
            console.print()
            console.print(escape(visible(str(sentence))), soft_wrap=whole)
        if below:
            console.print()
        for line in below:
            console.print(escape(line), style="italic", soft_wrap=whole)


def _too_narrow(console: Console, table: Table) -> bool:
    """Whether the terminal is too narrow for the table without cutting a cell short."""
    from rich.cells import cell_len

    if console.width >= 10_000:  # off a terminal: there is room for any table
        return False
    if console.width < _NARROW:
        return True
    # Rich's own minimum lets a figure shrink to `2…`; a figure and a word are never cut.
    needed = 1
    for column in table.columns:
        cells = [column.header, *column.cells]
        widths = [
            cell_len(str(cell)) if column.no_wrap else max(map(cell_len, str(cell).split() or [""]))
            for cell in cells
        ]
        needed += max(widths) + 3  # the cell's padding and its border
    return needed > console.width


def _fields(console: Console, title: str, headers: list[str], rows: list[list[str]]) -> None:
    """The table as one field per line (`Indicator: …`), a blank line between rows: what a
    narrow terminal shows without cutting a label or a figure."""
    from rich.text import Text

    console.print(Text(title, style="table.title"), soft_wrap=True)
    for row in rows:
        console.print()
        for header, value in zip(headers, row, strict=True):
            if value:
                console.print(Text(f"{header}: {value}"), soft_wrap=True)


def _header(column: Column, lang: str) -> str:
    return column.header if column.literal_header else text(column.header, lang)


def _md_text(value: str) -> str:
    """Text that Markdown shows as written: no HTML (`<img onerror=…>`), no link or image
    (`[x](javascript:…)`), whatever a label or quote holds."""
    return (
        value.replace("\\", "\\\\")
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("[", "\\[")
        .replace("]", "\\]")
    )


def _md_cells(texts: list[str]) -> list[str]:
    """A column of text cells as `_md` writes them, each distinct text escaped once (a
    panel's million rows repeat a few labels and notes).

    Figures need none of this: `format_numbers` writes digits, the locale's marks and signs,
    and a unit suffix, none of which Markdown or a terminal acts on (test_formatting).
    """
    escaped = {value: _md(visible(value)) for value in set(texts)}
    return [escaped[value] for value in texts]


def _md(value: str) -> str:
    """A table cell: Markdown text without the cell's separator or a line break."""
    return _md_text(value).replace("|", "\\|").replace("\n", " ")


def _console(stream: TextIO, to_file: bool, width_off_tty: int) -> Console:
    from rich.console import Console

    # Rich decides on colour itself (isatty, FORCE_COLOR); a file never gets any, and NO_COLOR
    # wins over FORCE_COLOR off a terminal, so a pipe then carries no escape codes at all.
    on_tty = not to_file and stream.isatty()
    plain = to_file or (bool(os.environ.get("NO_COLOR")) and not on_tty)

    class PipedConsole(Console):
        def on_broken_pipe(self) -> None:
            # Rich would exit with 1 here; the reader going away (`| head`) is the
            # pipeline's business, so it goes to app.run like any other write.
            self.quiet = True
            raise BrokenPipeError

    console = PipedConsole(
        file=stream, force_terminal=False if plain else None, highlight=False, emoji=False
    )
    if not on_tty:
        console.width = width_off_tty
    elif console.width < 1:  # COLUMNS=0: Rich would print nothing at all
        console.width = 1
    return console
