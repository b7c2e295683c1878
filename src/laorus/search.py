"""Rank facts by fuzzy relevance to what a person typed: typos, any word order, rare words first."""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, JaroWinkler

from laorus.model import Fact, Store
from laorus.query import STOPWORDS, Query, fold, same_words

MIN_SCORE = 50.0
"""Hits scoring below this (0-100) are not shown: less than about half the query matched."""
MAX_WORD_LENGTH = 64
"""Longer 'words' cannot be in any article; they count as unmatched without being compared."""

# Where a word was found, and how much that counts: the statement, tags and names say what a
# fact is about; the quote and the category only support it.
_PRIMARY, _QUOTE, _CATEGORY = 1.0, 0.8, 0.6
_MAX_FUZZY = 20
_MAX_PREFIX = 50
_MIN_PREFIX = 5
_PHRASE_SHARE = 0.1
_WORD_OR_BAR = re.compile(r"\w+|\|")
_ASCII_SPLIT = str.maketrans(
    {c: " " for c in map(chr, range(128)) if not (c.isalnum() or c in "_|")}
)


def _index_tokens(folded: str) -> list[str]:
    """The words of folded text, as words() finds them, and each "|" as a token of its own."""
    if folded.isascii():
        # The same tokens as the regular expression, several times faster on a large store.
        return folded.translate(_ASCII_SPLIT).split()
    return _WORD_OR_BAR.findall(folded)


def _allowed_edits(word: str) -> int:
    # Short words must be exact ("Lao" is not "law"); numbers must be exact (1954 is not 1955).
    if len(word) <= 3 or any(ch.isdigit() for ch in word):
        return 0
    return 1 if len(word) < 8 else 2


@dataclass(frozen=True, slots=True)
class Hit:
    """A fact that matches a query, its score (0-100) and the folded words that matched."""

    fact: Fact
    score: float
    matched: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class SearchIndex:
    """The facts' words, prepared once: vocabulary, inverted index, IDF and phrase texts."""

    facts: tuple[Fact, ...]
    vocabulary: tuple[str, ...]
    postings: dict[str, dict[int, float]]
    idf: dict[str, float]
    primary_texts: tuple[str, ...]
    quote_texts: tuple[str, ...]
    ids: dict[str, int] = field(default_factory=dict)

    @classmethod
    def build(cls, store: Store) -> SearchIndex:
        """Index every fact of ``store`` by the words of its statement, tags, names and quote."""
        postings: dict[str, dict[int, float]] = defaultdict(dict)
        primary_texts: list[str] = []
        quote_texts: list[str] = []
        for number, fact in enumerate(store.facts):
            dates = [str(d.year) for d in (fact.date, fact.end_date) if d is not None]
            fields = [fact.statement, *fact.tags, *fact.names, fact.id.replace("-", " "), *dates]
            if fact.event:
                fields.append(fact.event)
            # Fold the texts once; "|" keeps fields apart so a phrase cannot span two of them.
            primary = _index_tokens(fold(" | ".join(f.replace("|", " ") for f in fields)))
            quote = _index_tokens(fold(fact.quote.replace("|", " ")))
            primary_texts.append(f" {' '.join(primary)} ")
            quote_texts.append(f" {' '.join(quote)} ")
            postings[fact.category][number] = _CATEGORY
            for weight, found in ((_QUOTE, quote), (_PRIMARY, primary)):
                for word in set(found):
                    postings[word][number] = weight
        postings.pop("|", None)
        total = len(store.facts)
        idf = {word: _idf(total, len(found)) for word, found in postings.items()}
        return cls(
            facts=store.facts,
            vocabulary=tuple(sorted(postings)),
            postings=dict(postings),
            idf=idf,
            primary_texts=tuple(primary_texts),
            quote_texts=tuple(quote_texts),
            ids={fact.id: number for number, fact in enumerate(store.facts)},
        )

    @property
    def unknown_idf(self) -> float:
        """The weight of a word the store does not contain: as much as its rarest word."""
        return _idf(len(self.facts), 1)

    def candidates(self, word: str) -> dict[str, float]:
        """Vocabulary words close to ``word``, each with a match quality from 0 to 1."""
        found: dict[str, float] = {}
        if word in self.postings:
            found[word] = 1.0
        edits = _allowed_edits(word)
        if edits == 0 or len(word) > MAX_WORD_LENGTH:
            return found
        for choice, distance, _ in process.extract(
            word, self.vocabulary, scorer=OSA.distance, score_cutoff=edits, limit=_MAX_FUZZY
        ):
            quality = 1 - distance / max(len(word), len(choice))
            found[choice] = max(found.get(choice, 0.0), quality)
        # A word typed as the start of a longer one ("invest", "educat") also counts.
        if len(word) < _MIN_PREFIX:
            return found
        start = bisect.bisect_left(self.vocabulary, word)
        for choice in self.vocabulary[start : start + _MAX_PREFIX]:
            if not choice.startswith(word):
                break
            quality = 0.75 + 0.2 * len(word) / len(choice)
            found[choice] = max(found.get(choice, 0.0), quality)
        return found


def _idf(total: int, count: int) -> float:
    # BM25's IDF: always positive, near zero for a word that nearly every fact contains.
    return math.log(1 + (total - count + 0.5) / (count + 0.5))


