"""Check the parts of a fact that have rules of their own: its anniversary and its questions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from laorus.store.model import (
    ANSWER_KINDS,
    QUESTION_MODES,
    Anniversary,
    Name,
    PartialDate,
    Question,
    name_key,
)

_QUESTION_FIELDS = {"question", "answer", "accept", "kind", "modes", "choices"}


def kind_of(value: object) -> str:
    """How a TOML value is named in a message: "an integer", "a table", "a date"."""
    names = {
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        str: "a string",
        list: "an array",
        dict: "a table",
        dt.date: "a date",
        dt.datetime: "a date-time",
        dt.time: "a time",
    }
    return names.get(type(value), type(value).__name__)


def not_a_string(value: object) -> str:
    """Why ``value`` is no usable string: "is empty" or "must be a string, not an integer"."""
    if isinstance(value, str):
        return "is empty; write the text between the quotes"
    return f"must be a string, not {kind_of(value)}"


def _sentence_key(text: str) -> str:
    return " ".join(text.casefold().split())


def build_anniversary(
    table: object,
    date: PartialDate | None,
    quote: str | None,
    problem: Callable[[str, str], None],
) -> Anniversary | None:
    """The fact's [facts.anniversary], its arithmetic checked against the date; problems told."""
    if table is None:
        return None
    if not isinstance(table, dict) or set(table) != {"on", "nth"}:
        problem("must be a table with exactly 'on' (a date) and 'nth' (an integer)", "anniversary")
        return None
    nth = table["nth"]
    if isinstance(nth, bool) or not isinstance(nth, int) or nth < 1:
        problem("must be a positive integer", "anniversary.nth")
        return None
    try:
        on = PartialDate.parse(table["on"])
    except ValueError as exc:
        problem(str(exc), "anniversary.on")
        return None
    if date is None:
        problem("the fact has an anniversary but no date", "date")
        return None
    expected = PartialDate(on.year - nth, on.month, on.day)
    mismatch = date.year != expected.year or (
        date.month is not None
        and (date.month != on.month or (date.day is not None and date.day != on.day))
    )
    if mismatch:
        problem(
            f"arithmetic does not hold: anniversary number {nth} on {on}"
            f" means {expected}, not {date}",
            "date",
        )
    if quote is not None and str(nth) not in quote:
        problem(f"the quote does not mention the anniversary number {nth}", "anniversary.nth")
    return Anniversary(on=on, nth=nth)


def build_questions(
    items: object,
    quote: str | None,
    derived: object,
    problem: Callable[[str, str], None],
) -> tuple[Question, ...]:
    """The fact's questions, each answer found in the quote unless the date is derived."""
    if not isinstance(items, list):
        problem("must be an array of [[facts.questions]] tables", "questions")
        return ()
    questions: list[Question] = []
    for number, item in enumerate(items):
        where = f"questions[{number}]"
        if not isinstance(item, dict):
            problem("must be a table with question, answer and accept", where)
            continue
        for key in sorted(set(item) - _QUESTION_FIELDS):
            problem(
                f"unknown field; known fields are {', '.join(sorted(_QUESTION_FIELDS))}",
                f"{where}.{key}",
            )
        text, answer = item.get("question"), item.get("answer")
        accept = item.get("accept", [])
        kind = item.get("kind")
        modes = item.get("modes", [])
        choices = item.get("choices", [])
        good = True
        for key, value in (("question", text), ("answer", answer)):
            if not isinstance(value, str) or not value.strip():
                what = "missing" if value is None else not_a_string(value)
                problem(what, f"{where}.{key}")
                good = False
        if not isinstance(accept, list) or not all(
            isinstance(a, str) and a.strip() for a in accept
        ):
            problem("must be an array of non-empty strings", f"{where}.accept")
            good = False
        if kind is not None and kind not in ANSWER_KINDS:
            problem(f"unknown kind {kind!r}; use one of {', '.join(ANSWER_KINDS)}", f"{where}.kind")
            good = False
        if "modes" in item and (
            not isinstance(modes, list) or not modes or any(m not in QUESTION_MODES for m in modes)
        ):
            problem(
                f"must be a non-empty array of modes, each one of {', '.join(QUESTION_MODES)}",
                f"{where}.modes",
            )
            good = False
        if not isinstance(choices, list) or not all(
            isinstance(c, str) and c.strip() for c in choices
        ):
            problem("must be an array of non-empty strings", f"{where}.choices")
            good = False
        if not good:
            continue
        assert isinstance(text, str)
        assert isinstance(answer, str)
        question = Question(text, answer, tuple(accept), kind, tuple(modes), tuple(choices))
        forms = {_sentence_key(form) for form in question.forms}
        for choice in choices:
            if _sentence_key(choice) in forms:
                problem(f"choice {choice!r} is the answer or an accepted form", f"{where}.choices")
        if quote is not None and derived is None and not _answer_in(question, quote):
            problem(
                f"answer {answer!r} (or an accepted form) is not in the fact's quote; "
                "quote the words that give it, or mark the fact 'derived'",
                f"{where}.answer",
            )
        questions.append(question)
    return tuple(questions)


