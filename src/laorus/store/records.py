"""A fact as plain data and back: the one Fact <-> dict serialiser, for the cache and JSON output.

The dict holds only JSON types: dates in the store's ISO form ("1960-10-07", "2025-06", "1954")
or None, lists for tuples, an anniversary as {"on", "nth"}, a question as {"question", "answer",
"accept", "kind", "modes", "choices"}. Its keys are FACT_FIELDS, in that order; LISTED_FIELDS
and SHOWN_FIELDS are the documented subsets a listing of facts and a single fact show.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from laorus.store.model import Anniversary, Fact, PartialDate, Question

FACT_FIELDS: tuple[str, ...] = (
    "id",
    "date",
    "end_date",
    "statement",
    "quote",
    "category",
    "tags",
    "derived",
    "anniversary",
    "people",
    "organisations",
    "places",
    "questions",
    "event",
    "quote_start",
    "commemorates",
    "same_event",
    "actor_note",
)
"""Every key of fact_to_dict(), in order."""

LISTED_FIELDS: tuple[str, ...] = FACT_FIELDS[:7]
"""What a list of facts shows of each: id, dates, statement, quote, category, tags."""

SHOWN_FIELDS: tuple[str, ...] = FACT_FIELDS[:13]
"""What one fact shown in full gives: all but ``event`` and ``quote_start``."""


def fact_to_dict(fact: Fact, fields: Sequence[str] = FACT_FIELDS) -> dict[str, Any]:
    """``fact`` as JSON-ready data, with the keys ``fields`` (all of FACT_FIELDS by default)."""
    anniversary = fact.anniversary
    data: dict[str, Any] = {
        "id": fact.id,
        "date": fact.date.iso() if fact.date else None,
        "end_date": fact.end_date.iso() if fact.end_date else None,
        "statement": fact.statement,
        "quote": fact.quote,
        "category": fact.category,
        "tags": list(fact.tags),
        "derived": fact.derived,
        "anniversary": (
            {"on": anniversary.on.iso(), "nth": anniversary.nth} if anniversary else None
        ),
        "people": list(fact.people),
        "organisations": list(fact.organisations),
        "places": list(fact.places),
        "questions": [
            {
                "question": q.question,
                "answer": q.answer,
                "accept": list(q.accept),
                "kind": q.kind,
                "modes": list(q.modes),
                "choices": list(q.choices),
            }
            for q in fact.questions
        ],
        "event": fact.event,
        "quote_start": fact.quote_start,
        "commemorates": fact.commemorates,
        "same_event": fact.same_event,
        "actor_note": fact.actor_note,
    }
    if fields is FACT_FIELDS:
        return data
    return {key: data[key] for key in fields}


def fact_from_dict(data: Mapping[str, Any]) -> Fact:
    """The fact fact_to_dict() describes; a key other than id, statement, quote and category may
    be missing (a subset such as SHOWN_FIELDS). KeyError, TypeError or ValueError if not one."""
    anniversary = data.get("anniversary")
    return Fact(
        id=data["id"],
        statement=data["statement"],
        quote=data["quote"],
        category=data["category"],
        tags=tuple(data.get("tags", ())),
        people=tuple(data.get("people", ())),
        organisations=tuple(data.get("organisations", ())),
        places=tuple(data.get("places", ())),
        date=_date(data.get("date")),
        end_date=_date(data.get("end_date")),
        derived=data.get("derived"),
        anniversary=(
            Anniversary(PartialDate.parse(anniversary["on"]), anniversary["nth"])
            if anniversary is not None
            else None
        ),
        event=data.get("event"),
        questions=tuple(
            Question(
                q["question"],
                q["answer"],
                tuple(q["accept"]),
                q["kind"],
                tuple(q.get("modes", ())),
                tuple(q.get("choices", ())),
            )
            for q in data.get("questions", ())
        ),
        quote_start=data.get("quote_start", 0),
        commemorates=data.get("commemorates"),
        same_event=data.get("same_event"),
        actor_note=data.get("actor_note"),
    )


def _date(value: str | None) -> PartialDate | None:
    return PartialDate.parse(value) if value is not None else None
