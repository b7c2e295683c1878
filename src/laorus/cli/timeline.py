"""`laorus timeline`: the dated facts in order, grouped by year."""

from __future__ import annotations

from typing import Annotated

import typer

from laorus.cli import params
from laorus.cli.chosen_store import load_store
from laorus.cli.help import LaorusCommand
from laorus.cli.options import (
    CategoryOption,
    FromOption,
    JsonOption,
    ToOption,
    YearOption,
    check_years,
)
from laorus.cli.output import out_console, print_json, print_out
from laorus.cli.records import fact_record
from laorus.errors import NothingFound

app = typer.Typer(add_completion=False)


@app.command("timeline", cls=LaorusCommand)
def timeline_command(
    ctx: typer.Context,
    year_from: FromOption = None,
    year_to: ToOption = None,
    year: YearOption = None,
    category: CategoryOption = None,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit",
            "-n",
            parser=params.whole_number(1, example="--limit 20"),
            metavar="N",
            help="Show only the first N events.",
            show_default=False,
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Show the dated facts in order, grouped by year; exit 1 when none is in range.

    A date known only to the month or year comes after that month's or year's dated events.

    Example: laorus timeline --from 2020 --category visits --limit 10
    """
    check_years(year_from, year_to, year)
    from laorus.cache.reader import Wanted
    from laorus.search.timeline import by_year, events

    wanted = Wanted(
        category=category, dated=True, year_from=year_from, year_to=year_to, first=limit
    )
    store = load_store(ctx, wanted)
    found = events(store, year_from=year_from, year_to=year_to, category=category)[:limit]
    if as_json:
        print_json(
            [
                {
                    **fact_record(e.fact),
                    "precision": e.precision,
                    "derived": e.fact.derived,
                    "commemorates": e.fact.commemorates,
                    "same_event_facts": [f.id for f in e.also],
                }
                for e in found
            ]
        )
    elif found:
        from laorus.cli.render_search import timeline_view

        print_out(timeline_view(by_year(found), width=out_console().width))
    if not found:
        raise NothingFound("" if as_json else _none_found(year_from, year_to, category))


def _none_found(year_from: int | None, year_to: int | None, category: str | None) -> str:
    """Why no dated fact is listed, and which option to widen."""
    wider = []
    if year_from is not None or year_to is not None:
        wider.append("widen --from/--to")
    if category is not None:
        wider.append("leave out --category")
    if not wider:
        return "No fact in this store has a date; give facts a date to see them here."
    return f"No dated facts match these options; {' or '.join(wider)}."
