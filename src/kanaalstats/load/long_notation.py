"""The one question a long file's numbers leave open: in a `;`-separated file (what Dutch
Excel writes), `260.044` may be Dutch thousands (260044) as easily as a decimal.

The long form writes machine numbers, so it is a decimal when the file elsewhere writes
decimals with a dot (`5.7`), which is then said; without such evidence it is refused.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from kanaalstats.domain.errors import DataError
from kanaalstats.domain.message import Message
from kanaalstats.load.long_form import header_of

_GROUPS = r"^\s*[+-]?[1-9]\d{0,2}(\.\d{3})+\s*$"
# A dot not followed by exactly three digits, or after a leading 0, cannot group thousands.
_DOT_DECIMAL = r"^\s*[+-]?(\d*\.(\d{1,2}|\d{4,})([eE][+-]?\d+)?|0\d*\.\d+)\s*$"


def check_dot_groups(source: Path | bytes, name: str, delimiter: str) -> list[Message]:
    """Warnings for a `;` long file whose values could be thousands; raises when unresolved."""
    if delimiter != ";":
        return []
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pacsv

    value = next(c for c in header_of(source, ";") if c.strip().lower() == "value")
    table = pacsv.read_csv(
        source if isinstance(source, Path) else pa.BufferReader(source),
        parse_options=pacsv.ParseOptions(delimiter=delimiter),
        convert_options=pacsv.ConvertOptions(
            include_columns=[value],
            column_types={value: pa.string()},
            strings_can_be_null=False,
        ),
    )
    texts = table.column(value)
    grouped = pc.match_substring_regex(texts, _GROUPS)
    if not pc.any(grouped).as_py():
        return []
    first = int(pc.index(grouped, True).as_py())
    evidence = pc.match_substring_regex(texts, _DOT_DECIMAL)
    params = {"path": name, "text": str(texts[first].as_py()).strip()}
    if not pc.any(evidence).as_py():
        raise DataError("long_cell_ambiguous", line=_line(source, first), **params)
    other = int(pc.index(evidence, True).as_py())
    return [
        Message(
            "long_dot_groups_read",
            {
                **params,
                "line": _line(source, first),
                "other_line": _line(source, other),
                "other": str(texts[other].as_py()).strip(),
            },
        )
    ]


def _line(source: Path | bytes, row: int) -> int:
    """The file line a data row (counted from 0, blank lines skipped) starts on."""
    data = source.read_bytes() if isinstance(source, Path) else source
    text = data.decode("utf-8", "replace").removeprefix("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    start, seen = 1, -1
    for record in reader:
        if record and start > 1:
            seen += 1
            if seen == row:
                return start
        start = reader.line_num + 1
    return row + 2
