"""Which dated facts have an Nth anniversary in a given year, or in the days after a given date.

Only a fact's own event counts: not the marking of another event's anniversary (a fact that
`commemorates` one), nor a second account of an event (a fact with `same_event`).

Rule for 29 February: in a common year the anniversary of a 29 February event is observed on
28 February, so it stays in the month it belongs to (and in a calendar it is the last day of
February, which is how the recurring iCalendar event is written too).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from laorus.errors import LaorusError
from laorus.store.model import Fact, PartialDate
from laorus.text.dates import FULL_DATE, MONTH_YEAR
from laorus.text.numerals import ordinal

DEFAULT_EVERY = 5
"""Round anniversaries: every 5th year unless told otherwise."""

LEAP_DAY_RULE = "29 February is observed on 28 February in common years"
"""The documented rule for leap-day events, shown wherever it applies."""

# A date as the statements write it: "7 October 1960", "December 2, 1975", "June 2025", "1954".
# After "on", "in" or "since" any four digits are a year, not only the years of text.dates.YEAR.
_DATE = rf"(?:{FULL_DATE}|{MONTH_YEAR}|\d{{4}})"
# "... relations on 7 October 1960, 65 years before ...": the date and any aside after it go.
_TRAILING_DATE = re.compile(rf",?\s+(?:on|in|of|since)\s+{_DATE}(?:,\s.*)?$")
# "On 9 May 2024 the heads of state met": only when a subject follows, not an aside
# ("In 2025, an important anniversary year, ...") or a second date ("In 2023 and 2024 ...").
_LEADING_DATE = re.compile(rf"^(?:On|In|Since)\s+{_DATE}(?:,\s+(?=[A-Z]|the\s)|\s+(?!and\s))")
_ARTICLES = ("The ", "A ", "An ")


@dataclass(frozen=True, slots=True)
class Occurrence:
    """The Nth anniversary of one dated fact, on a day (or only in a month or year)."""

    fact: Fact
    years: int
    date: dt.date | None
    """The day it is observed, or None when the article does not give the event's day."""
    year: int
    leap_day_moved: bool = False

    @property
    def event_date(self) -> PartialDate:
        """The event's date as the store gives it."""
        assert self.fact.date is not None
        return self.fact.date

    @property
    def ordinal(self) -> str:
        """ "65th", "1st", "112th"."""
        return ordinal(self.years)

    @property
    def month(self) -> int | None:
        """The anniversary's month when only the month is known (or the day too)."""
        return self.event_date.month

    @property
    def event(self) -> str:
        """A short name of the event."""
        return event_name(self.fact)

    @property
    def summary(self) -> str:
        """A calendar title: "65th anniversary of ..." or "65th anniversary: ..."."""
        return summary(self.fact, self.ordinal)


def event_name(fact: Fact) -> str:
    """The fact's short ``event`` name if the store gives one, else its statement without dates."""
    if fact.event:
        return fact.event
    text = fact.statement.strip().rstrip(".")
    text = _TRAILING_DATE.sub("", text)
    stripped = _LEADING_DATE.sub("", text)
    if stripped != text:
        text = stripped[:1].upper() + stripped[1:]
    return text


def summary(fact: Fact, nth: str = "") -> str:
    """ "65th anniversary of <event>" for a named event, "65th anniversary: <clause>" otherwise."""
    head = f"{nth} anniversary" if nth else "Anniversary"
    name = event_name(fact)
    if fact.event:
        return f"{head} of {name}"
    # A statement is a clause ("The Lao PDR was proclaimed"), so it follows a colon.
    if name.startswith(_ARTICLES):
        name = name[0].lower() + name[1:]
    return f"{head}: {name}"


def observed_on(event: dt.date, year: int) -> tuple[dt.date, bool]:
    """The day the anniversary of ``event`` falls in ``year``, and whether 29 February moved."""
    try:
        return event.replace(year=year), False
    except ValueError:
        # Only 29 February fails to exist in another year; see the module's rule.
        return dt.date(year, 2, 28), True


def check_every(every: int) -> None:
    """Refuse a step below 1 (every 0th anniversary means nothing)."""
    if every < 1:
        msg = f"the step between anniversaries must be 1 or more, not {every}"
        raise LaorusError(msg)


def _occurrence(fact: Fact, year: int, every: int) -> Occurrence | None:
    date = fact.date
    # The marking of an anniversary has no anniversaries of its own (those are of the event it
    # marks), and an event told by several facts is listed once, as its primary fact.
    if date is None or not fact.own_event:
        return None
    years = year - date.year
    # N = 0 is the event itself, never an anniversary.
    if years < 1 or years % every:
        return None
    day = date.to_date()
    if day is None:
        return Occurrence(fact, years, None, year)
    when, moved = observed_on(day, year)
    return Occurrence(fact, years, when, year, moved)


def _order(item: Occurrence) -> tuple[int, int, int, int, str]:
    # Day-known first in calendar order, then month-known by month, then year-only.
    if item.date is not None:
        return (0, item.date.toordinal(), 0, -item.years, item.fact.id)
    if item.month is not None:
        return (1, item.year, item.month, -item.years, item.fact.id)
    return (2, item.year, 0, -item.years, item.fact.id)


def in_year(facts: Iterable[Fact], year: int, every: int = DEFAULT_EVERY) -> list[Occurrence]:
    """The anniversaries in ``year`` whose number is a multiple of ``every``, in calendar order."""
    check_every(every)
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        msg = f"year {year} is out of range; use a year from {dt.MINYEAR} to {dt.MAXYEAR}"
        raise LaorusError(msg)
    found = (_occurrence(fact, year, every) for fact in facts)
    return sorted((item for item in found if item is not None), key=_order)


def window_end(start: dt.date, days: int) -> dt.date:
    """The last day of a window of ``days`` days after ``start`` (``start`` itself when 0)."""
    if days < 0:
        msg = f"the number of days must be 0 or more, not {days}"
        raise LaorusError(msg)
    try:
        return start + dt.timedelta(days=days)
    except OverflowError:
        msg = f"{days} days after {start.isoformat()} is past the year {dt.MAXYEAR}"
        raise LaorusError(msg) from None


def upcoming(
    facts: Iterable[Fact], today: dt.date, days: int, every: int = DEFAULT_EVERY
) -> list[Occurrence]:
    """The anniversaries from ``today`` to ``days`` days later (both included), by date.

    Only events whose day the article gives are counted down to; the rest have no day to count to.
    """
    check_every(every)
    end = window_end(today, days)
    chosen = [fact for fact in facts if fact.date is not None and fact.date.precision == "day"]
    found: list[Occurrence] = []
    for year in range(today.year, end.year + 1):
        for fact in chosen:
            item = _occurrence(fact, year, every)
            if item is not None and item.date is not None and today <= item.date <= end:
                found.append(item)
    return sorted(found, key=_order)


def partial_text(date: PartialDate) -> str:
    """An event date as words: "7 Oct 1960", "Jun 2025" or "1954"."""
    if date.day is not None and date.month is not None:
        return f"{date.day} {dt.date(date.year, date.month, 1):%b} {date.year}"
    if date.month is not None:
        return f"{dt.date(date.year, date.month, 1):%b} {date.year}"
    return str(date.year)
