"""The README documents what the tool does: every command, every exit code, two commands."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from helpers import run
from kanaalstats.cli import app
from kanaalstats.domain.errors import ExitCode

README_PATH = Path(__file__).parent.parent / "README.md"
ROOT = README_PATH.parent
README = README_PATH.read_text(encoding="utf-8")
_EXAMPLES = README.split("## Report examples", 1)[1].split("\n## ", 1)[0]
_EXAMPLE = re.compile(r"```sh\nkanaalstats (report[^\n]*)\n```\n\n```text\n(.*?)\n```", re.DOTALL)


def test_every_exit_code_is_documented() -> None:
    table = README.split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    documented = {int(code) for code in re.findall(r"^\| (\d+) \|", table, flags=re.MULTILINE)}
    assert documented == {int(code) for code in ExitCode}


def test_every_command_is_documented() -> None:
    commands = {c.name or c.callback.__name__ for c in app.registered_commands if c.callback}
    for name in commands:
        assert f"### `kanaalstats {name}" in README


def test_quick_start_has_exactly_two_commands() -> None:
    quick_start = README.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    lines = [line for line in quick_start.splitlines() if line.strip()]
    assert len(lines) == 2
    # Both stand alone on a machine that has only python3: a venv first (Debian refuses pip
    # outside one), activated the POSIX way, and `python` only once it is the venv's.
    for line in lines:
        assert line.startswith("python3 -m venv .venv && . .venv/bin/activate && ")
    assert lines[0].endswith("&& kanaalstats growth")
    assert lines[1].endswith("&& python -m pytest")
    assert 'pip install ".[test]"' in lines[1]


def test_ci_runs_the_quick_start_from_the_readme() -> None:
    ci = (README_PATH.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "## Quick start" in ci  # it reads the lines from here rather than a copy


def test_there_are_dutch_and_english_examples_for_four_tables() -> None:
    commands = [command for command, _ in _EXAMPLE.findall(_EXAMPLES)]
    assert len(commands) == 8
    assert sum("--lang en" in command for command in commands) == 4


@pytest.mark.parametrize(("command", "shown"), _EXAMPLE.findall(_EXAMPLES))
def test_report_examples_are_what_report_writes(command: str, shown: str) -> None:
    args = [str(ROOT / a) if a.startswith("tests/") else a for a in shlex.split(command)]
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.rstrip("\n") == shown
