"""Small-multiples chart of indicators over the years (matplotlib, an optional extra).

One panel per indicator, one line per entity. The axes do not exaggerate: a percentage is
drawn on 0–100 %, a count from zero; only `zoom` fits the axis to the data, and then the
panel says that its axis is cut.
"""

from __future__ import annotations

import datetime
import io
import math
import os
import textwrap
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
# More lines than this in one panel cannot be told apart, whatever the colours.
MAX_ENTITIES = 8
_SINGLE = "#1f5c99"
# Okabe–Ito: colours that stay distinct for readers with a colour-vision deficiency.
_PALETTE = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#000000",
    "#999999",
)


def chart_format(path: Path) -> str:
    """The image format a file name asks for; only PNG and SVG are written."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise UsageError("plot_format", path=str(path), choices=", ".join(f".{f}" for f in FORMATS))
    return suffix


def check_entities(entities: Sequence[str]) -> None:
    """Refuse, before any output, a panel with more entities than a chart can tell apart."""
    if len(entities) > MAX_ENTITIES:
        raise UsageError("plot_too_many_entities", count=len(entities), most=MAX_ENTITIES)


@dataclass(frozen=True)
class Axis:
    """The value range a panel shows; `cut` when it leaves out zero (a cut axis)."""

    low: float
    high: float
    cut: bool


def axis_range(values: Sequence[float], unit: str, zoom: bool) -> Axis:
    """The range of a panel's value axis.

    Without `zoom` a percentage gets 0–100 % and anything else starts from zero, so that a
    change looks as large as it is; the axis grows to take in values outside that range.
    With `zoom` the axis fits the data, and is cut when zero is not on it.
    """
    present = [v for v in values if math.isfinite(v)]
    if not present:
        return Axis(0.0, 100.0 if unit == PERCENT else 1.0, False)
    low, high = min(present), max(present)
    if zoom:
        pad = (high - low) * 0.1 or max(abs(high) * 0.05, 0.5)
        wide = Axis(low - pad, high + pad, False)
        if min(present) >= 0 and wide.low < 0:
            wide = Axis(0.0, wide.high, False)
        axis = _finite(wide, low, high)
        return Axis(axis.low, axis.high, axis.low > 0 or axis.high < 0)
    if unit == PERCENT:
        return Axis(min(0.0, low), max(100.0, high), False)
    low, high = min(0.0, low), max(0.0, high)
    span = (high - low) or 1.0
    # Headroom above the highest point (and below a negative one) so no marker sits on the edge.
    padded = Axis(low - (span * 0.08 if low < 0 else 0.0), high + span * 0.08, False)
    return _finite(padded, low, high)


def _finite(axis: Axis, low: float, high: float) -> Axis:
    """The padded axis, or the bare data range where padding would pass the largest double."""
    if math.isfinite(axis.low) and math.isfinite(axis.high):
        return axis
    return Axis(low, high if high > low else low + 1.0, False)


def whole_numbers(values: Sequence[float]) -> bool:
    """Whether every value is a whole number: then ticks are whole numbers too."""
    present = [v for v in values if math.isfinite(v)]
    return bool(present) and all(float(v).is_integer() for v in present)


def _tick_formatter(unit: str, lang: str, decimals: int) -> Callable[[float, int], str]:
    def tick(value: float, _position: int) -> str:
        return format_number(value, decimals, lang) + ("%" if unit == PERCENT else "")

    return tick


def edition_year() -> int:
    """The year the chart is made; SOURCE_DATE_EPOCH (the reproducible-builds convention)
    pins it, so a chart can be made twice byte for byte."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).year
    return datetime.date.today().year


def year_span(years: Sequence[int]) -> str:
    return f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])


def source_line(source: str, lang: str) -> str:
    """ "Bron: gemeente Utrecht · editie 2026": who publishes the figures, and when."""
    line = text("chart_edition", lang, year=edition_year())
    return f"{text('source_prefix', lang)}: {source} · {line}" if source else line


