"""Read the dates a text gives, in any common form, and tell which parts were actually given.

"7 October 1960", "October 7th, 1960", "Oct 7 1960", "the seventh of October 1960", "1960-10-07"
(year first) and "07.10.1960" or "7/10/1960" (day first) all read as 1960-10-07; "October 1960"
reads as a month with no day and "1960" as a year alone. Month and weekday names come from
python-dateutil's parserinfo. Its full parser is not used: it fills the parts that are missing
from a default date, reads "1960-10-07" as 10 July when told that days come first, and places
two-digit years relative to today, so the answer would change with the date of the quiz.

The patterns below (FULL_DATE, MONTH_YEAR, DAY_AND_MONTH, YEAR...) find dates in the article's
prose; the cloze, the choices and the anniversaries' event names all use them.
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from laorus.text.numerals import Number, find_numbers

MONTH_NAMES: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
"""English month names, as the article writes them; MONTH_NAMES[0] is January."""

# Dates as prose writes them, for finding them in running text (blanking them in a sentence,
# leaving them out of an event's name, telling the day of a date from a quantity). They are
# regular-expression sources to combine, each a group bounded by word edges; what a date means
# is read_dates' work. Month names are matched in full and capitalised, as the article writes
# them ("may" is a verb); a day may carry an ordinal suffix ("7th"), and any spaces may
# separate the parts.
MONTH = f"(?:{'|'.join(MONTH_NAMES)})"
"""A month name in full, capitalised: "October"."""
DAY = r"\d{1,2}(?:st|nd|rd|th)?"
"""A day of the month, perhaps with its ordinal suffix: "7", "7th"."""
DAY_MONTH_YEAR = rf"(?:\b{DAY}\s+(?:of\s+)?{MONTH}\s+\d{{4}}\b)"
"""A full date, day first: "7 October 1960", "7th of October 1960"."""
MONTH_DAY_YEAR = rf"(?:\b{MONTH}\s+{DAY},?\s+\d{{4}}\b)"
"""A full date, month first: "December 2, 1975", "October 7th, 1960", "May 9 2025"."""
FULL_DATE = rf"(?:{DAY_MONTH_YEAR}|{MONTH_DAY_YEAR})"
"""A full date in either order."""
MONTH_YEAR = rf"(?:\b{MONTH}\s+\d{{4}}\b)"
"""A month and its year: "June 2025"."""
DAY_AND_MONTH = rf"(?:\b{MONTH}\s+{DAY}\b|\b{DAY}\s+(?:of\s+)?{MONTH}\b)"
"""A day and its month, either order, whether or not a year follows: "May 9", "9th of May"."""
YEAR = r"(?:\b(?:1[89]|20)\d\d\b)"
"""A year standing alone in prose: 1800 to 2099. Another bare four-digit number is more likely
a quantity ("2500 students"); beside a month, or after "in" or "since", any year is read."""
ISO_DATE = r"(?:\b\d{4}-\d{2}-\d{2}\b)"
"""A full date as the store writes one: "1960-10-07"."""


@functools.cache
def _names() -> Any:
    """python-dateutil's month and weekday names, imported only when a date is read."""
    # python-dateutil ships no type information; parserinfo's lookups return int | None or bool.
    from dateutil.parser import parserinfo  # type: ignore[import-untyped]

    return parserinfo()


