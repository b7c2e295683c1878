"""What a person typed, made comparable with the facts: folded, split, stopwords set aside."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from laorus.search.index import text_tokens
from laorus.text.words import fold

if TYPE_CHECKING:
    from laorus.search.index import Index

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
# Words of a question or a request that name no fact: they neither count against a query nor
# match by themselves, like the stopwords ("what happened in Kazan" is a query for "Kazan").
FILLER = frozenset({
    "any", "anything", "became", "become", "becomes", "came", "did", "does", "done", "find",
    "get", "give", "got", "happen", "happened", "happening", "happens", "info", "know",
    "list", "me", "my", "occur", "occurred", "please", "say", "says", "show", "some",
    "something", "take", "took", "us", "we", "whom", "whose", "you", "your",
})
# fmt: on
IGNORED = STOPWORDS | FILLER
"""Words that are not scored: stopwords, question words and filler."""
_RAW_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Query:
    """A query split into the words that are scored and the phrase that earns a bonus."""

    text: str
    terms: tuple[str, ...]
    phrase: tuple[str, ...]
    truncated: bool
    capitalised: frozenset[str] = frozenset()
    """The terms typed with a capital: names, perhaps, which a common word cannot match."""
    numbers: bool = False
    """Whether number words were read as digits ("sixty-five" as 65), as the index reads them."""

    @classmethod
    def parse(cls, text: str, *, numbers: bool = False) -> Query:
        """Fold and split ``text``, keeping at most MAX_QUERY_WORDS distinct words.

        ``numbers``: read number words as digits; for_index() does when the index needs it.
        """
        tokens = [token for token in text_tokens(text, numbers=numbers) if token != "|"]
        kept: list[str] = []
        for token in tokens:
            if token not in kept:
                kept.append(token)
            if len(kept) == MAX_QUERY_WORDS:
                break
        truncated = len(set(tokens)) > len(kept)
        terms = tuple(word for word in kept if word not in IGNORED)
        phrase = tokens[:MAX_QUERY_WORDS]
        # "the elephants" is the phrase "elephants": leading and trailing stopwords do not count.
        while phrase and phrase[0] in IGNORED:
            phrase.pop(0)
        while phrase and phrase[-1] in IGNORED:
            phrase.pop()
        capitalised = {fold(w) for w in _RAW_WORD.findall(text) if w[:1].isupper()}
        capitalised &= set(terms)
        return cls(text, terms, tuple(phrase), truncated, frozenset(capitalised), numbers)

    def for_index(self, index: Index) -> Query:
        """The query as ``index`` reads text: number words in digits, as the index holds them.

        A query whose every word the index holds is taken as it is: the index holds the digits
        of a number word, not the word, and the number reader is then not even loaded.
        """
        if self.numbers or all(index.posting(term) for term in self.terms):
            return self
        return Query.parse(self.text, numbers=True)
