"""Options that several commands share: the category, tag and year filters, --json, the modes."""

from __future__ import annotations

from typing import Annotated

import typer

from laorus.cli import params
from laorus.cli.exits import usage_error

CategoryOption = Annotated[
    str | None,
    typer.Option(
        "--category",
        "-c",
        parser=params.category,
        metavar="NAME",
        help="Only facts of this category, e.g. economy.",
    ),
]
TagOption = Annotated[
    str | None,
    typer.Option("--tag", "-t", metavar="TAG", help="Only facts with this tag, e.g. nuclear."),
]
FromOption = Annotated[
    int | None,
    typer.Option(
        "--from", parser=params.year, metavar="YEAR", help="Only events in or after YEAR."
    ),
]
ToOption = Annotated[
    int | None,
    typer.Option("--to", parser=params.year, metavar="YEAR", help="Only events in or before YEAR."),
]
YearOption = Annotated[
    str | None,
    typer.Option(
        "--year",
        hidden=True,
        metavar="YEAR",
        help="Not an option here: check_years says to give --from YEAR --to YEAR instead.",
    ),
]
"""A hidden --year beside --from and --to, so that typing it gets the range to type instead."""
JsonOption = Annotated[bool, typer.Option("--json", help="Print a JSON array instead of a table.")]


def modes() -> tuple[str, ...]:
    """The quiz modes --mode takes (read from the model only when an option is parsed)."""
    from laorus.store.model import MODES

    return MODES


def check_years(year_from: int | None, year_to: int | None, year: str | None = None) -> None:
    """A usage error when --from is after --to, or when --year (hidden) was given."""
    if year is not None:
        msg = (
            f"this command takes a range of years: for {year} alone give --from {year} --to {year}"
        )
        raise usage_error(msg, "'--year'")
    if year_from is not None and year_to is not None and year_from > year_to:
        msg = f"--from {year_from} is after --to {year_to}; give the earlier year to --from"
        raise usage_error(msg, "--from")
