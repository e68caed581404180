"""CBS region lists: the names that go with region codes (`GM0344` → Utrecht).

StatLine's downloads give each dimension as a table of its own: the classic OData download
`RegioS.csv` with `"Key";"Title";"Description";"CategoryGroupID"`, the newer one
`RegioSCodes.csv` with `"Identifier";"Index";"Title";…`. Either is read, from `--regions FILE`
or, without it, from beside the data file under the name CBS gives it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kanaalstats.domain.errors import DataError
from kanaalstats.domain.message import Message
from kanaalstats.load.source import read_rows, read_source, shown_name

_CODE_COLUMNS = ("key", "identifier")
_NAME_COLUMN = "title"
_SHOWN_MISSING = 3  # codes without a name named in the warning


@dataclass(frozen=True)
class Regions:
    """Region code → name, and the file they came from."""

    names: dict[str, str]
    origin: str


def read_regions(path: Path, name: str | None = None) -> Regions:
    """A region list: a code column (`Key` or `Identifier`) and a `Title` column."""
    shown = name or shown_name(path)
    source = read_source(path, shown)
    rows = [row for row in read_rows(source) if any(cell.strip() for cell in row.cells)]
    if not rows:
        raise DataError("empty_table", path=shown)
    header = [cell.strip().lower() for cell in rows[0].cells]
    code = next((header.index(c) for c in _CODE_COLUMNS if c in header), None)
    if code is None or _NAME_COLUMN not in header:
        found = ", ".join(cell.strip() for cell in rows[0].cells)
        raise DataError("regions_bad_header", path=shown, line=rows[0].line, columns=found)
    title = header.index(_NAME_COLUMN)
    names: dict[str, str] = {}
    lines: dict[str, int] = {}
    for row in rows[1:]:
        cells = [cell.strip() for cell in row.cells]
        key = cells[code] if code < len(cells) else ""
        label = cells[title] if title < len(cells) else ""
        if not key:
            continue
        if key in names:
            raise DataError(
                "regions_duplicate", path=shown, line=row.line, code=key, first=lines[key]
            )
        names[key], lines[key] = label, row.line
    return Regions(names, shown)


def beside(data: Path, key: str) -> Path | None:
    """The region list CBS names after the region key (`RegioS.csv`, `RegioSCodes.csv`) in
    the data file's folder, if there is one."""
    for candidate in (f"{key}.csv", f"{key}Codes.csv"):
        path = data.parent / candidate
        if path.is_file() and path.resolve() != data.resolve():
            return path
    return None


def named(code: str, regions: Regions | None) -> str:
    """A region as the tables show it: `Utrecht (GM0344)`, or its code without a name."""
    name = regions.names.get(code, "") if regions else ""
    return f"{name} ({code})" if name else code


def unnamed_warning(path: str, regions: Regions, codes: list[str]) -> Message | None:
    """A warning for the codes of a file the region list has no name for."""
    missing = sorted(code for code in set(codes) if not regions.names.get(code))
    if not missing:
        return None
    shown = ", ".join(missing[:_SHOWN_MISSING])
    params = {"path": path, "regions": regions.origin, "count": len(missing), "codes": shown}
    return Message("regions_unnamed", params)
