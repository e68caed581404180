"""The one pipeline: every command in every format writes the same bytes whether a panel is
computed as one block or in blocks of a few rows (of whole entities)."""

from __future__ import annotations

import html
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any
from unittest import mock

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kanaalstats.app import Request, write_blocks
from kanaalstats.commands.base import Command
from kanaalstats.commands.daily import Daily
from kanaalstats.commands.growth import Growth
from kanaalstats.commands.indicators import Indicators
from kanaalstats.commands.report import Report
from kanaalstats.commands.share import Share
from kanaalstats.commands.table import Table
from kanaalstats.commands.trend import Trend
from kanaalstats.domain.choices import DaysBasis, OutputFormat
from kanaalstats.domain.dataset import Dataset
from kanaalstats.domain.errors import KanaalstatsError, UsageError
from kanaalstats.load.blocks import blocks
from kanaalstats.load.files import load
from kanaalstats.render.writers import writer_for

INDICATORS = (("a", "flow"), ("b", "percent"), ("c", "flow_millions"), ("d", "stock"))
YEARS = range(2015, 2020)

COMMANDS: dict[str, Callable[[str], Command]] = {
    "table": lambda lang: Table(None, lang),
    "indicators": lambda lang: Indicators(),
    "growth": lambda lang: Growth(None, None, None),
    "growth_span": lambda lang: Growth(["a", "c"], 2015, 2019),
    "daily": lambda lang: Daily(None, None, DaysBasis.CALENDAR),
    "share": lambda lang: Share("a", "d", None, lang),
    "share_year": lambda lang: Share("a", "d", 2019, lang),
    "report": lambda lang: Report(None, 2018, DaysBasis.FIXED_365, lang),
    "report_one": lambda lang: Report(["b"], None, DaysBasis.CALENDAR, lang),
    "trend": lambda lang: Trend(None),
    "report_context": lambda lang: Report(None, None, DaysBasis.CALENDAR, lang, context=True),
}


@st.composite
def panels(draw: st.DrawFn) -> str:
    """A long CSV of a few entities, each with some of the indicators and years; values
    missing, zero, negative or fractional now and then."""
    value = st.one_of(
        st.none(),
        st.just(0.0),
        st.integers(-50, 5000).map(float),
        st.floats(0.1, 99.9).map(lambda v: round(v, 1)),
    )
    lines = ["entity,indicator,year,value,unit"]
    for entity in draw(st.lists(st.sampled_from("PQRSTUVW"), min_size=1, max_size=6, unique=True)):
        for indicator, unit in INDICATORS:
            if indicator != "a" and draw(st.integers(0, 4)) == 0:
                continue  # an entity without this indicator: some blocks lack it
            for year in YEARS:
                if year > YEARS[0] and draw(st.integers(0, 5)) == 0:
                    continue  # no row at all for this year
                cell = draw(value)
                lines.append(f"{entity},{indicator},{year},{'' if cell is None else cell},{unit}")
    return "\n".join(lines) + "\n"


def _output(command: Command, data: Dataset, fmt: OutputFormat, lang: str, rows: int) -> bytes:
    """What the pipeline writes, or the error it stops with."""
    stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    try:
        command.writes(fmt)
        command.prepare(data)
        write_blocks(Request(command, None, fmt, lang, block_rows=rows), data, stream, True)
    except KanaalstatsError as error:
        return f"{error.exit_code}: {error.message}".encode()
    stream.flush()
    return stream.buffer.getvalue()  # type: ignore[attr-defined, no-any-return]


def _outputs(
    make: Callable[[str], Command], data: Dataset, lang: str, rows: int
) -> dict[OutputFormat, bytes]:
    """What every accepted format writes, or the error it stops with, from one computation
    of the blocks per state the formats leave the command in (a page is a state of its own).
    CSV goes last, so that a writer that changed a result it was handed would show."""
    formats = sorted(_accepted(make(lang)), key=lambda fmt: fmt is OutputFormat.CSV)
    groups: dict[tuple[tuple[str, Any], ...], tuple[Command, list[OutputFormat]]] = {}
    for fmt in formats:
        command = make(lang)
        command.writes(fmt)
        state = tuple(sorted((k, repr(v)) for k, v in vars(command).items()))
        groups.setdefault(state, (command, []))[1].append(fmt)
    written: dict[OutputFormat, bytes] = {}
    for command, group in groups.values():
        try:
            command.prepare(data)
            size = rows if command.per_entity else len(data.values)
            results = [command.block(block) for block in blocks(data, size)]
            ending = command.finish()
        except KanaalstatsError as error:
            written.update(dict.fromkeys(group, f"{error.exit_code}: {error.message}".encode()))
            continue
        for fmt in group:
            stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
            writer = writer_for(fmt, stream, command.outline(), lang, to_file=True)
            for result in results:
                writer.write(result)
            writer.end(ending)
            stream.flush()
            written[fmt] = stream.buffer.getvalue()  # type: ignore[attr-defined]
    return written


