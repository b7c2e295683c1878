"""The history keys of a store's questions, light enough for `laorus stats` to import."""

from __future__ import annotations

from collections.abc import Sequence

from laorus.store.model import Fact


def question_key(fact_id: str, number: int) -> str:
    """The history key of a fact's question ``number`` (1-based): ``<fact-id>#<n>``."""
    return f"{fact_id}#{number}"


def question_texts(facts: Sequence[Fact]) -> dict[str, str]:
    """Each question's history key (``<fact-id>#<n>``) and its text as the store has it now."""
    return {
        question_key(fact.id, number): question.question
        for fact in facts
        for number, question in enumerate(fact.questions, 1)
    }
