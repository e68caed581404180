"""The commands as a user meets them: output per format and language, errors and exit codes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from helpers import run, run_csv, run_json, write
from kanaalstats.domain.errors import ExitCode


def _row(rows: list[dict[str, Any]], **match: Any) -> dict[str, Any]:
    hits = [r for r in rows if all(r[k] == v for k, v in match.items())]
    assert len(hits) == 1, hits
    return hits[0]


def _strict_json(text: str) -> Any:
    def refuse(constant: str) -> None:
        raise AssertionError(f"not JSON: {constant}")

    return json.loads(text, parse_constant=refuse)


# --- table ------------------------------------------------------------------------------------


def test_table_in_dutch() -> None:
    result = run("table")
    assert result.exit_code == 0
    out = result.stdout
    for expected in ("223.449", "3,6", "56%", "–", "142.321", "Kerncijfers"):
        assert expected in out
    assert "* Twitter, Facebook, Instagram, LinkedIn." in out
    assert "Bron: gemeente Utrecht" in out
    assert "procent" in out
    assert "stand" in out
    assert result.stderr == ""


def test_table_in_english() -> None:
    out = run("table", "--lang", "en").stdout
    assert "223,449" in out
    assert "3.6" in out
    assert "Key figures" in out
    assert "digital applications via Utrecht.nl" in out


def test_table_csv_is_locale_free_and_loads_back(tmp_path: Path) -> None:
    rows = run_csv("table")
    aanvragen = _row(rows, indicator="digitale_aanvragen")
    assert aanvragen["2016"] == "223449"
    assert _row(rows, indicator="websitebezoek")["2017"] == "3.6"
    assert _row(rows, indicator="aandeel_mobiel")["2016"] == ""  # missing stays empty
    exported = write(tmp_path, "export.csv", run("table", "--format", "csv").stdout)
    again = run_json("table", "--data", str(exported))["rows"]
    original = run_json("table")["rows"]
    assert again == original


def test_table_json_and_markdown() -> None:
    rows = run_json("table")["rows"]
    assert _row(rows, indicator="websitebezoek_digitaal_loket")["2017"] is None
    assert _row(rows, indicator="websitebezoek")["2019"] == 5.5
    markdown = run("table", "--format", "markdown").stdout
    assert markdown.startswith("### Kerncijfers")
    assert "| aantal digitale aanvragen via Utrecht.nl | aantal per jaar | 223.449 |" in markdown


# --- growth -----------------------------------------------------------------------------------


def test_growth_json_figures() -> None:
    rows = run_json("growth")["rows"]
    aanvragen = _row(rows, indicator="digitale_aanvragen", from_year=2018)
    # 291.592 - 260.044 = 31.548; 31.548 / 260.044 = 12,13%
    assert aanvragen["change"] == 31548
    assert aanvragen["change_pct"] == pytest.approx(12.1318, abs=1e-4)
    melding = _row(rows, indicator="inwoners_met_melding", from_year=2018)
    # 22% - 18% = +4 percentage points
    assert melding["change"] == 4
    assert melding["change_unit"] == "percentage_points"
    loket = _row(rows, indicator="websitebezoek_digitaal_loket", from_year=2017)
    assert loket["change"] is None
    assert loket["change_pct"] is None
    assert loket["note"] == "missing_value"


def test_growth_table_dutch_figures() -> None:
    out = run("growth", "digitale", "inwoners", "emails", "--from", "2018", "--to", "2019").stdout
    # 31.548 → "+31.548"; 12,13% → "+12,1%"; 4 pp → "+4 pp"; -16,46% → "-16,5%"
    for expected in ("+31.548", "+12,1%", "+4 pp", "+22,2%", "-16,5%", "-3.073"):
        assert expected in out


def test_growth_cagr_over_a_span() -> None:
    rows = run_json("growth", "digitale_aanvragen", "--from", "2016", "--to", "2019")["rows"]
    # (291.592 / 223.449) ** (1/3) - 1 = 9,28% a year
    assert rows[0]["cagr_pct"] == pytest.approx(9.2779, abs=1e-4)
    out = run("growth", "digitale_aanvragen", "--from", "2016", "--to", "2019").stdout
    assert "+9,3%" in out
    assert "Groei per jaar" in out


def test_growth_csv_has_no_thousands_separators() -> None:
    rows = run_csv("growth", "digitale_aanvragen")
    last = _row(rows, from_year="2018")
    assert last["change"] == "31548"
    assert last["change_pct"].startswith("12.1317")


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--from", "2015", "--to", "2019"], "2015"),
        (["--from", "2019", "--to", "2018"], "--from"),
        (["--from", "2018"], "--to"),
    ],
)
def test_growth_bad_years(args: list[str], needle: str) -> None:
    result = run("growth", *args)
    assert result.exit_code == ExitCode.USAGE
    assert needle in result.stderr
    assert result.stdout == ""


# --- daily ------------------------------------------------------------------------------------


def test_daily_calendar_days() -> None:
    document = run_json("daily", "emails_kcc")
    assert document["days_basis"] == "calendar"
    rows = document["rows"]
    # 20.578 / 366 = 56,22 (2016 is a leap year); 15.598 / 365 = 42,73
    assert _row(rows, year=2016)["days"] == 366
    assert _row(rows, year=2016)["per_day"] == pytest.approx(56.2240, abs=1e-4)
    assert _row(rows, year=2019)["per_day"] == pytest.approx(42.7342, abs=1e-4)
    out = run("daily", "emails_kcc", "--year", "2019").stdout
    assert "42,7" in out
    assert "kalenderdagen" in out


def test_daily_365_convention_is_said() -> None:
    document = run_json("daily", "emails_kcc", "--year", "2016", "--days", "365")
    # 20.578 / 365 = 56,38
    assert document["rows"][0]["per_day"] == pytest.approx(56.3781, abs=1e-4)
    assert document["days_basis"] == "365"
    assert "365 dagen" in run("daily", "emails_kcc", "--days", "365").stdout


def test_daily_refuses_a_stock_by_name() -> None:
    result = run("daily", "social_media_volgers")
    assert result.exit_code == ExitCode.USAGE
    assert "social_media_volgers" in result.stderr
    assert "Traceback" not in result.stderr


def test_daily_leaves_out_non_flows_with_a_note() -> None:
    document = run_json("daily")
    ids = {row["indicator"] for row in document["rows"]}
    assert "social_media_volgers" not in ids
    assert "aandeel_mobiel" not in ids
    assert any("social_media_volgers" in note for note in document["notes"])


# --- share ------------------------------------------------------------------------------------


def test_share_of_meldingen_in_aanvragen() -> None:
    rows = run_json("share", "meldingen_openbare_ruimte", "digitale_aanvragen", "--year", "2019")[
        "rows"
    ]
    # 106.683 / 291.592 = 36,59%
    assert rows[0]["share_pct"] == pytest.approx(36.5864, abs=1e-4)
    assert rows[0]["numerator_value"] == 106683
    out = run("share", "meldingen", "digitale", "--year", "2019").stdout
    assert "36,6%" in out


def test_share_zero_denominator(tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv", ";2018;2019\naantal a;1;2\naantal b;0;0\n")
    result = run("share", "aantal_a", "aantal_b", "--data", str(path))
    assert result.exit_code == ExitCode.UNDEFINED
    assert "aantal_b" in result.stderr
    assert "2018" in result.stderr


# --- naming indicators ------------------------------------------------------------------------


def test_unknown_indicator_suggests() -> None:
    result = run("growth", "emials_kcc")
    assert result.exit_code == ExitCode.USAGE
    assert "Bedoelde u: emails_kcc" in result.stderr


def test_ambiguous_prefix_lists_candidates() -> None:
    result = run("growth", "social")
    assert result.exit_code == ExitCode.USAGE
    assert "social_media_berichten" in result.stderr
    assert "social_media_volgers" in result.stderr


def test_errors_follow_lang() -> None:
    result = run("growth", "nothing_like_it", "--lang", "en")
    assert result.stderr.startswith(
        "kanaalstats: error: indicator 'nothing_like_it' does not exist"
    )


def test_indicators_lists_years_and_units() -> None:
    rows = run_json("indicators")["rows"]
    loket = _row(rows, indicator="websitebezoek_digitaal_loket")
    assert loket["years"] == "2018–2019"
    assert loket["unit"] == "flow_millions"
    assert _row(rows, indicator="meldingen_openbare_ruimte")["file"] == "tekstcijfers.csv"


def test_unit_override(tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv", ";2018;2019\naantal abonnees;10;12\n")
    assert run_json("indicators", "-d", str(path))["rows"][0]["unit"] == "flow"
    rows = run_json("indicators", "-d", str(path), "--unit", "aantal=stock")["rows"]
    assert rows[0]["unit"] == "stock"
    result = run("daily", "-d", str(path), "--unit", "aantal=stock", "aantal")
    assert result.exit_code == ExitCode.USAGE
    assert run("table", "--unit", "emails=litres").exit_code == ExitCode.USAGE


# --- every command, every format --------------------------------------------------------------

COMMANDS = [
    ["table"],
    ["indicators"],
    ["growth"],
    ["growth", "--from", "2016", "--to", "2019"],
    ["daily"],
    ["share", "meldingen", "digitale"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c))
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_command_every_format(command: list[str], lang: str) -> None:
    for fmt in ("table", "csv", "json", "ndjson", "markdown"):
        result = run(*command, "--format", fmt, "--lang", lang)
        assert result.exit_code == 0, result.stderr
        assert result.stdout.strip()
        assert "\x1b[" not in result.stdout
        if fmt == "json":
            document = _strict_json(result.stdout)
            assert document["command"] == command[0]
            assert document["rows"]
        if fmt == "ndjson":
            assert all(_strict_json(line) for line in result.stdout.splitlines())
        if fmt in ("csv", "json", "ndjson"):
            assert "NaN" not in result.stdout
            assert "nan" not in result.stdout.lower().split(",")


# --- hostile cells ----------------------------------------------------------------------------


def test_markup_and_formulas_in_labels(tmp_path: Path) -> None:
    text = ";2018;2019\n[bold]vet[/bold];1;2\n=SOM(A1);-3;4\n[/etc/x];5;6\n"
    path = write(tmp_path, "t.csv", text)
    table = run("table", "-d", str(path))
    assert table.exit_code == 0, table.stderr
    assert "[bold]vet[/bold]" in table.stdout
    assert "[/etc/x]" in table.stdout
    rows = run_csv("table", "-d", str(path))
    assert rows[1]["label"] == "'=SOM(A1)"
    assert rows[1]["2018"] == "-3"  # numbers stay numbers


# --- output files -----------------------------------------------------------------------------


def test_output_file_is_written_whole(tmp_path: Path) -> None:
    target = tmp_path / "groei.json"
    result = run("growth", "--format", "json", "-o", str(target))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert _strict_json(target.read_text(encoding="utf-8"))["rows"]
    assert [p.name for p in tmp_path.iterdir()] == ["groei.json"]  # no temporary file left


def test_output_never_overwrites_an_input(tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv", ";2018;2019\naantal a;1;2\n")
    before = path.read_bytes()
    result = run("table", "-d", str(path), "--format", "csv", "-o", str(path))
    assert result.exit_code == ExitCode.INPUT_FILE
    assert "invoerbestand" in result.stderr
    assert path.read_bytes() == before


def test_output_into_missing_folder(tmp_path: Path) -> None:
    result = run("table", "-o", str(tmp_path / "nope" / "x.csv"))
    assert result.exit_code == ExitCode.INPUT_FILE
    assert "nope" in result.stderr


# --- help and version -------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["table", "indicators", "growth", "daily", "share"])
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert f"Voorbeeld: kanaalstats {command}" in result.stdout
    english = run(command, "--help", "--lang", "en")
    assert f"Example: kanaalstats {command}" in english.stdout


def test_version() -> None:
    from kanaalstats import __version__

    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"kanaalstats {__version__}"


def test_debug_shows_the_exception() -> None:
    result = run("--debug", "table", "--data", "/no/such/file.csv")
    assert result.exception is not None
    assert "file_not_found" in str(result.exception) or "not found" in str(result.exception)


def test_interrupted_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kanaalstats.render.machine import CsvWriter

    def half_then_interrupt(self: CsvWriter, result: object) -> None:
        self.sink.write(b"indicator,half a row")
        raise KeyboardInterrupt

    monkeypatch.setattr(CsvWriter, "write", half_then_interrupt)
    target = write(tmp_path, "out.csv", "old content\n")
    result = run("growth", "--format", "csv", "-o", str(target))
    assert result.exit_code == ExitCode.INTERRUPTED
    assert result.stderr == "kanaalstats: Afgebroken.\n"
    assert target.read_text(encoding="utf-8") == "old content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]  # no temporary file left
