"""Panels: a long form with an entity column, --entity, Parquet, and the fast CSV writer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from helpers import run, run_json, write
from kanaalstats.domain.errors import ExitCode
from kanaalstats.render import machine

PANEL = """entity,indicator,year,value,unit
Amersfoort,bezoek,2018,1.1,flow_millions
Amersfoort,bezoek,2019,1.3,flow_millions
Amersfoort,mails,2016,3660,flow
Amersfoort,mails,2019,3650,flow
Utrecht,bezoek,2018,4.6,flow_millions
Utrecht,bezoek,2019,5.5,flow_millions
Utrecht,mails,2016,18300,flow
Utrecht,mails,2017,,flow
Utrecht,mails,2018,18671,flow
Utrecht,mails,2019,15598,flow
"""


@pytest.fixture
def panel(tmp_path: Path) -> str:
    return str(write(tmp_path, "panel.csv", PANEL))


def _rows(*args: str) -> dict[tuple[Any, ...], dict[str, Any]]:
    rows = run_json(*args)["rows"]
    return {(r["entity"], r["indicator"], r.get("from_year"), r.get("to_year")): r for r in rows}


def test_growth_per_entity(panel: str) -> None:
    rows = _rows("growth", "--data", panel)
    amersfoort = rows["Amersfoort", "bezoek", 2018, 2019]
    # 1,3 - 1,1 = 0,2 million; 0,2 / 1,1 = 18,18%
    assert amersfoort["change"] == pytest.approx(0.2)
    assert amersfoort["change_pct"] == pytest.approx(18.1818, abs=1e-4)
    utrecht = rows["Utrecht", "mails", 2018, 2019]
    # 15.598 - 18.671 = -3.073; -3.073 / 18.671 = -16,46%
    assert utrecht["change"] == -3073
    assert utrecht["change_pct"] == pytest.approx(-16.4587, abs=1e-4)
    # 2017 is empty for Utrecht: the change into 2018 is missing, not 0
    assert rows["Utrecht", "mails", 2017, 2018]["note"] == "missing_value"
    # Amersfoort has no 2018 row for mails: 2019 has no previous value
    assert rows["Amersfoort", "mails", 2018, 2019]["change"] is None


def test_growth_over_a_span_per_entity(panel: str) -> None:
    rows = _rows("growth", "mails", "--from", "2016", "--to", "2019", "--data", panel)
    amersfoort = rows["Amersfoort", "mails", 2016, 2019]
    # 3.650 - 3.660 = -10; -10 / 3.660 = -0,2732%; (3.650 / 3.660) ** (1/3) - 1 = -0,0911%
    assert amersfoort["change"] == -10
    assert amersfoort["change_pct"] == pytest.approx(-0.27322, abs=1e-5)
    assert amersfoort["cagr_pct"] == pytest.approx(-0.09115, abs=1e-5)
    assert len(rows) == 2


def test_csv_carries_the_entity_first(panel: str) -> None:
    out = run("growth", "--data", panel, "--format", "csv").stdout
    assert out.startswith("entity,indicator,label,")
    assert "\nUtrecht,mails,mails,flow,2018,2019,18671,15598,-3073," in out


def test_daily_and_share_per_entity(panel: str) -> None:
    daily = {
        (r["entity"], r["year"]): r for r in run_json("daily", "mails", "--data", panel)["rows"]
    }
    # 2016 has 366 days: 3.660 / 366 = 10,0 and 18.300 / 366 = 50,0
    assert daily["Amersfoort", 2016]["per_day"] == pytest.approx(10.0)
    assert daily["Utrecht", 2016]["per_day"] == pytest.approx(50.0)
    shares = {
        (r["entity"], r["year"]): r
        for r in run_json("share", "mails", "bezoek", "--data", panel)["rows"]
    }
    # 15.598 / 5.500.000 = 0,2836%
    assert shares["Utrecht", 2019]["share_pct"] == pytest.approx(0.283600, abs=1e-6)


def test_table_trend_and_report_per_entity(panel: str) -> None:
    table = {(r["entity"], r["indicator"]): r for r in run_json("table", "--data", panel)["rows"]}
    assert table["Utrecht", "bezoek"]["2019"] == 5.5
    assert table["Amersfoort", "mails"]["2017"] is None
    trend = {(r["entity"], r["indicator"]): r for r in run_json("trend", "--data", panel)["rows"]}
    # 15.598 lowest, 18.671 highest: 18.300 sits at (18.300 - 15.598) / 3.073 × 7 = 6,2 → ▇
    assert trend["Utrecht", "mails"]["sparkline"] == "▇ █▁"
    report = run("report", "--data", panel, "--year", "2019").stdout
    # 4,6 → 5,5 million stands for 4,55-4,65 → 5,45-5,55: +17,2% to +22,0%, a range of 4,8
    # points, so the whole percent is hedged: "zo'n 20% meer" (central 19,6%).
    assert "Utrecht – Het bezoek is in 2019 toegenomen tot 5,5 miljoen, zo'n 20% meer" in report


def test_indicators_list_each_year_once(panel: str) -> None:
    rows = {r["indicator"]: r for r in run_json("indicators", "--data", panel)["rows"]}
    # bezoek: 2018 and 2019 for both entities; mails: 2016 (both), 2018 (Utrecht), 2019 (both)
    # 2017 is empty for Utrecht and absent for Amersfoort, so it is a gap
    assert rows["bezoek"]["years"] == "2018–2019"
    assert rows["mails"]["years"] == "2016, 2018–2019"


def test_entity_selection(panel: str) -> None:
    rows = run_json("growth", "--data", panel, "--entity", "utr")["rows"]
    assert {r["entity"] for r in rows} == {"Utrecht"}
    unknown = run("growth", "--data", panel, "--entity", "Utreht")
    assert unknown.exit_code == ExitCode.USAGE
    assert "Utrecht" in unknown.stderr
    assert run("growth", "--entity", "Utrecht").exit_code == ExitCode.USAGE  # not a panel


def test_check_needs_one_entity(panel: str, tmp_path: Path) -> None:
    assert run("check", "--data", panel).exit_code == ExitCode.USAGE
    claims = write(
        tmp_path,
        "claims.toml",
        '[[claim]]\nid = "m"\nquote = "q"\nkind = "growth"\nindicator = "mails"\n'
        'from = 2018\nto = 2019\nstated = "-16%"\n',
    )
    result = run(
        "check", "--data", panel, "--entity", "Utrecht", "--claims", str(claims), "--format", "json"
    )
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["rows"][0]["verdict"] == "consistent"


@pytest.mark.parametrize(
    ("content", "key", "line"),
    [
        ("entity,indicator,year,value\nA,x,2019,1\nA,x,2019,2\n", "already appears", 3),
        ("entity,indicator,year,value\nA,x,2018,1\nA,x,2019,veel\n", "'veel' is not a number", 3),
        ("entity,indicator,year,value\nA,x,2018,1\nA,x,twee,2\n", "'twee' is not a year", 3),
        ("indicator,year,value,unit\nx,2018,1,flow\nx,2019,2,stock\n", "has unit 'stock' here", 3),
        # spaces after the delimiters in the header: the value column is still checked
        ("entity, indicator, year, value\nA,x,2018,1\nA,x,2019,veel\n", "'veel' is not", 3),
        # a row one cell short is line 3, not the header
        ("entity,indicator,year,value,unit\nA,x,2018,1,flow\nA,x,2019,2\n", "Expected 5", 3),
        ("entity,indicator,year,value\nA,x,,1\nA,x,2019,2\n", "'' is not a year", 2),
        # blank lines are skipped but counted: the bad unit stands on line 6
        ("indicator,year,value,unit\nx,2018,1,flow\n\nx,2019,2,flow\n\nx,2020,2,kg\n", "'kg'", 6),
        # the repeat of line 3 is line 4, though line 2's key (x 2018) comes back on line 5
        (
            "indicator,year,value\nx,2018,1\ny,2018,1\ny,2018,1\nx,2018,2\n",
            "y 2018 already appears (line 3)",
            4,
        ),
    ],
)
def test_long_form_refusals_name_the_line(
    tmp_path: Path, content: str, key: str, line: int
) -> None:
    result = run("table", "--data", str(write(tmp_path, "p.csv", content)), "--lang", "en")
    assert result.exit_code == ExitCode.INVALID_DATA
    assert f"line {line}" in result.stderr
    assert key in result.stderr


def test_parquet_gives_the_same_figures(panel: str, tmp_path: Path) -> None:
    import pandas as pd

    parquet = tmp_path / "panel.parquet"
    pd.read_csv(panel).to_parquet(parquet)
    from_csv = run_json("growth", "--data", panel)["rows"]
    from_parquet = run_json("growth", "--data", str(parquet))["rows"]
    assert from_parquet == from_csv


def test_missing_texts_in_parquet_read_as_empty_cells(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    def panel(name: str, **columns: list[Any]) -> str:
        base: dict[str, list[Any]] = {
            "entity": ["A", "A"],
            "indicator": ["x", "x"],
            "year": [2018, 2019],
            "value": [1.0, 2.0],
            "unit": ["flow", "flow"],
            "label_nl": ["Iks", "Iks"],
            "label_en": [None, None],
        }
        path = tmp_path / name
        pq.write_table(pa.table({**base, **columns}), path)
        return str(path)

    # No English label: the Dutch one
    rows = run_json("growth", "--data", panel("labels.parquet"), "--lang", "en")["rows"]
    assert [(r["entity"], r["label"], r["change"]) for r in rows] == [("A", "Iks", 1)]
    # No entity named: as an empty entity column in CSV, a table of one area; 2 - 1 = 1
    rows = run_json("growth", "--data", panel("entity.parquet", entity=[None, None]))["rows"]
    assert [(r.get("entity"), r["change"]) for r in rows] == [(None, 1)]
    # A missing unit or id is refused with the row's line, as an empty CSV cell is
    unit = run("growth", "--data", panel("unit.parquet", unit=["flow", None]))
    assert unit.exit_code == ExitCode.INVALID_DATA
    assert "unit.parquet, regel 3" in unit.stderr  # the second row of data
    assert "Traceback" not in unit.stderr
    no_id = run("growth", "--data", panel("id.parquet", indicator=[None, "x"]))
    assert no_id.exit_code == ExitCode.INVALID_DATA
    assert "id.parquet" in no_id.stderr


def test_parquet_years_must_be_whole(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    def years(name: str, stored: list[Any]) -> Any:
        path = tmp_path / name
        table = {"indicator": ["x", "x"], "year": stored, "value": [1.0, 2.0], "unit": ["flow"] * 2}
        pq.write_table(pa.table(table), path)
        return run("growth", "--data", str(path), "--format", "csv")

    # 2019.5 is no year (it was read as 2019); 2019.0 is, and so is the text "2019"
    half = years("half.parquet", [2018.0, 2019.5])
    assert half.exit_code == ExitCode.INVALID_DATA
    assert "half.parquet, regel 3: '2019.5'" in half.stderr
    assert (
        years("whole.parquet", [2018.0, 2019.0])
        .stdout.splitlines()[1]
        .startswith(
            "x,x,flow,2018,2019,1,2,1,"  # 2 - 1 = 1
        )
    )
    assert years("text.parquet", ["2018", "2019"]).exit_code == 0
    assert years("empty.parquet", [2018.0, None]).exit_code == ExitCode.INVALID_DATA


def test_clean_numbers_drops_binary_noise() -> None:
    import numpy as np

    cleaned = machine.clean_numbers(np.array([5.5 - 4.6, 1 / 3, 1e308, np.inf, 0.0, -2.5e-9]))
    assert cleaned[0] == 0.9  # 0.8999999999999995 → 0.9
    assert repr(float(cleaned[1])) == "0.333333333333333"
    assert cleaned[2] == 1e308
    assert np.isnan(cleaned[3])
    assert cleaned[4] == 0.0
    assert cleaned[5] == -2.5e-9


# Counts and percentages in one column, with a few cells pyarrow would write otherwise than
# Python (1e10 and up, below 1e-4, beyond 2^53), missing ones and minus zero.
_CELLS = st.one_of(
    st.integers(min_value=-(10**12), max_value=10**12).map(float),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0.5, -0.0, 1e10, 9999999999.5, 1e-4, 9.99e-5, 2.0**53, 2.0**53 + 2]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_CELLS, min_size=1, max_size=40))
@example([0.5, 0.25, 0.125, 0.3, 1e10])  # one whole number in five: written with the floats
@example([1.0, 2.0, 0.5, 1e10, float("nan")])  # whole numbers apart, as integers
def test_numbers_are_written_as_python_writes_them(cells: list[float]) -> None:
    import math

    import numpy as np

    from kanaalstats.domain.result import Kind

    def python(x: float) -> str | None:
        if not math.isfinite(x):
            return None
        if x == int(x) and abs(x) < 2**53:
            return str(int(x))  # a whole number without ".0", and minus zero as 0
        return repr(x)

    written = machine._numbers_as_text(Kind.VALUE, np.array(cells, dtype="float64"))
    assert written.to_pylist() == [python(x) for x in cells]


def test_first_rows_are_found_in_any_order() -> None:
    import numpy as np

    from kanaalstats.load.long_form import first_rows_of

    # Code 2 first stands on row 0, 0 on row 2, 1 on row 3, -1 (missing) on row 6; the
    # runs (2, 2) and the return of 0 and 2 on rows 4 and 5 add none.
    codes = np.array([2, 2, 0, 1, 0, 2, -1, 1, 1], dtype=np.int8)
    assert first_rows_of(codes).tolist() == [0, 2, 3, 6]
    assert first_rows_of(np.array([], dtype=np.int8)).tolist() == []


def test_a_blocks_texts_are_the_categories_it_uses() -> None:
    import pandas as pd

    # Six categories; the block uses c, e and f (codes 2, 4, 5), not d between them, and
    # has one missing cell. Renumbered among the used: c → 0, e → 1, f → 2, missing → -1.
    categories = ["a", "b", "c", "d", "e", "f"]
    column = pd.Series(pd.Categorical(["e", "c", None, "f", "e"], categories=categories))
    names, codes = machine.distinct_texts(column)
    assert names == ["c", "e", "f"]
    assert codes.tolist() == [1, 0, -1, 2, 1]
    # Every category used: the codes stay as they are (b → 1, a → 0).
    names, codes = machine.distinct_texts(pd.Series(pd.Categorical(["b", "a"])))
    assert (names, codes.tolist()) == (["a", "b"], [1, 0])
    # Nothing but missing cells, and no rows at all: no texts.
    names, codes = machine.distinct_texts(
        pd.Series(pd.Categorical([None, None], categories=categories))
    )
    assert (names, codes.tolist()) == ([], [-1, -1])
    names, codes = machine.distinct_texts(pd.Series(pd.Categorical([], categories=categories)))
    assert (names, codes.tolist()) == ([], [])


def _machine_bytes(frame: Any, columns: list[Any], fmt: Any, lang: str = "nl") -> str:
    import io

    from kanaalstats.domain.result import Outline, Result
    from kanaalstats.render.writers import writer_for

    stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    writer = writer_for(fmt, stream, Outline("growth", "title_growth"), lang, True)
    # Two blocks: the rows of the second follow the first's as if they were one.
    half = len(frame) // 2
    writer.write(Result(frame.iloc[:half], columns))
    writer.write(Result(frame.iloc[half:], columns))
    from kanaalstats.domain.result import Ending

    writer.end(Ending())
    return stream.buffer.getvalue().decode("utf-8")  # type: ignore[attr-defined]


def _as_python_writes(value: Any) -> Any:
    """What Python's csv and json modules are given for a number: an int where whole."""
    if value is None or value != value:
        return None
    value = value + 0.0  # -0.0 is 0
    return int(value) if value == int(value) and abs(value) < 2**53 else value


