"""Rank facts by fuzzy relevance to what a person typed: typos, any word order, rare words first."""

from __future__ import annotations

import bisect
import heapq
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, JaroWinkler

from laorus.errors import LaorusError
from laorus.search.index import QUOTE, FilterFields, Index, SearchIndex, idf
from laorus.search.query import IGNORED, Query
from laorus.store.model import Fact, Store
from laorus.text.forms import stem
from laorus.text.words import fold, same_words

__all__ = [
    "MAX_WORD_LENGTH",
    "MIN_SCORE",
    "STEM_MATCH",
    "Filters",
    "Hit",
    "NoWordsToSearch",
    "nearest_ids",
    "search",
    "suggest",
]

MIN_SCORE = 50.0
"""Hits scoring below this (0-100) are not shown: less than about half the query matched."""
MAX_WORD_LENGTH = 64
"""Longer 'words' cannot be in any article; they count as unmatched without being compared."""

STEM_MATCH = 0.9
"""How well another form of a word matches ("twinned" for "twinning"): less than the word itself."""

_MAX_FUZZY = 20
_MAX_PREFIX = 50
_MIN_PREFIX = 5
_PHRASE_SHARE = 0.1


def _allowed_edits(word: str) -> int:
    # Short words must be exact ("Lao" is not "law"); numbers must be exact (1954 is not 1955).
    if len(word) <= 3 or any(ch.isdigit() for ch in word):
        return 0
    return 1 if len(word) < 8 else 2


class NoWordsToSearch(LaorusError):
    """A query of question words and filler only: nothing in it can name a fact."""

    def __init__(self, text: str) -> None:
        shown = text.strip() if len(text.strip()) <= 60 else f"{text.strip()[:57]}..."
        super().__init__(
            f"{shown!r} has only question words and common words such as 'what' or 'the';"
            " try a name, a place or a date, e.g. 'Kazan', 'elephants' or '1975'"
        )


@dataclass(frozen=True, slots=True)
class Hit:
    """A fact that matches a query, its score (0-100) and the folded words that matched."""

    fact: Fact
    score: float
    matched: frozenset[str] = frozenset()


def candidates(index: Index, word: str, *, capitalised: bool = False) -> dict[str, float]:
    """Vocabulary words close to ``word``, each with a match quality from 0 to 1.

    The word itself is 1; another form of it (the same stem) STEM_MATCH; a typo or the start
    of a longer word less the more it differs. A ``capitalised`` word is held to more: if it is
    an English word it is no typo of another ("Mars" is not "marks"), and if it is not, it is
    taken for a name, which matches no common word but itself ("Paris" is not "parish").
    """
    found: dict[str, float] = {}
    if len(word) > MAX_WORD_LENGTH:
        return found
    exact = bool(index.posting(word))
    if exact:
        found[word] = 1.0
    # The index knows the stem of its own words; only a word it lacks loads the stemmer.
    word_stem = index.stem_of(word) if exact else stem(word)
    if word_stem is not None:
        for form in index.forms(word_stem):
            if form != word:
                found[form] = STEM_MATCH
    edits = _allowed_edits(word)
    typos = _add_near(index, word, edits, found) if edits > 0 else set()
    if capitalised and len(found) > int(exact):
        _drop_false_friends(word, found, typos)
    return found


def _add_near(index: Index, word: str, edits: int, found: dict[str, float]) -> set[str]:
    """Add the words ``word`` may be a typo of, and the words it begins; return the typos."""
    vocabulary = index.vocabulary
    typos = set()
    for choice, distance, _ in process.extract(
        word, vocabulary, scorer=OSA.distance, score_cutoff=edits, limit=_MAX_FUZZY
    ):
        quality = 1 - distance / max(len(word), len(choice))
        if choice not in found:  # not the word itself nor another form of it
            typos.add(choice)
        found[choice] = max(found.get(choice, 0.0), quality)
    # A word typed as the start of a longer one ("invest", "educat") also counts.
    if len(word) < _MIN_PREFIX:
        return typos
    start = bisect.bisect_left(vocabulary, word)
    for choice in vocabulary[start : start + _MAX_PREFIX]:
        if not choice.startswith(word):
            break
        quality = 0.75 + 0.2 * len(word) / len(choice)
        found[choice] = max(found.get(choice, 0.0), quality)
    return typos


