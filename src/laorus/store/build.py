"""Check a parsed fact store and build its frozen dataclasses, reporting every problem at once."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from laorus.errors import Problem, StoreError
from laorus.store.actors import check_actors
from laorus.store.fields import (
    build_anniversary,
    build_questions,
    check_date_in_quote,
    choice_checker,
    kind_of,
    not_a_string,
)
from laorus.store.links import check_links
from laorus.store.model import CATEGORIES, Fact, PartialDate, Source, Store
from laorus.store.names import build_names
from laorus.store.positions import Article, Locator

if TYPE_CHECKING:
    from laorus.store.progress import Progress

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
    "commemorates",
    "same_event",
    "actor_note",
}
_TOP_FIELDS = {"schema", "source", "facts", "names"}
_LIST_FIELDS = ("tags", "people", "organisations", "places")
_PROGRESS_EVERY = 2000


class _Checker:
    """Collects the problems of one store while building its facts."""

    def __init__(self, path: Path, raw_text: str) -> None:
        self.file = str(path)
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.locate = Locator(raw_text)
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

    def about(self, index: int, fact: Fact, field: str, message: str) -> None:
        """Record a problem with a built fact (a link between facts)."""
        self.add(message, index=index, fact=f"fact {fact.id!r}", field=field)

    def warn(self, index: int, fact: Fact, field: str, message: str) -> None:
        """Record a warning about a built fact: worth a look, but the store stays valid."""
        line = self.locate.line(index, field)
        self.warnings.append(Problem(self.file, message, line, f"fact {fact.id!r}", field))


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
        check.add(f"unknown top-level key {key!r}; expected [source], [[facts]] and [[names]]")
    schema = data.get("schema", 1)
    if schema != 1:
        check.add(f"schema {schema!r} is not supported; this laorus reads schema = 1")
    source = _build_source(data.get("source"), check)
    ids: dict[str, int] = {}
    built = _build_facts(data.get("facts") if facts is None else facts, source, check, each, ids)
    check_links(built, ids, check.about)

    def report(message: str, index: int, label: str | None, field: str) -> None:
        where = f"names[{index}].{field}" if field else f"names[{index}]"
        line = check.locate.table_line("names", index, field or None)
        check.add(message, fact=label, field=where, line=line)

    # Read after the facts: a streamed parse knows the names once the facts are all read.
    names = build_names(data.get("names"), source, report)
    if source is not None:
        check_choices = choice_checker(source.text, names)
        for index, fact in built:
            check_choices(fact.questions, _about(check, index, fact))
    if check.problems:
        raise StoreError(check.problems)
    assert source is not None
    check_actors(built, source.text, check.warn)
    return Store(
        path=path,
        source=source,
        facts=tuple(fact for _, fact in built),
        warnings=tuple(check.warnings),
        names=names,
    )


def _about(check: _Checker, index: int, fact: Fact) -> Callable[[str, str], None]:
    """A problem reporter for one built fact: (message, field)."""
    return lambda message, field: check.about(index, fact, field, message)


def _build_source(table: object, check: _Checker) -> Source | None:
    if not isinstance(table, dict):
        what = "missing" if table is None else f"must be a table, not {kind_of(table)}"
        fields = "title, author, published_in, text"
        check.add(f"[source] is {what}; add a [source] table with {fields}")
        return None
    for key in sorted(set(table) - _SOURCE_FIELDS):
        check.add(f"unknown field {key!r} in [source]", field=f"source.{key}")
    values: dict[str, Any] = {}
    for key in ("title", "author", "published_in", "text"):
        value = table.get(key)
        if value is None:
            check.add("missing; [source] needs it", field=f"source.{key}")
        elif not isinstance(value, str) or not value.strip():
            check.add(not_a_string(value), field=f"source.{key}")
        else:
            values[key] = value
    role = table.get("author_role")
    if role is not None and not isinstance(role, str):
        check.add(f"must be a string, not {kind_of(role)}", field="source.author_role")
        role = None
    published = table.get("published")
    if published is not None and (
        isinstance(published, dt.datetime) or not isinstance(published, dt.date)
    ):
        check.add(
            f"must be a TOML date such as 2025-11-20, not {kind_of(published)}",
            field="source.published",
        )
        return None
    if len(values) < 4:
        return None
    return Source(published=published, author_role=role, **values)


def _build_facts(
    items: object,
    source: Source | None,
    check: _Checker,
    each: Callable[[Fact], object] | None,
    seen: dict[str, int],
) -> list[tuple[int, Fact]]:
    """The facts built, each with its index in [[facts]]; ``seen`` gets every id written."""
    if items is None:
        check.add("no [[facts]]; add at least one [[facts]] table")
        return []
    if isinstance(items, list):
        total = len(items)
    elif isinstance(items, Iterator):
        total = 0  # streamed: the parse reports the progress
    else:
        check.add(f"'facts' must be an array of [[facts]] tables, not {kind_of(items)}")
        return []
    facts: list[tuple[int, Fact]] = []
    article = Article(source.text if source is not None else "")
    for index, item in enumerate(items):
        if check.progress is not None and index % _PROGRESS_EVERY == 0 and total > _PROGRESS_EVERY:
            check.progress("Checking the facts", index, total)
        fact = _build_fact(index, item, source, check, article)
        # Duplicates are checked on the id as written, so a fact with other problems too
        # still reports it now rather than after those are fixed.
        fact_id = item.get("id") if isinstance(item, dict) else None
        if isinstance(fact_id, str):
            if fact_id in seen:
                first = check.locate.line(seen[fact_id], "id")
                where = f"line {first}" if first else f"facts[{seen[fact_id]}]"
                check.add(
                    f"duplicate id; the fact at {where} already has it; give each fact its own id",
                    index=index,
                    fact=f"fact {fact_id!r}",
                    field="id",
                )
            else:
                seen[fact_id] = index
        if fact is None:
            continue
        if each is not None:
            each(fact)
        facts.append((index, fact))
    if check.progress is not None and total > _PROGRESS_EVERY:
        check.progress("Checking the facts", total, total)
    return facts


def _build_fact(
    index: int,
    item: object,
    source: Source | None,
    check: _Checker,
    article: Article,
) -> Fact | None:
    if not isinstance(item, dict):
        check.add(f"facts[{index}] must be a table, not {kind_of(item)}", index=index)
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
            problem(not_a_string(value), key)
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

    if "date" in dates and derived is None and quote is not None:
        check_date_in_quote(dates["date"], quote, problem)

    event = item.get("event")
    if event is not None and (not isinstance(event, str) or not event.strip()):
        problem("must be a non-empty string: a short name such as 'the Lao PDR'", "event")
        event = None

    links: dict[str, str | None] = {}
    for key, hint in (
        ("commemorates", "the id of the fact whose anniversary this marks"),
        ("same_event", "the id of the primary fact of the same event"),
        ("actor_note", "why the article means the actor the statement names"),
    ):
        value = item.get(key)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            problem(f"{not_a_string(value)}: give {hint}", key)
            value = None
        links[key] = value.strip() if value is not None else None

    anniversary = build_anniversary(item.get("anniversary"), dates.get("date"), quote, problem)
    if anniversary is not None and derived is None:
        problem("a date derived from an anniversary needs a 'derived' note in words", "derived")

    questions = build_questions(item.get("questions", []), quote, derived, problem)

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
        commemorates=links["commemorates"],
        same_event=links["same_event"],
        actor_note=links["actor_note"],
        **lists,
    )
