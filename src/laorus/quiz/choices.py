"""Wrong options for choice questions: plausible answers of the same kind, or none at all.

Names come from the store: people with people; places and organisations with those that answer
the same sort of question ("which city", "which company"), then with those whose sort the store
does not tell, never with another sort. Years, dates, months and numbers come from the store and
the article first; when it has too few, nearby ones are made up (1965 and 1970 for 1960). A
free-text answer, a date range, and a name with too few of its sort get no options, so the quiz
asks them free rather than offer options that give the answer away.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from laorus.store.model import NAME_KINDS, Question, Store
from laorus.text.dates import (
    DAY_AND_MONTH,
    DAY_MONTH_YEAR,
    ISO_DATE,
    MONTH_DAY_YEAR,
    MONTH_NAMES,
    YEAR,
)
from laorus.text.numerals import number_word, ordinal, ordinal_word

_T = TypeVar("_T")

_NUMBER = re.compile(r"\d+")
_DAY_MONTH_YEAR = re.compile(DAY_MONTH_YEAR)
_MONTH_DAY_YEAR = re.compile(MONTH_DAY_YEAR)
_ISO = re.compile(ISO_DATE)
_DAY_OF_DATE = re.compile(DAY_AND_MONTH)
# Numbers an answer may spell out; the others of its list are the options offered for one.
_NUMBER_WORDS = (
    [number_word(n) for n in range(2, 13)],
    [ordinal_word(n) for n in range(2, 11)],
)

OPTIONS = 4
"""How many options a choice question offers when the store has enough of the same kind."""


def infer_kind(answer: str, store: Store) -> str:
    """The kind of an answer without a declared one: the grader's, or the store's name kind."""
    from laorus.answers.grade import infer_kind as grading_kind

    text = answer.strip()
    kind = grading_kind(text)
    if kind != "text":
        return kind
    return store.name_kinds().get(text, "text")


_SORTS = {
    "city": "city",
    "capital": "city",
    "town": "city",
    "country": "country",
    "region": "region",
    "province": "province",
    "square": "square",
    "company": "company",
    "corporation": "company",
    "group": "company",
    "organisation": "organisation",
    "organization": "organisation",
    "association": "organisation",
    "alliance": "organisation",
    "party": "party",
    "hospital": "hospital",
    "commission": "commission",
    "society": "society",
    "church": "church",
    "body": "body",
}
"""Nouns a question may ask for ("In which city"), and the sort of name each stands for."""
_SORT_WINDOW = 4
"""How many words after "which" or "what" may name the sort ("which Russian state corporation")."""


@functools.lru_cache(maxsize=4096)
def question_sort(question: str) -> str | None:
    """The sort of name a question asks for ("city" for "In which city..."), if it says."""
    for match in re.finditer(r"\b(?:which|what)\b", question, re.IGNORECASE):
        for word in re.findall(r"\w+", question[match.end() :])[:_SORT_WINDOW]:
            sort = _SORTS.get(word.casefold())
            if sort:
                return sort
    return None


_PER_STORE: dict[tuple[int, str, str], tuple[Store, Any]] = {}
"""What a quiz works out once per store and kind (every choice item asks again): by id(store)."""


def _once_per_store(store: Store, what: str, kind: str, work: Callable[[], _T]) -> _T:
    """``work()``, done once for this store and kind; a large store has thousands of facts.

    Only the latest store's results are kept, so that no store outlives its use.
    """
    if any(held[0] is not store for held in _PER_STORE.values()):
        _PER_STORE.clear()
    key = (id(store), what, kind)
    held = _PER_STORE.get(key)
    if held is None:
        held = _PER_STORE[key] = (store, work())
    result: _T = held[1]
    return result


def _questions_of_kind(store: Store, kind: str) -> list[Question]:
    """The store's questions whose answer is of ``kind``, in store order."""

    def work() -> list[Question]:
        return [
            q
            for fact in store.facts
            for q in fact.questions
            if (q.kind or infer_kind(q.answer, store)) == kind
        ]

    return _once_per_store(store, "questions", kind, work)


def _name_sorts(store: Store, kind: str) -> dict[str, set[str]]:
    """What the store tells of each name's sort: its own words ("GAZ Group"), and the sort of
    the questions it answers ("Kazan" answers "In which city...")."""
    return _once_per_store(store, "sorts", kind, lambda: _find_name_sorts(store, kind))


def _find_name_sorts(store: Store, kind: str) -> dict[str, set[str]]:
    sorts: dict[str, set[str]] = {}
    for fact in store.facts:
        for name in fact.names_of(kind):
            found = {_SORTS[w] for w in re.findall(r"\w+", name.casefold()) if w in _SORTS}
            sorts.setdefault(name, set()).update(found)
        for question in fact.questions:
            sort = question_sort(question.question)
            if sort and (question.kind or infer_kind(question.answer, store)) == kind:
                for form in question.forms:
                    sorts.setdefault(form, set()).add(sort)
    return sorts


