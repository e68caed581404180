"""Test helpers: a CLI runner with pinned width and colour, JSON/CSV parsers, file writers."""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd
from typer.testing import CliRunner, Result

from kanaalstats.cli import app
from kanaalstats.commands.base import Command
from kanaalstats.commands.sparkline import BLOCKS, GAP
from kanaalstats.domain.dataset import Dataset
from kanaalstats.domain.message import Message

FIXTURES = Path(__file__).parent / "fixtures"

# Typer forces colour when FORCE_COLOR or GITHUB_ACTIONS is set; pin both off, and the width,
# so substring assertions see plain text.
PINNED_ENV = {
    "NO_COLOR": "1",
    "FORCE_COLOR": None,
    "GITHUB_ACTIONS": None,
    "COLUMNS": "200",
    "TERM": "dumb",
    # A developer's own defaults must not change what the tests see.
    "KANAALSTATS_FORMAT": None,
    "KANAALSTATS_LANG": None,
}


def run(*args: str) -> Result:
    return CliRunner(env=PINNED_ENV).invoke(app, list(args))


def run_json(*args: str) -> dict[str, Any]:
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def run_csv(*args: str) -> list[dict[str, str]]:
    result = run(*args, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def computed(command: Command, dataset: Dataset) -> tuple[pd.DataFrame, list[Message]]:
    """A command run on a whole dataset as one block: its frame and its notes."""
    command.prepare(dataset)
    frame = command.block(dataset).frame
    return frame, command.finish().notes


def sparkline(values: Sequence[float | None]) -> str:
    """One series' sparkline, in plain Python: the oracle for `sparklines`."""
    present = [v for v in values if v is not None and not math.isnan(v)]
    if not present:
        return GAP * len(values)
    low, high = min(present), max(present)
    span = high - low
    line = []
    for value in values:
        if value is None or math.isnan(value):
            line.append(GAP)
        elif span == 0:
            line.append(BLOCKS[len(BLOCKS) // 2])
        else:
            line.append(BLOCKS[round((value - low) / span * (len(BLOCKS) - 1))])
    return "".join(line)


def page_report(*args: Any, **kwargs: Any) -> Command:
    """A `report` that writes the page to publish (as `--format html` makes it)."""
    from kanaalstats.commands.report import Report
    from kanaalstats.domain.choices import OutputFormat

    report = Report(*args, **kwargs)
    report.writes(OutputFormat.HTML)
    return report
