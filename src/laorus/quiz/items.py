"""Build quiz items (free, choice, cloze or mixed) from a fact store, in a seeded order."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from laorus.errors import LaorusError
from laorus.quiz.choices import distractors, infer_kind
from laorus.quiz.cloze import Blank, blanks, distinct
from laorus.store.model import MODES, Fact, Store
from laorus.text.sentences import sentences
from laorus.text.words import same_words, words


@dataclass(frozen=True, slots=True)
class QuizItem:
    """One question as the quiz asks it, with what it takes to grade and explain the answer."""

    key: str
    """Stable identity in the history: ``<fact-id>#<n>`` or ``<fact-id>#cloze-<hash>``."""
    fact_id: str
    category: str
    mode: str
    """How it is asked: "free", "choice" or "cloze"."""
    prompt: str
    answer: str
    accept: tuple[str, ...] = ()
    kind: str | None = None
    choices: tuple[str, ...] = ()
    rivals: tuple[str, ...] = ()
    """The article's other names, which the grader must not take for the answer."""
    context: str = ""
    """The article's sentence (or sentences) that give the answer."""
    highlight: tuple[int, int] | None = None
    """Where the answer lies in ``context``, when it is written there."""


@dataclass(frozen=True, slots=True)
class Selection:
    """Which facts a quiz draws on."""

    category: str | None = None
    tag: str | None = None


class NoQuestions(LaorusError):
    """The filters leave nothing to ask in this mode; says which filters and mode."""

    def __init__(self, mode: str, selection: Selection) -> None:
        self.mode = mode
        self.selection = selection
        parts = [f"in category {selection.category}"] if selection.category else []
        if selection.tag:
            parts.append(f"with tag {selection.tag!r}")
        where = f" {' and '.join(parts)}" if parts else " in this store"
        what = "cloze sentences" if mode == "cloze" else "questions"
        super().__init__(f"no {what}{where}; loosen the filters or try another mode")


def select_facts(store: Store, selection: Selection) -> tuple[Fact, ...]:
    """The facts of the store that pass the category and tag filters."""
    tag = same_words(selection.tag) if selection.tag is not None else None
    return tuple(
        fact
        for fact in store.facts
        if (selection.category is None or fact.category == selection.category)
        and (tag is None or tag in {same_words(t) for t in fact.tags})
    )


def all_tags(store: Store) -> tuple[str, ...]:
    """Every tag of the store, sorted."""
    return tuple(sorted({tag for fact in store.facts for tag in fact.tags}))


def _words(text: str) -> frozenset[str]:
    return frozenset(words(text))


def rivals_for(store: Store, forms: Sequence[str]) -> tuple[str, ...]:
    """The store's names that are not a form of the expected answer (nor contain one)."""
    own = [_words(form) for form in forms]
    names = sorted(store.name_kinds())  # every name the facts list, gathered once per store
    return tuple(
        name
        for name in names
        if not any(w and (w <= _words(name) or _words(name) <= w) for w in own)
    )


def _context(
    store: Store, start: int, end: int, answers: Sequence[str]
) -> tuple[str, tuple[int, int] | None]:
    """The sentences spanning [start, end) and where one of ``answers`` lies in them."""
    covering = [s for s in sentences(store.source.text) if s.start < end and start < s.end]
    if not covering:
        return store.source.text[start:end], None
    text = store.source.text[covering[0].start : covering[-1].end]
    lowered = text.casefold()
    quote_at = max(start - covering[0].start, 0)
    for form in answers:
        needle = form.casefold()
        # Prefer the answer inside the quote over an earlier mention in the same sentence.
        found = lowered.find(needle, quote_at)
        if found < 0:
            found = lowered.find(needle)
        if found >= 0:
            return text, (found, found + len(needle))
    return text, None


