"""The Typer application, its global options, and the one place errors become exit codes."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from laorus import __version__
from laorus.cli.exits import EXIT_INTERRUPTED, EXIT_NOT_FOUND, EXIT_USAGE, usage_error
from laorus.cli.help import LaorusHelpGroup
from laorus.cli.output import report_error, say
from laorus.errors import LaorusError, NothingFound, StoreError
from laorus.paths import ENV_VAR

# Typer 0.28 vendors Click; its exception classes are reached through a public Typer class.
_ClickException: type[Exception] = next(
    cls for cls in typer.BadParameter.__mro__ if cls.__name__ == "ClickException"
)
_UsageError: type[Exception] = next(
    cls for cls in typer.BadParameter.__mro__ if cls.__name__ == "UsageError"
)


COMMAND_MODULES: dict[str, str] = {
    "anniversaries": "laorus.cli.anniversaries",
    "quiz": "laorus.cli.quiz",
    "stats": "laorus.cli.stats",
    "search": "laorus.cli.search",
    "show": "laorus.cli.show",
    "timeline": "laorus.cli.timeline",
    "validate": "laorus.cli.validate",
    "draft": "laorus.cli.draft",
    "export": "laorus.cli.export",
}
"""The module that defines each command (as its own one-command Typer ``app``), in the order
--help lists them."""


class LaorusGroup(LaorusHelpGroup):
    """Loads each command when it is needed; turns errors and Ctrl-C into a message and exit code.

    Click's documented lazy-loading pattern: ``list_commands`` names the commands and
    ``get_command`` imports the one asked for. Importing and building every command would cost
    a run about 5 ms, and a run needs one; --help asks for them all.
    """

    def list_commands(self, ctx: Any) -> list[str]:
        """The commands in the order --help lists them."""
        return list(COMMAND_MODULES)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        """Import the module of command ``cmd_name`` and build its Click command, or None."""
        if cmd_name not in COMMAND_MODULES:
            return None
        import importlib

        import typer.main

        module = importlib.import_module(COMMAND_MODULES[cmd_name])
        return typer.main.get_command(module.app)

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
            say("Aborted.")
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
        except NothingFound as exc:
            if str(exc):  # with --json, the empty result printed says it all
                say(str(exc))
            raise typer.Exit(EXIT_NOT_FOUND) from None
        except StoreError as exc:
            report_error(_with_validate_hint(str(exc), exc, ctx))
            raise typer.Exit(EXIT_NOT_FOUND) from None
        except LaorusError as exc:
            report_error(str(exc))
            raise typer.Exit(EXIT_NOT_FOUND) from None
        except KeyboardInterrupt:
            say("Interrupted.")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except OSError as exc:
            _output_failed(exc)


def _with_validate_hint(message: str, exc: StoreError, ctx: Any) -> str:
    """The first problem of a store, how many more, and the command that lists them all.

    The command names the store as the user chose it: ``laorus --facts my.toml validate``.
    """
    more = len(exc.problems) - 1
    if more < 1:
        return message
    import shlex

    chosen = ctx.find_root().obj
    facts = "" if chosen is None else f" --facts {shlex.quote(chosen)}"
    return f"{exc.problems[0]} (and {more} more; list them all with: laorus{facts} validate)"


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
    """End the run when writing the output failed: quietly for a closed pipe, else say why.

    A reader that stops early (``| head -1``) is no error: exit 0, whether the output had all
    fitted in the pipe before the reader left or not (a quiz writes as it reads its answers).
    """
    import errno
    import os
    import sys

    # Whatever is still buffered cannot be written either; do not let Python report it again.
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    if exc.errno == errno.EPIPE:  # a reader that stops early (head -1) is no error
        sys.exit(0)
    if exc.filename:  # a file the command read or wrote, not its output
        why = exc.strerror or str(exc)
        report_error(f"cannot use {exc.filename}: {why}; check that you may read and write it")
        sys.exit(EXIT_NOT_FOUND)
    from laorus.files import write_problem

    report_error(write_problem("the output", exc))
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
        msg = "the path is empty; give the path of a .toml fact store, or leave --facts out"
        raise usage_error(msg, "'--facts'")
    ctx.obj = facts
