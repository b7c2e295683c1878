"""Where prose names dates: "7 October 2025", "May 9", "June 2025", "1954", and ranges of them.

Each span is found by a pattern over the month names and read by laorus.text.dates.read_dates, so
a span says at what precision the text gives its date and never guesses the parts it leaves out.
Numbers that are no date ("two meetings", "100 scholarships", "65 years") are not spans: a day
needs a month beside it, and a year alone is four digits from 1000 to 2099.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from laorus.text.dates import DAY, MONTH, DateParts, read_dates

_DAY = rf"(?<![\d,.]){DAY}(?!\d)"
_YEAR = r"(?<![\d,.])(?<!\d[-/.])(?:1\d|20)\d\d(?![\d]|[-/.,]\d|'?s\b)"
# "2023-2024" and "2023-24": a range of years written as one number-like word.
_YEARS = r"(?<![\d,.])(?<!\d[-/.])(?:1\d|20)\d\d[-–](?:(?:1\d|20)\d\d|\d\d)(?![\d]|[-/.,]\d)"
_MONTH = rf"\b{MONTH}\b"
_ONE = (
    rf"{_DAY}(?: of)? {_MONTH},? {_YEAR}"  # 7 October 2025
    rf"|{_MONTH} {_DAY},? {_YEAR}"  # October 7, 2025
    rf"|{_MONTH},? {_YEAR}"  # June 2025
    rf"|{_MONTH} {_DAY}"  # May 9
    rf"|{_DAY}(?: of)? {_MONTH}"  # 7 October
    rf"|{_YEARS}"  # 2023-24
    rf"|{_YEAR}"  # 1954
)
_DATE = re.compile(_ONE)
# What joins the two ends of a range written as one phrase; "and" only between two years
# ("in 2023 and 2024"), since "May 9 ... and October 24" names two dates, not a period.
_RANGE_JOIN = re.compile(r"\s*[-–—]\s*|\s+(?:to|until|till|through)\s+")
_YEAR_JOIN = re.compile(r"\s+and\s+")


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A date (or a range of dates) named in a text, where it lies, and its parts as given."""

    start: int
    end: int
    text: str
    first: DateParts
    last: DateParts | None = None
    """The end of a range ("August 31 - September 1"), or None for one date."""


def find_dates(text: str) -> list[DateSpan]:
    """Every date and range of dates the text names, in order."""
    matches = list(_DATE.finditer(text))
    spans: list[DateSpan] = []
    i = 0
    while i < len(matches):
        match = matches[i]
        following = matches[i + 1] if i + 1 < len(matches) else None
        if following is not None and _joined(text, match, following):
            spans.append(_span(text, match.start(), following.end()))
            i += 2
            continue
        spans.append(_span(text, match.start(), match.end()))
        i += 1
    return [span for span in spans if span.first.valid and (span.last is None or span.last.valid)]


def _joined(text: str, first: re.Match[str], second: re.Match[str]) -> bool:
    between = text[first.end() : second.start()]
    if _RANGE_JOIN.fullmatch(between):
        return True
    both_years = first.group().isdigit() and second.group().isdigit()
    return both_years and _YEAR_JOIN.fullmatch(between) is not None


def _span(text: str, start: int, end: int) -> DateSpan:
    words = text[start:end]
    dates = read_dates(words).dates
    first = dates[0] if dates else DateParts(valid=False)
    last = dates[-1] if len(dates) > 1 else None
    return DateSpan(start, end, words, first, last)
