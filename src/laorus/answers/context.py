"""What an answer may say besides the answer: framing, the question's own words, idioms.

A judge does not count "it was Rosatom", "the energy sector" (the question asks about a sector)
or "two meetings" (the question counts meetings) as words too many; nor "N.A.T.O." as another
name than NATO, nor "twice" as another number than two.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from laorus.answers.words import Word, words
from laorus.text.numerals import find_numbers
from laorus.text.words import fold

_FRAMING = re.compile(
    r"^(?:(?:the\s+)?answer\s+is|i\s+think|(?:it|that|this|they|he|she)\s+(?:was|is|were|are|will\s+be)"
    r"|it['’]s|that['’]s|they['’]re|he['’]s|she['’]s)\s*[:,-]?\s+",
    re.IGNORECASE,
)
_DOTTED = re.compile(r"(?<![\w.])((?:[A-Za-z]\.){2,})(?=[\s,;:!?)]|$)")
_IDIOMS = (
    (re.compile(r"\bhalf\s+a\s+century\b", re.IGNORECASE), "fifty years"),
    (re.compile(r"\bthree\s+quarters\s+of\s+a\s+century\b", re.IGNORECASE), "seventy-five years"),
    (re.compile(r"\ba\s+century\b", re.IGNORECASE), "one hundred years"),
    (re.compile(r"\ba\s+decade\b", re.IGNORECASE), "ten years"),
    (re.compile(r"\ba\s+dozen\b", re.IGNORECASE), "twelve"),
    (re.compile(r"\ba\s+pair(?:\s+of)?\b", re.IGNORECASE), "two"),
    (re.compile(r"\btwice\b", re.IGNORECASE), "two"),
    (re.compile(r"\bthrice\b", re.IGNORECASE), "three"),
    (re.compile(r"\bonce\b", re.IGNORECASE), "one"),
    # A scale word that opens the answer alone: "hundred" (scholarships) is a hundred.
    (re.compile(r"^\s*(?=(?:hundred|thousand)\b)", re.IGNORECASE), "one "),
    # No \b before "#": it is no word character, so "#3" has no boundary before it.
    (re.compile(r"\b(?:number|no\.)\s*(?=\w)|(?<![^\s(])#(?=\d)", re.IGNORECASE), ""),
)
QUALIFIERS = frozenset(
    {
        *("not", "no", "never", "before", "after", "more", "less", "than", "about", "around"),
        *("over", "under", "nearly", "almost", "circa", "approximately", "least", "most"),
        *("only", "some", "several", "few", "many"),
    }
)
"""Words that change what an answer says, even when the question uses them too."""
INTENSIFIERS = frozenset({"very", "really", "extremely", "highly", "truly", "so"})
"""Words that only stress a description ("very generous"): no other claim than the word's."""
DEGREES = INTENSIFIERS | frozenset({"quite", "rather", "fairly", "pretty", "somewhat", "too"})
"""Words that say how much: beside an answer that has one ("quite modest"), another is wrong."""


def unframe(answer: str) -> str:
    """``answer`` without a framing opening: "it was Rosatom" is "Rosatom"."""
    framed = _FRAMING.match(answer)
    return answer[framed.end() :] if framed and answer[framed.end() :].strip() else answer


def undot(answer: str) -> str:
    """Dotted abbreviations written as one word: "N.A.T.O." is "NATO", "U.N. Charter" "UN"."""
    return _DOTTED.sub(lambda m: m.group(1).replace(".", ""), answer)


def number_idioms(answer: str) -> str:
    """A number said as an idiom, said as a number: "twice" is "two", "half a century" fifty."""
    for pattern, plain in _IDIOMS:
        answer = pattern.sub(plain, answer)
    answer = _DECADES.sub(_in_years, answer)
    return " ".join(answer.split())


_DECADES = re.compile(r"\b([\w-]+)\s+decades\b", re.IGNORECASE)


def _in_years(match: re.Match[str]) -> str:
    """ "five decades" as "50 years"; the words as they were if they count no decades."""
    found = find_numbers(match.group(1))
    if len(found) != 1 or found[0].value.denominator != 1 or found[0].end != len(match.group(1)):
        return match.group()
    return f"{int(found[0].value) * 10} years"


_RATE = re.compile(r"\s*\b(?:(?:a|per|each|every)\s+year|per\s+annum|yearly|annually)\b", re.I)
_RATE_ASKED = frozenset({"annually", "yearly"})


def without_rate(answer: str, asked: Collection[str]) -> str:
    """A number said with the rate the question asks about, without it: "100 a year" is 100
    when the question asks how many "annually"; otherwise the rate stays, a word too many."""
    return _RATE.sub("", answer).strip() if _RATE_ASKED & set(asked) else answer


def question_words(question: str) -> frozenset[str]:
    """The words of a question that an answer may repeat: no qualifiers, and a number only as
    the word the question writes ("first", not 1), so "the first forum" adds no second number."""
    found = words(question)
    said = {fold(w.surface) for w in found if w.number and not any(c.isdigit() for c in w.surface)}
    kept = {w.key for w in found if not w.number and w.key not in QUALIFIERS and w.key}
    return frozenset(kept | said)


def says_number(word: Word, asked: Collection[str]) -> bool:
    """Whether ``word`` is a number written as the question writes it ("first"), not a claim."""
    return word.number and fold(word.surface) in asked
