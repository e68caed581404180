"""The command line: options, then one call into the library, then one call to the renderer.

Heavy libraries (pandas, Babel) are imported inside the commands so that `--help`,
`--version` and shell completion stay fast.
"""

from __future__ import annotations

import functools
import gc
import inspect
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from kanaalstats import __version__
from kanaalstats.options import DaysBasis, Lang, OutputFormat

if TYPE_CHECKING:
    from kanaalstats.dataset import Dataset
    from kanaalstats.messages import Message
    from kanaalstats.result import Result

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
    other_inputs: tuple[Path, ...] = ()  # files besides --data that -o must not overwrite


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


def _stderr(line: str) -> None:
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def _say(key: str, lang: str, **params: Any) -> None:
    from kanaalstats.messages import text

    _stderr("kanaalstats: " + text(key, lang, **params))


def _fail(message: Message, code: int, lang: str) -> NoReturn:
    from kanaalstats.messages import text

    _stderr(f"kanaalstats: {text('error_prefix', lang)}: {message.render(lang)}")
    raise typer.Exit(code)


def _silence_stdout() -> None:
    # The reader went away (`| head -1`): point stdout at /dev/null so the final flush at exit
    # cannot raise again.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _run(
    common: Common,
    build: Callable[[Dataset], Result],
    stream: Callable[[], bool] | None = None,
) -> None:
    """Load, compute, render; turn every known failure into one line on stderr and an exit code.

    `stream`, when given, may do the whole job without loading (a large panel, streamed);
    it returns False, having written nothing, when the general path must do it.
    """
    # Imported here, not at the top: --help and completion must not pay for pandas or Babel.
    from kanaalstats.errors import ExitCode, KanaalstatsError
    from kanaalstats.messages import Message, text

    lang = common.lang
    try:
        from kanaalstats.dataset import load, parse_unit_overrides
        from kanaalstats.output import refuse_input_as_output, write_atomically
        from kanaalstats.render import render

        if common.output is not None:
            refuse_input_as_output(common.output, [*(common.data or []), *common.other_inputs])
        if stream is not None and stream():
            return
        dataset = load(common.data)
        for warning in dataset.warnings:
            _stderr(f"kanaalstats: {text('warning_prefix', lang)}: {warning.render(lang)}")
        dataset = dataset.with_units(parse_unit_overrides(common.units or [], dataset))
        dataset = dataset.for_entities(common.entities or [])
        result = build(dataset)
        if common.output is not None:
            write_atomically(
                common.output, lambda stream: render(result, common.fmt, lang, stream, to_file=True)
            )
        else:
            render(result, common.fmt, lang, sys.stdout, to_file=False)
            sys.stdout.flush()
        if common.fmt is OutputFormat.CSV:
            # CSV has no place for notes (a missing share, the day basis): say them on stderr.
            for note in result.notes:
                _stderr(f"kanaalstats: {note.render(lang)}")
        if result.exit_code:
            raise typer.Exit(result.exit_code)
    except KanaalstatsError as error:
        if _state.debug:
            raise
        _fail(error.message, error.exit_code, lang)
    except BrokenPipeError:
        _silence_stdout()
        raise typer.Exit(ExitCode.OK) from None
    except KeyboardInterrupt:
        _say("interrupted", lang)
        raise typer.Exit(ExitCode.INTERRUPTED) from None
    except typer.Exit:
        raise
    except Exception as error:
        if _state.debug:
            raise
        _fail(
            Message("unexpected", {"error": f"{type(error).__name__}: {error}"}),
            ExitCode.INTERNAL,
            lang,
        )


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
    from kanaalstats import views
    from kanaalstats.selection import resolve_indicators

    _run(common, lambda ds: views.table(ds, resolve_indicators(indicators, ds.ids), common.lang))


@app.command()
@shared_options()
def indicators(common: Common) -> None:
    """List the indicators: id, label, unit and the years with a value.

    Example: kanaalstats indicators --format csv
    """
    from kanaalstats import views

    _run(common, views.indicators)


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
    from kanaalstats import views
    from kanaalstats.selection import check_span, resolve_indicators

    def build(ds: Dataset) -> Result:
        chosen = resolve_indicators(indicators, ds.ids)
        check_span(from_year, to_year, ds.years)
        return views.growth(ds, chosen, from_year, to_year)

    def stream() -> bool:
        # Only the plain question (every indicator, consecutive years, CSV or JSON) of one
        # file is streamed; anything asking for a choice among the data needs it loaded.
        plain = not (indicators or from_year or to_year or common.units or common.entities)
        machine = common.fmt in (OutputFormat.CSV, OutputFormat.JSON)
        if not (plain and machine and len(common.data or []) == 1):
            return False
        from kanaalstats.panel_stream import write_growth
        from kanaalstats.source_text import STDIN

        path = (common.data or [])[0]
        as_json = common.fmt is OutputFormat.JSON
        return str(path) != STDIN and write_growth(path, common.output, common.lang, as_json)

    _run(common, build, stream)


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
    from kanaalstats import views
    from kanaalstats.selection import check_year, resolve_indicators

    def build(ds: Dataset) -> Result:
        chosen = resolve_indicators(indicators, ds.ids) if indicators else None
        if year is not None:
            check_year(year, ds.years)
        return views.daily(ds, chosen, year, days)

    _run(common, build)


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
    from kanaalstats import views
    from kanaalstats.selection import check_year, resolve_indicator

    def build(ds: Dataset) -> Result:
        part = resolve_indicator(numerator, ds.ids)
        whole = resolve_indicator(denominator, ds.ids)
        if year is not None:
            check_year(year, ds.years)
        return views.share(ds, part, whole, year, common.lang)

    _run(common, build)


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
    from kanaalstats import views
    from kanaalstats.selection import check_year, resolve_indicators

    def build(ds: Dataset) -> Result:
        chosen = resolve_indicators(indicators, ds.ids)
        summarised = check_year(year, ds.years) if year is not None else ds.years[-1]
        return views.report(ds, chosen, summarised, days, common.lang)

    _run(common, build)


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
    from kanaalstats import views
    from kanaalstats.selection import resolve_indicators

    def build(ds: Dataset) -> Result:
        chosen = resolve_indicators(indicators, ds.ids)
        if plot is not None:
            _draw(plot, ds, chosen, common.lang, common.data or [])
        return views.trend(ds, chosen)

    _run(common, build)


def _draw(
    path: Path, dataset: Dataset, indicators: list[str], lang: str, inputs: list[Path]
) -> None:
    from kanaalstats.output import refuse_input_as_output, write_bytes_atomically
    from kanaalstats.plot import chart_format, render_chart

    image_format = chart_format(path)
    refuse_input_as_output(path, inputs)
    image, panels = render_chart(dataset, indicators, lang, image_format)
    write_bytes_atomically(path, image)
    _say("plot_written", lang, path=str(path), panels=panels)


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
    from kanaalstats import views
    from kanaalstats.claims import check_all, load_claims

    def build(ds: Dataset) -> Result:
        if len(ds.entities) > 1:
            from kanaalstats.errors import UsageError

            raise UsageError("check_needs_one_entity", count=len(ds.entities))
        claims = load_claims(claims_file, ds)
        return views.check(check_all(claims, ds), ds, strict, common.lang)

    _run(replace(common, other_inputs=(claims_file,) if claims_file else ()), build)


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
        _say("interrupted", "nl")
        code = INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        code = 0
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    sys.stderr.flush()
    if isinstance(code, str):
        _stderr(code)
        code = 1
    os._exit(code or 0)
