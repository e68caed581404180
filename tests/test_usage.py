"""The command line's own words: usage errors in one line and the user's language, help in
that language, -h, --quiet."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner, Result

from helpers import PINNED_ENV, run
from kanaalstats.cli import app
from kanaalstats.usage import _HELP_KEYS, language_of

COMMANDS = ["table", "indicators", "growth", "daily", "share", "report", "trend", "check"]
LISTED = "table, indicators, growth, daily, share, report, trend, check"


def run_env(env: dict[str, str], *args: str) -> Result:
    return CliRunner(env={**PINNED_ENV, **env}).invoke(app, list(args))


def _refused(result: Result) -> str:
    """The one line a usage error writes; nothing on stdout, exit code 2."""
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.endswith("\n")
    return result.stderr.removesuffix("\n")


def test_unknown_command_in_dutch() -> None:
    assert _refused(run("groei")) == (
        f"kanaalstats: fout: onbekende opdracht 'groei'. Kies uit: {LISTED}."
    )


def test_unknown_command_suggests_a_close_one() -> None:
    assert _refused(run("grwth")) == (
        f"kanaalstats: fout: onbekende opdracht 'grwth'. Bedoelde u: growth? Kies uit: {LISTED}."
    )


def test_language_from_the_environment_and_from_anywhere_on_the_line() -> None:
    english = f"kanaalstats: error: unknown command 'groei'. Choose from: {LISTED}."
    assert _refused(run_env({"KANAALSTATS_LANG": "en"}, "groei")) == english
    # --lang before the command is not an option there, but it still picks the language
    assert _refused(run("--lang", "en", "groei")).startswith("kanaalstats: error: ")
    # and --lang on the line wins over the environment
    line = _refused(run_env({"KANAALSTATS_LANG": "en"}, "growth", "--bogus", "--lang", "nl"))
    assert line.startswith("kanaalstats: fout: onbekende optie '--bogus'")


def test_bad_choice_names_the_word_and_the_choices() -> None:
    assert _refused(run("growth", "--lang", "de")) == (
        "kanaalstats: fout: 'de' is geen geldige keuze voor --lang. Kies uit: nl, en."
    )
    assert _refused(run("growth", "-f", "xml", "-l", "en")) == (
        "kanaalstats: error: 'xml' is not a valid choice for --format. "
        "Choose from: table, csv, json, ndjson, markdown, html."
    )
    assert _refused(run("daily", "--days", "366")) == (
        "kanaalstats: fout: '366' is geen geldige keuze voor --days. "
        "Kies uit: calendar, 365, werkdagen."
    )


def test_a_bad_language_in_the_environment_is_one_line_too() -> None:
    line = _refused(run_env({"KANAALSTATS_LANG": "de"}, "growth"))
    assert line == "kanaalstats: fout: 'de' is geen geldige keuze voor --lang. Kies uit: nl, en."


def test_a_year_that_is_not_a_number() -> None:
    assert _refused(run("daily", "--year", "abc")) == (
        "kanaalstats: fout: --year moet een geheel getal zijn (bijvoorbeeld 2019), niet 'abc'."
    )
    assert _refused(run("growth", "--from=x", "--lang=en")) == (
        "kanaalstats: error: --from must be a whole number (for example 2019), not 'x'."
    )


def test_unknown_option() -> None:
    close = _refused(run("growth", "--frm", "2018"))
    assert close.startswith("kanaalstats: fout: onbekende optie '--frm' bij 'kanaalstats growth'.")
    assert "Bedoelde u: " in close
    assert "--from" in close
    far = _refused(run("table", "--bogus"))
    assert far == (
        "kanaalstats: fout: onbekende optie '--bogus' bij 'kanaalstats table'. Geldige opties: "
        "--data, --format, --lang, --output, --unit, --entity, --quiet, --sheet, --regions, --help."
    )


def test_missing_argument_and_value() -> None:
    assert _refused(run("share", "emails_kcc")) == (
        "kanaalstats: fout: 'kanaalstats share' mist het argument DENOMINATOR. "
        "Zie 'kanaalstats share --help'."
    )
    assert _refused(run("growth", "--from")) == (
        "kanaalstats: fout: optie --from heeft een waarde nodig."
    )
    assert _refused(run("growth", "--quiet=ja")) == (
        "kanaalstats: fout: bij optie --quiet hoort geen waarde."
    )


def test_unknown_indicator_lists_the_candidates() -> None:
    result = run("growth", "xyzzy")
    assert result.exit_code == 2
    # nothing close: the first ten of the eleven built-in ids, and how many more there are
    assert result.stderr == (
        "kanaalstats: fout: indicator 'xyzzy' bestaat niet. Kies uit: websitebezoek, "
        "websitebezoek_digitaal_loket, aandeel_mobiel, digitale_aanvragen, "
        "inwoners_met_melding, emails_kcc, social_media_berichten, social_media_volgers, "
        "meldingen_openbare_ruimte, bezoek_engelstalig en nog 1 (zie 'kanaalstats "
        "indicators').\n"
    )


def test_language_of() -> None:
    assert language_of(["growth"], {}) == "nl"
    assert language_of(["growth"], {"KANAALSTATS_LANG": "EN"}) == "en"
    assert language_of(["growth", "-l", "en"], {}) == "en"
    assert language_of(["growth", "--lang=en"], {}) == "en"
    assert language_of(["growth", "-len"], {}) == "en"
    assert language_of(["-l", "en", "growth", "--lang", "nl"], {"KANAALSTATS_LANG": "en"}) == "nl"
    assert language_of(["growth", "--", "--lang", "en"], {}) == "nl"
    assert language_of(["growth", "--lang", "de"], {"KANAALSTATS_LANG": "en"}) == "en"


# --- help ------------------------------------------------------------------------------------


@pytest.mark.parametrize("args", [[], *([c] for c in COMMANDS)])
def test_h_is_help_everywhere(args: list[str]) -> None:
    short, long = run(*args, "-h"), run(*args, "--help")
    assert short.exit_code == 0
    assert short.stdout == long.stdout
    assert short.stdout.startswith("Gebruik: kanaalstats")


def test_help_is_dutch_by_default_and_english_on_request() -> None:
    dutch = run("growth", "--help").stdout
    assert "Opties:" in dutch
    assert "Eerste jaar (met --to)." in dutch
    assert "Toon deze hulp en stop." in dutch
    assert "First year" not in dutch
    for english in (
        run("growth", "--help", "--lang", "en").stdout,
        run_env({"KANAALSTATS_LANG": "en"}, "growth", "--help").stdout,
    ):
        assert english.startswith("Usage: kanaalstats growth")
        assert "Options:" in english
        assert "First year (with --to)." in english
    top = run("--help").stdout
    assert "Opdrachten:" in top
    assert "De indicatoren: id, label, eenheid en de jaren met een waarde." in top


def test_every_help_text_has_a_dutch_one() -> None:
    group = get_command(app)
    commands = [group, *group.commands.values()]  # type: ignore[attr-defined]
    for command in commands:
        assert command.help.strip() in _HELP_KEYS, command.name
        for param in command.params:
            assert param.help in _HELP_KEYS, (command.name, param.name)


# --- quiet -----------------------------------------------------------------------------------


def test_quiet_silences_warnings_and_notes_but_not_errors(tmp_path: Path) -> None:
    long = tmp_path / "lang.csv"
    long.write_text("indicator,year,value\na,2018,1\na,2019,2\n", encoding="utf-8")
    loud = run("daily", "-d", str(long), "-f", "csv")
    assert "waarschuwing" in loud.stderr  # a long file without units
    assert "Gemiddelde per dag" in loud.stderr
    quiet = run("daily", "-d", str(long), "-f", "csv", "-q")
    assert quiet.exit_code == 0
    assert quiet.stderr == ""
    assert quiet.stdout == loud.stdout
    failed = run("daily", "-d", str(long), "--year", "2030", "--quiet")
    assert failed.exit_code == 2
    assert failed.stderr.startswith("kanaalstats: fout: jaar 2030")


# --- the manual page -------------------------------------------------------------------------


def test_man_page_in_dutch_and_english() -> None:
    from kanaalstats.domain.errors import ExitCode

    dutch = run("--man")
    assert dutch.exit_code == 0
    page = dutch.stdout
    assert page.startswith(".TH KANAALSTATS 1 ")
    for heading in ("NAAM", "OVERZICHT", "OPTIES", "OPDRACHTEN", "OMGEVING", "AFSLUITCODES"):
        assert f"\n.SH {heading}\n" in page
    for command in COMMANDS:
        assert f'\n.SS "kanaalstats {command} ' in page
    for code in ExitCode:
        assert f"\n\\fB{int(code)}\\fR\n" in page
    # the same texts as --help, with roff's minus signs
    assert "Eerste jaar (met \\-\\-to)." in page
    assert "KANAALSTATS_FORMAT" in page
    english = run_env({"KANAALSTATS_LANG": "en"}, "--man").stdout
    assert "\n.SH EXIT STATUS\n" in english
    assert "First year (with \\-\\-to)." in english
    assert "Eerste jaar" not in english


def test_language_of_the_output_from_the_environment() -> None:
    args = ["growth", "digitale_aanvragen", "--from", "2018", "--to", "2019"]
    # 291.592 − 260.044 = 31.548, written the English way
    assert "+31,548" in run_env({"KANAALSTATS_LANG": "en"}, *args).stdout
    assert "+31.548" in run_env({"KANAALSTATS_LANG": "en"}, *args, "--lang", "nl").stdout
    assert "+31.548" in run(*args).stdout
    assert "+31,548" in run_env({"KANAALSTATS_LANG": "EN"}, *args).stdout


def test_no_command_shows_the_help_on_stderr() -> None:
    result = run()
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("Gebruik: kanaalstats [OPTIONS] COMMAND [ARGS]...")
