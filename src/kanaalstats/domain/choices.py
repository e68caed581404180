"""The choices the command line offers, as enums: importing this costs nothing.

Kept apart from the modules that use them so that `--help` and shell completion load no
more than Typer itself.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import PurePath

from kanaalstats.domain.errors import UsageError


class OutputFormat(StrEnum):
    TABLE = "table"
    CSV = "csv"
    JSON = "json"
    NDJSON = "ndjson"
    MARKDOWN = "markdown"
    HTML = "html"  # a page to publish; `report` only


# The format an output file's name asks for, by its extension (lower case). A new format
# adds its extensions here and nowhere else.
EXTENSION_FORMATS: dict[str, OutputFormat] = {
    ".csv": OutputFormat.CSV,
    ".json": OutputFormat.JSON,
    ".ndjson": OutputFormat.NDJSON,
    ".jsonl": OutputFormat.NDJSON,
    ".md": OutputFormat.MARKDOWN,
    ".markdown": OutputFormat.MARKDOWN,
    ".txt": OutputFormat.TABLE,
    ".html": OutputFormat.HTML,  # `report` only: others refuse it
    ".htm": OutputFormat.HTML,
}


def choose_format(
    given: OutputFormat | None,
    output: PurePath | None,
    usual: OutputFormat,
    from_environment: str | None = None,
) -> OutputFormat:
    """The format to write: --format as given, else the one --output's extension names, else
    KANAALSTATS_FORMAT, else the command's usual one.

    A --format that an extension contradicts is refused, and so is an output file whose name
    names no format when nothing else does: a CSV file full of box-drawn text helps no one.
    """
    implied = EXTENSION_FORMATS.get(output.suffix.lower()) if output is not None else None
    if given is not None:
        if implied is not None and implied is not given:
            raise UsageError(
                "format_contradicts_extension", fmt=given, path=str(output), implied=implied
            )
        return given
    if implied is not None:
        return implied
    if from_environment:
        try:
            return OutputFormat(from_environment.strip().lower())
        except ValueError:
            raise UsageError(
                "format_environment_unknown",
                value=from_environment,
                choices=", ".join(OutputFormat),
            ) from None
    if output is not None:
        raise UsageError(
            "format_unknown_extension", path=str(output), extensions=", ".join(EXTENSION_FORMATS)
        )
    return usual


class Lang(StrEnum):
    """The languages people can read the output in."""

    NL = "nl"
    EN = "en"


class DaysBasis(StrEnum):
    """How many days a year has for a per-day average."""

    CALENDAR = "calendar"
    FIXED_365 = "365"
    WORKING = "werkdagen"  # Monday to Friday without Dutch public holidays
