"""Start-up: help, version and completion load neither pandas, Babel, NumPy nor matplotlib.

Checked by what a fresh interpreter has imported, not by timing (timings are in bench/).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

HEAVY = ("pandas", "numpy", "babel", "matplotlib", "pyarrow")
COMMANDS = ["table", "indicators", "growth", "daily", "share", "report", "trend", "check"]

PROBE = """
import json, sys
from kanaalstats.cli import app
try:
    app(json.loads(sys.argv[1]), prog_name="kanaalstats")
except SystemExit:
    pass
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in {heavy})), file=sys.stderr)
"""


def _loaded(args: list[str], env: dict[str, str] | None = None) -> tuple[list[str], str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=set(HEAVY)), json.dumps(args)],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )
    return json.loads(done.stderr.strip().splitlines()[-1]), done.stdout


@pytest.mark.parametrize("args", [["--help"], ["--version"], *([c, "--help"] for c in COMMANDS)])
def test_help_and_version_import_nothing_heavy(args: list[str]) -> None:
    loaded, out = _loaded(args)
    assert loaded == []
    assert out  # and it did print something


def test_completion_imports_nothing_heavy() -> None:
    env = {
        "_KANAALSTATS_COMPLETE": "complete_bash",
        "COMP_WORDS": "kanaalstats gr",
        "COMP_CWORD": "1",
    }
    loaded, out = _loaded([], env)
    assert loaded == []
    assert "growth" in out


def test_a_command_does_load_pandas() -> None:
    # The probe would also pass if it never saw an import; this shows it does.
    loaded, _ = _loaded(["indicators", "--format", "csv"])
    assert "pandas" in loaded
