"""Fill-in-the-blank items cut from the article: a sentence with a date, number or name blanked."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from laorus.errors import LaorusError
from laorus.quiz.memo import memo
from laorus.quiz.overview import Span, article_sentences, overview, quoted_sentences, with_spans
from laorus.store.model import Fact, Name, Store
from laorus.text.dates import DAY_AND_MONTH, FULL_DATE, MONTH_YEAR, YEAR
from laorus.text.numerals import find_numbers, number_word, ordinal_word
from laorus.text.sentences import Sentence, covering

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
_FULL_DATE = re.compile(FULL_DATE)


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


def _elsewhere(text: str, start: int, forms: tuple[str, ...]) -> bool:
    """Whether one of ``forms`` (the blanked words and their other forms) occurs in ``text``
    outside the blank at ``start``: that copy would give the answer away."""
    end = start + len(forms[0])
    for form in forms:
        for match in re.finditer(rf"\b{re.escape(form)}\b", text, re.IGNORECASE):
            if match.end() <= start or end <= match.start():
                return True
    return False


_GIVEN_BY = ("capital",)
"""Words that, right before a name, tell it without the article ("the capital, _____")."""


def _in_title(words: str, title: str) -> bool:
    """Whether the title gives the blanked number ("65th" in "65 Years of ...")."""
    number = re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", words)
    return number is not None and re.search(rf"\b{number.group(1)}\b", title) is not None


def _titled(before: str, name: Name | None) -> bool:
    """Whether ``before`` ends with a title (or the start of one) that names the blank: the
    person's own title ("President of the Russian Federation _____"), or "the capital"."""
    tail = before.rstrip(" ,").casefold()
    if any(tail.endswith(word) for word in _GIVEN_BY):
        return True
    if name is None:
        return False
    for title in name.titles:
        parts = title.casefold().split()
        # "Minister of Foreign Affairs" opens "Minister of Foreign Affairs of the Lao PDR".
        if any(tail.endswith(" ".join(parts[:n])) for n in range(2, len(parts) + 1)):
            return True
    return False


_LONGEST = 5
"""Most words a blank may take: a longer name is a title to recite, not a fact to recall."""
_ANAPHORS = frozenset({"this", "these", "those", "such", "it", "its", "they", "them", "their"})
"""Words that point back to an earlier sentence ("in these matters", "many of them")."""
_LINKING = (
    "a an the of and or in on at for to by with from as is are was were be been has have had",
    "that which who we our us there here also very many much some all more most not no among",
)
_FUNCTION_WORDS = _ANAPHORS | frozenset(" ".join(_LINKING).split())
_SPARE = 5
"""Fewest words of their own (besides the title's names) a sentence that points back must
keep around its blank for the blank to be answerable from the sentence alone."""


_EXAMPLE_OF_EARLIER = re.compile(
    r"\b(?:them|these|those|they)\W*such\s+as(?:\s+the)?\s*$", re.IGNORECASE
)
"""A blank that is an example of what an earlier sentence named ("Many of them - such as the
_____ -"): the sentence does not say what it is an example of."""


def _says_too_little(text: str, start: int, words: str, title: str) -> bool:
    """Whether the sentence, without its blank, is too bare to point to the answer: the blank
    takes more than a few words, is an example of what an earlier sentence named, or the
    sentence leans on an earlier one ("plays a role in these matters") and says little of its
    own."""
    if len(words.split()) > _LONGEST or _EXAMPLE_OF_EARLIER.search(text[:start]):
        return True
    rest = re.findall(r"[\w'-]+", (text[:start] + " " + text[start + len(words) :]).casefold())
    if not _ANAPHORS & set(rest):
        return False
    titled = set(re.findall(r"[\w'-]+", title.casefold()))
    own = {w for w in rest if w not in _FUNCTION_WORDS and w not in titled}
    return len(own) < _SPARE


