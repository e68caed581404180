"""Loading the three forms of a table, and refusing bad ones with the place named."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from helpers import FIXTURES, write
from kanaalstats.domain.dataset import Dataset
from kanaalstats.domain.errors import DataError, ExitCode, InputFileError, KanaalstatsError
from kanaalstats.load.files import load
from kanaalstats.text.catalogue import say

PUBLISHED = FIXTURES / "utrecht_gepubliceerd_cp1252.csv"


def value(dataset: Dataset, indicator: str, year: int) -> float | None:
    frame = dataset.values
    hit = frame[(frame["indicator"] == indicator) & (frame["year"] == year)]["value"]
    number = float(hit.iloc[0])
    return None if math.isnan(number) else number


def error_of(paths: list[Path]) -> KanaalstatsError:
    with pytest.raises(KanaalstatsError) as caught:
        load(paths)
    return caught.value


# --- the built-in data ------------------------------------------------------------------------


def test_builtin_table_matches_the_report(builtin: Dataset) -> None:
    # Each figure read off ../shared/report: row label, then 2016, 2017, 2018, 2019.
    assert value(builtin, "websitebezoek", 2016) == 3.6
    assert value(builtin, "websitebezoek", 2019) == 5.5
    assert value(builtin, "websitebezoek_digitaal_loket", 2017) is None  # '-'
    assert value(builtin, "websitebezoek_digitaal_loket", 2018) == 1.2
    assert value(builtin, "aandeel_mobiel", 2019) == 61
    assert value(builtin, "digitale_aanvragen", 2017) == 229024
    assert value(builtin, "inwoners_met_melding", 2016) is None
    assert value(builtin, "inwoners_met_melding", 2017) == 17
    assert value(builtin, "emails_kcc", 2016) == 20578
    assert value(builtin, "social_media_berichten", 2018) == 10795
    assert value(builtin, "social_media_volgers", 2019) == 142321


def test_builtin_text_figures_are_loaded_with_their_quote(builtin: Dataset) -> None:
    assert value(builtin, "meldingen_openbare_ruimte", 2018) == 78624
    assert value(builtin, "bezoek_engelstalig", 2019) == 100160
    assert value(builtin, "social_media_campagnes", 2019) == 109
    assert "106.683" in builtin.indicators.at["meldingen_openbare_ruimte", "quote"]


def test_builtin_units(builtin: Dataset) -> None:
    assert builtin.unit("websitebezoek") == "flow_millions"
    assert builtin.unit("aandeel_mobiel") == "percent"
    assert builtin.unit("social_media_volgers") == "stock"
    assert builtin.unit("emails_kcc") == "flow"


def test_published_form_gives_the_same_figures_as_the_builtin_table(builtin: Dataset) -> None:
    # A second, independent transcription of the report's table, in published form.
    published = load([PUBLISHED])
    pairs = {
        "websitebezoek_utrecht_nl": "websitebezoek",
        "websitebezoek_digitaal_loket_utrecht_nl": "websitebezoek_digitaal_loket",
        "aandeel_websitebezoek_utrecht_nl_per_mobiel_tablet": "aandeel_mobiel",
        "aantal_digitale_aanvragen_via_utrecht_nl": "digitale_aanvragen",
        "pct_inwoners_dat_een_melding_openbare_ruimte_heeft_gedaan_in_afgelopen_12_maanden": (
            "inwoners_met_melding"
        ),
        "aantal_e_mail_naar_klantcontactcentrum_inclusief_e_formulieren": "emails_kcc",
        "totaal_aantal_verstuurde_geplaatste_berichten_door_gemeente_utrecht_via_social_media": (
            "social_media_berichten"
        ),
        "totaal_aantal_volgers_social_media_accounts_gemeente_utrecht": "social_media_volgers",
    }
    assert published.ids == list(pairs)
    for published_id, builtin_id in pairs.items():
        assert published.unit(published_id) == builtin.unit(builtin_id)
        for year in (2016, 2017, 2018, 2019):
            assert value(published, published_id, year) == value(builtin, builtin_id, year)


def test_published_footnote_and_source_are_attached() -> None:
    published = load([PUBLISHED])
    berichten = (
        "totaal_aantal_verstuurde_geplaatste_berichten_door_gemeente_utrecht_via_social_media"
    )
    # cp1252 'é' decoded correctly, footnote marker '*' stripped from the label
    assert published.indicators.at[berichten, "footnote"].endswith("privéberichten.")
    assert not published.indicators.at[berichten, "label_nl"].endswith("*")
    assert published.indicators.at[berichten, "source"] == "gemeente Utrecht"
    assert published.warnings == ()


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"], ids=["utf8", "bom", "utf16", "cp1252"]
)
def test_encodings(tmp_path: Path, encoding: str) -> None:
    text = ";2018;2019\naantal bezoeken café;1.234;2.345\n"
    path = write(tmp_path, "t.csv", text.encode(encoding))
    dataset = load([path])
    assert dataset.ids == ["aantal_bezoeken_cafe"]
    assert dataset.indicators.at["aantal_bezoeken_cafe", "label_nl"] == "aantal bezoeken café"
    assert value(dataset, "aantal_bezoeken_cafe", 2019) == 2345


def test_comma_delimited_published_with_quoted_decimals(tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv", 'label,2018,2019\n"x (in miljoenen)","1,2","1,4"\n')
    dataset = load([path])
    assert dataset.unit("x") == "flow_millions"
    assert value(dataset, "x", 2018) == 1.2


def test_sections_trailing_columns_and_negative_values(tmp_path: Path) -> None:
    text = (
        "Titel van de tabel;;;;\n"
        ";2017;2018;2019;;;\n"
        "Contact;;;;;;\n"
        "saldo vestiging;-12;-;3;;;\n"
        "\n"
        "aantal telefoontjes naar gemeente;100;120;90;;;\n"
    )
    dataset = load([write(tmp_path, "t.csv", text)])
    assert dataset.ids == ["saldo_vestiging", "aantal_telefoontjes_naar_gemeente"]
    assert value(dataset, "saldo_vestiging", 2017) == -12
    assert value(dataset, "saldo_vestiging", 2018) is None
    assert dataset.indicators.at["saldo_vestiging", "section"] == "Contact"
    assert dataset.years == [2017, 2018, 2019]


def test_unordered_year_columns_of_a_canonical_file_are_sorted(tmp_path: Path) -> None:
    # Named columns of a machine's file say which year each is; only a published header's
    # order is a plausibility check (refused above).
    dataset = load([write(tmp_path, "t.csv", "id,label_nl,unit,2019,2018\nx,x,flow,2,1\n")])
    assert dataset.years == [2018, 2019]
    assert value(dataset, "x", 2018) == 1


def test_dot_decimal_warning_names_the_cell(tmp_path: Path) -> None:
    dataset = load([write(tmp_path, "t.csv", ";2017;2018;2019\nscore;5,6;5.7;5,3\n")])
    assert value(dataset, "score", 2018) == 5.7
    [warning] = dataset.warnings
    assert warning.key == "cell_dot_decimal"
    assert warning.params["line"] == 2
    assert warning.params["year"] == 2018
    assert "5.7" in say(warning, "nl")


def test_long_form(tmp_path: Path) -> None:
    text = (
        "indicator,year,value,unit\nbezoek,2018,4.6,flow_millions\nbezoek,2019,5.5,flow_millions\n"
    )
    dataset = load([write(tmp_path, "long.csv", text)])
    assert dataset.unit("bezoek") == "flow_millions"
    assert value(dataset, "bezoek", 2019) == 5.5


def test_long_form_without_unit_warns(tmp_path: Path) -> None:
    dataset = load([write(tmp_path, "long.csv", "indicator,year,value\na,2018,1\n")])
    assert [w.key for w in dataset.warnings] == ["long_without_unit"]


def test_several_files_are_merged(tmp_path: Path) -> None:
    first = write(tmp_path, "a.csv", ";2018;2019\naantal a;1;2\n")
    second = write(tmp_path, "b.csv", "indicator,year,value,unit\nb,2019,3,flow\n")
    dataset = load([first, second])
    assert dataset.ids == ["aantal_a", "b"]
    assert dataset.years == [2018, 2019]


# --- refusals ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "key", "params"),
    [
        ("", "empty_table", {}),
        ("\n\n;;\n", "empty_table", {}),
        (";2018;2019\n", "no_indicators", {}),
        (";2018;2018\nx;1;2\n", "header_year_twice", {"year": 2018, "found": ";2018;2018"}),
        (";2018;2018*\nx;1;2\n", "header_year_twice", {"year": 2018}),
        (";2019;2018\nx;1;2\n", "header_years_order", {"found": ";2019;2018", "line": 1}),
        ("Titel\n;2017;2019;2018\nx;1;2;3\n", "header_years_order", {"line": 2}),
        (";2018;totaal\nx;1;2\n", "header_not_year", {"value": "totaal", "column": 3}),
        (";2018;2019\nx;1;2\nx;3;4\n", "duplicate_indicator", {"line": 3, "first": 2}),
        (";2018;2019\nx;1;twee\n", "cell_not_a_number", {"line": 2, "year": 2019, "text": "twee"}),
        (";2018;2019\nx;5.7;1.234\n", "cell_ambiguous", {"line": 2, "year": 2019}),
        (";2018;2019\nx;1;2;3\n", "row_too_long", {"line": 2}),
        (";2018;2019;2020\nx;1;2\n", "row_too_short", {"line": 2}),
        (";2018;2019\n;1;2\n", "row_without_label", {"line": 2}),
        (';2018;2019\n"x;1;2\n', "csv_malformed", {}),
        ("id,label_nl,unit,2019\na,A,liters,1\n", "bad_unit", {"value": "liters"}),
        ("id,label_nl,unit,2019\na,A,flow,3,6\n", "row_too_long", {}),
        ('id,label_nl,unit,2019\na,A,flow,"3,6"\n', "cell_not_machine_number", {"text": "3,6"}),
        ("id,label_nl,unit,2019\na,A,flow,1\na,B,flow,2\n", "duplicate_indicator", {"id": "a"}),
        ("indicator,year,value\na,2019,1\na,2019,2\n", "duplicate_value", {"line": 3, "first": 2}),
        ("indicator,year,value\na,19,1\n", "bad_year", {"value": "19"}),
    ],
)
def test_bad_content(tmp_path: Path, content: str, key: str, params: dict[str, object]) -> None:
    path = write(tmp_path, "bad.csv", content)
    error = error_of([path])
    assert isinstance(error, DataError)
    assert error.exit_code == ExitCode.INVALID_DATA
    assert error.message.key == key
    assert error.message.params["path"] == str(path)
    for name, expected in params.items():
        assert error.message.params[name] == expected


@pytest.mark.parametrize(
    ("content", "key"),
    [
        (b"PK\x03\x04\x14\x00\x06\x00", "file_is_workbook"),
        (b"<!DOCTYPE html><html><body>x</body></html>", "file_is_html"),
        (b"\x00\x01\x02\x03binary", "file_is_binary"),
        (b"\xff\xfe\x00\xd8", "file_not_decodable"),  # a UTF-16 BOM followed by a lone surrogate
        (b";2018\nx\x81\x8d;1\n", "file_not_decodable"),  # neither UTF-8 nor cp1252
    ],
)
def test_not_a_table(tmp_path: Path, content: bytes, key: str) -> None:
    error = error_of([write(tmp_path, "x.csv", content)])
    assert isinstance(error, InputFileError)
    assert error.exit_code == ExitCode.INPUT_FILE
    assert error.message.key == key


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert error_of([tmp_path / "nope.csv"]).message.key == "file_not_found"
    assert error_of([tmp_path]).message.key == "file_is_directory"


def test_same_indicator_in_two_files(tmp_path: Path) -> None:
    first = write(tmp_path, "a.csv", ";2018\naantal a;1\n")
    second = write(tmp_path, "b.csv", ";2019\naantal a;2\n")
    error = error_of([first, second])
    assert error.message.key == "duplicate_indicator_across_files"
    assert error.message.params["first"] == str(first)
