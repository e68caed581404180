"""Which format is written: --format, else --output's extension, else KANAALSTATS_FORMAT,
else the command's usual one; and JSON Lines, and the years of table and trend as a list."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path, PurePath
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from helpers import PINNED_ENV, run, run_json
from kanaalstats.cli import app
from kanaalstats.domain.choices import EXTENSION_FORMATS, OutputFormat, choose_format
from kanaalstats.domain.errors import UsageError

# digitale_aanvragen 2018 → 2019: 260.044 → 291.592, a change of 291592 − 260044 = 31548.
GROWTH = ["growth", "digitale_aanvragen", "--from", "2018", "--to", "2019"]


def run_env(env: dict[str, str], *args: str) -> Result:
    return CliRunner(env={**PINNED_ENV, **env}).invoke(app, list(args))


def test_output_csv_without_format_writes_csv(tmp_path: Path) -> None:
    target = tmp_path / "groei.csv"
    result = run(*GROWTH, "-o", str(target))
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert len(rows) == 1
    assert (rows[0]["from_value"], rows[0]["to_value"], rows[0]["change"]) == (
        "260044",
        "291592",
        "31548",
    )


def test_extension_is_read_case_blind(tmp_path: Path) -> None:
    target = tmp_path / "GROEI.JSON"
    assert run(*GROWTH, "-o", str(target)).exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["rows"][0]["change"] == 31548


@pytest.mark.parametrize("suffix", [".ndjson", ".jsonl"])
def test_output_json_lines_by_extension(tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"groei{suffix}"
    assert run(*GROWTH, "-o", str(target)).exit_code == 0
    lines = target.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["change"] for line in lines] == [31548]


def test_output_markdown_and_text_by_extension(tmp_path: Path) -> None:
    markdown, plain = tmp_path / "groei.md", tmp_path / "groei.txt"
    assert run(*GROWTH, "-o", str(markdown)).exit_code == 0
    assert run(*GROWTH, "-o", str(plain)).exit_code == 0
    assert markdown.read_text(encoding="utf-8").startswith("### ")
    assert "| 31.548" not in plain.read_text(encoding="utf-8")  # not a Markdown row
    assert "+31.548" in plain.read_text(encoding="utf-8")
    assert "┃" in plain.read_text(encoding="utf-8")  # the people's table


@pytest.mark.parametrize("name", ["groei.xlsx", "groei", "groei.csv.bak"])
def test_an_extension_that_names_no_format_is_refused(tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    result = run(*GROWTH, "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"kanaalstats: fout: {target}: ")
    assert "--format" in result.stderr
    assert ".csv" in result.stderr
    assert not target.exists()


def test_format_decides_for_an_unknown_extension(tmp_path: Path) -> None:
    target = tmp_path / "groei.dat"
    assert run(*GROWTH, "-o", str(target), "-f", "csv").exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("indicator,label,")


def test_a_format_the_extension_contradicts_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "groei.csv"
    result = run(*GROWTH, "-o", str(target), "-f", "json", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr == (
        f"kanaalstats: error: --format json does not match {target}: that extension means "
        "--format csv. Choose another file name or format.\n"
    )
    assert not target.exists()


def test_an_agreeing_format_is_fine(tmp_path: Path) -> None:
    target = tmp_path / "groei.md"
    assert run(*GROWTH, "-o", str(target), "-f", "markdown").exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("### ")


def test_environment_sets_the_default_format(tmp_path: Path) -> None:
    result = run_env({"KANAALSTATS_FORMAT": "csv"}, *GROWTH)
    assert result.exit_code == 0
    assert result.stdout.startswith("indicator,label,unit,from_year,")
    # --format and the extension of --output both come before it
    assert run_env({"KANAALSTATS_FORMAT": "csv"}, *GROWTH, "-f", "json").stdout.startswith("{")
    target = tmp_path / "groei.json"
    assert run_env({"KANAALSTATS_FORMAT": "csv"}, *GROWTH, "-o", str(target)).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("{")
    # and it decides where the extension does not
    other = tmp_path / "groei.dat"
    assert run_env({"KANAALSTATS_FORMAT": "ndjson"}, *GROWTH, "-o", str(other)).exit_code == 0
    assert json.loads(other.read_text(encoding="utf-8"))["change"] == 31548


def test_a_bad_environment_format_is_one_line() -> None:
    result = run_env({"KANAALSTATS_FORMAT": "xml"}, *GROWTH)
    assert result.exit_code == 2
    assert result.stderr == (
        "kanaalstats: fout: KANAALSTATS_FORMAT='xml' is geen formaat. "
        "Kies uit: table, csv, json, ndjson, markdown, html.\n"
    )


def test_choose_format_order() -> None:
    md = PurePath("a.md")
    assert choose_format(None, None, OutputFormat.MARKDOWN) is OutputFormat.MARKDOWN
    assert choose_format(None, md, OutputFormat.TABLE) is OutputFormat.MARKDOWN
    assert choose_format(OutputFormat.MARKDOWN, md, OutputFormat.TABLE) is OutputFormat.MARKDOWN
    assert choose_format(None, None, OutputFormat.TABLE, "JSON") is OutputFormat.JSON
    assert choose_format(None, md, OutputFormat.TABLE, "json") is OutputFormat.MARKDOWN
    with pytest.raises(UsageError):
        choose_format(OutputFormat.CSV, md, OutputFormat.TABLE)
    # every extension names a format that exists
    assert set(EXTENSION_FORMATS.values()) <= set(OutputFormat)


# --- JSON Lines --------------------------------------------------------------------------


def _lines(*args: str) -> tuple[list[dict[str, Any]], str]:
    result = run(*args, "--format", "ndjson")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.endswith("\n")
    return [json.loads(line) for line in result.stdout.splitlines()], result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["growth"],
        ["table"],
        ["trend"],
        ["daily", "--year", "2019"],
        ["indicators"],
        ["report", "--year", "2019"],
        ["check"],
        ["share", "meldingen_openbare_ruimte", "digitale_aanvragen"],
    ],
)
def test_json_lines_are_the_rows_of_json(args: list[str]) -> None:
    lines, _ = _lines(*args)
    assert lines == run_json(*args)["rows"]
    assert len(lines) > 0


def test_json_lines_say_their_notes_on_stderr() -> None:
    lines, stderr = _lines("daily", "emails_kcc", "--year", "2019")
    # 15.598 e-mails in 2019 over 365 days: 42,73 a day
    assert [(row["value"], row["days"]) for row in lines] == [(15598, 365)]
    assert round(lines[0]["per_day"], 2) == 42.73
    assert stderr == "kanaalstats: Gemiddelde per dag over kalenderdagen (366 in schrikkeljaren).\n"


def test_json_lines_of_a_panel_come_block_by_block(tmp_path: Path) -> None:
    # Three entities, blocks of one entity each: every entity's row is one line, in order.
    panel = tmp_path / "panel.csv"
    rows = [f"{e},a,{y},{v}" for e in "PQR" for y, v in ((2018, 100), (2019, 110))]
    panel.write_text("entity,indicator,year,value\n" + "\n".join(rows) + "\n", encoding="utf-8")
    result = run_env({"KANAALSTATS_BLOCK_ROWS": "2"}, "growth", "-d", str(panel), "-f", "ndjson")
    assert result.exit_code == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    # (110 − 100) / 100 = 10% for each
    assert [(row["entity"], row["change_pct"]) for row in lines] == [
        ("P", 10),
        ("Q", 10),
        ("R", 10),
    ]


def test_json_lines_stream_before_the_end() -> None:
    import os

    import pandas as pd

    from kanaalstats.domain.result import Column, Ending, Kind, Outline, Result
    from kanaalstats.render.machine import NdjsonWriter

    sink = io.BytesIO()
    writer = NdjsonWriter(sink, Outline("growth", "title_growth"), "nl")
    block = Result(pd.DataFrame({"value": [1.0, 2.5]}), [Column("value", "col_value", Kind.VALUE)])
    # The writer keeps a few slices in flight per core; more blocks than that are written.
    for _ in range(2 * (os.cpu_count() or 1) + 1):
        writer.write(block)
    assert sink.getvalue().startswith(b'{"value": 1}\n{"value": 2.5}\n')
    writer.end(Ending())


# --- years as a list -----------------------------------------------------------------------


@pytest.mark.parametrize("command", ["table", "trend"])
def test_years_are_also_a_list(command: str) -> None:
    rows = {row["indicator"]: row for row in run_json(command)["rows"]}
    # kerncijfers.csv: websitebezoek digitaal loket, – – 1,2 1,4 (millions)
    loket = rows["websitebezoek_digitaal_loket"]
    assert loket["years"] == [
        {"year": 2016, "value": None},
        {"year": 2017, "value": None},
        {"year": 2018, "value": 1.2},
        {"year": 2019, "value": 1.4},
    ]
    assert (loket["2018"], loket["2019"]) == (1.2, 1.4)  # the year keys stay
    for row in rows.values():
        assert row["years"] == [
            {"year": int(y), "value": row[y]} for y in ("2016", "2017", "2018", "2019")
        ]


def test_table_csv_has_no_list_of_years() -> None:
    header = run("table", "--format", "csv").stdout.splitlines()[0]
    assert header == "indicator,label,unit,footnote,provisional,2016,2017,2018,2019"


def test_an_html_name_writes_report_s_page_and_is_refused_elsewhere(tmp_path: Path) -> None:
    page = tmp_path / "pagina.html"
    assert run("report", "-o", str(page)).exit_code == 0
    written = page.read_text(encoding="utf-8")
    assert written.lstrip().lower().startswith("<!doctype html>")
    # 260.044 → 291.592 digitale aanvragen in 2019, in Dutch notation on the page
    assert "291.592" in written
    other = tmp_path / "groei.html"
    refused = run(*GROWTH, "-o", str(other))
    assert refused.exit_code == 2
    assert "html" in refused.stderr
    assert not other.exists()
