"""The progress bar: on stderr when it is a terminal and stdout is not, never in a pipe, never
with --quiet, and gone when the work is done: stdout is the same with or without it."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

# Every run counts as long work: the bar's thresholds set to one row and one byte.
PROBE = """
import sys
import kanaalstats.app
kanaalstats.app.PROGRESS_ROWS = 1
kanaalstats.app.PROGRESS_BYTES = 1
kanaalstats.app.PROGRESS_TEXT_BYTES = 1
from kanaalstats.cli import main
sys.argv = ["kanaalstats", *sys.argv[1:]]
main()
"""
ENV = {
    **{k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")},
    "TERM": "xterm",
    "COLUMNS": "100",
}
ARGS = ["growth", "--format", "csv"]


def _read_all(fd: int) -> bytes:
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the other end closed (EIO on Linux)
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def _run(
    tmp_path: Path, args: list[str], stderr_on_terminal: bool, stdout_on_terminal: bool = False
) -> tuple[bytes, bytes]:
    """stdout and stderr of one run, each a file or a terminal as asked."""
    out_path, err_path = tmp_path / "out.bin", tmp_path / "err.bin"
    nothing = tmp_path / "stdin.txt"
    nothing.write_bytes(b"")
    master, slave = pty.openpty()
    with (
        out_path.open("wb") as out_file,
        err_path.open("wb") as err_file,
        nothing.open("rb") as no_input,
    ):
        done = subprocess.Popen(
            [sys.executable, "-c", PROBE, *args],
            stdout=slave if stdout_on_terminal else out_file,
            stderr=slave if stderr_on_terminal else err_file,
            stdin=no_input,
            env=ENV,
        )
        os.close(slave)
        terminal = _read_all(master)
        assert done.wait(timeout=60) == 0
    os.close(master)
    out = terminal if stdout_on_terminal else out_path.read_bytes()
    err = terminal if stderr_on_terminal else err_path.read_bytes()
    return out, err


def test_the_bar_shows_on_a_terminal_and_leaves_stdout_alone(tmp_path: Path) -> None:
    out, err = _run(tmp_path, ARGS, stderr_on_terminal=True)
    assert b"Rijen berekenen" in err
    plain_out, plain_err = _run(tmp_path, ARGS, stderr_on_terminal=False)
    assert out == plain_out
    assert out.startswith(b"indicator,label,")
    assert b"Rijen" not in plain_err  # never in a pipe or file


def test_no_bar_with_quiet(tmp_path: Path) -> None:
    _, err = _run(tmp_path, [*ARGS, "--quiet"], stderr_on_terminal=True)
    assert b"Rijen" not in err


def test_no_bar_when_stdout_is_the_same_terminal(tmp_path: Path) -> None:
    both, _ = _run(tmp_path, ARGS, stderr_on_terminal=True, stdout_on_terminal=True)
    assert b"indicator,label," in both
    assert b"Rijen" not in both


def test_the_bar_shows_while_writing_a_file(tmp_path: Path) -> None:
    target = tmp_path / "groei.csv"
    _, err = _run(tmp_path, ["growth", "-o", str(target), "--lang", "en"], stderr_on_terminal=True)
    assert b"Computing rows" in err
    assert target.read_text(encoding="utf-8").startswith("indicator,label,")


def test_the_bar_shows_while_reading_a_file(tmp_path: Path) -> None:
    data = tmp_path / "lang.csv"
    data.write_text("indicator,year,value\na,2018,100\na,2019,110\n", encoding="utf-8")
    out, err = _run(tmp_path, ["growth", "-d", str(data), "-f", "json"], stderr_on_terminal=True)
    assert b"Gegevens lezen" in err
    assert b"waarschuwing" in err  # said while the bar shows: a long file without units
    # (110 - 100) / 100 = 10%
    assert b'"change_pct": 10' in out


def test_the_bar_shows_while_a_report_s_text_is_searched(tmp_path: Path) -> None:
    page = tmp_path / "tekst.txt"
    # 260.044 → 291.592 digitale aanvragen: 291592 / 260044 − 1 = +12,1%
    page.write_text("Het aantal digitale aanvragen steeg in 2019 met 12%.\n", encoding="utf-8")
    out, err = _run(tmp_path, ["check", "--text", str(page), "-f", "csv"], stderr_on_terminal=True)
    assert b"Tekst doorzoeken" in err
    assert b",consistent," in out
    _, plain_err = _run(tmp_path, ["check", "--text", str(page), "-f", "csv"], False)
    assert b"Tekst" not in plain_err


def test_a_table_for_people_still_goes_to_stdout(tmp_path: Path) -> None:
    data = tmp_path / "lang.csv"
    data.write_text("indicator,year,value\na,2018,100\na,2019,110\n", encoding="utf-8")
    out, err = _run(tmp_path, ["growth", "-d", str(data), "-l", "en"], stderr_on_terminal=True)
    assert b"Reading the data" in err
    assert b"+10.0%" in out
    assert b"+10.0%" not in err
