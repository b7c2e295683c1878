"""`laorus validate`: check a fact store and summarise it."""

from __future__ import annotations

from typing import Annotated

import typer

from laorus.cli.app import app, error_console, out_console, store_path


@app.command()
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

    Example: laorus validate my-article.toml
    """
    from laorus.coverage import coverage
    from laorus.errors import StoreError
    from laorus.store import load, resolve_path

    target = resolve_path(path) if path else store_path(ctx)
    try:
        store = load(target)
    except StoreError as exc:
        err = error_console()
        for problem in exc.problems:
            err.print(f"Error: {problem}", markup=False, style="red")
        count = len(exc.problems)
        err.print(f"{count} problem{'s' if count != 1 else ''} in {target}", markup=False)
        raise typer.Exit(1) from None
    covered = coverage(store)
    dated = sum(1 for fact in store.facts if fact.date is not None)
    derived = sum(1 for fact in store.facts if fact.derived is not None)
    checked = sum(1 for fact in store.facts if fact.anniversary is not None)
    out = out_console()
    out.print(f"{target}: OK", markup=False, style="bold green", soft_wrap=True)
    out.print(f"  facts:            {len(store.facts)}", markup=False)
    out.print(f"  questions:        {store.questions}", markup=False)
    out.print(
        f"  dated events:     {dated} ({derived} derived;"
        f" {checked} from an anniversary, arithmetic checked)",
        markup=False,
    )
    out.print(
        f"  sentences quoted: {covered.quoted}/{covered.total} ({covered.share:.0%})",
        markup=False,
    )
