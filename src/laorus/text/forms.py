"""Word forms that should meet: stems (twinned, twin), digits for number words, parts of names.

Search applies each of these the same way to a fact's text and to a query, so that the two meet
whichever form either is written in.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

_ORDINAL_DIGITS = re.compile(r"(\d+)(?:st|nd|rd|th)")
# A lower-case letter followed by a capital inside one word: where a compound name joins
# ("RusHydro"). A word in capitals only ("EAEU") has no such place.
_NAME_JOIN = re.compile(r"(?<=[a-z])(?=[A-Z])")
_CAMEL_WORD = re.compile(r"\b\w*[a-z][A-Z]\w*")
_CAMEL = re.compile(r"[a-z][A-Z]")
# Digits hidden (same length, no word character) so that only number words are read: digits
# need no reading, and most of the reader's time goes on them.
_HIDE_DIGITS = str.maketrans("0123456789", "#" * 10)
MIN_NAME_PART = 4
"""Shorter parts of a compound name ("Rus" of RusHydro) are not words of their own."""


@functools.cache
def _english_stemmer() -> Callable[[str], str]:
    # Imported here: about 12 ms, which only a word the index does not hold pays.
    import snowballstemmer  # type: ignore[import-untyped]  # it ships no type hints

    stemmer = snowballstemmer.stemmer("english")
    return lambda word: str(stemmer.stemWord(word))


def stem(word: str) -> str:
    """The stem of a folded word: "twinned" and "twinning" give "twin", "65th" gives "65"."""
    if not word.isalpha():
        digits = _ORDINAL_DIGITS.fullmatch(word)
        return digits.group(1) if digits else word
    if len(word) <= 2 or not word.isascii():
        return word
    return _english_stemmer()(word)


def name_parts(text: str) -> list[str]:
    """The parts of 4+ letters that a compound name's own capitals mark: "RusHydro" -> ["Hydro"].

    Hyphens already split words ("Asia-Pacific" is two words); "Rosatom" has no parts.
    """
    if _CAMEL.search(text) is None:  # most texts: one quick scan
        return []
    return [
        part
        for word in _CAMEL_WORD.findall(text)
        for part in _NAME_JOIN.split(word)
        if len(part) >= MIN_NAME_PART
    ]


@functools.cache
def _number_words() -> frozenset[str]:
    from laorus.text.numerals import NUMBER_WORDS

    return NUMBER_WORDS


def digits_for_number_words(folded: str, tokens: list[str]) -> str:
    """``folded`` text with every number written in words in digits: "sixty fifth" -> "65th".

    ``tokens`` are the text's words; text without a number word is returned as it is, unread.
    """
    present = _number_words().intersection(tokens)
    if not present:
        return folded
    from laorus.text.numerals import find_numbers, ordinal

    # Read only the stretch from the first number word to the last (and an "a" before it, as
    # in "a hundred"): find() may stop early inside another word, never late.
    start = max(0, min(folded.find(word) for word in present) - 2)
    stop = max(folded.rfind(word) + len(word) for word in present)
    pieces: list[str] = [folded[:start]]
    end = start
    for number in find_numbers(folded[start:stop].translate(_HIDE_DIGITS)):
        if number.digits or number.value.denominator != 1 or start + number.start < end:
            continue  # not written in words, or a fraction no one types in words
        value = int(number.value)
        words = ordinal(value) if number.ordinal else str(value)
        pieces += [folded[end : start + number.start], words]
        end = start + number.end
    pieces.append(folded[end:])
    return "".join(pieces)