_YEAR_FIRST = re.compile(r"(?<![\d.,/-])(\d{4})([-/.])(\d{1,2})(?:\2(\d{1,2}))?(?![\d]|[-/.]\d)")
_DAY_FIRST = re.compile(r"(?<![\d.,/-])(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d]|[-/.]\d)")
_MONTH_NUMBER = r"(0?[1-9]|1[0-2])"
EITHER_WAY = re.compile(
    rf"(?<![\d.,/-]){_MONTH_NUMBER}([-/.]){_MONTH_NUMBER}\2(\d{{4}})(?![\d]|[-/.]\d)"
)
"""A numeric full date, read day first, whose day could be the month too ("5/9/2025")."""
_MONTH_YEAR = re.compile(r"(?<![\d.,/-])(\d{1,2})([-/.])(\d{4})(?![\d]|[-/.]\d)")
DAY_AND_MONTH_DIGITS = re.compile(r"\s*(\d{1,2})[/.](\d{1,2})\s*")
"""A day and month in digits alone ("1/9"): the 1st of September or the 9th of January."""
# A range of dotted or slashed dates with no space around the dash: "31.08-01.09.2025" (the first
# date may leave out its year) or "31.08.2025-01.09.2025".
_NUMERIC_RANGE = re.compile(
    r"(?<![\d.,/-])(\d{1,2})([./])(\d{1,2})(?:\2(\d{4}|\d{2}))?[-–—]"
    r"(\d{1,2})\2(\d{1,2})\2(\d{4}|\d{2})(?![\d]|[-/.]\d)"
)
_WORD = re.compile(r"[^\W\d_]+")
# Words that separate two dates ("7 or 17 October"), so each side is read on its own.
_SEPARATORS = frozenset({"or", "and", "nor", "to", "until", "till", "between", "vs", "versus"})
# Words that may sit inside a date without changing it. Not "about", "around" or "before": they
# make the answer say something else than the date.
_FILLERS = frozenset({"the", "in", "year", "day", "date", "ce"})