@dataclass(frozen=True, slots=True)
class Filters:
    """Restrictions on which facts may be returned."""

    category: str | None = None
    tag: str | None = None
    year_from: int | None = None
    year_to: int | None = None

    def allows(self, fact: Fact) -> bool:
        """Whether ``fact`` passes every filter; a year filter excludes undated facts."""
        if self.category is not None and fact.category != self.category:
            return False
        if self.tag is not None and same_words(self.tag) not in {same_words(t) for t in fact.tags}:
            return False
        if self.year_from is None and self.year_to is None:
            return True
        if fact.date is None:
            return False
        end = (fact.end_date or fact.date).year
        low = self.year_from if self.year_from is not None else fact.date.year
        high = self.year_to if self.year_to is not None else end
        return fact.date.year <= high and end >= low


def search(
    source: Store | SearchIndex,
    query: str | Query,
    *,
    limit: int = 10,
    category: str | None = None,
    tag: str | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
) -> list[Hit]:
    """The best ``limit`` facts for ``query``, best first; [] when nothing scores MIN_SCORE."""
    if limit < 1:
        msg = f"limit must be at least 1, not {limit}"
        raise ValueError(msg)
    index = source if isinstance(source, SearchIndex) else SearchIndex.build(source)
    parsed = query if isinstance(query, Query) else Query.parse(query)
    filters = Filters(category, tag, year_from, year_to)
    scores, matches = _score_terms(index, parsed)
    for number, score in _id_scores(index, parsed).items():
        scores[number] = max(score, scores.get(number, 0.0))
    ranked = sorted(
        (
            (score, number)
            for number, score in scores.items()
            if score >= MIN_SCORE and filters.allows(index.facts[number])
        ),
        key=lambda pair: (-pair[0], pair[1]),
    )[:limit]
    return [
        Hit(index.facts[n], min(100.0, round(score, 1)), _matched(index, matches, n))
        for score, n in ranked
    ]


def _score_terms(
    index: SearchIndex, query: Query
) -> tuple[dict[int, float], dict[str, dict[str, float]]]:
    """Score every fact that shares a word with the query: IDF-weighted coverage plus phrase."""
    totals: dict[int, float] = defaultdict(float)
    matches: dict[str, dict[str, float]] = {}
    weight = 0.0
    for term in query.terms:
        found = index.candidates(term)
        matches[term] = found
        if not found:
            weight += index.unknown_idf
            continue
        best_quality = max(found.values())
        term_idf = max(index.idf[w] for w, q in found.items() if q == best_quality)
        weight += term_idf
        best: dict[int, float] = {}
        for word, quality in found.items():
            for number, place in index.postings[word].items():
                strength = quality * place
                if strength > best.get(number, 0.0):
                    best[number] = strength
        for number, strength in best.items():
            totals[number] += term_idf * strength
    if weight == 0.0:
        return {}, matches
    reachable = MIN_SCORE - 100 * _PHRASE_SHARE
    scores: dict[int, float] = {}
    for number, total in totals.items():
        coverage = total / weight
        base = 100 * (1 - _PHRASE_SHARE) * coverage
        if base < reachable:
            continue
        scores[number] = base + 100 * _PHRASE_SHARE * _phrase(index, query.phrase, number)
    return scores, matches


def _phrase(index: SearchIndex, phrase: tuple[str, ...], number: int) -> float:
    """How strongly the query occurs as written: 1 in the statement or tags, less in the quote."""
    if len(phrase) == 1:
        # One word "occurs as written" where it matched exactly.
        return index.postings.get(phrase[0], {}).get(number, 0.0)
    if not phrase:
        return 0.0
    needle = f" {' '.join(phrase)} "
    if needle in index.primary_texts[number]:
        return 1.0
    return _QUOTE if needle in index.quote_texts[number] else 0.0


def _id_scores(index: SearchIndex, query: Query) -> dict[int, float]:
    """A query that is a fact's id (or nearly) finds that fact first."""
    typed = fold(query.text).strip()
    if not typed or any(ch.isspace() for ch in typed) or len(typed) > MAX_WORD_LENGTH * 2:
        return {}
    if typed in index.ids:
        return {index.ids[typed]: 100.5}  # above any 100 so the id itself is listed first
    best = process.extractOne(typed, list(index.ids), scorer=fuzz.ratio, score_cutoff=90)
    return {index.ids[best[0]]: float(best[1])} if best else {}


def _matched(
    index: SearchIndex, matches: dict[str, dict[str, float]], number: int
) -> frozenset[str]:
    return frozenset(
        word for found in matches.values() for word in found if number in index.postings[word]
    )


def suggest(source: Store | SearchIndex, query: str | Query, limit: int = 5) -> list[str]:
    """Words the store contains that are closest to the query's unmatched words."""
    index = source if isinstance(source, SearchIndex) else SearchIndex.build(source)
    parsed = query if isinstance(query, Query) else Query.parse(query)
    choices = [w for w in index.vocabulary if len(w) > 2 and w not in STOPWORDS]
    suggestions: list[str] = []
    for term in parsed.terms:
        if index.candidates(term) or len(term) > MAX_WORD_LENGTH:
            continue
        # Jaro-Winkler favours a shared beginning, which is how people misspell a word.
        for choice, _, _ in process.extract(
            term, choices, scorer=JaroWinkler.normalized_similarity, score_cutoff=0.85, limit=3
        ):
            if choice not in suggestions:
                suggestions.append(choice)
        if len(suggestions) >= limit:
            break
    return suggestions[:limit]


def nearest_ids(store: Store, typed: str, limit: int = 3) -> list[str]:
    """The fact ids closest to ``typed``, for an id that does not exist."""
    ids = [fact.id for fact in store.facts]
    # WRatio is right here: a fragment such as "nuclear" should bring up "nuclear-power-plant".
    found = process.extract(
        fold(typed).strip(), ids, scorer=fuzz.WRatio, score_cutoff=70, limit=limit
    )
    return [choice for choice, _, _ in found]
