"""`laorus anniversaries`: round anniversaries in a year or coming up, optionally as a calendar."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import typer

from laorus.cli import params
from laorus.cli.chosen_store import load_store
from laorus.cli.exits import usage_error
from laorus.cli.help import LaorusCommand
from laorus.cli.output import error_console, print_json, print_out
from laorus.cli.targets import store_output
from laorus.errors import LaorusError, NothingFound

if TYPE_CHECKING:
    from pathlib import Path

    from laorus.anniversaries.calendar import Export
    from laorus.anniversaries.occurrences import Occurrence
    from laorus.store.model import Source

app = typer.Typer(add_completion=False)

MAX_DAYS = 36525
"""--upcoming looks at most a hundred years ahead; more is surely a typo."""


def _day(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        msg = f"{value!r} is not a date; use the ISO form, e.g. 2025-12-20"
        raise usage_error(msg) from None


def _contradiction(
    *,
    year: bool,
    upcoming: bool,
    start: bool,
    all_: bool,
    every: bool,
    recurring: bool,
    force: bool,
    ics: bool,
) -> tuple[str, str] | None:
    """The option that clashes with another and why, or None when they can go together."""
    if upcoming and year:
        return "'--upcoming'", "cannot go with --year; use one or the other"
    if start and not upcoming:
        return "'--from'", "needs --upcoming DAYS, e.g. --upcoming 30"
    if all_ and every:
        return "'--all'", "cannot go with --every, as --all lists every N"
    if recurring and not ics:
        return "'--recurring'", "needs --ics FILE, the calendar it shapes"
    if force and not ics:
        return "'--force'", "needs --ics FILE, the calendar it may replace"
    return None


STDOUT = "-"
"""--ics - writes the calendar to standard output (and nothing else goes there)."""


@app.command(cls=LaorusCommand)
def anniversaries(
    ctx: typer.Context,
    year: Annotated[
        int | None,
        typer.Option(
            parser=params.year,
            metavar="YEAR",
            help="Year to list (default: this year).",
            show_default=False,
        ),
    ] = None,
    every: Annotated[
        int | None,
        typer.Option(
            parser=params.whole_number(1, 1000),
            metavar="N",
            help="List the Nth anniversaries where N is a multiple of this (default 5).",
            show_default=False,
        ),
    ] = None,
    all_: Annotated[
        bool,
        typer.Option("--all", help="List every anniversary (N of 1 or more), not only round ones."),
    ] = False,
    upcoming: Annotated[
        int | None,
        typer.Option(
            parser=params.whole_number(0, MAX_DAYS),
            metavar="DAYS",
            help="List the next DAYS days' anniversaries instead of a year's, with a countdown.",
            show_default=False,
        ),
    ] = None,
    start: Annotated[
        dt.date | None,
        typer.Option(
            "--from",
            parser=_day,
            metavar="DATE",
            help="Count --upcoming from this ISO date instead of today.",
            show_default=False,
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print a JSON array instead of a table.")
    ] = False,
    ics: Annotated[
        str | None,
        typer.Option(
            metavar="FILE",
            help=(
                "Also write the anniversaries listed to FILE as an iCalendar (.ics) file;"
                " '-' writes it to standard output instead of the table."
            ),
            show_default=False,
        ),
    ] = None,
    recurring: Annotated[
        bool,
        typer.Option(
            "--recurring", help="With --ics: one yearly recurring event per event instead."
        ),
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", "-f", help="With --ics: replace FILE if it exists.")
    ] = False,
) -> None:
    """List the round anniversaries of the article's dated events in a year, or coming up.

    Events with no known day come last in a year's list; --upcoming skips them.

    29 February is observed on 28 February in common years.

    Example: laorus anniversaries --year 2025 --ics anniversaries.ics
    """
    from laorus.anniversaries import occurrences as core

    clash = _contradiction(
        year=year is not None,
        upcoming=upcoming is not None,
        start=start is not None,
        all_=all_,
        every=every is not None,
        recurring=recurring,
        force=force,
        ics=ics is not None,
    )
    if clash:
        raise usage_error(clash[1], clash[0])
    if ics == STDOUT and as_json:
        msg = "cannot go with --ics -, which writes the calendar to standard output"
        raise usage_error(msg, "'--json'")
    target = None
    if ics is not None and ics != STDOUT:
        target = store_output(ctx, ics, "'--ics'", "anniversaries.ics", force)
    step = 1 if all_ else (every or core.DEFAULT_EVERY)
    today = dt.date.today()

    from laorus.cache.reader import Wanted

    if upcoming is not None:
        origin = start or today
        try:
            end = core.window_end(origin, upcoming)
        except LaorusError as exc:  # the options' window runs past the calendar: a usage error
            raise usage_error(str(exc), "'--upcoming'") from None
        years = tuple(range(origin.year, end.year + 1))
    else:
        years = (year if year is not None else today.year,)
    store = load_store(ctx, Wanted(dated=True, anniversaries_in=years, every=step))
    if upcoming is not None:
        items = core.upcoming(store.facts, origin, upcoming, step)
        period = f"{origin.isoformat()} to {end.isoformat()}"
        countdown_from: dt.date | None = origin
    else:
        chosen = year if year is not None else today.year
        items = core.in_year(store.facts, chosen, step)
        period = str(chosen)
        countdown_from = None

    calendar = None
    if ics is not None and items:
        calendar = _calendar(items, period, store.source, recurring=recurring)
        if calendar.events:
            _write_calendar(calendar, target, recurring=recurring)
    if as_json:
        from laorus.cli.render_anniversaries import record

        print_json([record(item, countdown_from) for item in items])
    elif items and ics != STDOUT:
        import sys

        from laorus.cli.progress import is_terminal

        if is_terminal(sys.stdout):
            from laorus.cli.output import out_console
            from laorus.cli.render_anniversaries import anniversaries_table

            out = out_console()
            table = anniversaries_table(items, period, step, countdown_from, out.width)
            print_out(table, console=out)
        else:
            from laorus.cli.render_anniversaries import anniversaries_plain

            sys.stdout.write(anniversaries_plain(items, period, step, countdown_from))
    if calendar is not None and not calendar.events:
        raise _nothing_to_write(calendar, target, more="--year" if all_ else "--year or --every")
    if not items:
        which = "anniversaries" if step == 1 else f"anniversaries that are multiples of {step}"
        hint = "try --all" if step > 1 else "try another period"
        msg = f"No {which} in {period}; {hint}."
        raise NothingFound(msg)


def _calendar(items: list[Occurrence], period: str, source: Source, *, recurring: bool) -> Export:
    from laorus.anniversaries import calendar as ics

    name = "laorus: yearly anniversaries" if recurring else f"laorus: anniversaries {period}"
    return ics.build(items, dt.datetime.now(dt.UTC), name=name, source=source, recurring=recurring)


def _where(target: Path | None) -> str:
    """Where the calendar goes, as a message names it."""
    return "standard output" if target is None else str(target)


def _nothing_to_write(calendar: Export, target: Path | None, more: str) -> LaorusError:
    """The error for a calendar with no event: every anniversary listed lacks a known day."""
    from laorus.anniversaries.calendar import names

    where = _where(target)
    msg = (
        f"nothing to write to {where}: the article gives no day for {names(calendar.left_out)},"
        f" and an event without a day cannot go in a calendar; try another {more}"
    )
    return LaorusError(msg)


def _write_calendar(calendar: Export, target: Path | None, *, recurring: bool) -> None:
    """Write the calendar to ``target`` (None: standard output) and say what was left out."""
    from laorus.anniversaries.calendar import names

    if target is None:
        import sys

        sys.stdout.flush()  # anything written before goes first
        sys.stdout.buffer.write(calendar.data)
        sys.stdout.buffer.flush()
    else:
        from laorus.files import write_file

        write_file(target, calendar.data)
    err = error_console()
    kind = "yearly event" if recurring else "event"
    plural = "" if calendar.events == 1 else "s"
    where = _where(target)
    err.print(f"Wrote {calendar.events} {kind}{plural} to {where}.", markup=False)
    if calendar.left_out:
        err.print(f"Left out (the article gives no day): {names(calendar.left_out)}.", markup=False)
