"""The indicator ids and years a command line's data offers, for shell completion.

Completion runs on every press of Tab: the built-in table is read with the csv module, not
loaded through pandas, and nothing here ever prints or fails.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path


def offered(names: Sequence[str | Path] | None) -> tuple[list[str], list[int]]:
    """The ids and years of the data named with --data, or of the built-in data.

    While the shell completes, Click hands over the file names as typed (text, not paths).
    """
    if not names:
        return _builtin()
    paths = [Path(name) for name in names]
    from kanaalstats.load.source import STDIN

    if any(str(path) == STDIN for path in paths):
        return [], []  # standard input is the shell's, not ours, while it completes
    try:
        from kanaalstats.load.files import load

        data = load(paths)
    except Exception:  # a half-typed or broken file: no candidates, never a traceback
        return [], []
    return [str(i) for i in data.ids], [int(y) for y in data.years]


def _builtin() -> tuple[list[str], list[int]]:
    from kanaalstats.load.files import builtin_paths

    ids: list[str] = []
    years: set[int] = set()
    for path in builtin_paths():
        with path.open(encoding="utf-8", newline="") as handle:
            rows = csv.reader(handle)
            header = next(rows, [])
            years.update(int(name) for name in header if name.strip().isdigit())
            ids += [row[0] for row in rows if row and row[0]]
    return ids, sorted(years)
