"""Grade a quiz answer: forgive typos and word order, never a wrong number, date or name.

The rules, by the kind of answer (a year or number, a date or month, a name or other text), with
real verdicts, are written down in one place: docs/grading.md. Change them there with the code.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

from laorus.answers.dates_numbers import Verdict, grade_date, grade_number, several
from laorus.answers.words import Alignment, Word, align, has_list_marker, key_set, split_list, words
from laorus.store.model import NAME_KINDS
from laorus.text.dates import read_dates
from laorus.text.numerals import find_numbers

_MAX_ANSWER = 300
"""Characters; a longer answer is not one answer, and grading it fuzzily would be slow."""
_MAX_FORM = 300
"""Characters; a longer expected answer, accepted form or rival is only compared exactly."""

__all__ = ["Verdict", "effective_kind", "grade", "infer_kind"]


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
        return grade_number(answer, forms, kind)
    if kind in ("date", "month"):
        return grade_date(answer, forms)
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
    if declared in NAME_KINDS or declared == "text":
        return declared
    return inferred


def _clean(text: str) -> str:
    """NFKC text without control, format or unassigned characters, spaces collapsed."""
    text = unicodedata.normalize("NFKC", text)
    if not text.isprintable():  # rare: only then look at each character
        text = "".join(" " if unicodedata.category(char)[0] == "C" else char for char in text)
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class _Text:
    """What a text answer is graded against."""

    forms: list[str]
    form_words: list[tuple[Word, ...]]
    kind: str
    rivals: list[tuple[str, tuple[Word, ...]]]
    """The article's other names: those that are no form of the answer (nor hold one)."""
    known: frozenset[str]
    """Words that stand for themselves, never a typo of another: those of the forms and rivals."""
    listed: bool
    """The answer joins its parts as a list does: a comma, "and", "&"."""


def _grade_text(answer: str, forms: list[str], kind: str, rivals: list[str]) -> Verdict:
    given = words(answer)
    form_words = [words(form) for form in forms]
    own = [key_set(wanted) for wanted in form_words]
    others = []
    for rival in rivals:
        keys = key_set(words(rival))
        if keys and not any(keys <= mine or mine <= keys for mine in own):
            others.append((rival, words(rival)))
    known = frozenset().union(*own, *(key_set(found) for _, found in others))
    listed = any(char in answer for char in ",;&") or any(w.key == "and" for w in given)
    text = _Text(forms, form_words, kind, others, known, listed)
    if has_list_marker(given) and not any(has_list_marker(form) for form in form_words):
        parts = split_list(given)
        verdicts = [_grade_words(part, text) for part in parts]
        if len(parts) > 1 and not all(verdict.correct for verdict in verdicts):
            return Verdict(False, several(len(parts)))
        return verdicts[0] if verdicts else Verdict(False, "no answer")
    return _grade_words(given, text)


def _grade_words(given: Sequence[Word], text: _Text) -> Verdict:
    """Grade names and other text by aligning words; see the module docstring for the rules."""
    alignments = [align(given, wanted, text.known) for wanted in text.form_words]
    best = min(alignments, key=lambda a: (not a.accepted, len(a.missing) + len(a.extra), a.cost))
    within = [a for a in alignments if not a.extra and a.matched]
    if not best.accepted and within and any(not a.missing and a.matched for a in alignments):
        # Every word is of one form (the full name) and the words one form needs are there:
        # "Mittaphab Friendship Hospital" for "Mittaphab Russian-Lao Friendship Hospital".
        best = replace(min(within, key=lambda a: a.cost), missing=())
    others = [(rival, align(given, found, text.known)) for rival, found in text.rivals]
    named = [(a.cost, rival) for rival, a in others if a.accepted]
    expected = text.forms[0]
    if best.accepted:
        if named and min(named)[0] < best.cost:
            return Verdict(False, f"that is {min(named)[1]}, not {expected}")
        if best.typos:
            typos = "typos" if len(best.typos) > 1 else "a typo"
            return Verdict(True, f"accepted, with {typos}: {', '.join(best.typos)}")
        return Verdict(True, "correct")
    if named:
        return Verdict(False, f"that is {min(named)[1]}, not {expected}")
    numbered = [w for wanted in text.form_words for w in wanted if w.number]
    if numbered and any(word.number for word in best.extra):
        wrong = "wrong year" if any(_is_year(w.key) for w in numbered) else "wrong number"
        return Verdict(False, wrong)
    if best.extra and (best.matched or best.generic):
        return _extra_words(best, text)
    if best.extra:
        near = [rival for rival, a in others if not a.extra and a.matched]
        return Verdict(False, f"that is {near[0]}, not {expected}" if near else "wrong answer")
    if not best.matched and best.generic:
        return Verdict(False, f"too vague: which {best.generic[-1].key}?")
    what = "name" if text.kind in NAME_KINDS else "answer"
    return Verdict(False, f"too vague: part of the {what} is missing")


def _extra_words(best: Alignment, text: _Text) -> Verdict:
    """Why an answer that has some of the expected words, and others, is wrong."""
    extras = " ".join(word.surface for word in best.extra)
    for rival, found in text.rivals:
        of_rival = align(best.extra, found, text.known)
        if of_rival.extra:
            continue
        if text.kind == "place" and text.listed:
            break  # "Vientiane, Laos": may say where the place is, but that is not the answer
        if text.listed or of_rival.accepted:
            return Verdict(False, "two different answers given")
        # "Thongsavanh Sisoulith": one name made of two people's names
        return Verdict(False, f"not part of the answer: {extras}, as in {rival}")
    if best.missing:
        return Verdict(False, "wrong answer")
    return Verdict(False, f"not part of the answer: {extras}")


def _is_year(key: str) -> bool:
    return len(key) == 4 and key.isdigit() and 1000 <= int(key) <= 2999
