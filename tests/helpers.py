"""Test helpers: a CLI runner with pinned width and colour, JSON/CSV parsers, file writers."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner, Result

from kanaalstats.cli import app

FIXTURES = Path(__file__).parent / "fixtures"

# Typer forces colour when FORCE_COLOR or GITHUB_ACTIONS is set; pin both off, and the width,
# so substring assertions see plain text.
PINNED_ENV = {
    "NO_COLOR": "1",
    "FORCE_COLOR": None,
    "GITHUB_ACTIONS": None,
    "COLUMNS": "200",
    "TERM": "dumb",
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
