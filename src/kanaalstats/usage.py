"""The command line's own words in the user's language: usage errors and help.

Typer (and the Click it vendors) says both in English, a usage error in three lines. Here a
usage error becomes one line, `kanaalstats: fout: …`, rebuilt from what the exception
carries (the bad word, the parameter, the command), and help is written in the language of
`--lang` wherever it stands on the line, else `KANAALSTATS_LANG`, else Dutch. The help texts
are the catalogue's: cli.py declares them in English, and help in Dutch looks each up by
its English text.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from kanaalstats.domain.choices import Lang
from kanaalstats.text.catalogue import CATALOGUE, text

LANG_VARIABLE = "KANAALSTATS_LANG"
_language = Lang.NL.value  # of the run under way: help is formatted deep inside Click


def language_of(argv: Sequence[str], environ: Mapping[str, str] = os.environ) -> str:
    """The language the line asks for: the last valid --lang/-l on it (as Click takes the
    last), else KANAALSTATS_LANG, else Dutch."""
    found: str | None = None
    words = list(argv)
    for position, word in enumerate(words):
        if word == "--":
            break
        value: str | None = None
        if word in ("--lang", "-l") and position + 1 < len(words):
            value = words[position + 1]
        elif word.startswith("--lang="):
            value = word.removeprefix("--lang=")
        elif word.startswith("-l") and not word.startswith("--") and len(word) > 2:
            value = word[2:]
        if value is not None:
            found = value.strip().lower()
    choices = {lang.value for lang in Lang}
    if found in choices:
        return found
    from_environment = environ.get(LANG_VARIABLE, "").strip().lower()
    return from_environment if from_environment in choices else Lang.NL.value


# --- usage errors ----------------------------------------------------------------------------


def _kinds(error: BaseException) -> set[str]:
    # Click's exception classes are not part of Typer's public API; their names are.
    return {kind.__name__ for kind in type(error).__mro__}


def _quoted(message: str) -> str:
    """The value Click quotes (with repr) at the start of its message, or ''."""
    found = re.match(r"""^('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")""", message)
    if not found:
        return ""
    import ast

    try:
        return str(ast.literal_eval(found.group(1)))
    except (ValueError, SyntaxError):
        return found.group(1)[1:-1]


def _option_name(param: Any) -> str:
    names = list(getattr(param, "opts", None) or [])
    if getattr(param, "param_type_name", "") == "argument" or not names:
        return str(param.name).upper()
    return str(max(names, key=lambda name: (name.startswith("--"), len(name))))


def _options_of(command: Any) -> list[str]:
    names: list[str] = []
    for param in getattr(command, "params", []):
        if getattr(param, "param_type_name", "") == "option":
            names += [max(param.opts, key=len), *param.secondary_opts]
    return [*names, "--help"]


def usage_message(error: typer.TyperException, lang: str) -> str:
    """What the user did wrong, and what is valid, as one sentence in `lang`."""
    import difflib

    kinds = _kinds(error)
    ctx = getattr(error, "ctx", None)
    command = ctx.command_path if ctx is not None else "kanaalstats"
    message = error.message  # without the "Invalid value for …" Click puts before it
    if "NoSuchOption" in kinds:
        name = str(getattr(error, "option_name", ""))
        valid = _options_of(ctx.command) if ctx is not None else []
        close = list(getattr(error, "possibilities", None) or [])
        close = close or difflib.get_close_matches(name, valid, n=3, cutoff=0.6)
        if close:
            return text(
                "usage_unknown_option_suggest",
                lang,
                name=name,
                command=command,
                candidates=", ".join(sorted(close)),
            )
        return text(
            "usage_unknown_option", lang, name=name, command=command, choices=", ".join(valid)
        )
    if "MissingParameter" in kinds:
        param = getattr(error, "param", None)
        name = _option_name(param) if param is not None else "?"
        return text("usage_missing_argument", lang, name=name, command=command)
    if "BadParameter" in kinds:
        param = getattr(error, "param", None)
        option = _option_name(param) if param is not None else "?"
        value = _quoted(message)
        choices = getattr(getattr(param, "type", None), "choices", None)
        if choices:
            listed = ", ".join(str(getattr(c, "value", c)) for c in choices)
            return text("usage_bad_choice", lang, value=value, option=option, choices=listed)
        if getattr(getattr(param, "type", None), "name", "") in ("int", "integer"):
            return text("usage_not_whole_number", lang, value=value, option=option)
        return text("usage_bad_value", lang, value=value, option=option)
    if "BadOptionUsage" in kinds:
        name = str(getattr(error, "option_name", ""))
        key = "usage_takes_no_value" if "does not take" in message else "usage_needs_value"
        return text(key, lang, name=name)
    listing = getattr(getattr(ctx, "command", None), "list_commands", None)
    commands: list[str] = list(listing(ctx)) if listing is not None else []
    if message.startswith("No such command"):
        name = _quoted(message.removeprefix("No such command").strip())
        listed = ", ".join(commands)
        close = difflib.get_close_matches(name, commands, n=3, cutoff=0.6)
        if close:
            return text(
                "usage_unknown_command_suggest",
                lang,
                name=name,
                candidates=", ".join(close),
                choices=listed,
            )
        return text("usage_unknown_command", lang, name=name, choices=listed)
    if message.startswith("Missing command"):
        return text("usage_missing_command", lang, choices=", ".join(commands))
    extra = re.match(r"^Got unexpected extra arguments? \((.*)\)$", message)
    if extra:
        return text("usage_extra_arguments", lang, words=extra.group(1), command=command)
    return text("usage_other", lang, message=" ".join(message.split()))


def report_usage_error(error: typer.TyperException, lang: str) -> int:
    """Say the error on stderr, in one line; its exit code."""
    if "NoArgsIsHelpError" in _kinds(error):  # `kanaalstats` alone: the help, as Click does
        sys.stderr.write(error.format_message().rstrip("\n") + "\n")
    else:
        prefix = text("error_prefix", lang)
        sys.stderr.write(f"kanaalstats: {prefix}: {usage_message(error, lang)}\n")
    sys.stderr.flush()
    return error.exit_code


# --- help ------------------------------------------------------------------------------------

# English help text → catalogue key, for every text the command line shows as help.
_HELP_KEYS = {english: key for key, (_, english) in CATALOGUE.items() if key.startswith("help_")}
_DECORATION = re.compile(r"(\[|; )(default|env var|required)")


def help_text(key: str) -> str:
    """A help text as cli.py declares it: the catalogue's English."""
    return text(key, Lang.EN.value)


def _translated(help: str | None) -> str | None:
    if help is None or _language == Lang.EN.value:
        return help
    key = _HELP_KEYS.get(help.strip())
    return text(key, _language) if key else help


def _decorated(help: str) -> str:
    # Click adds "[default: nl]", "[env var: …]", "[required]" in English.
    words = {"default": "help_default", "env var": "help_env_var", "required": "help_required"}
    return _DECORATION.sub(
        lambda found: found.group(1) + text(words[found.group(2)], _language), help
    )


_ClickFormatter: Any = typer.Context.formatter_class  # Click's HelpFormatter, not exported


class _Formatter(_ClickFormatter):  # type: ignore[misc]
    """Click's help layout, with its headings in the run's language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix or text("help_usage", _language) + " ")

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        key = f"help_{name}"
        with super().section(text(key, _language) if key in CATALOGUE else name):
            yield

    def write_dl(self, rows: Sequence[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
        # Click's own --help is not among a command's parameters: it is translated here.
        rows = [(term, _decorated(_translated(help) or "")) for term, help in rows]
        super().write_dl(rows, *args, **kwargs)


class _Context(typer.Context):
    formatter_class = _Formatter


def _translate(command: Any) -> None:
    """Put the command's help, and its parameters', in the run's language (once)."""
    if getattr(command, "_kanaalstats_lang", None) == _language:
        return
    command._kanaalstats_lang = _language
    english = getattr(command, "_kanaalstats_english", None)
    if english is None:
        english = (command.help, command.short_help, [p.help for p in command.params])
        command._kanaalstats_english = english
    help, short_help, params = english
    command.help = _translated(help)
    command.short_help = _translated(short_help)
    for param, param_help in zip(command.params, params, strict=True):
        param.help = _translated(param_help)


class Command(TyperCommand):
    """A command whose help and usage errors speak the user's language."""

    context_class = _Context

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _translate(self)
        super().format_help(ctx, formatter)


class Group(TyperGroup):
    """The app: usage errors in one line and the user's language, help likewise."""

    context_class = _Context

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _translate(self)
        for name in self.list_commands(ctx):
            _translate(self.commands[name])
        super().format_help(ctx, formatter)

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        global _language
        words = list(sys.argv[1:] if args is None else args)
        _language = language_of(words)
        try:
            code = super().main(words, prog_name, complete_var, False, **extra)
        except typer.TyperException as error:
            code = report_usage_error(error, _language)
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)


