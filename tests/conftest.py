"""Shared fixtures."""

from __future__ import annotations

import pytest

from kanaalstats.dataset import Dataset, load


@pytest.fixture(scope="session")
def builtin() -> Dataset:
    return load()
