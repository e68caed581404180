"""The corpus of bad and awkward inputs (tests/corpus): each gives the right figures or one
clear error line with a documented exit code, and no command in any format shows a traceback."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from helpers import page_report, run
from kanaalstats.commands.base import Command
from kanaalstats.commands.check import CheckClaims
from kanaalstats.commands.daily import Daily
from kanaalstats.commands.growth import Growth
from kanaalstats.commands.indicators import Indicators
from kanaalstats.commands.report import Report
from kanaalstats.commands.share import Share
from kanaalstats.commands.table import Table
from kanaalstats.commands.trend import Trend
from kanaalstats.domain.choices import DaysBasis, OutputFormat
from kanaalstats.domain.dataset import Dataset
from kanaalstats.domain.errors import ExitCode, KanaalstatsError
from kanaalstats.load.blocks import blocks
from kanaalstats.load.files import load
from kanaalstats.render.writers import writer_for

CORPUS = Path(__file__).parent / "corpus"
FILES = sorted(CORPUS.iterdir())
DOCUMENTED = {int(code) for code in ExitCode}

# file → (exit code, a phrase of the English error) for the files that must be refused.
REFUSED: dict[str, tuple[int, str]] = {
    "01_empty.csv": (4, "holds no table"),
    "02_header_only.csv": (4, "no indicator rows"),
    "03_labels_only.csv": (4, "no year columns"),
    "04_ragged_short.csv": (4, "line 3: the row has 2 values but the header 3 years"),
    "05_ragged_long.csv": (4, "line 3: the row has 4 cells"),
    "20_duplicate_ids.csv": (4, "line 3: indicator 'aantal_bezoeken' already appears (line 2)"),
    "21_duplicate_years.csv": (4, "year 2018 appears twice in the header (;2018;2018)"),
    "22_non_numeric_year.csv": (4, "column 3: header 'totaal' is not a year"),
    "23_unordered_years.csv": (
        4,
        "line 1: the years in the header do not increase (;2019;2017;2018). Read are: whole "
        "years from 1800 to 2100 in the header after the label, each once and increasing",
    ),
    "24_html_page.csv": (3, "web page (HTML)"),
    "25_xlsx_saved_as_csv.csv": (3, "Excel workbook"),
    "26_random_bytes.csv": (3, "not a text file"),
    "27_unbalanced_quotes.csv": (4, "malformed CSV"),
    "28_not_a_number.csv": (4, "line 2, year 2018: 'veel' is not a number"),
    "29_ambiguous_number.csv": (4, "line 2, year 2019: '1.234' is ambiguous"),
    "30_english_notation.csv": (4, "'1,234.5' is in English notation"),
    "32_long_duplicate.csv": (4, "line 3: bezoek 2018 already appears (line 2)"),
    "33_canonical_bad_unit.csv": (4, "unknown unit 'liters'"),
    "39_invalid_utf8_not_cp1252.csv": (3, "unknown text encoding"),
    "40_row_without_label.csv": (4, "line 2: the row has values but no label"),
}

# file → {indicator: {year: value}} for the files that must load, figures read off the file.
LOADED: dict[str, dict[str, dict[str, Any]]] = {
    "06_tab_delimited.csv": {
        "aantal_bezoeken": {"2018": 1234},
        "percentage_tevreden": {"2019": 61},
    },
    "07_utf8_bom.csv": {"aantal_bezoeken": {"2018": 100, "2019": 110}},
    "08_cp1252_accents.csv": {"aantal_e_mails_cafe": {"2019": 12}, "aantal_reunies": {"2018": 3}},
    "09_utf16.csv": {"aantal_bezoeken": {"2019": 1100}},
    "10_crlf.csv": {"aantal_e_mails": {"2019": 40}},
    "11_trailing_columns_blank_rows.csv": {
        "aantal_bezoeken": {"2018": 1000},
        "aantal_e_mails": {"2019": 40},
    },
    "12_mixed_comma_dot.csv": {
        "rapportcijfer_dienstverlening": {"2017": 5.6, "2018": 5.7, "2019": 5.3}
    },
    "13_thousands_and_decimal.csv": {"uitgaven": {"2018": 1234.5, "2019": 1300.25}},
    "14_percent_with_decimal.csv": {"pct_bezoekers_mobiel": {"2018": 12.5}},
    "15_nbsp_thousands.csv": {"aantal_bezoeken": {"2018": 1234, "2019": 2345}},
    "16_missing_markers.csv": {
        "aantal_a": {"2016": None, "2017": None, "2018": None, "2019": None}
    },
    "17_negative_values.csv": {"saldo_vestiging": {"2017": -12, "2018": -3.5, "2019": 4}},
    "18_zero_base.csv": {"aantal_klachten": {"2018": 0, "2019": 4}},
    "19_huge_values.csv": {"aantal_groot": {"2018": 1e308}},
    "31_long_form.csv": {"bezoek": {"2019": 5.5}, "tevreden": {"2018": 56}},
    "34_sections_and_footnotes.csv": {"aantal_telefoontjes": {"2019": 450}},
    "35_only_missing_values.csv": {"aantal_b": {"2018": None}},
    "36_single_year.csv": {"aantal_e_mails": {"2019": 50}},
    "37_hostile_labels.csv": {"waarvan_online": {"2018": -7}},
    "38_comma_delimited_quoted.csv": {
        "websitebezoek": {"2018": 4.6},
        "aantal_aanvragen": {"2019": 291592},
    },
}


def test_corpus_is_complete() -> None:
    assert len(FILES) >= 30
    assert {f.name for f in FILES} == set(REFUSED) | set(LOADED)


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_with_one_clear_line(name: str) -> None:
    code, phrase = REFUSED[name]
    result = run("table", "--data", str(CORPUS / name), "--lang", "en")
    assert result.exit_code == code
    assert result.stdout == ""
    assert result.stderr.startswith("kanaalstats: error: ")
    assert result.stderr.count("\n") == 1
    assert name in result.stderr  # the file is named
    assert phrase in result.stderr


@pytest.mark.parametrize("name", sorted(LOADED))
def test_loaded_with_the_right_figures(name: str) -> None:
    result = run("table", "--data", str(CORPUS / name), "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows = {row["indicator"]: row for row in json.loads(result.stdout)["rows"]}
    for indicator, figures in LOADED[name].items():
        for year, expected in figures.items():
            assert rows[indicator][year] == expected, (indicator, year)


def test_awkward_details() -> None:
    units = {r["indicator"]: r["unit"] for r in _json("indicators", "06_tab_delimited.csv")}
    assert units == {"aantal_bezoeken": "flow", "percentage_tevreden": "percent"}
    warned = run("table", "--data", str(CORPUS / "12_mixed_comma_dot.csv"))
    assert "regel 2, jaar 2018: '5.7' gelezen als 5.7" in warned.stderr
    growth = {(r["indicator"], r["from_year"]): r for r in _json("growth", "18_zero_base.csv")}
    assert growth["aantal_klachten", 2018]["change_pct"] is None
    assert growth["aantal_klachten", 2018]["note"] == "zero_base"
    assert growth["aantal_bezoekers", 2018]["change_pct"] == -100  # (0 - 10) / 10
    huge = {r["indicator"]: r for r in _json("growth", "19_huge_values.csv")}
    assert huge["aantal_sprong"]["change_pct"] is None  # 1e308 / 1 overflows: no figure
    assert huge["aantal_sprong"]["note"] == "too_large"
    assert huge["aantal_groot"]["change_pct"] == 0
    footnotes = {
        r["indicator"]: r["footnote"] for r in _json("table", "34_sections_and_footnotes.csv")
    }
    assert footnotes == {
        "aantal_bezoeken": "Alleen Utrecht.nl.",
        "aantal_telefoontjes": "Inclusief terugbellen.",
    }


def test_hostile_labels_are_neutralised_in_csv_and_literal_in_tables() -> None:
    path = str(CORPUS / "37_hostile_labels.csv")
    csv_out = run("table", "--data", path, "--format", "csv").stdout
    for cell in ("'=SOM(A1:A9)", "'+31 6 1234", "'@import", "'- waarvan online"):
        assert f",{cell}," in csv_out
    assert ",-7,8\n" in csv_out  # negative numbers stay numbers
    table = run("table", "--data", path).stdout
    assert "[bold]vet[/bold]" in table
    assert "[/etc/x]" in table


def test_tab_and_carriage_return_starting_cells_are_neutralised() -> None:
    # The loaders strip cells, so these can only reach CSV output through the renderer itself.
    import pandas as pd

    from kanaalstats.domain.result import Column, Ending, Kind, Outline, Result

    frame = pd.DataFrame(
        {"text": ["\tgevaar", "\rgevaar", "-minteken"], "number": [-1.5, 2.0, -3.0]}
    )
    columns = [Column("text", "col_label", Kind.TEXT), Column("number", "col_value", Kind.NUMBER)]
    stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    writer = writer_for(OutputFormat.CSV, stream, Outline("t", "title_table"), "nl", True)
    writer.write(Result(frame, columns))
    writer.end(Ending())
    assert (
        stream.buffer.getvalue().decode()
        == "text,number\r\n'\tgevaar,-1.5\r\n\"'\rgevaar\",2\r\n'-minteken,-3\r\n"
    )


def test_big_line_and_directory(tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    big.write_text(";2019\naantal a;" + "1" * 10_000_000 + "\n", encoding="utf-8")
    result = run("table", "--data", str(big))
    assert result.exit_code == ExitCode.INVALID_DATA
    assert result.stderr.count("\n") == 1
    assert len(result.stderr) < 500  # the message does not repeat the 10 MB cell
    folder = run("table", "--data", str(tmp_path))
    assert folder.exit_code == ExitCode.INPUT_FILE


def _json(command: str, name: str) -> list[dict[str, Any]]:
    result = run(command, "--data", str(CORPUS / name), "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows: list[dict[str, Any]] = json.loads(result.stdout)["rows"]
    return rows


def _commands(ids: list[str]) -> list[list[str]]:
    pair = ids[:2] if len(ids) >= 2 else ["nothing", "nothing"]
    return [
        ["table"],
        ["indicators"],
        ["growth"],
        ["daily"],
        ["share", *pair],
        ["report"],
        ["trend"],
        ["check"],
    ]


def _strict(text: str) -> Any:
    def refuse(constant: str) -> None:
        raise AssertionError(f"not JSON: {constant}")

    return json.loads(text, parse_constant=refuse)


def _rendered_in_every_format(command: Command, dataset: Dataset) -> dict[OutputFormat, str]:
    """The command's output in every format it writes, through the app's own writers: its
    blocks computed once, each result handed to every writer. A known failure shows as
    its exit code, the same in every format."""
    formats = [
        fmt
        for fmt in OutputFormat
        # the command line writes a page of `report` only (test_page.py)
        if fmt is not OutputFormat.HTML or getattr(command, "page", False)
    ]
    try:
        command.prepare(dataset)
        results = [command.block(block) for block in blocks(dataset, 3)]
        ending = command.finish()
    except KanaalstatsError as error:
        return dict.fromkeys(formats, f"exit {error.exit_code}")
    assert ending.exit_code in DOCUMENTED
    assert ending.exit_code != ExitCode.INTERNAL
    written = {}
    for fmt in formats:
        stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
        writer = writer_for(fmt, stream, command.outline(), "nl", to_file=True)
        try:
            for result in results:
                writer.write(result)
            writer.end(ending)
        except KanaalstatsError as error:
            written[fmt] = f"exit {error.exit_code}"
            continue
        stream.flush()
        written[fmt] = stream.buffer.getvalue().decode("utf-8")  # type: ignore[attr-defined]
    return written


def _command_objects(ids: list[str]) -> list[Command]:
    pair = ids[:2] if len(ids) >= 2 else ["nothing", "nothing"]
    return [
        Table(None, "nl"),
        Indicators(),
        Growth(None, None, None),
        Daily(None, None, DaysBasis.CALENDAR),
        Share(pair[0], pair[1], None, "nl"),
        Report(None, None, DaysBasis.CALENDAR, "nl"),
        page_report(None, None, DaysBasis.CALENDAR, "nl"),
        Trend(None),
        CheckClaims(None, False, "nl"),
    ]


@pytest.mark.parametrize("source", [None, *FILES], ids=lambda f: "builtin" if f is None else f.name)
def test_every_command_every_format_never_a_traceback(source: Path | None) -> None:
    # Each command runs once through the command line (the one-line error, the exit code);
    # what it computes is then rendered in every format by the same writers.
    data = [] if source is None else ["--data", str(source)]
    ids: list[str] = []
    listed = run("indicators", *data, "--format", "json")
    if listed.exit_code == 0:
        ids = [row["indicator"] for row in json.loads(listed.stdout)["rows"]]
    for command in _commands(ids):
        result = run(*command, *data)
        assert "Traceback" not in result.stderr
        assert result.exit_code in DOCUMENTED, (command, result.exit_code, result.stderr)
        assert result.exit_code != ExitCode.INTERNAL, result.stderr
        assert "\x1b[" not in result.stdout
        if result.exit_code not in (0, ExitCode.CHECK_FAILED):
            assert re.fullmatch(r"(kanaalstats: .*\n)+", result.stderr), result.stderr
    if listed.exit_code != 0:
        return
    dataset = load([source] if source else None)
    for command_object in _command_objects(ids):
        for fmt, out in _rendered_in_every_format(command_object, dataset).items():
            if out.startswith("exit "):
                code = int(out.removeprefix("exit "))
                assert code in DOCUMENTED, (fmt, code)
                assert code != ExitCode.INTERNAL, fmt
                continue
            assert "\x1b[" not in out
            if fmt is OutputFormat.JSON and out:
                _strict(out)
