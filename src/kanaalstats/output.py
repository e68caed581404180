"""Writing results: to stdout, or atomically to a file that is never one of the inputs."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TextIO, cast

from kanaalstats.errors import InputFileError


def refuse_input_as_output(output: Path, inputs: Iterable[Path]) -> None:
    """Stop before anything is written when the output would replace an input file."""
    target = output.resolve()
    for path in inputs:
        with contextlib.suppress(OSError):
            if path.resolve() == target or (output.exists() and os.path.samefile(path, output)):
                raise InputFileError("output_is_input", path=str(output))


@contextlib.contextmanager
def _temporary_beside(path: Path) -> Iterator[tuple[TextIO, Path]]:
    directory = path.parent if str(path.parent) else Path(".")
    try:
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed by the `with` below
            "w",
            encoding="utf-8",
            newline="",
            dir=directory,
            prefix=f".{path.name}.",
            suffix=".tmp",
            delete=False,
        )
    except OSError as error:
        raise InputFileError(
            "output_not_writable", path=str(path), reason=error.strerror or str(error)
        ) from None
    temporary = Path(handle.name)
    try:
        with handle:
            yield cast(TextIO, handle), temporary
    except BaseException:
        # Interrupted or failed: the target stays as it was, no half file is left behind.
        temporary.unlink(missing_ok=True)
        raise


def write_atomically(path: Path, write: Callable[[TextIO], None]) -> None:
    """Write through a temporary file in the same folder, then rename it over `path`."""
    if path.is_dir():
        raise InputFileError("file_is_directory", path=str(path))
    with _temporary_beside(path) as (stream, temporary):
        write(stream)
        stream.flush()
        os.fsync(stream.fileno())
        # NamedTemporaryFile creates 0600; give the result the permissions a new file would get.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        try:
            os.replace(temporary, path)
        except OSError as error:
            raise InputFileError(
                "output_not_writable", path=str(path), reason=error.strerror or str(error)
            ) from None
