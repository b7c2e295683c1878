"""How every command's --help reads: plain metavars, whole sentences, no trailing spaces.

Typer's help writes a required argument as ``{ID}`` in the usage line and an argument's type as
``<str>``, and keeps a docstring's line breaks, so a paragraph wrapped at 100 columns in the
source breaks mid-sentence on an 80-column terminal. ``LaorusCommand`` (given as ``cls`` to every
``app.command``) joins each paragraph's lines, names arguments by their metavar alone, and, like
every other output, writes --help to a pipe or file without trailing spaces.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from typer.core import TyperArgument, TyperCommand, TyperGroup


def joined_paragraphs(text: str) -> str:
    """``text`` with the lines of each paragraph joined, so that help wraps them as one."""
    import inspect

    paragraphs = inspect.cleandoc(text).split("\n\n")
    return "\n\n".join(" ".join(p.split("\n")) for p in paragraphs)


@contextlib.contextmanager
def plain_when_piped() -> Iterator[None]:
    """Outside a terminal, what is written to stdout inside loses its trailing spaces.

    Typer's help prints through a Rich console on ``sys.stdout``; it is redirected (stdlib's
    ``redirect_stdout``) to a buffer, then written line by line without the padding.
    """
    import io
    import sys

    from laorus.cli.output import without_trailing_spaces
    from laorus.cli.progress import is_terminal

    if is_terminal(sys.stdout):
        yield
        return
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        yield
    sys.stdout.write(without_trailing_spaces(buffer.getvalue()))


class _NamedOnly:
    """An argument's type that adds nothing after its metavar in --help (never ``<str>``)."""

    def __init__(self, kind: Any) -> None:
        self._kind = kind

    def __getattr__(self, name: str) -> Any:
        return getattr(self._kind, name)

    def get_metavar(self, param: Any, ctx: Any) -> str:
        """Nothing: the argument's metavar already says what it is."""
        return ""


class LaorusCommand(TyperCommand):
    """A Typer command whose help has whole paragraphs, plain metavars and no padding in a pipe."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.help:
            self.help = joined_paragraphs(self.help)

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        """``[OPTIONS] ID`` rather than ``[OPTIONS] {ID}``; optional arguments keep brackets."""
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if isinstance(param, TyperArgument):
                pieces.append(param.make_metavar(ctx))
            else:
                pieces.extend(param.get_usage_pieces(ctx))
        return pieces

    def format_help(self, ctx: Any, formatter: Any) -> None:
        """The help, with each argument's type column left empty and no padding in a pipe."""
        kinds = {}
        for param in self.params:
            if isinstance(param, TyperArgument):
                kinds[param] = param.type
                param.type = _NamedOnly(param.type)  # type: ignore[assignment]
        try:
            with plain_when_piped():
                super().format_help(ctx, formatter)
        finally:
            for param, kind in kinds.items():
                param.type = kind


class LaorusHelpGroup(TyperGroup):
    """A Typer group whose help, like its commands', has no padding in a pipe."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        """The group's help; outside a terminal, without trailing spaces."""
        with plain_when_piped():
            super().format_help(ctx, formatter)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """Find the command named first in ``args``; an unknown name gets the nearest, or all."""
        import typer

        # Typer vendors Click; its UsageError is reached through a public Typer class.
        usage_error: type[Exception] = next(
            c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError"
        )
        try:
            return super().resolve_command(ctx, args)
        except usage_error as exc:
            message = getattr(exc, "message", "")
            if not args or not message.startswith("No such command") or "Did you mean" in message:
                raise  # not an unknown command, or Typer suggested the nearest already
            import difflib

            names = self.list_commands(ctx)
            matches = difflib.get_close_matches(args[0], names)
            if matches:
                suggestions = ", ".join(repr(name) for name in matches)
                exc.message = f"{message.rstrip('.')}. Did you mean {suggestions}?"  # type: ignore[attr-defined]
            else:
                exc.message = f"{message.rstrip('.')}; choose one of: {', '.join(names)}."  # type: ignore[attr-defined]
            raise
