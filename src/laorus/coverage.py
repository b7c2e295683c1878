"""Split the article into sentences and measure how many of them the facts quote."""

from __future__ import annotations

import re
from dataclasses import dataclass

from laorus.model import Store

# A sentence ends at . ! or ? (with any closing quote or comma) before whitespace and a capital
# letter or an opening quote, except after a title abbreviation such as "St." or "Mr.".
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’,]*\s+(?=[\"“A-Z0-9])")
_ABBREVIATIONS = ("St.", "Mr.", "Mrs.", "Dr.", "No.", "Jr.", "vs.", "e.g.", "i.e.")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the article and where it lies in the text."""

    start: int
    end: int
    text: str


def sentences(text: str) -> list[Sentence]:
    """The article's sentences, paragraph by paragraph, in order."""
    found: list[Sentence] = []
    offset = 0
    for paragraph in text.split("\n"):
        start = 0
        for match in _BOUNDARY.finditer(paragraph):
            head = paragraph[start : match.start()]
            if head.endswith(_ABBREVIATIONS):
                continue
            _append(found, paragraph, offset, start, match.start())
            start = match.end()
        _append(found, paragraph, offset, start, len(paragraph))
        offset += len(paragraph) + 1
    return found


def _append(found: list[Sentence], paragraph: str, offset: int, start: int, end: int) -> None:
    piece = paragraph[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        begin = offset + start + lead
        found.append(Sentence(begin, begin + len(stripped), stripped))


def paragraph_around(text: str, position: int) -> tuple[int, int]:
    """The (start, end) of the paragraph that contains ``position``."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end < 0 else end


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
    spans = sorted({(f.quote_start, f.quote_start + len(f.quote)) for f in store.facts})
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

    @property
    def share(self) -> float:
        """The share of the article's sentences that some fact quotes, from 0.0 to 1.0."""
        return self.quoted / self.sentences if self.sentences else 1.0

    def as_list(self) -> list[int]:
        """The numbers in field order, as the cache keeps them."""
        return [self.facts, self.questions, self.dated, self.derived, self.anniversaries,
                self.quoted, self.sentences]  # fmt: skip


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
    )
