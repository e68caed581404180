"""The command line: Typer's options for each command, turned into one request for the app.

Nothing else happens here. Commands are imported inside each command's function, and they
import pandas and Babel only when they run, so that `--help`, `--version` and shell
completion load no more than Typer.
"""

from __future__ import annotations

import functools
import gc
import inspect
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from kanaalstats import __version__
from kanaalstats.domain.choices import DaysBasis, Lang, OutputFormat

if TYPE_CHECKING:
    from kanaalstats.commands.base import Command

INTERRUPTED = 130  # as ExitCode.INTERRUPTED, without importing errors at start-up

app = typer.Typer(
    name="kanaalstats",
    help="Compute, print and check the derived figures of a key-figures table (kerncijfers).\n\n"
    "Example: kanaalstats growth digitale_aanvragen --from 2018 --to 2019",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


@dataclass
class _State:
    debug: bool = False


_state = _State()

# --- options shared by every command (declared once) --------------------------------------------

DataOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--data",
        "-d",
        help="Table file (canonical, published Dutch, or long CSV); repeat for more. "
        "Default: the built-in Utrecht table plus the figures stated in its text.",
        show_default=False,
    ),
]
FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]
LangOption = Annotated[
    Lang, typer.Option("--lang", "-l", help="Language of labels, words and numbers.")
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to this file (atomically) instead of stdout.",
        show_default=False,
    ),
]
UnitOption = Annotated[
    list[str] | None,
    typer.Option(
        "--unit",
        help="Set an indicator's unit, e.g. --unit volgers=stock "
        "(flow, flow_millions, stock, stock_millions, percent, score).",
        show_default=False,
    ),
]
IndicatorsArgument = Annotated[
    list[str] | None,
    typer.Argument(
        help="Indicator ids or unambiguous prefixes (default: all).", show_default=False
    ),
]
DaysOption = Annotated[
    DaysBasis, typer.Option("--days", help="Days in a year: calendar (366 in leap years) or 365.")
]
EntityOption = Annotated[
    list[str] | None,
    typer.Option(
        "--entity",
        "-e",
        help="Only this entity of a panel (repeatable); default: all entities.",
        show_default=False,
    ),
]
YearOption = Annotated[
    int | None, typer.Option("--year", "-y", help="Only this year.", show_default=False)
]


@dataclass(frozen=True)
class Common:
    """The options every command shares."""

    data: list[Path] | None
    fmt: OutputFormat
    lang: str
    output: Path | None
    units: list[str] | None
    entities: list[str] | None


_SHARED = (
    ("data", DataOption, None),
    ("fmt", FormatOption, OutputFormat.TABLE),
    ("lang", LangOption, Lang.NL),
    ("output", OutputOption, None),
    ("unit", UnitOption, None),
    ("entity", EntityOption, None),
)


def shared_options(
    default_format: OutputFormat = OutputFormat.TABLE,
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Give a command the options every command has, declared once, as one `common` argument.

    Typer reads a command's options from its signature; the wrapper's signature is the
    command's own parameters followed by the shared ones.
    """

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        own = [
            p
            for p in inspect.signature(command, eval_str=True).parameters.values()
            if p.name != "common"
        ]
        shared = [
            inspect.Parameter(
                name,
                inspect.Parameter.KEYWORD_ONLY,
                annotation=annotation,
                default=default_format if name == "fmt" else default,
            )
            for name, annotation, default in _SHARED
        ]

        @functools.wraps(command)
        def with_common(**values: Any) -> None:
            common = Common(
                data=values.pop("data"),
                fmt=values.pop("fmt"),
                lang=str(values.pop("lang")),
                output=values.pop("output"),
                units=values.pop("unit"),
                entities=values.pop("entity"),
            )
            command(common, **values)

        with_common.__signature__ = inspect.Signature([*own, *shared])  # type: ignore[attr-defined]
        return with_common

    return decorate


def _run(common: Common, command: Command, **extra: Any) -> None:
    """Hand the request to the app; its exit code is the command's."""
    import os

    from kanaalstats.app import BLOCK_ROWS, Request, run

    rows = os.environ.get("KANAALSTATS_BLOCK_ROWS", "")
    request = Request(
        command=command,
        data=common.data,
        fmt=common.fmt,
        lang=common.lang,
        output=common.output,
        units=common.units or (),
        entities=common.entities or (),
        block_rows=int(rows) if rows.isdigit() and int(rows) > 0 else BLOCK_ROWS,
        debug=_state.debug,
        **extra,
    )
    code = run(request)
    if code:
        raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kanaalstats {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a traceback for errors (for developers).")
    ] = False,
) -> None:
    """Compute, print and check the derived figures of a key-figures table (kerncijfers).

    Example: kanaalstats growth digitale_aanvragen --from 2018 --to 2019
    """
    _state.debug = debug


