"""CBS region names: a CBS table's region codes named from a CBS region list, given with
`--regions FILE` or found beside the data file under the name CBS gives it (`RegioS.csv`).

tests/cbs/kerncijfers.csv is a CBS open-data table (GM0344, GM0307, PV26 for 2018-2019);
tests/cbs/RegioS.csv the classic StatLine list of its `RegioS` key (`"Key";"Title";…`), where
GM0344 and PV26 are both named Utrecht (the municipality and the province).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from helpers import run, run_json, write

CBS = Path(__file__).parent / "cbs"
TABLE, LIST = CBS / "kerncijfers.csv", CBS / "RegioS.csv"
# The newer download: `RegioSCodes.csv`, the code under `Identifier`.
CODES = (
    '"Identifier";"Index";"Title";"Description";"DimensionGroupId"\n"GM0344";1;"Utrecht";"";"1"\n'
)


def _entities(*args: str) -> list[str]:
    rows = run_json("table", *args)["rows"]
    return list(dict.fromkeys(row["entity"] for row in rows))


def test_a_list_beside_the_file_names_the_regions() -> None:
    result = run("table", "--data", str(TABLE), "--lang", "en")
    assert result.exit_code == 0
    assert f"{TABLE}: region names from {LIST} (found beside it)." in result.stderr
    assert _entities("--data", str(TABLE)) == [
        "Utrecht (GM0344)",
        "Amersfoort (GM0307)",
        "Utrecht (PV26)",
    ]


def test_the_figures_stay_with_their_region() -> None:
    rows = run_json("table", "--data", str(TABLE))["rows"]
    births = {row["entity"]: row["2018"] for row in rows if row["indicator"] == "Geboorten_1"}
    # Read off the CBS file: GM0344 "  3913", GM0307 "  1733", PV26 "   13820" in 2018.
    assert births == {
        "Utrecht (GM0344)": 3913,
        "Amersfoort (GM0307)": 1733,
        "Utrecht (PV26)": 13820,
    }


def test_a_name_shared_by_two_regions_is_ambiguous_the_code_decides() -> None:
    ambiguous = run("table", "--data", str(TABLE), "--entity", "Utrecht", "--lang", "en")
    assert ambiguous.exit_code == 2
    assert "Utrecht (GM0344), Utrecht (PV26)" in ambiguous.stderr
    assert _entities("--data", str(TABLE), "--entity", "Utrecht (GM") == ["Utrecht (GM0344)"]
    assert _entities("--data", str(TABLE), "--entity", "Amersfoort") == ["Amersfoort (GM0307)"]


def test_without_a_list_the_regions_keep_their_codes(tmp_path: Path) -> None:
    alone = shutil.copy(TABLE, tmp_path / "kerncijfers.csv")
    result = run("table", "--data", str(alone), "--lang", "en")
    assert "region names" not in result.stderr
    assert _entities("--data", str(alone)) == ["GM0344", "GM0307", "PV26"]


def test_regions_option_reads_the_newer_list_and_says_what_it_lacks(tmp_path: Path) -> None:
    alone = shutil.copy(TABLE, tmp_path / "kerncijfers.csv")
    codes = write(tmp_path, "lijst.csv", CODES)
    result = run("table", "--data", str(alone), "--regions", str(codes), "--lang", "en")
    assert result.exit_code == 0
    assert (
        f"{alone}: 2 region code(s) without a name in {codes} (such as GM0307, PV26); "
        "those regions are shown by their code."
    ) in result.stderr
    assert _entities("--data", str(alone), "--regions", str(codes)) == [
        "Utrecht (GM0344)",
        "GM0307",
        "PV26",
    ]


def test_the_option_wins_over_the_list_beside_the_file(tmp_path: Path) -> None:
    codes = write(tmp_path, "RegioSCodes.csv", CODES)
    result = run("table", "--data", str(TABLE), "--regions", str(codes), "--lang", "en")
    assert "found beside it" not in result.stderr
    assert _entities("--data", str(TABLE), "--regions", str(codes))[1] == "GM0307"


def test_a_sibling_named_after_the_newer_download_is_found(tmp_path: Path) -> None:
    alone = shutil.copy(TABLE, tmp_path / "kerncijfers.csv")
    write(tmp_path, "RegioSCodes.csv", CODES)
    assert _entities("--data", str(alone))[0] == "Utrecht (GM0344)"


def test_bad_region_lists_are_refused_naming_file_and_line(tmp_path: Path) -> None:
    alone = shutil.copy(TABLE, tmp_path / "kerncijfers.csv")
    no_title = write(tmp_path, "a.csv", '"Key";"Naam"\n"GM0344";"Utrecht"\n')
    result = run("table", "--data", str(alone), "--regions", str(no_title), "--lang", "en")
    assert result.exit_code == 4
    assert result.stderr == (
        f"kanaalstats: error: {no_title}, line 1: not a CBS region list: the header must have "
        "a column Key (or Identifier) with the region codes and a column Title with the names, "
        "but has Key, Naam.\n"
    )
    twice = write(tmp_path, "b.csv", '"Key";"Title"\n"GM0344";"Utrecht"\n"GM0344 ";"Utrecht"\n')
    result = run("table", "--data", str(alone), "--regions", str(twice), "--lang", "en")
    assert result.exit_code == 4
    assert "line 3: region code GM0344 already appears (line 2)" in result.stderr
    missing = run("table", "--data", str(alone), "--regions", str(tmp_path / "nope.csv"))
    assert missing.exit_code == 3


def test_a_list_for_no_cbs_file_is_said(tmp_path: Path) -> None:
    result = run("table", "--regions", str(LIST), "--lang", "en")
    assert result.exit_code == 0
    assert f"--regions {LIST}: none of the files is a CBS table" in result.stderr


def test_output_never_replaces_the_region_list(tmp_path: Path) -> None:
    own = shutil.copy(LIST, tmp_path / "RegioS.csv")
    before = Path(own).read_bytes()
    result = run("table", "--data", str(TABLE), "--regions", str(own), "-o", str(own))
    assert result.exit_code == 3
    assert Path(own).read_bytes() == before


def test_the_named_report_passes_check(tmp_path: Path) -> None:
    # `check` compares one entity's text with that entity's figures.
    chosen = ("--data", str(TABLE), "--entity", "Amersfoort")
    report = write(tmp_path, "r.md", run("report", *chosen).stdout)
    assert "Amersfoort (GM0307) – Geboorten: in 2019 afgenomen tot 1.679" in report.read_text(
        encoding="utf-8"
    )
    checked = run_json("check", "--text", str(report), *chosen)["rows"]
    assert checked
    assert {row["verdict"] for row in checked} == {"consistent"}
