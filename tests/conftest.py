"""Shared fixtures."""

from __future__ import annotations

import functools

import pytest
import typer.testing

from kanaalstats.domain.dataset import Dataset
from kanaalstats.load.files import load

# Typer's CliRunner.invoke builds the Click command tree from the Typer app on every call,
# which costs more than many of the small commands it runs. A real process builds it once;
# the app is the same object throughout the tests, so they build it once per process too.
typer.testing._get_command = functools.cache(typer.testing._get_command)


@pytest.fixture(scope="session")
def builtin() -> Dataset:
    return load()
