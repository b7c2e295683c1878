"""Tell a typo from a different word: the typo budget and what a typo may never be.

A typed word is a typo of the word wanted when it is within an edit budget that grows with the
word's length (a swapped pair of letters counts as one edit), and when it is not itself a word:

- its first letter is right (people seldom mistype the first letter, and a different first
  letter is how most look-alike words differ: "dependent" and "independent", "dining" and
  "mining");
- it is no English word ("minting" is a word, so it is not "mining" mistyped) and no word the
  caller knows in its own right (the words of the other answers and names of the article).

The English words are SCOWL's size-35 list (see english_words.txt), loaded the first time a typo
is weighed. British and American spellings of one word ("organisation", "organization";
"centre", "center") are the same word, not a typo.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection
from pathlib import Path

from rapidfuzz.distance import OSA

# British endings and their American forms, the regular patterns only; applied to both words,
# so that two spellings of one word compare equal.
_AMERICAN = (
    (re.compile(r"is(e|es|ed|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"ys(e|es|ed|ing)$"), r"yz\1"),
    (re.compile(r"(?<=\w\w)our(s|ed|ing|ite|ites|able|ful)?$"), r"or\1"),
    (re.compile(r"tre(s)?$"), r"ter\1"),
    (re.compile(r"ence(s)?$"), r"ense\1"),
    (re.compile(r"ogue(s)?$"), r"og\1"),
    (re.compile(r"ll(ed|ing|er|ers|or|ors)$"), r"l\1"),
    (re.compile(r"amme(s)?$"), r"am\1"),
)
_BRITISH = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"iz(e|es|ed|ing|ation|ations)$", r"is\1"),
        (r"yz(e|es|ed|ing)$", r"ys\1"),
        (r"(?<=\w\w)or(s|ed|ing|ite|ites|able|ful)?$", r"our\1"),
        (r"ter(s)?$", r"tre\1"),
        (r"ense(s)?$", r"ence\1"),
        (r"og(s)?$", r"ogue\1"),
        (r"l(ed|ing|er|ers|or|ors)$", r"ll\1"),
        (r"am(s)?$", r"amme\1"),
    )
)
"""The same patterns backwards: the spellings a word's spelling key may have come from."""


def typo_budget(length: int) -> int:
    """How many edits a word of this length may have and still match: short words none."""
    return 0 if length <= 4 else 1 if length <= 8 else 2 if length <= 12 else 3


@functools.cache
def english_words() -> frozenset[str]:
    """The English words that are never a typo of another word (lower case, no accents)."""
    lines = Path(__file__).with_name("english_words.txt").read_text(encoding="utf-8").splitlines()
    notice = next(i for i, line in enumerate(lines) if not line.startswith("#"))
    return frozenset(lines[notice:])


def same_spelling(first: str, second: str) -> bool:
    """Whether two folded words are British and American spellings of one word."""
    return len(first) >= 5 and len(second) >= 5 and _american(first) == _american(second)


def spelling_key(word: str) -> str:
    """One spelling of a folded word for British and American: "organisation" is "organization"."""
    return _american(word) if len(word) >= 5 else word


def _is_english(word: str) -> bool:
    """Whether a folded word, or a spelling its spelling key may stand for, is an English word."""
    found = english_words()
    if word in found:
        return True
    return any(alt != word and alt in found for alt in (p.sub(r, word) for p, r in _BRITISH))


@functools.lru_cache(maxsize=8192)
def _american(word: str) -> str:
    for pattern, replacement in _AMERICAN:
        word = pattern.sub(replacement, word)
    return word


def _plural(one: str, many: str) -> bool:
    """Whether ``many`` is the regular plural of ``one``: forums, churches, ministries."""
    if many == one + "s":
        return True
    if many == one + "es":
        return one.endswith(("s", "x", "z", "ch", "sh"))  # not "plan" and "planes"
    return one.endswith("y") and many == one[:-1] + "ies"


def word_cost(given: str, wanted: str, known: Collection[str] = ()) -> int | None:
    """Edits from ``given`` to ``wanted`` if it is a typo of it; None if it is another word.

    ``known`` are words that stand for themselves besides the English ones, such as the other
    names of the article.
    """
    if given == wanted:
        return 0
    if not given or not wanted or given[0] != wanted[0]:
        return None  # a plural, another spelling and a typo all keep the first letter
    distance = _cost(given, wanted)
    if distance is None or distance == 0:
        return distance
    # Only now the word list: most answers never need it, and it takes about 10 ms to load.
    if given in known or _is_english(given):
        return None
    return distance


@functools.lru_cache(maxsize=65536)
def _cost(given: str, wanted: str) -> int | None:
    """Edits from ``given`` to ``wanted`` (same first letter) within the typo budget, or None;
    0 for a plural or another spelling. Cached: the grader weighs the same pairs again and
    again, against every rival of every answer."""
    if min(len(given), len(wanted)) >= 4 and (_plural(given, wanted) or _plural(wanted, given)):
        return 0  # a plural is not a typo
    if same_spelling(given, wanted):
        return 0
    budget = typo_budget(len(wanted))
    if budget == 0:
        return None
    # OSA counts a swapped pair of letters ("Ocotber") as one typo, as people make them.
    distance = int(OSA.distance(given, wanted, score_cutoff=budget))
    return None if distance > budget else distance
