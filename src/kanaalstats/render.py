"""One rendering layer for every command: Rich table, CSV, JSON or Markdown.

Machine formats are written with `csv` and `json` directly (Rich would wrap, truncate and
read `[..]` as markup); people's formats get numbers rounded half away from zero and written
in the chosen language.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, TextIO

from kanaalstats.human_cells import human_columns
from kanaalstats.machine import NUMERIC_KINDS, write_csv, write_json
from kanaalstats.messages import text
from kanaalstats.options import OutputFormat
from kanaalstats.result import Column, Result

if TYPE_CHECKING:
    from rich.console import Console


def render(result: Result, fmt: OutputFormat, lang: str, stream: TextIO, to_file: bool) -> None:
    """Write the result to `stream` in the format asked for; `to_file` turns colour off."""
    if fmt is OutputFormat.CSV:
        write_csv(result, lang, stream)
    elif fmt is OutputFormat.JSON:
        write_json(result, lang, stream)
    elif fmt is OutputFormat.MARKDOWN:
        _write_markdown(result, lang, stream)
    else:
        _write_table(result, lang, stream, to_file)


# Machine formats are in machine.py, people's cells in human_cells.py.


def _header(column: Column, lang: str) -> str:
    return column.header if column.literal_header else text(column.header, lang)


def _lines_below(result: Result, lang: str) -> list[str]:
    return [*result.footer, *(note.render(lang) for note in result.notes)]


def _write_markdown(result: Result, lang: str, stream: TextIO) -> None:
    if result.prose:
        stream.write(f"### {text(result.title, lang)}\n\n")
        for sentence in result.frame[result.prose]:
            stream.write(f"{sentence}\n\n")
        for line in _lines_below(result, lang):
            stream.write(f"_{line}_\n")
        return
    columns = [c for c in result.columns if c.human]

    def cell(value: str) -> str:
        return value.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")

    stream.write(f"### {text(result.title, lang)}\n\n")
    stream.write("| " + " | ".join(cell(_header(c, lang)) for c in columns) + " |\n")
    stream.write(
        "|" + "|".join("---:" if c.kind in NUMERIC_KINDS else "---" for c in columns) + "|\n"
    )
    for row in zip(*human_columns(result, columns, lang), strict=True):
        stream.write("| " + " | ".join(cell(value) for value in row) + " |\n")
    below = _lines_below(result, lang)
    if below:
        stream.write("\n" + "\n".join(cell(line) + "  " for line in below).rstrip() + "\n")


def _write_table(result: Result, lang: str, stream: TextIO, to_file: bool) -> None:
    from rich.markup import escape

    from kanaalstats.long_table import write_table

    if result.prose:
        _write_prose(result, lang, stream, to_file)
        return
    columns = [c for c in result.columns if c.human]
    # Off a terminal Rich would assume 80 columns and cut cells short; give it room instead.
    console = _console(stream, to_file, 10_000)
    write_table(
        console,
        text(result.title, lang),
        [_header(c, lang) for c in columns],
        [c.kind in NUMERIC_KINDS for c in columns],
        human_columns(result, columns, lang),
    )
    for line in _lines_below(result, lang):
        console.print(escape(line), soft_wrap=True)


def _console(stream: TextIO, to_file: bool, width_off_tty: int | None) -> Console:
    from rich.console import Console

    # Rich decides on colour itself (isatty, FORCE_COLOR); a file never gets any, and NO_COLOR
    # wins over FORCE_COLOR off a terminal, so a pipe then carries no escape codes at all.
    on_tty = not to_file and stream.isatty()
    plain = to_file or (bool(os.environ.get("NO_COLOR")) and not on_tty)
    console = Console(
        file=stream, force_terminal=False if plain else None, highlight=False, emoji=False
    )
    if not on_tty and width_off_tty:
        console.width = width_off_tty
    return console


def _write_prose(result: Result, lang: str, stream: TextIO, to_file: bool) -> None:
    from rich.markup import escape

    # Off a terminal each sentence stays on one line, so that scripts can take it whole.
    console = _console(stream, to_file, 100_000)
    console.print(text(result.title, lang), style="bold")
    for sentence in result.frame[result.prose]:
        console.print()
        console.print(escape(str(sentence)))
    below = _lines_below(result, lang)
    if below:
        console.print()
    for line in below:
        console.print(escape(line), style="italic")
