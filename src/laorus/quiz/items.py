"""Build quiz items (free, choice, cloze or mixed) from a fact store, in a seeded order."""

from __future__ import annotations

import functools
import random
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from laorus.answers.dates_numbers import DateSpan
from laorus.errors import LaorusError
from laorus.quiz.choices import distractors, infer_kind
from laorus.quiz.cloze import (
    Blank,
    BlankPool,
    blanks,
    distinct,
    fact_blanks,
    quoted_spans,
    sentence_spans,
)
from laorus.quiz.keys import question_key
from laorus.quiz.memo import memo
from laorus.quiz.overview import FactRow, Span, article_sentences, group_of, overview
from laorus.store.model import ANSWER_KINDS, KIND_GROUPS, MODES, Fact, PartialDate, Store
from laorus.text.dates import read_dates
from laorus.text.sentences import Sentence, covering
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
    sentence: str = ""
    """For a cloze item, the article's sentence with the answer blanked out."""
    derived: str | None = None
    """How the answer follows from the article when it is not written there (the fact's note)."""
    on: tuple[DateSpan, ...] | None = None
    """For a year, date or month answer, the dates the article gives in its year for what is
    asked: what an answer adds to the expected one (a day, a year) must agree with them."""


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
    """The facts of a whole store that pass the category and tag filters."""
    _whole(store)
    chosen = {row.id for row in select_rows(store, selection)}
    return tuple(fact for fact in store.facts if fact.id in chosen)


def select_rows(store: Store, selection: Selection) -> Iterator[FactRow]:
    """The store's facts (as its overview gives them) that pass the category and tag filters."""
    tag = same_words(selection.tag) if selection.tag is not None else None
    rows = overview(store).rows(selection.category)  # of the category, if one is given
    return (row for row in rows if tag is None or tag in row.tags)


def _whole(store: Store) -> None:
    """A LaorusError for a store that holds only some of its facts: a listing of every item
    would silently leave the others out."""
    if store.partial:
        msg = f"{store.path}: a listing needs every fact of the store"
        raise LaorusError(msg)


def all_tags(store: Store) -> tuple[str, ...]:
    """Every tag of the store, sorted."""
    return overview(store).tags


def _words(text: str) -> frozenset[str]:
    return frozenset(words(text))


def rivals_for(store: Store, forms: Sequence[str]) -> tuple[str, ...]:
    """The store's names that are not a form of the expected answer (nor contain one)."""
    cache = memo(store)
    key = ("rivals", tuple(forms))
    if key not in cache:
        cache[key] = _rivals(store, forms)
    found: tuple[str, ...] = cache[key]
    return found


def _rivals(store: Store, forms: Sequence[str]) -> tuple[str, ...]:
    own = [_words(form) for form in forms]
    names = overview(store).names
    return tuple(
        name
        for name in names
        if not any(w and (w <= _words(name) or _words(name) <= w) for w in own)
    )


def _context(
    store: Store, start: int, end: int, answers: Sequence[str]
) -> tuple[str, tuple[int, int] | None]:
    """The sentences spanning [start, end) and where one of ``answers`` lies in them."""
    covering = [s for s in article_sentences(store) if s.start < end and start < s.end]
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


def question_item(
    store: Store,
    fact: Fact,
    number: int,
    mode: str,
    rng: random.Random,
    avoid: Callable[[str], bool] | None = None,
) -> QuizItem:
    """Item for the fact's question ``number`` (1-based), asked free or with four choices.

    A question with fewer than three options is asked free (``QuizItem.mode`` says so); no
    option for which ``avoid`` is true (one that shows another question's answer) is offered.
    """
    question = fact.questions[number - 1]
    kind = question.kind or infer_kind(question.answer, store)
    end = fact.quote_end
    context, highlight = _context(store, fact.quote_start, end, question.forms)
    choices: tuple[str, ...] = ()
    if mode == "choice":
        others = distractors(store, question, kind, rng, fact, avoid)
        if others:
            options = [question.answer, *others]
            rng.shuffle(options)
            choices = tuple(options)
    return QuizItem(
        key=question_key(fact.id, number),
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
        derived=fact.derived if highlight is None else None,
        on=article_days(fact, fact.quote, question.answer, kind),
    )


def cloze_item(store: Store, fact: Fact, blank: Blank) -> QuizItem:
    """Item that asks for the words blanked out of an article sentence.

    The blank takes what a free question with that answer takes: the accepted forms and kind of
    the questions about the same sentence with the same answer, and every form of a name the
    vocabulary gives.
    """
    cache = memo(store)
    key = ("cloze", blank.key, fact.id)
    if key not in cache:
        cache[key] = _cloze_item(store, fact, blank)
    item: QuizItem = cache[key]
    return item


