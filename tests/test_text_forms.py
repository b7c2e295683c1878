"""Word forms that should meet: stems, digits for number words, parts of compound names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from laorus.text.forms import digits_for_number_words, name_parts, stem
from laorus.text.words import words


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("twinned", "twinning"),
        ("twin", "twins"),
        ("monument", "monuments"),
        ("invest", "investing"),
        ("65th", "65"),
        ("laos", "lao"),
    ],
)
def test_forms_of_one_word_share_a_stem(first: str, second: str) -> None:
    assert stem(first) == stem(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("paris", "parish"),
        ("65", "66"),
        ("65th", "66th"),
        ("1954", "1955"),
        ("nucleus", "nuclear"),
    ],
)
def test_different_words_keep_different_stems(first: str, second: str) -> None:
    assert stem(first) != stem(second)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sixty-five years", "65 years"),
        ("sixty five years", "65 years"),
        ("sixty fifth anniversary", "65th anniversary"),
        ("the sixty-fifth", "the 65th"),
        ("nineteen seventy-five", "1975"),
        ("one hundred scholarships", "100 scholarships"),
        ("two elephants", "2 elephants"),
        ("third among asean", "3rd among asean"),
        ("65 years", "65 years"),
        ("no number here", "no number here"),
    ],
)
def test_number_words_are_written_in_digits(text: str, expected: str) -> None:
    assert digits_for_number_words(text, words(text)) == expected


def test_a_number_word_does_not_become_its_neighbour() -> None:
    assert digits_for_number_words("sixty-six", ["sixty", "six"]) == "66"
    assert digits_for_number_words("sixty-fifth", ["sixty", "fifth"]) == "65th"


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("RusHydro", ["Hydro"]),  # "Rus" has three letters: not a word of its own
        ("Rosatom", []),  # no capital of its own marks a part
        ("EAEU and GAZ Group", []),  # capitals only
        ("the McKinsey report", ["Kinsey"]),
        ("Asia-Pacific", []),  # a hyphen already splits words
    ],
)
def test_a_compound_name_has_the_parts_its_capitals_mark(text: str, parts: list[str]) -> None:
    assert name_parts(text) == parts


def _read_whole(text: str) -> str:
    """digits_for_number_words as if it read the whole text: the reference for the stretch."""
    from laorus.text.numerals import find_numbers, ordinal

    pieces, end = [], 0
    for number in find_numbers(text):
        if number.digits or number.value.denominator != 1 or number.start < end:
            continue
        value = int(number.value)
        pieces += [text[end : number.start], ordinal(value) if number.ordinal else str(value)]
        end = number.end
    return "".join([*pieces, text[end:]])


_PIECES = ["one", "a", "hundred", "and", "fifth", "sixty", "-", "money", "often", "oh", "7", "the"]


@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.sampled_from([" ", "-", " and "]))
def test_reading_only_the_stretch_of_number_words_reads_as_the_whole(
    pieces: list[str], glue: str
) -> None:
    text = glue.join(pieces)
    if any(ch.isdigit() for ch in text):
        return  # the whole reader would read the digits, which the stretch leaves as they are
    assert digits_for_number_words(text, words(text)) == _read_whole(text)
