"""The dated events of a paragraph's sentences, at the precision the article gives them.

A date the sentence states in full is taken as it is. A date without a year ("on May 9") takes
the year the sentence gave before it ("In 2024, ... on May 9"), else the year named earlier in
the paragraph, else the year of publication, and says so in a ``derived`` note. "This year" and
"last year" count from the publication date; without one they stay undated. "The 65th
anniversary of X", marked on a date, dates X that many years earlier: a derived event with its
[facts.anniversary], which the marking commemorates.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from laorus.store.model import Anniversary, PartialDate
from laorus.text.date_spans import DateSpan, find_dates
from laorus.text.dates import MONTH_NAMES, DateParts
from laorus.text.numerals import find_numbers
from laorus.text.sentences import Sentence

# "this year", "last year", "this important anniversary year", "the current year", "next year".
_RELATIVE = re.compile(
    r"\b(?P<which>[Tt]his|[Ll]ast|[Nn]ext|[Tt]he current|[Tt]he previous|[Tt]he past)"
    r"(?P<between>(?: [a-z]+){0,2}?) year\b"
)
_OFFSETS = {"this": 0, "the current": 0, "last": -1, "the previous": -1, "the past": -1, "next": 1}
_ANNIVERSARY = re.compile(
    r"\b(?P<nth>[\w-]+) anniversary of (?P<event>(?:the )?[^,.;:()\u2013\u2014]+?)"
    r"(?=\s*(?:[,.;:()\u2013\u2014]| - |$| (?:on|in|at|was|were|is|took|with)\b))"
)


@dataclass(frozen=True, slots=True)
class Dated:
    """A dated event in a sentence: its date, where the sentence gives it, how it was derived."""

    date: PartialDate
    words: str
    """The words of the sentence that date it ("7 October 2025", "this year", "May 9")."""
    start: int
    """Where those words begin in the sentence."""
    end_date: PartialDate | None = None
    derived: str | None = None
    anniversary: Anniversary | None = None
    event: str | None = None
    """What an anniversary marks ("diplomatic relations"), for a date derived from one."""
    commemorates: Dated | None = None
    """For the marking of an anniversary: the event it marks."""


@dataclass(frozen=True, slots=True)
class Undated:
    """Words that date something the draft could not date, and why."""

    words: str
    reason: str


@dataclass(frozen=True, slots=True)
class _Year:
    year: int
    words: str
    note: str | None


def say(date: PartialDate) -> str:
    """A date as the notes write it: "7 October 1960", "June 2025", "1960"."""
    if date.month is None:
        return str(date.year)
    month = MONTH_NAMES[date.month - 1]
    return f"{date.day} {month} {date.year}" if date.day else f"{month} {date.year}"


def paragraph_dates(
    paragraph: Sequence[Sentence], published: dt.date | None
) -> tuple[list[list[Dated]], list[Undated]]:
    """The dated events of each sentence of one paragraph, and what could not be dated."""
    context: _Year | None = None
    found: list[list[Dated]] = []
    undated: list[Undated] = []
    for sentence in paragraph:
        dated, context = _sentence_dates(sentence.text, context, published, undated)
        found.append(dated)
    return found, undated


def _sentence_dates(
    text: str, context: _Year | None, published: dt.date | None, undated: list[Undated]
) -> tuple[list[Dated], _Year | None]:
    mentions: list[tuple[int, DateSpan | re.Match[str]]] = [
        (span.start, span) for span in find_dates(text)
    ]
    mentions += [(match.start(), match) for match in _RELATIVE.finditer(text)]
    mentions.sort(key=lambda mention: mention[0])
    dated: list[Dated] = []
    year: _Year | None = None
    year_dated: Dated | None = None  # a year alone, absorbed if a later date takes its year
    for start, mention in mentions:
        if isinstance(mention, re.Match):
            words = mention.group()
            if published is None:
                undated.append(Undated(words, "no publication date to count it from"))
                continue
            which = mention.group("which").lower()
            value = published.year + _OFFSETS[which]
            counted = f"'{words}' in an article published on {say(_partial(published))}."
            year = _Year(value, words, counted)
            year_dated = Dated(PartialDate(value), words, start, derived=counted)
            dated.append(year_dated)
            continue
        span = mention
        first, last = span.first, span.last
        if first.year is not None and first.month is None and last is None:
            year = _Year(first.year, span.text, None)
            year_dated = Dated(PartialDate(first.year), span.text, start)
            dated.append(year_dated)
            continue
        source = year or context or _published_year(published)
        if first.year is None and source is None:
            undated.append(Undated(span.text, "no year, and no publication date to take it from"))
            continue
        note = None
        if first.year is None and source is not None:
            # A year the sentence itself states needs no note: "In 2024, ... on May 9".
            if source is not year or source.note is not None:
                note = _year_note(span.text, source, same_sentence=source is year)
            if year_dated is not None and source is year and year_dated in dated:
                dated.remove(year_dated)  # "In 2024, ... on May 9": one event, not two
        fill = source.year if source is not None else 0
        date = _complete(first, fill)
        end = _complete(last, fill) if last is not None else None
        if end is not None and end.first_day() < date.first_day():
            end = None
        dated.append(Dated(date, span.text, start, end, note))
        if first.year is not None:
            year = _Year(first.year, span.text, None)
    dated = _anniversaries(text, dated)
    if year is not None:
        context = year
    return dated, context


def _partial(day: dt.date) -> PartialDate:
    return PartialDate(day.year, day.month, day.day)


def _published_year(published: dt.date | None) -> _Year | None:
    if published is None:
        return None
    return _Year(published.year, "", f"the year of publication ({say(_partial(published))})")


def _year_note(words: str, source: _Year, *, same_sentence: bool) -> str:
    if not source.words:
        return f"The article gives '{words}' without a year; taken as {source.note}."
    where = "in the same sentence" if same_sentence else "earlier in the paragraph"
    note = f"The article gives '{words}' without a year, after '{source.words}' {where}"
    if source.note:
        return f"{note} ({source.year}: {source.note.rstrip('.')})."
    return f"{note} ({source.year})."


def _complete(parts: DateParts, year: int) -> PartialDate:
    """The parts as a PartialDate, the year filled in where the text left it out."""
    return PartialDate(parts.year if parts.year is not None else year, parts.month, parts.day)


def _anniversaries(text: str, dated: list[Dated]) -> list[Dated]:
    """Add the event each "Nth anniversary of X" marks, dated back from the marking's date."""
    done = list(dated)
    for match in _ANNIVERSARY.finditer(text):
        numbers = [n for n in find_numbers(match.group("nth")) if n.ordinal]
        if len(numbers) != 1 or not dated:
            continue
        nth = int(numbers[0].value)
        before = [d for d in done if d.start < match.start() and d.anniversary is None]
        after = [d for d in done if d.start > match.start() and d.anniversary is None]
        marking = before[-1] if before else after[0] if after else None
        if marking is None or nth < 1 or nth >= marking.date.year:
            continue
        on = marking.date
        origin = _years_before(on, nth)
        event = match.group("event").strip()
        how = f"'{marking.words}'" + (
            f" ({marking.derived.rstrip('.')})" if marking.derived else ""
        )
        note = (
            f"The article dates the {match.group('nth')} anniversary of {event} to {how};"
            f" {nth} years earlier is {say(origin)}."
        )
        if str(nth) not in text:
            continue  # the store checks that the quote gives the anniversary number in digits
        event_dated = Dated(
            origin, match.group(), match.start(), None, note, Anniversary(on, nth), event
        )
        index = done.index(marking)
        done[index] = replace(marking, commemorates=event_dated)
        done.append(event_dated)
    return done


def _years_before(on: PartialDate, years: int) -> PartialDate:
    year = on.year - years
    if on.month is not None and on.day is not None and on.day > _days(year, on.month):
        return PartialDate(year, on.month)  # 29 February in a year with none
    return PartialDate(year, on.month, on.day)


def _days(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]
