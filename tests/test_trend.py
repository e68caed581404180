"""`kanaalstats trend`: sparklines, first and last values, and the small-multiples chart."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from helpers import run, run_json
from kanaalstats.dataset import Dataset
from kanaalstats.errors import ExitCode
from kanaalstats.plot import render_chart
from kanaalstats.sparkline import sparkline


def test_sparkline_scales_and_leaves_gaps() -> None:
    # low 1, high 4: (2 - 1) / 3 × 7 = 2,33 → block 2; a missing year is a space
    assert sparkline([1.0, 2.0, None, 4.0]) == "▁▃ █"
    assert sparkline([5.0, 5.0]) == "▅▅"
    assert sparkline([None, float("nan")]) == "  "


def test_trend_figures() -> None:
    rows = {row["indicator"]: row for row in run_json("trend")["rows"]}
    visits = rows["websitebezoek"]
    # 5,5 - 3,6 = 1,9 million; 1,9 / 3,6 = 52,8%
    assert (visits["first_year"], visits["first_value"]) == (2016, 3.6)
    assert (visits["last_year"], visits["last_value"]) == (2019, 5.5)
    assert visits["change"] == pytest.approx(1.9)
    assert visits["change_pct"] == pytest.approx(52.7778, abs=1e-4)
    assert visits["sparkline"] == "▁▁▅█"
    loket = rows["websitebezoek_digitaal_loket"]
    assert loket["first_year"] == 2018
    assert loket["sparkline"] == "  ▁█"  # 2016 and 2017 missing: gaps
    assert loket["2017"] is None
    assert rows["social_media_campagnes"]["change"] is None  # one year only


def test_trend_table_for_people() -> None:
    out = run("trend", "inwoners").stdout
    # 22% - 17% = +5 pp
    assert "▁▂█" in out
    assert "+5 pp" in out


def test_chart_png_and_svg(tmp_path: Path, builtin: Dataset) -> None:
    png = tmp_path / "trend.png"
    result = run("trend", "--plot", str(png))
    assert result.exit_code == 0, result.stderr
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert "11 panelen" in result.stderr
    import matplotlib.image

    height, width, _channels = matplotlib.image.imread(str(png)).shape
    assert width > 800
    assert height > 600

    svg = tmp_path / "trend.svg"
    assert (
        run("trend", "digitale", "emails", "inwoners", "--plot", str(svg), "--lang", "en").exit_code
        == 0
    )
    root = ET.fromstring(svg.read_bytes())
    groups = [g.get("id", "") for g in root.iter("{http://www.w3.org/2000/svg}g")]
    assert len([g for g in groups if g.startswith("axes_")]) == 3  # one panel per indicator
    assert "digital applications via Utrecht.nl" in svg.read_text(encoding="utf-8")

    image, panels = render_chart(builtin, builtin.ids, "nl", "png")
    assert panels == len(builtin.ids)
    assert image.startswith(b"\x89PNG")


def test_chart_refuses_other_formats(tmp_path: Path) -> None:
    result = run("trend", "--plot", str(tmp_path / "trend.pdf"))
    assert result.exit_code == ExitCode.USAGE
    assert ".png, .svg" in result.stderr


def test_chart_without_matplotlib(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib now fails
    result = run("trend", "--plot", str(tmp_path / "trend.png"))
    assert result.exit_code == ExitCode.MISSING_EXTRA
    assert 'pip install "kanaalstats[plot]"' in result.stderr
    assert not (tmp_path / "trend.png").exists()
