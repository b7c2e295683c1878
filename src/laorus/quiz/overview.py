"""What the quiz must know of every fact of a store, whichever few facts it asks about.

Options for a choice question come from the whole store (the years, dates and names it gives,
the sort of each name, the dates given for the same people); a cloze blank takes the forms of
the questions about its sentence with its answer; and which items a seed gives depends on every
question and blank the filters select. An `Overview` holds all of that: worked out from a whole
`Store` in one pass, or read back from the cache file it was saved in
(laorus.cache.overview_record), so that a quiz on a large store reads each fact's row once and
decodes only the facts it looks at (``fetch``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace

from laorus.errors import LaorusError
from laorus.quiz.memo import memo
from laorus.quiz.sorts import SORTS, answer_kind, question_sort
from laorus.store.model import LISTED_NAME_KINDS, Fact, PartialDate, Question, Store
from laorus.text.sentences import Sentence, covering, sentences
from laorus.text.words import same_words


def group_of(fact: Fact) -> str:
    """The fact whose event ``fact`` tells of: the one it commemorates or repeats, or itself.

    Questions of one group give each other away (the 80th anniversary in 2025, Victory in 1945).
    """
    return event_group(fact.id, fact.commemorates, fact.same_event)


def event_group(fact_id: str, commemorates: str | None, same_event: str | None) -> str:
    """group_of() the fact with this id and these links."""
    return commemorates or same_event or fact_id


@dataclass(frozen=True, slots=True)
class FactRow:
    """What choosing a quiz's items needs of one fact, without the fact itself."""

    id: str
    category: str
    tags: tuple[str, ...]
    """Its tags as same_words() gives them (how a --tag filter compares)."""
    modes: tuple[tuple[str, ...], ...]
    """Each question's ``modes``, in order (so also how many questions it has)."""
    group: str
    """group_of() the fact."""
    quote_start: int
    quote_end: int

    @classmethod
    def of(cls, fact: Fact) -> FactRow:
        """The row of a fact."""
        return cls(
            fact.id,
            fact.category,
            tuple(same_words(tag) for tag in fact.tags),
            tuple(question.modes for question in fact.questions),
            group_of(fact),
            fact.quote_start,
            fact.quote_end,
        )


@dataclass(frozen=True, slots=True)
class KindNames:
    """The names of one listed kind (person, place, organisation) the store gives."""

    listed: frozenset[str]
    """The names the facts list under the kind."""
    answers: frozenset[str]
    """The answers of the questions of the kind."""
    aliases: frozenset[str]
    """The other forms those questions accept."""


Span = tuple[int, str, str]
"""(offset in its sentence, words, kind) of words a cloze item may blank."""


