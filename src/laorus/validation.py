"""Check a parsed fact store and build its frozen dataclasses, reporting every problem at once."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from laorus.errors import Problem, StoreError
from laorus.model import (
    ANSWER_KINDS,
    CATEGORIES,
    Anniversary,
    Fact,
    PartialDate,
    Question,
    Source,
    Store,
)

if TYPE_CHECKING:
    from laorus.store import Progress

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

_SOURCE_FIELDS = {"title", "author", "published", "published_in", "text", "author_role"}
_FACT_FIELDS = {
    "id",
    "statement",
    "quote",
    "date",
    "end_date",
    "derived",
    "anniversary",
    "event",
    "category",
    "tags",
    "people",
    "organisations",
    "places",
    "questions",
}
_QUESTION_FIELDS = {"question", "answer", "accept", "kind"}
_TOP_FIELDS = {"schema", "source", "facts"}
_LIST_FIELDS = ("tags", "people", "organisations", "places")
_KEY = 8
_SCANS = 256
_PROGRESS_EVERY = 2000


class _Locator:
    """Finds the TOML line of a fact or of one of its fields, computed only when needed."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines: list[str] | None = None
        self._headers: list[int] | None = None

    def _index(self) -> tuple[list[str], list[int]]:
        if self._lines is None or self._headers is None:
            self._lines = self._text.splitlines()
            self._headers = [
                number
                for number, line in enumerate(self._lines)
                if re.match(r"\s*\[\[\s*facts\s*\]\]", line)
            ]
        return self._lines, self._headers

    def source_line(self, field: str) -> int | None:
        """1-based line of ``field`` in the [source] table, if it can be found."""
        lines, _ = self._index()
        inside = False
        key = re.compile(rf"\s*{re.escape(field)}\s*=")
        for number, line in enumerate(lines):
            if line.lstrip().startswith("["):
                inside = re.match(r"\s*\[\s*source\s*\]", line) is not None
            elif inside and key.match(line):
                return number + 1
        return None

    def line(self, index: int | None, field: str | None = None) -> int | None:
        """1-based line of fact ``index`` (or of its ``field``), if it can be found."""
        if index is None:
            if field is not None and field.startswith("source."):
                return self.source_line(field.removeprefix("source."))
            return None
        lines, headers = self._index()
        if index >= len(headers):
            return None
        start = headers[index]
        end = headers[index + 1] if index + 1 < len(headers) else len(lines)
        if field is not None:
            key = re.compile(rf"\s*(?:\[+\s*facts\.)?{re.escape(field)}\b")
            for number in range(start, end):
                if key.match(lines[number]):
                    return number + 1
        return start + 1


class _Checker:
    """Collects the problems of one store while building its facts."""

    def __init__(self, path: Path, raw_text: str) -> None:
        self.file = str(path)
        self.problems: list[Problem] = []
        self.locate = _Locator(raw_text)
        self.progress: Progress | None = None

    def add(
        self,
        message: str,
        *,
        index: int | None = None,
        fact: str | None = None,
        field: str | None = None,
        line: int | None = None,
    ) -> None:
        """Record a problem; the line is looked up from the fact index when not given."""
        if line is None:
            if index is None:
                line = self.locate.line(None, field)
            else:
                line = self.locate.line(index, field.split(".")[0].split("[")[0] if field else None)
        self.problems.append(Problem(self.file, message, line, fact, field))


def _kind(value: object) -> str:
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


def _sentence_key(text: str) -> str:
    return " ".join(text.casefold().split())


def build(
    data: dict[str, Any],
    path: Path,
    raw_text: str = "",
    *,
    progress: Progress | None = None,
    facts: Iterable[Any] | None = None,
    each: Callable[[Fact], object] | None = None,
) -> Store:
    """Validate a parsed store and build its dataclasses; StoreError lists every problem.

    ``facts``, when given, are the store's [[facts]] tables as they are parsed (data holds the
    rest), so checking runs alongside parsing; ``each`` sees every fact as it is built.
    """
    check = _Checker(path, raw_text)
    check.progress = progress
    for key in sorted(set(data) - _TOP_FIELDS):
        check.add(f"unknown top-level key {key!r}; expected [source] and [[facts]]")
    schema = data.get("schema", 1)
    if schema != 1:
        check.add(f"schema {schema!r} is not supported; this laorus reads schema = 1")
    source = _build_source(data.get("source"), check)
    built = _build_facts(data.get("facts") if facts is None else facts, source, check, each)
    if check.problems:
        raise StoreError(check.problems)
    assert source is not None
    return Store(path=path, source=source, facts=tuple(built))


