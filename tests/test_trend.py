"""`kanaalstats trend`: sparklines, first and last values, and the small-multiples chart."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import run, run_json, sparkline
from kanaalstats.commands.sparkline import sparklines
from kanaalstats.domain.dataset import Dataset
from kanaalstats.domain.errors import ExitCode


def test_sparkline_scales_and_leaves_gaps() -> None:
    # low 1, high 4: (2 - 1) / 3 × 7 = 2,33 → block 2; a missing year is a space
    assert sparkline([1.0, 2.0, None, 4.0]) == "▁▃ █"
    assert sparkline([5.0, 5.0]) == "▅▅"
    assert sparkline([None, float("nan")]) == "  "


@given(
    st.integers(1, 12).flatmap(
        lambda width: st.lists(
            st.lists(
                st.one_of(st.none(), st.floats(-1e6, 1e6), st.sampled_from([0.0, 2.5, 3.5])),
                min_size=width,
                max_size=width,
            ),
            max_size=8,
        )
    )
)
def test_sparklines_draw_each_row_as_sparkline_does(rows: list[list[float | None]]) -> None:
    import numpy as np

    matrix = np.array([[np.nan if v is None else v for v in row] for row in rows], dtype=float)
    if not rows:
        matrix = matrix.reshape(0, 3)
    assert sparklines(matrix) == [sparkline(row) for row in rows]


def test_sparklines_of_a_matrix() -> None:
    import numpy as np

    # the same rows as above, at once: 2 → (2 - 1) / 3 × 7 = 2,33 → block 2
    matrix = np.array([[1.0, 2.0, np.nan, 4.0], [5.0, 5.0, 5.0, 5.0], [np.nan] * 4])
    assert sparklines(matrix) == ["▁▃ █", "▅▅▅▅", "    "]


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

    png = tmp_path / "trend.png"
    result = run("trend", "--plot", str(png))
    assert result.exit_code == 0
    assert f"{len(builtin.ids)} " in result.stderr  # one panel per indicator
    assert png.read_bytes().startswith(b"\x89PNG")


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
