"""The published form: a table as the municipality publishes it. First column the Dutch
label, then one column per year, Dutch numbers; title lines, section headings, footnote
markers and their footnotes, and a `Bron:` line are understood.

The same table turned a quarter (CBS's layout for one region: a column per indicator, a row
per year, `Jaar;aanvragen;klachten` over `2017;5213;1876`) is read the same way, turned back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from kanaalstats.domain.errors import DataError
from kanaalstats.domain.message import Message
from kanaalstats.domain.units import (
    GUESSED,
    infer_unit_by_rule,
    strip_unit_words,
    unit_guessed,
    unit_rule,
)
from kanaalstats.load.numbers import (
    NumberFormatError,
    dot_decimal_position,
    parse_published_row,
    starts_with_zero_group,
)
from kanaalstats.load.parts import (
    Indicator,
    Part,
    cell_error,
    check_width,
    imprecise,
    plausible_year,
    remember_indicator,
    slug,
)
from kanaalstats.load.source import Row, SourceText

_FOOTNOTE_MARK = re.compile(r"^(.*?)\s*(\*+)$")
_FOOTNOTE_ROW = re.compile(r"^(\*+)\s*(.*)$")
_SOURCE_ROW = re.compile(r"^(bron|source)\s*:\s*(.*)$", re.IGNORECASE)


@dataclass(frozen=True)
class _Series:
    """One indicator's label and value texts, with the line each text is on."""

    line: int
    label: str
    texts: list[str]
    lines: list[int]


@dataclass(frozen=True)
class _Shape:
    """A table as label rows (footnotes, sections) and series, with the years of its cells."""

    years: list[int]
    provisional: list[int]
    entries: list[_Series | str]


def load_published(source: SourceText, rows: list[Row]) -> Part:
    down = _years_down_header(rows)
    shape = _down(source.name, rows, down) if down is not None else _across(source.name, rows)
    years = shape.years
    part = Part()
    if shape.provisional:
        part.warnings.append(
            Message(
                "years_provisional",
                {"path": source.name, "years": ", ".join(map(str, shape.provisional))},
            )
        )
    evidence = _dot_evidence(shape.entries)
    footnotes: dict[str, str] = {}
    marks: dict[str, str] = {}
    section = ""
    source_note = ""
    seen: dict[str, int] = {}
    guessed: list[str] = []
    for entry in shape.entries:
        if isinstance(entry, str):
            # A label without values: a footnote, the source line, or a section heading.
            if note := _FOOTNOTE_ROW.match(entry):
                footnotes[note.group(1)] = note.group(2).strip()
            elif note := _SOURCE_ROW.match(entry):
                source_note = note.group(2).strip()
            else:
                section = entry
            continue
        label, texts = entry.label, entry.texts
        mark = ""
        if marked := _FOOTNOTE_MARK.match(label):
            label, mark = marked.group(1), marked.group(2)
        try:
            cells, dotted = parse_published_row(texts, evidence is not None)
        except NumberFormatError as error:
            position = error.position or 0
            line, year, text = entry.lines[position], years[position], texts[position]
            if error.reason == "ambiguous" and evidence is not None:
                raise DataError(
                    "cell_ambiguous",
                    path=source.name,
                    line=line,
                    year=year,
                    text=text.strip(),
                    other_line=evidence[0],
                    other=evidence[1],
                ) from None
            raise cell_error(source.name, line, year, text, error) from None
        for position, cell in enumerate(cells):
            line, year, text = entry.lines[position], years[position], texts[position].strip()
            if cell.provisional:
                where = {"path": source.name, "line": line, "year": year, "text": text}
                part.warnings.append(Message("cell_provisional", where))
            if cell.imprecise:
                part.warnings.append(imprecise(source.name, line, year, text))
        for position in dotted:
            zero = starts_with_zero_group(texts[position])
            part.warnings.append(
                Message(
                    "cell_zero_group" if zero else "cell_dot_decimal",
                    {
                        "path": source.name,
                        "line": entry.lines[position],
                        "year": years[position],
                        "text": texts[position].strip(),
                        "value": cells[position].value,
                    },
                )
            )
        indicator = slug(strip_unit_words(label))
        if not indicator:
            raise DataError("bad_id", path=source.name, line=entry.line, value=label)
        remember_indicator(seen, indicator, source.name, entry.line)
        unit, rule = infer_unit_by_rule(label, any(cell.percent for cell in cells))
        if rule == GUESSED:
            guessed.append(indicator)
        marks[indicator] = mark
        part.indicators.append(
            Indicator(
                id=indicator,
                label_nl=label,
                line=entry.line,
                origin=source.name,
                unit=unit,
                section=section,
                unit_rule=unit_rule(rule),
            )
        )
        provisional_years = set(shape.provisional)
        part.provisional.extend(
            (indicator, year)
            for year, cell in zip(years, cells, strict=True)
            if cell.provisional or year in provisional_years
        )
        values = zip(years, cells, strict=True)
        part.values.extend((indicator, year, cell.value, cell.decimals) for year, cell in values)
    for read in part.indicators:
        read.footnote = footnotes.get(marks[read.id], "")
        read.source = source_note
    if guessed:
        part.warnings.append(unit_guessed(source.name, guessed))
    return part


def _dot_evidence(entries: list[_Series | str]) -> tuple[int, str] | None:
    """The first cell of the file that writes decimals with a dot, as (line, text)."""
    for entry in entries:
        if isinstance(entry, _Series):
            position = dot_decimal_position(entry.texts)
            if position is not None:
                return entry.lines[position], entry.texts[position].strip()
    return None