def _build_source(table: object, check: _Checker) -> Source | None:
    if not isinstance(table, dict):
        what = "missing" if table is None else f"must be a table, not {_kind(table)}"
        check.add(f"[source] is {what}; add a [source] table with title, author, published, text")
        return None
    for key in sorted(set(table) - _SOURCE_FIELDS):
        check.add(f"unknown field {key!r} in [source]", field=f"source.{key}")
    values: dict[str, Any] = {}
    for key in ("title", "author", "published_in", "text"):
        value = table.get(key)
        if value is None:
            check.add("missing; [source] needs it", field=f"source.{key}")
        elif not isinstance(value, str) or not value.strip():
            check.add(f"must be a non-empty string, not {_kind(value)}", field=f"source.{key}")
        else:
            values[key] = value
    role = table.get("author_role")
    if role is not None and not isinstance(role, str):
        check.add(f"must be a string, not {_kind(role)}", field="source.author_role")
        role = None
    published = table.get("published")
    if published is None:
        check.add("missing; give the publication date, e.g. 2025-11-20", field="source.published")
    elif isinstance(published, dt.datetime) or not isinstance(published, dt.date):
        check.add(
            f"must be a TOML date such as 2025-11-20, not {_kind(published)}",
            field="source.published",
        )
    else:
        values["published"] = published
    if len(values) < 5:
        return None
    return Source(author_role=role, **values)


def _build_facts(
    items: object,
    source: Source | None,
    check: _Checker,
    each: Callable[[Fact], object] | None,
) -> list[Fact]:
    if items is None:
        check.add("no [[facts]]; add at least one [[facts]] table")
        return []
    if isinstance(items, list):
        total = len(items)
    elif isinstance(items, Iterator):
        total = 0  # streamed: the parse reports the progress
    else:
        check.add(f"'facts' must be an array of [[facts]] tables, not {_kind(items)}")
        return []
    seen: dict[str, int] = {}
    facts: list[Fact] = []
    article = _Article(source.text if source is not None else "")
    for index, item in enumerate(items):
        if check.progress is not None and index % _PROGRESS_EVERY == 0 and total > _PROGRESS_EVERY:
            check.progress("Checking the facts", index, total)
        fact = _build_fact(index, item, source, check, article)
        if fact is None:
            continue
        if each is not None:
            each(fact)
        if fact.id in seen:
            first = seen[fact.id]
            check.add(
                f"duplicate id; facts[{first}] already uses it; give each fact its own id",
                index=index,
                fact=fact.id,
                field="id",
            )
        else:
            seen[fact.id] = index
        facts.append(fact)
    if check.progress is not None and total > _PROGRESS_EVERY:
        check.progress("Checking the facts", total, total)
    return facts


