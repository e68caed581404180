"""The chart of `trend --plot`: honest axes, one line per entity, title and source."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from helpers import run, write
from kanaalstats.domain.errors import ExitCode
from kanaalstats.render.chart import Axis, axis_range, whole_numbers

SVG = "{http://www.w3.org/2000/svg}"


def _texts(svg: Path) -> list[str]:
    # With glyphs drawn as paths, matplotlib writes each text as a comment before it.
    return re.findall(r"<!-- (.*?) -->", svg.read_text(encoding="utf-8"))


def test_percent_axis_is_0_to_100_unless_zoomed() -> None:
    # 61 % and 63 %: on 0–100 the change looks as small as it is
    assert axis_range([61.0, 63.0], "percent", zoom=False) == Axis(0.0, 100.0, False)
    # zoomed: span 2, padded by 10% of it on both sides: 60,8 – 63,2, and cut (0 is not on it)
    zoomed = axis_range([61.0, 63.0], "percent", zoom=True)
    assert (zoomed.low, zoomed.high, zoomed.cut) == (pytest.approx(60.8), pytest.approx(63.2), True)
    # a percentage above 100 widens the axis instead of being cut off
    assert axis_range([80.0, 120.0], "percent", zoom=False) == Axis(0.0, 120.0, False)


def test_count_axis_starts_at_zero() -> None:
    # a single point of 109: 0 to 109 + 8% of 109 = 117,72, not 105–114
    axis = axis_range([109.0], "flow", zoom=False)
    assert (axis.low, axis.high, axis.cut) == (0.0, pytest.approx(117.72), False)
    # a balance with negative years takes in the negatives: span 10 - (-30) = 40,
    # 8% of it = 3,2 below and above
    axis = axis_range([-30.0, 10.0], "flow", zoom=False)
    assert (axis.low, axis.high) == (pytest.approx(-33.2), pytest.approx(13.2))
    assert axis_range([float("nan")], "flow", zoom=False) == Axis(0.0, 1.0, False)


def test_whole_number_data_gets_whole_number_ticks() -> None:
    assert whole_numbers([109.0, 12.0, float("nan")])
    assert not whole_numbers([1.2, 1.4])
    assert not whole_numbers([float("nan")])


def test_chart_axes_ticks_title_and_source(tmp_path: Path) -> None:
    svg = tmp_path / "trend.svg"
    result = run("trend", "social_media_campagnes", "inwoners", "--plot", str(svg))
    assert result.exit_code == 0, result.stderr
    texts = _texts(svg)
    # campaigns: 109 only, from zero with whole ticks: 0, 30, 60, 90 (MaxNLocator, 4 bins)
    assert [t for t in texts if t in {"0", "30", "60", "90"}] == ["0", "30", "60", "90"]
    assert not any(re.fullmatch(r"\d+,\d+", t) for t in texts)  # no fractional ticks
    # inwoners (17%, 18%, 22%) on the fixed 0–100 % axis
    for tick in ("0%", "25%", "50%", "75%", "100%"):
        assert tick in texts
    assert "Verloop van de kerncijfers, 2016–2019" in texts
    source = [t for t in texts if t.startswith("Bron: ")]
    assert len(source) == 1
    assert "gemeente Utrecht" in source[0]
    assert re.search(r"editie \d{4}$", source[0])


def test_zoom_marks_the_cut_axis(tmp_path: Path) -> None:
    svg = tmp_path / "zoom.svg"
    assert run("trend", "inwoners", "--zoom", "--plot", str(svg)).exit_code == 0
    texts = _texts(svg)
    assert "procent, as niet vanaf 0" in texts
    assert "0%" not in texts
    plain = tmp_path / "plain.svg"
    assert run("trend", "inwoners", "--plot", str(plain)).exit_code == 0
    assert "procent, as niet vanaf 0" not in _texts(plain)


PANEL = """entity,indicator,year,value,unit
Amersfoort,bezoek,2018,1.1,flow_millions
Amersfoort,bezoek,2019,1.3,flow_millions
Utrecht,bezoek,2018,4.6,flow_millions
Utrecht,bezoek,2019,5.5,flow_millions
Amersfoort,klachten,2018,12,flow
Amersfoort,klachten,2019,15,flow
Utrecht,klachten,2018,40,flow
Utrecht,klachten,2019,38,flow
"""


def test_panel_draws_one_line_per_entity_with_a_legend(tmp_path: Path) -> None:
    data = write(tmp_path, "panel.csv", PANEL)
    svg = tmp_path / "panel.svg"
    result = run("trend", "--data", str(data), "--plot", str(svg))
    assert result.exit_code == 0, result.stderr
    assert "2 panelen" in result.stderr  # one panel per indicator, not per entity
    root = ET.fromstring(svg.read_bytes())
    axes = [g for g in root.iter(f"{SVG}g") if g.get("id", "").startswith("axes_")]
    assert len(axes) == 2
    for ax in axes:
        lines = [g for g in ax.iter(f"{SVG}g") if g.get("id", "").startswith("line2d_")]
        drawn = [
            g
            for g in lines
            if any("stroke-width: 1.8" in p.get("style", "") for p in g.iter(f"{SVG}path"))
        ]
        assert len(drawn) == 2  # Amersfoort and Utrecht
    texts = _texts(svg)
    assert texts.count("Amersfoort") == 1  # in the one legend
    assert texts.count("Utrecht") == 1
    # no source column: the file is named, by its name only
    assert any(re.fullmatch(r"Bron: panel\.csv · editie \d{4}", t) for t in texts)


def test_one_entity_of_a_panel_is_named_in_the_titles(tmp_path: Path) -> None:
    data = write(tmp_path, "panel.csv", PANEL)
    svg = tmp_path / "one.svg"
    assert run("trend", "--data", str(data), "-e", "Utrecht", "--plot", str(svg)).exit_code == 0
    assert "Utrecht – bezoek" in _texts(svg)


def test_too_many_entities_are_refused_before_any_output(tmp_path: Path) -> None:
    rows = "".join(f"plaats{i},bezoek,2019,{i},flow\n" for i in range(9))
    data = write(tmp_path, "panel.csv", "entity,indicator,year,value,unit\n" + rows)
    svg = tmp_path / "many.svg"
    result = run("trend", "--data", str(data), "--plot", str(svg))
    assert result.exit_code == ExitCode.USAGE
    assert result.stdout == ""
    assert "9 gebieden" in result.stderr
    assert "--entity" in result.stderr
    assert not svg.exists()


def test_dollar_signs_in_labels_are_plotted_literally(tmp_path: Path) -> None:
    table = "Kosten\n;2018;2019\nkosten in $ per $inwoner$;1.200;1.300\nbudget $x_1$;5;6\n"
    data = write(tmp_path, "kosten.csv", table)
    svg = tmp_path / "kosten.svg"
    result = run("trend", "--data", str(data), "--plot", str(svg))
    assert result.exit_code == 0, result.stderr
    texts = _texts(svg)
    assert "kosten in $ per $inwoner$" in texts
    assert "budget $x_1$" in texts


def test_axes_stay_finite_for_the_largest_doubles() -> None:
    # 1,7e308 + 8% would pass the largest double (1,797e308): the axis is the data range
    axis = axis_range([1.0, 1.7e308], "flow", zoom=False)
    assert (axis.low, axis.high) == (0.0, 1.7e308)
    # 1e308 + 8% = 1,08e308 still fits
    axis = axis_range([1.0, 1e308], "flow", zoom=False)
    assert (axis.low, axis.high) == (0.0, pytest.approx(1.08e308))
    axis = axis_range([-1e308, 1e308], "flow", zoom=False)
    assert (axis.low, axis.high) == (-1e308, 1e308)
    axis = axis_range([-1e308, 1e308], "flow", zoom=True)
    assert (axis.low, axis.high) == (-1e308, 1e308)