def question_item(store: Store, fact: Fact, number: int, mode: str, rng: random.Random) -> QuizItem:
    """Item for the fact's question ``number`` (1-based), asked free or with four choices."""
    question = fact.questions[number - 1]
    kind = question.kind or infer_kind(question.answer, store)
    end = fact.quote_start + len(fact.quote)
    context, highlight = _context(store, fact.quote_start, end, question.forms)
    choices: tuple[str, ...] = ()
    if mode == "choice":
        others = distractors(store, question, kind, rng)
        if others:
            options = [question.answer, *others]
            rng.shuffle(options)
            choices = tuple(options)
    return QuizItem(
        key=f"{fact.id}#{number}",
        fact_id=fact.id,
        category=fact.category,
        mode="choice" if choices else "free",
        prompt=question.question,
        answer=question.answer,
        accept=question.accept,
        kind=question.kind,
        choices=choices,
        rivals=rivals_for(store, question.forms),
        context=context,
        highlight=highlight,
    )


def cloze_item(store: Store, fact: Fact, blank: Blank) -> QuizItem:
    """Item that asks for the words blanked out of an article sentence."""
    return QuizItem(
        key=blank.key,
        fact_id=fact.id,
        category=fact.category,
        mode="cloze",
        prompt=f"Fill in the blank ({_hint(blank)}): {blank.prompt}",
        answer=blank.answer,
        kind=blank.kind,
        rivals=rivals_for(store, (blank.answer,)),
        context=blank.sentence.text,
        highlight=(blank.start, blank.start + len(blank.answer)),
    )


def _hint(blank: Blank) -> str:
    if blank.kind == "date" and not re.search(r"\d{4}", blank.answer):
        return "a day and month"
    return _KIND_HINT.get(blank.kind, blank.kind)


_KIND_HINT = {
    "date": "a date",
    "month": "a month and year",
    "year": "a year",
    "number": "a number",
    "person": "a person",
    "place": "a place",
    "organisation": "an organisation",
}


def build(
    store: Store,
    mode: str,
    count: int,
    rng: random.Random,
    selection: Selection = Selection(),
    first: Sequence[str] = (),
) -> list[QuizItem]:
    """Up to ``count`` items in a seeded order; the keys in ``first`` (due reviews) lead.

    A quiz never asks the same question text twice, nor one article sentence twice (two blanks
    of one sentence would give each other away). Raises LaorusError when the filters leave
    nothing to ask.
    """
    if mode not in MODES:
        msg = f"unknown mode {mode!r}; use one of {', '.join(MODES)}"
        raise LaorusError(msg)
    facts = select_facts(store, selection)
    # Candidates are (key, how to build); building is deferred so that rng draws for choices
    # happen only for the items actually asked, in the order they are asked.
    questions = [
        (f"{fact.id}#{n}", fact, n) for fact in facts for n in range(1, len(fact.questions) + 1)
    ]
    draws_blanks = mode in ("cloze", "mixed")
    # A due cloze review is asked whatever the mode, so its blanks are needed then too.
    due_blank = any("#cloze-" in key for key in first)
    cloze = blanks(store, facts) if draws_blanks or due_blank else {}
    # Every fact's blanks answer to their keys (a due review may name any of them) ...
    by_key = {blank.key: blank for options in cloze.values() for blank in options}
    pool: list[str] = []
    if mode != "cloze":
        pool.extend(key for key, _, _ in questions)
    if draws_blanks:
        # ... but a quiz draws one blank per sentence, so it covers many sentences.
        pool.extend(rng.choice(options).key for _, options in sorted(distinct(cloze).items()))
    if not pool:
        raise NoQuestions(mode, selection)
    rng.shuffle(pool)
    question_keys = {key: (fact, n) for key, fact, n in questions}
    order = [k for k in dict.fromkeys(first) if k in question_keys or k in by_key]
    order += [k for k in pool if k not in order]
    items: list[QuizItem] = []
    fact_of = {fact.id: fact for fact in facts}
    asked: set[str] = set()
    for key in order:
        if len(items) == count:
            break
        if key in question_keys:
            fact, n = question_keys[key]
            seen = "question:" + same_words(fact.questions[n - 1].question)
        else:
            seen = f"sentence:{by_key[key].sentence.start}"
        if seen in asked:
            continue
        asked.add(seen)
        if key in question_keys:
            how = rng.choice(("free", "choice")) if mode == "mixed" else mode
            items.append(question_item(store, fact, n, "free" if how == "cloze" else how, rng))
        else:
            blank = by_key[key]
            items.append(cloze_item(store, fact_of[blank.fact_id], blank))
    return items
