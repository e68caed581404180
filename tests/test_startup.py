"""Start-up: help, version and completion load neither pandas, Babel, NumPy nor matplotlib.

Checked by what a fresh interpreter has imported, not by timing (timings are in bench/).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

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


def _complete(words: str) -> dict[str, str]:
    return {
        "_KANAALSTATS_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split(" ")) - 1),
    }


def test_completing_indicator_ids_and_years_imports_nothing_heavy() -> None:
    loaded, out = _loaded([], _complete("kanaalstats growth dig"))
    assert loaded == []
    assert out.split() == ["digitale_aanvragen"]
    loaded, out = _loaded([], _complete("kanaalstats daily --year 201"))
    assert loaded == []
    assert out.split() == ["2016", "2017", "2018", "2019"]
    loaded, out = _loaded([], _complete("kanaalstats share emails_kcc so"))
    # kerncijfers.csv has two social_media_ ids, tekstcijfers.csv one more
    assert out.split() == [
        "social_media_berichten",
        "social_media_volgers",
        "social_media_campagnes",
    ]


def test_completion_reads_the_data_on_the_line(tmp_path: Path) -> None:
    data = tmp_path / "lang.csv"
    data.write_text("indicator,year,value\nalpha,2001,1\nalpha,2002,2\nbeta,2002,5\n", "utf-8")
    _, out = _loaded([], _complete(f"kanaalstats growth --data {data} "))
    assert out.split() == ["alpha", "beta"]
    _, out = _loaded([], _complete(f"kanaalstats growth -d {data} --from "))
    assert out.split() == ["2001", "2002"]
    # a file that cannot be read offers nothing, and says nothing
    _, out = _loaded([], _complete(f"kanaalstats growth -d {tmp_path / 'nope.csv'} "))
    assert out.split() == []
