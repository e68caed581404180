"""Blocks of whole entities: the unit the pipeline computes and writes.

Every command but `indicators` works per entity, so a block holds the rows of some whole
entities (a table without entities is one block). A block is a Dataset with the same
indicators and years as the whole, and a slice of its values.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from kanaalstats.domain.dataset import Dataset


def blocks(dataset: Dataset, rows: int) -> Iterator[Dataset]:
    """The dataset in blocks of at least `rows` rows (fewer in the last), cut between entities.

    The values are sorted by entity, so each entity's rows are one run.
    """
    import numpy as np

    values = dataset.values
    total = len(values)
    if total <= rows:
        yield dataset
        return
    codes = values["entity"].cat.codes.to_numpy()
    starts = np.flatnonzero(codes[1:] != codes[:-1]) + 1  # where a new entity begins
    start = 0
    while start < total:
        # The first entity start at or after start + rows ends the block.
        at = int(np.searchsorted(starts, start + rows))
        stop = int(starts[at]) if at < len(starts) else total
        yield replace(dataset, values=values.iloc[start:stop])
        start = stop
