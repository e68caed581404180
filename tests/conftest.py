"""Shared fixtures."""

from __future__ import annotations

import pytest

from kanaalstats.domain.dataset import Dataset
from kanaalstats.load.files import load


@pytest.fixture(scope="session")
def builtin() -> Dataset:
    return load()
