"""`laorus validate`: check a fact store and summarise it."""

from __future__ import annotations

from typing import Annotated

import typer

from laorus.cli.chosen_store import STORE, facts_given, store_path
from laorus.cli.exits import EXIT_NOT_FOUND, usage_error
from laorus.cli.help import LaorusCommand
from laorus.cli.output import error_console, percent, stdout_console
from laorus.cli.targets import input_path

app = typer.Typer(add_completion=False)


@app.command(cls=LaorusCommand)
def validate(
    ctx: typer.Context,
    path: Annotated[
        str | None,
        typer.Argument(
            metavar="[PATH]",
            help="Store to check; defaults to --facts, LAORUS_FACTS or the shipped store.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check a fact store and print a summary, or every problem (one per line) and exit 1.

    Warnings (a statement naming an actor its quote does not) are printed too, but leave the
    store valid (exit 0).

    A large store that this laorus has checked before, unchanged since, is not checked again:
    the summary comes from its cache.

    Example: laorus validate my-article.toml
    """
    from laorus.cache import policy as cache
    from laorus.cli.progress import progress_bar
    from laorus.errors import StoreError
    from laorus.quiz.choices import choice_problems
    from laorus.store.summary import summarise

    if path is None:
        target = store_path(ctx)
    else:
        if facts_given(ctx) == "'--facts'":
            msg = (
                f"--facts {ctx.find_root().obj} and PATH {path} both name the store to check;"
                " give one of them"
            )
            raise usage_error(msg, "'PATH'")
        target = input_path(path, "'PATH'", STORE)
    summary = cache.validated(target)
    if summary is None:
        try:
            with progress_bar() as progress:
                store = cache.load(target, progress=progress)
            # Written choices the grader would take as the answer (the quiz checks them).
            wrong_choices = choice_problems(store)
            if wrong_choices:
                raise StoreError(list(wrong_choices))
            summary = summarise(store)
        except StoreError as exc:
            err = error_console()
            for problem in exc.problems:
                err.print(f"Error: {problem}", markup=False, style="red")
            count = len(exc.problems)
            err.print(f"{count} problem{'s' if count != 1 else ''} in {target}", markup=False)
            raise typer.Exit(EXIT_NOT_FOUND) from None
    if summary.warnings:
        err = error_console()
        for warning in summary.warnings:
            err.print(f"Warning: {warning}", markup=False, style="yellow")
        count = len(summary.warnings)
        err.print(f"{count} warning{'s' if count != 1 else ''} in {target}", markup=False)
    with stdout_console() as out:
        out.print(f"{target}: OK", markup=False, style="bold green", soft_wrap=True)
        out.print(f"  facts:            {summary.facts}", markup=False)
        out.print(f"  questions:        {summary.questions}", markup=False)
        out.print(
            f"  dated events:     {summary.dated} ({summary.derived} derived;"
            f" {summary.anniversaries} from an anniversary, arithmetic checked)",
            markup=False,
        )
        out.print(
            f"  sentences quoted: {summary.quoted}/{summary.sentences} ({percent(summary.share)})",
            markup=False,
        )
