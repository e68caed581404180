"""Synthetic panels for the benchmark: entities × 10 indicators × 10 years, ~5% missing.

    python bench/generate.py 1000000 panel.csv

Written in chunks with NumPy so that a 10^7-row panel takes seconds, not minutes.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

YEARS = np.arange(2010, 2020)
INDICATORS = [("bezoeken", "flow"), ("aanvragen", "flow"), ("emails", "flow"), ("volgers", "stock"),
              ("tevreden", "percent"), ("bezoek_mln", "flow_millions"), ("meldingen", "flow"),
              ("telefoon", "flow"), ("balie", "flow"), ("chat", "flow")]  # fmt: skip
PER_ENTITY = len(YEARS) * len(INDICATORS)


def generate(rows: int, path: Path, missing: float = 0.05, seed: int = 20261127) -> int:
    """Write about `rows` rows (a whole number of entities); return the number written."""
    rng = np.random.default_rng(seed)
    entities = max(1, rows // PER_ENTITY)
    # Written beside and renamed when complete: an interrupted run leaves no short panel
    # that the next run would take for a whole one.
    partial = path.with_name(path.name + ".partial")
    with partial.open("w", encoding="utf-8", newline="") as out:
        out.write("entity,indicator,year,value,unit\n")
        for start in range(0, entities, 10_000):
            block = range(start, min(start + 10_000, entities))
            lines = []
            values = rng.integers(100, 1_000_000, size=(len(block), len(INDICATORS), len(YEARS)))
            gaps = rng.random(values.shape) < missing
            for e, entity in enumerate(block):
                name = f"GM{entity:07d}"
                for i, (indicator, unit) in enumerate(INDICATORS):
                    for y, year in enumerate(YEARS):
                        value = "" if gaps[e, i, y] else _format(values[e, i, y], unit)
                        lines.append(f"{name},{indicator},{year},{value},{unit}\n")
            out.write("".join(lines))
    partial.replace(path)
    return entities * PER_ENTITY


def _format(value: int, unit: str) -> str:
    if unit == "percent":
        return f"{value % 1000 / 10}"
    if unit == "flow_millions":
        return f"{value / 100_000:.1f}"
    return str(value)


if __name__ == "__main__":
    written = generate(int(sys.argv[1]), Path(sys.argv[2]))
    print(f"{written} rows written to {sys.argv[2]}")
