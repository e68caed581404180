"""The canonical form: one row per indicator (id, labels, unit, ...), one column per year,
machine numbers. The built-in data is in this form."""

from __future__ import annotations

from kanaalstats.domain.errors import DataError
from kanaalstats.domain.message import Message
from kanaalstats.domain.units import UNITS
from kanaalstats.load.numbers import NumberFormatError, parse_machine_number
from kanaalstats.load.parts import (
    ID,
    METADATA_COLUMNS,
    YEAR,
    Indicator,
    Part,
    cell_error,
    check_unique_years,
    check_width,
    imprecise,
    plausible_year,
    remember_indicator,
)
from kanaalstats.load.source import Row, SourceText

# What `table --format csv` writes, so that its output loads back.
ALIASES = {"indicator": "id", "label": "label_nl"}
PROVISIONAL = "provisional"


def load_canonical(source: SourceText, rows: list[Row]) -> Part:
    header = [ALIASES.get(h, h) for h in (c.strip().lower() for c in rows[0].cells)]
    year_columns = {i: int(h) for i, h in enumerate(header) if YEAR.fullmatch(h)}
    for i, year in year_columns.items():
        if plausible_year(header[i]) != year:
            # 5213 as a column name is a count that slipped into the header, not a year.
            raise DataError(
                "header_not_year", path=source.name, line=rows[0].line, column=i + 1, value=year
            )
    # `table --format csv` writes `provisional` per row, not per year: it cannot mark a figure.
    known = {"id", *METADATA_COLUMNS, PROVISIONAL}
    part = Part()
    check_unique_years(source.name, rows[0].line, year_columns.values())
    for i, name in enumerate(header):
        if i not in year_columns and name not in known:
            part.warnings.append(
                Message("column_ignored", {"path": source.name, "column": rows[0].cells[i]})
            )
    if not year_columns:
        raise DataError("no_year_columns", path=source.name, line=rows[0].line)
    seen: dict[str, int] = {}
    marked: list[str] = []
    for row in rows[1:]:
        check_width(source.name, row, len(header), len(header))
        cells = [*row.cells, *[""] * (len(header) - len(row.cells))]
        record = {name: cell.strip() for name, cell in zip(header, cells, strict=False)}
        indicator = record["id"]
        if not ID.fullmatch(indicator):
            raise DataError("bad_id", path=source.name, line=row.line, value=indicator)
        remember_indicator(seen, indicator, source.name, row.line)
        unit = record["unit"]
        if unit not in UNITS:
            raise DataError(
                "bad_unit", path=source.name, line=row.line, value=unit, choices=", ".join(UNITS)
            )
        if record.get(PROVISIONAL, "").lower() == "true":
            marked.append(indicator)
        metadata = {k: record.get(k, "") for k in METADATA_COLUMNS}
        metadata["label_nl"] = metadata["label_nl"] or indicator
        part.indicators.append(
            Indicator(id=indicator, line=row.line, origin=source.name, **metadata)
        )
        for i, year in year_columns.items():
            text = cells[i]
            try:
                cell = parse_machine_number(text)
            except NumberFormatError as error:
                raise cell_error(source.name, row.line, year, text, error) from None
            if cell.imprecise:
                part.warnings.append(imprecise(source.name, row.line, year, text.strip()))
            part.values.append((indicator, year, cell.value, cell.decimals))
    if marked:
        ids = ", ".join(marked)
        part.warnings.append(Message("provisional_not_per_year", {"path": source.name, "ids": ids}))
    return part
