"""Writing results: to stdout, or atomically to a file that is never one of the inputs."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, TextIO, cast

from kanaalstats.domain.errors import InputFileError


def refuse_input_as_output(output: Path, inputs: Iterable[Path]) -> None:
    """Stop before anything is written when the output would replace an input file."""
    target = output.resolve()
    for path in inputs:
        with contextlib.suppress(OSError):
            if path.resolve() == target or (output.exists() and os.path.samefile(path, output)):
                raise InputFileError("output_is_input", path=str(output))


def _not_writable(path: Path, error: OSError) -> InputFileError:
    return InputFileError(
        "output_not_writable", path=str(path), reason=error.strerror or str(error)
    )


def _replace_via_temporary(
    path: Path, binary: bool, fill: Callable[[IO[str]], None] | Callable[[IO[bytes]], None]
) -> None:
    """Write a temporary file beside `path`, then rename it over `path` in one step.

    Interrupted or failed, the target stays as it was and no half file is left behind.
    """
    if path.is_dir():
        raise InputFileError("file_is_directory", path=str(path))
    directory = path.parent if str(path.parent) else Path(".")
    try:
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed by the `with` below
            "wb" if binary else "w",
            encoding=None if binary else "utf-8",
            newline=None if binary else "",
            dir=directory,
            prefix=f".{path.name}.",
            suffix=".tmp",
            delete=False,
        )
    except OSError as error:
        raise _not_writable(path, error) from None
    temporary = Path(handle.name)
    try:
        with handle:
            # The wrapper NamedTemporaryFile returns adds a call per write; use the file itself.
            fill(handle.file)
            handle.flush()
            os.fsync(handle.fileno())
        # NamedTemporaryFile creates 0600; give the result the permissions a new file would get.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise _not_writable(path, error) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_atomically(path: Path, write: Callable[[TextIO], None]) -> None:
    """Write text through a temporary file in the same folder, then rename it over `path`."""
    _replace_via_temporary(path, False, lambda stream: write(cast(TextIO, stream)))


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Write bytes (an image) the same way."""
    _replace_via_temporary(path, True, lambda stream: stream.write(data))
