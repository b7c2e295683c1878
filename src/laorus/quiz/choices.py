"""Wrong options for choice questions: plausible answers of the same kind, or none at all.

The options a question's ``choices`` writes come first. Then names come from the names
vocabulary, of the answer's own kind there (a city for a city, a company for a company): people
of the answer's side (Lao with Lao), cities of Russia, Laos or the answer's country, and
organisations that answer the same sort of question ("which alliance"). Years, dates, months and
numbers come from the store and the article first, then nearby ones are made up (1950 and 1965 for
1960); a date or month keeps the year the question names ("in 2025"), no year lies after the
article, and a date the article gives for the same people or places (May for a minister who was
in Moscow on 9 May) is never offered as wrong. A phrase answer gets only the options written for
it. With fewer than three options a question has none (see ``choice_problems``).
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from laorus.errors import Problem
from laorus.quiz.memo import memo
from laorus.quiz.overview import overview
from laorus.quiz.sorts import SORTS, answer_kind, question_sort
from laorus.store.model import LISTED_NAME_KINDS, Fact, Name, PartialDate, Question, Store
from laorus.text.dates import (
    DAY_AND_MONTH,
    DAY_MONTH_YEAR,
    ISO_DATE,
    MONTH_DAY_YEAR,
    MONTH_NAMES,
    YEAR,
)
from laorus.text.numerals import number_word, ordinal, ordinal_word

if TYPE_CHECKING:
    from laorus.answers.dates_numbers import Verdict

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

_NEAREST = 4
"""How many spelt-out numbers next to the answer may be offered ("three" to "six" for two)."""

OPTIONS = 4
"""How many options a choice question offers when the store has enough of the same kind."""


def infer_kind(answer: str, store: Store) -> str:
    """The kind of an answer without a declared one: the grader's, or the store's name kind."""
    return answer_kind(answer, overview(store).name_kinds)


def _name_sorts(store: Store, kind: str) -> Mapping[str, frozenset[str]]:
    """What the store tells of each name's sort: its own words ("GAZ Group"), and the sort of
    the questions it answers ("Kazan" answers "In which city...")."""
    return overview(store).sorts.get(kind, {})


def _named_in(name: str, text: str) -> bool:
    if name.casefold() not in text.casefold():  # no match possible: spare compiling a pattern
        return False
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, re.IGNORECASE) is not None


def name_tiers(store: Store, question: Question, kind: str) -> list[list[str]]:
    """Names to offer for a person, place or organisation, best first, sorted within a tier.

    When the names vocabulary knows the answer: the other names of its kind there, people of
    the answer's side, cities of Russia, Laos or the answer's country, organisations of the sort
    the question asks for. Otherwise as the facts list them: people with people; places and
    organisations of the sort the question asks for (or its answer has), then, for places only,
    those of no known sort, unless the answer carries the sort's word ("Red Square").
    """
    from laorus.answers.names import names_of

    known = names_of(question.forms, store)
    if known:
        return _vocabulary_names(store, question, known[0])
    found = overview(store).kinds[kind]
    # One form per thing: "Rosatom" with "Rosatom State Corporation" would be the same option.
    names = (found.listed - found.aliases) | found.answers
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
    marked = any(SORTS.get(word) in wanted for word in words)
    return [same] if marked or kind == "organisation" else [same, unknown]


def _side(name: Name) -> str | None:
    """Whose the person is, by the titles the article gives: "lao", "russian" or None."""
    titles = " ".join(name.titles)
    if "Lao" in titles:
        return "lao"
    return "russian" if "Russia" in titles else None


def _vocabulary_names(store: Store, question: Question, answer: Name) -> list[list[str]]:
    """The vocabulary's other names of the answer's kind that fit the question, best first,
    sorted within a tier (cities of the answer's country before the others)."""
    from laorus.answers.names import vocabulary

    found = [n for n in store.names if n.kind == answer.kind and n != answer and not n.guessed]
    found = [n for n in found if not any(_named_in(f, question.question) for f in n.forms)]
    if answer.kind == "person":
        found = [n for n in found if _side(n) == _side(answer)]
    elif answer.kind == "city":
        within = vocabulary(store).within
        home = {n.name for n in store.names if _named_in(n.name, store.source.title)}
        home |= within.get(answer.name, frozenset())
        found = [n for n in found if within.get(n.name, frozenset()) & home]
        country = within.get(answer.name, frozenset())
        near = sorted(n.name for n in found if within.get(n.name, frozenset()) & country)
        return [near, sorted(n.name for n in found if n.name not in near)]
    elif answer.kind == "organisation":
        sorts = _name_sorts(store, "organisation")
        asked = question_sort(question.question)
        wanted = {asked} if asked else set().union(*(sorts.get(f, set()) for f in answer.forms))
        found = [n for n in found if any(sorts.get(f, set()) & wanted for f in n.forms)]
    return [sorted(n.name for n in found)]


def _format_date(like: str, year: int, month: int, day: int) -> str:
    name = MONTH_NAMES[month - 1]
    if _ISO.fullmatch(like):
        return f"{year:04d}-{month:02d}-{day:02d}"
    if _MONTH_DAY_YEAR.fullmatch(like):
        return f"{name} {day}, {year}"
    return f"{day} {name} {year}"


def _pool(store: Store, question: Question, kind: str) -> list[str]:
    """Options of the same kind from the store, sorted (so a seed always gives the same pick)."""
    answer = question.answer.strip()
    found: set[str] = set()
    if kind == "year":
        found.update(overview(store).years)
        found.update(re.findall(YEAR, store.source.text))
    elif kind == "date":
        found.update(
            _format_date(answer, y, m, d) for y, m, d in overview(store).dates if d is not None
        )
    elif kind == "month" and answer in MONTH_NAMES:
        found.update(MONTH_NAMES[m - 1] for _, m, _ in overview(store).dates)
    elif kind == "month":
        found.update(f"{MONTH_NAMES[m - 1]} {y}" for y, m, _ in overview(store).dates)
    elif kind == "number":
        found.update(overview(store).numbers)
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


def _neighbours(answer: str, kind: str) -> list[str]:
    """Made-up options close to the answer, used only when the store has too few of its kind."""
    text = answer.strip()
    digits = re.fullmatch(r"(\d+)(st|nd|rd|th)?", text)
    if kind in ("year", "number") and digits:
        n = int(digits.group(1))
        steps = (10, -10, 5, -5, 1, -1) if kind == "year" else (-10, 10, -5, 5, 15, -15, 1, 2)
        spell = ordinal if digits.group(2) else str
        return [spell(n + s) for s in steps if n + s > 1]
    for words in _NUMBER_WORDS:
        if text.casefold() in words:
            # The nearest numbers first: "three, four, five" for two, not "eleven".
            at = words.index(text.casefold())
            near = sorted(
                (w for w in words if w != words[at]), key=lambda w: abs(words.index(w) - at)
            )
            return near[:_NEAREST]
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


def distractors(
    store: Store,
    question: Question,
    kind: str,
    rng: random.Random,
    fact: Fact | None = None,
    avoid: Callable[[str], bool] | None = None,
) -> tuple[str, ...]:
    """Three wrong options of the answer's kind that the grader refuses, or () when there are
    not three plausible ones. ``fact``, the question's own, lets the options leave out what the
    article says of the same people and places; no option for which ``avoid`` is true."""
    from laorus.answers.grade import grade

    cache = memo(store)
    key = ("options", question, kind, fact.id if fact is not None else None)
    tiers = cache.get(key)
    if tiers is None:
        tiers = cache[key] = _candidates(store, question, kind, fact)

    def wrong(option: str) -> bool:
        found = cache.get(("wrong", question, kind, option))
        if found is None:
            verdict = grade(
                option,
                question.answer,
                aliases=question.accept,
                store=store,
                kind=question.kind or kind,
            )
            found = cache[("wrong", question, kind, option)] = not verdict.correct
        return bool(found)

    chosen: list[str] = []
    named: set[Name] = set()  # the names the options chosen are forms of: each offered once
    for candidates in tiers:
        fresh = [c for c in candidates if c not in chosen]
        rng.shuffle(fresh)
        for option in fresh:
            if len(chosen) == OPTIONS - 1:
                break
            name = store.name_of(option)
            if name in named:
                continue  # "Intergovernmental Commission" beside its full name
            if (avoid is None or not avoid(option)) and wrong(option):
                chosen.append(option)
                if name is not None:
                    named.add(name)
    return tuple(chosen) if len(chosen) == OPTIONS - 1 else ()


def _candidates(store: Store, question: Question, kind: str, fact: Fact | None) -> list[list[str]]:
    """The options to draw from, best tier first: those written for the question, then those
    found that fit it; never a form of the answer."""
    answer = question.answer.strip()
    tiers: list[list[str]] = []
    if kind in LISTED_NAME_KINDS:
        tiers = name_tiers(store, question, kind)
    elif kind == "date" and not _single_date(answer):
        tiers = [_range_neighbours(answer)]
    elif kind != "text":
        tiers = [_pool(store, question, kind), _neighbours(answer, kind)]
    fits = _fits(store, question, kind, fact)
    forms = {form.casefold().strip() for form in question.forms}
    return [
        [c for c in tier if c.casefold().strip() not in forms]
        for tier in [list(question.choices), *([c for c in t if fits(c)] for t in tiers)]
    ]


def _fits(store: Store, question: Question, kind: str, fact: Fact | None) -> Callable[[str], bool]:
    """Whether a found option is plausible for the question and not true by the article.

    Not an option the question names ("...marked in 2025?"); no year after the article; a date
    or month in the year the question names, when the answer is in it; not a date the article
    gives for the fact's people and places (other than the two countries of the title).
    """
    text = question.question
    published = store.source.published  # unknown: the article's latest date is the limit
    latest = published.year if published else overview(store).latest or dt.MAXYEAR
    named_years = {int(y) for y in re.findall(YEAR, text)}
    answer_date = _read(question.answer, kind)
    keep_year = (
        answer_date.year
        if answer_date is not None and kind in ("date", "month") and answer_date.year in named_years
        else None
    )
    true = _said_of(store, fact) if fact is not None else set()

    def fits(option: str) -> bool:
        if _named_in(option, text):
            return False
        if kind not in ("year", "date", "month"):
            return True
        read = _read(option, kind)
        if read is None:
            return True
        if read.year > latest or (keep_year is not None and read.year != keep_year):
            return False
        if answer_date is not None and answer_date.year != _NO_YEAR:
            # Of the answer's period, and not a year the question names for something else.
            if abs(read.year - answer_date.year) > _PERIOD:
                return False
            if read.year in named_years and answer_date.year not in named_years:
                return False
        if kind == "year":
            return read.year not in {d.year for d in true}
        if kind == "month" and answer_date is not None and answer_date.year == 0:
            months = {d.month for d in true if not named_years or d.year in named_years}
            return read.month not in months
        return all(d.year != read.year or d.month != read.month or d.day != read.day for d in true)

    return fits


_NO_YEAR = 0
"""The year of a month name alone ("June"): none."""
_PERIOD = 25
"""Years; an option further from the answer belongs to another period of the story."""


def _read(text: str, kind: str) -> PartialDate | None:
    """The date an answer or option of ``kind`` writes: a year, "June 2025", "9 May 2025"."""
    text = text.strip()
    if kind == "year":
        return PartialDate(int(text)) if re.fullmatch(r"\d{4}", text) else None
    if kind == "month":
        names = [i for i, name in enumerate(MONTH_NAMES, 1) if name in text]
        years = re.findall(r"\d{4}", text)
        if len(names) != 1:
            return None
        return PartialDate(int(years[0]) if years else _NO_YEAR, names[0])
    parsed = _parse_date(text) if kind == "date" else None
    return PartialDate(*parsed) if parsed is not None else None


def _said_of(store: Store, fact: Fact) -> set[PartialDate]:
    """The dates the article gives for the fact's people and places, the title's aside."""
    title = store.source.title
    own = {name for name in fact.names if not _named_in(name, title)}
    return overview(store).said_of(fact, own)


_RANGE = re.compile(
    rf"(\d{{1,2}}) ({'|'.join(MONTH_NAMES)}) - (\d{{1,2}}) ({'|'.join(MONTH_NAMES)}) (\d{{4}})"
)


def _range_neighbours(answer: str) -> list[str]:
    """Made-up ranges like "31 August - 1 September 2025": the same days, other months."""
    match = _RANGE.fullmatch(answer)
    if match is None:
        return []
    first_day, first_month, last_day, last_month, year = match.groups()
    start = MONTH_NAMES.index(first_month)
    span = MONTH_NAMES.index(last_month) - start
    found = []
    for shift in (-1, 1, -2, 2, -3, 3):
        month = start + shift
        if month >= 0 and month + span < 12:
            days = (int(first_day), int(last_day))
            if _valid(int(year), month + 1, days[0]) and _valid(
                int(year), month + span + 1, days[1]
            ):
                found.append(
                    f"{days[0]} {MONTH_NAMES[month]} - {days[1]} {MONTH_NAMES[month + span]} {year}"
                )
    return found


def _single_date(text: str) -> bool:
    return any(p.fullmatch(text) for p in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _ISO))


def choice_problems(store: Store) -> tuple[Problem, ...]:
    """Each choice written into the store that the grader would take as the question's answer.

    The store checks that a choice is the article's words or a known name; only the quiz may ask
    the grader (the store layer cannot import it), so ``laorus validate`` calls this too.
    """
    from laorus.answers.grade import grade

    found: list[Problem] = []
    # Questions written alike (in many articles' facts) are graded once.
    verdicts: dict[tuple[str, str, tuple[str, ...], str], Verdict] = {}
    for fact in store.facts:
        for number, question in enumerate(fact.questions):
            for choice in question.choices:
                kind = question.kind or infer_kind(question.answer, store)
                key = (choice, question.answer, question.accept, kind)
                verdict = verdicts.get(key)
                if verdict is None:
                    verdict = verdicts[key] = grade(
                        choice, question.answer, aliases=question.accept, store=store, kind=kind
                    )
                if verdict.correct:
                    found.append(
                        Problem(
                            str(store.path),
                            f"choice {choice!r} would be graded right for the answer"
                            f" {question.answer!r} ({verdict.reason}); write a wrong one",
                            fact=f"fact {fact.id!r}",
                            field=f"questions[{number}].choices",
                        )
                    )
    return tuple(found)
