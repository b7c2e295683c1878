"""Grade a quiz answer: forgive typos and word order, never a wrong number, date or name.

The rules, by the kind of answer (declared by the question, else inferred from the expected
answer: a date, a month, a year, another number, or text):

- Years and numbers are read from digits and words ("1,000", "3rd", "third", "one hundred",
  "nineteen seventy-five", and a few common misspellings such as "fourty") and must be equal,
  never merely close. An answer naming two different numbers ("1955 or 1975", "1975-76") is
  wrong; "'75" or "75" for 1975 asks for the year in full; "1970s" is too vague. For a year, a
  full date with that year is right ("2 December 1975"). Nothing may change the number: a word
  ("before 1975", "more than 100", "about 100") or a sign ("-65", "1975?", "~100", "1e2") makes
  it wrong. What may stay: "in", "on", "of", "the", "year", "AD", "CE", punctuation that says
  nothing (".", ",", brackets, quotes), the words of an accepted form ("100 scholarships" when
  the question accepts that form) and of the question ("two meetings" for "how many
  meetings?"). A number idiom is its number ("twice", "a pair", "half a century", "number
  three").
- Dates are read in any common form ("7 October 1960", "October 7th, 1960", "Oct 7 1960",
  "1960-10-07", and "07.10.1960" or "7/10/1960" day first; a month name may have a typo) and
  must match in every part the expected answer gives: "17 October 1960" is wrong, "October 1960"
  is too vague (which day?), "7 Oct 60" asks for the year in full. A month answer ("June
  2025") matches on the month and the year; a range ("31.08-01.09.2025") needs both ends. A
  part that contradicts any accepted form is wrong, even when a vaguer form ("May 9") would
  match. Words other than weekdays and "on", "the", "of" make a date wrong ("before 7 October
  1960", "circa ...").
- Names and other text: case, accents, punctuation, possessives, articles, titles ("President",
  "Minister", "Mr", "Dr", "the"), initials ("V. Putin", but not "S. Putin"), word order and
  spaces ("Xieng Khouang" = "Xiengkhouang") do not matter, nor "St." against "Saint", nor
  British against American spelling, nor dots in an abbreviation ("N.A.T.O."). Every form of
  a name in the store's names vocabulary is right for it ("PRC" for China), and an abbreviation
  matches its expansion only so, or through an accepted form: never from initials alone
  ("Eastern European Forum" is not the EEF). Typos are forgiven within an
  edit budget that grows with the word (none up to 4 letters, 1 up to 8, 2 up to 12, then 3; a
  regular plural, "forums", "churches", "ministries", is free), but a typo never changes the
  first letter, and a word that is itself a word (English, or of the article's names) is never a
  typo of another: "dependent" is not "independent", nor "minting" "mining", nor "Russian"
  "Russia" (laorus.text.spelling). Numbers within text must be equal ("2023-24" is 2023 and 2024).
  Every distinctive word of the expected answer (or of one of its accepted forms) must be there,
  and every word of the answer must be of one form: so a shorter form with more words of the
  full name is right ("Mittaphab Friendship Hospital"). Words such as "hospital" or "province"
  may be left out, but alone they are too vague ("which hospital?"), and one may not stand for
  another ("wrong kind: a society is not a hospital"); "republic", "kingdom", "federation" and
  "empire" may be left out but not added ("Republic of China" is not China). "X of Y" must not
  be read backwards ("sovereign affairs of internal states"). A word that is not part of the
  answer makes it wrong ("atom" is not "Rosatom", "Vientiane, China" not "Vientiane"), except
  the question's own words ("the energy sector" when it asks for a sector), framing ("it was"),
  a person's titles and patronymic, and a wider place the vocabulary knows ("Kazan, Russia").
  Any other name of the vocabulary (or of ``rivals``) is a rival: an answer closer to it than
  to the expected one is wrong ("that is Vladivostok, not Vientiane"), and so is a list of
  guesses ("Putin or Lavrov", "Putin, Lavrov") unless each guess is a form of the answer.
- An empty answer is not correct ("no answer"), nor one over 300 characters ("too long"), and an
  answer equal to the expected one or to an accepted form is always correct. Any string is
  graded without an exception, and a reason quotes only words the answer or the article has.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

from laorus.answers.context import number_idioms, question_words, undot, unframe
from laorus.answers.dates_numbers import Verdict, grade_date, grade_number
from laorus.answers.names import vocabulary
from laorus.answers.text import grade_text
from laorus.answers.words import words
from laorus.text.dates import read_dates
from laorus.text.numerals import find_numbers
from laorus.text.words import same_words

if TYPE_CHECKING:
    from laorus.store.model import Question, Store

_MAX_ANSWER = 300
"""Characters; a longer answer is not one answer, and grading it fuzzily would be slow."""
_MAX_FORM = 300
"""Characters; a longer expected answer, accepted form or rival is only compared exactly."""
__all__ = ["Verdict", "effective_kind", "grade", "infer_kind"]


def grade(
    given: str,
    expected: str,
    *,
    aliases: Sequence[str] = (),
    question: Question | str | None = None,
    store: Store | None = None,
    kind: str | None = None,
    rivals: Sequence[str] = (),
) -> Verdict:
    """Judge ``given`` against the expected answer and its accepted forms, with the store's names.

    ``question`` (a Question or its text) lets the answer repeat the question's words and gives
    the kind when ``kind`` does not; ``store`` gives the names vocabulary (the shipped store's
    when None); ``rivals`` adds names the answer must not be taken for.
    """
    text_of = question if isinstance(question, str) else None
    if question is not None and not isinstance(question, str):
        text_of = question.question
        kind = kind or question.kind
    answer = unframe(_clean(given))
    forms = [form for form in (_clean(text) for text in (expected, *aliases)) if form]
    if not answer:
        return Verdict(False, "no answer")
    if not forms:
        return Verdict(False, "no expected answer to compare with")
    key = answer.casefold()
    if any(form.casefold() == key for form in forms):
        return Verdict(True, "correct")
    if len(answer) > _MAX_ANSWER:
        return Verdict(False, "too long: give one short answer")
    forms = [form for form in forms if len(form) <= _MAX_FORM]
    if not forms:
        return Verdict(False, "wrong answer")
    asked = question_words(text_of) if text_of else frozenset()
    kind = effective_kind(kind, forms[0])
    if kind in ("year", "number"):
        return grade_number(number_idioms(answer), forms, kind, asked)
    if kind in ("date", "month"):
        return grade_date(answer, forms, asked)
    if kind != "person":
        answer = undot(answer)
    if same_words(answer) in {same_words(form) for form in forms}:
        return Verdict(True, "correct")
    found = vocabulary(store)
    return grade_text(answer, forms, kind, found, rivals, asked)


def infer_kind(expected: str) -> str:
    """The kind of answer ``expected`` is: "date", "month", "year", "number" or "text"."""
    text = _clean(expected)
    if len(text) > _MAX_FORM:
        return "text"
    read = read_dates(text)
    if read.dates and not read.other_words and all(d.month is not None for d in read.dates):
        return "date" if all(d.day is not None for d in read.dates) else "month"
    numbers = find_numbers(text)
    if len({number.value for number in numbers}) == 1:
        rest = [word for word in words(text) if not word.number and word.role != "stop"]
        if len(rest) <= 2:
            return "year" if numbers[0].is_year else "number"
    return "text"


def effective_kind(declared: str | None, expected: str) -> str:
    """The declared kind when the expected answer fits it, else the inferred one."""
    inferred = infer_kind(expected)
    if declared in ("year", "number"):
        return declared if inferred in ("year", "number") else inferred
    if declared in ("date", "month"):
        return declared if inferred in ("date", "month") else inferred
    if declared in ("person", "place", "organisation", "text"):
        return declared
    return inferred


def _clean(text: str) -> str:
    """NFKC text without control, format or unassigned characters, spaces collapsed."""
    text = unicodedata.normalize("NFKC", text)
    if not text.isprintable():  # rare: only then look at each character
        text = "".join(" " if unicodedata.category(char)[0] == "C" else char for char in text)
    return " ".join(text.split())