@pytest.mark.parametrize("name", sorted(COMMANDS))
@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(panel=panels(), lang=st.sampled_from(["nl", "en"]))
# A block whose every value of a year is missing: that year's column is still listed under
# "years" in JSON.
@example(
    panel="entity,indicator,year,value,unit\nP,a,2015,,flow\nP,a,2019,,flow\n"
    "Q,a,2015,,flow\nR,a,2015,0.0,flow\n",
    lang="nl",
)
def test_blocks_of_three_rows_write_what_one_block_writes(
    tmp_path: Path, name: str, panel: str, lang: str
) -> None:
    # One test per command, so that the test runner can spread them over the cores. Each
    # block size is computed once and written in every format.
    path = tmp_path / "panel.csv"
    path.write_text(panel, encoding="utf-8")
    data = load([path])
    make = COMMANDS[name]
    with mock.patch("kanaalstats.render.chart.render_chart", _chart_of_its_input):
        whole = _outputs(make, data, lang, 10**9)
        in_blocks = _outputs(make, data, lang, 3)
    assert list(in_blocks) == list(whole)
    for fmt, written in whole.items():
        assert in_blocks[fmt] == written, (name, fmt)
    # The app's own loop writes the same bytes as the writers fed by hand.
    assert _output(make(lang), data, OutputFormat.CSV, lang, 3) == whole[OutputFormat.CSV]
    # Every format writes something; only a share may stop in every format at the same error
    # (its denominator is 0 throughout).
    compared = sum(not written.startswith(b"5: ") for written in whole.values())
    assert compared == len(whole) or (name.startswith("share") and compared == 0)


def _chart_of_its_input(
    frame: pd.DataFrame, years: list[int], lang: str, *args: Any, **kwargs: Any
) -> bytes:
    """A stand-in for the page's charts: an SVG that is the part of its input a chart draws
    (series, labels, units, a value per year) written out. Drawing is a function of that
    input alone (test_chart.py, test_trend.py); what the property asks is that blocks hand
    the page the same input, and matplotlib would take most of its time."""
    read = ["entity", "indicator", "label_nl", "label_en", "unit", *map(str, years)]
    drawn = frame[[column for column in read if column in frame]]
    text = f"{drawn.to_csv(index=False)}{years}{lang}{args}{sorted(kwargs.items())}"
    return f"<svg><desc>{html.escape(text)}</desc></svg>".encode()


def _accepted(command: Command) -> list[OutputFormat]:
    """The formats the command line lets the command write (a page is `report`'s only)."""
    accepted = []
    for fmt in OutputFormat:
        try:
            command.writes(fmt)
        except UsageError:
            continue
        accepted.append(fmt)
    return accepted


def test_only_report_writes_a_page() -> None:
    # The property above compares the formats a command accepts; HTML is report's alone.
    assert OutputFormat.HTML in _accepted(COMMANDS["report"]("nl"))
    assert sorted(n for n in COMMANDS if OutputFormat.HTML in _accepted(COMMANDS[n]("nl"))) == [
        "report",
        "report_context",
        "report_one",
    ]
    assert len(_accepted(COMMANDS["trend"]("nl"))) == len(OutputFormat) - 1


def test_a_panel_is_cut_between_entities() -> None:
    from kanaalstats.load.blocks import blocks

    # 3 entities of 2, 3 and 1 rows; blocks of at least 2 rows end where an entity ends
    rows = ["P,a,2018,1", "P,a,2019,2", "Q,a,2017,1", "Q,a,2018,2", "Q,a,2019,3", "R,a,2019,9"]
    text = "entity,indicator,year,value\n" + "\n".join(rows) + "\n"
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "p.csv"
        data.write_text(text, encoding="utf-8")
        dataset = load([data])
    sizes = [[str(e) for e in block.values["entity"].unique()] for block in blocks(dataset, 2)]
    assert sizes == [["P"], ["Q"], ["R"]]
    assert [list(b.values["entity"].astype(str).unique()) for b in blocks(dataset, 3)] == [
        ["P", "Q"],
        ["R"],
    ]
    assert [len(b.values) for b in blocks(dataset, 100)] == [6]


def _in_blocks_of_one_row(tmp_path: Path, text: str, make: Callable[[str], Command]) -> bytes:
    path = tmp_path / "p.csv"
    path.write_text("entity,indicator,year,value,unit\n" + text, encoding="utf-8")
    data = load([path])
    whole = _output(make("nl"), data, OutputFormat.CSV, "nl", 10**9)
    assert _output(make("nl"), data, OutputFormat.CSV, "nl", 1) == whole
    return whole


def test_a_block_without_the_chosen_indicator_writes_nothing(tmp_path: Path) -> None:
    # B's block has no row of x: A's one sentence only (x 1 → 2: +100%)
    written = _in_blocks_of_one_row(
        tmp_path,
        "A,x,2018,1,flow\nA,x,2019,2,flow\nB,y,2019,3,flow\n",
        lambda lang: Report(["x"], None, DaysBasis.CALENDAR, lang),
    )
    assert written.count(b"\r\n") == 2  # header and A's row
    assert b"100% meer" in written


def test_a_share_in_blocks_names_each_zero_denominator_once(tmp_path: Path) -> None:
    # Only A has both; its denominator is 0, so no share is defined anywhere (exit 5),
    # however many blocks B and C fill.
    written = _in_blocks_of_one_row(
        tmp_path,
        "A,mails,2019,10,flow\nA,visits,2019,0,flow\nB,other,2019,5,flow\nC,other,2019,5,flow\n",
        lambda lang: Share("mails", "visits", 2019, lang),
    )
    assert written.startswith(b"5: ")
    # A year in which neither has a figure: one row saying so, not one per block
    quiet = _in_blocks_of_one_row(
        tmp_path,
        "A,mails,2019,10,flow\nA,visits,2019,4,flow\nB,other,2018,5,flow\n",
        lambda lang: Share("mails", "visits", 2018, lang),
    )
    assert quiet.split(b"\r\n")[1:] == [b",2018,mails,visits,,,,missing_value,false", b""]
