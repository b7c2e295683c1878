"""Properties of the grader over generated answers: it never raises, never accepts a wrong year."""

from __future__ import annotations

import datetime as dt
import unicodedata

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from laorus.answers.grade import grade
from laorus.answers.names import vocabulary
from laorus.answers.words import STOP_WORDS
from laorus.store.model import ANSWER_KINDS
from laorus.text.dates import MONTH_NAMES

# No deadline: the suite makes no timing assertions, and a slow machine must not fail it.
relaxed = settings(deadline=None, max_examples=200)

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_MONTHS = MONTH_NAMES

# Names of the article that are not forms of one another.
NAMES = [
    "Vladimir Putin",
    "Sergey Lavrov",
    "Thongloun Sisoulith",
    "Thongsavanh Phomvihane",
    "Sonexay Siphandone",
    "Pany Yathotou",
    "Vientiane",
    "Vladivostok",
    "Moscow",
    "Kazan",
    "Tianjin",
    "Paek",
    "Xiengkhouang province",
    "Luang Prabang",
    "Tobolsk",
    "St. Petersburg",
    "Red Square",
    "Rosatom",
    "Rusal",
    "RusHydro",
    "GAZ Group",
    "Fesco",
    "Mittaphab Russian-Lao Friendship Hospital",
]


def _two(n: int) -> str:
    if n < 10:
        return _UNITS[n]
    if n < 20:
        return _TEENS[n - 10]
    tens, unit = divmod(n, 10)
    return _TENS[tens] + (f"-{_UNITS[unit]}" if unit else "")


def say(n: int) -> str:
    """A whole number below a million in English words, as people write it."""
    if n < 100:
        return _two(n)
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_UNITS[hundreds]} hundred" + (f" and {_two(rest)}" if rest else "")
    thousands, rest = divmod(n, 1000)
    tail = f" {say(rest)}" if rest >= 100 else f" and {_two(rest)}" if rest else ""
    return f"{say(thousands)} thousand{tail}"


def say_year(year: int) -> str:
    """A year as it is spoken: "nineteen seventy-five", "nineteen oh five", "twenty hundred"."""
    high, low = divmod(year, 100)
    if low == 0:
        return f"{_two(high)} hundred"
    if low < 10:
        return f"{_two(high)} oh {_UNITS[low]}"
    return f"{_two(high)} {_two(low)}"


def write_date(date: dt.date, style: int) -> str:
    """The date in one of the common forms people type."""
    month = _MONTHS[date.month - 1]
    return [
        f"{date.day} {month} {date.year}",
        f"{month} {date.day}, {date.year}",
        f"{month[:3]} {date.day} {date.year}",
        date.isoformat(),
        f"{date.day:02d}.{date.month:02d}.{date.year}",
        f"the {date.day}th of {month} {date.year}",
    ][style]


def write_year(year: int, style: int) -> str:
    """The year alone, in a sentence, in words, or inside a full date."""
    return [str(year), f"in {year}", say_year(year), f"3 March {year}", f"{year}-03-03"][style]


years = st.integers(1000, 2999)
dates = st.dates(dt.date(1000, 1, 1), dt.date(2999, 12, 31))
kinds = st.sampled_from([None, *ANSWER_KINDS, "not a kind"])
tricky = st.sampled_from(
    [*"abc ,./-'1279", "or", " and ", "October", "1960", "third", "nineteen", "seventy", "oh"]
    + ["hundred", "a", "St.", "the", "Xieng", "\x00", "\u200b", "😀", "\ud800", "ß", "ﬁ", "١"]
)
answers = st.one_of(st.text(), st.lists(tricky, max_size=12).map("".join))


def _visible(text: str) -> bool:
    return any(unicodedata.category(char)[0] not in "CZ" for char in text)


@relaxed
@given(answers, answers, st.lists(answers, max_size=3), kinds, st.lists(answers, max_size=3))
def test_grade_never_raises_on_any_strings(
    answer: str, expected: str, aliases: list[str], kind: str | None, rivals: list[str]
) -> None:
    verdict = grade(answer, expected, aliases=aliases, kind=kind, rivals=rivals)
    assert isinstance(verdict.correct, bool)
    assert verdict.reason


@relaxed
@given(answers, kinds, st.lists(answers, max_size=3))
def test_an_answer_equal_to_the_expected_one_is_always_correct(
    text: str, kind: str | None, rivals: list[str]
) -> None:
    assume(_visible(text))
    assert grade(text, text, kind=kind, rivals=rivals).correct


@relaxed
@given(answers, answers, kinds)
def test_an_answer_equal_to_an_accepted_form_is_always_correct(
    text: str, expected: str, kind: str | None
) -> None:
    assume(_visible(text))
    assert grade(text, expected, aliases=[text], kind=kind).correct


@relaxed
@given(years, years, st.integers(0, 4), st.sampled_from([None, "year"]))
def test_a_different_year_is_never_correct(
    right: int, wrong: int, style: int, kind: str | None
) -> None:
    assume(right != wrong)
    assert not grade(write_year(wrong, style), str(right), kind=kind).correct


@relaxed
@given(years, st.integers(0, 4), st.sampled_from([None, "year"]))
def test_the_same_year_in_any_form_is_correct(year: int, style: int, kind: str | None) -> None:
    assert grade(write_year(year, style), str(year), kind=kind).correct


@relaxed
@given(years, years)
def test_two_different_years_in_one_answer_are_never_correct(right: int, other: int) -> None:
    assume(right != other)
    assert not grade(f"{right} or {other}", str(right)).correct
    assert not grade(f"{other}, {right}", str(right), kind="year").correct


