"""A progress bar on stderr for long work: reading a large file, computing a large panel.

Only for a person watching: stderr must be a terminal, and stdout must not be that same
terminal (a bar between rows being written there would garble both). The bar is transient:
when the work is done it is wiped, and stderr holds only what it held before.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from kanaalstats.text.catalogue import text

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID


def wanted(to_file: bool, quiet: bool) -> bool:
    """Whether a bar may be shown at all: a terminal to show it on, and no --quiet."""
    if quiet or sys.stderr is None or not sys.stderr.isatty():  # None: started with `2>&-`
        return False
    return to_file or sys.stdout is None or not sys.stdout.isatty()


class Bar:
    """One bar, begun on the first phase that needs it and wiped by `close`."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.progress: Progress | None = None
        self.task: TaskID | None = None

    def _begin(self) -> Progress:
        if self.progress is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self.progress = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                console=Console(file=sys.stderr),
                transient=True,
                # stdout is the result's, written by the pipeline itself; lines said on stderr
                # while the bar shows are printed above it.
                redirect_stdout=False,
            )
            self.progress.start()
        return self.progress

    def reading(self) -> None:
        """Reading the data: how long it takes is not known, so the bar pulses."""
        progress = self._begin()
        self.task = progress.add_task(text("progress_reading", self.lang), total=None)

    def searching(self) -> None:
        """Searching a report's text for statements: its length in time is not known."""
        progress = self._begin()
        self.task = progress.add_task(text("progress_text", self.lang), total=None)

    def computing(self, rows: int) -> None:
        """Computing and writing `rows` rows, block by block."""
        progress = self._begin()
        if self.task is not None:
            progress.remove_task(self.task)
        self.task = progress.add_task(text("progress_rows", self.lang), total=rows)

    def advance(self, rows: int) -> None:
        if self.progress is not None and self.task is not None:
            self.progress.advance(self.task, rows)

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None