# --- the manual page -------------------------------------------------------------------------


def _roff(line: str) -> str:
    escaped = line.replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + escaped if escaped.startswith((".", "'")) else escaped


def _paragraphs(help: str | None) -> list[str]:
    paragraphs = [" ".join(p.split()) for p in (help or "").split("\n\n") if p.strip()]
    lines: list[str] = []
    for position, paragraph in enumerate(paragraphs):
        if position:
            lines.append(".PP")
        lines.append(_roff(paragraph))
    return lines


def _options(command: Any, ctx: Any) -> list[str]:
    lines: list[str] = []
    for param in command.get_params(ctx):
        record = param.get_help_record(ctx)
        if record is None:
            continue
        term, help = record
        lines += [".TP", f"\\fB{_roff(term)}\\fR", _roff(_decorated(_translated(help) or ""))]
    return lines


def man_page(ctx: Any, lang: str) -> str:
    """The manual page (roff, section 1) of the app whose context is `ctx`: the same help
    texts as --help, in `lang`, with the environment and the exit codes."""
    from kanaalstats import __version__
    from kanaalstats.domain.errors import ExitCode

    global _language
    _language = lang
    group = ctx.command
    _translate(group)
    summary = (group.help or "").split("\n\n")[0].strip()
    heading = f'.TH KANAALSTATS 1 "" "kanaalstats {__version__}" "kanaalstats"'
    lines = [heading, f".SH {text('man_name', lang)}", _roff(f"kanaalstats - {summary}")]
    lines += [f".SH {text('man_synopsis', lang)}", ".B kanaalstats"]
    lines.append(_roff("[OPTIONS] COMMAND [ARGS]..."))
    lines += [f".SH {text('man_description', lang)}", *_paragraphs(group.help)]
    lines += [f".SH {text('man_options', lang)}", *_options(group, ctx)]
    lines.append(f".SH {text('man_commands', lang)}")
    for name in group.list_commands(ctx):
        command = group.commands[name]
        _translate(command)
        sub = _Context(command, info_name=name, parent=ctx)
        usage = " ".join(command.collect_usage_pieces(sub))
        lines += [f'.SS "{_roff(f"kanaalstats {name} {usage}")}"', *_paragraphs(command.help)]
        lines += _options(command, sub)
    lines.append(f".SH {text('man_environment', lang)}")
    for variable, key in (
        (LANG_VARIABLE, "man_env_lang"),
        ("KANAALSTATS_FORMAT", "man_env_format"),
        ("NO_COLOR", "man_env_no_color"),
        ("FORCE_COLOR", "man_env_force_color"),
    ):
        lines += [".TP", f"\\fB{_roff(variable)}\\fR", _roff(text(key, lang))]
    lines.append(f".SH {text('man_exit_status', lang)}")
    for code in ExitCode:
        lines += [".TP", f"\\fB{int(code)}\\fR", _roff(text(f"man_exit_{int(code)}", lang))]
    lines += [f".SH {text('man_see_also', lang)}", "README.md"]
    return "\n".join(lines) + "\n"
