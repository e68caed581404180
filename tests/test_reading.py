"""Tables an analyst has, read the right way or refused: never a silent misreading.

Every expected figure is read off the hand-made table in the test itself.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from helpers import run, write
from kanaalstats.domain.dataset import Dataset
from kanaalstats.domain.errors import DataError, KanaalstatsError
from kanaalstats.load.files import load
from kanaalstats.load.numbers import parse_machine_number, parse_published_row


def figures(dataset: Dataset) -> dict[tuple[str, int], tuple[float | None, int]]:
    """(indicator, year) → (value, decimals), missing values as None."""
    frame = dataset.values
    return {
        (str(i), int(y)): (None if math.isnan(v) else float(v), int(d))
        for i, y, v, d in zip(
            frame["indicator"], frame["year"], frame["value"], frame["decimals"], strict=True
        )
    }


def refusal(path: Path) -> KanaalstatsError:
    with pytest.raises(KanaalstatsError) as caught:
        load([path])
    return caught.value


# --- shapes -----------------------------------------------------------------------------------


def test_years_as_rows_are_read_turned_back(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "rows.csv",
        "Kerncijfers gemeente\nJaar;aanvragen;klachten\n2017;5213;1876\n2018;5.400;1900\n",
    )
    dataset = load([path])
    assert dataset.years == [2017, 2018]  # never 1876 or 5213
    assert figures(dataset) == {
        ("aanvragen", 2017): (5213.0, 0),
        ("aanvragen", 2018): (5400.0, 0),  # 5.400: a thousands group
        ("klachten", 2017): (1876.0, 0),
        ("klachten", 2018): (1900.0, 0),
    }


def test_years_as_rows_name_the_line_of_a_bad_cell(tmp_path: Path) -> None:
    path = write(tmp_path, "rows.csv", "Jaar;aanvragen\n2017;5213\n2018;veel\n")
    error = refusal(path)
    assert error.message.key == "cell_not_a_number"
    assert error.message.params["line"] == 3  # the row of 2018, where 'veel' is
    assert error.message.params["year"] == 2018


@pytest.mark.parametrize(
    ("content", "key", "params"),
    [
        # The first row with a 4-digit cell is a row of figures: 5213 is no year.
        ("2017;5213;1876\n2018;5400;1900\n", "header_not_year", {"value": "5213"}),
        (";2017;3019\nx;1;2\n", "header_not_year", {"value": "3019"}),
        (";1799;1800\nx;1;2\n", "header_not_year", {"value": "1799"}),
        ("Jaar;aanvragen\n2017;1\nTotaal;2\n", "row_not_year", {"line": 3, "value": "Totaal"}),
        ("Jaar;aanvragen\n2017;1\n2017;2\n", "duplicate_year_row", {"line": 3, "year": 2017}),
        ("Jaar;aanvragen;klachten\n2017;1\n", "row_too_short_down", {"line": 2}),
        # Areas as columns and no years: the long form is the way.
        ("Wijk;Noord;Zuid\ninwoners;100;200\n", "no_year_columns", {}),
        (";2018;2019\na;1;2\n;2019;2020\nb;3;4\n", "second_header", {"line": 3}),
    ],
)
def test_shapes_refused(tmp_path: Path, content: str, key: str, params: dict[str, object]) -> None:
    error = refusal(write(tmp_path, "t.csv", content))
    assert isinstance(error, DataError)
    assert error.message.key == key
    for name, expected in params.items():
        assert error.message.params[name] == expected


def test_refused_shape_names_the_shapes_it_reads(tmp_path: Path) -> None:
    result = run(
        "table", "--data", str(write(tmp_path, "t.csv", "Wijk;Noord\nx;1\n")), "--lang", "en"
    )
    assert result.exit_code == 4
    assert "in the first column, one row per year" in result.stderr
    assert "long form (entity,indicator,year,value)" in result.stderr


def test_a_repeated_header_is_passed_over(tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv", "Indicator;2018;2019\na;1;2\nIndicator;2018;2019\nb;3;4\n")
    assert figures(load([path])) == {
        ("a", 2018): (1.0, 0),
        ("a", 2019): (2.0, 0),
        ("b", 2018): (3.0, 0),
        ("b", 2019): (4.0, 0),
    }


def test_provisional_years_are_read_and_said(tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv", ";2019;2020*\naantal bezoeken;1;2\n")
    dataset = load([path])
    assert dataset.years == [2019, 2020]
    assert [w.key for w in dataset.warnings] == ["years_provisional"]
    assert dataset.warnings[0].params["years"] == "2020"


# --- numbers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "decimals"),
    [
        ("0.500", 0.5, 3),  # a group starting with 0 is never thousands
        ("-0.250", -0.25, 3),
        ("00.123", 0.123, 3),
        ("0.500%", 0.5, 3),
        ("2,5e-1", 0.25, 2),  # 0,25 written out
        ("1,25e1", 12.5, 1),  # 12,5
        ("1e3", 1000.0, 0),
        ("0," + "1" * 200, 0.1111111111111111, 15),  # no wrap of the decimals counter
    ],
)
def test_published_cells(text: str, value: float, decimals: int) -> None:
    cells, _ = parse_published_row([text])
    assert cells[0].value == pytest.approx(value)
    assert cells[0].decimals == decimals


@pytest.mark.parametrize(
    ("text", "decimals"), [("2.5e-1", 2), ("2.5e1", 0), ("1." + "0" * 200, 15), (".5", 1)]
)
def test_machine_cells_keep_their_decimals(text: str, decimals: int) -> None:
    assert parse_machine_number(text).decimals == decimals


def test_zero_group_is_read_as_decimal_with_a_warning(tmp_path: Path) -> None:
    dataset = load([write(tmp_path, "t.csv", ";2018;2019\naantal bezoeken;0.500;12\n")])
    assert figures(dataset)[("aantal_bezoeken", 2018)] == (0.5, 3)
    assert [w.key for w in dataset.warnings] == ["cell_zero_group"]


def test_dot_decimals_anywhere_make_thousands_ambiguous(tmp_path: Path) -> None:
    # Row 2 writes decimals with a dot, so row 3's 1.234 could be 1,234 or 1234.
    path = write(tmp_path, "t.csv", ";2018;2019\naantal a;5.7;6.1\naantal b;1.234;2.345\n")
    error = refusal(path)
    assert error.message.key == "cell_ambiguous"
    assert error.message.params == {
        "path": str(path),
        "line": 3,
        "year": 2018,
        "text": "1.234",
        "other_line": 2,
        "other": "5.7",
    }


def test_thousands_without_dot_decimals_stay_thousands(tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv", ";2018;2019\naantal a;5,7;6,1\naantal b;1.234;2.345\n")
    assert figures(load([path]))[("aantal_b", 2018)] == (1234.0, 0)


# --- selection --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "names", "chosen"),
    [
        ("Utrecht", ["Utrecht", "UTRECHT"], "Utrecht"),  # exact beats case-folded
        ("UTRECHT", ["UTRECHT", "Utrecht"], "UTRECHT"),
        ("ABC", ["ABC", "abc"], "ABC"),
        (" Space", ["Space", " Space"], " Space"),  # exact beats stripped
        (" Space", ["Space"], "Space"),
        ("utrecht", ["Utrecht", "Utrechtse Heuvelrug"], "Utrecht"),  # folded, unique
        ("utr", ["Utrecht", "Amersfoort"], "Utrecht"),  # the only one it starts
    ],
)
def test_an_exact_name_wins(typed: str, names: list[str], chosen: str) -> None:
    from kanaalstats.domain.selection import resolve_entity

    assert resolve_entity(typed, names) == chosen


def test_a_folded_name_matching_two_is_ambiguous() -> None:
    from kanaalstats.domain.errors import UsageError
    from kanaalstats.domain.selection import resolve_entity

    with pytest.raises(UsageError) as caught:
        resolve_entity("utrecht", ["UTRECHT", "Utrecht"])
    assert caught.value.message.key == "entity_ambiguous"
    assert caught.value.message.params["candidates"] == "UTRECHT, Utrecht"


def test_growth_of_an_exact_id_among_case_variants(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "long.csv",
        "indicator,year,value\nABC,2018,10\nABC,2019,15\nabc,2018,1\nabc,2019,2\n",
    )
    result = run("growth", "ABC", "--data", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert lines[1].startswith("ABC,")  # ABC's row, not abc's
    assert ",50," in lines[1]  # (15 - 10) / 10 = 50 %


# --- files ------------------------------------------------------------------------------------


def test_mixed_encodings_are_refused_naming_both_lines(tmp_path: Path) -> None:
    # Line 2 writes é as UTF-8 (c3 a9), line 3 as Windows-1252 (e9).
    path = write(tmp_path, "t.csv", b";2018;2019\ncaf\xc3\xa9 a;1;2\ncaf\xe9 b;3;4\n")
    error = refusal(path)
    assert error.message.key == "file_mixed_encoding"
    assert error.message.params["utf8_line"] == 2
    assert error.message.params["other_line"] == 3


def test_windows_1252_alone_is_still_read(tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv", b";2018;2019\ncaf\xe9 a;1;2\n")
    assert figures(load([path]))[("cafe_a", 2019)] == (2.0, 0)


def test_semicolon_long_file_with_thousands_like_value_is_refused(tmp_path: Path) -> None:
    path = write(
        tmp_path, "t.csv", "indicator;year;value;unit\na;2018;12;flow\na;2019;260.044;flow\n"
    )
    error = refusal(path)
    assert error.message.key == "long_cell_ambiguous"
    assert error.message.params["line"] == 3
    assert error.message.params["text"] == "260.044"


def test_semicolon_long_file_with_dot_decimals_reads_and_says_so(tmp_path: Path) -> None:
    path = write(
        tmp_path, "t.csv", "indicator;year;value;unit\na;2018;260.044;flow\na;2019;5.7;flow\n"
    )
    dataset = load([path])
    assert figures(dataset)[("a", 2018)] == (260.044, 3)
    warning = next(w for w in dataset.warnings if w.key == "long_dot_groups_read")
    assert warning.params["line"] == 2
    assert warning.params["other_line"] == 3


def test_comma_long_file_keeps_its_machine_decimals(tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv", "indicator,year,value,unit\na,2018,260.044,flow\n")
    dataset = load([path])
    assert figures(dataset)[("a", 2018)] == (260.044, 3)
    assert dataset.warnings == ()


def test_numeric_looking_names_stay_text(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "t.csv",
        "entity,indicator,year,value,unit,label_nl\n007,a,2019,1,flow,1e3\n1e3,a,2019,2,flow,1e3\n",
    )
    dataset = load([path])
    assert list(dataset.entities) == ["007", "1e3"]
    assert dataset.indicators.loc["a", "label_nl"] == "1e3"


def test_parquet_booleans_are_refused(tmp_path: Path) -> None:
    import pandas as pd

    path = tmp_path / "t.parquet"
    frame = pd.DataFrame({"indicator": ["a", "a"], "year": [2018, 2019], "value": [True, False]})
    frame.to_parquet(path)
    assert refusal(path).message.key == "parquet_bad_types"


# --- units ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "unit"),
    [
        # A count of people or things in a state, or on a date, is a stock.
        ("aantal huishoudens met een laag inkomen", "stock"),
        ("aantal ingeschreven werkzoekenden", "stock"),
        ("aantal bijstandsgerechtigden", "stock"),
        ("aantal sociale huurwoningen", "stock"),
        ("aantal auto's met een elektrische motor", "stock"),
        ("aantal woningen per 31 december", "stock"),
        ("aantal uitkeringen ultimo", "stock"),
        ("stand leningen", "stock"),
        ("inwoners op 1 januari", "stock"),
        ("Number of residents on 1 January", "stock"),
        # Events over the year are flows, also when they happen to a population.
        ("aantal aanvragen van werkzoekenden", "flow"),
        ("aantal nieuwgebouwde woningen", "flow"),
        ("aantal geboorten", "flow"),
        # Marks on a scale are scores.
        ("tevredenheid dienstverlening", "score"),
        ("klanttevredenheid", "score"),
        ("waardering website (schaal 1-10)", "score"),
        ("gemiddeld cijfer", "score"),
        ("aandeel huishoudens met een laag inkomen", "percent"),
    ],
)
def test_unit_rules(label: str, unit: str) -> None:
    from kanaalstats.domain.units import infer_unit

    assert infer_unit(label, has_percent_sign=False) == unit


def test_a_guessed_unit_is_said_and_set_units_are_not(tmp_path: Path) -> None:
    path = str(write(tmp_path, "t.csv", ";2018;2019\naantal abonnees;10;12\naantal x;1;2\n"))
    guessed = run("table", "--data", path, "--lang", "en")
    assert "unit of aantal_abonnees, aantal_x is a guess" in guessed.stderr
    assert "--unit aantal_abonnees=stock" in guessed.stderr
    one_set = run("table", "--data", path, "--lang", "en", "--unit", "aantal_x=stock")
    assert "unit of aantal_abonnees is a guess" in one_set.stderr
    both_set = run("table", "--data", path, "--unit", "aantal=stock")  # a prefix of both
    assert both_set.exit_code == 0
    assert both_set.stderr == ""


def test_unit_prefix_sets_every_id_it_starts(tmp_path: Path) -> None:
    path = str(write(tmp_path, "t.csv", ";2018;2019\nbeleving a;7,1;7,2\nbeleving b;6;6,5\n"))
    rows = run("indicators", "--data", path, "--unit", "beleving=score", "--format", "csv")
    assert rows.stdout.count(",score,") == 2


# --- CBS open data ----------------------------------------------------------------------------

CBS = (
    '"ID";"RegioS";"Perioden";"BevolkingOp1Januari_1";"Geboorten_2"\n'
    '0;"GM0344  ";"2018JJ00";"  347483";"  4123"\n'
    '1;"GM0344  ";"2019JJ00";"  352866";"-"\n'
    '2;"GM0344  ";"2019KW01";"  1";"  2"\n'
    '3;"WK034401";"2019JJ00";".";"x"\n'
)


def test_cbs_open_data_is_a_panel(tmp_path: Path) -> None:
    dataset = load([write(tmp_path, "cbs.csv", CBS)])
    frame = dataset.values
    got = {
        (str(e), str(i), int(y)): None if math.isnan(v) else float(v)
        for e, i, y, v in zip(
            frame["entity"], frame["indicator"], frame["year"], frame["value"], strict=True
        )
    }
    assert got == {
        ("GM0344", "BevolkingOp1Januari_1", 2018): 347483.0,
        ("GM0344", "BevolkingOp1Januari_1", 2019): 352866.0,
        ("GM0344", "Geboorten_2", 2018): 4123.0,
        ("GM0344", "Geboorten_2", 2019): 0.0,  # '-' is nil in a CBS file
        ("WK034401", "BevolkingOp1Januari_1", 2019): None,  # '.' unknown
        ("WK034401", "Geboorten_2", 2019): None,  # 'x' secret
    }
    units = dict(zip(dataset.ids, dataset.indicators["unit"], strict=True))
    assert units == {"BevolkingOp1Januari_1": "stock", "Geboorten_2": "flow"}
    assert [w.key for w in dataset.warnings] == ["cbs_periods_left_out"]  # the quarter


def test_a_dash_stays_missing_in_the_utrecht_form(tmp_path: Path) -> None:
    dataset = load([write(tmp_path, "t.csv", ";2018;2019\naantal bezoeken;-;3\n")])
    assert figures(dataset)[("aantal_bezoeken", 2018)][0] is None


@pytest.mark.parametrize(
    ("row", "key"),
    [
        ('0;"GM0344";"2019";"1"', "cbs_bad_period"),
        ('0;"Utrecht";"2019JJ00";"1"', "cbs_bad_region"),
        ('0;"GM0344";"2019JJ00";"1,5"', "cbs_bad_value"),  # CBS writes a dot
    ],
)
def test_cbs_refusals_name_the_line(tmp_path: Path, row: str, key: str) -> None:
    path = write(tmp_path, "cbs.csv", f'"ID";"RegioS";"Perioden";"Geboorten_1"\n{row}\n')
    error = refusal(path)
    assert error.message.key == key
    assert error.message.params["line"] == 2


# --- Excel ------------------------------------------------------------------------------------


def _workbook(path: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Kerncijfers"
    sheet.append(["Kerncijfers online dienstverlening"])
    sheet.append([None, 2018, 2019])
    sheet.append(["aantal bezoeken", 223449, 291592])
    sheet.append(["aandeel mobiel", 0.56, 0.614])
    sheet["B4"].number_format = "0%"
    sheet["C4"].number_format = "0.0%"
    sheet.append(["rapportcijfer", 7.1, 7])
    sheet["B5"].number_format = "0.0"
    sheet["C5"].number_format = "0.00"
    second = book.create_sheet("Formules")
    second.append([None, 2018, 2019])
    second.append(["aantal bezoeken", 1, "=B2*2"])  # openpyxl stores no result for it
    book.save(path)
    return path


def test_workbook_reads_shown_decimals_and_percent(tmp_path: Path) -> None:
    dataset = load([_workbook(tmp_path / "k.xlsx")])
    got = figures(dataset)
    assert got[("aantal_bezoeken", 2019)] == (291592.0, 0)
    assert got[("aandeel_mobiel", 2018)] == (56.0, 0)  # 0.56 shown as 56%
    assert got[("aandeel_mobiel", 2019)] == (61.4, 1)  # 0.614 shown as 61.4%
    assert got[("rapportcijfer", 2019)] == (7.0, 2)  # 7 shown as 7.00
    units = dict(zip(dataset.ids, dataset.indicators["unit"], strict=True))
    assert units["aandeel_mobiel"] == "percent"


def test_workbook_formula_without_result_names_the_cell(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "k.xlsx")
    with pytest.raises(KanaalstatsError) as caught:
        load([path], sheet="Formules")
    assert caught.value.message.key == "workbook_formula_uncached"
    assert caught.value.message.params["cell"] == "C2"
    result = run("table", "--data", str(path), "--sheet", "Geen", "--lang", "en")
    assert result.exit_code == 2
    assert "Sheets: Kerncijfers, Formules" in result.stderr


def test_workbook_saved_as_csv_is_refused_clearly(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "k.xlsx")
    renamed = tmp_path / "k.csv"
    renamed.write_bytes(path.read_bytes())
    result = run("table", "--data", str(renamed), "--lang", "en")
    assert result.exit_code == 3
    assert "Name the file .xlsx" in result.stderr


# --- marks and precision ----------------------------------------------------------------------


def test_provisional_and_imprecise_cells_are_read_and_said(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "t.csv",
        ";2019;2020\naantal bezoeken;1.234;1.300*\naantal klachten;9007199254740993;4\n",
    )
    dataset = load([path])
    assert figures(dataset)[("aantal_bezoeken", 2020)] == (1300.0, 0)  # 1.300* is 1300
    said = {(w.key, w.params["line"], w.params["year"]) for w in dataset.warnings}
    # 9007199254740993 = 2^53 + 1: the first whole number a float cannot hold.
    assert said == {("cell_provisional", 2, 2020), ("cell_imprecise", 3, 2019)}


@pytest.mark.parametrize(
    ("text", "imprecise"),
    [("9007199254740992", False), ("9007199254740993", True), ("00000000000000001", False)],
)
def test_machine_numbers_above_two_to_the_53(text: str, imprecise: bool) -> None:
    assert parse_machine_number(text).imprecise is imprecise


def _late(tmp_path: Path, last: bytes) -> Path:
    # More than the 64 KiB the form is told from, all ASCII, then one more line.
    rows = b"indicator,year,value,unit,label_nl\n" + b"".join(
        b"a%d,2019,1,flow,aaaa\n" % i for i in range(4000)
    )
    assert len(rows) > 65_536
    return write(tmp_path, "late.csv", rows + last)


def test_long_file_turning_cp1252_late_is_read_as_cp1252(tmp_path: Path) -> None:
    dataset = load([_late(tmp_path, b"b,2019,2,flow,caf\xe9\n")])
    assert dataset.indicators.loc["b", "label_nl"] == "café"


def test_long_file_mixing_encodings_late_is_refused(tmp_path: Path) -> None:
    error = refusal(_late(tmp_path, b"b,2019,2,flow,caf\xc3\xa9\nc,2019,2,flow,caf\xe9\n"))
    assert error.message.key == "file_mixed_encoding"
    assert error.message.params["utf8_line"] == 4002  # header + 4000 rows, then b
    assert error.message.params["other_line"] == 4003


def test_indicators_shows_what_chose_each_unit(tmp_path: Path) -> None:
    path = str(
        write(
            tmp_path,
            "t.csv",
            ";2018;2019\ninwoners op 1 januari;10;12\naantal x;1;2\naandeel y;5%;6%\n"
            "aantal z;3;4\n",
        )
    )
    result = run("indicators", "--data", path, "--unit", "aantal_z=stock", "--format", "csv")
    rules = {line.split(",")[0]: line.split(",")[3] for line in result.stdout.splitlines()[1:]}
    assert rules == {
        "inwoners_op_1_januari": "label:op 1 januari",
        "aantal_x": "guess",
        "aandeel_y": "cells",  # the % sign decides before the label's 'aandeel'
        "aantal_z": "option",
    }
    people = run("indicators", "--data", path, "--lang", "en")
    assert "label 'op 1 januari'" in people.stdout
    assert "a guess" in people.stdout
    assert "the file" in run("indicators", "--lang", "en").stdout  # the built-in table


def test_cbs_duplicate_names_the_cbs_lines(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "cbs.csv",
        '"ID";"RegioS";"Perioden";"A_1";"B_2"\n'
        '0;"GM0344";"2019JJ00";"1";"2"\n'
        '1;"GM0363";"2019JJ00";"1";"2"\n'
        '2;"GM0344";"2019JJ00";"3";"4"\n',
    )
    error = refusal(path)
    assert error.message.key == "cbs_duplicate"
    assert (error.message.params["line"], error.message.params["first"]) == (4, 2)


def test_canonical_header_years_must_be_plausible(tmp_path: Path) -> None:
    path = write(tmp_path, "c.csv", "id,label_nl,unit,2019,5213\na,A,flow,1,2\n")
    error = refusal(path)
    assert error.message.key == "header_not_year"
    assert (error.message.params["column"], error.message.params["value"]) == (5, 5213)


def test_table_says_which_figures_are_provisional(tmp_path: Path) -> None:
    # The header marks 2020 as a whole; one cell marks 2019 of aantal bezoeken alone.
    path = write(tmp_path, "t.csv", ";2019;2020*\naantal bezoeken;1.300*;2\naantal klachten;3;4\n")
    assert load([path]).provisional == {
        ("aantal_bezoeken", 2019),
        ("aantal_bezoeken", 2020),
        ("aantal_klachten", 2020),
    }
    dutch = run("table", "--data", str(path)).stdout
    assert "Voorlopige cijfers: 2019 (aantal bezoeken); 2020\n" in dutch
    english = run("table", "--data", str(path), "--lang", "en", "--format", "markdown").stdout
    assert "Provisional figures: 2019 (aantal bezoeken); 2020" in english


# --- whole numbers above 2^53 in the long form, Parquet and CBS --------------------------------

# 2^53 = 9007199254740992 is the last whole number of a float with all below it; 2^53 + 1 is
# the first it cannot hold (it reads as ...992).
EXACT_LIMIT, BEYOND = "9007199254740992", "9007199254740993"


def _imprecise(dataset: Dataset) -> set[tuple[int, int, str]]:
    return {
        (w.params["line"], w.params["year"], w.params["text"])
        for w in dataset.warnings
        if w.key == "cell_imprecise"
    }


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_long_csv_warns_of_an_integer_above_two_to_the_53(tmp_path: Path, delimiter: str) -> None:
    rows = [
        "indicator,year,value,unit",
        f"a,2018,{EXACT_LIMIT},flow",  # exact: no warning
        "",  # a blank line: the next row is on line 4 of the file
        f"a,2019,{BEYOND},flow",
        "b,2019,-18014398509481985,flow",  # -(2^54 + 1): below -2^53, odd, not exact
        "b,2018,1e20,flow",  # written as a float: no digits lost in reading it
    ]
    path = write(tmp_path, "long.csv", "\n".join(rows).replace(",", delimiter) + "\n")
    dataset = load([path])
    assert _imprecise(dataset) == {(4, 2019, BEYOND), (5, 2019, "-18014398509481985")}
    result = run("table", "--data", str(path), "--lang", "en")
    assert result.exit_code == 0
    said = [line for line in result.stderr.splitlines() if "2^53" in line]
    assert said == [
        f"kanaalstats: warning: {path}, line 4, year 2019: '{BEYOND}' is larger than 2^53 "
        "and cannot be kept exact to the unit; its last digits may differ.",
        f"kanaalstats: warning: {path}, line 5, year 2019: '-18014398509481985' is larger "
        "than 2^53 and cannot be kept exact to the unit; its last digits may differ.",
    ]


def test_parquet_warns_of_a_stored_integer_above_two_to_the_53(tmp_path: Path) -> None:
    import pandas as pd

    frame = pd.DataFrame(
        {
            "indicator": ["a", "a", "a"],
            "year": [2017, 2018, 2019],
            "value": [int(EXACT_LIMIT), int(BEYOND), 5],
            "unit": ["flow", "flow", "flow"],
        }
    )
    path = tmp_path / "t.parquet"
    frame.to_parquet(path)
    # Rows are counted as lines of a CSV with a header: the second row is "line" 3.
    assert _imprecise(load([path])) == {(3, 2018, BEYOND)}
    floats = tmp_path / "f.parquet"
    frame.astype({"value": "float64"}).to_parquet(floats)
    assert _imprecise(load([floats])) == set()  # a stored float has no digits left to lose


def test_cbs_warns_of_an_integer_above_two_to_the_53_on_its_own_line(tmp_path: Path) -> None:
    text = (
        '"ID";"RegioS";"Perioden";"Geboorten_1"\n'
        f'0;"GM0344  ";"2018JJ00";"  {EXACT_LIMIT}"\n'
        f'1;"GM0344  ";"2019JJ00";"  {BEYOND}"\n'
    )
    assert _imprecise(load([write(tmp_path, "cbs.csv", text)])) == {(3, 2019, BEYOND)}
