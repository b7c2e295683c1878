"""Grade a quiz answer: forgive typos and word order, never a wrong number, date or name.

The rules, by the kind of answer (declared by the question, else inferred from the expected
answer: a date, a month, a year, another number, or text):

- Years and numbers are read from digits and words ("1,000", "3rd", "third", "one hundred",
  "nineteen seventy-five", and a few common misspellings such as "fourty") and must be equal,
  never merely close. An answer naming two different numbers ("1955 or 1975") is wrong; "'75"
  or "75" for 1975 asks for the year in full; "1970s" is too vague. For a year, a full date with
  that year is right ("2 December 1975").
- Dates are read in any common form ("7 October 1960", "October 7th, 1960", "Oct 7 1960",
  "1960-10-07", and "07.10.1960" or "7/10/1960" day first; a month name may have a typo) and
  must match in every part the expected answer gives: "17 October 1960" is wrong, "October 1960"
  is too vague (which day?), "7 Oct 60" asks for the year in full. A month answer ("June
  2025") matches on the month and the year; a range needs both ends. A part that contradicts
  any accepted form is wrong, even when a vaguer form ("May 9") would match.
- Names and other text: case, accents, punctuation, possessives, articles, titles ("President",
  "Minister", "Mr", "Dr", "the"), initials ("V. Putin"), word order and spaces ("Xieng Khouang" =
  "Xiengkhouang") do not matter, nor "St." against "Saint"; an acronym matches the words it
  stands for ("LPRP"). Typos are forgiven within an edit budget that grows with the word (none
  up to 4 letters, 1 up to 8, 2 up to 12, then 3; a plural "s" is free); numbers within text
  must be equal. Every distinctive word of the expected answer (or of one of
  its accepted forms) must be there; words such as "hospital" or "province" may be left out, but
  alone they are too vague ("which hospital?"). A word that is not part of the answer makes it
  wrong, so "atom" is not "Rosatom". An answer closer to another name of the article (a rival)
  than to the expected one is wrong ("that is Vladivostok, not Vientiane"), and so is a list of
  guesses ("Putin or Lavrov", "Putin, Lavrov") unless each guess is a form of the answer.
- An empty answer is not correct ("no answer"), nor one over 300 characters ("too long"), and an
  answer equal to the expected one or to an accepted form is always correct. Any string is
  graded without an exception.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from laorus.dates_text import DateParts, read_dates
from laorus.numbers import find_numbers
from laorus.wording import Alignment, Word, align, has_list_marker, key_set, split_list, words

_MAX_ANSWER = 300
"""Characters; a longer answer is not one answer, and grading it fuzzily would be slow."""
_MAX_FORM = 300
"""Characters; a longer expected answer, accepted form or rival is only compared exactly."""


@dataclass(frozen=True, slots=True)
class Verdict:
    """Whether an answer is right, and why, in words a person reads after answering."""

    correct: bool
    reason: str


def grade(
    given: str,
    expected: str,
    aliases: Sequence[str] = (),
    *,
    kind: str | None = None,
    rivals: Sequence[str] = (),
) -> Verdict:
    """Grade ``given`` against the expected answer and its accepted forms (``aliases``)."""
    answer = _clean(given)
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
    kind = effective_kind(kind, forms[0])
    if kind in ("year", "number"):
        return _grade_number(answer, forms, kind)
    if kind in ("date", "month"):
        return _grade_date(answer, forms)
    others = [rival for rival in (_clean(text) for text in rivals) if 0 < len(rival) <= _MAX_FORM]
    return _grade_text(answer, forms, kind, others)


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


def _grade_number(answer: str, forms: list[str], kind: str) -> Verdict:
    targets = {number.value for form in forms for number in find_numbers(form)[:1]}
    what = "year" if kind == "year" else "number"
    dated = [date for date in read_dates(answer).dates if date.month is not None]
    if kind == "year" and dated:
        years = {date.year for date in dated}
        if None in years:
            return Verdict(False, "too vague: which year?")
        if any(date.short_year for date in dated):
            return Verdict(False, "give the year in full (four digits)")
        values = {Fraction(year) for year in years if year is not None}
    else:
        numbers = find_numbers(answer)
        if any(number.decade for number in numbers):
            return Verdict(False, "too vague: which year of the decade?")
        if not numbers:
            return Verdict(False, f"not a {what}")
        values = {number.value for number in numbers}
        short = [n for n in numbers if n.digits in (1, 2) and any(t >= 1000 for t in targets)]
        if kind == "year" and len(values) == 1 and short:
            return Verdict(False, "give the year in full (four digits)")
    if len(values) > 1:
        return Verdict(False, _several(len(values)))
    return Verdict(True, "correct") if values <= targets else Verdict(False, f"wrong {what}")


def _several(count: int) -> str:
    return "two different answers given" if count == 2 else f"{count} different answers given"


def _grade_date(answer: str, forms: list[str]) -> Verdict:
    targets = [dates for dates in (read_dates(form).dates for form in forms) if dates]
    read = read_dates(answer)
    given = tuple(dict.fromkeys(read.dates))
    if not given or not targets:
        return Verdict(False, "not a date")
    if not all(date.valid for date in given):
        return Verdict(False, "no such date")
    if read.other_words and any(d.month is None and d.day is not None for d in given):
        # A day without a month, next to a word that is no month: "7 Ocotbr 1960".
        return Verdict(False, f"not a date I can read: {' '.join(read.other_words)}")
    verdicts = [_compare_dates(given, dates) for dates in targets if len(dates) == len(given)]
    if not verdicts:
        if len(given) > 1:
            return Verdict(False, _several(len(given)))
        return Verdict(False, "too vague: give the first and the last day")
    wrong = [verdict for verdict in verdicts if verdict.reason.startswith(("wrong", "give"))]
    if wrong:  # a part the answer gives contradicts a form: an alias with fewer parts won't save it
        return wrong[0]
    right = [verdict for verdict in verdicts if verdict.correct]
    if right and read.misspelt:
        typos = "typos" if len(read.misspelt) > 1 else "a typo"
        return Verdict(True, f"accepted, with {typos}: {', '.join(read.misspelt)}")
    return right[0] if right else verdicts[0]


def _compare_dates(given: tuple[DateParts, ...], expected: tuple[DateParts, ...]) -> Verdict:
    wrong: list[str] = []
    missing: list[str] = []
    for answer, target in zip(given, expected, strict=True):
        for part in ("year", "month", "day"):
            want, got = getattr(target, part), getattr(answer, part)
            if want is None:
                continue
            if got is None:
                missing.append(part)
            elif part == "year" and answer.short_year:
                return Verdict(False, "give the year in full (four digits)")
            elif got != want:
                wrong.append(part)
    if wrong:
        return Verdict(False, f"wrong {wrong[0]}" if len(set(wrong)) == 1 else "wrong date")
    if missing:
        parts = sorted(set(missing), key=("month", "day", "year").index)
        return Verdict(False, f"too vague: which {' and '.join(parts)}?")
    return Verdict(True, "correct")


def _grade_text(answer: str, forms: list[str], kind: str, rivals: list[str]) -> Verdict:
    given = words(answer)
    form_words = [words(form) for form in forms]
    if has_list_marker(given) and not any(has_list_marker(form) for form in form_words):
        parts = split_list(given)
        verdicts = [_grade_words(part, form_words, forms, kind, rivals) for part in parts]
        if len(parts) > 1 and not all(verdict.correct for verdict in verdicts):
            return Verdict(False, _several(len(parts)))
        return verdicts[0] if verdicts else Verdict(False, "no answer")
    return _grade_words(given, form_words, forms, kind, rivals)


def _grade_words(
    given: Sequence[Word],
    form_words: Sequence[Sequence[Word]],
    forms: list[str],
    kind: str,
    rivals: list[str],
) -> Verdict:
    """Grade names and other text by aligning words; see the module docstring for the rules."""
    alignments = [align(given, wanted) for wanted in form_words]
    best = min(alignments, key=lambda a: (not a.accepted, len(a.missing) + len(a.extra), a.cost))
    own = [key_set(wanted) for wanted in form_words]
    others: list[tuple[str, Alignment]] = []
    for rival in rivals:
        keys = key_set(words(rival))
        if keys and not any(keys <= mine or mine <= keys for mine in own):
            others.append((rival, align(given, words(rival))))
    named = [(a.cost, rival) for rival, a in others if a.accepted]
    expected = forms[0]
    if best.accepted:
        if named and min(named)[0] < best.cost:
            return Verdict(False, f"that is {min(named)[1]}, not {expected}")
        if best.typos:
            typos = "typos" if len(best.typos) > 1 else "a typo"
            return Verdict(True, f"accepted, with {typos}: {', '.join(best.typos)}")
        return Verdict(True, "correct")
    if named:
        return Verdict(False, f"that is {min(named)[1]}, not {expected}")
    near = [rival for rival, a in others if not a.extra and a.matched]
    if best.extra and any(word.number for word in best.extra):
        has_year = any(w.number and _is_year(w.key) for wanted in form_words for w in wanted)
        return Verdict(False, "wrong year" if has_year else "wrong number")
    if best.extra and (best.matched or best.generic):
        if not best.missing:
            extras = " ".join(word.surface for word in best.extra)
            if any(not align(best.extra, words(r)).extra for r, _ in others):
                return Verdict(False, "two different answers given")
            return Verdict(False, f"not part of the answer: {extras}")
        return Verdict(False, "wrong answer")
    if best.extra:
        return Verdict(False, f"that is {near[0]}, not {expected}" if near else "wrong answer")
    if not best.matched and best.generic:
        return Verdict(False, f"too vague: which {best.generic[-1].key}?")
    what = "name" if kind in ("person", "place", "organisation") else "answer"
    return Verdict(False, f"too vague: part of the {what} is missing")


def _is_year(key: str) -> bool:
    return len(key) == 4 and key.isdigit() and 1000 <= int(key) <= 2999
