"""What a long file's numbers leave open once read as floats.

In a `;`-separated file (what Dutch Excel writes), `260.044` may be Dutch thousands (260044)
as easily as a decimal. The long form writes machine numbers, so it is a decimal when the
file elsewhere writes decimals with a dot (`5.7`), which is then said; without such evidence
it is refused. And a whole number above 2^53 has lost its last digits as a float: said, as
every form says it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kanaalstats.domain.errors import DataError
from kanaalstats.domain.message import Message
from kanaalstats.load.long_form import beyond_exact_floats, data_records, header_of, line_finder
from kanaalstats.load.numbers import parse_machine_number
from kanaalstats.load.parts import imprecise

if TYPE_CHECKING:
    import pandas as pd

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
    line_of = line_finder(source, ";")
    if not pc.any(evidence).as_py():
        raise DataError("long_cell_ambiguous", line=line_of(first), **params)
    other = int(pc.index(evidence, True).as_py())
    return [
        Message(
            "long_dot_groups_read",
            {
                **params,
                "line": line_of(first),
                "other_line": line_of(other),
                "other": str(texts[other].as_py()).strip(),
            },
        )
    ]


def check_exact(
    frame: pd.DataFrame, source: Path | bytes, name: str, delimiter: str
) -> list[Message]:
    """A warning for each whole number in the file above 2^53, judged on its text as the
    other forms judge theirs. Only values that large as floats are looked up in the file."""
    large = beyond_exact_floats(frame["value"].to_numpy(dtype="float64"))
    if not large:
        return []
    column = next(
        (i for i, c in enumerate(header_of(source, delimiter)) if c.strip().lower() == "value")
    )
    records = data_records(source, delimiter)
    years = frame["year"].to_numpy()
    warnings = []
    for row in large:
        line, cells = records[row]
        text = cells[column].strip()
        if parse_machine_number(text).imprecise:
            warnings.append(imprecise(name, line, int(years[row]), text))
    return warnings