def _answer_in(question: Question, quote: str) -> bool:
    haystack = _sentence_key(quote)
    return any(_sentence_key(form) in haystack for form in question.forms)


def choice_checker(
    text: str, names: tuple[Name, ...]
) -> Callable[[tuple[Question, ...], Callable[[str, str], None]], None]:
    """A check that each choice written for a question occurs in the article ``text`` or is a
    form of a known name; the article's words and the names' forms are read once, for every
    fact's questions.

    Whether the grader would take a choice for the answer is checked by the quiz
    (laorus.quiz.choices.choice_problems), which may use the grader; the store may not.
    """
    article = _sentence_key(text)
    known = {name_key(form) for name in names for form in name.forms}
    days = _days_written(text)

    def check(questions: tuple[Question, ...], problem: Callable[[str, str], None]) -> None:
        for number, question in enumerate(questions):
            for choice in question.choices:
                if (
                    _sentence_key(choice) not in article
                    and name_key(choice) not in known
                    and not _a_day_of(choice, days)
                ):
                    problem(
                        f"choice {choice!r} is neither in the article nor a name of [[names]];"
                        " offer the article's own words",
                        f"questions[{number}].choices",
                    )

    return check


def _days_written(text: str) -> set[dt.date]:
    """The full dates (day, month and year) that ``text`` writes, in any of its forms."""
    if not any(ch.isdigit() for ch in text):
        return set()
    from laorus.text.date_spans import find_dates

    return {
        dt.date(parts.year, parts.month, parts.day)
        for span in find_dates(text)
        for parts in (span.first, span.last)
        if parts is not None
        and parts.valid
        and parts.year is not None
        and parts.month is not None
        and parts.day is not None
    }


def _a_day_of(choice: str, days: set[dt.date]) -> bool:
    """Whether a choice is one full date that the article writes (in any of its forms: "13
    October 2011" for the article's "October 13, 2011")."""
    from laorus.text.date_spans import find_dates

    spans = find_dates(choice)
    whole = len(spans) == 1 and spans[0].text.strip() == choice.strip()
    written = _days_written(choice)
    return whole and len(written) == 1 and written <= days


def check_date_in_quote(date: PartialDate, quote: str, problem: Callable[[str, str], None]) -> None:
    """A full date the quote does not give, when the quote gives full dates, is a problem.

    Only for a date not derived: the caller leaves out a fact whose date the article implies.
    A quote that gives no full date (a year, a month, "this year") cannot be checked here.
    """
    if date.day is None:
        return
    given = _days_written(quote)
    assert date.month is not None
    if given and dt.date(date.year, date.month, date.day) not in given:
        shown = ", ".join(day.isoformat() for day in sorted(given))
        problem(
            f"{date} is not a date the quote gives ({shown}); use the quote's date, or say in"
            " 'derived' how this one follows from the article",
            "date",
        )
