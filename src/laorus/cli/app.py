"""The Typer application, its global options, and the one place errors become exit codes."""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from laorus import __version__
from laorus.errors import LaorusError
from laorus.paths import ENV_VAR

if TYPE_CHECKING:
    from rich.console import Console

    from laorus.store.model import Store

EXIT_NOT_FOUND = 1
"""Nothing found, or a domain error (as grep, ripgrep and fzf)."""
EXIT_USAGE = 2
"""Bad usage, as Typer reports it."""
EXIT_INTERRUPTED = 130
"""Ctrl-C, as shells report SIGINT."""


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


# Typer 0.28 vendors Click; its exception base is reached through a public Typer class.
_ClickException: type[Exception] = next(
    cls for cls in typer.BadParameter.__mro__ if cls.__name__ == "ClickException"
)


COMMAND_MODULES: dict[str, str] = {
    "anniversaries": "laorus.cli.anniversaries",
    "draft": "laorus.cli.draft",
    "quiz": "laorus.cli.quiz",
    "stats": "laorus.cli.quiz",
    "search": "laorus.cli.search",
    "show": "laorus.cli.search",
    "timeline": "laorus.cli.search",
    "validate": "laorus.cli.validate",
    "export": "laorus.cli.export",
}
"""The module that defines each command, in the order --help lists them."""


class _LazyCommands(MutableMapping[str, Any]):
    """The app's commands, each imported and built by Typer only when it is looked up.

    Building every command costs about 20 ms a run; a run needs one. --help looks them all up.
    """

    def __init__(self, built: MutableMapping[str, Any]) -> None:
        self._built = dict(built)

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            if name not in COMMAND_MODULES:
                raise KeyError(name)
            self._built[name] = _build_command(name)
        return self._built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        del self._built[name]

    def __iter__(self) -> Iterator[str]:
        yield from COMMAND_MODULES
        yield from (name for name in self._built if name not in COMMAND_MODULES)

    def __len__(self) -> int:
        return len(COMMAND_MODULES.keys() | self._built.keys())


def _build_command(name: str) -> Any:
    """Import the module that registers command ``name`` on ``app`` and build it as Typer does."""
    import importlib

    import typer.main

    importlib.import_module(COMMAND_MODULES[name])
    for info in app.registered_commands:
        if (
            info.callback
            and (info.name or typer.main.get_command_name(info.callback.__name__)) == name
        ):
            return typer.main.get_command_from_info(
                info,
                pretty_exceptions_short=app.pretty_exceptions_short,
                rich_markup_mode=app.rich_markup_mode,
            )
    for group in app.registered_groups:  # a command with subcommands (export)
        if group.name == name:
            return typer.main.get_group_from_info(
                group,
                pretty_exceptions_short=app.pretty_exceptions_short,
                suggest_commands=app.suggest_commands,
                rich_markup_mode=app.rich_markup_mode,
            )
    raise KeyError(name)


