"""Exit codes, and the usage error (exit 2) whose message says what to type instead."""

from __future__ import annotations

import typer

EXIT_NOT_FOUND = 1
"""Nothing found, or a domain error (as grep, ripgrep and fzf)."""
EXIT_USAGE = 2
"""Bad usage, as Typer reports it."""
EXIT_INTERRUPTED = 130
"""Ctrl-C, as shells report SIGINT."""


def usage_error(message: str, param: str | None = None) -> typer.BadParameter:
    """A Typer usage error (exit 2) whose message says what is wrong and how to fix it."""
    return typer.BadParameter(message, param_hint=param)
