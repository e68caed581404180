"""The streamed panel path of `growth` as CSV or JSON: the general path's bytes, block by block.

The oracle is the general path (whose figures test_panels.py and test_metrics.py check by
hand): for every panel the stream takes, its output must be byte for byte the same; for
every panel it cannot take, it must write nothing and leave the job to the general path.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import Result

from helpers import run, write
from kanaalstats import panel_stream
from kanaalstats.errors import ExitCode

pytest.importorskip("pyarrow")

HEADER = "entity,indicator,year,value,unit,label_nl,label_en"
# Years out of order within an entity, missing values, a zero and a negative base, a
# percentage, millions, a label only in Dutch, a name a spreadsheet would run as a formula.
PANEL = f"""{HEADER}
Utrecht,bezoek,2019,5.5,flow_millions,Bezoeken (mln),Visits (mln)
Utrecht,bezoek,2018,4.6,flow_millions,Bezoeken (mln),Visits (mln)
Utrecht,digitaal,2018,56,percent,Digitaal aangevraagd,
Utrecht,digitaal,2019,61,percent,Digitaal aangevraagd,
Utrecht,mails,2016,18300,flow,Mails,E-mails
Utrecht,mails,2017,,flow,Mails,E-mails
Utrecht,mails,2018,18671,flow,Mails,E-mails
Utrecht,mails,2019,15598,flow,Mails,E-mails
=Zeist,mails,2016,0,flow,Mails,E-mails
=Zeist,mails,2017,12,flow,Mails,E-mails
=Zeist,mails,2018,-3,flow,Mails,E-mails
=Zeist,mails,2019,4,flow,Mails,E-mails
=Zeist,bezoek,2019,0.25,flow_millions,Bezoeken (mln),Visits (mln)
Amersfoort,bezoek,2016,1.1,flow_millions,Bezoeken (mln),Visits (mln)
Amersfoort,bezoek,2017,1.3,flow_millions,Bezoeken (mln),Visits (mln)
Amersfoort,score,2019,7.4,score,Waardering,Rating
Amersfoort,score,2018,7.1,score,Waardering,Rating
"""


def _general(
    path: Path, out: Path, lang: str, monkeypatch: pytest.MonkeyPatch, fmt: str = "csv"
) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(panel_stream, "write_growth", lambda *_: False)
        result = run("growth", "--data", str(path), "--format", fmt, "--lang", lang, "-o", str(out))
    assert result.exit_code == 0, result.stderr


def _streamed(path: Path, out: Path, lang: str, fmt: str = "csv") -> None:
    streamed = panel_stream.write_growth(path, out, lang, as_json=fmt == "json")
    assert streamed, "the stream gave up on this panel"


def _rows(written: bytes, fmt: str) -> list[dict[str, str]]:
    """The rows, every cell as CSV text (JSON null as empty), to check both formats alike."""
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(written.decode())))
    return [
        {key: "" if value is None else str(value) for key, value in row.items()}
        for row in json.loads(written)["rows"]
    ]


def _left_to_the_general_path(path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> Result:
    """Check that the stream refuses the file, writing nothing, and that the command then
    gives what the general path gives: same output, same error, same exit code."""
    out = folder / "out.csv"
    assert not panel_stream.write_growth(path, out, "nl")
    assert not out.exists()
    command = ["growth", "--data", str(path), "--format", "csv"]
    through_command = run(*command)
    with monkeypatch.context() as patch:
        patch.setattr(panel_stream, "write_growth", lambda *_: False)
        general = run(*command)
    assert (through_command.exit_code, through_command.stdout, through_command.stderr) == (
        general.exit_code,
        general.stdout,
        general.stderr,
    )
    return general


@pytest.fixture
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    # A few rows per read and per block, so that entities run on over batches and blocks.
    monkeypatch.setattr(panel_stream, "READ_BYTES", 128)
    monkeypatch.setattr(panel_stream, "PARQUET_BATCH_ROWS", 2)
    monkeypatch.setattr(panel_stream, "BLOCK_ROWS", (3, 3))


def _as_parquet(csv_path: Path, **types: Any) -> Path:
    """The CSV panel as Parquet, its columns as pyarrow reads them or of the `types` given."""
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    table = pacsv.read_csv(
        csv_path, convert_options=pacsv.ConvertOptions(strings_can_be_null=False)
    )
    for name, kind in types.items():
        table = table.set_column(
            table.schema.get_field_index(name), name, table.column(name).cast(kind)
        )
    if "entity" not in types:
        # Parquet writers often store repeated names as a dictionary
        entity = pa.chunked_array([c.dictionary_encode() for c in table.column("entity").chunks])
        table = table.set_column(table.schema.get_field_index("entity"), "entity", entity)
    path = csv_path.with_suffix(".parquet")
    pq.write_table(table, path)
    return path


@pytest.mark.parametrize("fmt", ["csv", "json"])
@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("blocks", ["one", "many"])
def test_stream_writes_the_general_paths_bytes(
    fmt: str, lang: str, blocks: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if blocks == "many":
        monkeypatch.setattr(panel_stream, "READ_BYTES", 128)
        monkeypatch.setattr(panel_stream, "BLOCK_ROWS", (3, 3))
    path = write(tmp_path, "panel.csv", PANEL)
    _streamed(path, tmp_path / "streamed.out", lang, fmt)
    _general(path, tmp_path / "general.out", lang, monkeypatch, fmt)
    streamed = (tmp_path / "streamed.out").read_bytes()
    assert streamed == (tmp_path / "general.out").read_bytes()
    # In JSON a formula start is left as it is: only spreadsheets run it.
    zeist = "'=Zeist" if fmt == "csv" else "=Zeist"
    rows = {(r["entity"], r["indicator"], r["to_year"]): r for r in _rows(streamed, fmt)}
    utrecht = rows[("Utrecht", "bezoek", "2019")]
    assert utrecht["label"] == ("Visits (mln)" if lang == "en" else "Bezoeken (mln)")
    assert utrecht["change"] == "0.9"  # 5,5 - 4,6 mln
    assert float(utrecht["change_pct"]) == pytest.approx(19.5652173913, abs=1e-9)  # 0,9 / 4,6
    assert rows[("Utrecht", "digitaal", "2019")]["change_unit"] == "percentage_points"
    assert rows[("Utrecht", "digitaal", "2019")]["label"] == "Digitaal aangevraagd"
    assert rows[(zeist, "mails", "2017")]["note"] == "zero_base"  # 0 → 12
    assert rows[(zeist, "mails", "2019")]["note"] == "negative_base"  # -3 → 4
    assert rows[("Utrecht", "mails", "2018")]["note"] == "missing_value"  # 2017 is empty
    # Utrecht comes first, as in the file; its indicators in order of first appearance.
    order = [(r["entity"], r["indicator"]) for r in _rows(streamed, fmt)]
    assert order[0] == ("Utrecht", "bezoek")
    assert order.index((zeist, "bezoek")) < order.index((zeist, "mails"))


@pytest.mark.parametrize("fmt", ["csv", "json"])
@pytest.mark.parametrize("blocks", ["one", "many"])
def test_parquet_streams_to_the_general_paths_bytes(
    fmt: str, blocks: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyarrow as pa

    if blocks == "many":
        monkeypatch.setattr(panel_stream, "PARQUET_BATCH_ROWS", 2)
        monkeypatch.setattr(panel_stream, "BLOCK_ROWS", (3, 3))
    # Years stored as int16: any integer type is a year; the entity as a dictionary
    path = _as_parquet(write(tmp_path, "panel.csv", PANEL), year=pa.int16())
    _streamed(path, tmp_path / "streamed.out", "en", fmt)
    _general(path, tmp_path / "general.out", "en", monkeypatch, fmt)
    streamed = (tmp_path / "streamed.out").read_bytes()
    assert streamed == (tmp_path / "general.out").read_bytes()
    rows = {(r["entity"], r["indicator"], r["to_year"]): r for r in _rows(streamed, fmt)}
    assert rows[("Utrecht", "bezoek", "2019")]["change"] == "0.9"  # 5,5 - 4,6 mln
    assert rows[("Amersfoort", "score", "2019")]["label"] == "Rating"


@pytest.mark.parametrize(
    "case",
    ["year_as_float", "year_as_text", "missing_entity", "missing_label"],
)
def test_parquet_the_stream_cannot_take_goes_to_the_general_path(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_blocks: None
) -> None:
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    source = write(tmp_path, "panel.csv", PANEL)
    if case == "year_as_float":
        path = _as_parquet(source, year=pa.float64())
    elif case == "year_as_text":
        path = _as_parquet(source, year=pa.string())
    else:
        column = "entity" if case == "missing_entity" else "label_en"
        blanked = PANEL.replace("Amersfoort,", ",") if column == "entity" else PANEL
        path = _as_parquet(write(tmp_path, "panel.csv", blanked))
        table = pq.read_table(path)
        values = table.column(column).cast(pa.string())
        values = pc.if_else(pc.equal(values, ""), None, values)
        pq.write_table(table.set_column(table.schema.get_field_index(column), column, values), path)
    _left_to_the_general_path(path, tmp_path, monkeypatch)


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_the_command_streams_to_stdout_as_to_a_file(fmt: str, tmp_path: Path) -> None:
    path = write(tmp_path, "panel.csv", PANEL)
    out = tmp_path / "out"
    assert run("growth", "--data", str(path), "--format", fmt, "-o", str(out)).exit_code == 0
    printed = run("growth", "--data", str(path), "--format", fmt)
    assert printed.exit_code == 0
    assert printed.stdout_bytes == out.read_bytes()


def test_json_streams_names_that_csv_would_quote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_blocks: None
) -> None:
    path = write(tmp_path, "panel.csv", REFUSED["needs_quotes"].replace("Bergen", 'Ber""gen'))
    _streamed(path, tmp_path / "streamed.json", "nl", "json")
    _general(path, tmp_path / "general.json", "nl", monkeypatch, "json")
    streamed = (tmp_path / "streamed.json").read_bytes()
    assert streamed == (tmp_path / "general.json").read_bytes()
    # 2 - 1 = 1, +100%
    [row] = json.loads(streamed)["rows"]
    assert (row["entity"], row["change"], row["change_pct"]) == ('Ber"gen, NH', 1, 100)


REFUSED = {
    # entity rows apart: Utrecht comes back after Zeist
    "apart": f"{HEADER}\nUtrecht,a,2018,1,flow,,\nZeist,a,2018,1,flow,,\nUtrecht,a,2019,2,flow,,\n",
    # a year (2020) that only a later block has
    "late_year": (
        f"{HEADER}\nUtrecht,a,2018,1,flow,,\nUtrecht,a,2019,2,flow,,\n"
        "Zeist,a,2019,1,flow,,\nZeist,a,2020,2,flow,,\n"
    ),
    "unit_conflict": f"{HEADER}\nUtrecht,a,2018,1,flow,,\nZeist,a,2018,1,percent,,\n",
    "duplicate": f"{HEADER}\nUtrecht,a,2018,1,flow,,\nUtrecht,a,2018,2,flow,,\n",
    "bad_id": f"{HEADER}\nUtrecht,a b,2018,1,flow,,\nUtrecht,a b,2019,2,flow,,\n",
    "bad_value": f"{HEADER}\nUtrecht,a,2018,1,flow,,\nUtrecht,a,2019,3.6.1,flow,,\n",
    "infinite": f"{HEADER}\nUtrecht,a,2018,1,flow,,\nUtrecht,a,2019,inf,flow,,\n",
    "needs_quotes": f'{HEADER}\n"Bergen, NH",a,2018,1,flow,,\n"Bergen, NH",a,2019,2,flow,,\n',
    "no_unit": "entity,indicator,year,value\nUtrecht,a,2018,1\nUtrecht,a,2019,2\n",
    "no_entity": "indicator,year,value,unit\na,2018,1,flow\na,2019,2,flow\n",
    "bom": f"\ufeff{HEADER}\nUtrecht,a,2018,1,flow,,\nUtrecht,a,2019,2,flow,,\n",
    "one_year": f"{HEADER}\nUtrecht,a,2018,1,flow,,\nZeist,a,2018,1,flow,,\n",
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_what_the_stream_cannot_take_goes_to_the_general_path(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_blocks: None
) -> None:
    path = write(tmp_path, "panel.csv", REFUSED[case])
    general = _left_to_the_general_path(path, tmp_path, monkeypatch)
    assert [p.name for p in tmp_path.iterdir()] == ["panel.csv"]  # no temporary left
    if case in ("unit_conflict", "duplicate", "bad_id", "bad_value", "infinite"):
        assert general.exit_code == ExitCode.INVALID_DATA
        assert "panel.csv" in general.stderr


_NAMES = st.sampled_from(["Utrecht", "Zeist", "Houten", "-Bunnik", "Ede"])
_SERIES = st.tuples(
    st.sampled_from([("a", "flow"), ("b", "percent"), ("c", "flow_millions"), ("d", "score")]),
    st.dictionaries(
        st.integers(2014, 2020),
        st.one_of(
            st.none(),
            st.integers(-5, 10**7),
            st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False),
            st.decimals(0, 100, places=1).map(str),
        ),
        min_size=1,
    ),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    entities=st.lists(
        st.tuples(_NAMES, st.lists(_SERIES, min_size=1, max_size=3)),
        min_size=1,
        max_size=4,
        unique_by=lambda e: e[0],
    ),
    fmt=st.sampled_from(["csv", "json"]),
    parquet=st.booleans(),
)
def test_random_panels_stream_to_the_general_paths_bytes(
    entities: list[tuple[str, list[tuple[tuple[str, str], dict[int, object]]]]],
    fmt: str,
    parquet: bool,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    lines = ["entity,indicator,year,value,unit"]
    for entity, series in entities:
        seen: set[str] = set()
        for (indicator, unit), values in series:
            if indicator in seen:
                continue
            seen.add(indicator)
            for year, value in values.items():
                lines.append(f"{entity},{indicator},{year},{'' if value is None else value},{unit}")
    folder = tmp_path_factory.mktemp("random")
    path = write(folder, "panel.csv", "\n".join(lines) + "\n")
    if parquet:
        path = _as_parquet(path)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(panel_stream, "READ_BYTES", 256)
        patch.setattr(panel_stream, "PARQUET_BATCH_ROWS", 4)
        patch.setattr(panel_stream, "BLOCK_ROWS", (5, 5))
        as_json = fmt == "json"
        streamed = panel_stream.write_growth(path, folder / "streamed.csv", "nl", as_json)
        patch.setattr(panel_stream, "write_growth", lambda *_: False)
        general = run("growth", "--data", str(path), "--format", fmt, "-o", str(folder / "g.csv"))
    if streamed:
        assert general.exit_code == 0
        assert (folder / "streamed.csv").read_bytes() == (folder / "g.csv").read_bytes()
    else:
        assert not (folder / "streamed.csv").exists()


def _fresh_python(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, check=False
    )


def test_the_stream_does_not_import_pandas(tmp_path: Path) -> None:
    path = write(tmp_path, "panel.csv", PANEL)
    code = (
        "import sys; from pathlib import Path; from kanaalstats import panel_stream; "
        f"ok = panel_stream.write_growth(Path({str(path)!r}), Path('out.csv'), 'nl'); "
        "print(ok, 'pandas' in sys.modules)"
    )
    done = _fresh_python(code, tmp_path)
    assert done.stdout.split() == ["True", "False"], done.stderr


def test_a_stream_given_up_late_leaves_pandas_working(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Utrecht comes back after 60.000 rows: the stream has run several blocks with pandas
    # kept out when it gives up, and the general path (pyarrow → pandas) must still work.
    lines = [HEADER]
    for entity in range(3_000):
        lines += [f"GM{entity:04d},a,{year},{entity + year},flow,," for year in range(2000, 2020)]
    lines += ["GM0000,a,2020,1,flow,,"]
    path = write(tmp_path, "panel.csv", "\n".join(lines) + "\n")
    code = (
        "import sys; from kanaalstats.cli import app; "
        f"sys.argv = ['kanaalstats', 'growth', '--data', {str(path)!r}, '--format', 'csv', "
        "'-o', 'fresh.csv']; app()"
    )
    done = _fresh_python(code, tmp_path)
    assert done.returncode == 0, done.stderr
    _general(path, tmp_path / "general.csv", "nl", monkeypatch)
    assert (tmp_path / "fresh.csv").read_bytes() == (tmp_path / "general.csv").read_bytes()