@dataclass(frozen=True, slots=True)
class DateParts:
    """A date as a text gives it: any of the year, the month and the day may be missing."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    short_year: bool = False
    """The year was written with two digits ("60"), which could be any century."""
    valid: bool = True
    """False for a day that does not exist ("31 February 1960")."""


@dataclass(frozen=True, slots=True)
class DatesRead:
    """The dates found in a text, in order, and the words that were not part of one."""

    dates: tuple[DateParts, ...]
    other_words: tuple[str, ...]
    """Words and numbers that are not part of a date, as the text writes them."""
    misspelt: tuple[str, ...] = ()
    """Month names read despite a typo ("Ocober"), as they should be spelt."""
    weekdays: tuple[int, ...] = ()
    """Weekdays named beside the dates ("Friday, 7 October 1960"), Monday being 0."""


@dataclass(slots=True)
class _Chunk:
    year: int | None = None
    month: int | None = None
    day: int | None = None
    short_year: bool = False

    def empty(self) -> bool:
        return self.year is None and self.month is None and self.day is None

    def parts(self) -> DateParts:
        return DateParts(
            self.year,
            self.month,
            self.day,
            self.short_year,
            _exists(self.year, self.month, self.day),
        )


_Element = DateParts | Number | str


def _exists(year: int | None, month: int | None, day: int | None) -> bool:
    if month is not None and not 1 <= month <= 12:
        return False
    if day is None:
        return True
    # Without a year, 29 February is allowed: a leap year may be meant.
    days = calendar.monthrange(year or 2000, month)[1] if month is not None else 31
    return 1 <= day <= days and (year is None or year >= 1)


def read_dates(text: str) -> DatesRead:
    """The dates in the text: each a run of day, month and year with only filler words between."""
    elements: list[tuple[int, _Element, str]] = []
    taken: list[tuple[int, int]] = []
    for match in _NUMERIC_RANGE.finditer(text):
        taken.append((match.start(), match.end()))
        first, last = _numeric_range(match)
        elements.append((match.start(), first, ""))
        elements.append((match.start(5), last, ""))
    for pattern in (_YEAR_FIRST, _DAY_FIRST, _MONTH_YEAR):
        for match in pattern.finditer(text):
            if pattern is _YEAR_FIRST and not 1 <= int(match.group(3)) <= 12:
                continue  # "1975-76" is two years, not a 76th month
            if not _overlaps(match.start(), match.end(), taken):
                taken.append((match.start(), match.end()))
                elements.append((match.start(), _numeric_date(pattern, match), ""))
    for number in find_numbers(text):
        if not _overlaps(number.start, number.end, taken):
            taken.append((number.start, number.end))
            elements.append((number.start, number, text[number.start : number.end]))
    for match in _WORD.finditer(text):
        if not _overlaps(match.start(), match.end(), taken):
            elements.append((match.start(), match.group().lower(), match.group()))
    elements.sort(key=lambda element: element[0])
    return _chunk([(element, surface) for _, element, surface in elements])


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < other_end and other_start < end for other_start, other_end in taken)


def _numeric_date(pattern: re.Pattern[str], match: re.Match[str]) -> DateParts:
    if pattern is _YEAR_FIRST:
        year, month, day = match.group(1), match.group(3), match.group(4)
    elif pattern is _DAY_FIRST:
        day, month, year = match.group(1), match.group(3), match.group(4)
        if int(month) > 12 >= int(day):  # "10/24/2024" can only be month first
            day, month = month, day
    else:
        day, month, year = None, match.group(1), match.group(3)
    chunk = _Chunk(int(year), int(month), int(day) if day else None, len(year) == 2)
    return chunk.parts()


def _numeric_range(match: re.Match[str]) -> tuple[DateParts, DateParts]:
    day, month, year, last_day, last_month, last_year = match.group(1, 3, 4, 5, 6, 7)
    first = _Chunk(int(year) if year else None, int(month), int(day), len(year or "") == 2)
    last = _Chunk(int(last_year), int(last_month), int(last_day), len(last_year) == 2)
    return first.parts(), last.parts()


def _chunk(elements: list[tuple[_Element, str]]) -> DatesRead:
    dates: list[DateParts] = []
    other: list[str] = []
    misspelt: list[str] = []
    weekdays: list[int] = []
    chunk = _Chunk()

    def close() -> None:
        nonlocal chunk
        if not chunk.empty():
            dates.append(chunk.parts())
        chunk = _Chunk()

    for element, surface in elements:
        if isinstance(element, DateParts):
            close()
            dates.append(element)
        elif isinstance(element, Number):
            slot = _slot(element)
            if slot is None:
                close()
                other.append(surface)
            elif getattr(chunk, slot) is not None:
                close()
            if slot is not None:
                setattr(chunk, slot, int(element.value))
                chunk.short_year = chunk.short_year or (slot == "year" and not element.is_year)
        else:
            weekday = _names().weekday(element)
            if weekday is not None:
                weekdays.append(weekday)
            month = _names().month(element)
            if month is None and not _is_filler(element):
                month = _misspelt_month(element)
                if month is not None:
                    misspelt.append(MONTH_NAMES[month - 1])
            if month is not None:
                if chunk.month is not None:
                    close()
                chunk.month = month
            elif element in _SEPARATORS:
                close()
            elif not _is_filler(element):
                close()
                other.append(surface)
    close()
    return DatesRead(_complete_ranges(dates), tuple(other), tuple(misspelt), tuple(weekdays))


def _misspelt_month(word: str) -> int | None:
    """The month a word of five letters or more misspells ("Ocober", "Febuary"), if one."""
    if len(word) < 5:
        return None
    # Imported here: the spelling rules load rapidfuzz, which only reading a misspelt date needs
    # (the date patterns above are used by commands that never read one).
    from laorus.text.spelling import word_cost

    for number, name in enumerate(MONTH_NAMES, 1):
        key = name.lower()
        # Same first letter, and within the typo budget the grader gives a word that long.
        if word[0] == key[0] and word_cost(word, key) is not None:
            return number
    return None


def _complete_ranges(dates: list[DateParts]) -> tuple[DateParts, ...]:
    """Give an earlier date the month and year of the next, as a range says them.

    "31 August - 1 September 2025" is 31 August 2025 to 1 September 2025, and "7 or 17 October
    1960" names 7 October 1960 and 17 October 1960.
    """
    done = list(dates)
    for i in range(len(done) - 2, -1, -1):
        date, after = done[i], done[i + 1]
        month = date.month
        if month is None and date.day is not None and date.year is None:
            month = after.month
        year = date.year
        if year is None and month is not None:
            year, short = after.year, after.short_year
        else:
            short = date.short_year
        if (month, year) != (date.month, date.year):
            done[i] = DateParts(year, month, date.day, short, _exists(year, month, date.day))
    return tuple(done)


def _is_filler(word: str) -> bool:
    """A weekday name or a word such as "of", "the" or "on" that may sit inside a date."""
    return word in _FILLERS or _names().weekday(word) is not None or bool(_names().jump(word))


def _slot(number: Number) -> str | None:
    """Which part of a date a number can be: a day (1-31, "7th"), a year, or neither."""
    if number.value.denominator != 1 or number.decade:
        return None
    if number.is_year:
        return "year"
    if number.ordinal or (number.digits <= 2 and 1 <= number.value <= 31):
        return "day" if 1 <= number.value <= 31 else None
    if number.digits == 2 or (number.digits == 0 and number.value < Fraction(100)):
        return "year"  # a two-digit year such as "60": its century is unknown
    return None
