"""Hostile files and hostile surroundings: special files as output, control characters in
data and names, closed pipes, closed or full stdio, runaway inputs, narrow terminals.

Every case builds what it attacks with in its own temporary folder (FIFOs with mkfifo,
character devices with mknod, terminals with openpty) and never touches the machine's own
device nodes. Real processes run with a time limit and a memory limit.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import resource
import shutil
import signal
import stat
import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

import pytest

from helpers import run, write
from kanaalstats.domain.errors import Terminated
from kanaalstats.load.files import builtin_paths
from kanaalstats.render.files import write_atomically, write_bytes_atomically

ENV = {
    k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "GITHUB_ACTIONS", "NO_COLOR")
}
_MEMORY = 4 * 1024**3
_SECONDS = 60
_CHAR_NULL = os.makedev(1, 3)  # the null driver, on a node this test makes itself
_CHAR_FULL = os.makedev(1, 7)  # the driver that answers every write with ENOSPC

# websitebezoek 2019 is 5,5 (million) in the built-in table.
CONSISTENT = """[[claim]]
id = "bezoek"
quote = "Het websitebezoek groeide in 2019 naar 5,5 miljoen."
kind = "value"
indicator = "websitebezoek"
year = 2019
stated = "5,5"
"""
INCONSISTENT = CONSISTENT.replace('stated = "5,5"', 'stated = "9,9"')


def _script() -> str:
    found = shutil.which("kanaalstats", path=str(Path(sys.executable).parent))
    assert found, "the console script is installed next to this Python"
    return found


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (_MEMORY, _MEMORY))


def _process(
    args: Sequence[str], cwd: Path, extra_env: dict[str, str] | None = None, **kwargs: object
) -> subprocess.CompletedProcess[bytes]:
    """The installed tool, bounded in time and memory; stdout and stderr captured unless
    `kwargs` says otherwise."""
    options: dict[str, object] = {
        "stdout": subprocess.PIPE,
        "stderr": subprocess.PIPE,
        "preexec_fn": _limits,
        **kwargs,
    }
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [_script(), *args],
        cwd=cwd,
        env={**ENV, **(extra_env or {})},
        timeout=_SECONDS,
        check=False,
        **options,
    )


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- -o onto special files ------------------------------------------------------------------


def test_output_into_a_fifo_writes_into_it(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = run("table", "--format", "csv", "-o", str(fifo))
    reader.join(timeout=_SECONDS)
    assert result.exit_code == 0, result.stderr
    assert received
    assert received[0].startswith(b"indicator,label,unit,footnote,provisional,2016")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)  # still the FIFO, not a regular file
    assert _listing(tmp_path) == ["pipe"]  # and no temporary file beside it


def test_output_into_a_terminal_writes_into_it(tmp_path: Path) -> None:
    master, slave = os.openpty()
    try:
        name = os.ttyname(slave)
        result = run("table", "--format", "csv", "-o", name)
        assert result.exit_code == 0, result.stderr
        written = os.read(master, 65_536)
        assert written.startswith(b"indicator,label,unit,footnote,provisional,2016")
        assert stat.S_ISCHR(os.stat(name).st_mode)
    finally:
        os.close(master)
        os.close(slave)


def test_output_into_a_character_device_keeps_the_device(tmp_path: Path) -> None:
    node = tmp_path / "null"
    os.mknod(node, 0o600 | stat.S_IFCHR, _CHAR_NULL)
    result = run("growth", "-o", str(node))
    assert result.exit_code == 0, result.stderr
    mode = node.lstat().st_mode
    assert stat.S_ISCHR(mode)
    assert node.lstat().st_rdev == _CHAR_NULL
    assert stat.S_IMODE(mode) == 0o600
    assert _listing(tmp_path) == ["null"]


def test_output_onto_a_full_device_is_one_line_exit_3(tmp_path: Path) -> None:
    node = tmp_path / "full"
    os.mknod(node, 0o600 | stat.S_IFCHR, _CHAR_FULL)
    result = run("table", "-o", str(node))
    assert result.exit_code == 3
    assert f"{node}: kan niet schrijven" in result.stderr
    assert stat.S_ISCHR(node.lstat().st_mode)


def test_output_through_a_symlink_replaces_its_target_and_keeps_the_link(
    tmp_path: Path,
) -> None:
    target = write(tmp_path, "echt.csv", "oud\n")
    target.chmod(0o600)
    link = tmp_path / "link.csv"
    link.symlink_to("echt.csv")
    result = run("table", "--format", "csv", "-o", str(link))
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink()
    assert os.readlink(link) == "echt.csv"
    assert target.read_text(encoding="utf-8").startswith("indicator,label,unit")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert _listing(tmp_path) == ["echt.csv", "link.csv"]


def test_output_keeps_the_targets_permission_bits(tmp_path: Path) -> None:
    target = write(tmp_path, "geheim.csv", "oud\n")
    target.chmod(0o640)
    assert run("table", "--format", "csv", "-o", str(target)).exit_code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_text(encoding="utf-8").startswith("indicator,")


def test_output_dash_is_stdout(tmp_path: Path) -> None:
    done = _process(["table", "--format", "csv", "-o", "-"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"indicator,label,unit,footnote,provisional,2016")
    assert _listing(tmp_path) == []  # no file named `-`


def test_output_onto_the_built_in_data_is_refused() -> None:
    builtin = builtin_paths()[0]
    before = builtin.read_bytes()
    result = run("table", "--format", "csv", "-o", str(builtin))
    assert result.exit_code == 3
    assert "ingebouwde data" in result.stderr
    assert builtin.read_bytes() == before


def test_output_onto_the_plot_file_is_refused(tmp_path: Path) -> None:
    chart = tmp_path / "trend.svg"
    result = run("trend", "--plot", str(chart), "-o", str(chart))
    assert result.exit_code == 3
    assert "--plot" in result.stderr
    assert _listing(tmp_path) == []


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_during_a_write_leaves_no_temporary_file(tmp_path: Path, number: int) -> None:
    target = tmp_path / "uit.csv"
    before = signal.getsignal(number)

    def write_then_die(stream: object) -> None:
        stream.write("half")  # type: ignore[attr-defined]
        os.kill(os.getpid(), number)

    with pytest.raises(Terminated) as raised:
        write_atomically(target, write_then_die)  # type: ignore[arg-type]
    assert raised.value.signum == number
    assert _listing(tmp_path) == []
    assert signal.getsignal(number) == before  # outside a write the signal is as it was


def test_ctrl_c_during_a_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = write(tmp_path, "uit.csv", "oud\n")

    def interrupted(stream: object) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_atomically(target, interrupted)  # type: ignore[arg-type]
    assert _listing(tmp_path) == ["uit.csv"]
    assert target.read_text(encoding="utf-8") == "oud\n"


def test_sigterm_while_a_command_writes_exits_143_without_a_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kanaalstats.commands.table import Table

    computed = Table.block

    def block_then_die(self: Table, data: object) -> object:
        result = computed(self, data)  # type: ignore[arg-type]
        os.kill(os.getpid(), signal.SIGTERM)  # arrives while the temporary file is open
        return result

    monkeypatch.setattr(Table, "block", block_then_die)
    result = run("table", "--format", "csv", "-o", str(tmp_path / "uit.csv"))
    assert result.exit_code == 128 + signal.SIGTERM
    assert "Afgebroken" in result.stderr
    assert _listing(tmp_path) == []


def test_bytes_into_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "chart"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    write_bytes_atomically(fifo, b"<svg/>")
    reader.join(timeout=_SECONDS)
    assert received == [b"<svg/>"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


# --- closed pipes, closed and full stdio ------------------------------------------------------


@pytest.mark.parametrize(("claims", "verdict"), [(INCONSISTENT, 1), (CONSISTENT, 0)])
@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_check_keeps_its_verdict_when_the_reader_closes_at_once(
    tmp_path: Path, claims: str, verdict: int, fmt: str
) -> None:
    # `kanaalstats check … | head -0`: the reader is gone before the first line is written.
    path = write(tmp_path, "claims.toml", claims)
    producer = subprocess.Popen(
        [_script(), "check", "--claims", str(path), "--format", fmt],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=ENV,
        preexec_fn=_limits,
    )
    assert producer.stdout is not None
    producer.stdout.close()
    _, stderr = producer.communicate(timeout=_SECONDS)
    assert producer.returncode == verdict
    assert b"Traceback" not in stderr


@pytest.mark.parametrize(
    "args",
    [
        ["table"],
        ["table", "--format", "csv"],
        ["report"],
        ["--help"],
        ["--version"],
    ],
)
def test_a_full_stdout_is_one_line_and_exit_3(tmp_path: Path, args: list[str]) -> None:
    node = tmp_path / "full"
    os.mknod(node, 0o600 | stat.S_IFCHR, _CHAR_FULL)
    with node.open("wb") as full:
        done = _process(args, tmp_path, stdout=full, stderr=subprocess.PIPE)
    lines = done.stderr.decode().splitlines()
    assert done.returncode == 3
    assert len(lines) == 1
    assert lines[0].startswith("kanaalstats: ")
    assert "No space left on device" in lines[0]


def test_a_closed_stdout_is_one_line_and_exit_3(tmp_path: Path) -> None:
    done = _process(
        ["table"],
        tmp_path,
        stdout=None,
        stderr=subprocess.PIPE,
        pass_fds=(),
        close_fds=True,
        preexec_fn=lambda: (_limits(), os.close(1)),
    )
    lines = done.stderr.decode().splitlines()
    assert done.returncode == 3
    assert lines == [
        "kanaalstats: fout: de uitvoer (stdout) is gesloten; start kanaalstats zonder '>&-' "
        "of geef -o BESTAND."
    ]


def test_a_closed_stdin_is_one_line_and_exit_3(tmp_path: Path) -> None:
    done = _process(["table", "-d", "-"], tmp_path, preexec_fn=lambda: (_limits(), os.close(0)))
    assert done.returncode == 3
    assert done.stderr.decode().splitlines() == [
        "kanaalstats: fout: <stdin>: de invoer (stdin) is gesloten; geef een bestand met --data."
    ]


def test_a_closed_stderr_changes_nothing(tmp_path: Path) -> None:
    done = _process(
        ["table", "--format", "csv"],
        tmp_path,
        stdout=subprocess.PIPE,
        stderr=None,
        preexec_fn=lambda: (_limits(), os.close(2)),
    )
    assert done.returncode == 0
    assert done.stdout.startswith(b"indicator,label,unit")
    failed = _process(
        ["table", "-d", "ontbreekt.csv"],
        tmp_path,
        stdout=subprocess.PIPE,
        stderr=None,
        preexec_fn=lambda: (_limits(), os.close(2)),
    )
    assert failed.returncode == 3  # the error has no one to tell, but its code stands


@pytest.mark.parametrize(
    ("encoding", "fmt"), [("ascii", "table"), ("latin-1", "markdown"), ("cp850", "csv")]
)
def test_a_stdout_that_cannot_encode_a_label_replaces_the_character(
    tmp_path: Path, encoding: str, fmt: str
) -> None:
    table = write(tmp_path, "t.csv", ";2018;2019\nbezoek ☃ → café;1;2\n")
    done = _process(
        ["table", "-d", str(table), "--format", fmt], tmp_path, {"PYTHONIOENCODING": encoding}
    )
    assert done.returncode == 0, done.stderr
    if fmt == "csv":  # machine formats are bytes in UTF-8 whatever the terminal's encoding
        assert "bezoek ☃ → café".encode() in done.stdout
    else:
        shown = done.stdout.decode(encoding)
        assert "bezoek ? ? caf" in shown


# --- control characters from data and names ----------------------------------------------

# A screen clear, a colour, an OSC 8 hyperlink, the 8-bit CSI, a bell and a bidi override.
HOSTILE = "\x1b[2J\x1b[31mrood\x1b]8;;https://x.example\x07link\x1b]8;;\x07\x9b2J\u202e\x07"
_CONTROLS = {chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)]} - {"\n", "\t"}


def _controls_in(shown: str) -> set[str]:
    return {c for c in shown if c in _CONTROLS or 0x202A <= ord(c) <= 0x202E}


def _hostile_panel(tmp_path: Path) -> Path:
    return write(
        tmp_path,
        "panel.csv",
        "entity,indicator,year,value,unit,label_nl,label_en\n"
        f"stad{HOSTILE},bezoek,2018,10,flow,bezoek{HOSTILE},visits{HOSTILE}\n"
        f"stad{HOSTILE},bezoek,2019,12,flow,bezoek{HOSTILE},visits{HOSTILE}\n"
        "dorp,bezoek,2018,5,flow,,\n"
        "dorp,bezoek,2019,6,flow,,\n",
    )


@pytest.mark.parametrize(
    "args",
    [
        ["table"],
        ["table", "--format", "markdown"],
        ["growth"],
        ["daily", "--lang", "en"],
        ["trend"],
        ["indicators"],
        ["report"],
        ["report", "--format", "table"],
    ],
)
def test_control_characters_in_labels_and_entities_are_shown_not_obeyed(
    tmp_path: Path, args: list[str]
) -> None:
    result = run(*args, "-d", str(_hostile_panel(tmp_path)))
    assert result.exit_code == 0, result.stderr
    assert _controls_in(result.stdout) == set()
    # Visible as an escape, not dropped; Markdown writes the backslash and bracket escaped.
    markdown = "markdown" in args or args == ["report"]
    assert ("\\\\x1b\\[2J" if markdown else "\\x1b[2J") in result.stdout
    assert ("\\\\u009b2J" if markdown else "\\u009b2J") in result.stdout


def test_machine_formats_keep_control_characters_exact(tmp_path: Path) -> None:
    result = run("table", "--format", "json", "-d", str(_hostile_panel(tmp_path)))
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)["rows"]
    assert f"bezoek{HOSTILE}" in {row["label"] for row in rows}
    assert f"stad{HOSTILE}" in {row["entity"] for row in rows}
    csv_out = run("table", "--format", "csv", "-d", str(_hostile_panel(tmp_path)))
    assert f"bezoek{HOSTILE}" in csv_out.stdout


def test_control_characters_in_claims_are_shown_not_obeyed(tmp_path: Path) -> None:
    escaped = HOSTILE.encode("unicode_escape").decode("ascii").replace("\\x", "\\u00")
    claims = write(
        tmp_path,
        "claims.toml",
        CONSISTENT.replace('id = "bezoek"', f'id = "bezoek{escaped}"').replace(
            'quote = "Het', f'quote = "{escaped}Het'
        ),
    )
    for fmt in ("table", "markdown"):
        result = run("check", "--claims", str(claims), "--format", fmt)
        assert result.exit_code == 0, result.stderr
        assert _controls_in(result.stdout) == set()
        shown = "bezoek\\\\x1b\\[2J" if fmt == "markdown" else "bezoek\\x1b[2J"
        assert shown in result.stdout


def test_an_error_line_shows_control_characters_in_a_file_name(tmp_path: Path) -> None:
    result = run("table", "-d", str(tmp_path / "weg\x1b[2J\x9b31m\u202e\nregel.csv"))
    assert result.exit_code == 3
    assert _controls_in(result.stderr) == set()
    assert result.stderr.count("\n") == 1  # one line, the name's newline escaped too
    assert "weg\\x1b[2J\\u009b31m\\u202e\\x0aregel.csv" in result.stderr


def test_an_error_line_shows_control_characters_in_an_echoed_cell(tmp_path: Path) -> None:
    table = write(tmp_path, "t.csv", ";2018;2019\nbezoek;1;\x1b[2J\x9b5\n")
    result = run("table", "-d", str(table))
    assert result.exit_code == 4
    assert _controls_in(result.stderr) == set()
    assert "\\x1b[2J\\u009b5" in result.stderr


def test_markdown_escapes_html_and_links(tmp_path: Path) -> None:
    table = write(
        tmp_path,
        "t.csv",
        ';2018;2019\n"<img src=x onerror=alert(1)> & [klik](javascript:alert(1)) ![b](x)";1;2\n',
    )
    for command in ("table", "report"):
        result = run(command, "-d", str(table), "--format", "markdown")
        assert result.exit_code == 0, result.stderr
        assert "<img" not in result.stdout
        assert "&lt;img src=x onerror=alert(1)&gt; &amp; \\[klik\\](javascript:alert(1))" in (
            result.stdout
        )
        assert "](javascript:" not in result.stdout.replace("\\](javascript:", "")


# --- inputs read once, bounded -------------------------------------------------------------

WIDE = ";2018;2019\nbezoek;100;150\n"  # growth 2018→2019: 150 - 100 = 50, 50 / 100 = 50%
LONG = "entity,indicator,year,value,unit\na,bezoek,2018,100,flow\na,bezoek,2019,150,flow\n"


@pytest.mark.parametrize("content", [WIDE, LONG])
def test_a_named_fifo_is_read_once(tmp_path: Path, content: str) -> None:
    fifo = tmp_path / "invoer"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_text(content), daemon=True)
    writer.start()
    result = run("growth", "--format", "csv", "-d", str(fifo))
    writer.join(timeout=_SECONDS)
    assert result.exit_code == 0, result.stderr
    assert ",100,150,50,count,50," in result.stdout


@pytest.mark.parametrize("content", [WIDE, LONG])
def test_process_substitution_is_read_once(tmp_path: Path, content: str) -> None:
    table = write(tmp_path, "t.csv", content)
    done = subprocess.run(
        ["bash", "-c", f'"{_script()}" growth --format csv -d <(cat "{table}")'],
        capture_output=True,
        env=ENV,
        timeout=_SECONDS,
        preexec_fn=_limits,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert b",100,150,50,count,50," in done.stdout


def _feed_forever(
    tmp_path: Path, args: list[str], line: bytes, extra_env: dict[str, str]
) -> tuple[int, str]:
    """Run with a stdin that never ends; the tool must stop reading and say why."""
    with (tmp_path / "stdout").open("wb") as stdout:
        producer = subprocess.Popen(
            [_script(), *args],
            stdin=subprocess.PIPE,
            stdout=stdout,
            stderr=subprocess.PIPE,
            env={**ENV, **extra_env},
            preexec_fn=_limits,
        )
    assert producer.stdin is not None

    def feed() -> None:
        block = line * (65_536 // len(line))
        try:
            while True:
                producer.stdin.write(block)  # type: ignore[union-attr]
        except (BrokenPipeError, ValueError, OSError):
            pass

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    assert producer.stderr is not None
    with producer:  # closes the pipes at the end
        try:
            # Not communicate(): it would close stdin, and the stream would end.
            stderr = producer.stderr.read()
            producer.wait(timeout=_SECONDS)
        finally:
            if producer.poll() is None:
                producer.kill()
        feeder.join(timeout=_SECONDS)
    return producer.returncode, stderr.decode()


def test_an_endless_stream_of_zeros_is_refused_at_once(tmp_path: Path) -> None:
    code, stderr = _feed_forever(tmp_path, ["table", "-d", "-"], b"\x00", {})
    assert code == 3
    assert "<stdin>: dit is geen tekstbestand" in stderr


def test_an_endless_text_stream_stops_at_the_limit(tmp_path: Path) -> None:
    code, stderr = _feed_forever(
        tmp_path, ["table", "-d", "-"], b"bezoek;1;2\n", {"KANAALSTATS_MAX_INPUT": "2M"}
    )
    assert code == 3
    # 2M is 2 × 1024 × 1024 = 2097152 bytes.
    assert "<stdin>: de invoer is groter dan 2097152 bytes" in stderr
    assert "KANAALSTATS_MAX_INPUT" in stderr


def test_a_file_over_the_limit_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    table = write(tmp_path, "t.csv", WIDE)
    monkeypatch.setenv("KANAALSTATS_MAX_INPUT", str(len(WIDE) - 1))
    result = run("growth", "-d", str(table))
    assert result.exit_code == 3
    assert f"de invoer is groter dan {len(WIDE) - 1} bytes" in result.stderr
    monkeypatch.setenv("KANAALSTATS_MAX_INPUT", str(len(WIDE)))
    assert run("growth", "-d", str(table)).exit_code == 0


@pytest.mark.parametrize("setting", ["veel", "0", "12X", "-5"])
def test_a_bad_input_limit_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, setting: str
) -> None:
    monkeypatch.setenv("KANAALSTATS_MAX_INPUT", setting)
    result = run("growth", "-d", str(write(tmp_path, "t.csv", WIDE)))
    assert result.exit_code == 2
    assert f"KANAALSTATS_MAX_INPUT={setting}: geen grootte" in result.stderr


# --- ordinary bad input is a one-line error, never exit 70 ---------------------------------

_CLAIM = CONSISTENT.replace('stated = "5,5"\n', "")


@pytest.mark.parametrize(
    ("claims", "shown"),
    [
        ("claim = [1, 2]", "'claim' moet een tabel zijn ([[claim]]), geen 1."),
        (f'defaults = "x"\n{CONSISTENT}', "'defaults' moet een tabel zijn ([defaults])"),
        (_CLAIM.replace('kind = "value"', 'kind = ["value"]') + "stated = 1\n", "veld 'kind'"),
        (_CLAIM + "stated = 5.5\ndecimals = 1000\n", "veld 'decimals': '1000'"),
        (_CLAIM + "stated = 1" + "0" * 400 + "\n", "veld 'stated'"),
        ("x = " + "[" * 5000 + "]" * 5000 + "\n", "te diep geneste"),
        (
            _CLAIM.replace('indicator = "websitebezoek"', "indicator = [1]") + "stated = 1\n",
            "'[1]'",
        ),
    ],
)
def test_odd_claims_files_are_exit_4_with_the_field(
    tmp_path: Path, claims: str, shown: str
) -> None:
    path = write(tmp_path, "claims.toml", claims)
    result = run("check", "--claims", str(path))
    assert result.exit_code == 4, result.stderr
    assert result.stderr.count("\n") == 1
    assert f"{path}" in result.stderr
    assert shown in result.stderr


def test_an_unbalanced_quote_deep_in_a_long_file_names_its_line(tmp_path: Path) -> None:
    rows = ["entity,indicator,year,value,unit"]
    rows += [f"a,i{i},2018,{i},flow" for i in range(20_000)]
    rows[15_000] = 'a,"i,2018,1,flow'  # the quote opens at line 15001 and never closes
    table = write(tmp_path, "panel.csv", "\n".join(rows) + "\n")
    result = run("table", "--format", "csv", "-d", str(table))
    assert result.exit_code == 4
    assert f"{table}, regel 15001:" in result.stderr


@pytest.mark.parametrize("content", [WIDE, LONG])
def test_a_file_name_that_is_not_utf8_is_shown_as_its_bytes(tmp_path: Path, content: str) -> None:
    name = os.fsdecode(b"cijfers-\xff.csv")  # a Latin-1 name from another system
    table = write(tmp_path, name, content)
    for fmt in ("csv", "json", "table"):
        result = run("growth", "--format", fmt, "-d", str(table))
        assert result.exit_code == 0, result.stderr
    out = tmp_path / os.fsdecode(b"uit-\xfe.csv")
    assert run("growth", "--format", "csv", "-d", str(table), "-o", str(out)).exit_code == 0
    assert ",100,150,50,count,50," in out.read_text(encoding="utf-8")
    missing = run("growth", "-d", str(tmp_path / os.fsdecode(b"weg-\xfd.csv")))
    assert missing.exit_code == 3
    assert "weg-\\xfd.csv: bestand niet gevonden" in missing.stderr


def test_chart_labels_are_literal_and_the_svg_is_valid_xml(tmp_path: Path) -> None:
    import xml.dom.minidom

    table = write(tmp_path, "t.csv", ';2018;2019\n"prijs $5 en $x^2$ \x1b[2J \x01 \x9b";1;2\n')
    chart = tmp_path / "c.svg"
    # The unit is set, so that the one line on stderr is the chart's, not a guessed unit's.
    result = run("trend", "-d", str(table), "--plot", str(chart), "--unit", "prijs=flow")
    assert result.exit_code == 0, result.stderr
    svg = chart.read_text(encoding="utf-8")
    xml.dom.minidom.parseString(svg)  # raises on a control character
    assert "prijs $5 en $x^2$ \\x1b[2J \\x01 \\u009b" in svg  # the title, not a formula
    assert result.stderr.count("\n") == 1  # only the tool's own line, no matplotlib warning


# --- narrow terminals ------------------------------------------------------------------------


def _on_a_terminal(args: list[str], columns: str) -> tuple[int, str]:
    """The tool with a terminal of its own (a pty) as stdout and stderr, COLUMNS wide."""
    master, slave = os.openpty()
    env = {**ENV, "COLUMNS": columns, "TERM": "xterm", "NO_COLOR": "1"}
    producer = subprocess.Popen(
        [_script(), *args], stdout=slave, stderr=slave, env=env, preexec_fn=_limits
    )
    os.close(slave)
    out = b""
    with open(master, "rb", buffering=0) as terminal:
        while True:
            try:
                chunk = terminal.read(65_536)
            except OSError:  # the other end closed: everything has been read
                break
            if not chunk:
                break
            out += chunk
    producer.wait(timeout=_SECONDS)
    # Bold and italic stay on a terminal with NO_COLOR; the text is what is asserted.
    text = re.sub(r"\x1b\[[0-9;]*m", "", out.decode("utf-8"))
    return producer.returncode, text.replace("\r\n", "\n")


@pytest.mark.parametrize("columns", ["0", "5", "20", "1000"])
def test_a_table_stays_readable_at_any_width(columns: str) -> None:
    code, shown = _on_a_terminal(
        ["growth", "digitale_aanvragen", "--to", "2019", "--from", "2018"], columns
    )
    assert code == 0
    # Neither the label nor a figure is cut: 291.592 is the 2019 value of the table.
    assert "aantal digitale aanvragen via Utrecht.nl" in shown
    assert "291.592" in shown
    assert "…" not in shown
    if columns == "1000":
        assert "┃ Indicator" in shown  # wide enough: the table itself
    else:
        assert "\nIndicator: aantal digitale aanvragen via Utrecht.nl\n" in shown
        assert "\nWaarde tot: 291.592\n" in shown


@pytest.mark.parametrize("columns", ["0", "20"])
def test_paragraphs_never_print_nothing(columns: str) -> None:
    code, shown = _on_a_terminal(["report", "--format", "table", "digitale_aanvragen"], columns)
    assert code == 0
    assert "291.592" in shown


# --- every command, also the ones still to come ----------------------------------------------

# What a command needs besides the shared options; a new command runs with none.
_COMMAND_ARGS = {"share": ["bezoek", "bezoek"], "check": None}


def _commands() -> list[str]:
    from kanaalstats.cli import app

    return [c.name or c.callback.__name__ for c in app.registered_commands if c.callback]


@pytest.mark.parametrize("command", _commands())
@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_every_command_shows_hostile_data_without_obeying_it(
    tmp_path: Path, command: str, fmt: str
) -> None:
    if command == "check":  # a claims file about the hostile panel
        claims = write(
            tmp_path,
            "claims.toml",
            CONSISTENT.replace("websitebezoek", "bezoek").replace('"5,5"', "12"),
        )
        args = ["--claims", str(claims)]
    else:
        args = _COMMAND_ARGS.get(command) or []
    result = run(command, *args, "-d", str(_hostile_panel(tmp_path)), "--format", fmt)
    assert result.exit_code not in (70, 1), result.stderr
    assert _controls_in(result.stdout) == set()
    assert _controls_in(result.stderr) == set()


@pytest.mark.parametrize("command", _commands())
def test_every_command_writes_into_a_fifo(tmp_path: Path, command: str) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    args = ["bezoek", "bezoek"] if command == "share" else []
    if command == "check":
        args = ["--claims", str(write(tmp_path, "c.toml", CONSISTENT))]
    result = run(command, *args, "-o", str(fifo))
    if result.exit_code != 0:  # refused before opening: let the reader go
        with contextlib.suppress(OSError):
            fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            os.close(fd)
    reader.join(timeout=_SECONDS)
    assert result.exit_code == 0, result.stderr
    assert received
    assert received[0]  # something was written into the FIFO
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert "pipe" in _listing(tmp_path)
    assert not [name for name in _listing(tmp_path) if name.endswith(".tmp")]
