"""Loading and validating key-figure tables: canonical, as published (Dutch), and long.

Whatever the form on disk, a Dataset holds one frame of indicator metadata and one tidy frame
of values (indicator × year). Every refusal names the file, the line and the value.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kanaalstats.canonical import load_canonical
from kanaalstats.errors import DataError, UsageError
from kanaalstats.long_form import (
    PARQUET_SUFFIXES,
    in_key_order,
    is_long_header,
    read_long_csv,
    read_parquet,
)
from kanaalstats.messages import Message
from kanaalstats.published import load_published
from kanaalstats.source_text import (
    STDIN,
    peek_source,
    read_rows,
    read_source,
    sniff_delimiter,
)
from kanaalstats.table_parts import METADATA_COLUMNS, Indicator, Part
from kanaalstats.units import UNITS

if TYPE_CHECKING:
    import pandas as pd

BUILTIN_FILES = ("kerncijfers.csv", "tekstcijfers.csv")


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


def _load_file(path: Path, name: str) -> Part:
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
        return load_canonical(source, rows)
    return load_published(source, rows)


# --- long form: read by long_form.py; here its indicators become metadata ------------------


def _header_names(text: str) -> set[str]:
    for line in text.splitlines():
        if line.strip():
            delimiter = sniff_delimiter(line)
            return {cell.strip().strip('"').lower() for cell in line.split(delimiter)}
    return set()


def _long_part(frame: pd.DataFrame, warnings: list[Message], name: str) -> Part:
    first = frame.drop_duplicates("indicator")
    labels = {
        column: first[column].astype(str).tolist()
        for column in ("label_nl", "label", "label_en")
        if column in first
    }
    part = Part(
        warnings=warnings, frame=frame[["entity", "indicator", "year", "value", "decimals"]]
    )
    for position, indicator in enumerate(first["indicator"].astype(str)):
        label = (
            labels.get("label_nl", labels.get("label", [indicator] * len(first)))[position]
            or indicator
        )
        part.indicators.append(
            Indicator(
                id=indicator,
                label_nl=label,
                label_en=labels.get("label_en", [""] * len(first))[position],
                line=int(first.index[position]) + 2,
                origin=name,
                unit=str(first["unit"].iloc[position]),
            )
        )
    return part


def _merge(parts: list[Part], sources: tuple[str, ...]) -> Dataset:
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
    wanted: dict[str, Any] = {
        "entity": "category",
        "indicator": pd.CategoricalDtype(list(origins)),
        "year": "int64",
        "value": "float64",
        "decimals": "int8",
    }
    # Convert only what differs: on a panel every needless astype copies millions of rows.
    values = values.astype({c: t for c, t in wanted.items() if values[c].dtype != t})
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
