"""Small-multiples chart of indicators over the years (matplotlib, an optional extra)."""

from __future__ import annotations

import io
import math
import textwrap
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kanaalstats.domain.dataset import label_in
from kanaalstats.domain.errors import MissingExtraError, UsageError
from kanaalstats.domain.units import PERCENT
from kanaalstats.text.catalogue import text
from kanaalstats.text.numbers import format_number
from kanaalstats.text.visible import visible

if TYPE_CHECKING:
    import pandas as pd

FORMATS = ("png", "svg")
_COLUMNS = 3


def chart_format(path: Path) -> str:
    """The image format a file name asks for; only PNG and SVG are written."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise UsageError("plot_format", path=str(path), choices=", ".join(f".{f}" for f in FORMATS))
    return suffix


def _tick_formatter(unit: str, lang: str) -> Callable[[float, int], str]:
    decimal_mark = text("decimal_mark", lang)

    def tick(value: float, _position: int) -> str:
        # Two decimals, then drop trailing zeros: 1,25 and 1,3 stay apart, 60,00 reads 60.
        number = format_number(value, 2, lang)
        if decimal_mark in number:
            number = number.rstrip("0").rstrip(decimal_mark)
        return number + ("%" if unit == PERCENT else "")

    return tick


def render_chart(frame: pd.DataFrame, years: list[int], lang: str, image_format: str) -> bytes:
    """The chart of a trend result (one row a series, a column a year) as PNG or SVG bytes:
    one panel per series."""
    # A glyph missing from the font (an emoji in a label) is matplotlib's warning, not the
    # user's: stderr stays for the tool's own lines.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _render(frame, years, lang, image_format)


def _render(frame: pd.DataFrame, years: list[int], lang: str, image_format: str) -> bytes:
    try:
        import matplotlib
    except ImportError:
        raise MissingExtraError("plot_needs_matplotlib") from None
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    # A fixed salt keeps the SVG identical from run to run.
    matplotlib.rcParams["svg.hashsalt"] = "kanaalstats"
    count = len(frame)
    columns = min(_COLUMNS, count)
    rows = math.ceil(count / columns)
    figure, axes = plt.subplots(rows, columns, figsize=(4.2 * columns, 3.0 * rows), squeeze=False)
    labels = label_in(frame, lang).tolist()
    entities = frame["entity"].astype(str).tolist() if "entity" in frame else [""] * count
    matrix = frame[[str(year) for year in years]].to_numpy(dtype="float64")
    for position in range(count):
        ax = axes[position // columns][position % columns]
        unit = str(frame["unit"].iloc[position])
        # NaN breaks the line: a missing year shows as a gap, never as a zero.
        ax.plot(years, matrix[position], marker="o", color="#1f5c99", linewidth=1.8)
        title = (
            f"{entities[position]} – {labels[position]}" if entities[position] else labels[position]
        )
        # Literal text: `$…$` in a label is no formula, and a control character would make
        # the SVG invalid XML.
        ax.set_title(
            "\n".join(textwrap.wrap(visible(title), 42)), fontsize=9, loc="left", parse_math=False
        )
        ax.set_ylabel(text(f"unit_{unit}", lang), fontsize=8)
        ax.set_xticks(years)
        ax.tick_params(labelsize=8)
        ax.yaxis.set_major_locator(MaxNLocator(nbins=4))
        ax.yaxis.set_major_formatter(FuncFormatter(_tick_formatter(unit, lang)))
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
    return buffer.getvalue()
