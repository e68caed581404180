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
from kanaalstats.usage import LANG_VARIABLE, Command, Group, help_text, language_of, man_page

if TYPE_CHECKING:
    from kanaalstats.commands import base

_debug = False  # --debug, set before any command runs

app = typer.Typer(
    name="kanaalstats",
    cls=Group,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
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
            help=help_text("help_opt_data"),
        ),
    ] = None
    fmt: Annotated[
        OutputFormat | None,
        _quiet(
            "--format",
            "-f",
            help=help_text("help_opt_format"),
        ),
    ] = None
    lang: Annotated[
        Lang,
        typer.Option(
            "--lang",
            "-l",
            envvar=LANG_VARIABLE,
            case_sensitive=False,  # KANAALSTATS_LANG=EN as well as en
            help=help_text("help_opt_lang"),
        ),
    ] = Lang.NL
    output: Annotated[
        Path | None,
        _quiet("--output", "-o", help=help_text("help_opt_output")),
    ] = None
    units: Annotated[
        list[str] | None,
        _quiet(
            "--unit",
            help=help_text("help_opt_unit"),
        ),
    ] = None
    entities: Annotated[
        list[str] | None,
        _quiet(
            "--entity",
            "-e",
            help=help_text("help_opt_entity"),
        ),
    ] = None
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=help_text("help_opt_quiet"))] = False
    sheet: Annotated[str | None, _quiet("--sheet", help=help_text("help_opt_sheet"))] = None
    regions: Annotated[Path | None, _quiet("--regions", help=help_text("help_opt_regions"))] = None
    # Not an option: the format a command writes when nothing on the line or in the
    # environment names one.
    usual_fmt: OutputFormat = OutputFormat.TABLE


def _indicator_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    """Completion: the ids of the --data given so far on the line, or of the built-in data."""
    from kanaalstats.load.names import offered

    return [i for i in offered(ctx.params.get("data"))[0] if i.startswith(incomplete)]


def _years(ctx: typer.Context, incomplete: str) -> list[str]:
    """Completion: the years of the --data given so far, or of the built-in data."""
    from kanaalstats.load.names import offered

    return [str(y) for y in offered(ctx.params.get("data"))[1] if str(y).startswith(incomplete)]


IndicatorsArgument = Annotated[
    list[str] | None,
    typer.Argument(
        help=help_text("help_opt_indicators"), show_default=False, autocompletion=_indicator_ids
    ),
]
DaysOption = Annotated[DaysBasis, typer.Option("--days", help=help_text("help_opt_days"))]
YearOption = Annotated[
    int | None,
    typer.Option(
        "--year", "-y", help=help_text("help_opt_year"), show_default=False, autocompletion=_years
    ),
]


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
        del shared["usual_fmt"]

        @functools.wraps(function)
        def with_common(**values: Any) -> None:
            options = {name: values.pop(name) for name in shared}
            function(Common(**options, usual_fmt=default_format), **values)

        params = [*(p for p in own if p.name != "common"), *shared.values()]
        with_common.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
        name = function.__name__
        return app.command(cls=Command, help=help_text(f"help_{name}"))(with_common)

    return decorate


def _run(common: Common, command: base.Command, **extra: Any) -> None:
    """Hand the request to the app; its exit code is the command's."""
    from kanaalstats.app import BLOCK_ROWS, Request, run

    rows = os.environ.get("KANAALSTATS_BLOCK_ROWS", "")
    request = Request(
        command=command,
        data=common.data,
        fmt=common.fmt or common.usual_fmt,
        fmt_given=common.fmt is not None,
        fmt_from_environment=os.environ.get("KANAALSTATS_FORMAT"),
        lang=common.lang,
        output=common.output,
        units=common.units or (),
        entities=common.entities or (),
        sheet=common.sheet,
        regions=common.regions,
        block_rows=int(rows) if rows.isdigit() and int(rows) > 0 else BLOCK_ROWS,
        debug=_debug,
        quiet=common.quiet,
        **extra,
    )
    code = run(request)
    if code:
        raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kanaalstats {__version__}")
        raise typer.Exit()


def _man(ctx: typer.Context, value: bool) -> None:
    if value:
        sys.stdout.write(man_page(ctx, language_of([])))
        raise typer.Exit()


