"""Score a quiz run: read each answer (a choice letter, number or text), grade it, sum up."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from laorus.quiz.items import QuizItem
from laorus.store.model import LETTERS, Store


@dataclass(frozen=True, slots=True)
class Answer:
    """One answered (or skipped) item with the grader's verdict."""

    item: QuizItem
    given: str
    """What the person typed, stripped."""
    meant: str
    """The option a choice letter or number stood for, else ``given``."""
    correct: bool
    reason: str

    @property
    def skipped(self) -> bool:
        """True when the answer was left empty."""
        return not self.given


def numbers_answer(item: QuizItem) -> bool:
    """True when a number typed is an answer, not an option's position: the answer is a number
    or a year ("two", "1954"), or an option is one ("five")."""
    from laorus.answers.grade import infer_kind

    numeric = ("year", "number")
    if item.kind in numeric:
        return True
    return any(infer_kind(text) in numeric for text in (item.answer, *item.choices))


def resolve_choice(item: QuizItem, given: str) -> str:
    """The option text that ``given`` picks, else ``given`` as typed.

    An option is picked by its text ("24 October 2024"), its letter ("b", "B", "b)", "(b)",
    "b.") or number ("2"), or both as the answer key prints them ("b) 24 October 2024",
    "(b) 24 October 2024", "b. 24 October 2024"). A letter with the text of another option
    picks neither (see ``mismatch``). When the options are numbers, a number typed is an
    answer ("2" for "two"), never an option's position.
    """
    text = given.strip()
    if not item.choices:
        return text
    named = _option_named(item, text)
    if named is not None:
        return named
    label = _label(text)
    if len(label) == 1 and label in LETTERS[: len(item.choices)]:
        return item.choices[LETTERS.index(label)]
    if (
        label.isascii()
        and label.isdigit()
        and 1 <= int(label) <= len(item.choices)
        and not numbers_answer(item)
    ):
        return item.choices[int(label) - 1]
    labelled = _labelled(item, text)
    if labelled is not None:
        option, rest = labelled
        if _same_option(item, rest, option):
            return option
    return text


_LABELLED = re.compile(r"\(?([a-z]|\d{1,2})\s*[).:]\s*(\S.*)", re.IGNORECASE | re.DOTALL)
"""A label and text, as the answer key prints them: "b) ...", "(b) ...", "b. ...", "2) ..."."""


def _label(text: str) -> str:
    return text.strip().strip("()").rstrip(").:").strip().casefold()


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def _option_named(item: QuizItem, text: str) -> str | None:
    wanted = _normal(text)
    return next((choice for choice in item.choices if _normal(choice) == wanted), None)


def _labelled(item: QuizItem, text: str) -> tuple[str, str] | None:
    """(the option a label stands for, the text after it) for "b) 24 October 2024", else None."""
    found = _LABELLED.fullmatch(text)
    if found is None:
        return None
    label, rest = found.group(1).casefold(), found.group(2).strip()
    if label.isdigit() and numbers_answer(item):
        return None
    index = LETTERS.find(label) if label.isalpha() else int(label) - 1
    if label.isalpha() and not label.isascii():
        return None
    if not 0 <= index < len(item.choices):
        return None
    return item.choices[index], rest


def _same_option(item: QuizItem, text: str, option: str) -> bool:
    """True when ``text`` is ``option`` as the grader reads it (spelling, case, date format)."""
    from laorus.answers.grade import grade

    if _normal(text) == _normal(option):
        return True
    return grade(text, option, kind=item.kind).correct


def mismatch(item: QuizItem, given: str) -> str | None:
    """Why a label and a text name different options ("b) Kazan" when b is Tianjin), else None."""
    text = given.strip()
    if not item.choices or resolve_choice(item, text) != text:
        return None
    labelled = _labelled(item, text)
    if labelled is None or _option_named(item, text) is not None:
        return None
    option, rest = labelled
    label = _label(text.split(maxsplit=1)[0])
    return f"option {label} is {option}, not {rest}: give the letter or the text of one option"


def not_an_option(item: QuizItem, given: str) -> bool:
    """True when ``given`` looks like a choice label that the item has not ("e" for a-d).

    A single letter is always a label. A number is one unless the answer is a number or a
    year, where "7" may be meant as an answer.
    """
    text = given.strip()
    if not item.choices or not text or resolve_choice(item, text) != text:
        return False
    if any(choice.casefold() == text.casefold() for choice in item.choices):
        return False
    label = _label(text)
    if len(label) == 1 and label.isascii() and label.isalpha():
        return True
    return label.isascii() and label.isdigit() and len(label) <= 2 and not numbers_answer(item)


def labels(item: QuizItem) -> str:
    """How an option is picked: 'a-d or 1-4', or 'a-d' alone when a number is an answer."""
    count = len(item.choices)
    letters = f"a-{LETTERS[count - 1]}"
    return letters if numbers_answer(item) else f"{letters} or 1-{count}"


def no_option(item: QuizItem, given: str) -> str:
    """Why a label is not an option, and how to pick one: 'there is no option e: choose ...'."""
    return f"there is no option {_label(given)}: choose {labels(item)}, or type the answer"


