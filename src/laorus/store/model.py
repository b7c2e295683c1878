"""The fact model: plain frozen dataclasses, built and validated by laorus.store.build."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from laorus.errors import Problem
from laorus.text.words import same_words

CATEGORIES: tuple[str, ...] = (
    "history",
    "diplomacy",
    "visits",
    "multilateral",
    "positions",
    "security",
    "economy",
    "education",
    "culture",
    "regions",
    "religion",
)
"""The fixed vocabulary of fact categories."""

MODES: tuple[str, ...] = ("free", "choice", "cloze", "mixed")
"""The quiz modes; ``mixed`` draws each item from the other three."""
QUESTION_MODES: tuple[str, ...] = ("free", "choice", "cloze")
"""The modes a question's ``modes`` may list (``mixed`` draws on these)."""
LETTERS = "abcdefghij"
"""Choice options are labelled a), b), c), d)."""


NAME_KINDS: tuple[str, ...] = (
    "person",
    "country",
    "city",
    "region",
    "place",
    "organisation",
    "company",
    "event",
    "document",
)
"""The kinds of name in the store's [[names]] vocabulary."""

KIND_GROUPS: dict[str, str] = {
    "person": "person",
    "country": "place",
    "city": "place",
    "region": "place",
    "place": "place",
    "organisation": "organisation",
    "company": "organisation",
    "event": "event",
    "document": "document",
}
"""Each name kind and the answer kind a question about it declares (a city is a "place")."""

LISTED_NAME_KINDS: tuple[str, ...] = ("person", "place", "organisation")
"""The names a fact lists by kind (``Fact.names_of``: people, places, organisations), which are
also the kinds of name a question may declare for its answer; each of NAME_KINDS falls in one
of them, or is an event or a document (KIND_GROUPS)."""

ANSWER_KINDS: tuple[str, ...] = ("year", "date", "month", "number", *LISTED_NAME_KINDS, "text")
"""The kinds of answer a question may declare; the grader infers one when none is given."""

_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day, as the article gives it."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """Read a TOML date or a "YYYY", "YYYY-MM" or "YYYY-MM-DD" string; ValueError if not one."""
        if isinstance(value, dt.datetime):
            msg = "expected a date without a time"
            raise ValueError(msg)
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if not isinstance(value, str):
            msg = f'expected a TOML date or a string such as "1954" or "2025-06", got {value!r}'
            raise ValueError(msg)
        match = _PARTIAL.fullmatch(value.strip())
        if match is None:
            msg = f'{value!r} is not a date: use 1960-10-07, "1960-10" or "1960"'
            raise ValueError(msg)
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        if year < 1:
            msg = f"impossible date {value!r}: year 0 does not exist"
            raise ValueError(msg)
        if month is not None and not 1 <= month <= 12:
            msg = f"impossible date {value!r}: there is no month {month}"
            raise ValueError(msg)
        if day is not None:
            assert month is not None
            try:
                dt.date(year, month, day)
            except ValueError:
                msg = f"impossible date {value!r}: that day does not exist"
                raise ValueError(msg) from None
        return cls(year, month, day)

    @property
    def precision(self) -> str:
        """ "day", "month" or "year"."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def iso(self) -> str:
        """The date as in the store: "1960-10-07", "2025-06" or "1954"."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def to_date(self) -> dt.date | None:
        """The full date, or None when the day is not known."""
        if self.month is None or self.day is None:
            return None
        return dt.date(self.year, self.month, self.day)

    def first_day(self) -> dt.date:
        """The earliest day the date can mean, for sorting."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def __str__(self) -> str:
        return self.iso()


@dataclass(frozen=True, slots=True)
class Question:
    """A quiz question whose answer the article gives."""

    question: str
    answer: str
    accept: tuple[str, ...] = ()
    kind: str | None = None
    modes: tuple[str, ...] = ()
    """The ways it may be asked (of QUESTION_MODES) when not all: ("choice", "cloze") for a
    phrase answer no one could type word for word."""
    choices: tuple[str, ...] = ()
    """Wrong options written for it, offered before any the quiz finds itself."""

    @property
    def forms(self) -> tuple[str, ...]:
        """The answer and every other accepted form of it."""
        return (self.answer, *self.accept)

    def asked_in(self, mode: str) -> bool:
        """Whether the question may be asked in ``mode`` ("free", "choice" or "cloze")."""
        return not self.modes or mode in self.modes


@dataclass(frozen=True, slots=True)
class Anniversary:
    """The article's "Nth anniversary on ON", from which a fact's date was derived."""

    on: PartialDate
    nth: int


