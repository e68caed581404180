"""Running one request: load → plan → blocks → command → writer, and the one error boundary.

Every command runs through the same loop. The data is loaded once; a command is prepared
on the whole of it (every usage error comes before any output), then computes each block
of whole entities, and a writer writes each block as it comes. Known failures become one
line on stderr and an exit code here, and nowhere else.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from kanaalstats.domain.choices import OutputFormat, choose_format
from kanaalstats.domain.errors import ExitCode, InputFileError, KanaalstatsError, Terminated
from kanaalstats.domain.message import Message
from kanaalstats.text.catalogue import say, text

if TYPE_CHECKING:
    import pandas as pd

    from kanaalstats.commands.base import Command
    from kanaalstats.domain.dataset import Dataset
    from kanaalstats.domain.result import Ending
    from kanaalstats.render.progress import Bar

# Rows per block: large enough that per-block costs vanish, small enough that a block's
# working memory stays a few tens of MB.
BLOCK_ROWS = 100_000
# Work this large shows a progress bar to a person watching (render/progress.py).
PROGRESS_ROWS = 1_000_000
PROGRESS_BYTES = 32 * 1024 * 1024  # a file to read: some million rows of a long CSV
PROGRESS_TEXT_BYTES = 100 * 1024  # a report's text for check --text: some seconds of search


@dataclass(frozen=True)
class Request:
    """One run of a command, as the command line asked for it."""

    command: Command
    data: Sequence[Path] | None
    fmt: OutputFormat  # as given with --format, or else the command's usual one
    lang: str
    output: Path | None = None
    units: Sequence[str] = ()
    entities: Sequence[str] = ()
    sheet: str | None = None
    regions: Path | None = None  # a CBS region list that names a CBS table's region codes
    plot: Path | None = None
    zoom: bool = False  # the chart's value axes fit the data instead of starting at zero
    other_inputs: Sequence[Path] = ()  # files besides --data that no output may replace
    side_outputs: Sequence[Path] = ()  # files written besides the output (--write-claims)
    block_rows: int = BLOCK_ROWS
    debug: bool = False
    quiet: bool = False  # no warnings and notes on stderr; errors still
    fmt_given: bool = True  # False: --output's extension or the environment may choose
    fmt_from_environment: str | None = None  # KANAALSTATS_FORMAT


def run(request: Request) -> int:
    """Run the request; the exit code."""
    lang = request.lang
    endings: list[Ending] = []
    tolerate_unencodable()
    try:
        return _run(request, endings)
    except KanaalstatsError as error:
        if request.debug:
            raise
        stderr(f"{text('error_prefix', lang)}: {say(error.message, lang)}")
        return error.exit_code
    except BrokenPipeError:
        silence_stdout()
        # The reader went away (`| head`): the verdict still stands. Only `check` has one,
        # and it is known before its first line is written.
        return endings[0].exit_code if endings else ExitCode.OK
    except KeyboardInterrupt:
        stderr(text("interrupted", lang))
        return ExitCode.INTERRUPTED
    except Terminated as signal:
        stderr(text("interrupted", lang))
        return 128 + signal.signum
    except Exception as error:
        if request.debug:
            raise
        unexpected = Message("unexpected", {"error": f"{type(error).__name__}: {error}"})
        stderr(f"{text('error_prefix', lang)}: {say(unexpected, lang)}")
        return ExitCode.INTERNAL


def _with_format(request: Request) -> Request:
    """The request with the format it will write, decided once, before anything is read
    (after the check that the output is no input: that refusal matters more)."""
    from kanaalstats.render.files import is_special

    output = request.output
    named = output if output is not None and not is_special(output) else None
    fmt = choose_format(
        request.fmt if request.fmt_given else None,
        named,
        request.fmt,
        request.fmt_from_environment,
    )
    return replace(request, fmt=fmt, fmt_given=True)


def _run(request: Request, endings: list[Ending]) -> int:
    from kanaalstats.render.files import is_stdout

    if is_stdout(request.output):  # `-o -`
        request = replace(request, output=None)
    bar = _progress_bar(request)
    try:
        return _work(request, bar, endings)
    finally:
        if bar is not None:
            bar.close()  # before any error line, and never left on the terminal


def _progress_bar(request: Request) -> Bar | None:
    """A bar on stderr when a person watches work that takes a while (a large file)."""
    from kanaalstats.render.progress import Bar, wanted

    if not wanted(request.output is not None, request.quiet):
        return None
    bar = Bar(request.lang)
    if sum(_file_sizes(request.data or [])) >= PROGRESS_BYTES:
        bar.reading()
    elif sum(_file_sizes(request.other_inputs)) >= PROGRESS_TEXT_BYTES:
        bar.searching()  # check --text of a long report: the search outlasts the reading
    return bar


def _file_sizes(paths: Sequence[Path]) -> list[int]:
    return [os.stat(path).st_size for path in paths if os.path.isfile(path)]


def _work(request: Request, bar: Bar | None, endings: list[Ending]) -> int:
    from kanaalstats.load.files import load
    from kanaalstats.render.files import refuse_output, write_atomically

    lang = request.lang
    regions = [request.regions] if request.regions is not None else []
    inputs = [*(request.data or []), *request.other_inputs, *regions]
    refuse_output(request.output, request.plot, inputs, request.side_outputs)
    request = _with_format(request)
    request.command.writes(request.fmt)
    if request.plot is not None:
        from kanaalstats.render.chart import chart_format

        chart_format(request.plot)
    data = load(request.data, request.sheet, request.regions).with_units(request.units)
    for warning in data.warnings if not request.quiet else ():
        stderr(f"{text('warning_prefix', lang)}: {say(warning, lang)}")
    data = data.for_entities(request.entities)
    if request.plot is not None or request.fmt is OutputFormat.HTML:
        from kanaalstats.render.chart import check_entities

        check_entities(data.entities)
    command = request.command
    command.prepare(data)
    output = request.output
    if output is not None:
        write_atomically(
            output, lambda stream: write_blocks(request, data, stream, True, bar, endings)
        )
    else:
        to_stdout(lambda stream: write_blocks(request, data, stream, False, bar, endings))
    ending = endings[0]
    for path, content in command.side_files():
        write_atomically(path, functools.partial(_write, content=content))
        if not request.quiet:
            stderr(text("file_written", lang, path=str(path)))
    if request.fmt in (OutputFormat.CSV, OutputFormat.NDJSON):
        # CSV and JSON Lines have no place for notes (a missing share, the day basis): say
        # them on stderr.
        for note in ending.notes if not request.quiet else ():
            stderr(say(note, lang))
    return ending.exit_code


def write_blocks(
    request: Request,
    data: Dataset,
    stream: TextIO,
    to_file: bool,
    bar: Bar | None = None,
    endings: list[Ending] | None = None,
) -> Ending:
    """Compute every block and write it; the last block waits for the command's ending, so
    that an error found only then (no share defined anywhere) comes before any output of a
    single block. A large panel moves `bar` on, block by block."""
    from kanaalstats.load.blocks import blocks
    from kanaalstats.render.writers import writer_for

    command = request.command
    writer = writer_for(request.fmt, stream, command.outline(), request.lang, to_file)
    chart: list[pd.DataFrame] | None = [] if request.plot is not None else None
    pending = None
    if bar is not None and len(data.values) >= PROGRESS_ROWS:
        bar.computing(len(data.values))
    for block in blocks(data, request.block_rows if command.per_entity else len(data.values)):
        result = command.block(block)
        if bar is not None:
            bar.advance(len(block.values))
        if pending is not None:
            writer.write(pending)
        pending = result
        if chart is not None:
            chart.append(result.frame)
    ending = command.finish()
    if endings is not None:  # the verdict, known before the last block is written
        endings.append(ending)
    if pending is not None:
        writer.write(pending)
    writer.end(ending)
    if chart is not None and request.plot is not None:
        _draw(request, chart, data)
    return ending


def _draw(request: Request, frames: list[pd.DataFrame], data: Dataset) -> None:
    import pandas as pd

    from kanaalstats.render.chart import chart_format, chart_source, render_chart
    from kanaalstats.render.files import write_bytes_atomically

    assert request.plot is not None
    path, lang = request.plot, request.lang
    frame = pd.concat(frames, ignore_index=True)
    image = render_chart(
        frame,
        data.years,
        lang,
        chart_format(path),
        zoom=request.zoom,
        source=chart_source(frame, data.sources),
    )
    write_bytes_atomically(path, image)
    if not request.quiet:
        panels = frame["indicator"].astype(str).nunique()
        written = "plot_written_one" if panels == 1 else "plot_written"
        stderr(text(written, lang, path=str(path), panels=panels))


def _write(stream: TextIO, content: str) -> None:
    stream.write(content)


def stderr(line: str) -> None:
    """One line for a person: whatever a file or name put in it shows, but does not act."""
    from kanaalstats.text.visible import one_line

    if sys.stderr is None:  # started with `2>&-`: there is no one to tell
        return
    try:
        sys.stderr.write(f"kanaalstats: {one_line(line)}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass  # a full or closed stderr must not hide the exit code behind a traceback


def to_stdout(write: Callable[[TextIO], object]) -> None:
    """Write onto stdout; a closed or full stdout is a one-line error, not a traceback."""
    if sys.stdout is None:  # started with `>&-`
        raise InputFileError("stdout_closed")
    try:
        write(sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        silence_stdout()  # what is still buffered cannot go out either
        raise InputFileError("stdout_not_writable", reason=error.strerror or str(error)) from None


def tolerate_unencodable() -> None:
    """On a stdout or stderr that is not UTF-8 (ascii, latin-1, cp850), a character it lacks
    becomes `?` instead of stopping the run."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if stream is not None and encoding != "utf8" and hasattr(stream, "reconfigure"):
            with contextlib.suppress(Exception):
                stream.reconfigure(errors="replace" if stream is sys.stdout else "backslashreplace")


def silence_stdout() -> None:
    # The reader went away (`| head -1`) or the disk is full: point stdout at /dev/null so
    # the final flush at exit cannot raise again.
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
