"""A progress bar on stderr for long work on a large store; nothing at all outside a terminal."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from laorus.store.progress import Progress


def is_terminal(stream: TextIO) -> bool:
    """Whether Rich would treat ``stream`` as a terminal (TTY_COMPATIBLE, FORCE_COLOR, a tty)."""
    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "1"
    forced = os.environ.get("FORCE_COLOR")
    if forced is not None:
        return forced != ""
    try:
        return stream.isatty()
    except ValueError:  # closed
        return False


class _Bar:
    """One Rich progress bar, started on the first report, showing the current step."""

    def __init__(self) -> None:
        self._progress: Any = None
        self._task: Any = None

    def report(self, description: str, done: int, total: int) -> None:
        """Show ``done`` of ``total`` for ``description``."""
        if self._progress is None:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                Progress,
                TaskProgressColumn,
                TextColumn,
                TimeElapsedColumn,
            )

            self._progress = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                TaskProgressColumn(),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task(description, total=total)
        self._progress.update(self._task, description=description, completed=done, total=total)

    def close(self) -> None:
        """Take the bar off the screen."""
        if self._progress is not None:
            self._progress.stop()


@contextlib.contextmanager
def progress_bar() -> Iterator[Progress | None]:
    """A progress callback drawing a bar on stderr while the block runs; None in a pipe."""
    if not is_terminal(sys.stderr):
        yield None
        return
    bar = _Bar()
    try:
        yield bar.report
    finally:
        bar.close()
