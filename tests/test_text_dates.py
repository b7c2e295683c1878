"""Reading dates in any common form, which of their parts were given, and finding them in prose."""

from __future__ import annotations

import re

import pytest

from laorus.text.dates import (
    DAY_AND_MONTH,
    DAY_MONTH_YEAR,
    FULL_DATE,
    ISO_DATE,
    MONTH_DAY_YEAR,
    MONTH_YEAR,
    YEAR,
    DateParts,
    read_dates,
)

OCT_7_1960 = DateParts(1960, 10, 7)


@pytest.mark.parametrize(
    "text",
    [
        "7 October 1960",
        "October 7th, 1960",
        "Oct 7 1960",
        "Oct. 7, 1960",
        "1960-10-07",
        "1960/10/07",
        "07.10.1960",
        "7/10/1960",
        "7-10-1960",
        "the 7th of October 1960",
        "the seventh of October nineteen sixty",
        "Friday, 7 October 1960",
        "1960 October 7",
        "on 7 October 1960",
    ],
)
def test_reads_one_date_written_in_any_common_form(text: str) -> None:
    read = read_dates(text)
    assert read.dates == (OCT_7_1960,)
    assert read.other_words == ()


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("October 1960", DateParts(1960, 10, None)),
        ("2025-06", DateParts(2025, 6, None)),
        ("10.1960", DateParts(1960, 10, None)),
        ("June", DateParts(None, 6, None)),
        ("1960", DateParts(1960, None, None)),
        ("May 9", DateParts(None, 5, 9)),
        ("sept 1 2025", DateParts(2025, 9, 1)),
    ],
)
def test_leaves_out_the_parts_that_were_not_given(text: str, parts: DateParts) -> None:
    assert read_dates(text).dates == (parts,)


def test_reads_iso_dates_year_first_and_dotted_dates_day_first() -> None:
    assert read_dates("1960-07-10").dates == (DateParts(1960, 7, 10),)
    assert read_dates("10/7/1960").dates == (DateParts(1960, 7, 10),)


@pytest.mark.parametrize(("text", "parts"), [("10/24/2024", DateParts(2024, 10, 24)),
                                             ("12.31.1999", DateParts(1999, 12, 31))])  # fmt: skip
def test_reads_a_numeric_date_month_first_when_it_cannot_be_day_first(
    text: str, parts: DateParts
) -> None:
    assert read_dates(text).dates == (parts,)


@pytest.mark.parametrize("text", ["1975-76", "2023/24", "1975-1976"])
def test_a_range_of_years_is_no_year_and_month(text: str) -> None:
    assert all(date.month is None for date in read_dates(text).dates)
    assert len(read_dates(text).dates) == 2


def test_a_two_digit_year_is_marked_short_rather_than_guessed() -> None:
    (parts,) = read_dates("7 Oct 60").dates
    assert (parts.year, parts.short_year) == (60, True)


def test_a_day_that_does_not_exist_is_marked_invalid() -> None:
    assert not read_dates("31 February 1960").dates[0].valid
    assert read_dates("29 February 2024").dates[0].valid
    assert not read_dates("29 February 2025").dates[0].valid
    assert read_dates("29 February").dates[0].valid


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("1955 or 1975", 2),
        ("7 or 17 October 1960", 2),
        ("March 22, 1955 and December 2, 1975", 2),
        ("31 August - 1 September 2025", 2),
        ("7 17 October 1960", 2),
    ],
)
def test_reads_each_date_of_a_list_or_a_range(text: str, count: int) -> None:
    assert len(read_dates(text).dates) == count


@pytest.mark.parametrize(
    "text",
    ["31.08-01.09.2025", "31.08.2025-01.09.2025", "31/08–01/09/2025", "31.08.2025 - 1.9.2025"],
)
def test_reads_a_range_of_dates_written_in_digits(text: str) -> None:
    read = read_dates(text)
    assert read.dates == (DateParts(2025, 8, 31), DateParts(2025, 9, 1))
    assert read.other_words == ()


def test_a_range_gives_its_month_and_year_to_the_earlier_date() -> None:
    assert read_dates("31 August - 1 September 2025").dates == (
        DateParts(2025, 8, 31),
        DateParts(2025, 9, 1),
    )
    assert read_dates("7 or 17 October 1960").dates == (
        DateParts(1960, 10, 7),
        DateParts(1960, 10, 17),
    )


@pytest.mark.parametrize("word", ["about", "around", "circa", "before", "not"])
def test_a_word_that_qualifies_a_date_is_no_filler(word: str) -> None:
    read = read_dates(f"{word.capitalize()} 7 October 1960")
    assert read.dates == (OCT_7_1960,)
    assert read.other_words == (word.capitalize(),)


def test_a_number_outside_a_date_is_reported_as_written() -> None:
    assert read_dates("7 October 1960 1.50").other_words == ("1.50",)


