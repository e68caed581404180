"""Writing results: to stdout, or to a file that is never one of the inputs.

A regular file is written through a temporary file beside it and renamed over it in one step,
keeping its permission bits; a symlink keeps pointing where it did, and its target is what
is replaced. A character device or a FIFO (a terminal, `/dev/stdout`, a named pipe) cannot be
replaced without destroying it, so it is written into. `-` is stdout.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import FrameType
from typing import IO, Any, TextIO, cast

from kanaalstats.domain.errors import InputFileError, Terminated

STDOUT = "-"
# A kill or a hang-up in the middle of a write must still remove the temporary file.
_CLEANED_SIGNALS = ("SIGTERM", "SIGHUP")
Fill = Callable[[IO[str]], object] | Callable[[IO[bytes]], object]


def is_stdout(path: Path | None) -> bool:
    return path is not None and str(path) == STDOUT


def refuse_output(
    output: Path | None, plot: Path | None, inputs: Iterable[Path], others: Iterable[Path] = ()
) -> None:
    """Stop before anything is read or written when an output would replace a file the tool
    reads (an input, a claims file, its built-in data) or the other output; `others` are
    files written besides them (`--write-claims`)."""
    from kanaalstats.load.files import builtin_data_files

    read = list(inputs)
    builtin = builtin_data_files()
    for target in (output, plot, *others):
        if target is not None:
            refuse_input_as_output(target, read)
            _refuse_builtin(target, builtin)
    if output is not None and plot is not None:
        refuse_same_target(output, plot)


def _refuse_builtin(output: Path, builtin: Iterable[Path]) -> None:
    # Replacing the package's own table would break every later run that uses it.
    with contextlib.suppress(InputFileError):
        refuse_input_as_output(output, builtin)
        return
    raise InputFileError("output_is_builtin", path=str(output))


def refuse_input_as_output(output: Path, inputs: Iterable[Path]) -> None:
    """Stop before anything is written when the output would replace an input file."""
    if not _replaced(output):
        return  # written into (a terminal, a pipe) or created: no input is lost
    target = output.resolve()
    for path in inputs:
        with contextlib.suppress(OSError):
            if path.resolve() == target or os.path.samefile(path, output):
                raise InputFileError("output_is_input", path=str(output))


def refuse_same_target(output: Path, plot: Path) -> None:
    """`--plot F -o F` would write the table over the chart it has just reported."""
    same = output.resolve() == plot.resolve()
    with contextlib.suppress(OSError):
        same = same or os.path.samefile(output, plot)
    if same:
        raise InputFileError("output_is_plot", path=str(output))


def is_special(path: Path) -> bool:
    """A device, FIFO or terminal: written into, and its name says nothing of a format."""
    return not _replaced(path)


def _replaced(path: Path) -> bool:
    """Whether writing `path` goes through a rename (a regular file, or none yet)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return True
    return stat.S_ISREG(mode)


def _not_writable(path: Path, error: OSError) -> InputFileError:
    return InputFileError(
        "output_not_writable", path=str(path), reason=error.strerror or str(error)
    )


def _write_into(path: Path, mode: int, binary: bool, fill: Fill) -> None:
    """Write straight into a character device or a FIFO: no truncation, no rename."""
    if not (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        # A block device is a disk, a socket no file at all: never written.
        raise InputFileError("output_is_special", path=str(path))
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_NOCTTY)
        with (
            open(descriptor, "wb")
            if binary
            else open(descriptor, "w", encoding="utf-8", newline="")
        ) as handle:
            fill(handle)  # type: ignore[arg-type]
    except BrokenPipeError:
        raise
    except OSError as error:
        raise _not_writable(path, error) from None


@contextlib.contextmanager
def _signals_raise() -> Iterator[None]:
    """While a temporary file exists, SIGTERM and SIGHUP raise Terminated instead of killing
    the process on the spot, so that the `finally` below removes the file."""

    def terminate(signum: int, frame: FrameType | None) -> None:
        raise Terminated(signum)

    previous: dict[int, Any] = {}
    for name in _CLEANED_SIGNALS:
        number = getattr(signal, name, None)
        if number is None:
            continue
        try:
            previous[number] = signal.signal(number, terminate)
        except ValueError:  # not the main thread: signals cannot be handled here
            break
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _replace_via_temporary(path: Path, binary: bool, fill: Fill) -> None:
    """Write a temporary file beside `path`, then rename it over `path` in one step.

    Interrupted or failed, the target stays as it was and no half file is left behind.
    """
    if path.is_dir():
        raise InputFileError("file_is_directory", path=str(path))
    try:
        existing: int | None = path.stat().st_mode
    except OSError:
        existing = None
    if existing is not None and not stat.S_ISREG(existing):
        _write_into(path, existing, binary, fill)
        return
    # Through a symlink, the file it points to is replaced and the link stays a link.
    real = Path(os.path.realpath(path))
    with _signals_raise():
        try:
            handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed by the `with` below
                "wb" if binary else "w",
                encoding=None if binary else "utf-8",
                newline=None if binary else "",
                dir=real.parent,
                prefix=f".{real.name}.",
                suffix=".tmp",
                delete=False,
            )
        except OSError as error:
            raise _not_writable(path, error) from None
        temporary = Path(handle.name)
        try:
            with handle:
                # The wrapper NamedTemporaryFile returns adds a call per write; use the file.
                fill(handle.file)
                handle.flush()
                os.fsync(handle.fileno())
            if existing is not None:
                permissions = stat.S_IMODE(existing)
            else:  # NamedTemporaryFile creates 0600; a new file gets what the umask allows
                umask = os.umask(0)
                os.umask(umask)
                permissions = 0o666 & ~umask
            os.chmod(temporary, permissions)
            os.replace(temporary, real)
        except OSError as error:
            temporary.unlink(missing_ok=True)
            raise _not_writable(path, error) from None
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise


def write_atomically(path: Path, write: Callable[[TextIO], object]) -> None:
    """Write text to `path`: atomically for a regular file, into a device or FIFO."""
    _replace_via_temporary(path, False, lambda stream: write(cast(TextIO, stream)))


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Write bytes (an image) the same way."""
    _replace_via_temporary(path, True, lambda stream: stream.write(data))