def _cloze_item(store: Store, fact: Fact, blank: Blank) -> QuizItem:
    from laorus.answers.names import accepted_forms

    same = same_words(blank.answer)
    here = overview(store).answer_forms.get(blank.sentence.start, {})
    accept, declared = here.get(same, ((), None))
    forms = accepted_forms(blank.answer, accept, store)
    kind = declared or KIND_GROUPS.get(blank.kind, blank.kind)
    return QuizItem(
        key=blank.key,
        fact_id=fact.id,
        category=fact.category,
        mode="cloze",
        prompt=f"Fill in the blank ({hint(blank)}): {blank.prompt}",
        answer=blank.answer,
        accept=tuple(f for f in forms if same_words(f) != same),
        kind=kind if kind in ANSWER_KINDS else None,
        rivals=rivals_for(store, forms),
        context=blank.sentence.text,
        highlight=(blank.start, blank.start + len(blank.answer)),
        sentence=blank.prompt,
        on=article_days(fact, blank.sentence.text, blank.answer, kind),
    )


def article_days(fact: Fact, text: str, answer: str, kind: str) -> tuple[DateSpan, ...] | None:
    """For a year, date or month answer, the dates in its year that the fact and ``text`` (its
    quote, or a blank's sentence) give: the fact's date or range, and each date the text writes
    (a date without a year is of the answer's year); None for another kind of answer, or a date
    whose year neither it nor the fact says."""
    if kind == "year":
        year = int(answer) if answer.strip().isdigit() else None
    elif kind in ("date", "month"):
        read = read_dates(answer).dates
        year = read[0].year if read and read[0].year else None
        year = year or (fact.date.year if fact.date is not None else None)
    else:
        return None
    if year is None:
        return None
    found: list[DateSpan] = []
    if fact.date is not None:
        last = fact.end_date or fact.date
        if fact.date.year <= year <= last.year:
            found.append((fact.date, last))
    for date in read_dates(text).dates:
        if date.month is not None and (date.year or year) == year:
            day = PartialDate(year, date.month, date.day if date.valid else None)
            found.append((day, day))
    return tuple(found)


def hint(blank: Blank) -> str:
    """What kind of words fill the blank: "a city", "a year", "a day and month"..."""
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
    "city": "a city",
    "country": "a country",
    "region": "a region",
    "organisation": "an organisation",
    "company": "a company",
    "event": "an event",
    "document": "a document",
}


@dataclass(slots=True)
class _Shown:
    """What the items chosen so far show, and the answers they must not show."""

    texts: list[str]
    answers: list[re.Pattern[str]]
    groups: set[str]
    forms: set[str]

    def shows_answer(self, text: str) -> bool:
        return any(pattern.search(text) for pattern in self.answers)

    def reveals(self, pattern: re.Pattern[str]) -> bool:
        return any(pattern.search(text) for text in self.texts)


def answer_pattern(forms: Sequence[str]) -> re.Pattern[str]:
    """A pattern that finds any of an answer's forms, as whole words, in any case."""
    alternatives = "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True) if f)
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


def item_forms(store: Store, item: QuizItem) -> tuple[str, ...]:
    """Every form of an item's answer a reader would take as it: the answer, its accepted forms
    and the names vocabulary's forms of the names among them."""
    from laorus.answers.names import accepted_forms

    return accepted_forms(item.answer, item.accept, store)


def shown_text(item: QuizItem) -> str:
    """All an item shows before it is answered: its question (or sentence) and its options."""
    return "\n".join((item.prompt, *item.choices))


def all_shown(item: QuizItem) -> str:
    """All an item shows, before and after it is answered: its question, its options, the
    article's sentences given as evidence and how a derived answer follows."""
    return "\n".join((shown_text(item), item.context, item.derived or ""))


def asked_as(question_modes: Sequence[str], mode: str, rng: random.Random) -> str | None:
    """How a question is asked in a quiz ``mode``: "free", "choice", or None (not in it)."""
    if mode == "mixed":
        ways = [m for m in ("free", "choice") if not question_modes or m in question_modes]
        return rng.choice(ways) if ways else None
    if mode in ("free", "choice") and (not question_modes or mode in question_modes):
        return mode
    return None


