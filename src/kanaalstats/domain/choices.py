"""The choices the command line offers, as enums: importing this costs nothing.

Kept apart from the modules that use them so that `--help` and shell completion load no
more than Typer itself.
"""

from __future__ import annotations

from enum import StrEnum


class OutputFormat(StrEnum):
    TABLE = "table"
    CSV = "csv"
    JSON = "json"
    MARKDOWN = "markdown"
    HTML = "html"  # a page to publish; `report` only


class Lang(StrEnum):
    """The languages people can read the output in."""

    NL = "nl"
    EN = "en"


class DaysBasis(StrEnum):
    """How many days a year has for a per-day average."""

    CALENDAR = "calendar"
    FIXED_365 = "365"
    WORKING = "werkdagen"  # Monday to Friday without Dutch public holidays
