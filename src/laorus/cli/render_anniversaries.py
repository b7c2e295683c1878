"""How anniversaries read: the table, countdowns, weekdays and dates, and the JSON records."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from laorus.anniversaries.occurrences import LEAP_DAY_RULE, Occurrence, partial_text
from laorus.cli.output import TEXT_WIDTH
from laorus.text.numerals import ordinal

if TYPE_CHECKING:
    from rich.table import Table


def countdown(day: dt.date, today: dt.date) -> str:
    """ "today", "tomorrow", "in 12 days" (or "3 days ago" for a day already past)."""
    delta = (day - today).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "tomorrow"
    if delta == -1:
        return "yesterday"
    return f"in {delta} days" if delta > 0 else f"{-delta} days ago"


def weekday_date(day: dt.date) -> str:
    """A day with its weekday, as "Tue 7 Oct 2025"."""
    return f"{day:%a} {day.day} {day:%b} {day.year}"


def when(item: Occurrence) -> str:
    """The anniversary's day, or its month or year when the article gives no day."""
    if item.date is not None:
        return weekday_date(item.date)
    if item.month is not None:
        return f"{dt.date(item.year, item.month, 1):%b} {item.year}"
    return str(item.year)


def record(item: Occurrence, today: dt.date | None = None) -> dict[str, object]:
    """One anniversary as a JSON object (with a countdown when ``today`` is given)."""
    data: dict[str, object] = {
        "id": item.fact.id,
        "statement": item.fact.statement,
        "event": item.event,
        "summary": item.summary,
        "event_date": item.event_date.iso(),
        "precision": item.event_date.precision,
        "years": item.years,
        "ordinal": item.ordinal,
        "year": item.year,
        "date": item.date.isoformat() if item.date is not None else None,
        "weekday": f"{item.date:%a}" if item.date is not None else None,
        "note": LEAP_DAY_RULE if item.leap_day_moved else None,
    }
    if today is not None and item.date is not None:
        data["days"] = (item.date - today).days
        data["countdown"] = countdown(item.date, today)
    return data


NARROW_DATE = 10
"""The Date column's width at most on a narrow console: "Fri 22 Mar" above "2030"."""
NARROW_SINCE = 6
"""The Since column's width at most on a narrow console: "22 Mar" above "1955"."""
GAP = 2
"""The cells between two columns: one of padding and the rule's."""


def anniversaries_table(
    items: list[Occurrence],
    period: str,
    step: int,
    today: dt.date | None,
    width: int | None = None,
) -> Table:
    """The anniversaries as a table: when (and how soon), which, the event, and since when.

    On a console of ``width`` columns too narrow for the dates on one line beside an Event
    column of TEXT_WIDTH, the dates wrap between their words (the year under the day), so
    that from 40 columns up no column is dropped or cropped and the events keep what width
    there is (narrower still, a long word of an event may be split).
    """
    from rich import box
    from rich.table import Table
    from rich.text import Text

    notes: list[str] = []
    rows: list[tuple[Text, str, str, str]] = []
    for item in items:
        # The second line of the date cell says what a bare date cannot: how soon, or that the
        # article gives no day.
        day = Text(when(item))
        if item.leap_day_moved:
            day.append(" *")
            if f"* {LEAP_DAY_RULE}." not in notes:
                notes.append(f"* {LEAP_DAY_RULE}.")
        if item.date is None:
            day.append("\nday unknown", style="dim")
        elif today is not None:
            day.append(f"\n{countdown(item.date, today)}", style="bold")
        rows.append((day, item.ordinal, item.event, partial_text(item.event_date)))
    headers = ("Date", "Years", "Event", "Since")

    def widest(column: int) -> int:
        lines = [headers[column], *(line for row in rows for line in str(row[column]).split("\n"))]
        return max(len(line) for line in lines)

    beside = widest(0) + widest(1) + widest(3) + 3 * GAP
    narrow = width is not None and width - beside < TEXT_WIDTH
    table = Table(
        title=title(period, step),
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        collapse_padding=True,
    )
    if narrow:
        table.add_column(headers[0], max_width=NARROW_DATE)
    else:
        table.add_column(headers[0], no_wrap=True)
    table.add_column(headers[1], justify="right", no_wrap=True)
    table.add_column(headers[2], ratio=1, overflow="fold")
    if narrow:
        table.add_column(headers[3], max_width=NARROW_SINCE)
    else:
        table.add_column(headers[3], no_wrap=True)
    for row in rows:
        table.add_row(*row)
    notes += _unknown_day_note(items)
    if notes:
        table.caption = "\n".join(notes)
    return table


def title(period: str, step: int) -> str:
    """The table's title: the period and which anniversaries it lists."""
    rounds = "every anniversary" if step == 1 else f"every {ordinal(step)} year"
    return f"Anniversaries {period} ({rounds})"


def _unknown_day_note(items: list[Occurrence]) -> list[str]:
    if any(item.date is None for item in items):
        return ["Events whose day the article does not give come last."]
    return []


PLAIN_HEADERS = ("Date", "Years", "Since", "Event")
PLAIN_RIGHT = (False, True, False, False)


def anniversaries_plain(
    items: list[Occurrence], period: str, step: int, today: dt.date | None
) -> str:
    """The anniversaries in the plain format a pipe gets (cli/plain_table.py), without Rich.

    The title, a blank line, the table with the event last (never padded nor wrapped), then
    the notes after a blank line; no line ends in a space.
    """
    from laorus.cli.plain_table import plain_table

    notes: list[str] = []
    rows = []
    for item in items:
        day = when(item)
        if item.leap_day_moved:
            day += " *"
            if f"* {LEAP_DAY_RULE}." not in notes:
                notes.append(f"* {LEAP_DAY_RULE}.")
        if item.date is None:
            day += "\nday unknown"
        elif today is not None:
            day += f"\n{countdown(item.date, today)}"
        rows.append((day, item.ordinal, partial_text(item.event_date), item.event))
    notes += _unknown_day_note(items)
    text = f"{title(period, step)}\n\n{plain_table(PLAIN_HEADERS, PLAIN_RIGHT, rows)}"
    return text + "".join(f"\n{note}\n" if n == 0 else f"{note}\n" for n, note in enumerate(notes))
