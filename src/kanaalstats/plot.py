"""Small-multiples chart of indicators over the years (matplotlib, an optional extra)."""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kanaalstats.errors import MissingExtraError, UsageError
from kanaalstats.formatting import format_number
from kanaalstats.messages import text
from kanaalstats.units import PERCENT

if TYPE_CHECKING:
    from kanaalstats.dataset import Dataset

FORMATS = ("png", "svg")
_COLUMNS = 3


def chart_format(path: Path) -> str:
    """The image format a file name asks for; only PNG and SVG are written."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise UsageError("plot_format", path=str(path), choices=", ".join(f".{f}" for f in FORMATS))
    return suffix


def _tick_formatter(unit: str, lang: str) -> Callable[[float, int], str]:
    decimal_mark = "," if lang == "nl" else "."

    def tick(value: float, _position: int) -> str:
        # Two decimals, then drop trailing zeros: 1,25 and 1,3 stay apart, 60,00 reads 60.
        number = format_number(value, 2, lang)
        if decimal_mark in number:
            number = number.rstrip("0").rstrip(decimal_mark)
        return number + ("%" if unit == PERCENT else "")

    return tick


def render_chart(
    dataset: Dataset, indicators: list[str], lang: str, image_format: str
) -> tuple[bytes, int]:
    """The chart as PNG or SVG bytes, and the number of panels drawn (one per indicator)."""
    try:
        import matplotlib
    except ImportError:
        raise MissingExtraError("plot_needs_matplotlib") from None
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    # A fixed salt keeps the SVG identical from run to run.
    matplotlib.rcParams["svg.hashsalt"] = "kanaalstats"
    count = len(indicators)
    columns = min(_COLUMNS, count)
    rows = math.ceil(count / columns)
    figure, axes = plt.subplots(rows, columns, figsize=(4.2 * columns, 3.0 * rows), squeeze=False)
    years = dataset.years
    values = dataset.values.set_index(["indicator", "year"])["value"]
    for position, indicator in enumerate(indicators):
        ax = axes[position // columns][position % columns]
        series = [float(values.get((indicator, year), math.nan)) for year in years]
        # NaN breaks the line: a missing year shows as a gap, never as a zero.
        ax.plot(years, series, marker="o", color="#1f5c99", linewidth=1.8)
        label = dataset.label(indicator, lang)
        ax.set_title("\n".join(textwrap.wrap(label, 42)), fontsize=9, loc="left")
        ax.set_ylabel(text(f"unit_{dataset.unit(indicator)}", lang), fontsize=8)
        ax.set_xticks(years)
        ax.tick_params(labelsize=8)
        ax.yaxis.set_major_locator(MaxNLocator(nbins=4))
        ax.yaxis.set_major_formatter(FuncFormatter(_tick_formatter(dataset.unit(indicator), lang)))
        # The same years on every panel, also for an indicator with a single value.
        ax.set_xlim(years[0] - 0.3, years[-1] + 0.3)
        ax.spines[["top", "right"]].set_visible(False)
        ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    for position in range(count, rows * columns):
        figure.delaxes(axes[position // columns][position % columns])
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(
        buffer,
        format=image_format,
        dpi=110,
        metadata={"Date": None} if image_format == "svg" else None,
    )
    plt.close(figure)
    return buffer.getvalue(), count