class _Article:
    """Finds each distinct quote in the article once, through an index of its 8-character pieces.

    A store may hold many thousands of facts; scanning the article for each of them costs a pass
    over the article every time. Up to _SCANS distinct quotes are scanned for (cheaper than
    building the index for a store of a hundred facts); after that the index finds them.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._found: dict[str, tuple[int, int]] = {}
        self._at: dict[str, list[int]] | None = None

    def locate(self, quote: str) -> tuple[int, int]:
        """(first position, number of non-overlapping occurrences) of ``quote`` in the article."""
        found = self._found.get(quote)
        if found is None:
            found = self._search(quote)
            self._found[quote] = found
        return found

    def _search(self, quote: str) -> tuple[int, int]:
        text = self.text
        if len(quote) < _KEY or len(self._found) < _SCANS:
            start = text.find(quote)
            return start, text.count(quote) if start >= 0 else 0
        if self._at is None:
            self._at = {}
            for position in range(len(text) - _KEY + 1):
                self._at.setdefault(text[position : position + _KEY], []).append(position)
        count, start, end = 0, -1, 0
        for position in self._at.get(quote[:_KEY], ()):
            # As str.count: occurrences that overlap an earlier one do not count.
            if position >= end and text.startswith(quote, position):
                count, end = count + 1, position + len(quote)
                start = position if start < 0 else start
        return start, count


def _build_fact(
    index: int,
    item: object,
    source: Source | None,
    check: _Checker,
    article: _Article,
) -> Fact | None:
    if not isinstance(item, dict):
        check.add(f"facts[{index}] must be a table, not {_kind(item)}", index=index)
        return None
    raw_id = item.get("id")
    name = f"facts[{index}]" if not isinstance(raw_id, str) else f"fact {raw_id!r}"
    ok = True

    def problem(message: str, field: str) -> None:
        nonlocal ok
        ok = False
        check.add(message, index=index, fact=name, field=field)

    for key in sorted(set(item) - _FACT_FIELDS):
        problem(f"unknown field; known fields are {', '.join(sorted(_FACT_FIELDS))}", key)

    strings: dict[str, str] = {}
    for key in ("id", "statement", "quote", "category"):
        value = item.get(key)
        if value is None:
            problem("missing; every fact needs one", key)
        elif not isinstance(value, str) or not value.strip():
            problem(f"must be a non-empty string, not {_kind(value)}", key)
        else:
            strings[key] = value
    fact_id = strings.get("id")
    if fact_id is not None and not ID_PATTERN.fullmatch(fact_id):
        problem(
            "malformed id; use lower-case letters, digits and single hyphens,"
            " e.g. 'lao-pdr-proclaimed'",
            "id",
        )
    category = strings.get("category")
    if category is not None and category not in CATEGORIES:
        problem(f"unknown category {category!r}; use one of {', '.join(CATEGORIES)}", "category")

    lists: dict[str, tuple[str, ...]] = {}
    for key in _LIST_FIELDS:
        value = item.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            problem("must be an array of non-empty strings", key)
            continue
        if key == "tags":
            upper = [v for v in value if v != v.lower()]
            if upper:
                problem(f"tags must be lower-case: {upper[0]!r}", key)
        lists[key] = tuple(value)

    start = 0
    quote = strings.get("quote")
    if quote is not None and source is not None:
        start, count = article.locate(quote)
        if count == 0:
            problem("not found verbatim in source.text; copy the article's exact words", "quote")
        elif count > 1:
            problem(f"occurs {count} times in source.text; lengthen it so it is unique", "quote")

    dates: dict[str, PartialDate] = {}
    for key in ("date", "end_date"):
        value = item.get(key)
        if value is None:
            continue
        try:
            dates[key] = PartialDate.parse(value)
        except ValueError as exc:
            problem(str(exc), key)
    if "end_date" in item and "date" not in item:
        problem("an end_date needs a date to start from", "end_date")
    if (
        "date" in dates
        and "end_date" in dates
        and dates["end_date"].first_day() < dates["date"].first_day()
    ):
        problem(f"ends before it starts ({dates['date']})", "end_date")

    derived = item.get("derived")
    if derived is not None and (not isinstance(derived, str) or not derived.strip()):
        problem("must be a non-empty string that says how the date was derived", "derived")
        derived = None

    event = item.get("event")
    if event is not None and (not isinstance(event, str) or not event.strip()):
        problem("must be a non-empty string: a short name such as 'the Lao PDR'", "event")
        event = None

    anniversary = _build_anniversary(item.get("anniversary"), dates.get("date"), quote, problem)
    if anniversary is not None and derived is None:
        problem("a date derived from an anniversary needs a 'derived' note in words", "derived")

    questions = _build_questions(item.get("questions", []), quote, derived, problem)

    if not ok or fact_id is None or quote is None or category is None:
        return None
    return Fact(
        id=fact_id,
        statement=strings["statement"],
        quote=quote,
        category=category,
        date=dates.get("date"),
        end_date=dates.get("end_date"),
        derived=derived,
        anniversary=anniversary,
        event=event.strip() if event else None,
        questions=questions,
        quote_start=start,
        **lists,
    )


def _build_anniversary(
    table: object,
    date: PartialDate | None,
    quote: str | None,
    problem: Callable[[str, str], None],
) -> Anniversary | None:
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


def _build_questions(
    items: object,
    quote: str | None,
    derived: object,
    problem: Callable[[str, str], None],
) -> tuple[Question, ...]:
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
        good = True
        for key, value in (("question", text), ("answer", answer)):
            if not isinstance(value, str) or not value.strip():
                what = (
                    "missing"
                    if value is None
                    else f"must be a non-empty string, not {_kind(value)}"
                )
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
        if not good:
            continue
        assert isinstance(text, str)
        assert isinstance(answer, str)
        question = Question(text, answer, tuple(accept), kind)
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
