"""A draft as the TOML of a fact store, with comments that tell its author what to review.

The store's layout is fixed (a [source] table, then [[facts]] with their [facts.anniversary] and
[[facts.questions]], then [[names]]), so this module writes the tables, keys and comments as
lines itself; tomlkit writes each value (its quoting and escaping of strings, dates, arrays).
Building a tomlkit document instead took most of `laorus draft`'s time (bench/draft.py).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import Any

from laorus.draft.facts import Draft, DraftFact
from laorus.store.model import PartialDate

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_HEADER = (
    "laorus fact store drafted by `laorus draft`: review it before use.",
    "Each fact quotes one sentence; rewrite 'statement' to say no more than the quote does.",
    "Check every date, 'derived' note, category and question; delete facts not worth asking.",
    "Names ([[names]], at the end) are guesses: confirm each kind, then remove guessed = true.",
    "Then run: laorus --facts THIS.toml validate",
)

Value = Callable[[object], str]
"""A value as TOML writes it."""


def to_toml(draft: Draft) -> str:
    """The draft as the text of a store."""
    import tomlkit  # only drafting needs it: no other command pays for the import

    written: dict[str, str] = {}

    def value(item: object) -> str:
        if isinstance(item, list):  # written here: tomlkit's arrays are slow to build
            return f"[{', '.join(value(one) for one in item)}]"
        if isinstance(item, str):
            if item not in written:  # a statement is often its quote
                written[item] = tomlkit.string(item).as_string()
            return written[item]
        return str(tomlkit.item(item).as_string())

    lines = [f"# {line}" for line in _HEADER]
    lines += ["schema = 1", "", "[source]"]
    lines += _source(value, draft, tomlkit)
    for item in draft.facts:
        lines += ["", "[[facts]]", *_fact(value, item)]
    for name in draft.names:
        lines += ["", "[[names]]", _key(value, "name", name.name), _key(value, "kind", name.kind)]
        lines.append(_key(value, "variants", list(name.variants)))
        if name.titles:
            lines.append(_key(value, "titles", list(name.titles)))
        lines.append("guessed = true")
    return "\n".join(lines) + "\n"


def _key(value: Value, key: str, item: object, comment: str | None = None) -> str:
    line = f"{key} = {value(item)}"
    return f"{line} # {comment}" if comment else line


def _source(value: Value, draft: Draft, tomlkit: Any) -> list[str]:
    source = draft.source
    # A comment only where the value is a stand-in for what the article did not say.
    lines = [
        _key(value, "title", source.title or "Untitled article", _unless(source.title, "title")),
        _key(value, "author", source.author or "Unknown", _unless(source.author, "author")),
    ]
    if source.author_role:
        lines.append(_key(value, "author_role", source.author_role))
    if source.published is not None:
        lines.append(_key(value, "published", source.published))
    else:
        lines.append("# published = YYYY-MM-DD  # optional, not found: relative dates stay undated")
    lines.append(_key(value, "published_in", source.published_in or "Unknown"))
    if source.published_in is None:
        lines[-1] += " # where it was published: fill in"
    if draft.cut:
        lines.append(f"# Left out after the article: {len(draft.cut)} line(s) of page")
        lines.append(f"# furniture, from {draft.cut[0][:60]!r}.")
    # A literal string keeps the article as it is, unless it holds what one cannot.
    literal = "'''" not in source.text and not _CONTROL.search(source.text)
    text = tomlkit.string(source.text, literal=literal, multiline=True).as_string()
    lines.append(f"text = {text}")
    return lines


def _unless(given: str | None, what: str) -> str | None:
    return None if given else f"not found in the article: give its {what}"


def _fact(value: Value, item: DraftFact) -> list[str]:
    fact = item.fact
    lines = [
        _key(value, "id", fact.id),
        _key(value, "statement", fact.statement),
        _key(value, "quote", fact.quote),
    ]
    optional: Sequence[tuple[str, object]] = (
        ("event", fact.event),
        ("date", _date(fact.date)),
        ("end_date", _date(fact.end_date)),
        ("derived", fact.derived),
        ("commemorates", item.commemorates),
    )
    lines += [_key(value, key, given) for key, given in optional if given is not None]
    lines.append(_key(value, "category", fact.category, item.category_comment))
    lines.append(_key(value, "tags", list(fact.tags)))
    for key in ("people", "organisations", "places"):
        names: tuple[str, ...] = getattr(fact, key)
        if names:
            lines.append(_key(value, key, list(names)))
    if fact.anniversary is not None:
        lines += ["", "[facts.anniversary]", _key(value, "on", _date(fact.anniversary.on))]
        lines.append(_key(value, "nth", fact.anniversary.nth))
    for question in fact.questions:
        lines += ["", "[[facts.questions]]", _key(value, "question", question.question)]
        lines.append(_key(value, "answer", question.answer))
        if question.accept:
            lines.append(_key(value, "accept", list(question.accept)))
        if question.kind is not None:
            lines.append(_key(value, "kind", question.kind))
    return lines


def _date(date: PartialDate | None) -> dt.date | str | None:
    """A full date as a TOML date; a month or a year as the store's string ("2025-06")."""
    if date is None:
        return None
    full = date.to_date()
    return full if full is not None else date.iso()