def publishers(frame: pd.DataFrame) -> list[str]:
    """The indicators' sources, each once, in table order. A source that another one only
    adds to ("gemeente Utrecht" beside "gemeente Utrecht (tekst van de Utrecht Monitor)")
    is left out: the longer one names the same publisher."""
    if "source" not in frame:
        return []
    named = [str(s).strip() for s in dict.fromkeys(frame["source"].astype(object).fillna(""))]
    named = [s for s in dict.fromkeys(named) if s]
    return [s for s in named if not any(_adds_to(other, s) for other in named if other != s)]


def _adds_to(longer: str, shorter: str) -> bool:
    if not longer.casefold().startswith(shorter.casefold()):
        return False
    rest = longer[len(shorter) :]
    return not rest[:1].isalnum()


def chart_source(frame: pd.DataFrame, files: Sequence[str]) -> str:
    """Who publishes the figures (the `source` of the indicators), else the files read."""
    return "; ".join(publishers(frame) or [Path(f).name for f in files])


def render_chart(
    frame: pd.DataFrame,
    years: list[int],
    lang: str,
    image_format: str,
    *,
    zoom: bool = False,
    source: str = "",
    text_as_text: bool = False,
    bare: bool = False,
) -> bytes:
    """The chart of a trend result (one row a series, a column a year) as PNG or SVG bytes:
    one panel per indicator, one line per entity, under a title and over a source line.

    `text_as_text` keeps an SVG's words as text elements (for a web page) instead of
    outlines of the glyphs; `bare` leaves out the title and source line, for a page that
    has its own.
    """
    try:
        import matplotlib
    except ImportError:
        raise MissingExtraError("plot_needs_matplotlib") from None
    matplotlib.use("Agg")
    settings: dict[Any, Any] = {
        # Labels are data: a `$` in one is a dollar, never the start of a formula.
        "text.parse_math": False,
        "text.usetex": False,
        # A fixed salt keeps the SVG identical from run to run.
        "svg.hashsalt": "kanaalstats",
        "svg.fonttype": "none" if text_as_text else "path",
    }
    # A glyph missing from the font (an emoji in a label) is matplotlib's warning, not the
    # user's: stderr stays for the tool's own lines.
    with matplotlib.rc_context(settings), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _render(frame, years, lang, image_format, zoom, source, bare)


