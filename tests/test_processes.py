"""The installed tool in real processes: console script, `python -m`, pipes, terminals."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ENV = {
    k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "GITHUB_ACTIONS", "NO_COLOR")
}


def _script() -> str:
    found = shutil.which("kanaalstats", path=str(Path(sys.executable).parent))
    assert found, "the console script is installed next to this Python"
    return found


def test_console_script_runs_from_any_folder(tmp_path: Path) -> None:
    # The built-in data ships inside the package: no file of the repository is needed.
    done = subprocess.run(
        [_script(), "growth", "digitale_aanvragen", "--format", "csv"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=ENV,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "260044,291592,31548" in done.stdout


def test_python_dash_m(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kanaalstats", "--version"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=ENV,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout.startswith("kanaalstats ")


@pytest.mark.parametrize(("fmt", "first_line"), [("csv", b"indicator,"), ("table", b"Groei")])
def test_closed_pipe_is_quiet(tmp_path: Path, fmt: str, first_line: bytes) -> None:
    # `kanaalstats growth --format csv | head -1`, with far more output than a pipe buffers
    # (64 KiB), so the write really meets the closed pipe: 1,500 indicators give 4,500 rows,
    # and even the table's first 1,000 are over 100 KB. Rich's own handler would exit 1.
    lines = [";2016;2017;2018;2019"] + [
        f"aantal bezoeken {i};{i};{i + 1};{i + 2};{i + 3}" for i in range(1500)
    ]
    table = tmp_path / "groot.csv"
    table.write_text("\n".join(lines), encoding="utf-8")
    producer = subprocess.Popen(
        [_script(), "growth", "--format", fmt, "--data", str(table)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=ENV,
    )
    assert producer.stdout is not None
    assert producer.stderr is not None
    first = producer.stdout.readline()
    producer.stdout.close()
    with producer.stderr:
        stderr = producer.stderr.read().decode()
    producer.wait(timeout=60)
    assert first.startswith(first_line)
    assert stderr == ""
    assert producer.returncode == 0


@pytest.mark.parametrize(
    ("extra_env", "coloured"),
    [({}, False), ({"FORCE_COLOR": "1"}, True), ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False)],
)
def test_colour_only_when_asked_for_off_a_terminal(
    extra_env: dict[str, str], coloured: bool
) -> None:
    done = subprocess.run(
        [_script(), "table"], capture_output=True, text=True, env={**ENV, **extra_env}, check=False
    )
    assert done.returncode == 0
    assert ("\x1b[" in done.stdout) is coloured
    # Piped output is not cut to 80 columns: the longest label is printed whole.
    assert (
        "% inwoners dat een melding openbare ruimte heeft gedaan in afgelopen 12 maanden"
        in done.stdout
    )


def test_ctrl_c_prints_one_short_line() -> None:
    # `--data -` waits for standard input, so the signal arrives while the command runs.
    process = subprocess.Popen(
        [_script(), "table", "--data", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=ENV,
    )
    time.sleep(3)  # past start-up, into the read
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert stderr.decode() == "kanaalstats: Afgebroken.\n"
    assert stdout == b""


def test_table_from_standard_input() -> None:
    done = subprocess.run(
        [_script(), "growth", "--data", "-", "--format", "csv"],
        input=";2018;2019\naantal bezoeken;1.000;1.100\n",
        capture_output=True,
        text=True,
        env=ENV,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    # 1.100 - 1.000 = 100; 100 / 1.000 = 10%
    assert ",2018,2019,1000,1100,100,count,10," in done.stdout
