"""Figures marked provisional (`2020*` on a year, `2.310*` on a cell) are shown as such in
every output: a column for people, a boolean for machines, a sentence in the report.

The table (tests/fixtures/voorlopig/kerncijfers.csv), read off by hand:

                                      2018    2019     2020*
    aantal bezoeken balie            2.150   2.310*   2.480
    aantal klachten                    120     120       95
    % bellers direct geholpen          61%     63%        -

Provisional figures: bezoeken 2019 (its cell) and 2020 (the year), klachten 2020 (the year).
The percentage has no 2020 figure, so the year's mark marks nothing of it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpers import run, run_csv, run_json, write

TABLE = Path(__file__).parent / "fixtures" / "voorlopig" / "kerncijfers.csv"
VISITS, COMPLAINTS = "aantal_bezoeken_balie", "aantal_klachten"
CALLERS = "pct_bellers_direct_geholpen"


def _flags(command: str, *args: str, key: tuple[str, ...]) -> dict[tuple[object, ...], object]:
    rows = run_json(command, "--data", str(TABLE), *args)["rows"]
    return {tuple(row[k] for k in key): row["provisional"] for row in rows}


def test_growth_marks_each_change_from_or_to_a_provisional_figure() -> None:
    assert _flags("growth", key=("indicator", "from_year")) == {
        (VISITS, 2018): True,  # 2018 → 2019*: the 2019 cell is marked
        (VISITS, 2019): True,  # 2019* → 2020*
        (COMPLAINTS, 2018): False,  # 120 → 120, neither marked
        (COMPLAINTS, 2019): True,  # → 2020*
        (CALLERS, 2018): False,  # 61% → 63%
        (CALLERS, 2019): False,  # 63% → no figure: nothing provisional compared
    }


def test_daily_share_table_trend_and_report_carry_the_flag() -> None:
    daily = _flags("daily", key=("indicator", "year"))
    assert daily == {
        (VISITS, 2018): False,
        (VISITS, 2019): True,
        (VISITS, 2020): True,
        (COMPLAINTS, 2018): False,
        (COMPLAINTS, 2019): False,
        (COMPLAINTS, 2020): True,
    }
    share = _flags("share", COMPLAINTS, VISITS, key=("year",))
    assert share == {(2018,): False, (2019,): True, (2020,): True}  # either side marked
    whole_rows = {(VISITS,): True, (COMPLAINTS,): True, (CALLERS,): False}
    assert _flags("table", key=("indicator",)) == whole_rows
    assert _flags("trend", key=("indicator",)) == whole_rows
    assert _flags("report", "--year", "2019", key=("indicator",)) == {
        (VISITS,): True,  # 2019*
        (COMPLAINTS,): False,
        (CALLERS,): False,
    }


@pytest.mark.parametrize("command", ["growth", "daily", "table", "trend", "report"])
def test_csv_json_and_ndjson_say_the_same(command: str) -> None:
    from_json = [row["provisional"] for row in run_json(command, "--data", str(TABLE))["rows"]]
    from_csv = [row["provisional"] for row in run_csv(command, "--data", str(TABLE))]
    lines = run(command, "--data", str(TABLE), "--format", "ndjson").stdout.splitlines()
    from_ndjson = [json.loads(line)["provisional"] for line in lines]
    assert True in from_json
    assert False in from_json
    assert from_ndjson == from_json
    assert from_csv == ["true" if flag else "false" for flag in from_json]


def test_people_see_a_column_in_their_language() -> None:
    dutch = run("growth", "--data", str(TABLE), "--format", "markdown").stdout
    assert "| Voorlopig |" in dutch
    # klachten 2018 → 2019 (120 → 120) is final, 2019 → 2020 is not.
    # The columns end with Opmerking (empty: both figures present) and Voorlopig.
    assert "| aantal klachten | 2018 | 2019 | 120 | 120 | 0 | 0,0% |  |  |\n" in dutch
    assert "| aantal klachten | 2019 | 2020 | 120 | 95 | -25 | -20,8% |  | voorlopig |\n" in dutch
    english = run("daily", "--data", str(TABLE), "--lang", "en", "--format", "markdown").stdout
    assert "| Provisional |" in english
    assert "| aantal bezoeken balie | 2019 | 2,310 | 365 | 6.3 | provisional |" in english


def test_without_provisional_figures_people_see_no_such_column() -> None:
    assert "Voorlopig" not in run("growth", "--format", "markdown").stdout
    assert {row["provisional"] for row in run_json("daily")["rows"]} == {False}


def test_report_says_which_figures_are_provisional() -> None:
    rows = {
        row["indicator"]: row["sentence"]
        for row in run_json("report", "--data", str(TABLE), "--year", "2020")["rows"]
    }
    # 2.480 against 2.310*: both figures the sentence states are provisional.
    assert rows[VISITS].endswith(" De cijfers van 2019 en 2020 zijn voorlopig.")
    assert rows[COMPLAINTS].endswith(" Het cijfer van 2020 is voorlopig.")
    assert "voorlopig" not in rows[CALLERS]  # no 2020 figure to be provisional
    english = run_json("report", "--data", str(TABLE), "--year", "2019", "--lang", "en")
    said = {row["indicator"]: row["sentence"] for row in english["rows"]}
    assert said[VISITS].endswith(" The figure for 2019 is provisional.")
    assert "provisional" not in said[COMPLAINTS]


def test_the_report_with_its_marks_passes_check(tmp_path: Path) -> None:
    report = write(tmp_path, "r.md", run("report", "--data", str(TABLE), "--year", "2020").stdout)
    checked = run_json("check", "--text", str(report), "--data", str(TABLE))["rows"]
    # Bezoeken: 2.480, 7% (2.480/2.310 = 1,0736), 2.310, per day 6,8 (2.480/366) and 6,3
    # (2.310/365); klachten: 95, 21% (25/120 = 20,8%), 120. The marks' years are no figures.
    assert len(checked) == 8
    assert {row["verdict"] for row in checked} == {"consistent"}


def test_table_csv_read_back_says_the_flag_is_not_per_year(tmp_path: Path) -> None:
    written = run("table", "--data", str(TABLE), "--format", "csv").stdout
    exported = write(tmp_path, "t.csv", written)
    result = run("table", "--data", str(exported), "--lang", "en")
    assert result.exit_code == 0
    assert (
        f"kanaalstats: warning: {exported}: the column 'provisional' says "
        f"{VISITS}, {COMPLAINTS} has a provisional figure, but not for which year;"
    ) in result.stderr


def test_the_pages_table_marks_each_provisional_figure(tmp_path: Path) -> None:
    page = tmp_path / "pagina.html"
    result = run("report", "--data", str(TABLE), "--format", "html", "-o", str(page))
    assert result.exit_code == 0, result.stderr
    html = page.read_text(encoding="utf-8")
    table = html.split('<section id="kerncijfers">', 1)[1].split("</section>", 1)[0]
    cells = re.findall(r'<td class="n">([^<]*)</td>', table)
    # Row by row, 2018 2019 2020: bezoeken 2.310* and the year 2020* marked; klachten only
    # 2020; the percentage's 2020 is missing ("–"), which nothing marks.
    assert cells == [
        "2.150", "2.310 (v)", "2.480 (v)",
        "120", "120", "95 (v)",
        "61%", "63%", "–",
    ]  # fmt: skip
    assert '<p class="note">(v) voorlopig cijfer</p>' in table
