"""The words of a text answer, folded for comparison, and a typo-tolerant alignment of two answers.

A word is compared by its folded key: no accents, no case, no possessive "'s", "St" read as
"saint", British and American spellings as one ("organisation"), and a number (in digits or
words) read as its value. Articles, titles and small linking words are "stop" words and do not
count; words that only say what kind of thing a name is ("hospital", "province", "corporation")
are "generic": they may be left out, but are not enough.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from laorus.text.numerals import find_numbers
from laorus.text.spelling import spelling_key, word_cost
from laorus.text.words import fold

RANK_WORDS = frozenset({"president", "vice", "minister", "prime", "chairman", "chairwoman"})
"""The words of a title that say a person's rank ("Vice President" is another rank than
"President")."""
STOP_WORDS = RANK_WORDS | frozenset(
    " ".join(
        (
            "a an the of and in on at for to by with from either",
            "mr mrs ms miss mister dr doctor prof professor sir madam madame comrade excellency",
            "his her its their our own premier",
        )
    ).split()
)
"""Articles, titles and linking words: they never decide whether an answer is right."""

GENERIC_WORDS = frozenset(
    spelling_key(word)
    for word in " ".join(
        (
            "hospital school university institute college province city town village capital",
            "region district state republic federation kingdom corporation company group party",
            "forum summit conference society church organisation organization association",
            "commission committee council ministry agreement treaty declaration festival plant",
            "station port venue",
        )
    ).split()
)
"""Words that say what kind of thing a name is: optional, but too vague on their own (as keys,
in one spelling: "conference" is "conferense")."""

STATE_WORDS = frozenset({"republic", "kingdom", "federation", "empire"})
"""Generic words that may be left out but not added: "Kingdom of Laos" was another state."""

PLACE_WORDS = frozenset(
    spelling_key(word)
    for word in ("province", "city", "town", "village", "capital", "region", "district")
)
"""Generic words of a place: "Province of Xiengkhouang" is named by "Xiengkhouang" alone."""

LIST_MARKERS = frozenset({"or", "nor", "vs", "versus", "/"})
"""Words that join several guesses ("Putin or Lavrov")."""

_EXPANSIONS = {
    "st": "saint",
    "ste": "sainte",
    "mt": "mount",
    "ft": "fort",
    "sq": "square",
    "corp": "corporation",
}
_PARTS = frozenset(",;:()[]")
"""Punctuation between two words that keeps them two words."""
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|(?<!\d)/|/(?!\d)")


@dataclass(frozen=True, slots=True)
class Word:
    """One word of an answer: its folded key, how it was written, and what role it plays."""

    key: str
    surface: str
    number: bool = False
    role: str = "word"
    """"word" (distinctive), "generic", "stop", or "or" (a list marker)."""
    apart: bool = False
    """Punctuation that parts words (a comma, a semicolon) stands before it: "Vietnam, EAEU" is
    never one word "VietnamEAEU" mistyped."""


@dataclass(frozen=True, slots=True)
class Alignment:
    """How an answer's words line up with an expected answer's words."""

    cost: int
    """Total edits over the words matched despite a typo."""
    typos: tuple[str, ...]
    """The expected words matched despite a typo, as the expected answer writes them."""
    extra: tuple[Word, ...]
    """Words of the answer that match nothing expected (generic words are allowed)."""
    missing: tuple[Word, ...]
    """Required expected words that the answer lacks."""
    matched: int
    """Required expected words that the answer has."""
    generic: tuple[Word, ...]
    """Generic expected words that the answer has."""

    @property
    def accepted(self) -> bool:
        """Whether the answer has every required word and nothing else."""
        return not self.extra and not self.missing and self.matched > 0


@functools.lru_cache(maxsize=4096)
def words(text: str) -> tuple[Word, ...]:
    """The words of ``text`` in order, numbers read as values ("third" and "3rd" are "3")."""
    numbers = find_numbers(text)
    found: list[tuple[int, Word]] = []
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        if match.group() == "/":
            found.append((start, Word("/", "/", role="or")))
            continue
        inside = [n for n in numbers if n.start <= start and end <= n.end]
        if inside:
            continue
        # A word with digits in it ("G20", "100km") stays one word, not a number.
        numbers = [n for n in numbers if not (n.start < end and start < n.end)]
        found.append((start, _word(match.group())))
    for number in numbers:
        key = str(number.value) if number.value.denominator != 1 else str(int(number.value))
        found.append((number.start, Word(key, text[number.start : number.end], number=True)))
    found.sort(key=lambda item: item[0])
    # Cached: the quiz grades every answer against the same rivals and forms.
    ends = [start + len(word.surface) for start, word in found]
    parted = [
        at > 0 and any(char in _PARTS for char in text[ends[at - 1] : start])
        for at, (start, _) in enumerate(found)
    ]
    return tuple(
        replace(word, apart=True) if apart else word
        for (_, word), apart in zip(found, parted, strict=True)
    )


def _word(token: str) -> Word:
    key = fold(token).replace("’", "'")
    if key.endswith("'s"):
        key = key[:-2]
    key = _EXPANSIONS.get(key.replace("'", ""), key.replace("'", ""))
    key = spelling_key(key)  # "organisation" and "organization" are one word
    if key in LIST_MARKERS:
        return Word(key, token, role="or")
    role = "stop" if key in STOP_WORDS else "generic" if key in GENERIC_WORDS else "word"
    return Word(key, token, role=role)


def has_list_marker(found: Sequence[Word]) -> bool:
    """Whether the words join several guesses with "or", "/" and the like."""
    return any(word.role == "or" for word in found)


def split_list(found: Sequence[Word]) -> list[list[Word]]:
    """The guesses of "A or B", each a list of words (empty ones dropped)."""
    parts: list[list[Word]] = [[]]
    for word in found:
        if word.role == "or":
            parts.append([])
        else:
            parts[-1].append(word)
    return [part for part in parts if part]


def significant(found: Sequence[Word]) -> list[Word]:
    """The words that count: all but stop words and list markers (or the stop words, if only)."""
    kept = [word for word in found if word.role in ("word", "generic")]
    if kept:
        return kept
    return [replace(word, role="word") for word in found if word.role == "stop"]


def align(
    answer: Sequence[Word], expected: Sequence[Word], known: Collection[str] = ()
) -> Alignment:
    """Match each answer word to an expected word, in any order, cheapest matches first.

    A word of the answer that is in ``known`` (or is an English word) is never taken for a typo.
    """
    given, wanted = significant(answer), significant(_bound_kind_words(expected))
    # An initial ("V. Putin") neither adds a word nor stands for one.
    initials = [w for w in given if len(w.key) == 1 and w.key.isalpha()]
    if len(initials) < len(given):
        given = [w for w in given if w not in initials]
    required = {"word"} if any(w.role == "word" for w in wanted) else {"word", "generic"}
    used_given: set[int] = set()
    used_wanted: set[int] = set()
    cost = 0
    typos: list[str] = []

    def cheapest(candidate: _Candidate) -> tuple[int, bool, int]:
        # Fewest edits first; among free matches, identical words before plurals, so that
        # "russian" is not taken by "russians" when it is also there itself.
        edits, taken, covered = candidate
        same = [given[i].key for i in taken] == [wanted[j].key for j in covered]
        return edits, not same, -(len(taken) + len(covered))

    for edits, taken, covered in sorted(_candidates(given, wanted, known), key=cheapest):
        if used_given.intersection(taken) or used_wanted.intersection(covered):
            continue
        used_given.update(taken)
        used_wanted.update(covered)
        cost += edits
        if edits:
            typos.append(" ".join(wanted[j].surface for j in covered))
    missing = [w for j, w in enumerate(wanted) if j not in used_wanted and w.role in required]
    found = [w for j, w in enumerate(wanted) if j in used_wanted]
    matched = sum(w.role in required for w in found)
    # A generic word may be added ("Rosatom corporation"), but not in place of the answer, and
    # not one that makes a name another state ("Republic of China" is not China).
    # Nor one in place of the expected kind word: a "Church" is not a "Federation".
    other_kind = any(w.role == "generic" for j, w in enumerate(wanted) if j not in used_wanted)
    extra = [
        w
        for i, w in enumerate(given)
        if i not in used_given
        and (w.role != "generic" or not (matched or found) or w.key in STATE_WORDS or other_kind)
    ]
    generic = tuple(w for w in found if w.role == "generic")
    return Alignment(cost, tuple(typos), tuple(extra), tuple(missing), matched, generic)


def _bound_kind_words(expected: Sequence[Word]) -> Sequence[Word]:
    """The expected words, with the kind words of an "X of Y" that name it only with the rest
    made required: the head before "of" ("Council of Heads of Member States": "Heads of Member
    States" names its members, not the council), unless it is a place's ("Province of
    Xiengkhouang"); a kind word right after "of" ("Heads of State": "Council of Heads" is
    another council), and one right after that ("Heads of State Council"). A kind word further
    on stays optional ("parish of the Russian Orthodox Church")."""
    bound: list[int] = []
    for at, word in enumerate(expected):
        if word.role != "generic" or word.key in STATE_WORDS:
            continue
        if (
            (word.key not in PLACE_WORDS and _of_at(expected, at + 1))
            or _of_at(expected, at - 1)
            or at - 1 in bound  # "Heads of State Council": the head of "Heads of State"
        ):
            bound.append(at)
    if not bound:
        return expected
    return [replace(w, role="word") if at in bound else w for at, w in enumerate(expected)]


def _of_at(found: Sequence[Word], at: int) -> bool:
    return 0 <= at < len(found) and found[at].key == "of"


_Candidate = tuple[int, tuple[int, ...], tuple[int, ...]]


def _candidates(given: list[Word], wanted: list[Word], known: Collection[str]) -> list[_Candidate]:
    """Possible matches: word to word, and two words to one ("Xieng Khouang")."""
    found: list[_Candidate] = []
    acronyms = [_is_acronym(other.surface) for other in wanted]
    for i, word in enumerate(given):
        for j, other in enumerate(wanted):
            if word.number or other.number:
                if word.number and other.number and word.key == other.key:
                    found.append((0, (i,), (j,)))
                continue
            if acronyms[j]:
                # An acronym is a name of its own: "BRIC" is not a plural short of "BRICS".
                edits: int | None = 0 if word.key == other.key else None
            else:
                edits = word_cost(word.key, other.key, known)
            if edits is not None:
                found.append((edits, (i,), (j,)))
    found.extend((e, a, b) for e, b, a in _joined(wanted, given, known, given_left=False))
    found.extend(_joined(given, wanted, known, given_left=True))
    # No acronym is read from initials: "Eastern European Forum" spells EEF too. An
    # abbreviation matches its expansion only as a known form (the names vocabulary, accept).
    return found


def _is_acronym(surface: str) -> bool:
    """Whether a word is written as an acronym: two or more capitals and nothing else (BRICS)."""
    return len(surface) >= 2 and surface.isalpha() and surface.isupper()


def _joined(
    left: list[Word], right: list[Word], known: Collection[str], *, given_left: bool
) -> list[_Candidate]:
    """Two adjacent words of ``left`` written as one word of ``right``."""
    found: list[_Candidate] = []
    for i in range(len(left) - 1):
        if left[i].number or left[i + 1].number or left[i + 1].apart:
            continue
        key = left[i].key + left[i + 1].key
        for j, word in enumerate(right):
            if word.number:
                continue
            # The typo, if any, is the answer's: weigh it against the expected word.
            pair = (key, word.key) if given_left else (word.key, key)
            edits = word_cost(*pair, known)
            if edits is not None:
                found.append((edits, (i, i + 1), (j,)))
    return found


def key_set(found: Sequence[Word]) -> frozenset[str]:
    """The keys of the words that count, for telling whether two names overlap."""
    return frozenset(word.key for word in significant(found))
