"""CBS StatLine open-data CSV: `"ID";"RegioS";"Perioden";"Topic_1";...` with region codes
(`GM0344`, `WK034401`, `BU03440101`, `NL01`) and period codes (`2019JJ00`).

Each row is one region in one period; each topic column becomes an indicator. The file is
turned into the long form and read by that reader, so every check of the long form applies.
CBS writes `.` for unknown and `x` for secret (both missing here) and `-` for nil (0).
"""

from __future__ import annotations

import csv
import io
import re

from kanaalstats.domain.errors import DataError
from kanaalstats.domain.message import Message
from kanaalstats.domain.units import GUESSED, infer_unit_by_rule, unit_guessed, unit_rule
from kanaalstats.load.numbers import parse_machine_number
from kanaalstats.load.parts import imprecise
from kanaalstats.load.regions import Regions, named, unnamed_warning
from kanaalstats.load.source import Row, SourceText

_PERIOD = re.compile(r"(\d{4})(JJ|KW|MM|X0)(\d{2})")
_REGION = re.compile(r"(GM|WK|BU|NL|PV|LD|CR|RE)\w*", re.IGNORECASE)
_MACHINE = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_CBS_MISSING = frozenset({"", ".", "x", "X"})
_KEYS = ("id", "perioden")
_REGION_KEYS = ("regios", "regio's", "wijkenenbuurten")


def is_cbs_header(names: list[str]) -> bool:
    """A CBS download: an `ID` column, a `Perioden` key and a region key (`RegioS`)."""
    lowered = [name.strip().lower() for name in names]
    return all(key in lowered for key in _KEYS) and any(
        name.startswith(_REGION_KEYS) for name in lowered
    )


def region_key(names: list[str]) -> str:
    """The name of a CBS header's region column, as written (`RegioS`, `WijkenEnBuurten`)."""
    header = [name.strip() for name in names]
    return next(n for n in header if n.lower().startswith(_REGION_KEYS))


def cbs_to_long(
    source: SourceText, rows: list[Row], regions: Regions | None = None
) -> tuple[bytes, list[Message]]:
    """The CBS table as long-form CSV (entity,indicator,year,value,unit,label_nl); each
    region named from `regions` when they are at hand (`Utrecht (GM0344)`)."""
    header = [cell.strip() for cell in rows[0].cells]
    lowered = [name.lower() for name in header]
    period = lowered.index("perioden")
    region = lowered.index(region_key(header).lower())
    topics = [i for i, n in enumerate(lowered) if i not in (period, region) and n != "id"]
    if not topics:
        raise DataError("cbs_no_topics", path=source.name, line=rows[0].line)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["entity", "indicator", "year", "value", "unit", "label_nl", "unit_rule"])
    labels = {i: _words(header[i]) for i in topics}
    rules = {i: infer_unit_by_rule(labels[i], has_percent_sign=False) for i in topics}
    units = {i: unit for i, (unit, _) in rules.items()}
    left_out: set[str] = set()
    seen: dict[tuple[str, str], int] = {}
    exact: list[Message] = []
    codes: list[str] = []
    for row in rows[1:]:
        cells = [cell.strip() for cell in row.cells]
        if len(cells) != len(header):
            raise DataError(
                "cbs_row_width",
                path=source.name,
                line=row.line,
                cells=len(cells),
                columns=len(header),
            )
        code = _PERIOD.fullmatch(cells[period])
        if code is None:
            raise DataError("cbs_bad_period", path=source.name, line=row.line, value=cells[period])
        if code.group(2) != "JJ":
            left_out.add(cells[period])  # months and quarters: the tool counts whole years
            continue
        entity = cells[region]
        if not _REGION.fullmatch(entity):
            raise DataError("cbs_bad_region", path=source.name, line=row.line, value=entity)
        # Checked here, where the line is the CBS file's: the long form's own check would
        # name a line of the table this is turned into.
        key = (entity, code.group(1))
        if key in seen:
            raise DataError(
                "cbs_duplicate",
                path=source.name,
                line=row.line,
                entity=entity,
                year=code.group(1),
                first=seen[key],
            )
        seen[key] = row.line
        shown = named(entity, regions)
        codes.append(entity)
        for i in topics:
            value = _value(source.name, row, header[i], cells[i])
            # Said here, on the CBS file's line: the long form's reader sees other lines.
            if value.lstrip("+-").isdigit() and parse_machine_number(value).imprecise:
                exact.append(imprecise(source.name, row.line, int(code.group(1)), value))
            writer.writerow(
                [
                    shown,
                    header[i],
                    code.group(1),
                    value,
                    units[i],
                    labels[i],
                    unit_rule(rules[i][1]),
                ]
            )
    warnings = exact
    unnamed = unnamed_warning(source.name, regions, codes) if regions else None
    if unnamed is not None:
        warnings.append(unnamed)
    guessed = [header[i] for i, (_, rule) in rules.items() if rule == GUESSED]
    if guessed:
        warnings.append(unit_guessed(source.name, guessed))
    if left_out:
        shown = ", ".join(sorted(left_out)[:3])
        warnings.append(
            Message(
                "cbs_periods_left_out",
                {"path": source.name, "count": len(left_out), "periods": shown},
            )
        )
    return out.getvalue().encode("utf-8"), warnings


def _value(name: str, row: Row, topic: str, text: str) -> str:
    if text in _CBS_MISSING:
        return ""
    if text == "-":
        return "0"  # CBS: nil
    if not _MACHINE.fullmatch(text):
        raise DataError("cbs_bad_value", path=name, line=row.line, column=topic, text=text)
    return text


def _words(key: str) -> str:
    """A topic key as words for the unit rules: `BevolkingOp1Januari_1` → `bevolking op 1
    januari`."""
    key = re.sub(r"_\d+$", "", key)
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z0-9])|(?<=[0-9])(?=[A-Za-z])", " ", key)
    return spaced.replace("_", " ").lower().strip()