@app.command()
@shared_options()
def table(common: Common, indicators: IndicatorsArgument = None) -> None:
    """The key-figures table as published: indicators × years, units and footnotes.

    Example: kanaalstats table --lang en
    """
    from kanaalstats.commands.table import Table

    _run(common, Table(indicators, common.lang))


@app.command()
@shared_options()
def indicators(common: Common) -> None:
    """List the indicators: id, label, unit and the years with a value.

    Example: kanaalstats indicators --format csv
    """
    from kanaalstats.commands.indicators import Indicators

    _run(common, Indicators())


@app.command()
@shared_options()
def growth(
    common: Common,
    indicators: IndicatorsArgument = None,
    from_year: Annotated[
        int | None, typer.Option("--from", help="First year (with --to).", show_default=False)
    ] = None,
    to_year: Annotated[
        int | None, typer.Option("--to", help="Last year (with --from).", show_default=False)
    ] = None,
) -> None:
    """Change per indicator: absolute, relative (%), percentage points for percentages, CAGR.

    Between consecutive years by default, or between --from and --to.

    Example: kanaalstats growth digitale_aanvragen --from 2016 --to 2019
    """
    from kanaalstats.commands.growth import Growth

    _run(common, Growth(indicators, from_year, to_year))


@app.command()
@shared_options()
def daily(
    common: Common,
    indicators: IndicatorsArgument = None,
    year: YearOption = None,
    days: DaysOption = DaysBasis.CALENDAR,
) -> None:
    """Average per day of flow indicators (events over a year), millions converted to units.

    Example: kanaalstats daily emails_kcc --year 2019 --days 365
    """
    from kanaalstats.commands.daily import Daily

    _run(common, Daily(indicators, year, days))


@app.command()
@shared_options()
def share(
    common: Common,
    numerator: Annotated[str, typer.Argument(help="Indicator counted as part.")],
    denominator: Annotated[str, typer.Argument(help="Indicator counted as whole.")],
    year: YearOption = None,
) -> None:
    """Share of one indicator in another, per year, in %.

    Example: kanaalstats share meldingen_openbare_ruimte digitale_aanvragen --year 2019
    """
    from kanaalstats.commands.share import Share

    _run(common, Share(numerator, denominator, year, common.lang))


@app.command()
@shared_options(default_format=OutputFormat.MARKDOWN)
def report(
    common: Common,
    indicators: IndicatorsArgument = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year", "-y", help="Year to summarise (default: the last).", show_default=False
        ),
    ] = None,
    days: DaysOption = DaysBasis.CALENDAR,
) -> None:
    """Summary sentences for a year: level, direction, change, per-day average.

    Example: kanaalstats report --year 2019 --lang en
    """
    from kanaalstats.commands.report import Report

    _run(common, Report(indicators, year, days, common.lang))


@app.command()
@shared_options()
def trend(
    common: Common,
    indicators: IndicatorsArgument = None,
    plot: Annotated[
        Path | None,
        typer.Option(
            "--plot",
            help="Also draw a chart to FILE.png or FILE.svg (needs kanaalstats[plot]).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Per indicator a sparkline over the years, first and last value and the overall change.

    Example: kanaalstats trend --plot trend.png
    """
    from kanaalstats.commands.trend import Trend

    _run(common, Trend(indicators), plot=plot)


@app.command()
@shared_options()
def check(
    common: Common,
    claims_file: Annotated[
        Path | None,
        typer.Option(
            "--claims",
            "-c",
            help="Claims file (TOML). Default: the claims of the built-in report.",
            show_default=False,
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Also fail (exit 1) on claims that cannot be verified.")
    ] = False,
) -> None:
    """Check the report's claims against the data; exit 1 when a claim is inconsistent.

    Example: kanaalstats check --claims claims.toml --data kerncijfers.csv
    """
    from kanaalstats.commands.check import CheckClaims

    extra = (claims_file,) if claims_file else ()
    _run(common, CheckClaims(claims_file, strict, common.lang), other_inputs=extra)


def main() -> None:
    """Console-script entry point.

    A command runs once and exits, so the cyclic garbage collector only costs time: it is
    off, and the process ends with os._exit once the output is flushed, skipping the
    collection of pandas' objects at shutdown (a fifth of a small command's time).
    """
    gc.disable()
    code: int | str | None
    try:
        app()
        code = 0
    except SystemExit as exit:
        code = exit.code
    except KeyboardInterrupt:
        sys.stderr.write("kanaalstats: Afgebroken.\n")
        code = INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        code = 0
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    if isinstance(code, str):
        sys.stderr.write(code + "\n")
        code = 1
    sys.stderr.flush()
    os._exit(code or 0)


def _silence_stdout() -> None:
    # The reader went away (`| head -1`): point stdout at /dev/null so the final flush at exit
    # cannot raise again.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
