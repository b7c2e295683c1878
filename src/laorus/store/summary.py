"""How much of the article the facts quote, and the summary that validate reports."""

from __future__ import annotations

from dataclasses import dataclass

from laorus.errors import Problem
from laorus.store.model import Store
from laorus.text.sentences import Sentence, sentences


@dataclass(frozen=True, slots=True)
class Coverage:
    """How many of the article's sentences at least one fact quotes."""

    quoted: int
    total: int
    missing: tuple[Sentence, ...]

    @property
    def share(self) -> float:
        """The quoted share, from 0.0 to 1.0."""
        return self.quoted / self.total if self.total else 1.0


def coverage(store: Store) -> Coverage:
    """Which sentences of the store's article are quoted, in part or whole, by some fact."""
    spans = sorted({(f.quote_start, f.quote_end) for f in store.facts})
    missing: list[Sentence] = []
    all_sentences = sentences(store.source.text)
    for sentence in all_sentences:
        if not any(start < sentence.end and sentence.start < end for start, end in spans):
            missing.append(sentence)
    return Coverage(len(all_sentences) - len(missing), len(all_sentences), tuple(missing))


@dataclass(frozen=True, slots=True)
class Summary:
    """What `laorus validate` reports about a valid store."""

    facts: int
    questions: int
    dated: int
    derived: int
    anniversaries: int
    quoted: int
    sentences: int
    warnings: tuple[Problem, ...] = ()

    @property
    def share(self) -> float:
        """The share of the article's sentences that some fact quotes, from 0.0 to 1.0."""
        return self.quoted / self.sentences if self.sentences else 1.0

    def as_list(self) -> list[object]:
        """The fields in order, as the cache keeps them (each warning as a list of its fields)."""
        warnings = [[w.file, w.message, w.line, w.fact, w.field] for w in self.warnings]
        return [self.facts, self.questions, self.dated, self.derived, self.anniversaries,
                self.quoted, self.sentences, warnings]  # fmt: skip

    @classmethod
    def from_list(cls, values: object) -> Summary:
        """The summary that as_list() gave ``values``; TypeError or ValueError if it cannot be."""
        if not isinstance(values, list):
            msg = "not a summary"
            raise TypeError(msg)
        facts, questions, dated, derived, anniversaries, quoted, total, warnings = values
        numbers = (facts, questions, dated, derived, anniversaries, quoted, total)
        if not isinstance(warnings, list) or not all(isinstance(n, int) for n in numbers):
            msg = "not a summary"
            raise TypeError(msg)
        found = tuple(Problem(*warning) for warning in warnings)
        return cls(facts, questions, dated, derived, anniversaries, quoted, total, found)


def summarise(store: Store) -> Summary:
    """Count a store's facts, questions, dated events and quoted sentences."""
    covered = coverage(store)
    return Summary(
        facts=len(store.facts),
        questions=store.questions,
        dated=sum(1 for fact in store.facts if fact.date is not None),
        derived=sum(1 for fact in store.facts if fact.derived is not None),
        anniversaries=sum(1 for fact in store.facts if fact.anniversary is not None),
        quoted=covered.quoted,
        sentences=covered.total,
        warnings=store.warnings,
    )