def test_words_outside_a_date_are_reported() -> None:
    read = read_dates("7 October 1960 in Moscow")
    assert read.dates == (OCT_7_1960,)
    assert read.other_words == ("Moscow",)  # as written: a reason may quote it


@pytest.mark.parametrize("text", ["Vientiane", "", "the 1970s", "100 scholarships", "yesterday"])
def test_finds_no_date_in_text_without_one(text: str) -> None:
    assert read_dates(text).dates == ()


def test_a_misspelt_month_name_is_read_and_reported() -> None:
    read = read_dates("7 Ocober 1960")
    assert read.dates == (OCT_7_1960,)
    assert read.misspelt == ("October",)
    assert read_dates("Febuary 2, 1975").dates == (DateParts(1975, 2, 2),)
    assert read_dates("7 Ocotber 1960").dates == (OCT_7_1960,)  # swapped letters: one typo


@pytest.mark.parametrize("word", ["Jane", "Mars", "Octopus", "Otcopus"])
def test_a_word_that_is_no_month_within_the_typo_budget_stays_a_word(word: str) -> None:
    assert read_dates(f"7 {word} 1960").other_words == (word,)


# The prose patterns: one definition for the cloze, the choices and the anniversaries. Before
# they were shared, each module had its own with small differences, unified here:
# - a month-first full date may leave out its comma and give an ordinal ("December 2 1975",
#   "October 7th, 1960"): the anniversaries wanted the comma and no ordinal, the choices neither;
# - a day-first date may have an ordinal and "of" ("7th of October 1960"): none took them, so
#   the cloze blanked "October 1960" and left "7th of _____";
# - a day and month without a year takes the same forms ("9th of May"): the cloze's own blanks
#   took neither, while its check for "is this number a day" and the choices took both;
# - any spaces may separate the parts, as read_dates allows;
# - a bare year is one from 1800 to 2099, as the cloze and the choices had it: another bare
#   four-digit number is more likely a quantity. (After "in" or "since", the anniversaries read
#   any four digits as a year: the word says it is one.)
PROSE_DATES = [
    (DAY_MONTH_YEAR, "7 October 1960", DateParts(1960, 10, 7)),
    (DAY_MONTH_YEAR, "7th October 1960", DateParts(1960, 10, 7)),
    (DAY_MONTH_YEAR, "7th of October 1960", DateParts(1960, 10, 7)),
    (MONTH_DAY_YEAR, "December 2, 1975", DateParts(1975, 12, 2)),
    (MONTH_DAY_YEAR, "December 2nd, 1975", DateParts(1975, 12, 2)),
    (MONTH_DAY_YEAR, "December 2 1975", DateParts(1975, 12, 2)),
    (MONTH_DAY_YEAR, "December  2,\u00a01975", DateParts(1975, 12, 2)),
    (MONTH_YEAR, "June 2025", DateParts(2025, 6)),
    (DAY_AND_MONTH, "May 9", DateParts(None, 5, 9)),
    (DAY_AND_MONTH, "May 9th", DateParts(None, 5, 9)),
    (DAY_AND_MONTH, "9 May", DateParts(None, 5, 9)),
    (DAY_AND_MONTH, "9th of May", DateParts(None, 5, 9)),
    (YEAR, "1954", DateParts(1954)),
    (YEAR, "2025", DateParts(2025)),
    (ISO_DATE, "1960-10-07", DateParts(1960, 10, 7)),
]


@pytest.mark.parametrize(("pattern", "text", "parts"), PROSE_DATES)
def test_a_prose_date_pattern_finds_what_read_dates_reads_as_that_date(
    pattern: str, text: str, parts: DateParts
) -> None:
    assert re.fullmatch(pattern, text)
    assert read_dates(text).dates == (parts,)


@pytest.mark.parametrize(
    "text", ["7 October 1960", "7th of October 1960", "December 2, 1975", "October 7th 1960"]
)
def test_a_full_date_is_found_in_either_order(text: str) -> None:
    assert re.fullmatch(FULL_DATE, text)


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (FULL_DATE, "October 1960"),  # no day
        (FULL_DATE, "7 october 1960"),  # "october": months are capitalised, as "May" is
        (MONTH_YEAR, "may 2025"),
        (DAY_AND_MONTH, "the two sides may 9"),
        (DAY_AND_MONTH, "May 195"),  # no day has three digits
        (DAY_AND_MONTH, "9x May"),
        (YEAR, "2500"),  # a quantity more likely than a year
        (YEAR, "1700"),
        (YEAR, "19600"),
        (ISO_DATE, "1960-10-7"),
    ],
)
def test_a_prose_date_pattern_finds_no_date_where_there_is_none(pattern: str, text: str) -> None:
    assert re.search(pattern, text) is None


def test_prose_date_patterns_stop_at_word_edges() -> None:
    text = "On 7 October 19601 and May 930 and 120254, then June 2025."
    assert [m.group() for m in re.finditer(f"{FULL_DATE}|{DAY_AND_MONTH}|{MONTH_YEAR}", text)] == [
        "7 October",
        "June 2025",
    ]