class LaorusGroup(TyperGroup):
    """Runs a command and turns laorus errors and Ctrl-C into a message and an exit code."""

    def __init__(self, *, commands: Any = None, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.commands = _LazyCommands(commands or {})

    def main(  # type: ignore[override]
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Run the app; a usage error becomes one line on stderr and exit 2, not a boxed panel."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        import sys

        _sane_columns()

        try:
            result = super().main(args, prog_name, complete_var, False, **extra)
        except _ClickException as exc:
            message = _one_line(exc)
            if message:  # empty when no command was given and the help was shown instead
                report_error(message)
            sys.exit(getattr(exc, "exit_code", EXIT_USAGE))
        except typer.Abort:
            error_console().print("Aborted.", markup=False)
            sys.exit(EXIT_NOT_FOUND)
        except OSError as exc:  # --version or --help into a full disk
            _output_failed(exc)
        try:
            sys.stdout.flush()  # here, so that a full disk is reported rather than ignored
        except OSError as exc:
            _output_failed(exc)
        sys.exit(result if isinstance(result, int) else 0)

    def invoke(self, ctx: Any) -> Any:
        """Invoke the chosen command, converting LaorusError and KeyboardInterrupt."""
        try:
            return super().invoke(ctx)
        except LaorusError as exc:
            report_error(str(exc))
            raise typer.Exit(EXIT_NOT_FOUND) from None
        except KeyboardInterrupt:
            error_console().print("Interrupted.", markup=False)
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except OSError as exc:
            _output_failed(exc)


MIN_COLUMNS = 20
"""The narrowest layout: a COLUMNS below it (or 0, or not a number) would lose the output."""


def _sane_columns() -> None:
    """Ignore a COLUMNS that is not a width, and widen one too narrow for any table."""
    import os

    columns = os.environ.get("COLUMNS")
    if columns is None:
        return
    if not columns.strip().isdigit() or int(columns) == 0:
        del os.environ["COLUMNS"]
    elif int(columns) < MIN_COLUMNS:
        os.environ["COLUMNS"] = str(MIN_COLUMNS)


def _output_failed(exc: OSError) -> None:
    """End the run when writing the output failed: quietly for a closed pipe, else say why."""
    import errno
    import os
    import sys

    # Whatever is still buffered cannot be written either; do not let Python report it again.
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    if exc.errno != errno.EPIPE:  # a reader that stops early (head -1) is no error
        where = f" {exc.filename}" if exc.filename else " the output"
        report_error(
            f"cannot write{where}: {exc.strerror or exc}; free some space or write elsewhere"
        )
    sys.exit(EXIT_NOT_FOUND)


def _one_line(exc: Exception) -> str:
    """A Click exception's message on one line, with where to read the command's help."""
    message = " ".join(str(getattr(exc, "format_message", exc.__str__)()).split())
    ctx = getattr(exc, "ctx", None)
    option = getattr(exc, "option_name", None)
    if ctx is not None and ctx.parent is not None and option is not None:
        root = ctx.find_root()
        if any(option in param.opts for param in root.command.params):
            # A global option typed after the command: say where it goes.
            where = f"laorus {option} ... {ctx.info_name} ..."
            return f"{message} ({option} goes before the command: {where})"
    if message and getattr(exc, "exit_code", 1) == EXIT_USAGE and ctx is not None:
        message += f" (see '{ctx.command_path} --help')"
    return message


app = typer.Typer(
    cls=LaorusGroup,
    name="laorus",
    help=(
        "Look up, date and quiz the facts of Sergey Lavrov's article"
        " 'Russia and Laos: 65 Years of Time-Tested Friendship' (20 November 2025).\n\n"
        "Example: laorus search nuclear power plant"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"laorus {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    facts: Annotated[
        str | None,
        typer.Option(
            "--facts",
            envvar=ENV_VAR,
            metavar="PATH",
            show_envvar=True,
            help="Fact store to read instead of the shipped one.",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_print_version,
            is_eager=True,
            help="Show the version and exit.",
        ),
    ] = False,
) -> None:
    """Look up, date and quiz the facts of Lavrov's article on Russia and Laos."""
    if facts is not None and not facts.strip():
        msg = "is empty; give the path of a .toml fact store, or leave --facts out"
        raise usage_error(msg, "'--facts'")
    ctx.obj = facts


def store_path(ctx: typer.Context) -> Path:
    """The store chosen by --facts, LAORUS_FACTS or the default."""
    from laorus.paths import resolve_path

    return resolve_path(ctx.find_root().obj)


def load_store(ctx: typer.Context) -> Store:
    """Load the chosen store (a large one from its cache); a LaorusError means exit 1."""
    from laorus.cache.policy import load
    from laorus.cli.progress import progress_bar

    with progress_bar() as progress:
        return load(store_path(ctx), progress=progress)


def print_json(data: object) -> None:
    """Print ``data`` as JSON on stdout, and nothing else (an empty result is ``[]``)."""
    import json
    import sys

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def usage_error(message: str, param: str | None = None) -> typer.BadParameter:
    """A Typer usage error (exit 2) whose message says what is wrong and how to fix it."""
    return typer.BadParameter(message, param_hint=param)
