"""Where the commands write: Rich consoles, JSON on stdout, and plain lines for a pipe.

Data goes to stdout, messages to stderr. Output that is not a terminal (a pipe, a file) never
ends a line in spaces: Rich pads tables to the console's width, so such output is captured
through Rich's public ``Console.capture`` and written with each line's trailing spaces removed.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console, RenderableType


def error_console() -> Console:
    """A Rich console on stderr that never wraps a message onto a second line."""
    from rich.console import Console

    return Console(stderr=True, soft_wrap=True, highlight=False)


def out_console() -> Console:
    """A Rich console on stdout (colour only on a terminal, and never with NO_COLOR)."""
    from rich.console import Console

    return Console(highlight=False)


def report_error(message: str) -> None:
    """Print ``Error: message`` on stderr, in red on a terminal."""
    error_console().print(f"Error: {message}", style="bold red", markup=False)


def say(message: str) -> None:
    """A plain one-line message on stderr (a note, or why nothing was found)."""
    error_console().print(message, markup=False)


def print_json(data: object) -> None:
    """Print ``data`` as JSON on stdout, and nothing else (an empty result is ``[]``)."""
    import json
    import sys

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def without_trailing_spaces(text: str) -> str:
    """``text`` with the spaces at the end of every line removed."""
    return "\n".join(line.rstrip(" ") for line in text.split("\n"))


@contextlib.contextmanager
def stdout_console(console: Console | None = None) -> Iterator[Console]:
    """A console for stdout; outside a terminal, what it prints loses its trailing spaces."""
    import sys

    out = console or out_console()
    if out.is_terminal:
        yield out
        return
    with out.capture() as captured:
        yield out
    sys.stdout.write(without_trailing_spaces(captured.get()))


def print_out(*renderables: RenderableType, console: Console | None = None) -> None:
    """Print Rich renderables on stdout; outside a terminal, with no trailing spaces."""
    with stdout_console(console) as out:
        out.print(*renderables)


def print_paged(renderable: RenderableType, console: Console | None = None) -> None:
    """Print on stdout; on a terminal, through a pager when longer than the screen (as git).

    Rich's pager runs $PAGER (else less); as git does, LESS defaults to FRX, so that less
    shows colours and quits at once when the text fits after all. A pager that is not a
    command here would lose the text (the shell says "not found" and the run ends as if
    paged): the text is printed without it, and a note says which variable to fix.
    """
    import os

    out = console or out_console()
    if not out.is_terminal:
        print_out(renderable, console=out)
        return
    if len(out.render_lines(renderable, out.options, pad=False)) <= out.height:
        out.print(renderable)
        return
    missing = missing_pager()
    if missing is not None:
        out.print(renderable)
        name, command = missing
        say(f"{name} {command!r} was not found; set {name} to a pager such as less.")
        return
    os.environ.setdefault("LESS", "FRX")
    with out.pager(styles=True):
        out.print(renderable)


TEXT_WIDTH = 20
"""The narrowest a table's text column (a fact, an event) may be made by dates kept on one
line: narrower, the dates wrap instead."""

_ASSIGNMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*=.*", re.DOTALL)


def missing_pager() -> tuple[str, str] | None:
    """The variable and command of a pager that is set but cannot be found, else None.

    Rich's pager is Python's pydoc pager, which runs MANPAGER, else PAGER, through the shell
    (as Python's pydoc documentation says); its first word must be a command on the PATH.
    """
    import os
    import shlex
    import shutil

    for name in ("MANPAGER", "PAGER"):
        command = os.environ.get(name)
        if command:
            try:
                words = shlex.split(command)
            except ValueError:
                return None  # shell syntax beyond shlex: leave it to the shell
            # Assignments before the command are the shell's: "LESS=R less" runs less.
            words = [w for w in words if not _ASSIGNMENT.fullmatch(w)]
            if not words or shutil.which(words[0]) is None:  # "LESS=R" alone runs nothing
                return name, command
            return None
    return None


def percent(share: float) -> str:
    """A share from 0.0 to 1.0 as a whole percentage rounded half up: 5/8 is '63%', not '62%'.

    Python's round() and format() round half to even, on the float's binary value; the share's
    shortest decimal form (repr) is what a reader expects to see rounded.
    """
    from decimal import ROUND_HALF_UP, Decimal

    whole = (Decimal(repr(share)) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return f"{whole}%"


def counted(count: int, word: str, many: str | None = None) -> str:
    """``count`` and the word in the number it takes: "1 fact", "2 facts", "3 entries"."""
    return f"{count} {word if count == 1 else (many or word + 's')}"
