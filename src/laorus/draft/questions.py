"""A first question for each drafted fact: its date, number or name blanked in its sentence.

The answer is the article's own words, with the other usual forms of a date or number accepted,
so the quiz works at once. Other dates of the same sentence are hidden too ("[date]"), so that
no question of the sentence gives another's answer away. A date the article only implies is asked
with the words it is derived from; a date derived from an anniversary is asked without the date
of the marking, which the marking's own question asks.
"""

from __future__ import annotations

import datetime as dt
import re

from laorus.draft.dates import Dated, say
from laorus.store.model import LISTED_NAME_KINDS, Name, PartialDate, Question
from laorus.text.dates import MONTH_NAMES
from laorus.text.numerals import Number, find_numbers, ordinal

BLANK = "_____"
_HIDDEN = "[date]"
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
}  # fmt: skip


def date_forms(date: PartialDate) -> list[str]:
    """Other usual ways to write a date: "1960-10-07", "October 7, 1960", "7 October 1960"."""
    if date.month is None:
        return [str(date.year)]
    month = MONTH_NAMES[date.month - 1]
    if date.day is None:
        return [f"{month} {date.year}", date.iso()]
    return [f"{date.day} {month} {date.year}", f"{month} {date.day}, {date.year}", date.iso()]


def date_question(
    sentence: str, dated: Dated, others: list[Dated], published: dt.date | None
) -> Question:
    """A question whose answer is the dated event's date."""
    kind = {"day": "date", "month": "month", "year": "year"}[dated.date.precision]
    if dated.anniversary is not None:
        # Not the marking's date: that is the answer to the marking fact's own question.
        nth = ordinal(dated.anniversary.nth)
        question = (
            f"The article marks the {nth} anniversary of {dated.event}."
            f" What {kind} is it the {nth} anniversary of?"
        )
        forms = date_forms(dated.date)
        return Question(question, forms[0], tuple(forms[1:]), kind)
    in_words = dated.words in sentence and not _relative(dated)
    if in_words and (dated.end_date is not None or dated.date.precision == "day"):
        blanked = _blank(sentence, dated, others)
        forms = [f for f in date_forms(dated.date) if f != dated.words]
        if dated.end_date is not None:
            forms = []  # a range is answered as the article writes it
        return Question(f'Fill in the blank: "{blanked}"', dated.words, tuple(forms), kind)
    if in_words:
        blanked = _blank(sentence, dated, others)
        forms = [f for f in date_forms(dated.date) if f != dated.words]
        return Question(f'Fill in the blank: "{blanked}"', dated.words, tuple(forms), kind)
    when = f", published on {say(_day(published))}," if published else ""
    hidden = _hide(sentence, others, keep=dated)
    question = f'The article{when} says: "{hidden}" In what year was that?'
    forms = date_forms(dated.date)
    return Question(question, forms[0], tuple(forms[1:]), kind)


def number_question(sentence: str, number: Number) -> Question:
    """A question whose answer is a number the sentence gives ("100", "two", "third")."""
    words = sentence[number.start : number.end]
    blanked = sentence[: number.start] + BLANK + sentence[number.end :]
    value = int(number.value)
    forms = {str(value), ordinal(value)} if number.ordinal else {str(value)}
    forms.discard(words)
    return Question(f'Fill in the blank: "{blanked}"', words, tuple(sorted(forms)), "number")


def name_question(sentence: str, name: Name) -> Question | None:
    """A question whose answer is a name the sentence gives, in the form it gives it; or None."""
    for form in name.forms:
        found = re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", sentence)
        if found is None:
            continue
        blanked = sentence[: found.start()] + BLANK + sentence[found.end() :]
        kind = name.group if name.group in LISTED_NAME_KINDS else "text"
        others = tuple(f for f in name.forms if f != form)
        return Question(f'Fill in the blank: "{blanked}"', form, others, kind)
    return None


def first_number(sentence: str, dates: list[Dated]) -> Number | None:
    """The first number of the sentence that is no date and no part of one, if any."""
    taken = [(d.start, d.start + len(d.words)) for d in dates]
    for number in find_numbers(sentence):
        if number.value.denominator != 1 or number.decade:
            continue
        if any(start < number.end and number.start < end for start, end in taken):
            continue
        if number.digits == 0 and sentence[number.start : number.end].lower() not in _NUMBER_WORDS:
            continue  # "a thousand" and the like are kept for the author to ask
        return number
    return None


def _relative(dated: Dated) -> bool:
    return not any(ch.isdigit() for ch in dated.words)


def _day(day: dt.date) -> PartialDate:
    return PartialDate(day.year, day.month, day.day)


def _blank(sentence: str, dated: Dated, others: list[Dated]) -> str:
    """The sentence with the date blanked and the sentence's other dates hidden."""
    pieces = [(dated.start, dated.start + len(dated.words), BLANK)]
    pieces += [
        (o.start, o.start + len(o.words), _HIDDEN)
        for o in others
        if o is not dated and o.anniversary is None and sentence[o.start :].startswith(o.words)
    ]
    return _replace(sentence, pieces)


def _hide(sentence: str, others: list[Dated], keep: Dated) -> str:
    pieces = [
        (o.start, o.start + len(o.words), _HIDDEN)
        for o in others
        if o is not keep
        and o.anniversary is None
        and not _relative(o)
        and sentence[o.start :].startswith(o.words)
    ]
    return _replace(sentence, pieces)


def _replace(sentence: str, pieces: list[tuple[int, int, str]]) -> str:
    text = sentence
    for start, end, words in sorted(pieces, reverse=True):
        if start >= 0 and end <= len(text):
            text = text[:start] + words + text[end:]
    return text
