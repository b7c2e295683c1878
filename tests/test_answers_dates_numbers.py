"""The year, number and date grader: one value, every part, and nothing that changes it."""

from __future__ import annotations

import pytest

from laorus.answers.dates_numbers import Verdict, grade_date, grade_number, several
from laorus.store.model import PartialDate


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        ("1975", "correct"),
        ("in the year 1975", "correct"),
        ("1975.", "correct"),
        ("«1975»", "correct"),
        ("before 1975", "not part of the answer: before"),
        ("not in 1975", "not part of the answer: not"),
        ("-1975", "not a plain year: -1975"),
        ("−1975", "not a plain year: −1975"),
        ("+1975", "not a plain year: +1975"),
        ("1975?!", "not a plain year: 1975?!"),
        ("1975 #", "not part of the answer: #"),
        ("19x75", "not a plain year: 19x75"),
    ],
)
def test_nothing_around_a_year_may_change_it(answer: str, reason: str) -> None:
    assert grade_number(answer, ["1975"], "year").reason == reason


def test_words_of_an_accepted_form_may_stand_around_the_number() -> None:
    forms = ["100", "100 scholarships"]
    assert grade_number("100 scholarships", forms, "number") == Verdict(True, "correct")
    assert grade_number("100 scholarhsips", forms, "number").correct  # with a typo, too
    assert grade_number("100 students", forms, "number") == Verdict(
        False, "not part of the answer: students"
    )
    assert not grade_number("100 scholarships", ["100"], "number").correct


def test_one_after_an_ordinal_is_a_pronoun_not_a_word_too_many() -> None:
    assert grade_number("the third one", ["third"], "number") == Verdict(True, "correct")
    assert grade_number("one third", ["third"], "number").reason == "two different answers given"


def test_a_wrong_value_is_named_before_a_word_around_it() -> None:
    assert grade_number("before 1955", ["1975"], "year").reason == "wrong year"
    assert grade_number("-64", ["65"], "number").reason == "wrong number"


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        ("on Friday, 7 October 1960", "correct"),
        ("the 7th of October, 1960.", "correct"),
        ("about 7 October 1960", "not part of the answer: about"),
        ("7 October 1960 or so", "not part of the answer: so"),
        ("7 October 1960 (?)", "not part of the answer: (?)"),
        ("7x October 1960", "not a date I can read: 7x"),
    ],
)
def test_nothing_around_a_date_may_change_it(answer: str, reason: str) -> None:
    assert grade_date(answer, ["7 October 1960"]).reason == reason


def test_a_range_of_dates_in_digits_is_read_as_both_ends() -> None:
    forms = ["31 August - 1 September 2025"]
    assert grade_date("31.08-01.09.2025", forms) == Verdict(True, "correct")
    assert grade_date("31.08-01.09.2024", forms) == Verdict(False, "wrong year")


def test_several_names_how_many() -> None:
    assert several(2) == "two different answers given"
    assert several(3) == "3 different answers given"


PROCLAIMED = ((PartialDate(1975, 12, 2), PartialDate(1975, 12, 2)),)
SUMMIT = ((PartialDate(2025, 8, 31), PartialDate(2025, 9, 1)),)


@pytest.mark.parametrize(
    ("answer", "on", "correct", "why"),
    [
        ("2 December 1975", PROCLAIMED, True, "correct"),
        ("December 1975", PROCLAIMED, True, "correct"),
        ("5 May 1975", PROCLAIMED, False, "wrong date: the year is right"),
        ("12/2/1975", PROCLAIMED, False, "ambiguous: 12/2/1975 is read day first"),
        ("1 September 2025", SUMMIT, True, "correct"),
        ("August 2025", SUMMIT, True, "correct"),
        ("2 September 2025", SUMMIT, False, "wrong date"),
        ("31 July 2025", ((PartialDate(2025), PartialDate(2025)),), False, "no month or day"),
        ("31 July 2025", (), False, "no month or day"),
        ("5 May 1975", None, True, "correct"),  # the caller knows no dates: the year is judged
        ("5/6/1975", PROCLAIMED, False, "wrong date"),  # wrong whichever way it is read
        ("31 February 1975", PROCLAIMED, False, "no such date"),
        ("30/2/1975", None, False, "no such date"),
        ("Monday, 31 February 1975", None, False, "no such date"),
    ],
)
def test_a_year_given_as_a_date_must_be_a_date_the_article_gives(
    answer: str, on: tuple[tuple[PartialDate, PartialDate], ...] | None, correct: bool, why: str
) -> None:
    expected = "2025" if "2025" in answer else "1975"
    verdict = grade_number(answer, [expected], "year", on=on)
    assert (verdict.correct, why in verdict.reason) == (correct, True), verdict.reason


@pytest.mark.parametrize(
    ("answer", "expected", "correct", "why"),
    [
        ("1/9", "September 1", False, "write the month in words: 1/9 is 1 September or 9 January"),
        ("01.09", "September 1", False, "is 1 September or 9 January"),
        ("31/8", "August 31", True, "correct"),  # a day over 12: one reading
        ("8/31", "August 31", True, "correct"),
        ("25/8", "September 1", False, "wrong date"),
        ("5/5", "May 5", True, "correct"),
    ],
)
def test_a_day_and_month_in_digits_alone_is_read_only_when_it_reads_one_way(
    answer: str, expected: str, correct: bool, why: str
) -> None:
    verdict = grade_date(answer, [expected])
    assert (verdict.correct, why in verdict.reason) == (correct, True), verdict.reason