def _drop_false_friends(word: str, found: dict[str, float], typos: set[str]) -> None:
    """Keep a capitalised word from matching what it only looks like.

    An English word ("Mars") matches no typo of it but another spelling ("Organization"); a
    name ("Paris") matches no common English word by a typo, a prefix or a stem.
    """
    # Only here the word list (about 10 ms to load): a capitalised word with near matches.
    from laorus.text.spelling import english_words, same_spelling

    common = english_words()
    if word in common:
        dropped = [c for c in typos if not same_spelling(word, c)]
    else:
        dropped = [c for c in found if c != word and c in common]
    for choice in dropped:
        del found[choice]


def _is_false_friend(name: str, word: str) -> bool:
    """Whether ``word`` is a common word and ``name``, typed with a capital, is not."""
    from laorus.text.spelling import english_words

    common = english_words()
    return word in common and name not in common


@dataclass(frozen=True, slots=True)
class Filters:
    """Restrictions on which facts may be returned."""

    category: str | None = None
    tag: str | None = None
    year_from: int | None = None
    year_to: int | None = None

    @property
    def active(self) -> bool:
        """Whether any filter is set."""
        return not (
            self.category is None
            and self.tag is None
            and self.year_from is None
            and self.year_to is None
        )

    def allows_fields(self, fields: FilterFields) -> bool:
        """Whether a fact with these filter fields passes every filter."""
        category, tags, first, last = fields
        if self.category is not None and category != self.category:
            return False
        if self.tag is not None and same_words(self.tag) not in tags:
            return False
        if self.year_from is None and self.year_to is None:
            return True
        if first is None or last is None:
            return False
        low = self.year_from if self.year_from is not None else first
        high = self.year_to if self.year_to is not None else last
        return first <= high and last >= low


