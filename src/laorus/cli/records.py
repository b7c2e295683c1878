"""The JSON records that `search`, `show` and `timeline` print for a fact."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from laorus.store.model import Fact


def fact_record(fact: Fact) -> dict[str, Any]:
    """The fields every JSON output shares; dates in the store's ISO form or null."""
    return {
        "id": fact.id,
        "date": fact.date.iso() if fact.date else None,
        "end_date": fact.end_date.iso() if fact.end_date else None,
        "statement": fact.statement,
        "quote": fact.quote,
        "category": fact.category,
        "tags": list(fact.tags),
    }


def show_record(fact: Fact, paragraph: str) -> dict[str, Any]:
    """Everything about one fact, with the paragraph of the article its quote is in."""
    anniversary = fact.anniversary
    return {
        **fact_record(fact),
        "derived": fact.derived,
        "anniversary": (
            {"on": anniversary.on.iso(), "nth": anniversary.nth} if anniversary else None
        ),
        "people": list(fact.people),
        "organisations": list(fact.organisations),
        "places": list(fact.places),
        "questions": [
            {"question": q.question, "answer": q.answer, "accept": list(q.accept), "kind": q.kind}
            for q in fact.questions
        ],
        "paragraph": paragraph,
    }
