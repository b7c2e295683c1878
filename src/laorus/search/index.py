"""The search index: each fact's words and where they occur, prepared once; and what ranking reads.

Ranking (laorus.search.rank) reads an index only through the `Index` protocol, so the same scoring
code runs over this in-memory index and over the one kept in the cache (laorus.cache.reader).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from laorus.text.forms import digits_for_number_words, name_parts, stem
from laorus.text.words import fold, same_words

if TYPE_CHECKING:
    from laorus.store.model import Fact, Store
    from laorus.store.progress import Progress

# Where a word was found, and how much that counts: the statement, tags and names say what a
# fact is about; the quote and the category only support it.
PRIMARY, QUOTE, CATEGORY = 1.0, 0.8, 0.6
WEIGHTS = (PRIMARY, QUOTE, CATEGORY)
"""Every weight a posting can have; the cache stores a posting's weight as its place here."""

_WORD_OR_BAR = re.compile(r"\w+|\|")
_ASCII_SPLIT = str.maketrans(
    {c: " " for c in map(chr, range(128)) if not (c.isalnum() or c in "_|")}
)

_PROGRESS_EVERY = 2000
FilterFields = tuple[str, tuple[str, ...], int | None, int | None]
"""What the search filters look at: category, tags as same_words, first and last year."""


def index_tokens(folded: str) -> list[str]:
    """The words of folded text, as words() finds them, and each "|" as a token of its own."""
    if folded.isascii():
        # The same tokens as the regular expression, several times faster on a large store.
        return folded.translate(_ASCII_SPLIT).split()
    return _WORD_OR_BAR.findall(folded)


def text_tokens(text: str, *, numbers: bool = True) -> list[str]:
    """The index tokens of a field's text, folded; ``numbers``: number words in digits (60)."""
    folded = fold(text.replace("|", " "))
    tokens = index_tokens(folded)
    if not numbers:
        return tokens
    written = digits_for_number_words(folded, tokens)
    return tokens if written is folded else index_tokens(written)


def own_stems(vocabulary: Iterable[str]) -> dict[str, str]:
    """The stem of each word that is not its own stem (most are: numbers, names, short words)."""
    found = {}
    for word in vocabulary:
        if not word.isdigit():
            word_stem = stem(word)
            if word_stem != word:
                found[word] = word_stem
    return found


def idf(total: int, count: int) -> float:
    """BM25's IDF: always positive, near zero for a word that nearly every fact contains."""
    return math.log(1 + (total - count + 0.5) / (count + 0.5))


def primary_fields(fact: Fact) -> list[str]:
    """The texts that say what a fact is about: statement, tags, names, id, years and event."""
    dates = [str(d.year) for d in (fact.date, fact.end_date) if d is not None]
    fields = [fact.statement, *fact.tags, *fact.names, fact.id.replace("-", " "), *dates]
    if fact.event:
        fields.append(fact.event)
    return fields


def _joined(fields: Iterable[str]) -> str:
    # "|" keeps fields apart so a phrase cannot span two of them.
    return " | ".join(f.replace("|", " ") for f in fields)


def fact_words(
    fact: Fact, quotes: dict[str, list[str]] | None = None
) -> tuple[str, str, dict[str, float]]:
    """A fact's primary and quote texts (for the phrase bonus) and the weight of each word.

    Number words are indexed as digits, and the parts of a compound name as words of their own
    (RusHydro: also "hydro"). ``quotes`` remembers the words of each quote, which several facts
    often share.
    """
    primary = text_tokens(_joined(primary_fields(fact)))
    quote = quotes.get(fact.quote) if quotes is not None else None
    if quote is None:
        quote = text_tokens(fact.quote)
        parts = name_parts(fact.quote)
        if parts:  # after a "|", so that no phrase runs into them
            quote += ["|", *map(fold, parts)]
        if quotes is not None:
            quotes[fact.quote] = quote
    weights = {fact.category: CATEGORY}
    # A word counts where it weighs most: a primary word that is also in the quote is primary.
    weights.update(dict.fromkeys(quote, QUOTE))
    weights.update(dict.fromkeys(primary, PRIMARY))
    # Names are written with their capitals in the statement and the names; tags are lower case.
    for part in name_parts(" ".join((fact.statement, *fact.names))):
        weights[fold(part)] = PRIMARY
    weights.pop("|", None)
    return f" {' '.join(primary)} ", f" {' '.join(quote)} ", weights


