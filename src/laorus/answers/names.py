"""The store's names vocabulary as the grader (and choices, cloze, search) use it.

A name's forms (the name and its variants) are right for it; every other name of the store is a
rival. The vocabulary is built once per store; with no store, the shipped store's is used.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from laorus.answers.words import Word, key_set, significant, words
from laorus.store.model import Name, Store
from laorus.text.words import same_words

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
    probes: frozenset[str]
    """Its words that count, and each two of them joined ("xiengkhouang"): what an answer's
    words must come near (same first letter, length within a typo) to match it at all."""


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """A store's names, their forms split into words, and which places lie in which."""

    store: Store
    entries: tuple[Entry, ...]
    within: dict[str, frozenset[str]]
    """A place's name and the names of the places it lies in ("Kazan": {"Russia"})."""
    keys: frozenset[str]
    """Every word of every form: each stands for itself, never a typo of another."""
    by_letter: dict[str, tuple[tuple[int, int], ...]]
    """Each first letter, and the (length, entry number) of every probe that starts with it."""
    titled: dict[str, frozenset[str]]
    """A person's name and the words their titles may add: the titles' own, and every form of
    a name a title holds ("of the Russian Federation": "Russia" too)."""
    expanded: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)
    """The forms ``inside`` has rewritten, by form: filled as answers are graded."""

    def name_of(self, text: str) -> Name | None:
        """The name ``text`` is a form of, or None."""
        return self.store.name_of(text)

    def near(self, given: Sequence[Word]) -> list[Entry]:
        """The entries that some word of ``given`` may match: the only possible rivals."""
        found: set[int] = set()
        for probe in probes(given):
            size = len(probe)
            found.update(
                at
                for length, at in self.by_letter.get(probe[0], ())
                if abs(length - size) <= _SLACK
            )
        return [self.entries[at] for at in sorted(found)]

    def inside(self, form: str) -> tuple[str, ...]:
        """``form`` with a name it holds written in each other known form of that name:
        "Eastern Economic Forum 2025" for "EEF 2025" (the whole form is a name's, not here)."""
        found = self.expanded.get(form)
        if found is None:
            text = f" {same_words(form)} "
            whole = self.name_of(form)
            held = [
                entry
                for entry in self.entries
                if entry.name is not whole
                and (part := same_words(entry.form))
                and f" {part} " in text
            ]
            found = tuple(
                dict.fromkeys(
                    _rewrite(form, entry.form, other)
                    for entry in held
                    for other in entry.name.forms
                    if other != entry.form and "," not in other  # not "Vientiane, Laos"
                )
            )
            if len(self.expanded) >= 4096:  # forms come from callers too: keep it bounded
                self.expanded.clear()
            self.expanded[form] = found
        return found

    def wider_names(self, place: Name) -> tuple[Name, ...]:
        """The places ``place`` lies in ("Xiengkhouang province" and "Laos" for Paek)."""
        found = (self.store.name_of(name) for name in sorted(self.within.get(place.name, ())))
        return tuple(name for name in found if name is not None)

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
            entries.append(Entry(name, form, split, key_set(split), probes(split)))
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
        _by_letter(entries),
        {name.name: _title_words(name, entries) for name in store.names if name.titles},
    )
    _BUILT.clear()  # one store at a time is graded; keep no others alive
    _BUILT[id(store)] = built
    return built


_SLACK = 3
"""The most two matching words differ in length: a typo budget, or a plural's "ies"."""


def probes(found: Sequence[Word]) -> frozenset[str]:
    """The keys of the words that count, and of each two adjacent ones written together."""
    keys = [w.key for w in significant(found) if w.key]
    return frozenset((*keys, *(a + b for a, b in zip(keys, keys[1:], strict=False))))


def _rewrite(form: str, part: str, other: str) -> str:
    """``form`` with the words of ``part`` in it (any case and punctuation) written ``other``."""
    pattern = r"\W+".join(re.escape(word) for word in part.split())
    found = re.search(rf"(?<!\w){pattern}(?!\w)", form, re.IGNORECASE)
    if found is None:  # written with accents or other punctuation: compare folded words
        return f" {same_words(form)} ".replace(f" {same_words(part)} ", f" {other} ", 1).strip()
    return f"{form[: found.start()]}{other}{form[found.end() :]}"


def _by_letter(entries: Sequence[Entry]) -> dict[str, tuple[tuple[int, int], ...]]:
    index: dict[str, list[tuple[int, int]]] = {}
    for at, entry in enumerate(entries):
        for probe in entry.probes:
            index.setdefault(probe[0], []).append((len(probe), at))
    return {letter: tuple(found) for letter, found in index.items()}


def _title_words(person: Name, entries: Sequence[Entry]) -> frozenset[str]:
    keys: set[str] = set()
    for title in person.titles:
        keys.update(w.key for w in words(title))
        text = f" {same_words(title)} "
        held = {e.name for e in entries if f" {same_words(e.form)} " in text}
        keys.update(key for e in entries if e.name in held for key in e.keys)
    return frozenset(keys)


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
    """The store's names that are no form of the answer, of one ``kind`` if given: a name kind
    ("city": other cities) or the answer kind a question declares ("place": any place)."""
    own = names_of(forms, store)
    names = vocabulary(store).store.names
    return tuple(n for n in names if n not in own and kind in (None, n.kind, n.group))
