"""Exit codes, and the usage error (exit 2) whose message says what to type instead."""

from __future__ import annotations

from pathlib import Path

import typer

from laorus.errors import LaorusError

EXIT_NOT_FOUND = 1
"""Nothing found, or a domain error (as grep, ripgrep and fzf)."""
EXIT_USAGE = 2
"""Bad usage, as Typer reports it."""
EXIT_INTERRUPTED = 130
"""Ctrl-C, as shells report SIGINT."""


def usage_error(message: str, param: str | None = None) -> typer.BadParameter:
    """A Typer usage error (exit 2) whose message says what is wrong and how to fix it."""
    return typer.BadParameter(message, param_hint=param)


def exists_error(target: Path | str) -> LaorusError:
    """The error (exit 1) for a file that is kept because --force was not given."""
    return LaorusError(f"{target} exists already; add --force to replace it, or give another name")


def refuse_to_replace(target: Path, force: bool) -> None:
    """Raise exists_error unless ``target`` is new (or a device, as /dev/stdout) or ``force``."""
    if not force and target.is_file():
        raise exists_error(target)
