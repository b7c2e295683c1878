"""The JSON records that `search`, `show` and `timeline` print for a fact.

The fields come from the one Fact -> dict serialiser (laorus.store.records); a fact shown alone
adds its links to other facts (which need the store) and its paragraph.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from laorus.store.records import LISTED_FIELDS, SHOWN_FIELDS, fact_to_dict

if TYPE_CHECKING:
    from laorus.store.model import Fact, Store


def fact_record(fact: Fact) -> dict[str, Any]:
    """The fields every JSON output shares; dates in the store's ISO form or null."""
    return fact_to_dict(fact, LISTED_FIELDS)


def show_record(store: Store, fact: Fact, paragraph: str) -> dict[str, Any]:
    """Everything about one fact, its links to other facts, and the paragraph of its quote."""
    return {
        **fact_to_dict(fact, SHOWN_FIELDS),
        "commemorates": fact.commemorates,
        "commemorated_by": [f.id for f in store.commemorated_by(fact)],
        "same_event": fact.same_event,
        "same_event_facts": [f.id for f in store.same_event_facts(fact)],
        "actor_note": fact.actor_note,
        "paragraph": paragraph,
    }
