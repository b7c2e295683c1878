"""Fill-in-the-blank items cut from the article: a sentence with a date, number or name blanked."""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass

from laorus.store.model import Fact, Store
from laorus.text.dates import DAY_AND_MONTH, FULL_DATE, MONTH_YEAR, YEAR
from laorus.text.numerals import number_word, ordinal_word
from laorus.text.sentences import Sentence, sentences

BLANK = "_____"
"""What replaces the blanked words in a cloze sentence."""

_SPELT = (*(number_word(n) for n in range(2, 13)), ordinal_word(3))
# Longest forms first, so "December 2, 1975" is a date before "1975" is a year, and "May 9"
# is a date before "9" is a number.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("date", re.compile(FULL_DATE)),
    ("month", re.compile(MONTH_YEAR)),
    # Not when a number follows ("March 9, 10 and 11"): the blank would be part of a list.
    ("date", re.compile(rf"{DAY_AND_MONTH}(?!,?\s*\d)")),
    ("year", re.compile(YEAR)),
    # Whole numbers only: "1,200" is blanked whole, never as "1,_____".
    ("number", re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})*(?:st|nd|rd|th)?(?![\d]|[.,]\d)")),
    # Numbers the article spells out: two to twelve, and "third".
    ("number", re.compile(rf"\b(?:{'|'.join(_SPELT)})\b")),
)
_DAY_AND_MONTH = re.compile(DAY_AND_MONTH)


@dataclass(frozen=True, slots=True)
class Blank:
    """One way to blank a sentence: which words of the article, and what kind of answer."""

    fact_id: str
    sentence: Sentence
    start: int
    """Offset of the blanked words in the sentence text."""
    answer: str
    kind: str

    @property
    def key(self) -> str:
        """A stable identity for the answer history: ``<fact-id>#cloze-<hash>``."""
        seed = f"{self.sentence.text}|{self.start}|{self.answer}".encode()
        return f"{self.fact_id}#cloze-{hashlib.sha1(seed).hexdigest()[:8]}"

    @property
    def prompt(self) -> str:
        """The sentence with the answer blanked out."""
        text = self.sentence.text
        return text[: self.start] + BLANK + text[self.start + len(self.answer) :]


def _part_of_a_date(text: str, start: int, end: int) -> bool:
    """True when the number at [start, end) is the day of a date ("May 9", "9th of May")."""
    return any(m.start() <= start and end <= m.end() for m in _DAY_AND_MONTH.finditer(text))


def _spans(text: str, name_kinds: dict[str, str]) -> list[tuple[int, str, str]]:
    """(start, words, kind) of every blankable span, longest kinds first, without overlaps."""
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, str, str]] = []

    def add(start: int, words: str, kind: str) -> None:
        end = start + len(words)
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            return
        taken.append((start, end))
        found.append((start, words, kind))

    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            # A day is blanked with its month, or not at all: "May _____" is half a date.
            if kind == "number" and _part_of_a_date(text, match.start(), match.end()):
                continue
            add(match.start(), match.group(), kind)
    for name in sorted(name_kinds, key=lambda n: (-len(n), n)):
        for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            add(match.start(), name, name_kinds[name])
    return sorted(found)


def _occurrences(text: str, words: str) -> int:
    return len(re.findall(rf"(?<![\w-]){re.escape(words)}(?![\w-])", text))


def _fact_sentences(fact: Fact, all_sentences: list[Sentence], ends: list[int]) -> list[Sentence]:
    """The sentences the fact's quote overlaps; ``ends``: each sentence's end, in order."""
    end = fact.quote_start + len(fact.quote)
    first = bisect.bisect_right(ends, fact.quote_start)
    found = []
    for sentence in all_sentences[first:]:
        if sentence.start >= end:
            break
        found.append(sentence)
    return found


def blanks(store: Store, facts: tuple[Fact, ...] | None = None) -> dict[str, list[Blank]]:
    """Every cloze item the quoted sentences of ``facts`` allow, keyed by fact id, in order."""
    chosen = store.facts if facts is None else facts
    all_sentences = sentences(store.source.text)
    # The names in the title (Russia, Laos) are in nearly every sentence: blanking them
    # asks nothing a reader could not guess.
    name_kinds = {
        name: kind
        for name, kind in store.name_kinds().items()
        if not re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", store.source.title)
    }
    ends = [sentence.end for sentence in all_sentences]
    # Many facts quote the same sentences (a large store, thousands of times over): each
    # sentence's blankable spans, those its words do not repeat, are found once.
    spans: dict[int, list[tuple[int, str, str]]] = {}
    result: dict[str, list[Blank]] = {}
    for fact in chosen:
        quote_end = fact.quote_start + len(fact.quote)
        items: list[Blank] = []
        for sentence in _fact_sentences(fact, all_sentences, ends):
            found = spans.get(sentence.start)
            if found is None:
                # Never words the sentence repeats: the other copy would give the answer away.
                found = [
                    span
                    for span in _spans(sentence.text, name_kinds)
                    if _occurrences(sentence.text, span[1]) == 1
                ]
                spans[sentence.start] = found
            for start, words, kind in found:
                absolute = sentence.start + start
                # Blank only words of the fact's own quote.
                if fact.quote_start <= absolute and absolute + len(words) <= quote_end:
                    items.append(Blank(fact.id, sentence, start, words, kind))
        if items:
            result[fact.id] = items
    return result


def distinct(found: dict[str, list[Blank]]) -> dict[int, list[Blank]]:
    """Each blank once, grouped by the offset of its sentence in the article.

    Facts that quote the same sentence offer the same blanks; the first fact (in the order of
    ``found``, the store's) keeps each, so its history key does not depend on the others.
    """
    seen: set[tuple[int, int, str]] = set()
    grouped: dict[int, list[Blank]] = {}
    for options in found.values():
        for blank in options:
            identity = (blank.sentence.start, blank.start, blank.answer)
            if identity not in seen:
                seen.add(identity)
                grouped.setdefault(blank.sentence.start, []).append(blank)
    return grouped
