"""Running one request: load → plan → blocks → command → writer, and the one error boundary.

Every command runs through the same loop. The data is loaded once; a command is prepared
on the whole of it (every usage error comes before any output), then computes each block
of whole entities, and a writer writes each block as it comes. Known failures become one
line on stderr and an exit code here, and nowhere else.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from kanaalstats.domain.choices import OutputFormat
from kanaalstats.domain.errors import ExitCode, InputFileError, KanaalstatsError, Terminated
from kanaalstats.domain.message import Message
from kanaalstats.text.catalogue import say, text

if TYPE_CHECKING:
    import pandas as pd

    from kanaalstats.commands.base import Command
    from kanaalstats.domain.dataset import Dataset
    from kanaalstats.domain.result import Ending

# Rows per block: large enough that per-block costs vanish, small enough that a block's
# working memory stays a few tens of MB.
BLOCK_ROWS = 100_000


@dataclass(frozen=True)
class Request:
    """One run of a command, as the command line asked for it."""

    command: Command
    data: Sequence[Path] | None
    fmt: OutputFormat
    lang: str
    output: Path | None = None
    units: Sequence[str] = ()
    entities: Sequence[str] = ()
    plot: Path | None = None
    other_inputs: Sequence[Path] = ()  # files besides --data that no output may replace
    block_rows: int = BLOCK_ROWS
    debug: bool = False


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


def _run(request: Request, endings: list[Ending]) -> int:
    from kanaalstats.load.files import load
    from kanaalstats.render.files import is_stdout, refuse_output, write_atomically

    lang = request.lang
    output = None if is_stdout(request.output) else request.output
    refuse_output(output, request.plot, [*(request.data or []), *request.other_inputs])
    if request.plot is not None:
        from kanaalstats.render.chart import chart_format

        chart_format(request.plot)
    data = load(request.data)
    for warning in data.warnings:
        stderr(f"{text('warning_prefix', lang)}: {say(warning, lang)}")
    data = data.with_units(request.units).for_entities(request.entities)
    command = request.command
    command.prepare(data)
    if output is not None:
        write_atomically(output, lambda stream: write_blocks(request, data, stream, True, endings))
    else:
        to_stdout(lambda stream: write_blocks(request, data, stream, False, endings))
    ending = endings[0]
    if request.fmt is OutputFormat.CSV:
        # CSV has no place for notes (a missing share, the day basis): say them on stderr.
        for note in ending.notes:
            stderr(say(note, lang))
    return ending.exit_code


def write_blocks(
    request: Request,
    data: Dataset,
    stream: TextIO,
    to_file: bool,
    endings: list[Ending] | None = None,
) -> Ending:
    """Compute every block and write it; the last block waits for the command's ending, so
    that an error found only then (no share defined anywhere) comes before any output of a
    single block."""
    from kanaalstats.load.blocks import blocks
    from kanaalstats.render.writers import writer_for

    command = request.command
    writer = writer_for(request.fmt, stream, command.outline(), request.lang, to_file)
    chart: list[pd.DataFrame] | None = [] if request.plot is not None else None
    pending = None
    for block in blocks(data, request.block_rows if command.per_entity else len(data.values)):
        result = command.block(block)
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
        _draw(request.plot, chart, data.years, request.lang)
    return ending


def _draw(path: Path, frames: list[pd.DataFrame], years: list[int], lang: str) -> None:
    import pandas as pd

    from kanaalstats.render.chart import chart_format, render_chart
    from kanaalstats.render.files import write_bytes_atomically

    frame = pd.concat(frames, ignore_index=True)
    write_bytes_atomically(path, render_chart(frame, years, lang, chart_format(path)))
    stderr(text("plot_written", lang, path=str(path), panels=len(frame)))


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
