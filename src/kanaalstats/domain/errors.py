"""The project's exceptions and the exit codes they map to.

The library raises these; only the CLI turns them into a line on stderr and an exit code, so
the same failure reads the same in every command.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from kanaalstats.domain.message import Message


class ExitCode(IntEnum):
    """Exit codes, documented in the README. Few on purpose: scripts branch on them."""

    OK = 0
    CHECK_FAILED = 1
    USAGE = 2
    INPUT_FILE = 3
    INVALID_DATA = 4
    UNDEFINED = 5
    MISSING_EXTRA = 6
    INTERNAL = 70
    INTERRUPTED = 130


class KanaalstatsError(Exception):
    """A failure a user can fix; carries a translatable message."""

    exit_code: ExitCode = ExitCode.INVALID_DATA

    def __init__(self, key: str, **params: Any) -> None:
        self.message = Message(key, params)
        super().__init__(key)


class UsageError(KanaalstatsError):
    """The command asked for something the data does not have (indicator, year)."""

    exit_code = ExitCode.USAGE


class InputFileError(KanaalstatsError):
    """A file cannot be read (missing, a directory, undecodable, not a table) or written."""

    exit_code = ExitCode.INPUT_FILE


class DataError(KanaalstatsError):
    """A file was read but its content is not valid (a value, a header, a duplicate)."""

    exit_code = ExitCode.INVALID_DATA


class UndefinedError(KanaalstatsError):
    """The figure asked for does not exist (a share of a denominator of 0)."""

    exit_code = ExitCode.UNDEFINED


class MissingExtraError(KanaalstatsError):
    """An optional part of kanaalstats is needed but not installed."""

    exit_code = ExitCode.MISSING_EXTRA


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived while a file was being written; like KeyboardInterrupt, it
    unwinds past ordinary error handling so that every `finally` runs."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__(signum)
