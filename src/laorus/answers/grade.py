"""Grade a quiz answer: forgive typos and word order, never a wrong number, date or name.

The rules, by the kind of answer (a year or number, a date or month, a name or other text), with
real verdicts, are written down in one place: docs/grading.md. Change them there with the code.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from laorus.answers.context import (
    number_idioms,
    question_words,
    undot,
    unframe,
    without_rate,
)
from laorus.answers.dates_numbers import (
    DateSpan,
    Verdict,
    grade_date,
    grade_number,
    is_rank,
    off_the_article,
)
from laorus.answers.names import Vocabulary, vocabulary
from laorus.answers.text import grade_text
from laorus.answers.words import words
from laorus.store.model import LISTED_NAME_KINDS
from laorus.text.dates import read_dates
from laorus.text.numerals import find_numbers
from laorus.text.words import same_words

if TYPE_CHECKING:
    from laorus.store.model import Question, Store

_MAX_ANSWER = 300
"""Characters; a longer answer is not one answer, and grading it fuzzily would be slow."""
_MAX_FORM = 300
"""Characters; a longer expected answer, accepted form or rival is only compared exactly."""
__all__ = ["DateSpan", "Verdict", "effective_kind", "grade", "infer_kind"]


def grade(
    given: str,
    expected: str,
    *,
    aliases: Sequence[str] = (),
    question: Question | str | None = None,
    store: Store | None = None,
    kind: str | None = None,
    rivals: Sequence[str] = (),
    on: Sequence[DateSpan] | None = None,
    evidence: tuple[str, int, int] | None = None,
) -> Verdict:
    """Judge ``given`` against the expected answer and its accepted forms, with the store's names.

    ``question`` (a Question or its text) lets the answer repeat the question's words and gives
    the kind when ``kind`` does not; ``store`` gives the names vocabulary (the shipped store's
    when None); ``rivals`` adds names the answer must not be taken for; ``on`` gives the dates
    the article gives for what a date, month or year question asks about, which the parts an
    answer adds must agree with; ``evidence`` (the article's sentence and where the answer lies
    in it) limits the question's words that a text answer may repeat to those the article has
    next to the answer.
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
        # A year the question writes may stand beside a count ("2 meetings in 2024"); no number
        # of the answer's own kind, which would be a hedge ("1955 1975", "70 50").
        restated = (
            {n.value for n in find_numbers(text_of) if n.is_year}
            if text_of and kind == "number"
            else set()
        )
        times = _TIMES.search(answer)
        if times and kind == "number" and is_rank(forms[0]):  # "thrice" for "third"
            return Verdict(False, f"wrong number: {times.group()} says how many times, not a rank")
        plain = number_idioms(without_rate(answer, asked))
        verdict = grade_number(plain, forms, kind, asked, on, restated)
        idiom = "year" not in answer.casefold()  # an idiom's years: "a century" scholarships
        if idiom and verdict.reason == "not part of the answer: years":
            return Verdict(False, f"wrong number: {answer} counts years")
        return _placed(verdict, answer, text_of)
    if kind in ("date", "month"):
        verdict = grade_date(answer, forms, asked)
        other = _other_year(answer, forms, text_of) if verdict.correct and text_of else None
        if not other and verdict.correct and on is not None:
            other = off_the_article(read_dates(answer).dates, on, _lacks(forms[0]))
        return Verdict(False, other) if other else _placed(verdict, answer, text_of)
    found = vocabulary(store)
    plain_forms = {same_words(form) for form in forms}
    answer = _unglossed(answer, found, plain_forms)
    if kind != "person":
        answer = undot(answer)
    if same_words(answer) in plain_forms:
        return Verdict(True, "correct")
    near = None
    if evidence is not None:
        said = f"{_beside(*evidence)} {' '.join(_ASKED_KIND.findall(text_of or ''))}"
        near = frozenset(w.key for w in words(said))
    return grade_text(answer, forms, kind, found, rivals, asked, near)


_TIMES = re.compile(r"\b(?:once|twice|thrice)\b", re.IGNORECASE)


_BESIDE = 4
"""How many of the article's words on each side of an answer a question's word may be, to
stand beside the answer: "balanced position" (the next word), not "balanced crisis"."""


def _beside(sentence: str, start: int, end: int) -> str:
    """The article's words around the answer in its sentence."""
    before = sentence[:start].split()[-_BESIDE:]
    after = sentence[end:].split()[:_BESIDE]
    return " ".join([*before, sentence[start:end], *after])


_ASKED_KIND = re.compile(
    r"\b(?:which|what)\s+(?:kind\s+of\s+|sort\s+of\s+|type\s+of\s+)?([\w-]+)", re.IGNORECASE
)
"""The word that says what a question asks for ("Which sector ...?"): the answer may say it
("the energy sector") wherever the article has it."""


_GLOSSED = re.compile(r"(.+?)\s*\(([^()]+)\)")


def _unglossed(answer: str, found: Vocabulary, forms: Collection[str]) -> str:
    """A name followed by another form of itself in brackets, without the brackets: "Eurasian
    Economic Union (EAEU)" is judged as "Eurasian Economic Union"; so is an answer glossed
    with an accepted form ("small and medium-sized enterprises (SMEs)")."""
    match = _GLOSSED.fullmatch(answer)
    if match is not None:
        name = found.name_of(match.group(1))
        if name is not None and found.name_of(match.group(2)) is name:
            return match.group(1)
        if same_words(match.group(2)) in forms:  # the forms as same_words() gives them
            return match.group(1)
    return answer


_PLACED = re.compile(r"\b(in|at|from|to|of)\s+([A-Z][\w'’-]*)")


def _placed(verdict: Verdict, answer: str, question: str | None) -> Verdict:
    """A right number or date beside a name of the question that the answer puts elsewhere than
    the question does ("2024 in Moscow" for "...the Days of Moscow held in Vientiane?"): the
    name is the question's word, but the claim is another."""
    if not verdict.correct or not question:
        return verdict
    asked = question.casefold()
    for match in _PLACED.finditer(answer):
        said = f"{match[1]} {match[2]}".casefold()
        if match[2].casefold() in asked and said not in asked:
            return Verdict(False, f"not part of the answer: {match[0]}")
    return verdict


def _lacks(expected: str) -> frozenset[str]:
    """The parts of a date that the expected answer does not give ("year" of "August 31")."""
    found = read_dates(expected).dates
    if not found:
        return frozenset()
    return frozenset(p for p in ("year", "month", "day") if getattr(found[0], p) is None)


def _other_year(answer: str, forms: list[str], question: str) -> str | None:
    """Why a date or month is wrong though its parts match: it names a year that the question
    contradicts ("June 2024" when the question asks about a month of 2025), else None."""
    given = {d.year for d in read_dates(answer).dates if d.year is not None}
    if not given:
        return None
    asked = {int(n.value) for n in find_numbers(question) if n.is_year}
    known = {d.year for form in forms for d in read_dates(form).dates if d.year is not None}
    if not asked or given <= asked | known:
        return None
    return f"wrong year: the question asks about {' or '.join(map(str, sorted(asked)))}"


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
    if declared in LISTED_NAME_KINDS or declared == "text":
        return declared
    return inferred


def _clean(text: str) -> str:
    """NFKC text without control, format or unassigned characters, spaces collapsed."""
    text = unicodedata.normalize("NFKC", text)
    if not text.isprintable():  # rare: only then look at each character
        text = "".join(" " if unicodedata.category(char)[0] == "C" else char for char in text)
    return " ".join(text.split())