_GOVERNMENT_AFTER = re.compile(
    r"(?:'s|’s|\s+(?:authorities|government|leadership|officials))\b", re.IGNORECASE
)
_ACTOR = (
    re.compile(r"\b(?:allow|enable|help|invite|encourage|urge|expect|want|ask)(?:s|ed|ing)?\s+$"),
    re.compile(r"^\s+to\s+[a-z]+"),
)
"""A name between a verb of letting or asking and an infinitive ("allow _____ to become") is
the one who acts: a state, not a city."""


def _city_as_state(text: str, start: int, words: str, kind: str) -> bool:
    """Whether a city name stands for its state's government, not the city ("Vientiane's
    chairmanship of ASEAN", "the Vientiane authorities", "allow Vientiane to become..."):
    a hint "(a city)" would be false there. Its possessive, a government word after it, or an
    infinitive it is the actor of tell."""
    if kind != "city":
        return False
    end = start + len(words)
    if _GOVERNMENT_AFTER.match(text, end):
        return True
    before, after = _ACTOR
    return bool(before.search(text[:start]) and after.match(text[end:]))


_YEARS_OF = re.compile(r"\b(\d{1,3})(?:\s+years\b|(?:st|nd|rd|th)\s+anniversary\b)")
_A_YEAR = re.compile(r"(?<![\d,.])(1\d{3}|20\d{2})(?![\d])")


def _by_arithmetic(text: str, start: int, words: str, kind: str) -> bool:
    """Whether the blank follows from the sentence's own numbers by adding or subtracting:
    "_____ years since ... 1975" in a sentence that says 2025, or "For Laos, _____ is marked
    by ... 70 years of the Party (1955)"."""
    rest = text[:start] + " " * len(words) + text[start + len(words) :]
    years = {int(y) for y in _A_YEAR.findall(rest)}
    if kind == "number":
        counted = _YEARS_OF.match(text, start)
        if counted is None or not counted.end(1) <= start + len(words) <= counted.end():
            return False
        number = int(counted.group(1))
        return any(later - number in years for later in years)
    if kind == "year" and words.isdigit():
        spans = {int(n) for n in _YEARS_OF.findall(rest)}
        year = int(words)
        return any(year - n in years or year + n in years for n in spans)
    return False


_LISTED_AFTER = re.compile(r"(?:\s*:|\s+[-–—])\s+(.+)$")


def _counted_after(text: str, start: int, words: str, kind: str) -> bool:
    """Whether the sentence counts out the blanked number itself: "_____ meetings took place -
    on May 9 in Moscow and on October 24 in Kazan" lists two after its dash."""
    numbers = find_numbers(words)
    if kind != "number" or len(numbers) != 1 or numbers[0].ordinal:
        return False
    listed = _LISTED_AFTER.search(text, start + len(words))
    if listed is None:
        return False
    # Dates hold commas of their own ("May 9, 2024"); ", and" separates once.
    items = _FULL_DATE.sub("a date", listed.group(1)).replace(", and ", " and ")
    count = 1 + items.count(", ") + len(re.findall(r"\band\b", items))
    return count == numbers[0].value


def name_kinds(store: Store) -> dict[str, str]:
    """The names a blank may take, and each one's kind: the vocabulary's (city, company...),
    else the kind a fact lists it under; never a name of the title (Russia, Laos), which is in
    nearly every sentence and asks nothing a reader could not guess."""
    found = dict(overview(store).name_kinds)
    found.update((name.name, name.kind) for name in store.names if not name.guessed)
    for listed in list(found):
        known = store.name_of(listed)
        if known is not None and not known.guessed:
            found[listed] = known.kind
    title = store.source.title
    return {
        name: kind
        for name, kind in found.items()
        if not any(_named(form, title) for form in _forms_of(store, name))
    }


def _named(name: str, text: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) is not None


def _forms_of(store: Store, words: str) -> tuple[str, ...]:
    """The blanked words first, then every other form the vocabulary gives them."""
    from laorus.answers.names import accepted_forms

    return accepted_forms(words, (), store)