def _named_in(name: str, text: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, re.IGNORECASE) is not None


def name_tiers(store: Store, question: Question, kind: str) -> list[list[str]]:
    """Names to offer for a person, place or organisation, best first, sorted within a tier.

    People: every other person. Places and organisations: those of the sort the question asks
    for (or its answer has), never those of another sort; then, for places only, those of no
    known sort ("Laos" for "which country"), unless the answer carries the sort's word ("Red
    Square") and would stand out. An organisation of no known sort fits hardly any question
    ("UN" for "which company").
    """
    answers = _questions_of_kind(store, kind)
    aliases = {form for q in answers for form in q.accept}
    names = set(
        _once_per_store(
            store, "names", kind, lambda: {n for f in store.facts for n in f.names_of(kind)}
        )
    )
    # One form per thing: "Rosatom" with "Rosatom State Corporation" would be the same option.
    names = (names - aliases) | {q.answer for q in answers}
    if kind == "person":
        return [sorted(names)]
    sorts = _name_sorts(store, kind)
    asked = question_sort(question.question)
    wanted = {asked} if asked else set().union(*(sorts.get(f, set()) for f in question.forms))
    same = sorted(name for name in names if sorts.get(name, set()) & wanted)
    unknown = sorted(name for name in names if not sorts.get(name))
    if not wanted:
        return [unknown]
    words = {w for form in question.forms for w in re.findall(r"\w+", form.casefold())}
    marked = any(_SORTS.get(word) in wanted for word in words)
    return [same] if marked or kind == "organisation" else [same, unknown]


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
        found.update(re.findall(YEAR, store.source.text))
    elif kind == "date":
        found.update(_format_date(answer, y, m, d) for y, m, d in _dates(store) if d is not None)
    elif kind == "month" and answer in MONTH_NAMES:
        found.update(MONTH_NAMES[m - 1] for _, m, _ in _dates(store))
    elif kind == "month":
        found.update(f"{MONTH_NAMES[m - 1]} {y}" for y, m, _ in _dates(store))
    elif kind == "number":
        found.update(_answers_of_kind(store, "number"))
        # The day of "May 9" is half a date, not a number the article states.
        text = _DAY_OF_DATE.sub(" ", store.source.text)
        found.update(re.findall(r"\b\d{1,3}(?:st|nd|rd|th)?\b", text))
        # "two" among "65th" and "100" would stand out: keep options written alike.
        found = {n for n in found if _shape(n) == _shape(answer) and n not in ("0", "1")}
    return sorted(found)


def _shape(number: str) -> str:
    text = number.strip().casefold()
    if re.fullmatch(r"\d+(?:st|nd|rd|th)", text):
        return "ordinal"
    if _NUMBER.fullmatch(text):
        return "digits"
    return next((str(i) for i, words in enumerate(_NUMBER_WORDS) if text in words), "text")


def _answers_of_kind(store: Store, kind: str) -> Iterable[str]:
    return [question.answer for question in _questions_of_kind(store, kind)]


def _neighbours(answer: str, kind: str) -> list[str]:
    """Made-up options close to the answer, used only when the store has too few of its kind."""
    text = answer.strip()
    digits = re.fullmatch(r"(\d+)(st|nd|rd|th)?", text)
    if kind in ("year", "number") and digits:
        n = int(digits.group(1))
        steps = (10, -10, 5, -5, 1, -1) if kind == "year" else (n, -(n // 2), 10, -10, 5, 1)
        spell = ordinal if digits.group(2) else str
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


def distractors(store: Store, question: Question, kind: str, rng: random.Random) -> tuple[str, ...]:
    """Three wrong options of the answer's kind that the grader refuses, or () when there are
    not three plausible ones (the question is then asked free)."""
    from laorus.answers.grade import grade

    def wrong(option: str) -> bool:
        verdict = grade(option, question.answer, question.accept, kind=question.kind or kind)
        return not verdict.correct

    if kind == "text" or (kind == "date" and not _single_date(question.answer.strip())):
        return ()
    if kind in NAME_KINDS:
        tiers = name_tiers(store, question, kind)
    else:
        tiers = [_pool(store, question, kind), _neighbours(question.answer, kind)]
    forms = {form.casefold().strip() for form in question.forms}
    chosen: list[str] = []
    for candidates in tiers:
        fresh = [c for c in candidates if c.casefold().strip() not in forms and c not in chosen]
        # An option the question itself names ("...marked in 2025?") is plainly not the answer.
        fresh = [c for c in fresh if not _named_in(c, question.question)]
        rng.shuffle(fresh)
        for option in fresh:
            if len(chosen) == OPTIONS - 1:
                break
            if wrong(option):
                chosen.append(option)
    return tuple(chosen) if len(chosen) == OPTIONS - 1 else ()


def _single_date(text: str) -> bool:
    return any(p.fullmatch(text) for p in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _ISO))