def filter_fields(fact: Fact) -> FilterFields:
    """The fields of ``fact`` that the search filters look at."""
    first = fact.date.year if fact.date is not None else None
    last = (fact.end_date or fact.date).year if fact.date is not None else None
    return fact.category, tuple(same_words(t) for t in fact.tags), first, last


class Index(Protocol):
    """What ranking needs from an index of a store's facts, numbered in the store's order."""

    @property
    def vocabulary(self) -> Sequence[str]:
        """Every indexed word, sorted."""

    @property
    def total(self) -> int:
        """How many facts the index holds."""

    def posting(self, word: str) -> Mapping[int, float]:
        """The facts that contain ``word`` and its weight in each; empty for an unknown word."""

    def number_of(self, fact_id: str) -> int | None:
        """The number of the fact with this id, or None."""

    def id_list(self) -> Sequence[str]:
        """Every fact id, in the store's order."""

    def phrase_texts(self, numbers: Iterable[int]) -> Mapping[int, tuple[str, str]]:
        """The primary and quote texts of these facts, for the phrase bonus."""

    def filter_fields(self, numbers: Iterable[int]) -> Mapping[int, FilterFields]:
        """What the search filters look at, for these facts."""

    def facts_at(self, numbers: Iterable[int]) -> Mapping[int, Fact]:
        """These facts in full."""

    def tags(self) -> list[str]:
        """Every distinct tag of the store (as same_words), sorted."""

    def stem_of(self, word: str) -> str | None:
        """The stem of an indexed word (laorus.text.forms.stem), or None for an unknown word."""

    def forms(self, stem: str) -> Sequence[str]:
        """Every indexed word with this stem."""


@dataclass(frozen=True, slots=True)
class SearchIndex:
    """The facts' words, prepared in memory: vocabulary, inverted index and phrase texts."""

    facts: tuple[Fact, ...]
    vocabulary: tuple[str, ...]
    postings: dict[str, dict[int, float]]
    primary_texts: tuple[str, ...]
    quote_texts: tuple[str, ...]
    ids: dict[str, int] = field(default_factory=dict)
    stems: dict[str, str] = field(default_factory=dict)
    """The stem of each indexed word that is not its own stem ("twinning": "twin")."""
    stem_forms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """The indexed words of each such stem, but the stem itself."""

    @classmethod
    def build(
        cls,
        store: Store,
        *,
        progress: Progress | None = None,
        synonyms: Mapping[str, Sequence[str]] | None = None,
    ) -> SearchIndex:
        """Index every fact of ``store`` by the words of its statement, tags, names and quote.

        ``synonyms``: other words for a name (see IndexBuilder.finish); by default the variants
        of the store's names vocabulary (name_synonyms).
        """
        builder = IndexBuilder()
        total = len(store.facts)
        for number, fact in enumerate(store.facts):
            if progress is not None and number % _PROGRESS_EVERY == 0 and total >= _PROGRESS_EVERY:
                progress("Indexing the facts", number, total)
            builder.add(fact)
        return builder.finish(store.facts, name_synonyms(store) if synonyms is None else synonyms)

    @property
    def total(self) -> int:
        """How many facts the index holds."""
        return len(self.facts)

    def posting(self, word: str) -> Mapping[int, float]:
        """The facts that contain ``word`` and its weight in each; empty for an unknown word."""
        return self.postings.get(word, {})

    def number_of(self, fact_id: str) -> int | None:
        """The number of the fact with this id, or None."""
        return self.ids.get(fact_id)

    def id_list(self) -> Sequence[str]:
        """Every fact id, in the store's order."""
        return list(self.ids)

    def phrase_texts(self, numbers: Iterable[int]) -> Mapping[int, tuple[str, str]]:
        """The primary and quote texts of these facts, for the phrase bonus."""
        return {n: (self.primary_texts[n], self.quote_texts[n]) for n in numbers}

    def filter_fields(self, numbers: Iterable[int]) -> Mapping[int, FilterFields]:
        """What the search filters look at, for these facts."""
        return {n: filter_fields(self.facts[n]) for n in numbers}

    def facts_at(self, numbers: Iterable[int]) -> Mapping[int, Fact]:
        """These facts in full."""
        return {n: self.facts[n] for n in numbers}

    def tags(self) -> list[str]:
        """Every distinct tag of the store (as same_words), sorted."""
        return sorted({same_words(t) for fact in self.facts for t in fact.tags})

    def stem_of(self, word: str) -> str | None:
        """The stem of an indexed word (laorus.text.forms.stem), or None for an unknown word."""
        return self.stems.get(word, word) if word in self.postings else None

    def forms(self, stem: str) -> Sequence[str]:
        """Every indexed word with this stem."""
        forms = self.stem_forms.get(stem, ())
        return (stem, *forms) if stem in self.postings else forms


