"""Property-based tests: random valid tables and random bytes through every command."""

from __future__ import annotations

import json
import math
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from helpers import computed, page_report, run
from kanaalstats.commands.growth import growth
from kanaalstats.commands.share import Share
from kanaalstats.domain.errors import ExitCode
from kanaalstats.domain.units import COUNT_UNITS, UNITS
from kanaalstats.load.files import load

DOCUMENTED = {int(code) for code in ExitCode}
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

figures = st.one_of(
    st.none(),
    st.integers(min_value=-1000, max_value=10**9),
    st.floats(min_value=-1e6, max_value=1e12, allow_nan=False, allow_infinity=False),
)


# Figures an analyst's table holds: beyond 1e15 (a billion millions) a double no longer
# holds every unit, and two orders of the same arithmetic differ by more than rounding.
realistic = st.one_of(
    st.none(),
    st.integers(min_value=-1000, max_value=10**9),
    st.floats(min_value=-1e3, max_value=1e6, allow_nan=False).map(lambda x: round(x, 3)),
)


@st.composite
def tables(draw: st.DrawFn, figures: st.SearchStrategy[Any] = figures) -> str:
    """A canonical table: 1-4 indicators of any unit, 1-5 consecutive years, gaps allowed."""
    count = draw(st.integers(min_value=1, max_value=4))
    first = draw(st.integers(min_value=1990, max_value=2030))
    years = list(range(first, first + draw(st.integers(min_value=1, max_value=5))))
    lines = ["id,label_nl,unit," + ",".join(map(str, years))]
    for i in range(count):
        unit = draw(st.sampled_from(UNITS))
        cells = [
            "" if v is None else repr(float(v))
            for v in draw(st.lists(figures, min_size=len(years), max_size=len(years)))
        ]
        lines.append(f"ind{i},indicator {i},{unit}," + ",".join(cells))
    return "\n".join(lines) + "\n"


def _strict_json(text: str) -> Any:
    def refuse(constant: str) -> None:
        raise AssertionError(f"not JSON: {constant}")

    return json.loads(text, parse_constant=refuse)


def _with_file(content: str | bytes) -> Path:
    handle = tempfile.NamedTemporaryFile(suffix=".csv", delete=False)  # noqa: SIM115
    with handle:
        handle.write(content.encode() if isinstance(content, str) else content)
    return Path(handle.name)


@SETTINGS
@given(tables())
def test_every_command_gives_strict_json(table: str) -> None:
    path = _with_file(table)
    try:
        dataset = load([path])
        counts = [i for i in dataset.ids if dataset.unit(i) in COUNT_UNITS]
        commands = [["table"], ["indicators"], ["growth"], ["daily"], ["trend"], ["report"]]
        if len(counts) >= 2:
            commands.append(["share", counts[0], counts[1]])
        for command in commands:
            result = run(*command, "--data", str(path), "--format", "json")
            assert result.exit_code in (0, ExitCode.UNDEFINED), result.stderr
            assert "Traceback" not in result.stderr
            if result.exit_code == 0:
                document = _strict_json(result.stdout)
                assert isinstance(document["rows"], list)
    finally:
        path.unlink()


@SETTINGS
@given(
    st.floats(min_value=1e-3, max_value=1e12),
    st.floats(min_value=1e-3, max_value=1e12),
)
def test_growth_there_and_back(a: float, b: float) -> None:
    # Near -100% the sum 1 + g/100 cancels digits; within 1e4 either way it keeps about 12.
    assume(1e-4 < b / a < 1e4)
    path = _with_file(f"id,label_nl,unit,2018,2019\nx,x,flow,{a!r},{b!r}\n")
    try:
        dataset = load([path])
    finally:
        path.unlink()
    forward = growth(dataset, ["x"], 2018, 2019)["change_pct"].iloc[0]
    back = growth(dataset, ["x"], 2019, 2018)["change_pct"].iloc[0]
    # (1 + a→b) × (1 + b→a) = (b / a) × (a / b) = 1
    assert math.isclose((1 + forward / 100) * (1 + back / 100), 1.0, rel_tol=1e-8)
    change = growth(dataset, ["x"], 2018, 2019)["change"].iloc[0]
    assert math.isclose(change, b - a, rel_tol=1e-12, abs_tol=1e-9)


@SETTINGS
@given(
    st.floats(min_value=1e-6, max_value=1e12),
    st.floats(min_value=0.0, max_value=1.0),
)
def test_share_of_a_part_stays_within_the_whole(whole: float, fraction: float) -> None:
    part = whole * fraction
    path = _with_file(f"id,label_nl,unit,2019\ndeel,d,flow,{part!r}\ngeheel,g,flow,{whole!r}\n")
    try:
        frame, _ = computed(Share("deel", "geheel", None, "nl"), load([path]))
    finally:
        path.unlink()
    share = frame["share_pct"].iloc[0]
    assert 0.0 <= share <= 100.0 + 1e-9


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=3000))
def test_random_bytes_never_crash(content: bytes) -> None:
    path = _with_file(content)
    try:
        result = run("table", "--data", str(path), "--format", "json")
    finally:
        path.unlink()
    assert "Traceback" not in result.stderr
    assert result.exit_code in DOCUMENTED
    assert result.exit_code != ExitCode.INTERNAL, result.stderr
    if result.exit_code == 0:
        _strict_json(result.stdout)
    else:
        assert result.stderr.startswith("kanaalstats: ")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    tables(realistic),
    st.integers(0, 4),
    st.sampled_from(["calendar", "365", "werkdagen"]),
    st.sampled_from(["nl", "en"]),
)
def test_every_figure_report_states_passes_check(
    table: str, which: int, basis_name: str, lang: str
) -> None:
    # Each figure a report sentence states (level, previous level, change, day rates),
    # made a claim of `check`, is consistent with the data it was computed from: the
    # sentences round as check allows.
    from kanaalstats.domain.choices import DaysBasis

    path = _with_file(table)
    try:
        dataset = load([path])
    finally:
        path.unlink()
    year = dataset.years[which % len(dataset.years)]
    report = page_report(None, year, DaysBasis(basis_name), lang, per_day=True)
    frame, _notes = computed(report, dataset)
    for sentence, checks in zip(frame["sentence"], frame["checks"], strict=True):
        for check in checks:
            assert check["verdict"] == "consistent", (sentence, check)
