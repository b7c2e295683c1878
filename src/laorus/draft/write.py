"""A draft as the TOML of a fact store, with comments that tell its author what to review.

tomlkit writes it, because it keeps comments (tomli-w cannot) and so the author sees, beside each
guess, that it is one.
"""

from __future__ import annotations

import re
from typing import Any

from laorus.draft.facts import Draft, DraftFact
from laorus.store.model import PartialDate

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def to_toml(draft: Draft) -> str:
    """The draft as the text of a store."""
    import tomlkit  # only drafting needs it: no other command pays for the import

    doc = tomlkit.document()
    doc.add(tomlkit.comment("laorus fact store drafted by `laorus draft`: review it before use."))
    for line in (
        "Each fact quotes one sentence; rewrite 'statement' to say no more than the quote does.",
        "Check every date, 'derived' note, category and question; delete facts not worth asking.",
        "Names ([[names]], at the end) are guesses: confirm each kind, then remove guessed = true.",
        "Then run: laorus --facts THIS.toml validate",
    ):
        doc.add(tomlkit.comment(line))
    doc.add("schema", 1)
    doc.add(tomlkit.nl())
    doc.add("source", _source(tomlkit, draft))
    facts = tomlkit.aot()
    for item in draft.facts:
        facts.append(_fact(tomlkit, item))
    doc.add("facts", facts)
    if draft.names:
        names = tomlkit.aot()
        for name in draft.names:
            table = tomlkit.table()
            table.add("name", name.name)
            table.add("kind", name.kind)
            table.add("variants", _array(tomlkit, name.variants))
            if name.titles:
                table.add("titles", _array(tomlkit, name.titles))
            table.add("guessed", True)
            names.append(table)
        doc.add("names", names)
    return tomlkit.dumps(doc)


def _source(tomlkit: Any, draft: Draft) -> Any:
    source = draft.source
    table = tomlkit.table()
    table.add("title", source.title or "Untitled article")
    if source.title is None:
        table["title"].comment("not found in the article: give its title")
    table.add("author", source.author or "Unknown")
    if source.author is None:
        table["author"].comment("not found in the article: give its author")
    if source.author_role:
        table.add("author_role", source.author_role)
    if source.published is not None:
        table.add("published", source.published)
    else:
        table.add(tomlkit.comment("published = YYYY-MM-DD  # not found: give the publication date"))
    table.add("published_in", source.published_in or "Unknown")
    if source.published_in is None:
        table["published_in"].comment("where it was published: fill in")
    if draft.cut:
        table.add(tomlkit.comment(f"Left out after the article: {len(draft.cut)} line(s) of page"))
        table.add(tomlkit.comment(f"furniture, from {draft.cut[0][:60]!r}."))
    table.add("text", _text(tomlkit, source.text))
    return table


def _text(tomlkit: Any, text: str) -> Any:
    # A literal string keeps the article as it is, unless it holds what one cannot.
    literal = "'''" not in text and not _CONTROL.search(text)
    return tomlkit.string(text, literal=literal, multiline=True)


def _fact(tomlkit: Any, item: DraftFact) -> Any:
    fact = item.fact
    table = tomlkit.table()
    table.add("id", fact.id)
    table.add("statement", fact.statement)
    table.add("quote", fact.quote)
    if fact.event is not None:
        table.add("event", fact.event)
    if fact.date is not None:
        table.add("date", _date(fact.date))
    if fact.end_date is not None:
        table.add("end_date", _date(fact.end_date))
    if fact.derived is not None:
        table.add("derived", fact.derived)
    if item.commemorates is not None:
        table.add("commemorates", item.commemorates)
    table.add("category", fact.category)
    table["category"].comment(item.category_comment)
    table.add("tags", _array(tomlkit, fact.tags))
    for key in ("people", "organisations", "places"):
        values = getattr(fact, key)
        if values:
            table.add(key, _array(tomlkit, values))
    if fact.anniversary is not None:
        anniversary = tomlkit.table()
        anniversary.add("on", _date(fact.anniversary.on))
        anniversary.add("nth", fact.anniversary.nth)
        table.add("anniversary", anniversary)
    if fact.questions:
        questions = tomlkit.aot()
        for question in fact.questions:
            entry = tomlkit.table()
            entry.add("question", question.question)
            entry.add("answer", question.answer)
            if question.accept:
                entry.add("accept", _array(tomlkit, question.accept))
            if question.kind is not None:
                entry.add("kind", question.kind)
            questions.append(entry)
        table.add("questions", questions)
    return table


def _date(date: PartialDate) -> Any:
    """A full date as a TOML date; a month or a year as the store's string ("2025-06")."""
    full = date.to_date()
    return full if full is not None else date.iso()


def _array(tomlkit: Any, values: tuple[str, ...]) -> Any:
    array = tomlkit.array()
    array.extend(values)
    return array