@relaxed
@given(dates, dates, st.integers(0, 5))
def test_a_different_date_is_never_correct(right: dt.date, wrong: dt.date, style: int) -> None:
    assume(right != wrong)
    assert not grade(write_date(wrong, style), right.isoformat()).correct
    assert not grade(write_date(wrong, style), write_date(right, 0), kind="date").correct


@relaxed
@given(dates, st.integers(0, 5), st.integers(0, 5))
def test_the_same_date_in_any_common_form_is_correct(
    date: dt.date, style: int, expected_style: int
) -> None:
    assert grade(write_date(date, style), write_date(date, expected_style), kind="date").correct


@relaxed
@given(dates)
def test_a_month_alone_is_too_vague_for_a_full_date(date: dt.date) -> None:
    verdict = grade(f"{_MONTHS[date.month - 1]} {date.year}", date.isoformat())
    assert not verdict.correct
    assert verdict.reason == "too vague: which day?"


@relaxed
@given(st.integers(0, 999_999), st.booleans())
def test_a_number_in_words_or_with_separators_is_the_number(number: int, words: bool) -> None:
    answer = say(number) if words else f"{number:,}"
    assert grade(answer, str(number), kind="number").correct


@relaxed
@given(st.integers(0, 999_999), st.integers(0, 999_999), st.booleans())
def test_a_different_number_is_never_correct(right: int, wrong: int, words: bool) -> None:
    assume(right != wrong)
    answer = say(wrong) if words else str(wrong)
    assert not grade(answer, str(right), kind="number").correct


@relaxed
@given(st.sampled_from(NAMES), st.randoms(use_true_random=False), st.booleans())
def test_case_accents_order_and_articles_do_not_matter_in_a_name(
    name: str, rng: object, upper: bool
) -> None:
    parts = name.split()
    rng.shuffle(parts)  # type: ignore[attr-defined]
    loose = "the " + " ".join(parts)
    loose = loose.upper() if upper else loose.lower()
    assert grade(loose, name, rivals=NAMES).correct


@relaxed
@given(st.sampled_from(NAMES), st.sampled_from(NAMES))
def test_another_name_of_the_article_is_never_correct(right: str, wrong: str) -> None:
    assume(right != wrong)
    assert not grade(wrong, right, rivals=NAMES).correct
    assert not grade(wrong, right).correct


@relaxed
@given(st.sampled_from(NAMES), st.sampled_from(NAMES), st.sampled_from([" or ", ", ", " / "]))
def test_a_list_of_two_different_names_is_never_correct(
    right: str, other: str, joiner: str
) -> None:
    assume(right != other)
    place = vocabulary().name_of(right)
    assume(place is None or not vocabulary().wider(place, other))  # "Red Square, Moscow" is right
    assert not grade(right + joiner + other, right, rivals=NAMES).correct
    assert not grade(other + joiner + right, right, rivals=NAMES).correct


QUALIFIERS = ["not", "before", "after", "about", "around", "circa", "more than", "less than"]


@relaxed
@given(years, st.sampled_from(QUALIFIERS), st.sampled_from([None, "year"]))
def test_a_word_that_qualifies_a_right_year_makes_it_wrong(
    year: int, qualifier: str, kind: str | None
) -> None:
    verdict = grade(f"{qualifier} {year}", str(year), kind=kind)
    assert not verdict.correct
    assert verdict.reason == f"not part of the answer: {qualifier}"


@relaxed
@given(dates, st.sampled_from(QUALIFIERS), st.integers(0, 5))
def test_a_word_that_qualifies_a_right_date_makes_it_wrong(
    date: dt.date, qualifier: str, style: int
) -> None:
    assert not grade(f"{qualifier} {write_date(date, style)}", date.isoformat()).correct


@relaxed
@given(st.integers(0, 999_999), st.sampled_from(["-", "~", "+", "≈", "<", ">"]), st.booleans())
def test_a_sign_before_or_after_a_right_number_makes_it_wrong(
    number: int, sign: str, after: bool
) -> None:
    answer = f"{number}{sign}" if after else f"{sign}{number}"
    assume(answer != f"{number}-")  # a dash after a number says nothing
    assert not grade(answer, str(number), kind="number").correct


@relaxed
@given(st.sampled_from(NAMES), st.sampled_from("abcdefghijklmnopqrstuvwxyz"))
def test_a_name_with_another_first_letter_is_never_correct(name: str, letter: str) -> None:
    assume(letter != name[0].lower())
    wrong = letter + name[1:]
    assume(" " not in wrong or wrong.split()[0].rstrip(".") not in STOP_WORDS)  # "At. Petersburg"
    assert not grade(wrong, name, rivals=NAMES).correct


_QUOTING = ("not part of the answer: ", "not a plain ", "not a date I can read: ")


@relaxed
@given(answers, answers, kinds, st.lists(st.sampled_from(NAMES), max_size=3))
@example("7 1.50 Ocotbr 1960", "7 October 1960", "date", [])
@example("before 31.08 1975", "1975", "year", [])
@example("Thongsavanh Sisoulith", "Sisoulith", "person", ["Thongsavanh Phomvihane"])
def test_a_reason_quotes_only_what_the_answer_says(
    answer: str, expected: str, kind: str | None, rivals: list[str]
) -> None:
    reason = grade(answer, expected, kind=kind, rivals=rivals).reason
    if not reason.startswith(_QUOTING):
        return
    quoted = reason.split(": ", 1)[1].split(", as in ")[0]
    typed = unicodedata.normalize("NFKC", answer)
    assert all(piece in typed for piece in quoted.split())
