"""Warn when a statement names an actor that neither its quote nor the quote's sentence names.

The article often says "we", "our country" or "our Lao friends": a statement that says "Russia"
or "Laos" instead may narrow what the article says (the USSR of 1975 is not Russia; "we" after
"our countries' approaches" may be both). The check looks for the countries (Russia, Laos, the
Soviet Union) and for the fact's own people and organisations. A store author who has checked
that the article does mean the actor says why in the fact's `actor_note`, which silences it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from laorus.store.model import Fact
from laorus.text.sentences import sentences

COUNTRIES: dict[str, tuple[str, ...]] = {
    "Russia": ("Russia", "Russian Federation"),
    "Laos": (
        "Laos",
        "Lao PDR",
        "Lao People's Democratic Republic",
        "Lao side",
        "Lao friends",
        "Lao partners",
    ),
    "the Soviet Union": ("Soviet Union", "USSR"),
}
"""The countries a statement may name, and the names the article gives each ("our Lao friends"
names Laos; an adjective alone does not: "Russian-Lao cooperation" names no actor)."""

Warn = Callable[[int, Fact, str, str], None]
"""Records a warning: the fact's index in [[facts]], the fact, the field and the message."""


@lru_cache(maxsize=4096)
def _pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    # Whole words only: "Russia" is not in "Russian", but is in "Russia's".
    names = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{names})(?!\w)")


_COUNTRY_OF = {form: country for country, forms in COUNTRIES.items() for form in forms}
_ANY_COUNTRY = _pattern(tuple(_COUNTRY_OF))


def _names(text: str, forms: tuple[str, ...]) -> bool:
    return any(form in text for form in forms) and _pattern(forms).search(text) is not None


class Context:
    """The sentences of the article around each quote."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._sentences = sentences(text)
        self._starts = [s.start for s in self._sentences]

    def around(self, start: int, length: int) -> str:
        """The text of every sentence that the span from ``start`` (``length`` long) touches."""
        if not self._sentences:
            return self.text[start : start + length]
        first = max(bisect.bisect_right(self._starts, start) - 1, 0)
        last = max(bisect.bisect_right(self._starts, max(start + length - 1, start)) - 1, first)
        begin = min(self._sentences[first].start, start)
        end = max(self._sentences[last].end, start + length)
        return self.text[begin:end]


def unnamed_actors(fact: Fact, context: str) -> list[str]:
    """The actors ``fact``'s statement names that ``context`` (its quote's sentences) does not."""
    named = {_COUNTRY_OF[match.group()] for match in _ANY_COUNTRY.finditer(fact.statement)}
    actors = [(country, COUNTRIES[country]) for country in COUNTRIES if country in named]
    for person in fact.people:
        # "Putin" in the article names Vladimir Putin.
        actors.append((person, (person, person.split()[-1])))
    actors += [(organisation, (organisation,)) for organisation in fact.organisations]
    found: list[str] = []
    for actor, forms in actors:
        if actor in found or (actor not in named and not _names(fact.statement, forms)):
            continue
        if not _names(context, forms) and not _names(fact.quote, forms):
            found.append(actor)
    return found


def check_actors(facts: Sequence[tuple[int, Fact]], article: str, warn: Warn) -> None:
    """Warn about each statement that names an actor its quote and sentence leave unnamed."""
    context = Context(article)
    for index, fact in facts:
        missing = unnamed_actors(fact, context.around(fact.quote_start, len(fact.quote)))
        if missing and fact.actor_note is None:
            names = " and ".join(missing)
            warn(
                index,
                fact,
                "statement",
                f"names {names}, but neither the quote nor its sentence does; say what the"
                " article says (e.g. 'our country', 'we'), or give an actor_note saying why"
                f" the article means {names}",
            )
        elif not missing and fact.actor_note is not None:
            warn(
                index,
                fact,
                "actor_note",
                "explains nothing: the statement names no actor that its quote leaves unnamed;"
                " remove the note",
            )