def name_synonyms(store: Store) -> dict[str, tuple[str, ...]]:
    """Each name of the store's vocabulary (as same_words) and its variants, for the index."""
    return {same_words(name.name): name.variants for name in store.names if name.variants}


class IndexBuilder:
    """Indexes facts one at a time, as they are loaded; finish() gives the SearchIndex."""

    def __init__(self) -> None:
        self._postings: dict[str, dict[int, float]] = defaultdict(dict)
        self._primary: list[str] = []
        self._quote: list[str] = []
        self._quotes: dict[str, list[str]] = {}

    def add(self, fact: Fact) -> None:
        """Index the next fact."""
        number = len(self._primary)
        primary, quote, weights = fact_words(fact, self._quotes)
        self._primary.append(primary)
        self._quote.append(quote)
        for word, weight in weights.items():
            self._postings[word][number] = weight

    def finish(
        self, facts: tuple[Fact, ...], synonyms: Mapping[str, Sequence[str]] | None = None
    ) -> SearchIndex:
        """The index of ``facts``, which must be the facts added, in order.

        ``synonyms`` maps a name (as same_words) to other words for it (its variants, say); each
        is indexed as words of every fact that names the name, as if it were one of its tags.
        Given here, not to add(), because a store lists its names after its facts.
        """
        if len(facts) != len(self._primary):
            msg = f"{len(self._primary)} facts were indexed, not {len(facts)}"
            raise ValueError(msg)
        postings = self._postings
        if synonyms:
            self._add_synonyms(facts, synonyms)
        vocabulary = tuple(sorted(postings))
        stems = own_stems(vocabulary)
        stem_forms: dict[str, list[str]] = defaultdict(list)
        for word, word_stem in stems.items():
            stem_forms[word_stem].append(word)
        return SearchIndex(
            facts=facts,
            vocabulary=vocabulary,
            postings=dict(postings),
            primary_texts=tuple(self._primary),
            quote_texts=tuple(self._quote),
            ids={fact.id: number for number, fact in enumerate(facts)},
            stems=stems,
            stem_forms={key: tuple(forms) for key, forms in stem_forms.items()},
        )

    def _add_synonyms(self, facts: tuple[Fact, ...], synonyms: Mapping[str, Sequence[str]]) -> None:
        """Index the other forms of the names each fact names, as words of the fact.

        A word inside a longer form ("treaty" in "North Atlantic Treaty Organization") names
        the organisation, not what the fact is about: unless the fact's own fields have it, it
        weighs as a word of the quote, in that form and in a tag that repeats the form. A form
        of one word ("LPRP") is the name itself and weighs as the name does.
        """
        for number, fact in enumerate(facts):
            extra = [text for name in fact.names for text in synonyms.get(same_words(name), ())]
            if not extra:
                continue
            tokens = text_tokens(_joined(extra))
            long_forms = {same_words(text) for text in extra if len(text.split()) > 1}
            inside = set(text_tokens(_joined(t for t in extra if same_words(t) in long_forms)))
            if inside:
                own_fields = [f for f in primary_fields(fact) if same_words(f) not in long_forms]
                own = set(text_tokens(_joined(own_fields)))
                own.update(fold(part) for part in name_parts(" ".join(own_fields)))
                inside -= own
            for word in tokens:
                if word != "|":
                    self._postings[word][number] = QUOTE if word in inside else PRIMARY
            for word in inside:  # also where a tag repeats a long form
                self._postings[word][number] = QUOTE
            self._primary[number] += f"| {' '.join(tokens)} "
