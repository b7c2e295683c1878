"""Every quiz item the filters select, each with what an export card shows beside it."""

from __future__ import annotations

from dataclasses import dataclass

from laorus.errors import LaorusError
from laorus.quiz.items import QuizItem, Selection, enumerate_items
from laorus.store.model import Store

LIST_SEPARATOR = " | "
"""Between accepted forms, and between choices, in one cell (forms may hold commas)."""


@dataclass(frozen=True, slots=True)
class Card:
    """One exported question: the quiz item and the fact's date and tags."""

    item: QuizItem
    tags: tuple[str, ...]
    date: str
    """The fact's date as in the store ("1960-10-07", "2025-06", "1954", "2025-06 to 2025-07")."""
    derived: str
    """How the date was derived, when the article only implies it, or ""."""

    @property
    def evidence_parts(self) -> tuple[str, str, str]:
        """The article's sentence split around the answer: (before, answer, after)."""
        text = self.item.context
        if self.item.highlight is None:
            return text, "", ""
        start, end = self.item.highlight
        return text[:start], text[start:end], text[end:]


def anki_tag(tag: str) -> str:
    """A store tag as an Anki tag: spaces, which Anki tags cannot hold, become underscores."""
    return "_".join(tag.split())


def cards(store: Store, mode: str, selection: Selection) -> list[Card]:
    """Every item the filters select (laorus.quiz.items.enumerate_items), with what a card
    shows beside it: a question asked only with choices is never a free card. Raises
    LaorusError when the filters leave nothing."""
    items = enumerate_items(store, mode, selection)
    if not items:
        what = "cloze sentences" if mode == "cloze" else "questions"
        msg = f"no {what} {_where(selection)} to export; loosen the filters or choose another mode"
        raise LaorusError(msg)
    return [_card(store, item) for item in items]


def _where(selection: Selection) -> str:
    parts = [f"in category {selection.category}"] if selection.category else []
    if selection.tag:
        parts.append(f"with the tag {selection.tag!r}")
    return " ".join(parts) if parts else "in this store"


def _card(store: Store, item: QuizItem) -> Card:
    fact = store.get(item.fact_id)
    assert fact is not None  # items are built from the store's own facts
    return Card(
        item=item,
        tags=fact.tags,
        date=" to ".join(d.iso() for d in (fact.date, fact.end_date) if d is not None),
        derived=fact.derived or "",
    )