@dataclass(frozen=True, slots=True)
class Fact:
    """One checkable statement of the article, with the verbatim quote that supports it."""

    id: str
    statement: str
    quote: str
    category: str
    tags: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    date: PartialDate | None = None
    end_date: PartialDate | None = None
    derived: str | None = None
    anniversary: Anniversary | None = None
    event: str | None = None
    """A short name for the event, as in "65th anniversary of <event>"."""
    questions: tuple[Question, ...] = ()
    quote_start: int = 0
    """Where the quote begins in the source text."""
    commemorates: str | None = None
    """The id of the fact whose event this fact marks an anniversary of (a celebration)."""
    same_event: str | None = None
    """The id of the primary fact that describes the same dated event as this one."""
    actor_note: str | None = None
    """Why the statement may name an actor its quote does not (silences that warning)."""

    @property
    def quote_end(self) -> int:
        """Where the quote ends in the source text (its first offset past the quote)."""
        return self.quote_start + len(self.quote)

    @property
    def own_event(self) -> bool:
        """Whether the fact's date is an event of its own to list anniversaries of.

        Not for the marking of an anniversary (its event is the one it commemorates) nor for a
        fact that describes the same event as its primary fact (listed once, as the primary).
        """
        return self.commemorates is None and self.same_event is None

    @property
    def names(self) -> tuple[str, ...]:
        """The people, organisations and places the fact names."""
        return (*self.people, *self.organisations, *self.places)

    def names_of(self, kind: str) -> tuple[str, ...]:
        """The names of one of LISTED_NAME_KINDS that the fact lists; () for any other kind."""
        if kind == "person":
            return self.people
        if kind == "place":
            return self.places
        if kind == "organisation":
            return self.organisations
        return ()


def name_key(text: str) -> str:
    """How a name is looked up: its folded words, without a leading "the" or a possessive."""
    key = same_words(text)
    key = key.removeprefix("the ")
    return key.removesuffix(" s") if key.endswith(" s") and not text.endswith(" s") else key


@dataclass(frozen=True, slots=True)
class Name:
    """A person, place, organisation, event or document the article names, and its other forms.

    Variants are other ways to write the same name (abbreviations and expansions, spellings,
    romanisations, official long names, short forms); they may come from outside the article.
    """

    name: str
    kind: str
    variants: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    """People only: the titles or roles the article gives them."""
    guessed: bool = False
    """Written by a tool, not yet confirmed by an author."""

    @property
    def forms(self) -> tuple[str, ...]:
        """The name and each of its variants."""
        return (self.name, *self.variants)

    @property
    def group(self) -> str:
        """The answer kind of a question about this name: "person", "place", "organisation"..."""
        return KIND_GROUPS.get(self.kind, self.kind)


@dataclass(frozen=True, slots=True)
class Source:
    """The article the facts come from."""

    title: str
    author: str
    published: dt.date | None
    """The publication date; None when unknown (relative dates then stay undated)."""
    published_in: str
    text: str
    author_role: str | None = None


@dataclass(frozen=True, slots=True)
class Store:
    """A loaded and validated fact store."""

    path: Path
    source: Source
    facts: tuple[Fact, ...]
    warnings: tuple[Problem, ...] = ()
    """Things an author should look at that do not make the store invalid."""
    names: tuple[Name, ...] = ()
    """The names vocabulary: every name the article gives, with its kind and variants."""
    partial: bool = field(default=False, compare=False)
    """Whether ``facts`` holds only some of the store's facts (those a command read from its
    cache file)."""
    _by_id: dict[str, Fact] = field(default_factory=dict, compare=False, repr=False)
    _kinds: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    _by_key: dict[str, Name] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id.update((fact.id, fact) for fact in self.facts)
        for name in self.names:
            for form in name.forms:
                self._by_key.setdefault(name_key(form), name)

    def name_of(self, text: str) -> Name | None:
        """The vocabulary's name that ``text`` is a form of (any case, accents, "the"), or None."""
        return self._by_key.get(name_key(text))

    def name_kinds(self) -> dict[str, str]:
        """Each name the facts list, and its kind (of LISTED_NAME_KINDS; the first fact's)."""
        if not self._kinds:
            for fact in self.facts:
                for kind in LISTED_NAME_KINDS:
                    for name in fact.names_of(kind):
                        self._kinds.setdefault(name, kind)
        return self._kinds

    def get(self, fact_id: str) -> Fact | None:
        """The fact with this id, or None."""
        return self._by_id.get(fact_id)

    def same_event_facts(self, fact: Fact) -> tuple[Fact, ...]:
        """The other facts that describe ``fact``'s event: the primary first, in store order."""
        primary = fact.same_event or fact.id
        group = [f for f in self.facts if f.id == primary or f.same_event == primary]
        group.sort(key=lambda f: f.same_event is not None)
        return tuple(f for f in group if f.id != fact.id) if len(group) > 1 else ()

    def commemorated_by(self, fact: Fact) -> tuple[Fact, ...]:
        """The facts that mark an anniversary of ``fact``'s event, in store order."""
        return tuple(f for f in self.facts if f.commemorates == fact.id)

    @property
    def questions(self) -> int:
        """How many questions the store holds."""
        return sum(len(fact.questions) for fact in self.facts)