def search(
    source: Store | Index,
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
    index = source if not isinstance(source, Store) else SearchIndex.build(source)
    parsed = (query if isinstance(query, Query) else Query.parse(query)).for_index(index)
    filters = Filters(category, tag, year_from, year_to)
    scores, matches = _score_terms(index, parsed)
    by_id = _id_scores(index, parsed)
    if not parsed.terms and not by_id:
        raise NoWordsToSearch(parsed.text)
    for number, score in by_id.items():
        scores[number] = max(score, scores.get(number, 0.0))
    good = [number for number, score in scores.items() if score >= MIN_SCORE]
    if filters.active:
        fields = index.filter_fields(good)
        good = [number for number in good if filters.allows_fields(fields[number])]
    # Best first; equal scores in the store's order. Same as sorting all, without sorting all.
    ranked = heapq.nsmallest(limit, good, key=lambda number: (-scores[number], number))
    facts = index.facts_at(ranked)
    return [
        Hit(facts[n], min(100.0, round(scores[n], 1)), _matched(index, matches, n)) for n in ranked
    ]


def _score_terms(
    index: Index, query: Query
) -> tuple[dict[int, float], dict[str, dict[str, float]]]:
    """Score every fact that shares a word with the query: IDF-weighted coverage plus phrase."""
    totals: dict[int, float] = defaultdict(float)
    matches: dict[str, dict[str, float]] = {}
    weight = 0.0
    total = index.total
    for term in query.terms:
        found = candidates(index, term, capitalised=term in query.capitalised)
        matches[term] = found
        if not found:
            weight += idf(total, 1)  # an unknown word weighs as much as the rarest one
            continue
        best_quality = max(found.values())
        term_idf = max(
            idf(total, len(index.posting(w))) for w, q in found.items() if q == best_quality
        )
        weight += term_idf
        best: dict[int, float] = {}
        for word, quality in found.items():
            for number, place in index.posting(word).items():
                strength = quality * place
                if strength > best.get(number, 0.0):
                    best[number] = strength
        for number, strength in best.items():
            totals[number] += term_idf * strength
    if weight == 0.0:
        return {}, matches
    reachable = MIN_SCORE - 100 * _PHRASE_SHARE
    bases: dict[int, float] = {}
    for number, sum_ in totals.items():
        coverage = sum_ / weight
        base = 100 * (1 - _PHRASE_SHARE) * coverage
        if base >= reachable:
            bases[number] = base
    phrase = _phrase_scores(index, query.phrase, bases)
    scores = {n: base + 100 * _PHRASE_SHARE * phrase.get(n, 0.0) for n, base in bases.items()}
    return scores, matches


def _phrase_scores(
    index: Index, phrase: tuple[str, ...], numbers: Iterable[int]
) -> Mapping[int, float]:
    """How strongly the query occurs as written: 1 in the statement or tags, less in the quote."""
    if len(phrase) == 1:
        # One word "occurs as written" where it matched exactly.
        return index.posting(phrase[0])
    if not phrase:
        return {}
    needle = f" {' '.join(phrase)} "
    found: dict[int, float] = {}
    for number, (primary, quote) in index.phrase_texts(numbers).items():
        if needle in primary:
            found[number] = 1.0
        elif needle in quote:
            found[number] = QUOTE
    return found


def _id_scores(index: Index, query: Query) -> dict[int, float]:
    """A query that is a fact's id (or nearly) finds that fact first."""
    typed = fold(query.text).strip()
    if not typed or any(ch.isspace() for ch in typed) or len(typed) > MAX_WORD_LENGTH * 2:
        return {}
    exact = index.number_of(typed)
    if exact is not None:
        return {exact: 100.5}  # above any 100 so the id itself is listed first
    if any(ch.isupper() for ch in query.text):
        return {}  # ids are typed in lower case; a word with capitals is a name ("Paris")
    best = process.extractOne(typed, index.id_list(), scorer=fuzz.ratio, score_cutoff=90)
    number = index.number_of(best[0]) if best else None
    return {number: float(best[1])} if best and number is not None else {}


def _matched(index: Index, matches: dict[str, dict[str, float]], number: int) -> frozenset[str]:
    return frozenset(
        word for found in matches.values() for word in found if number in index.posting(word)
    )


RELATED_PREFIX = 4
"""How many first letters a word spelt right shares with a word suggested for it ("nucle")."""


def unknown_words(source: Store | Index, query: str | Query) -> list[str]:
    """The query's words that match no word of the store, in any form or spelling."""
    index = source if not isinstance(source, Store) else SearchIndex.build(source)
    parsed = (query if isinstance(query, Query) else Query.parse(query)).for_index(index)
    return [
        term
        for term in parsed.terms
        if not candidates(index, term, capitalised=term in parsed.capitalised)
    ]


def suggest(source: Store | Index, query: str | Query, limit: int = 5) -> list[str]:
    """Words the store contains that are closest to the query's unmatched words.

    For a misspelt word, the words it may be a typo of; for an English word spelt right
    ("signed"), only related words, which share its first RELATED_PREFIX letters ("nucleus":
    "nuclear"), never a word that only looks like it ("since").
    """
    index = source if not isinstance(source, Store) else SearchIndex.build(source)
    parsed = (query if isinstance(query, Query) else Query.parse(query)).for_index(index)
    choices = [w for w in index.vocabulary if len(w) > 2 and w not in IGNORED]
    suggestions: list[str] = []
    for term in parsed.terms:
        capitalised = term in parsed.capitalised
        if candidates(index, term, capitalised=capitalised) or len(term) > MAX_WORD_LENGTH:
            continue
        from laorus.text.spelling import english_words

        spelt_right = term in english_words()
        # Jaro-Winkler favours a shared beginning, which is how people misspell a word.
        for choice, _, _ in process.extract(
            term, choices, scorer=JaroWinkler.normalized_similarity, score_cutoff=0.85, limit=3
        ):
            if capitalised and _is_false_friend(term, choice):
                continue
            if spelt_right and choice[:RELATED_PREFIX] != term[:RELATED_PREFIX]:
                continue
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
