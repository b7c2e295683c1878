"""Wrong options for choice questions, of the same kind as the answer and drawn from the store."""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Iterable

from laorus.model import MONTH_NAMES, MONTH_PATTERN, Question, Store

_MONTH = MONTH_PATTERN
_YEAR = re.compile(r"(?:1[0-9]|20)\d\d")
_NUMBER = re.compile(r"\d+")
_DAY_MONTH_YEAR = re.compile(rf"\d{{1,2}} (?:{_MONTH}) \d{{4}}")
_MONTH_DAY_YEAR = re.compile(rf"(?:{_MONTH}) \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}")
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH_YEAR = re.compile(rf"(?:{_MONTH}) \d{{4}}")
_NUMBER_WORDS = (
    ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"],
    ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"],
)

OPTIONS = 4
"""How many options a choice question offers when the store has enough of the same kind."""


def infer_kind(answer: str, store: Store) -> str:
    """The kind of an answer without a declared one: year, date, month, number, a name, or text."""
    text = answer.strip()
    if _YEAR.fullmatch(text):
        return "year"
    if any(p.fullmatch(text) for p in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _ISO)):
        return "date"
    if _MONTH_YEAR.fullmatch(text):
        return "month"
    if _NUMBER.fullmatch(text) or any(text.casefold() in words for words in _NUMBER_WORDS):
        return "number"
    for fact in store.facts:
        for kind, names in (
            ("person", fact.people),
            ("organisation", fact.organisations),
            ("place", fact.places),
        ):
            if text in names:
                return kind
    return "text"


def _format_date(like: str, year: int, month: int, day: int) -> str:
    name = MONTH_NAMES[month - 1]
    if _ISO.fullmatch(like):
        return f"{year:04d}-{month:02d}-{day:02d}"
    if _MONTH_DAY_YEAR.fullmatch(like):
        return f"{name} {day}, {year}"
    return f"{day} {name} {year}"


def _dates(store: Store) -> list[tuple[int, int, int | None]]:
    found: set[tuple[int, int, int | None]] = set()
    for fact in store.facts:
        for date in (fact.date, fact.end_date, fact.anniversary.on if fact.anniversary else None):
            if date is not None and date.month is not None:
                found.add((date.year, date.month, date.day))
    return sorted(found, key=lambda d: (d[0], d[1], d[2] or 0))


def _pool(store: Store, question: Question, kind: str) -> list[str]:
    """Options of the same kind from the store, sorted (so a seed always gives the same pick)."""
    answer = question.answer.strip()
    found: set[str] = set()
    if kind == "year":
        for fact in store.facts:
            found.update(str(d.year) for d in (fact.date, fact.end_date) if d is not None)
        found.update(re.findall(r"\b(?:1[89]|20)\d\d\b", store.source.text))
    elif kind == "date":
        found.update(_format_date(answer, y, m, d) for y, m, d in _dates(store) if d is not None)
    elif kind == "month":
        found.update(f"{MONTH_NAMES[m - 1]} {y}" for y, m, _ in _dates(store))
    elif kind == "number":
        found.update(_answers_of_kind(store, "number"))
        found.update(re.findall(r"\b\d{1,3}(?:st|nd|rd|th)?\b", store.source.text))
        # "two" among "65th" and "100" would stand out: keep options written alike.
        found = {n for n in found if _shape(n) == _shape(answer) and n not in ("0", "1")}
    elif kind in ("person", "place", "organisation"):
        attribute = {"person": "people", "place": "places", "organisation": "organisations"}[kind]
        for fact in store.facts:
            found.update(getattr(fact, attribute))
        found.update(_answers_of_kind(store, kind))
    else:
        found.update(_answers_of_kind(store, kind))
    return sorted(found)


def _shape(number: str) -> str:
    text = number.strip().casefold()
    if re.fullmatch(r"\d+(?:st|nd|rd|th)", text):
        return "ordinal"
    if _NUMBER.fullmatch(text):
        return "digits"
    return next((str(i) for i, words in enumerate(_NUMBER_WORDS) if text in words), "text")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _answers_of_kind(store: Store, kind: str) -> Iterable[str]:
    for fact in store.facts:
        for question in fact.questions:
            if (question.kind or infer_kind(question.answer, store)) == kind:
                yield question.answer


def _neighbours(answer: str, kind: str) -> list[str]:
    """Made-up options close to the answer, used only when the store has too few of its kind."""
    text = answer.strip()
    digits = re.fullmatch(r"(\d+)(st|nd|rd|th)?", text)
    if kind in ("year", "number") and digits:
        n = int(digits.group(1))
        steps = (10, -10, 5, -5, 1, -1) if kind == "year" else (n, -(n // 2), 10, -10, 5, 1)
        spell = _ordinal if digits.group(2) else str
        return [spell(n + s) for s in steps if n + s > 1]
    for words in _NUMBER_WORDS:
        if text.casefold() in words:
            return [w for w in words if w != text.casefold()]
    if kind == "date":
        parsed = _parse_date(text)
        if parsed is not None:
            year, month, day = parsed
            shifted = [(year + 1, month, day), (year - 1, month, day), (year, month, day + 10)]
            shifted += [(year, month % 12 + 1, day), (year, month, day - 1)]
            return [_format_date(text, y, m, d) for y, m, d in shifted if _valid(y, m, d)]
    return []


def _parse_date(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) of an answer written as in the store's questions, else None."""
    if _ISO.fullmatch(text):
        year, month, day = (int(part) for part in text.split("-"))
        return year, month, day
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    names = [i for i, name in enumerate(MONTH_NAMES, 1) if name in text]
    if len(numbers) == 2 and len(names) == 1:
        day, year = sorted(numbers)
        return year, names[0], day
    return None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


_TEXT_SHORTLIST = 8


def _shape_distance(option: str, answer: str) -> int:
    words = abs(len(option.split()) - len(answer.split()))
    lists = abs(option.count(",") - answer.count(","))
    return words + 2 * lists


def distractors(store: Store, question: Question, kind: str, rng: random.Random) -> tuple[str, ...]:
    """Up to three wrong options of the answer's kind; the grader refuses each of them."""
    from laorus.grading import grade

    def wrong(option: str) -> bool:
        verdict = grade(option, question.answer, question.accept, kind=question.kind or kind)
        return not verdict.correct

    forms = {form.casefold().strip() for form in question.forms}
    chosen: list[str] = []
    for candidates in (_pool(store, question, kind), _neighbours(question.answer, kind)):
        fresh = [c for c in candidates if c.casefold().strip() not in forms and c not in chosen]
        rng.shuffle(fresh)
        if kind == "text":
            # Free-text answers differ in shape; options of the answer's length (and list-ness)
            # do not give it away by looking odd. The sort is stable, so ties stay shuffled.
            fresh.sort(key=lambda option: _shape_distance(option, question.answer))
            fresh = fresh[:_TEXT_SHORTLIST]
            rng.shuffle(fresh)
        for option in fresh:
            if len(chosen) == OPTIONS - 1:
                break
            if wrong(option):
                chosen.append(option)
    return tuple(chosen)