def enumerate_items(store: Store, mode: str, selection: Selection = Selection()) -> list[QuizItem]:
    """Every item the filters select, in the store's order, for a listing such as an export.

    ``free`` and ``choice`` give each question asked that way once (choice with its options,
    drawn from a generator seeded by the question's key, so two listings agree); ``cloze`` gives
    each blank of the selected facts' sentences; ``mixed`` gives the questions asked free (or,
    when a question is never asked free, with choices) and the blanks.
    """
    if mode not in MODES:
        msg = f"unknown mode {mode!r}; use one of {', '.join(MODES)}"
        raise LaorusError(msg)
    facts = select_facts(store, selection)
    items: list[QuizItem] = []
    if mode != "cloze":
        for fact in facts:
            for number, question in enumerate(fact.questions, 1):
                ways = ("free", "choice") if mode == "mixed" else (mode,)
                how = next((w for w in ways if question.asked_in(w)), None)
                if how is not None:
                    rng = random.Random(f"{store.source.title}|{question_key(fact.id, number)}")
                    items.append(question_item(store, fact, number, how, rng))
    if mode in ("cloze", "mixed"):
        fact_of = {fact.id: fact for fact in facts}
        for _, options in sorted(distinct(blanks(store, facts)).items()):
            items.extend(cloze_item(store, fact_of[blank.fact_id], blank) for blank in options)
    return items


def build(
    store: Store,
    mode: str,
    count: int,
    rng: random.Random,
    selection: Selection = Selection(),
    first: Sequence[str] = (),
) -> list[QuizItem]:
    """Up to ``count`` items in a seeded order; the keys in ``first`` (due reviews) lead.

    Nothing one item shows (its question, sentence, options, or the evidence shown after it is
    answered) holds the answer of another, in any form; no two items have one answer; no two
    items tell of one fact (nor of facts of one event), nor blank one article sentence. When
    that leaves fewer than ``count``, fewer are asked. Raises LaorusError when the filters
    leave nothing to ask.

    What is drawn from comes from the store's overview (quiz.overview); a fact itself is read
    only when an item is built from it, so ``store`` may hold only some of its facts.
    """
    if mode not in MODES:
        msg = f"unknown mode {mode!r}; use one of {', '.join(MODES)}"
        raise LaorusError(msg)
    draws_blanks = mode in ("cloze", "mixed")
    # Candidates are keys; an item is built only when its turn comes, so that the draws for
    # its options happen only for the items actually asked, in the order they are asked. A due
    # cloze review is asked whatever the mode, so its blank is looked for in any mode.
    drawn = _Drawn(store, mode, draws_blanks, {k for k in first if "#cloze-" in k})
    for row in select_rows(store, selection):
        drawn.add(row)
    questions, by_key, covers = drawn.questions, drawn.due_blanks, drawn.covers
    pool: list[tuple[str, ...]] = []
    if mode != "cloze":
        pool.extend((key,) for key in questions)
    if draws_blanks:
        # A quiz draws one blank per sentence: the first of them that fits.
        by_key.update((b.key, b) for options in drawn.blanks.by_sentence.values() for b in options)
        for _, options in sorted(drawn.blanks.by_sentence.items()):
            sentence_keys = [blank.key for blank in options]
            rng.shuffle(sentence_keys)
            pool.append(tuple(sentence_keys))
    if not pool:
        raise NoQuestions(mode, selection)
    rng.shuffle(pool)
    due = [(k,) for k in dict.fromkeys(first) if k in questions or k in by_key]
    order = due + [keys for keys in pool if keys not in due]
    fact = _facts(store)
    shown = _Shown([], [], set(), set())
    asked: set[str] = set()
    items: list[QuizItem] = []
    for keys in order:
        if len(items) == count:
            break
        for key in keys:
            if key in questions:
                fact_id, n, group = questions[key]
                seen = "question:" + same_words(fact(fact_id).questions[n - 1].question)
                groups = {group}
            else:
                blank = by_key[key]
                seen = f"sentence:{blank.sentence.start}"
                groups = covers.get(blank.sentence.start, set()) | {group_of(fact(blank.fact_id))}
            if seen in asked or groups & shown.groups:
                continue
            item = _candidate(store, key, questions, by_key, fact, mode, rng, shown)
            if item is None:
                continue
            pattern = _pattern(store, item)
            forms = {form.casefold() for form in item_forms(store, item)}
            # Two items with one answer ("Moscow" twice) would ask the same thing twice.
            if forms & shown.forms:
                continue
            text = all_shown(item)
            if shown.reveals(pattern) or shown.shows_answer(text):
                continue
            shown.forms |= forms
            asked.add(seen)
            shown.groups |= groups
            shown.texts.append(text)
            shown.answers.append(pattern)
            items.append(item)
            break
    return items


def facts_named(store: Store, ids: Iterable[str]) -> list[Fact]:
    """The store's facts with these ids (those it has), in the order of ``ids``; read through
    its overview when the store holds only some of its facts (from a cache file)."""
    find = _finder(store)
    return [fact for fact in map(find, ids) if fact is not None]


