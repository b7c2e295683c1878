"""What a person typed, made comparable with the facts: folded, split, stopwords set aside."""

from __future__ import annotations

from dataclasses import dataclass

from laorus.text.words import words

MAX_QUERY_WORDS = 32
"""Only the first this many distinct words of a query are considered, so huge queries stay fast."""

# Words that say nothing about which fact is meant; they still count inside a quoted phrase.
# fmt: off
STOPWORDS = frozenset({
    "a", "about", "an", "and", "are", "as", "at", "be", "been", "by", "can", "could", "did", "do",
    "does", "for", "from", "had", "has", "have", "how", "i", "in", "is", "it", "its", "many",
    "much", "of", "on", "or", "s", "tell", "that", "the", "their", "there", "these", "this",
    "to", "was", "were", "what", "when", "where", "which", "who", "why", "will", "with",
})
# fmt: on


@dataclass(frozen=True, slots=True)
class Query:
    """A query split into the words that are scored and the phrase that earns a bonus."""

    text: str
    terms: tuple[str, ...]
    phrase: tuple[str, ...]
    truncated: bool

    @classmethod
    def parse(cls, text: str) -> Query:
        """Fold and split ``text``, keeping at most MAX_QUERY_WORDS distinct words."""
        tokens = words(text)
        kept: list[str] = []
        for token in tokens:
            if token not in kept:
                kept.append(token)
            if len(kept) == MAX_QUERY_WORDS:
                break
        truncated = len(set(tokens)) > len(kept)
        terms = tuple(word for word in kept if word not in STOPWORDS)
        phrase = tokens[:MAX_QUERY_WORDS]
        # "the elephants" is the phrase "elephants": leading and trailing stopwords do not count.
        while phrase and phrase[0] in STOPWORDS:
            phrase.pop(0)
        while phrase and phrase[-1] in STOPWORDS:
            phrase.pop()
        return cls(text, terms, tuple(phrase), truncated)
