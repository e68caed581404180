"""Table files into one Dataset: each file read by the reader of its form, then merged.

Whatever the form on disk, the values end sorted by entity, indicator and year, so that the
rows of every entity are together and a block of whole entities is a slice.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kanaalstats.domain.dataset import Dataset, years_of
from kanaalstats.domain.errors import DataError, InputFileError
from kanaalstats.domain.message import Message
from kanaalstats.load.canonical import load_canonical
from kanaalstats.load.cbs import cbs_to_long, is_cbs_header, region_key
from kanaalstats.load.long_form import (
    PARQUET_SUFFIXES,
    first_rows_of,
    in_key_order,
    is_long_header,
    read_long_csv,
    read_parquet,
)
from kanaalstats.load.long_notation import check_dot_groups, check_exact
from kanaalstats.load.parts import METADATA_COLUMNS, Indicator, Part
from kanaalstats.load.published import load_published
from kanaalstats.load.regions import Regions, beside, read_regions
from kanaalstats.load.source import (
    STDIN,
    Row,
    SourceText,
    is_stream,
    peek_source,
    read_rows,
    read_source,
    refuse_too_large,
    shown_name,
    sniff_delimiter,
    stream_bytes,
)
from kanaalstats.load.workbook import WORKBOOK_SUFFIXES, read_workbook, workbook_rows

if TYPE_CHECKING:
    import pandas as pd

BUILTIN_FILES = ("kerncijfers.csv", "tekstcijfers.csv")


def builtin_paths() -> list[Path]:
    """The table the package ships (the report's key figures plus the text's figures)."""
    root = resources.files("kanaalstats") / "data"
    return [Path(str(root / name)) for name in BUILTIN_FILES]


def builtin_data_files() -> list[Path]:
    """Every file the package ships as data (the tables and the report's claims)."""
    root = resources.files("kanaalstats") / "data"
    return [Path(str(entry)) for entry in root.iterdir() if entry.is_file()]


def load(
    paths: Sequence[Path] | None = None,
    sheet: str | None = None,
    regions: Path | None = None,
) -> Dataset:
    """Load one or more files (the built-in data when none is given) into one Dataset;
    `sheet` names the sheet of each workbook (default: its first), `regions` a CBS region
    list that names the regions of CBS files (default: one beside each CBS file)."""
    chosen = list(paths) if paths else builtin_paths()
    names = [
        path.name if not paths else "<stdin>" if str(path) == STDIN else shown_name(path)
        for path in chosen
    ]
    listed = read_regions(regions) if regions is not None else None
    parts = [
        _load_file(path, name, sheet, listed) for path, name in zip(chosen, names, strict=True)
    ]
    if listed is not None and not any(part.named_regions for part in parts):
        parts[0].warnings.append(Message("regions_unused", {"regions": listed.origin}))
    return _merge(parts, tuple(names))


def _cbs_part(
    path: Path | None, name: str, source: SourceText, rows: list[Row], listed: Regions | None
) -> Part:
    """A CBS file, its regions named from the list given, else from the one CBS names after
    the region key beside the file (`RegioS.csv`), else shown by code."""
    said: list[Message] = []
    if listed is None and path is not None and not is_stream(path):
        found = beside(path, region_key(rows[0].cells))
        if found is not None:
            listed = read_regions(found)
            said.append(Message("regions_beside", {"path": name, "regions": listed.origin}))
    long_csv, notes = cbs_to_long(source, rows, listed)
    frame, warnings = read_long_csv(long_csv, name, ",")
    part = _long_part(frame, [*said, *notes, *warnings], name)
    part.named_regions = listed is not None
    return part


def _load_file(
    path: Path, name: str, sheet: str | None = None, regions: Regions | None = None
) -> Part:
    # A stream (stdin, a FIFO, `<(…)`) is read once, whole; a file on disk may be read more
    # than once (a peek at its head, then its reader), so only its size is checked here.
    stream = is_stream(path)
    if not stream:
        refuse_too_large(path, name)
    # pyarrow takes a path as UTF-8: a name that is not (bytes from another system) is read
    # here and handed over as bytes.
    by_path = not stream and shown_name(path) == str(path)
    if path.suffix.lower() in PARQUET_SUFFIXES:
        stored = path if by_path else io.BytesIO(_whole_bytes(path, name, stream))
        return _long_part(*read_parquet(stored, name), name)
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        return _load_workbook(path, name, sheet, regions)
    head = peek_source(path, name)
    if head.text.strip() and is_long_header(_header_names(head.text)):
        delimiter = sniff_delimiter(head.text)
        # A panel can be large: the reader takes a UTF-8 file straight from disk.
        if by_path and head.encoding == "utf-8":
            whole: Path | bytes = path
        else:
            whole = read_source(path, name).text.encode("utf-8")
        try:
            frame, warnings = read_long_csv(whole, name, delimiter)
        except DataError as error:
            if not isinstance(whole, Path) or "UTF8" not in str(error.message.params):
                raise
            # UTF-8 in its first lines only: decoded whole, a cp1252 file is read as such and
            # one that mixes both encodings is refused.
            whole = read_source(path, name).text.encode("utf-8")
            frame, warnings = read_long_csv(whole, name, delimiter)
        warnings = [
            *check_dot_groups(whole, name, delimiter),
            *warnings,
            *check_exact(frame, whole, name, delimiter),
        ]
        return _long_part(frame, warnings, name)
    source = read_source(path, name)
    rows = [row for row in read_rows(source) if any(cell.strip() for cell in row.cells)]
    if not rows:
        raise DataError("empty_table", path=name)
    if is_cbs_header(rows[0].cells):
        return _cbs_part(path, name, source, rows, regions)
    header = {cell.strip().lower() for cell in rows[0].cells}
    # `indicator`/`label` are what `table --format csv` writes, so its output loads back.
    if header & {"id", "indicator"} and "unit" in header:
        return load_canonical(source, rows)
    return load_published(source, rows)


def _load_workbook(path: Path, name: str, sheet: str | None, regions: Regions | None) -> Part:
    """A workbook's sheet, read by the reader of the form its first row shows."""
    import csv
    import io

    cells = read_workbook(path, name, sheet)
    rows = workbook_rows(cells, dutch=False)
    if not rows:
        raise DataError("empty_table", path=name)
    source = SourceText(name, "", "xlsx")
    header = rows[0].cells
    if is_cbs_header(header):
        return _cbs_part(path, name, source, rows, regions)
    if is_long_header({cell.strip().lower() for cell in header}):
        text = io.StringIO()
        csv.writer(text, lineterminator="\n").writerows(row.cells for row in rows)
        return _long_part(*read_long_csv(text.getvalue().encode("utf-8"), name, ","), name)
    names = {cell.strip().lower() for cell in header}
    if names & {"id", "indicator"} and "unit" in names:
        return load_canonical(source, rows)
    return load_published(source, workbook_rows(cells, dutch=True))


def _whole_bytes(path: Path, name: str, stream: bool) -> bytes:
    if stream:
        return stream_bytes(path, name)
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputFileError("file_not_readable", path=name, reason=error.strerror) from None


def _header_names(text: str) -> set[str]:
    for line in text.splitlines():
        if line.strip():
            delimiter = sniff_delimiter(line)
            return {cell.strip().strip('"').lower() for cell in line.split(delimiter)}
    return set()


def _long_part(frame: pd.DataFrame, warnings: list[Message], name: str) -> Part:
    """The long form's indicators (from the first row of each) become metadata."""
    first = frame.iloc[first_rows_of(frame["indicator"].cat.codes.to_numpy())]

    def texts(column: str) -> list[str]:
        return first[column].astype(str).tolist() if column in first else [""] * len(first)

    dutch = texts("label_nl") if "label_nl" in first else texts("label")
    rules = texts("unit_rule")  # only a CBS file's conversion writes this column
    unstated = any(warning.key == "long_without_unit" for warning in warnings)
    part = Part(
        warnings=warnings, frame=frame[["entity", "indicator", "year", "value", "decimals"]]
    )
    # Whole columns as lists, once: a column built per indicator is quadratic in their number.
    columns = zip(
        first["indicator"].astype(str).tolist(),
        dutch,
        texts("label_en"),
        first.index.tolist(),
        first["unit"].astype(str).tolist(),
        strict=True,
    )
    for position, (indicator, label_nl, label_en, row, unit) in enumerate(columns):
        part.indicators.append(
            Indicator(
                id=indicator,
                label_nl=label_nl or indicator,
                label_en=label_en,
                line=int(row) + 2,
                origin=name,
                unit=unit,
                unit_rule=rules[position] or ("guess" if unstated else "file"),
            )
        )
    return part


def _listed_frame(listed: list[tuple[str, int, float | None, int]], ids: list[str]) -> Any:
    """The values of the wide and canonical tables, already in the merged frame's types
    (no entity, indicators as categories in the order the files list them)."""
    import numpy as np
    import pandas as pd

    indicator, year, value, decimals = zip(*listed, strict=True)
    return pd.DataFrame(
        {
            "indicator": pd.Categorical(indicator, categories=ids),
            "year": np.array(year, dtype=np.int64),
            "value": np.array(value, dtype=np.float64),
            "decimals": np.array(decimals, dtype=np.int8),
            "entity": pd.Categorical.from_codes(
                np.zeros(len(listed), dtype=np.int8), categories=pd.Index([""])
            ),
        }
    )


def _merge(parts: list[Part], sources: tuple[str, ...]) -> Dataset:
    import pandas as pd

    origins: dict[str, str] = {}
    described: list[Indicator] = []
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
            described.append(indicator)
    if not described:
        raise DataError("no_indicators", path=", ".join(sources))
    # Column by column: pandas' record and dtype conversions cost more than the whole read
    # of a small table.
    indicators = pd.DataFrame(
        {
            column: [getattr(indicator, column) for indicator in described]
            for column in (*METADATA_COLUMNS, "origin", "unit_rule")
        },
        index=pd.Index([indicator.id for indicator in described], name="id"),
    )
    frames = [part.frame for part in parts if part.frame is not None]
    listed = [row for part in parts for row in part.values]
    if listed:
        frames.append(_listed_frame(listed, list(origins)))
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
    wanted: dict[str, Any] = {
        "entity": "category",
        "indicator": pd.CategoricalDtype(list(origins)),
        "year": "int64",
        "value": "float64",
        "decimals": "int8",
    }
    # Convert only what differs: on a panel every needless astype copies millions of rows.
    differing = {c: t for c, t in wanted.items() if values[c].dtype != t}
    if differing:
        values = values.astype(differing)
    keys = ["entity", "indicator", "year"]
    if not in_key_order(values, keys):
        values = values.sort_values(keys, kind="stable").reset_index(drop=True)
    warnings = tuple(w for part in parts for w in part.warnings)
    return Dataset(
        indicators=indicators,
        values=values,
        years=years_of(values),
        warnings=warnings,
        sources=sources,
        provisional=frozenset(pair for part in parts for pair in part.provisional),
    )
