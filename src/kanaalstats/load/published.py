"""The published form: a table as the municipality publishes it. First column the Dutch
label, then one column per year, Dutch numbers; title lines, section headings, footnote
markers and their footnotes, and a `Bron:` line are understood."""

from __future__ import annotations

import re

from kanaalstats.domain.errors import DataError
from kanaalstats.domain.message import Message
from kanaalstats.domain.units import infer_unit, strip_unit_words
from kanaalstats.load.numbers import NumberFormatError, parse_published_row
from kanaalstats.load.parts import (
    YEAR,
    Indicator,
    Part,
    cell_error,
    check_unique_years,
    check_width,
    remember_indicator,
    slug,
)
from kanaalstats.load.source import Row, SourceText

_FOOTNOTE_MARK = re.compile(r"^(.*?)\s*(\*+)$")
_FOOTNOTE_ROW = re.compile(r"^(\*+)\s*(.*)$")
_SOURCE_ROW = re.compile(r"^(bron|source)\s*:\s*(.*)$", re.IGNORECASE)


def load_published(source: SourceText, rows: list[Row]) -> Part:
    # Title lines above the header carry no figures: the header is the first row with a year.
    start = next(
        (i for i, row in enumerate(rows) if any(YEAR.fullmatch(c.strip()) for c in row.cells[1:])),
        None,
    )
    if start is None:
        raise DataError("no_year_columns", path=source.name, line=rows[0].line)
    header_row, body = rows[start], rows[start + 1 :]
    years = _published_years(source.name, header_row, body)
    width = len(years)
    part = Part()
    footnotes: dict[str, str] = {}
    marks: dict[str, str] = {}
    section = ""
    source_note = ""
    seen: dict[str, int] = {}
    for row in body:
        label = row.cells[0].strip()
        texts = row.cells[1 : 1 + width]
        check_width(source.name, row, 1 + width, width)
        if not any(cell.strip() for cell in texts):
            # A label without values: a footnote, the source line, or a section heading.
            if note := _FOOTNOTE_ROW.match(label):
                footnotes[note.group(1)] = note.group(2).strip()
            elif note := _SOURCE_ROW.match(label):
                source_note = note.group(2).strip()
            else:
                section = label
            continue
        if len(texts) < width:
            raise DataError(
                "row_too_short", path=source.name, line=row.line, cells=len(texts), years=width
            )
        if not label:
            raise DataError("row_without_label", path=source.name, line=row.line)
        mark = ""
        if marked := _FOOTNOTE_MARK.match(label):
            label, mark = marked.group(1), marked.group(2)
        try:
            cells, dotted = parse_published_row(texts)
        except NumberFormatError as error:
            position = error.position or 0
            raise cell_error(
                source.name, row.line, years[position], texts[position], error
            ) from None
        for position in dotted:
            part.warnings.append(
                Message(
                    "cell_dot_decimal",
                    {
                        "path": source.name,
                        "line": row.line,
                        "year": years[position],
                        "text": texts[position].strip(),
                        "value": cells[position].value,
                    },
                )
            )
        indicator = slug(strip_unit_words(label))
        if not indicator:
            raise DataError("bad_id", path=source.name, line=row.line, value=label)
        remember_indicator(seen, indicator, source.name, row.line)
        unit = infer_unit(label, any(cell.percent for cell in cells))
        marks[indicator] = mark
        part.indicators.append(
            Indicator(
                id=indicator,
                label_nl=label,
                line=row.line,
                origin=source.name,
                unit=unit,
                section=section,
            )
        )
        values = zip(years, cells, strict=True)
        part.values.extend((indicator, year, cell.value, cell.decimals) for year, cell in values)
    for entry in part.indicators:
        entry.footnote = footnotes.get(marks[entry.id], "")
        entry.source = source_note
    return part


def _published_years(name: str, header: Row, body: list[Row]) -> list[int]:
    cells = [cell.strip() for cell in header.cells[1:]]
    # Exports often end rows with empty columns (`;;;;`); drop those only when nothing fills them.
    while cells and not cells[-1]:
        position = len(cells)
        if any(len(row.cells) > position and row.cells[position].strip() for row in body):
            break
        cells.pop()
    years: list[int] = []
    for position, cell in enumerate(cells, start=2):
        if not YEAR.fullmatch(cell):
            raise DataError(
                "header_not_year", path=name, line=header.line, column=position, value=cell
            )
        years.append(int(cell))
    check_unique_years(name, header.line, years)
    if not years:
        raise DataError("no_year_columns", path=name, line=header.line)
    return years