def blanks(store: Store, facts: tuple[Fact, ...] | None = None) -> dict[str, list[Blank]]:
    """Every cloze item the quoted sentences of ``facts`` allow, keyed by fact id, in order.

    No blank whose words (or another form of them) the sentence repeats, nor one a title right
    before it tells ("President of the Russian Federation _____").
    """
    if facts is None and store.partial:
        msg = f"{store.path}: the blanks of every fact need every fact of the store"
        raise LaorusError(msg)
    chosen = store.facts if facts is None else facts
    found = {}
    for fact in chosen:
        items = fact_blanks(store, fact.id, fact.quote_start, fact.quote_end)
        if items:
            found[fact.id] = items
    return found


def fact_blanks(store: Store, fact_id: str, quote_start: int, quote_end: int) -> list[Blank]:
    """The blanks of the fact quoting [quote_start, quote_end) of the article, in order: the
    words its sentences allow to blank (whoever quotes them) that lie within its quote."""
    quoted = covering(article_sentences(store), quote_start, quote_end)
    return [
        Blank(fact_id, sentence, *span)
        for sentence, span in quoted_spans(sentence_spans(store), quoted, quote_start, quote_end)
    ]


def quoted_spans(
    spans: Mapping[int, tuple[Span, ...]],
    quoted: Sequence[Sentence],
    quote_start: int,
    quote_end: int,
) -> Iterator[tuple[Sentence, Span]]:
    """Of the ``spans`` (sentence_spans) of the ``quoted`` sentences, those that lie within
    [quote_start, quote_end) of the article, sentence by sentence."""
    for sentence in quoted:
        for span in spans.get(sentence.start, ()):
            absolute = sentence.start + span[0]
            if quote_start <= absolute and absolute + len(span[1]) <= quote_end:
                yield sentence, span


def sentence_spans(store: Store) -> Mapping[int, tuple[Span, ...]]:
    """Each quoted sentence's offset, and what a cloze item may blank in it, whoever quotes it:
    worked out once for a store (and kept in its cache file with its overview)."""
    spans = overview(store).spans
    if spans is None:
        quoted = {s.start: s for taken in quoted_sentences(store).values() for s in taken}
        found = {start: tuple(_sentence_blanks(store, quoted[start])) for start in sorted(quoted)}
        spans = with_spans(store, found).spans
        assert spans is not None
    return spans


def _sentence_blanks(store: Store, sentence: Sentence) -> list[tuple[int, str, str]]:
    """(start, words, kind) of each span of the sentence that may be blanked, whoever quotes it."""
    cache = memo(store)
    kinds = cache.get("name kinds")
    if kinds is None:
        kinds = cache["name kinds"] = name_kinds(store)
    found = []
    for start, words, kind in _spans(sentence.text, kinds):
        if _elsewhere(sentence.text, start, _forms_of(store, words)):
            continue
        if _in_title(words, store.source.title):
            continue
        if (
            _says_too_little(sentence.text, start, words, store.source.title)
            or _city_as_state(sentence.text, start, words, kind)
            or _by_arithmetic(sentence.text, start, words, kind)
            or _counted_after(sentence.text, start, words, kind)
        ):
            continue
        if not _titled(sentence.text[:start], store.name_of(words)):
            found.append((start, words, kind))
    return found


def distinct(found: dict[str, list[Blank]]) -> dict[int, list[Blank]]:
    """Each blank once, grouped by the offset of its sentence in the article (see BlankPool)."""
    pool = BlankPool()
    for options in found.values():
        for blank in options:
            pool.add(blank.fact_id, blank.sentence, (blank.start, blank.answer, blank.kind))
    return pool.by_sentence


@dataclass(slots=True)
class BlankPool:
    """Each blank once, grouped by the offset of its sentence in the article.

    Facts that quote the same sentence offer the same blanks; the first fact added (in store
    order) keeps each, so its history key does not depend on the others.
    """

    by_sentence: dict[int, list[Blank]] = field(default_factory=dict)
    seen: set[tuple[int, int, str]] = field(default_factory=set)

    def add(self, fact_id: str, sentence: Sentence, span: Span) -> None:
        """The blank of ``span`` in ``sentence`` for this fact, unless an earlier fact has it."""
        identity = (sentence.start, span[0], span[1])
        if identity not in self.seen:
            self.seen.add(identity)
            self.by_sentence.setdefault(sentence.start, []).append(Blank(fact_id, sentence, *span))
