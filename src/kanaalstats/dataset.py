"""Loading and validating key-figure tables: canonical, as published (Dutch), and long.

Whatever the form on disk, a Dataset holds one frame of indicator metadata and one tidy frame
of values (indicator × year). Every refusal names the file, the line and the value.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kanaalstats.dutch_numbers import (
    Cell,
    NumberFormatError,
    parse_machine_number,
    parse_published_row,
)
from kanaalstats.errors import DataError, UsageError
from kanaalstats.long_form import in_key_order, is_long_header, read_long_csv, read_parquet
from kanaalstats.messages import Message
from kanaalstats.source_text import (
    STDIN,
    Row,
    SourceText,
    peek_source,
    read_rows,
    read_source,
    sniff_delimiter,
)
from kanaalstats.units import UNITS, infer_unit, strip_unit_words

if TYPE_CHECKING:
    import pandas as pd

BUILTIN_FILES = ("kerncijfers.csv", "tekstcijfers.csv")
PARQUET_SUFFIXES = (".parquet", ".pq")
METADATA_COLUMNS = (
    "label_nl",
    "label_en",
    "unit",
    "footnote",
    "source",
    "quote",
    "section",
    "subject_nl",
    "subject_en",
)
_CANONICAL_ALIASES = {"indicator": "id", "label": "label_nl"}
_YEAR = re.compile(r"\d{4}")
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_FOOTNOTE_MARK = re.compile(r"^(.*?)\s*(\*+)$")
_FOOTNOTE_ROW = re.compile(r"^(\*+)\s*(.*)$")
_SOURCE_ROW = re.compile(r"^(bron|source)\s*:\s*(.*)$", re.IGNORECASE)


@dataclass
class _Indicator:
    id: str
    label_nl: str
    line: int
    origin: str
    unit: str
    label_en: str = ""
    footnote: str = ""
    source: str = ""
    quote: str = ""
    section: str = ""
    subject_nl: str = ""
    subject_en: str = ""


@dataclass
class _Part:
    """What one file contributes before the files are merged."""

    indicators: list[_Indicator] = field(default_factory=list)
    values: list[tuple[str, int, float | None, int]] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)
    frame: pd.DataFrame | None = None  # the long form's values, already tidy


@dataclass(frozen=True)
class Dataset:
    """Indicators (metadata frame indexed by id) and their values (tidy frame)."""

    indicators: pd.DataFrame
    values: pd.DataFrame
    warnings: tuple[Message, ...] = ()
    sources: tuple[str, ...] = ()

    @property
    def ids(self) -> list[str]:
        return [str(i) for i in self.indicators.index]

    @property
    def years(self) -> list[int]:
        return sorted(int(y) for y in self.values["year"].unique())

    @property
    def entities(self) -> list[str]:
        """The entities of a panel (municipalities, districts); empty for a single table."""
        return [str(e) for e in self.values["entity"].cat.categories if str(e)]

    @property
    def has_entities(self) -> bool:
        return bool(self.entities)

    def for_entities(self, names: Sequence[str]) -> Dataset:
        """Only the named entities (`--entity`), each named exactly or by a unique prefix."""
        if not names:
            return self
        from kanaalstats.selection import resolve_entity

        if not self.has_entities:
            raise UsageError("no_entities")
        chosen = list(dict.fromkeys(resolve_entity(name, self.entities) for name in names))
        values = self.values[self.values["entity"].isin(chosen)]
        values = values.assign(entity=values["entity"].cat.remove_unused_categories())
        return replace(self, values=values.reset_index(drop=True))

    def unit(self, indicator: str) -> str:
        return str(self.indicators.at[indicator, "unit"])

    def label(self, indicator: str, lang: str) -> str:
        """The label in the language asked for, falling back to Dutch where no English exists."""
        english = str(self.indicators.at[indicator, "label_en"])
        return (
            english if lang == "en" and english else str(self.indicators.at[indicator, "label_nl"])
        )

    def with_units(self, overrides: dict[str, str]) -> Dataset:
        """A copy with some units set by the user (`--unit ID=UNIT`)."""
        if not overrides:
            return self
        indicators = self.indicators.copy()
        for indicator, unit in overrides.items():
            indicators.loc[indicator, "unit"] = unit
        return replace(self, indicators=indicators)


def builtin_paths() -> list[Path]:
    """The table the package ships (the report's key figures plus the text's figures)."""
    root = resources.files("kanaalstats") / "data"
    return [Path(str(root / name)) for name in BUILTIN_FILES]


def load(paths: Sequence[Path] | None = None) -> Dataset:
    """Load one or more files (the built-in data when none is given) into one Dataset."""
    chosen = list(paths) if paths else builtin_paths()
    names = [
        path.name if not paths else "<stdin>" if str(path) == STDIN else str(path)
        for path in chosen
    ]
    parts = [_load_file(path, name) for path, name in zip(chosen, names, strict=True)]
    return _merge(parts, tuple(names))


def _load_file(path: Path, name: str) -> _Part:
    if path.suffix.lower() in PARQUET_SUFFIXES:
        return _long_part(*read_parquet(path, name), name)
    head = peek_source(path, name)
    if head.text.strip() and is_long_header(_header_names(head.text)):
        # A panel can be large: let pandas read the file itself unless it must be decoded first.
        if str(path) != STDIN and head.encoding == "utf-8":
            return _long_part(*read_long_csv(path, name, sniff_delimiter(head.text)), name)
        whole = read_source(path, name)
        return _long_part(*read_long_csv(whole.text, name, sniff_delimiter(whole.text)), name)
    source = read_source(path, name)
    rows = [row for row in read_rows(source) if any(cell.strip() for cell in row.cells)]
    if not rows:
        raise DataError("empty_table", path=name)
    header = {cell.strip().lower() for cell in rows[0].cells}
    # `indicator`/`label` are what `table --format csv` writes, so its output loads back.
    if header & {"id", "indicator"} and "unit" in header:
        return _load_canonical(source, rows)
    return _load_published(source, rows)


# --- canonical form: one row per indicator, metadata columns, one column per year ----------


def _load_canonical(source: SourceText, rows: list[Row]) -> _Part:
    header = [_CANONICAL_ALIASES.get(h, h) for h in (c.strip().lower() for c in rows[0].cells)]
    year_columns = {i: int(h) for i, h in enumerate(header) if _YEAR.fullmatch(h)}
    known = {"id", *METADATA_COLUMNS}
    part = _Part()
    _check_unique_years(source.name, rows[0].line, header, year_columns)
    for i, name in enumerate(header):
        if i not in year_columns and name not in known:
            part.warnings.append(
                Message("column_ignored", {"path": source.name, "column": rows[0].cells[i]})
            )
    if not year_columns:
        raise DataError("no_year_columns", path=source.name, line=rows[0].line)
    seen: dict[str, int] = {}
    for row in rows[1:]:
        _check_width(source.name, row, len(header))
        record = {
            name: row.cells[i].strip() if i < len(row.cells) else ""
            for i, name in enumerate(header)
        }
        indicator = record["id"]
        if not _ID.fullmatch(indicator):
            raise DataError("bad_id", path=source.name, line=row.line, value=indicator)
        if indicator in seen:
            raise DataError(
                "duplicate_indicator",
                path=source.name,
                id=indicator,
                line=row.line,
                first=seen[indicator],
            )
        seen[indicator] = row.line
        unit = record["unit"]
        if unit not in UNITS:
            raise DataError(
                "bad_unit", path=source.name, line=row.line, value=unit, choices=", ".join(UNITS)
            )
        metadata = {k: record.get(k, "") for k in METADATA_COLUMNS}
        metadata["label_nl"] = metadata["label_nl"] or indicator
        part.indicators.append(
            _Indicator(id=indicator, line=row.line, origin=source.name, **metadata)
        )
        for i, year in year_columns.items():
            text = row.cells[i] if i < len(row.cells) else ""
            try:
                cell = parse_machine_number(text)
            except NumberFormatError as error:
                raise _cell_error(source.name, row.line, year, text, error) from None
            part.values.append((indicator, year, cell.value, cell.decimals))
    return part


# --- long form: read by long_form.py; here its indicators become metadata ------------------


def _header_names(text: str) -> set[str]:
    for line in text.splitlines():
        if line.strip():
            delimiter = sniff_delimiter(line)
            return {cell.strip().strip('"').lower() for cell in line.split(delimiter)}
    return set()


def _long_part(frame: pd.DataFrame, warnings: list[Message], name: str) -> _Part:
    first = frame.drop_duplicates("indicator")
    labels = {
        column: first[column].astype(str).tolist()
        for column in ("label_nl", "label", "label_en")
        if column in first
    }
    part = _Part(
        warnings=warnings, frame=frame[["entity", "indicator", "year", "value", "decimals"]]
    )
    for position, indicator in enumerate(first["indicator"].astype(str)):
        label = (
            labels.get("label_nl", labels.get("label", [indicator] * len(first)))[position]
            or indicator
        )
        part.indicators.append(
            _Indicator(
                id=indicator,
                label_nl=label,
                label_en=labels.get("label_en", [""] * len(first))[position],
                line=int(first.index[position]) + 2,
                origin=name,
                unit=str(first["unit"].iloc[position]),
            )
        )
    return part


# --- published form: label, then one column per year, Dutch numbers --------------------------


def _load_published(source: SourceText, rows: list[Row]) -> _Part:
    # Title lines above the header carry no figures: the header is the first row with a year.
    start = next(
        (i for i, row in enumerate(rows) if any(_YEAR.fullmatch(c.strip()) for c in row.cells[1:])),
        None,
    )
    if start is None:
        raise DataError("no_year_columns", path=source.name, line=rows[0].line)
    header_row, body = rows[start], rows[start + 1 :]
    years = _published_years(source.name, header_row, body)
    width = len(years)
    part = _Part()
    footnotes: dict[str, str] = {}
    marks: dict[str, str] = {}
    section = ""
    source_note = ""
    seen: dict[str, int] = {}
    for row in body:
        label = row.cells[0].strip()
        texts = row.cells[1 : 1 + width]
        extra = row.cells[1 + width :]
        if any(cell.strip() for cell in extra):
            raise DataError(
                "row_too_long", path=source.name, line=row.line, cells=len(row.cells), years=width
            )
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
            raise _cell_error(
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
        if indicator in seen:
            raise DataError(
                "duplicate_indicator",
                path=source.name,
                id=indicator,
                line=row.line,
                first=seen[indicator],
            )
        seen[indicator] = row.line
        unit = infer_unit(label, any(cell.percent for cell in cells))
        marks[indicator] = mark
        part.indicators.append(
            _Indicator(
                id=indicator,
                label_nl=label,
                line=row.line,
                origin=source.name,
                unit=unit,
                section=section,
            )
        )
        part.values.extend(_value_rows(indicator, years, cells))
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
        if not _YEAR.fullmatch(cell):
            raise DataError(
                "header_not_year", path=name, line=header.line, column=position, value=cell
            )
        years.append(int(cell))
    _check_unique_years(name, header.line, [str(y) for y in years], dict(enumerate(years)))
    if not years:
        raise DataError("no_year_columns", path=name, line=header.line)
    return years


def _value_rows(
    indicator: str, years: list[int], cells: list[Cell]
) -> Iterable[tuple[str, int, float | None, int]]:
    for year, cell in zip(years, cells, strict=True):
        yield indicator, year, cell.value, cell.decimals


# --- shared checks and the merge --------------------------------------------------------------


def _check_unique_years(
    name: str, line: int, header: list[str], year_columns: dict[int, int]
) -> None:
    seen: set[int] = set()
    for year in year_columns.values():
        if year in seen:
            raise DataError("duplicate_year", path=name, line=line, year=year)
        seen.add(year)


def _check_width(name: str, row: Row, width: int) -> None:
    if len(row.cells) > width and any(cell.strip() for cell in row.cells[width:]):
        raise DataError("row_too_long", path=name, line=row.line, cells=len(row.cells), years=width)


def _cell_error(name: str, line: int, year: int, text: str, error: NumberFormatError) -> DataError:
    return DataError(f"cell_{error.reason}", path=name, line=line, year=year, text=text.strip())


def slug(label: str) -> str:
    """A stable id from a label: ASCII, lower case, words joined by `_` (`%` becomes `pct`)."""
    ascii_label = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "_", ascii_label.lower().replace("%", " pct ")).strip("_")
    return words


def _merge(parts: list[_Part], sources: tuple[str, ...]) -> Dataset:
    import pandas as pd

    origins: dict[str, str] = {}
    records: list[dict[str, Any]] = []
    for part in parts:
        for indicator in part.indicators:
            if indicator.id in origins:
                raise DataError(
                    "duplicate_indicator_across_files",
                    id=indicator.id,
                    first=origins[indicator.id],
                    path=indicator.origin,
                )
            origins[indicator.id] = indicator.origin
            records.append(
                {
                    "id": indicator.id,
                    **{k: getattr(indicator, k) for k in METADATA_COLUMNS},
                    "origin": indicator.origin,
                }
            )
    if not records:
        raise DataError("no_indicators", path=", ".join(sources))
    indicators = pd.DataFrame.from_records(
        records, columns=["id", *METADATA_COLUMNS, "origin"]
    ).set_index("id")
    frames = [part.frame for part in parts if part.frame is not None]
    listed = [row for part in parts for row in part.values]
    if listed:
        small = pd.DataFrame.from_records(
            listed, columns=["indicator", "year", "value", "decimals"]
        )
        frames.append(small.assign(entity=""))
    if len(frames) > 1:
        # Categories of different files do not concatenate; names are few, so go via text.
        frames = [
            f.assign(entity=f["entity"].astype(str), indicator=f["indicator"].astype(str))
            for f in frames
        ]
        values = pd.concat(frames, ignore_index=True)
    else:
        values = frames[0]
    # Categories keep the order the files list the indicators in (the order analysts
    # publish), and make the panel's repeated names cheap.
    values = values.astype(
        {
            "entity": "category",
            "indicator": pd.CategoricalDtype(list(origins)),
            "year": "int64",
            "value": "float64",
            "decimals": "int8",
        }
    )
    keys = ["entity", "indicator", "year"]
    if not in_key_order(values, keys):
        values = values.sort_values(keys, kind="stable").reset_index(drop=True)
    warnings = tuple(w for part in parts for w in part.warnings)
    return Dataset(indicators=indicators, values=values, warnings=warnings, sources=sources)


def parse_unit_overrides(specs: Sequence[str], dataset: Dataset) -> dict[str, str]:
    """Read `ID=UNIT` options; the id may be an unambiguous prefix."""
    from kanaalstats.selection import resolve_indicator

    overrides: dict[str, str] = {}
    for spec in specs:
        name, sep, unit = spec.partition("=")
        if not sep or unit.strip() not in UNITS:
            raise UsageError("bad_unit_option", value=spec, choices=", ".join(UNITS))
        overrides[resolve_indicator(name.strip(), dataset.ids)] = unit.strip()
    return overrides