@dataclass(frozen=True)
class Overview:
    """The store-wide material of the quiz (see the module's docstring)."""

    name_kinds: Mapping[str, str]
    """Each name the facts list, and its kind (Store.name_kinds)."""
    names: tuple[str, ...]
    """Every name the facts list, sorted: the rivals a grader must not take for an answer."""
    tags: tuple[str, ...]
    """Every tag, as written, sorted."""
    sorts: Mapping[str, Mapping[str, frozenset[str]]]
    """By listed kind: what the store tells of each name's sort ("city", "company"...): its own
    words ("GAZ Group"), and the sort of the questions it answers ("In which city...")."""
    kinds: Mapping[str, KindNames]
    """By listed kind: its names and the answers of its questions."""
    dates: tuple[tuple[int, int, int | None], ...]
    """(year, month, day) of every date with a month the facts give (dates, end dates and
    anniversary dates), sorted."""
    years: frozenset[str]
    """Every year of a fact's date or end date."""
    numbers: frozenset[str]
    """Every answer of a number question."""
    latest: int | None
    """The latest year of a fact's date or end date."""
    dated_names: Mapping[str, Mapping[PartialDate, int]]
    """Each name a dated fact lists: how many such facts give each of their dates."""
    answer_forms: Mapping[int, Mapping[str, tuple[tuple[str, ...], str | None]]]
    """By the offset of each article sentence a fact quotes, under each same_words() of a form
    of its questions: the forms of every such question that has it (in store order, each once)
    and the first kind one of them declares. A blank of the sentence takes them: they are the
    forms of its words there ("May 9" of 2025 is not "May 9, 2024" of another sentence)."""
    spans: Mapping[int, tuple[Span, ...]] | None = None
    """Each article sentence's offset and what a cloze item may blank in it (quiz.cloze), once
    worked out."""
    fetch: Callable[[str], Fact | None] = field(default=lambda _: None, compare=False, repr=False)
    """The fact with an id, read when an item is built from it."""
    read_rows: Callable[[str | None], Iterator[FactRow]] = field(
        default=lambda _: iter(()), compare=False, repr=False
    )
    """The row of every fact (of a category, when one is given), in store order, read as
    they are asked for: a large store's rows are never all held at once."""

    def rows(self, category: str | None = None) -> Iterator[FactRow]:
        """The row of every fact, or of every fact of ``category``, in store order."""
        return self.read_rows(category)

    @classmethod
    def of(cls, store: Store) -> Overview:
        """The overview of a whole store (its facts all there), its spans still to work out.

        A LaorusError for a store that holds only some of its facts (read from a cache file
        for another command): its overview is the one its cache file keeps.
        """
        if store.partial:
            msg = f"{store.path}: the quiz needs every fact of the store, or its overview"
            raise LaorusError(msg)

        name_kinds = dict(store.name_kinds())

        def kind_of(question: Question) -> str:
            return question.kind or answer_kind(question.answer, name_kinds)

        sorts: dict[str, dict[str, set[str]]] = {kind: {} for kind in LISTED_NAME_KINDS}
        named: dict[str, set[str]] = {kind: set() for kind in LISTED_NAME_KINDS}
        answers: dict[str, set[str]] = {kind: set() for kind in LISTED_NAME_KINDS}
        aliases: dict[str, set[str]] = {kind: set() for kind in LISTED_NAME_KINDS}
        asked: dict[str, str | None] = {}  # each question's sort, worked out once per wording
        dates: set[tuple[int, int, int | None]] = set()
        years: set[str] = set()
        numbers: set[str] = set()
        dated: dict[str, dict[PartialDate, int]] = {}
        forms: dict[int, dict[str, tuple[dict[str, None], list[str | None]]]] = {}
        fold = functools.cache(same_words)  # each form folded once: most forms recur
        quoted = quoted_sentences(store)
        for fact in store.facts:
            stretch = fact.quote_start, fact.quote_end
            for kind in LISTED_NAME_KINDS:
                for name in fact.names_of(kind):
                    if name not in named[kind]:
                        named[kind].add(name)
                        words = re.findall(r"\w+", name.casefold())
                        found = {SORTS[w] for w in words if w in SORTS}
                        sorts[kind].setdefault(name, set()).update(found)
            for question in fact.questions:
                kind = kind_of(question)
                if kind == "number":
                    numbers.add(question.answer)
                if kind in answers:
                    answers[kind].add(question.answer)
                    aliases[kind].update(question.accept)
                    sort = asked.get(question.question, "")
                    if sort == "":
                        sort = asked[question.question] = question_sort(question.question)
                    if sort:
                        for form in question.forms:
                            sorts[kind].setdefault(form, set()).add(sort)
                for start in (sentence.start for sentence in quoted[stretch]):
                    for form in {fold(x) for x in question.forms}:
                        seen, declared = forms.setdefault(start, {}).setdefault(form, ({}, []))
                        seen.update(dict.fromkeys(question.forms))
                        if question.kind and not declared:
                            declared.append(question.kind)
            on = fact.anniversary.on if fact.anniversary else None
            for date in (fact.date, fact.end_date, on):
                if date is not None and date.month is not None:
                    dates.add((date.year, date.month, date.day))
            own = {d for d in (fact.date, fact.end_date) if d is not None}
            years.update(str(d.year) for d in own)
            for name in set(fact.names) if own else ():
                counts = dated.setdefault(name, {})
                for date in own:
                    counts[date] = counts.get(date, 0) + 1
        every_year = [int(year) for year in years]

        def read_rows(category: str | None) -> Iterator[FactRow]:
            return (
                FactRow.of(fact)
                for fact in store.facts
                if category is None or fact.category == category
            )

        return cls(
            name_kinds=name_kinds,
            names=tuple(sorted({name for fact in store.facts for name in fact.names})),
            tags=tuple(sorted({tag for fact in store.facts for tag in fact.tags})),
            sorts={k: {n: frozenset(s) for n, s in v.items()} for k, v in sorts.items()},
            kinds={
                kind: KindNames(
                    frozenset(named[kind]), frozenset(answers[kind]), frozenset(aliases[kind])
                )
                for kind in LISTED_NAME_KINDS
            },
            dates=tuple(sorted(dates, key=lambda d: (d[0], d[1], d[2] or 0))),
            years=frozenset(years),
            numbers=frozenset(numbers),
            latest=max(every_year) if every_year else None,
            dated_names=dated,
            answer_forms={
                start: {
                    form: (tuple(seen), declared[0] if declared else None)
                    for form, (seen, declared) in by_form.items()
                }
                for start, by_form in forms.items()
            },
            fetch=store.get,
            read_rows=read_rows,
        )

    def said_of(self, fact: Fact, names: set[str]) -> set[PartialDate]:
        """The dates other dated facts give for any of ``names`` (some of ``fact``'s own)."""
        own = {d for d in (fact.date, fact.end_date) if d is not None}
        return {
            date
            for name in names
            for date, count in self.dated_names.get(name, {}).items()
            if count - (date in own) > 0
        }


def article_sentences(store: Store) -> list[Sentence]:
    """The article's sentences, split once per store."""
    cache = memo(store)
    found: list[Sentence] | None = cache.get("sentences")
    if found is None:
        found = cache["sentences"] = sentences(store.source.text)
    return found


def quoted_sentences(store: Store) -> dict[tuple[int, int], list[Sentence]]:
    """Each stretch of the article a fact of a whole store quotes (start and end), and the
    sentences it takes in; many facts quote the same words, and each stretch is looked up once."""
    every = article_sentences(store)
    stretches = dict.fromkeys((fact.quote_start, fact.quote_end) for fact in store.facts)
    return {stretch: covering(every, *stretch) for stretch in stretches}


_KEY = "overview"


def overview(store: Store) -> Overview:
    """The overview of ``store``: the one provide() gave, else worked out from its facts."""
    cache = memo(store)
    found: Overview | None = cache.get(_KEY)
    if found is None:
        found = cache[_KEY] = Overview.of(store)
    return found


def provide(store: Store, given: Overview) -> None:
    """Quiz ``store`` (which may hold only some of its facts, or none) with this overview of
    the whole store, read from its cache."""
    memo(store)[_KEY] = given


def with_spans(store: Store, spans: Mapping[int, tuple[Span, ...]]) -> Overview:
    """The store's overview with its cloze spans, kept for the next ask."""
    found = replace(overview(store), spans=spans)
    memo(store)[_KEY] = found
    return found