def _render(
    frame: pd.DataFrame,
    years: list[int],
    lang: str,
    image_format: str,
    zoom: bool,
    source: str,
    bare: bool,
) -> bytes:
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    indicators = list(dict.fromkeys(frame["indicator"].astype(str)))
    entities = list(dict.fromkeys(frame["entity"].astype(str))) if "entity" in frame else [""]
    named = [e for e in entities if e]
    colour = {
        entity: _PALETTE[i % len(_PALETTE)] if len(entities) > 1 else _SINGLE
        for i, entity in enumerate(entities)
    }
    count = len(indicators)
    columns = min(_COLUMNS, max(count, 1))
    rows = math.ceil(count / columns)
    legend_rows = math.ceil(len(named) / 4) if len(named) > 1 else 0
    top, bottom = (0.0, 0.3 * legend_rows) if bare else (0.25, 0.4 + 0.3 * legend_rows)
    height = 3.0 * rows + top + bottom
    figure, axes = plt.subplots(rows, columns, figsize=(4.2 * columns, height), squeeze=False)
    labels = label_in(frame, lang).astype(str).tolist()
    series_indicator = frame["indicator"].astype(str).tolist()
    series_entity = frame["entity"].astype(str).tolist() if "entity" in frame else [""] * len(frame)
    matrix = frame[[str(year) for year in years]].to_numpy(dtype="float64")
    for position, indicator in enumerate(indicators):
        ax = axes[position // columns][position % columns]
        members = [i for i, name in enumerate(series_indicator) if name == indicator]
        first = members[0]
        unit = str(frame["unit"].iloc[first])
        values = [float(v) for i in members for v in matrix[i]]
        for i in members:
            # NaN breaks the line: a missing year shows as a gap, never as a zero.
            ax.plot(
                years,
                matrix[i],
                marker="o",
                markersize=4,
                color=colour[series_entity[i]],
                linewidth=1.8,
            )
        title = labels[first]
        if len(named) == 1:
            title = f"{named[0]} – {title}"
        # Literal text: `$…$` in a label is no formula, and a control character would make
        # the SVG invalid XML.
        ax.set_title("\n".join(textwrap.wrap(visible(title), 42)), fontsize=9, loc="left")
        ax.set_ylabel(text(f"unit_{unit}", lang), fontsize=8)
        _value_axis(ax, values, unit, zoom, lang)
        ax.set_xticks(years)
        ax.tick_params(labelsize=8)
        # The same years on every panel, also for an indicator with a single value.
        ax.set_xlim(years[0] - 0.3, years[-1] + 0.3)
        ax.spines[["top", "right"]].set_visible(False)
        ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    for position in range(count, rows * columns):
        figure.delaxes(axes[position // columns][position % columns])
    if not bare:
        figure.suptitle(
            text("chart_title", lang, years=year_span(years)),
            x=0.01,
            y=1 - 0.12 / height,
            ha="left",
            va="top",
        )
        figure.text(
            0.01,
            0.12 / height,
            visible(source_line(source, lang)),
            fontsize=8,
            color="#444444",
            ha="left",
            va="bottom",
        )
    if len(named) > 1:
        handles: list[Any] = [
            Line2D([], [], color=colour[e], marker="o", markersize=4, linewidth=1.8) for e in named
        ]
        figure.legend(
            handles,
            [visible(e) for e in named],
            loc="lower center",
            bbox_to_anchor=(0.5, (0.0 if bare else 0.4) / height),
            ncol=min(4, len(named)),
            fontsize=8,
            frameon=False,
        )
    with warnings.catch_warnings():
        # Tick labels of absurd size (1e308) leave no room for the margins; the figure is
        # then drawn with matplotlib's own margins, which is all that can be done.
        warnings.simplefilter("ignore", UserWarning)
        figure.tight_layout(rect=(0, bottom / height, 1, 1 - top / height))
    buffer = io.BytesIO()
    figure.savefig(
        buffer,
        format=image_format,
        dpi=110,
        metadata={"Date": None} if image_format == "svg" else None,
    )
    plt.close(figure)
    return buffer.getvalue()


def _value_axis(ax: Any, values: list[float], unit: str, zoom: bool, lang: str) -> None:
    """Range, ticks and (for a cut axis) the mark that says so."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    axis = axis_range(values, unit, zoom)
    ax.set_ylim(axis.low, axis.high)
    locator = MaxNLocator(nbins=4, integer=whole_numbers(values))
    ticks = [t for t in locator.tick_values(axis.low, axis.high) if axis.low <= t <= axis.high]
    ax.set_yticks(ticks)
    # Every tick of an axis with the same decimals: 1,5 and 3,0, not 1,5 and 3.
    decimals = max((_decimals_of(t) for t in ticks), default=0)
    ax.yaxis.set_major_formatter(FuncFormatter(_tick_formatter(unit, lang, decimals)))
    if not axis.cut:
        return
    # Two slanted strokes across the value axis where it is cut (the usual sign of a broken
    # axis), and words beside the unit for readers who do not know the sign.
    at = 0.0 if axis.low > 0 else 1.0
    for offset in (-0.012, 0.012):
        ax.plot(
            (-0.02, 0.02),
            (at + offset - 0.012, at + offset + 0.012),
            transform=ax.transAxes,
            color="black",
            linewidth=1.0,
            clip_on=False,
        )
    ax.set_ylabel(f"{ax.get_ylabel()}, {text('chart_axis_cut', lang)}", fontsize=8)


def _decimals_of(tick: float) -> int:
    """The decimals a tick needs (at most two: ticks are round numbers)."""
    for decimals in range(3):
        if abs(tick * 10**decimals - round(tick * 10**decimals)) < 1e-6:
            return decimals
    return 2
