"""The command line: Typer's options for each command, turned into one request for the app.

Nothing else happens here. Commands are imported inside each command's function, and they
import pandas and Babel only when they run, so that `--help`, `--version` and shell
completion load no more than Typer.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import inspect
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from kanaalstats import __version__
from kanaalstats.domain.choices import DaysBasis, Lang, OutputFormat

if TYPE_CHECKING:
    from kanaalstats.commands.base import Command

_debug = False  # --debug, set before any command runs

app = typer.Typer(
    name="kanaalstats",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _quiet(*names: str, help: str) -> Any:
    """An option whose help says what its default is, or that it has none."""
    return typer.Option(*names, help=help, show_default=False)


@dataclasses.dataclass(frozen=True)
class Common:
    """The options every command has, declared once; a command gets them as one argument."""

    data: Annotated[
        list[Path] | None,
        _quiet(
            "--data",
            "-d",
            help="Table file (canonical, published Dutch, or long CSV); repeat for more. "
            "Default: the built-in Utrecht table plus the figures stated in its text.",
        ),
    ] = None
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = (
        OutputFormat.TABLE
    )
    lang: Annotated[
        Lang, typer.Option("--lang", "-l", help="Language of labels, words and numbers.")
    ] = Lang.NL
    output: Annotated[
        Path | None,
        _quiet("--output", "-o", help="Write to this file (atomically) instead of stdout."),
    ] = None
    units: Annotated[
        list[str] | None,
        _quiet(
            "--unit",
            help="Set an indicator's unit, e.g. --unit volgers=stock "
            "(flow, flow_millions, stock, stock_millions, percent, score).",
        ),
    ] = None
    entities: Annotated[
        list[str] | None,
        _quiet(
            "--entity",
            "-e",
            help="Only this entity of a panel (repeatable); default: all entities.",
        ),
    ] = None


IndicatorsArgument = Annotated[
    list[str] | None,
    typer.Argument(
        help="Indicator ids or unambiguous prefixes (default: all).", show_default=False
    ),
]
DaysOption = Annotated[
    DaysBasis, typer.Option("--days", help="Days in a year: calendar (366 in leap years) or 365.")
]
YearOption = Annotated[int | None, _quiet("--year", "-y", help="Only this year.")]


def command(
    default_format: OutputFormat = OutputFormat.TABLE,
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """A command of the app, with the options every command has as one `common` argument.

    Typer reads a command's options from its signature; the wrapper's signature is the
    command's own parameters followed by the shared ones.
    """

    def decorate(function: Callable[..., None]) -> Callable[..., None]:
        own = inspect.signature(function, eval_str=True).parameters.values()
        shared = dict(inspect.signature(Common, eval_str=True).parameters)
        shared["fmt"] = shared["fmt"].replace(default=default_format)

        @functools.wraps(function)
        def with_common(**values: Any) -> None:
            function(Common(**{name: values.pop(name) for name in shared}), **values)

        params = [*(p for p in own if p.name != "common"), *shared.values()]
        with_common.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
        return app.command()(with_common)

    return decorate


def _run(common: Common, command: Command, **extra: Any) -> None:
    """Hand the request to the app; its exit code is the command's."""
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
        debug=_debug,
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
    global _debug
    _debug = debug


@command()
def table(common: Common, indicators: IndicatorsArgument = None) -> None:
    """The key-figures table as published: indicators × years, units and footnotes.

    Example: kanaalstats table --lang en
    """
    from kanaalstats.commands.table import Table

    _run(common, Table(indicators, common.lang))


@command()
def indicators(common: Common) -> None:
    """List the indicators: id, label, unit and the years with a value.

    Example: kanaalstats indicators --format csv
    """
    from kanaalstats.commands.indicators import Indicators

    _run(common, Indicators())


@command()
def growth(
    common: Common,
    indicators: IndicatorsArgument = None,
    from_year: Annotated[int | None, _quiet("--from", help="First year (with --to).")] = None,
    to_year: Annotated[int | None, _quiet("--to", help="Last year (with --from).")] = None,
) -> None:
    """Change per indicator: absolute, relative (%), percentage points for percentages, CAGR.

    Between consecutive years by default, or between --from and --to.

    Example: kanaalstats growth digitale_aanvragen --from 2016 --to 2019
    """
    from kanaalstats.commands.growth import Growth

    _run(common, Growth(indicators, from_year, to_year))


@command()
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


@command()
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


@command(default_format=OutputFormat.MARKDOWN)
def report(
    common: Common,
    indicators: IndicatorsArgument = None,
    year: Annotated[
        int | None, _quiet("--year", "-y", help="Year to summarise (default: the last).")
    ] = None,
    days: DaysOption = DaysBasis.CALENDAR,
) -> None:
    """Summary sentences for a year: level, direction, change, per-day average.

    Example: kanaalstats report --year 2019 --lang en
    """
    from kanaalstats.commands.report import Report

    _run(common, Report(indicators, year, days, common.lang))


@command()
def trend(
    common: Common,
    indicators: IndicatorsArgument = None,
    plot: Annotated[
        Path | None,
        _quiet(
            "--plot", help="Also draw a chart to FILE.png or FILE.svg (needs kanaalstats[plot])."
        ),
    ] = None,
) -> None:
    """Per indicator a sparkline over the years, first and last value and the overall change.

    Example: kanaalstats trend --plot trend.png
    """
    from kanaalstats.commands.trend import Trend

    _run(common, Trend(indicators), plot=plot)


@command()
def check(
    common: Common,
    claims_file: Annotated[
        Path | None,
        _quiet(
            "--claims", "-c", help="Claims file (TOML). Default: the claims of the built-in report."
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
        from kanaalstats.domain.errors import ExitCode

        _tell("kanaalstats: Afgebroken.")
        code = ExitCode.INTERRUPTED
    except BrokenPipeError:  # the reader went away (`| head -1`)
        code = 0
    except OSError as error:  # `--help` onto a full or closed stdout
        from kanaalstats.domain.errors import ExitCode
        from kanaalstats.text.catalogue import text

        # Before a command runs there is no --lang: the default language says it.
        said = text("stdout_not_writable", "nl", reason=error.strerror or str(error))
        _tell(f"kanaalstats: {text('error_prefix', 'nl')}: {said}")
        code = ExitCode.INPUT_FILE
    # A closed (`>&-`, `2>&-`) or full stdout or stderr must not end in a traceback; and
    # os._exit flushes nothing after this.
    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stdout.flush()
    if isinstance(code, str):
        _tell(code)
        code = 1
    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stderr.flush()
    os._exit(code or 0)


def _tell(line: str) -> None:
    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stderr.write(line + "\n")