def check(item: QuizItem, given: str, store: Store | None = None) -> Answer:
    """Grade ``given`` against the item; an empty answer is a skip, never an error.

    A label the item has not ("e" on a-d) is graded as the text typed, and the reason says so.
    ``store`` gives the names vocabulary (the shipped store's when None).
    """
    from laorus.answers.grade import grade

    text = given.strip()
    if not text:
        return Answer(item, "", "", False, "skipped")
    meant = resolve_choice(item, text)
    if item.mode == "cloze":
        meant = without_neighbours(item, meant)
    verdict = grade(
        meant,
        item.answer,
        aliases=item.accept,
        question=item.prompt if item.mode != "cloze" else None,
        store=store,
        kind=item.kind,
        rivals=item.rivals,
        on=item.on,
        evidence=_evidence(item),
    )
    reason = verdict.reason
    conflict = mismatch(item, text)
    if conflict is not None:
        return Answer(item, text, meant, False, conflict)
    if not verdict.correct and not_an_option(item, text):
        reason = no_option(item, text)
    elif not verdict.correct and meant in item.choices:
        # The grader's "that is X, not Y" or "wrong number" says less than the option picked.
        reason = f"you chose {LETTERS[item.choices.index(meant)]}: {meant}"
    return Answer(item, text, meant, verdict.correct, reason)


def _evidence(item: QuizItem) -> tuple[str, int, int] | None:
    """The article's sentence and where the answer lies in it, or None when not known (an
    answer the article does not write, or a cloze, whose sentence the answer completes)."""
    if item.highlight is None or item.mode == "cloze":
        return None
    return item.context, *item.highlight


_NEIGHBOURS = 2
"""How many of the sentence's own words next to a blank an answer may repeat."""
_FOLLOWING = re.compile(rf"((?: [a-z]+){{1,{_NEIGHBOURS}}})\b")
_PRECEDING = re.compile(rf"\b((?:[a-z]+ ){{1,{_NEIGHBOURS}}})$")


def without_neighbours(item: QuizItem, text: str) -> str:
    """A cloze answer without the sentence's own words that it repeats right beside the blank:
    "Kiev regime" for "...controlled by the _____ regime" is "Kiev". Only plain lower-case
    words joined to the blank by a space count (not "and GAZ Group" after "_____,")."""
    from laorus.quiz.cloze import BLANK

    before, blank, after = item.sentence.partition(BLANK)
    if not blank:
        return text
    following = _FOLLOWING.match(after)
    preceding = _PRECEDING.search(before)
    found = text
    if following:
        for size in range(_NEIGHBOURS, 0, -1):
            tail = " ".join(following.group(1).split()[:size])
            if found.casefold().endswith(" " + tail):
                found = found[: -len(tail) - 1].rstrip()
                break
    if preceding:
        for size in range(_NEIGHBOURS, 0, -1):
            head = " ".join(preceding.group(1).split()[-size:])
            if found.casefold().startswith(head + " "):
                found = found[len(head) + 1 :].lstrip()
                break
    return found or text


@dataclass(frozen=True, slots=True)
class Summary:
    """The score of a run, which may have ended early."""

    answers: tuple[Answer, ...]
    planned: int
    """How many items the quiz meant to ask."""
    ended_early: bool = False
    seed: int | None = None

    @property
    def total(self) -> int:
        """Items asked, including skipped ones."""
        return len(self.answers)

    @property
    def correct(self) -> int:
        """Items answered right."""
        return sum(1 for answer in self.answers if answer.correct)

    @property
    def skipped(self) -> int:
        """Items left empty."""
        return sum(1 for answer in self.answers if answer.skipped)

    @property
    def score(self) -> float:
        """The share of asked items answered right, from 0.0 to 1.0."""
        return self.correct / self.total if self.total else 0.0

    def to_json(self) -> dict[str, Any]:
        """The summary as plain JSON data for ``--json``."""
        return {
            "total": self.total,
            "correct": self.correct,
            "skipped": self.skipped,
            "planned": self.planned,
            "ended_early": self.ended_early,
            "seed": self.seed,
            "answers": [
                {
                    "question": answer.item.prompt,
                    "expected": answer.item.answer,
                    "given": answer.given,
                    "chosen": answer.meant if answer.item.choices else None,
                    "correct": answer.correct,
                    "reason": answer.reason,
                    "fact_id": answer.item.fact_id,
                    "key": answer.item.key,
                    "mode": answer.item.mode,
                }
                for answer in self.answers
            ],
        }


def answer_key(items: list[QuizItem]) -> list[dict[str, Any]]:
    """The items with their answers (and options), as ``--answer-key --json`` prints them.

    ``accept`` holds the answer's other accepted forms; ``sentence`` is a cloze item's
    sentence with its blank (null for other items).
    """
    return [
        {
            "number": number,
            "question": item.prompt,
            "answer": item.answer,
            "accept": list(item.accept),
            "choices": list(item.choices),
            "mode": item.mode,
            "fact_id": item.fact_id,
            "key": item.key,
            "sentence": item.sentence or None,
        }
        for number, item in enumerate(items, 1)
    ]
