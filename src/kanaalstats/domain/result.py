"""What every command computes and hands to the renderer: a tidy frame and its columns."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from kanaalstats.domain.message import Message

if TYPE_CHECKING:
    import pandas as pd


class Kind(StrEnum):
    """How a column's cells are written for people (machines always get the raw value)."""

    TEXT = "text"  # data text, printed literally
    LABEL = "label"  # the indicator's label in the output language (frame: label_nl, label_en)
    INT = "int"  # a year, a count of days
    VALUE = "value"  # in the row's unit with its published decimals: 56%, 4,6 mln, 223.449
    TABLE_VALUE = "table_value"  # as VALUE, but millions without "mln" (the label says so)
    CHANGE = "change"  # signed, in the row's unit: +4 pp, +0,9 mln, -3.073
    SIGNED_PCT = "signed_pct"  # +12,1%
    PCT = "pct"  # 36,6%
    NUMBER = "number"  # a plain figure with the column's decimals: 42,7
    UNIT = "unit"  # unit name, translated for people
    NOTE = "note"  # reason a figure is missing, translated for people
    UNIT_RULE = "unit_rule"  # what chose a unit (`label:WORDS`), translated for people
    FLAG = "flag"  # yes/no: `true`/`false` for machines, the column's word (or nothing) for people


@dataclass(frozen=True)
class Column:
    key: str  # machine name: CSV header and JSON key (English)
    header: str  # message key of the header people read, or the literal header
    kind: Kind
    decimals: int = 1
    literal_header: bool = False
    human: bool = True  # shown in table and Markdown
    machine: bool = True  # written in CSV and JSON
    year: int | None = None  # the column holds the value of this year (table, trend)


@dataclass
class Result:
    """One block's outcome, before any formatting: a tidy frame and its columns."""

    frame: pd.DataFrame
    columns: list[Column]
    prose: str | None = None  # key of a column of sentences: people get paragraphs, not a grid


@dataclass(frozen=True)
class Outline:
    """What a writer needs before the first block: the command, its title, the extra
    top-level JSON fields."""

    command: str
    title: str  # message key
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Ending:
    """What is known once every block is done."""

    notes: list[Message] = field(default_factory=list)
    footer: list[str] = field(default_factory=list)  # data text under the table: footnotes, source
    exit_code: int = 0  # non-zero for a failed verdict
