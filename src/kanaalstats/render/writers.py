"""The writer for each output format: begun once, given each block, ended once."""

from __future__ import annotations

from typing import Protocol, TextIO

from kanaalstats.domain.choices import OutputFormat
from kanaalstats.domain.result import Ending, Outline, Result
from kanaalstats.render.machine import CsvWriter, JsonWriter, NdjsonWriter
from kanaalstats.render.people import PeopleWriter


class Writer(Protocol):
    def write(self, result: Result) -> None: ...

    def end(self, ending: Ending) -> None: ...


def writer_for(
    fmt: OutputFormat, stream: TextIO, outline: Outline, lang: str, to_file: bool
) -> Writer:
    """The writer of `fmt` onto `stream`; `to_file` turns colour off."""
    machine = {
        OutputFormat.CSV: CsvWriter,
        OutputFormat.JSON: JsonWriter,
        OutputFormat.NDJSON: NdjsonWriter,
    }.get(fmt)
    if machine is not None:
        # Machines get bytes: whatever text was written before goes out first.
        stream.flush()
        return machine(stream.buffer, outline, lang)
    if fmt is OutputFormat.HTML:
        from kanaalstats.render.page import HtmlWriter

        return HtmlWriter(stream, outline, lang)
    return PeopleWriter(stream, outline, lang, fmt is OutputFormat.MARKDOWN, to_file)
