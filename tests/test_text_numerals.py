"""Reading numbers from digits and English words."""

from __future__ import annotations

from fractions import Fraction

import pytest

from laorus.text.numerals import find_numbers, number_word, ordinal, ordinal_word


def _values(text: str) -> list[Fraction]:
    return [number.value for number in find_numbers(text)]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("1975", [1975]),
        ("1,000", [1000]),
        ("1,000,000", [1000000]),
        ("1.5 million", [Fraction(3, 2) * 10**6]),
        ("100 thousand", [100000]),
        ("one", [1]),
        ("zero", [0]),
        ("twelve", [12]),
        ("twenty one", [21]),
        ("sixty-five", [65]),
        ("one hundred", [100]),
        ("a hundred", [100]),
        ("a thousand", [1000]),
        ("one hundred and one", [101]),
        ("two thousand and twenty-five", [2025]),
        ("one thousand nine hundred and sixty", [1960]),
        ("two million three thousand", [2003000]),
        ("nineteen seventy-five", [1975]),
        ("nineteen seventy five", [1975]),
        ("nineteen sixty", [1960]),
        ("twenty twenty-five", [2025]),
        ("nineteen oh five", [1905]),
        ("third", [3]),
        ("3rd", [3]),
        ("twenty-first", [21]),
        ("sixty-fifth", [65]),
        ("the 65th anniversary", [65]),
        ("100km", [100]),
        ("1955 or 1975", [1955, 1975]),
        ("1955,1975", [1955, 1975]),
        ("1955-1975", [1955, 1975]),
        ("two and three", [2, 3]),
        ("two three", [2, 3]),
        ("nineteen five", [19, 5]),
        ("07.10.1960", [7, 10, 1960]),
        ("2023-24", [2023, 2024]),
        ("2023/24", [2023, 2024]),
        ("1975–76", [1975, 1976]),
        ("2025-06", [2025, 6]),
        ("1960-10-07", [1960, 10, 7]),
    ],
)
def test_reads_every_number_from_digits_and_words(text: str, values: list[int]) -> None:
    assert _values(text) == values


@pytest.mark.parametrize(
    "text",
    ["Vientiane", "a", "hundred", "thousands of people", "Oh, well", ""],
)
def test_finds_no_number_where_there_is_none(text: str) -> None:
    assert find_numbers(text) == []


def test_one_after_an_ordinal_is_a_pronoun() -> None:
    assert _values("the third one") == [3]


def test_oh_is_a_digit_only_inside_a_spoken_year() -> None:
    assert _values("Oh, 1975") == [1975]


def test_marks_ordinals_decades_and_how_many_digits_were_written() -> None:
    third, decade, short, words = (
        find_numbers(text)[0] for text in ("3rd", "1970s", "'75", "sixty")
    )
    assert third.ordinal
    assert not third.is_year
    assert decade.decade
    assert not decade.is_year
    assert short.digits == 2
    assert not short.is_year
    assert words.digits == 0


@pytest.mark.parametrize(
    ("text", "is_year"),
    [
        ("1975", True),
        ("nineteen seventy-five", True),
        ("1,975", False),
        ("75", False),
        ("1975th", False),
        ("12345", False),
        ("1975.5", False),
    ],
)
def test_tells_a_year_from_other_numbers(text: str, is_year: bool) -> None:
    assert find_numbers(text)[0].is_year is is_year


def test_the_short_end_of_a_range_of_years_is_a_year_in_full() -> None:
    start, end = find_numbers("2023-24")
    assert (start.is_year, end.is_year, end.digits) == (True, True, 4)
    assert (end.start, end.end) == (5, 7)  # the span is still what was written


def test_spans_point_at_the_text_of_each_number() -> None:
    text = "In nineteen seventy-five, 100 scholarships"
    assert [text[n.start : n.end] for n in find_numbers(text)] == [
        "nineteen seventy-five",
        "100",
    ]


def test_a_run_of_digits_too_long_to_mean_a_number_is_skipped() -> None:
    assert find_numbers("9" * 5000) == []


@pytest.mark.parametrize(
    ("number", "word", "nth"),
    [
        (0, "zero", "zeroth"),
        (3, "three", "third"),
        (12, "twelve", "twelfth"),
        (20, "twenty", "twentieth"),
        (21, "twenty-one", "twenty-first"),
        (65, "sixty-five", "sixty-fifth"),
        (99, "ninety-nine", "ninety-ninth"),
    ],
)
def test_spells_small_numbers_and_their_ordinals(number: int, word: str, nth: str) -> None:
    assert number_word(number) == word
    assert ordinal_word(number) == nth


@pytest.mark.parametrize("number", range(100))
def test_number_words_are_read_back_as_the_same_number(number: int) -> None:
    # One table spells and reads: whatever number_word writes, find_numbers reads back.
    (cardinal,) = find_numbers(number_word(number))
    (nth,) = find_numbers(f"the {ordinal_word(number)}")
    assert (cardinal.value, cardinal.ordinal) == (number, False)
    assert (nth.value, nth.ordinal) == (number, True)


@pytest.mark.parametrize("number", [-1, 100])
def test_only_0_to_99_are_spelt_out(number: int) -> None:
    with pytest.raises(ValueError, match="only 0 to 99"):
        number_word(number)


@pytest.mark.parametrize(("number", "text"), [(1, "1st"), (2, "2nd"), (11, "11th"), (112, "112th")])
def test_ordinal_writes_digits_with_a_suffix(number: int, text: str) -> None:
    assert ordinal(number) == text