def _finder(store: Store) -> Callable[[str], Fact | None]:
    """The fact of an id, or None: the store's, else the one its overview reads from its cache."""
    fetch = overview(store).fetch
    return lambda fact_id: store.get(fact_id) or fetch(fact_id)


def _facts(store: Store) -> Callable[[str], Fact]:
    """The fact of an id, each read once; a LaorusError for an id the store does not have."""
    find = functools.cache(_finder(store))

    def fact(fact_id: str) -> Fact:
        found = find(fact_id)
        if found is None:
            msg = f"the store has no fact {fact_id!r}"
            raise LaorusError(msg)
        return found

    return fact


@dataclass(slots=True)
class _Drawn:
    """What a quiz draws from, gathered fact by fact in one pass over the selected facts'
    rows (a large store's rows are read as they come, never all held)."""

    store: Store
    mode: str
    draws_blanks: bool
    due: set[str]
    """The due cloze reviews' keys: a due review may name any fact's blank."""
    questions: dict[str, tuple[str, int, str]] = field(default_factory=dict)
    """Each question that may be asked in the mode: its key, and its fact's id, number and
    group."""
    blanks: BlankPool = field(default_factory=BlankPool)
    """The blanks of each quoted sentence, each once: the first fact keeps it."""
    due_blanks: dict[str, Blank] = field(default_factory=dict)
    covers: dict[int, set[str]] = field(default_factory=dict)
    """Each article sentence's offset, and the fact groups whose quotes take it in."""
    sentences: list[Sentence] = field(default_factory=list)
    """The article's sentences."""
    spans: Mapping[int, tuple[Span, ...]] = field(default_factory=dict)
    """What may be blanked in each sentence (cloze.sentence_spans)."""
    asked: dict[tuple[str, ...], bool] = field(default_factory=dict)
    """Whether a question with these modes may be asked in the quiz's mode."""

    def __post_init__(self) -> None:
        self.sentences = article_sentences(self.store)
        if self.draws_blanks:
            self.spans = sentence_spans(self.store)

    def add(self, row: FactRow) -> None:
        for n, modes in enumerate(row.modes, 1):
            asked = self.asked.get(modes)
            if asked is None:
                asked = self.asked[modes] = self.mode == "cloze" or _ways(modes, self.mode)
            if asked:
                self.questions[question_key(row.id, n)] = (row.id, n, row.group)
        quoted = covering(self.sentences, row.quote_start, row.quote_end)
        if self.draws_blanks:
            for sentence, span in quoted_spans(self.spans, quoted, row.quote_start, row.quote_end):
                self.blanks.add(row.id, sentence, span)
        if self.due and any(key.startswith(f"{row.id}#cloze-") for key in self.due):
            blanks = fact_blanks(self.store, row.id, row.quote_start, row.quote_end)
            self.due_blanks.update((b.key, b) for b in blanks if b.key in self.due)
        for sentence in quoted:
            self.covers.setdefault(sentence.start, set()).add(row.group)


def _pattern(store: Store, item: QuizItem) -> re.Pattern[str]:
    cache = memo(store)
    key = ("pattern", item.answer, item.accept)
    if key not in cache:
        cache[key] = answer_pattern(item_forms(store, item))
    pattern: re.Pattern[str] = cache[key]
    return pattern


def _ways(question_modes: Sequence[str], mode: str) -> bool:
    if mode == "mixed":
        return any(not question_modes or m in question_modes for m in ("free", "choice"))
    return not question_modes or mode in question_modes


def _candidate(
    store: Store,
    key: str,
    questions: dict[str, tuple[str, int, str]],
    by_key: dict[str, Blank],
    fact: Callable[[str], Fact],
    mode: str,
    rng: random.Random,
    shown: _Shown,
) -> QuizItem | None:
    if key not in questions:
        blank = by_key[key]
        return cloze_item(store, fact(blank.fact_id), blank)
    fact_id, n, _ = questions[key]
    asking = fact(fact_id)
    # A due question is asked however its quiz's mode and its own modes allow.
    how = asked_as(asking.questions[n - 1].modes, mode, rng) or (
        "choice" if asking.questions[n - 1].asked_in("choice") else "free"
    )
    item = question_item(store, asking, n, how, rng, shown.shows_answer)
    if how == "choice" and item.mode != "choice":
        # Without options that keep clear of the other answers, the question waits for
        # another quiz; one with no options at all is asked free (the CLI says so).
        alone = question_item(store, asking, n, how, random.Random(key))
        return item if alone.mode != "choice" else None
    return item
