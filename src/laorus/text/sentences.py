"""Split a text into sentences and paragraphs, keeping where each lies in the text."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

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


def covering(found: Sequence[Sentence], start: int, end: int) -> list[Sentence]:
    """The sentences of ``found`` (in order, as sentences() gives them) that overlap
    [start, end), found by bisection."""
    at = bisect.bisect_right(found, start, key=lambda sentence: sentence.end)
    chosen = []
    for sentence in found[at:]:
        if sentence.start >= end:
            break
        chosen.append(sentence)
    return chosen


def paragraph_around(text: str, position: int) -> tuple[int, int]:
    """The (start, end) of the paragraph that contains ``position``."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end < 0 else end


_LEADING_MARK = re.compile(r"^[\s\-‐‑–—•·*]+(?=\S)")
"""Dashes, bullets and spaces before a quote's first word: the article's punctuation."""


def quotable(quote: str) -> str:
    """``quote`` without the dash, bullet or space it starts with when it begins at one.

    A quote may start on the article's punctuation ("important anniversaries -70 years of ...",
    where the dash is a list's): inside quotation marks that reads as a minus sign ("“-70
    years”"). A minus sign (U+2212) is kept.
    """
    return _LEADING_MARK.sub("", quote)