@pytest.mark.parametrize(
    ("names", "numbers"),
    [
        (
            ["Utrecht", None, 'De "Bilt"', "back\\slash", "'s-Hertogenbosch", "Súdwest-Fryslân"],
            [1.5, None, 1234560000000.0, 1e-7, 0.00001, 12345678901.5],
        ),
        (
            ["=1+1", "tab\there", "line\nbreak", "", "漢字", "a,b"],
            [-0.0, 3.0, 2.0**60, None, 7.0, 0.1],
        ),
    ],
)
def test_machine_writers_write_what_pythons_csv_and_json_write(
    names: list[str | None], numbers: list[float | None]
) -> None:
    import csv
    import io

    import pandas as pd

    from kanaalstats.domain.choices import OutputFormat
    from kanaalstats.domain.result import Column, Kind

    frame = pd.DataFrame(
        {
            "entity": pd.Series(names, dtype="string"),
            "x": pd.Series(numbers, dtype="float64"),
            "label_nl": ["één", "twee", "drie", "vier", "vijf", "zes"],
            "label_en": ["one", "", None, "four", "five", "six"],
        }
    )
    columns = [
        Column("entity", "col_entity", Kind.TEXT),
        Column("x", "x", Kind.VALUE),
        Column("label", "col_label", Kind.LABEL),
    ]
    expected_rows = [
        [name, _as_python_writes(number), label]
        for name, number, label in zip(
            names, numbers, ["één", "twee", "drie", "vier", "vijf", "zes"], strict=True
        )
    ]
    # The oracle: Python's csv module, with formula starts neutralised by a leading '
    oracle = io.StringIO(newline="")
    writer = csv.writer(oracle, lineterminator="\r\n")
    writer.writerow(["entity", "x", "label"])
    for name, number, label in expected_rows:
        shown = "'" + name if name and name[0] in "=+-@\t\r" else name
        writer.writerow([shown, number, label])
    assert _machine_bytes(frame, columns, OutputFormat.CSV) == oracle.getvalue()
    # and json.dumps, row by row
    for lang, labels in (("nl", None), ("en", ["one", "twee", "drie", "four", "five", "six"])):
        written = _machine_bytes(frame, columns, OutputFormat.JSON, lang)
        rows = [
            json.dumps(
                {"entity": n, "x": x, "label": labels[i] if labels else label},
                ensure_ascii=False,
            )
            for i, (n, x, label) in enumerate(expected_rows)
        ]
        head = '{\n  "command": "growth",\n  "rows": [\n    '
        assert written == head + ",\n    ".join(rows) + '\n  ],\n  "notes": []\n}\n'


def test_a_panels_refusal_names_the_entity_after_the_line(tmp_path: Path) -> None:
    # Utrecht's mails 2019 stand on lines 3 and 4 (the header is line 1)
    content = (
        "entity,indicator,year,value\nAmersfoort,mails,2019,1\nUtrecht,mails,2019,2\n"
        "Utrecht,mails,2019,3\n"
    )
    path = str(write(tmp_path, "dup.csv", content))
    dutch = run("growth", "--data", path)
    assert dutch.exit_code == ExitCode.INVALID_DATA
    assert "dup.csv, regel 4 (gebied Utrecht): mails 2019 staat er al (regel 3)" in dutch.stderr
    english = run("growth", "--data", path, "--lang", "en")
    assert "dup.csv, line 4 (entity Utrecht): mails 2019 already appears" in english.stderr
    # A table of one area has no entity to name
    single = str(write(tmp_path, "one.csv", "indicator,year,value\nx,2019,1\nx,2019,2\n"))
    assert "one.csv, regel 3: x 2019" in run("growth", "--data", single).stderr
