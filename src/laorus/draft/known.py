"""The countries and world regions a draft knows by name (known_names.txt), and their adjectives.

An article names a country without saying it is one ("Russia and Laos marked..."); a single word
would otherwise be guessed a place. The list also tells the forms of one country apart from
two names ("Lao PDR" and "Laos" are one), and a country's adjective ("Soviet", "French") from a
name.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from laorus.store.model import NAME_KINDS


@dataclass(frozen=True, slots=True)
class Known:
    """A country or region: its kind and its forms, the first the usual one."""

    kind: str
    forms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class KnownNames:
    """The known names by each of their forms, and the adjectives of them."""

    by_form: dict[str, Known]
    adjectives: frozenset[str]

    def get(self, name: str) -> Known | None:
        """The known country or region that ``name`` is a form of, or None."""
        return self.by_form.get(name.removeprefix("the "))


@functools.cache
def known_names() -> KnownNames:
    """The list in known_names.txt, read once."""
    text = Path(__file__).with_name("known_names.txt").read_text(encoding="utf-8")
    kind = "country"
    by_form: dict[str, Known] = {}
    adjectives: set[str] = set()
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("["):
            kind = line.strip("[] ")
            assert kind in NAME_KINDS, kind
            continue
        forms, _, adjective = line.partition("|")
        known = Known(kind, tuple(f.strip() for f in forms.split(";")))
        for form in known.forms:
            by_form.setdefault(form, known)
        adjectives.update(a.strip() for a in adjective.split(";") if a.strip())
    # A form of a name is never only its adjective ("Lao" is no name, "Myanmar" is).
    return KnownNames(by_form, frozenset(adjectives - set(by_form)))
