"""The dated facts in chronological order, grouped by year, with filters.

An event that several facts describe (`same_event`) is shown once, as its primary fact, with the
others beside it; the marking of an anniversary is shown under the year it was marked.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from laorus.store.model import Fact, PartialDate, Store

# A date known only to the month sorts after the days of that month, and one known only to the
# year after the months of that year: "in 2025" cannot be placed before "9 May 2025".
_AFTER_MONTHS = 13
_AFTER_DAYS = 32


def sort_key(date: PartialDate) -> tuple[int, int, int]:
    """Chronological key that puts month-only and year-only dates after the dated events."""
    return (date.year, date.month or _AFTER_MONTHS, date.day or _AFTER_DAYS)


@dataclass(frozen=True, slots=True)
class Event:
    """One dated fact on the timeline."""

    fact: Fact
    date: PartialDate
    end: PartialDate | None = None
    also: tuple[Fact, ...] = ()
    """The other facts that describe the same event (those the filters keep)."""

    @property
    def precision(self) -> str:
        """ "day", "month" or "year": how exactly the article dates the event."""
        return self.date.precision

    @property
    def derived(self) -> bool:
        """Whether the date is implied by the article's words rather than written in them."""
        return self.fact.derived is not None


@dataclass(frozen=True, slots=True)
class Year:
    """The events that begin in one year, in order."""

    year: int
    events: tuple[Event, ...]


def events(
    store: Store,
    *,
    year_from: int | None = None,
    year_to: int | None = None,
    category: str | None = None,
) -> list[Event]:
    """The store's dated facts in chronological order; a range is kept if it overlaps the years."""
    if year_from is not None and year_to is not None and year_from > year_to:
        msg = f"year_from {year_from} is after year_to {year_to}"
        raise ValueError(msg)
    kept: list[tuple[int, Fact]] = []
    for number, fact in enumerate(store.facts):
        if fact.date is None or (category is not None and fact.category != category):
            continue
        last = (fact.end_date or fact.date).year
        if year_from is not None and last < year_from:
            continue
        if year_to is not None and fact.date.year > year_to:
            continue
        kept.append((number, fact))
    primaries = {fact.id for _, fact in kept if fact.same_event is None}
    also: dict[str, list[Fact]] = {}
    for _, fact in kept:
        if fact.same_event in primaries:
            also.setdefault(fact.same_event, []).append(fact)
    found: list[tuple[tuple[tuple[int, int, int], tuple[int, int, int], int], Event]] = []
    for number, fact in kept:
        if fact.same_event in primaries or fact.date is None:
            continue  # shown with its primary fact
        end_key = sort_key(fact.end_date) if fact.end_date else sort_key(fact.date)
        event = Event(fact, fact.date, fact.end_date, tuple(also.get(fact.id, ())))
        # Store order breaks ties, so facts of one day keep the article's order.
        found.append(((sort_key(fact.date), end_key, number), event))
    found.sort(key=lambda pair: pair[0])
    return [event for _, event in found]


def by_year(timeline: list[Event]) -> list[Year]:
    """Group chronologically ordered events by the year they begin in."""
    return [
        Year(year, tuple(group)) for year, group in groupby(timeline, key=lambda e: e.date.year)
    ]
