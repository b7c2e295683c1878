"""The store's names vocabulary as the grader (and choices, cloze, search) use it.

A name's forms (the name and its variants) are right for it; every other name of the store is a
rival. The vocabulary is built once per store; with no store, the shipped store's is used.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from laorus.answers.words import Word, key_set, words
from laorus.store.model import Name, Store

__all__ = [
    "Entry",
    "Vocabulary",
    "accepted_forms",
    "names_of",
    "rival_names",
    "shipped_store",
    "vocabulary",
]


@dataclass(frozen=True, slots=True)
class Entry:
    """One form of a name, split into words once."""

    name: Name
    form: str
    words: tuple[Word, ...]
    keys: frozenset[str]
    initials: frozenset[str]
    """The first letters of its words that count, to skip it quickly when no word can match."""


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """A store's names, their forms split into words, and which places lie in which."""

    store: Store
    entries: tuple[Entry, ...]
    within: dict[str, frozenset[str]]
    """A place's name and the names of the places it lies in ("Kazan": {"Russia"})."""
    keys: frozenset[str]
    """Every word of every form: each stands for itself, never a typo of another."""

    def name_of(self, text: str) -> Name | None:
        """The name ``text`` is a form of, or None."""
        return self.store.name_of(text)

    def wider(self, place: Name, text: str) -> bool:
        """Whether ``text`` names a place that ``place`` lies in ("Russia" for Kazan)."""
        found = self.name_of(text)
        return found is not None and found.name in self.within.get(place.name, frozenset())


@functools.cache
def shipped_store() -> Store:
    """The shipped fact store, loaded the first time it is needed."""
    from laorus.paths import default_path
    from laorus.store.read import load

    return load(default_path())


_BUILT: dict[int, Vocabulary] = {}


def vocabulary(store: Store | None = None) -> Vocabulary:
    """The names vocabulary of ``store`` (the shipped store's when None), built once."""
    if store is None:
        store = shipped_store()
    found = _BUILT.get(id(store))
    if found is not None and found.store is store:
        return found
    entries = []
    for name in store.names:
        for form in name.forms:
            split = words(form)
            keys = key_set(split)
            entries.append(Entry(name, form, split, keys, frozenset(k[0] for k in keys)))
    within: dict[str, set[str]] = {}
    for name in store.names:
        for variant in name.variants:
            head, comma, rest = variant.rpartition(",")
            wider = store.name_of(rest) if comma else None
            if wider is not None and wider is not name and store.name_of(head) is name:
                within.setdefault(name.name, set()).add(wider.name)
    for names in within.values():  # Paek lies in Xiengkhouang, which lies in Laos
        for outer in list(names):
            names.update(within.get(outer, set()))
    built = Vocabulary(
        store,
        tuple(entries),
        {name: frozenset(names) for name, names in within.items()},
        frozenset(key for entry in entries for key in entry.keys),
    )
    _BUILT.clear()  # one store at a time is graded; keep no others alive
    _BUILT[id(store)] = built
    return built


def names_of(forms: Iterable[str], store: Store | None = None) -> tuple[Name, ...]:
    """The names that the given forms of an answer are forms of, in order, each once."""
    found = vocabulary(store)
    return tuple(dict.fromkeys(n for n in map(found.name_of, forms) if n is not None))


def accepted_forms(
    answer: str, accept: Sequence[str] = (), store: Store | None = None
) -> tuple[str, ...]:
    """The answer, its accepted forms, and every form of a name they are forms of."""
    forms = (answer, *accept)
    extra = [form for name in names_of(forms, store) for form in name.forms]
    return tuple(dict.fromkeys((*forms, *extra)))


def rival_names(
    forms: Sequence[str], store: Store | None = None, *, kind: str | None = None
) -> tuple[Name, ...]:
    """The store's names that are no form of the answer: of one kind group ("place") if given."""
    own = names_of(forms, store)
    names = vocabulary(store).store.names
    return tuple(n for n in names if n not in own and (kind is None or n.group == kind))
