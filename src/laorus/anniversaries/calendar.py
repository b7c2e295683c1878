"""Export anniversaries as an RFC 5545 iCalendar file (laorus.files writes it atomically).

The icalendar library does the formatting: CRLF line endings, escaping, and folding of long
lines at 75 octets. UIDs come from the fact id and the year (or "yearly" for a recurring event),
so importing the same export twice updates events instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from laorus.anniversaries.occurrences import (
    LEAP_DAY_RULE,
    Occurrence,
    partial_text,
    summary,
)
from laorus.store.model import Fact, Source
from laorus.text.numerals import ordinal

if TYPE_CHECKING:
    from icalendar import Calendar, Event

PRODID = "-//laorus//Anniversaries from the article's facts//EN"
"""Names this program in every calendar it writes."""

UID_DOMAIN = "laorus"
"""The right-hand side of every UID, so ours never collide with other calendars' events."""


@dataclass(frozen=True, slots=True)
class Export:
    """A calendar ready to write, and the anniversaries it had to leave out (no known day)."""

    data: bytes
    events: int
    left_out: tuple[Occurrence, ...]


def uid(fact: Fact, year: int | None) -> str:
    """A stable UID: the fact id and the anniversary's year, or "yearly" for a recurring event."""
    return f"{fact.id}-{year if year is not None else 'yearly'}@{UID_DOMAIN}"


def description(fact: Fact, source: Source | None) -> str:
    """The statement, the article's words, and where they come from."""
    from laorus.text.sentences import quotable

    text = f"{fact.statement}\n\n“{quotable(fact.quote)}”"
    if source is not None:
        text += f"\n\n{source.author}, “{source.title}”, {source.published_in}"
        if source.published is not None:
            text += f", {source.published}"
    return text


def _calendar(name: str) -> Calendar:
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    return cal


def _event(
    fact: Fact, summary: str, start: dt.date, now: dt.datetime, source: Source | None
) -> Event:
    from icalendar import Event

    event = Event()
    event.add("uid", uid(fact, None))
    event.add("dtstamp", now.astimezone(dt.UTC))
    # A date (not a date-time) makes an all-day event; DTEND is exclusive, hence the next day.
    event.add("dtstart", start)
    event.add("dtend", start + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description(fact, source))
    event.add("categories", [fact.category])
    event.add("transp", "TRANSPARENT")
    return event


def build(
    items: Sequence[Occurrence],
    now: dt.datetime,
    *,
    name: str = "Anniversaries",
    source: Source | None = None,
    recurring: bool = False,
) -> Export:
    """An iCalendar of ``items`` (one event each, or one yearly event per fact if ``recurring``)."""
    cal = _calendar(name)
    dated = [item for item in items if item.date is not None]
    left_out = tuple(item for item in items if item.date is None)
    count = 0
    if recurring:
        seen: set[str] = set()
        for item in dated:
            if item.fact.id in seen:
                continue
            seen.add(item.fact.id)
            cal.add_component(_yearly(item.fact, now, source))
            count += 1
    else:
        for item in dated:
            assert item.date is not None
            event = _event(item.fact, item.summary, item.date, now, source)
            event["uid"] = uid(item.fact, item.year)
            if item.leap_day_moved:
                event["description"] = f"{event['description']}\n\n({LEAP_DAY_RULE}.)"
            cal.add_component(event)
            count += 1
    return Export(cal.to_ical(), count, left_out)


def _yearly(fact: Fact, now: dt.datetime, source: Source | None) -> Event:
    from laorus.anniversaries.occurrences import observed_on

    assert fact.date is not None
    day = fact.date.to_date()
    assert day is not None
    first, _ = observed_on(day, day.year + 1)
    title = f"{summary(fact)} ({partial_text(fact.date)})"
    event = _event(fact, title, first, now, source)
    if (day.month, day.day) == (2, 29):
        # The last day of February: 29th in leap years, 28th otherwise (the documented rule).
        event.add("rrule", {"freq": "yearly", "bymonth": 2, "bymonthday": -1})
    else:
        event.add("rrule", {"freq": "yearly"})
    note = f"Every year from the {ordinal(1)} anniversary on {first.isoformat()}."
    event["description"] = f"{event['description']}\n\n{note}"
    return event


def names(items: Iterable[Occurrence]) -> str:
    """A comma-separated list of anniversaries, for a note about what was left out."""
    return ", ".join(f"{item.summary} ({item.event_date})" for item in items)