@app.callback(help=help_text("help_main"))
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help=help_text("help_opt_version")
        ),
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help=help_text("help_opt_debug"))] = False,
    man: Annotated[
        bool,
        typer.Option(
            "--man",
            callback=_man,
            is_eager=True,
            expose_value=False,
            help=help_text("help_opt_man"),
        ),
    ] = False,
) -> None:
    global _debug
    _debug = debug


# Each command's help is the catalogue's help_<command> (text/catalogue.py), in both languages.


@command()
def table(common: Common, indicators: IndicatorsArgument = None) -> None:
    from kanaalstats.commands.table import Table

    _run(common, Table(indicators, common.lang))


@command()
def indicators(common: Common) -> None:
    from kanaalstats.commands.indicators import Indicators

    _run(common, Indicators())


@command()
def growth(
    common: Common,
    indicators: IndicatorsArgument = None,
    from_year: Annotated[
        int | None,
        typer.Option(
            "--from", help=help_text("help_opt_from"), show_default=False, autocompletion=_years
        ),
    ] = None,
    to_year: Annotated[
        int | None,
        typer.Option(
            "--to", help=help_text("help_opt_to"), show_default=False, autocompletion=_years
        ),
    ] = None,
) -> None:
    from kanaalstats.commands.growth import Growth

    _run(common, Growth(indicators, from_year, to_year))


@command()
def daily(
    common: Common,
    indicators: IndicatorsArgument = None,
    year: YearOption = None,
    days: DaysOption = DaysBasis.CALENDAR,
) -> None:
    from kanaalstats.commands.daily import Daily

    _run(common, Daily(indicators, year, days))


@command()
def share(
    common: Common,
    numerator: Annotated[
        str, typer.Argument(help=help_text("help_opt_numerator"), autocompletion=_indicator_ids)
    ],
    denominator: Annotated[
        str, typer.Argument(help=help_text("help_opt_denominator"), autocompletion=_indicator_ids)
    ],
    year: YearOption = None,
) -> None:
    from kanaalstats.commands.share import Share

    _run(common, Share(numerator, denominator, year, common.lang))


@command(default_format=OutputFormat.MARKDOWN)
def report(
    common: Common,
    indicators: IndicatorsArgument = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            "-y",
            help=help_text("help_opt_report_year"),
            show_default=False,
            autocompletion=_years,
        ),
    ] = None,
    days: DaysOption = DaysBasis.CALENDAR,
    per_day: Annotated[
        bool | None,
        _quiet(
            "--per-day/--no-per-day",
            help=help_text("help_opt_per_day"),
        ),
    ] = None,
    context: Annotated[
        bool,
        typer.Option("--context", help=help_text("help_opt_context")),
    ] = False,
) -> None:
    from kanaalstats.commands.report import Report

    _run(common, Report(indicators, year, days, common.lang, per_day, context))


@command()
def trend(
    common: Common,
    indicators: IndicatorsArgument = None,
    plot: Annotated[
        Path | None,
        _quiet("--plot", help=help_text("help_opt_plot")),
    ] = None,
    zoom: Annotated[
        bool,
        typer.Option("--zoom", help=help_text("help_opt_zoom")),
    ] = False,
) -> None:
    from kanaalstats.commands.trend import Trend

    _run(common, Trend(indicators), plot=plot, zoom=zoom)


@command()
def check(
    common: Common,
    claims_file: Annotated[
        Path | None,
        _quiet("--claims", "-c", help=help_text("help_opt_claims")),
    ] = None,
    text_file: Annotated[
        Path | None, _quiet("--text", "-t", help=help_text("help_opt_text"))
    ] = None,
    write_claims: Annotated[
        Path | None, _quiet("--write-claims", help=help_text("help_opt_write_claims"))
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help=help_text("help_opt_strict"))] = False,
) -> None:
    from kanaalstats.commands.check import CheckClaims

    extra = tuple(path for path in (claims_file, text_file) if path is not None)
    command = CheckClaims(
        claims_file,
        strict,
        common.lang,
        text_file=text_file,
        own_data=bool(common.data),
        write_claims=write_claims,
    )
    sides = (write_claims,) if write_claims is not None else ()
    _run(common, command, other_inputs=extra, side_outputs=sides)


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
