"""Grade years, numbers and dates: equal in every part, and nothing around them that changes them.

The rules are in the docstring of laorus.answers.grade, which calls these. ``Verdict``, the
result of either grader, lives here so that laorus.answers.grade (names and text) can share it.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from laorus.answers.words import has_list_marker, words
from laorus.text.dates import (
    DAY_AND_MONTH_DIGITS,
    EITHER_WAY,
    DateParts,
    DatesRead,
    read_dates,
)
from laorus.text.numerals import Number, find_numbers
from laorus.text.spelling import spelling_key, word_cost
from laorus.text.words import fold

if TYPE_CHECKING:
    from laorus.store.model import PartialDate

_FILLERS = frozenset({"the", "in", "on", "of", "year", "ad", "ce", "one"})
"""Words that may stand around a number or a year without changing it ("in the year 1975").

"one" is here only as the pronoun of "the third one": as a number it is read as one.
"""
_HARMLESS = frozenset(".,!;:'\"()[]“”‘’«»")
"""Punctuation that says nothing about a number or date; "?", "~", "+" and "%" do."""
_DASHES = frozenset("-‐‑‒–—−")


@dataclass(frozen=True, slots=True)
class Verdict:
    """Whether an answer is right, and why, in words a person reads after answering."""

    correct: bool
    reason: str


DateSpan = tuple["PartialDate", "PartialDate"]
"""The first and last day of a date the article gives (the same for one day), each known to the
year, the month or the day."""


def grade_number(
    answer: str,
    forms: list[str],
    kind: str,
    asked: Collection[str] = (),
    on: Sequence[DateSpan] | None = None,
    restated: Collection[Fraction] = (),
) -> Verdict:
    """Grade a year or a number: one value, equal to the expected one, with nothing around it.

    Words of the question (``asked``) may stand around it: "two meetings" when it counts them;
    so may the years it writes beside a count (``restated``), "in 2024".
    A year given as a date ("2 December 1975") must be a date of ``on``, the article's dates for
    what the question asks about, when the caller knows them: the year alone is not enough.
    """
    targets = {number.value for form in forms for number in find_numbers(form)[:1]}
    what = "year" if kind == "year" else "number"
    found = words(answer)
    glued = [word.surface for word in found if not word.number and _has_digit(word.key)]
    if glued:  # "1e2", "100km": digits with letters that are no ordinal or decade
        return Verdict(False, f"not a plain {what}: {glued[0]}")
    read = read_dates(answer)
    dated = [date for date in read.dates if date.month is not None]
    if kind == "year" and dated:
        years = {date.year for date in dated}
        if None in years:
            return Verdict(False, "too vague: which year?")
        if any(date.short_year for date in dated):
            return Verdict(False, "give the year in full (four digits)")
        values = {Fraction(year) for year in years if year is not None}
        others = list(_range_words(read))
    else:
        numbers = find_numbers(answer)
        listed = has_list_marker(found)  # "2023 or 2024": two answers, one the question's
        # A number word the question says is no second answer: "2025, the first forum".
        # Nor a number the question writes, said again: "2 meetings in 2024" for "How many
        # meetings ... in 2024?".
        numbers = [
            n
            for n in numbers
            if not _said(answer[n.start : n.end], asked)
            and not (n.value in restated and n.value not in targets and not listed)
        ] or numbers
        if any(number.decade for number in numbers):
            return Verdict(False, "too vague: which year of the decade?")
        # "the 70th anniversary" counts 70 years when the question counts years
        counted = {"years", "year"} & set(asked)
        ranks = [
            n for n in numbers if n.ordinal and not (counted and _next_word(answer, n) in _IN_YEARS)
        ]
        if kind == "number" and ranks and not any(is_rank(form) for form in forms):
            # "second" or "100th" for how many: a place in a row, not a count
            return Verdict(
                False, f"wrong number: {answer[ranks[0].start : ranks[0].end]} is a rank"
            )
        if not numbers:
            return Verdict(False, f"not a {what}")
        values = {number.value for number in numbers}
        # "54" or "fifty-four" for 1954: a year without its century
        short = [
            n
            for n in numbers
            if (n.digits in (1, 2) or (not n.digits and not n.ordinal and 10 <= n.value < 100))
            and any(t >= 1000 for t in targets)
        ]
        if kind == "year" and len(values) == 1 and short:
            return Verdict(False, "give the year in full (four digits)")
        others = [word.surface for word in found if not word.number]
    if len(values) > 1:
        return Verdict(False, several(len(values)))
    if not values <= targets:
        return Verdict(False, f"wrong {what}")
    if kind == "year" and not all(date.valid for date in dated):
        return Verdict(False, "no such date")
    wrong_day = _wrong_weekday(tuple(dated), read.weekdays) if kind == "year" else None
    if wrong_day:
        return Verdict(False, wrong_day)
    if kind == "year" and dated and on is not None:
        lacks = ("month", "day")
        off = off_the_article(dated, on, lacks)
        if off:
            swapped = _read_day_first(
                answer,
                lambda text: Verdict(not off_the_article(read_dates(text).dates, on, lacks), ""),
            )
            return swapped or Verdict(False, off)
    return _plain(answer, others, forms, what, asked=asked)


def off_the_article(
    dated: Sequence[DateParts], on: Sequence[DateSpan], lacks: Collection[str]
) -> str | None:
    """Why a date is wrong in the parts the expected answer ``lacks`` ("year", "month", "day"),
    by the dates ``on`` that the article gives for what is asked, or None: a year answered as
    "5 May 1975" for 2 December 1975, a day where the article gives only a month ("15 June
    2025" for June), another year for a blank's "August 31" of 2025."""
    for date in dated:
        spans = [s for s in on if date.year is None or s[0].year <= date.year <= s[1].year]
        if "year" in lacks and date.year is not None and not spans:
            return "wrong year"
        if "month" in lacks and date.month is not None:
            spans = [s for s in spans if s[0].month is not None]
            if not spans:
                return "the article gives no month or day for it: answer with the year"
            spans = [s for s in spans if _within(date, *s)]
            if not spans:
                return "wrong date: the year is right, but the article gives another day"
        if "day" in lacks and date.day is not None:
            spans = [s for s in spans if s[0].day is not None and s[1].day is not None]
            if not spans:
                return "the article gives no day for it: answer with the month"
            if not any(_within(date, *s) for s in spans):
                return "wrong day"
    return None


def _within(date: DateParts, first: PartialDate, last: PartialDate) -> bool:
    """Whether a date falls between two dates, at the precision both give."""
    if date.day is None or first.day is None or last.day is None:
        point = (date.year, date.month)
        return (first.year, first.month) <= point <= (last.year, last.month or 12)
    return (
        (first.year, first.month, first.day)
        <= (date.year, date.month, date.day)
        <= (
            last.year,
            last.month,
            last.day,
        )
    )


def _range_words(read: DatesRead) -> tuple[str, ...]:
    """The words beside the dates read, without the one "from" that may open a range ("from 31
    August to 1 September 2025")."""
    others = read.other_words
    if len(read.dates) == 2 and others[:1] and fold(others[0]) == "from":
        return others[1:]
    return others


def _next_word(answer: str, number: Number) -> str:
    """The word after a number in the answer, folded ("anniversary"), or ""."""
    after = answer[number.end :].split()
    return fold(after[0]) if after else ""


def is_rank(form: str) -> bool:
    """Whether a form of an answer is a rank ("third", "50th"): its number is an ordinal."""
    found = find_numbers(form)[:1]
    return bool(found) and found[0].ordinal


def _said(text: str, asked: Collection[str]) -> bool:
    """Whether a number in the answer is written as a word of the question ("first")."""
    return not _has_digit(text) and fold(text) in asked


def _has_digit(text: str) -> bool:
    return any(char.isdigit() for char in text)


def _plain(
    answer: str,
    others: Sequence[str],
    forms: list[str],
    what: str,
    *,
    signs: bool = True,
    asked: Collection[str] = (),
) -> Verdict:
    """Right, unless a sign, a symbol or a word changes what the answer says ("before 1975")."""
    for chunk in answer.split():
        odd = [char for char in chunk if not (char.isalnum() or char in _HARMLESS)]
        if signs and chunk[0] in _DASHES and len(chunk) > 1 and _has_digit(chunk):
            return Verdict(False, f"not a plain {what}: {chunk}")  # "-65": a minus sign
        odd = [char for char in odd if char not in _DASHES and char != "/"]
        if odd:
            if _has_digit(chunk) or any(c.isalpha() for c in chunk):
                return Verdict(False, f"not a plain {what}: {chunk}")
            return Verdict(False, f"not part of the answer: {chunk}")
    # Words of the answer's own forms may stay ("100 scholarships" when that form is accepted).
    context = {w.key for form in forms for w in words(form) if not w.number}
    stray = [text for text in others if not _allowed(text, context, asked)]
    if stray:
        return Verdict(False, f"not part of the answer: {' '.join(stray)}")
    return Verdict(True, "correct")


_IN_YEARS = frozenset({"anniversary", "jubilee"})
"""Words that count years: "the 70th anniversary" says 70 years when the question counts them."""


def _allowed(text: str, context: set[str], asked: Collection[str]) -> bool:
    key = spelling_key(fold(text).replace("’", "'").removesuffix("'s"))
    if key in asked or key.removesuffix("s") in asked or f"{key}s" in asked:
        return True  # "two meetings" when the question asks how many meetings
    if key in _IN_YEARS and ("years" in asked or "year" in asked):
        return True
    return key in _FILLERS or any(word_cost(key, wanted) is not None for wanted in context)


def several(count: int) -> str:
    """The reason for an answer that names several different things."""
    return "two different answers given" if count == 2 else f"{count} different answers given"


def grade_date(answer: str, forms: list[str], asked: Collection[str] = ()) -> Verdict:
    """Grade a date, a month or a range: every part the expected answer gives, and equal.

    A numeric date is read day first; one that is right only when read month first is wrong,
    and the reason says how it was read.
    """
    alone = DAY_AND_MONTH_DIGITS.fullmatch(answer)
    if alone is not None:
        readings = [(d, m) for d, m in _day_and_month(*map(int, alone.groups())) if 1 <= m <= 12]
        if len(readings) > 1:
            first, second = (f"{d} {calendar.month_name[m]}" for d, m in readings)
            said = alone[0].strip()
            return Verdict(False, f"write the month in words: {said} is {first} or {second}")
        if readings:  # "25/8" or "8/25": one reading, said in words
            day, month = readings[0]
            answer = f"{day} {calendar.month_name[month]}"
    verdict = _grade_date(answer, forms, asked)
    if verdict.correct:
        return verdict
    return _read_day_first(answer, lambda swapped: _grade_date(swapped, forms, asked)) or verdict


def _day_and_month(first: int, second: int) -> list[tuple[int, int]]:
    """The (day, month) readings of two numbers: day first, then month first if another."""
    return list(dict.fromkeys([(first, second), (second, first)]))


def _read_day_first(answer: str, judge: Callable[[str], Verdict]) -> Verdict | None:
    """Why a numeric date read day first is wrong when read month first it would be right
    ("5/9/2025" for 9 May), or None: the reason says how it was read."""
    either = EITHER_WAY.search(answer)
    if either is None:
        return None
    day, sep, month, year = either.groups()
    swapped = answer[: either.start()] + sep.join((month, day, year)) + answer[either.end() :]
    if not judge(swapped).correct:
        return None
    read = f"{int(day)} {calendar.month_name[int(month)]} {year}"
    return Verdict(
        False, f"ambiguous: {either.group()} is read day first ({read}); write the month in words"
    )


def _grade_date(answer: str, forms: list[str], asked: Collection[str] = ()) -> Verdict:
    targets = [dates for dates in (read_dates(form).dates for form in forms) if dates]
    read = read_dates(answer)
    glued = [word.surface for word in words(answer) if not word.number and _has_digit(word.key)]
    given = tuple(dict.fromkeys(read.dates))
    if not given or not targets:
        return Verdict(False, "not a date")
    if len(given) > 1 and has_list_marker(words(answer)):  # "31 August or 1 September 2025"
        return Verdict(False, several(len(given)))
    if not all(date.valid for date in given):
        return Verdict(False, "no such date")
    if read.other_words and any(d.month is None and d.day is not None for d in given):
        # A day without a month, next to a word that is no month: "7 Ocotbr 1960".
        return Verdict(False, f"not a date I can read: {' '.join(read.other_words)}")
    if glued:  # "7th-8th" is read; "7x October" is not
        return Verdict(False, f"not a date I can read: {glued[0]}")
    verdicts = [_compare_dates(given, dates) for dates in targets if len(dates) == len(given)]
    if not verdicts:
        if len(given) > 1:
            return Verdict(False, several(len(given)))
        return Verdict(False, "too vague: give the first and the last day")
    wrong = [verdict for verdict in verdicts if verdict.reason.startswith(("wrong", "give"))]
    if wrong:  # a part the answer gives contradicts a form: an alias with fewer parts won't save it
        return wrong[0]
    right = [verdict for verdict in verdicts if verdict.correct]
    if not right:
        return verdicts[0]
    plain = _plain(answer, _range_words(read), forms, "date", signs=False, asked=asked)
    if not plain.correct:
        return plain
    wrong_day = _wrong_weekday(given, read.weekdays)
    if wrong_day:
        return Verdict(False, wrong_day)
    if read.misspelt:
        typos = "typos" if len(read.misspelt) > 1 else "a typo"
        return Verdict(True, f"accepted, with {typos}: {', '.join(read.misspelt)}")
    return right[0]


def _wrong_weekday(given: tuple[DateParts, ...], weekdays: tuple[int, ...]) -> str | None:
    """Why a weekday named beside a full date is not the day it fell on, or None if it is."""
    import datetime as dt

    if not weekdays:
        return None
    full = [
        dt.date(d.year, d.month, d.day) for d in given if d.valid and d.year and d.month and d.day
    ]
    if not full or any(day.weekday() in weekdays for day in full):
        return None
    day = full[0]
    return f"wrong weekday: {day.day} {calendar.month_name[day.month]} {day.year} was a {day:%A}"


def _compare_dates(given: tuple[DateParts, ...], expected: tuple[DateParts, ...]) -> Verdict:
    wrong: list[str] = []
    missing: list[str] = []
    for answer, target in zip(given, expected, strict=True):
        for part in ("year", "month", "day"):
            want, got = getattr(target, part), getattr(answer, part)
            if want is None:
                continue
            if got is None:
                missing.append(part)
            elif part == "year" and answer.short_year:
                return Verdict(False, "give the year in full (four digits)")
            elif got != want:
                wrong.append(part)
    if wrong:
        return Verdict(False, f"wrong {wrong[0]}" if len(set(wrong)) == 1 else "wrong date")
    if missing:
        parts = sorted(set(missing), key=("month", "day", "year").index)
        return Verdict(False, f"too vague: which {' and '.join(parts)}?")
    return Verdict(True, "correct")