def _years_of(cells: list[str]) -> list[int | None]:
    return [plausible_year(cell) for cell in cells]


def _years_down_header(rows: list[Row]) -> int | None:
    """The header row of a table whose first column holds the years, if it is one.

    That header names indicators (no years) and the row under it starts with a year. A row
    with a year after its first cell means the years run across: the usual shape.
    """
    for index, row in enumerate(rows[:-1]):
        names = [cell.strip() for cell in row.cells[1:]]
        if any(year is not None for year in _years_of(names)):
            return None
        if any(names) and plausible_year(rows[index + 1].cells[0]) is not None:
            return index
    return None


def _across(name: str, rows: list[Row]) -> _Shape:
    """Years across the header, one row per indicator."""
    # Title lines above the header carry no figures: the header is the first row with a year.
    start = next(
        (i for i, row in enumerate(rows) if any(_years_of(row.cells[1:]))),
        None,
    )
    if start is None:
        raise DataError("no_year_columns", path=name, line=rows[0].line)
    header_row, body = rows[start], rows[start + 1 :]
    years, provisional = _published_years(name, header_row, body)
    width = len(years)
    corner = header_row.cells[0].strip().lower()
    entries: list[_Series | str] = []
    for row in body:
        label = row.cells[0].strip()
        texts = row.cells[1 : 1 + width]
        check_width(name, row, 1 + width, width)
        if not any(cell.strip() for cell in texts):
            entries.append(label)
            continue
        if label.lower() == corner and _is_header(texts):
            _repeated_header(name, row, texts, years)
            continue
        if len(texts) < width:
            raise DataError(
                "row_too_short", path=name, line=row.line, cells=len(texts), years=width
            )
        if not label:
            raise DataError("row_without_label", path=name, line=row.line)
        entries.append(_Series(row.line, label, texts, [row.line] * width))
    return _Shape(years, provisional, entries)


def _is_header(texts: list[str]) -> bool:
    filled = [text for text in texts if text.strip()]
    return bool(filled) and all(year is not None for year in _years_of(filled))


def _repeated_header(name: str, row: Row, texts: list[str], years: list[int]) -> None:
    """A header repeated further down (tables pasted together) is passed over; one with other
    years would give the rows below it the wrong years, so it is refused."""
    found = [year for year in _years_of(texts) if year is not None]
    if found != years:
        raise DataError(
            "second_header",
            path=name,
            line=row.line,
            found=";".join(map(str, found)),
            years=";".join(map(str, years)),
        )


def _down(name: str, rows: list[Row], start: int) -> _Shape:
    """Years down the first column, one column per indicator: read turned back."""
    header = rows[start]
    labels = [cell.strip() for cell in header.cells[1:]]
    while labels and not labels[-1]:
        labels.pop()
    width = len(labels)
    for position, label in enumerate(labels, start=2):
        if not label:
            raise DataError("column_without_label", path=name, line=header.line, column=position)
    years: list[int] = []
    provisional: list[int] = []
    lines: list[int] = []
    columns: list[list[str]] = [[] for _ in labels]
    notes: list[str] = []
    for row in rows[start + 1 :]:
        first = row.cells[0].strip()
        texts = row.cells[1 : 1 + width]
        check_width(name, row, 1 + width, width)
        if not any(cell.strip() for cell in texts):
            notes.append(first)
            continue
        if (
            first.lower() == header.cells[0].strip().lower()
            and [t.strip() for t in texts] == labels
        ):
            continue  # the header repeated further down
        year = plausible_year(first)
        if year is None:
            raise DataError("row_not_year", path=name, line=row.line, value=first)
        if year in years:
            raise DataError("duplicate_year_row", path=name, line=row.line, year=year)
        if len(texts) < width:
            raise DataError(
                "row_too_short_down", path=name, line=row.line, cells=len(texts), columns=width
            )
        years.append(year)
        if first.endswith("*"):
            provisional.append(year)
        lines.append(row.line)
        for column, text in zip(columns, texts, strict=True):
            column.append(text)
    entries: list[_Series | str] = [
        _Series(header.line, label, column, lines)
        for label, column in zip(labels, columns, strict=True)
    ]
    return _Shape(years, provisional, [*entries, *notes])


def _published_years(name: str, header: Row, body: list[Row]) -> tuple[list[int], list[int]]:
    """The header's years, and those marked provisional (`2020*`)."""
    cells = [cell.strip() for cell in header.cells[1:]]
    # Exports often end rows with empty columns (`;;;;`); drop those only when nothing fills them.
    while cells and not cells[-1]:
        position = len(cells)
        if any(len(row.cells) > position and row.cells[position].strip() for row in body):
            break
        cells.pop()
    years: list[int] = []
    provisional: list[int] = []
    for position, cell in enumerate(cells, start=2):
        year = plausible_year(cell)
        if year is None:
            raise DataError(
                "header_not_year", path=name, line=header.line, column=position, value=cell
            )
        years.append(year)
        if cell.endswith("*"):
            provisional.append(year)
    _check_order(name, header.line, cells, years)
    if not years:
        raise DataError("no_year_columns", path=name, line=header.line)
    return years, provisional


def _check_order(name: str, line: int, cells: list[str], years: list[int]) -> None:
    """A header of years is plausible only with each year once, increasing: `;2019;2017`
    is more likely counts or codes than years, and is never reordered silently."""
    found = ";" + ";".join(cells)
    seen: set[int] = set()
    for year in years:
        if year in seen:
            raise DataError("header_year_twice", path=name, line=line, year=year, found=found)
        seen.add(year)
    for earlier, later in pairwise(years):
        if later < earlier:
            raise DataError("header_years_order", path=name, line=line, found=found)
