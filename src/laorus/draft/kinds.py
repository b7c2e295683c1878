"""A name's kind guessed from the text around it, when its own words do not tell it.

"Rusal" says nothing of what it is; the article around it does: "companies such as Rusal",
"the city of Paek", "the Xiengkhouang province", "the Fesco transport group". The cues, strongest
first:

1. the name is a known country or region (known_names.txt), or its own words tell its kind
   ("GAZ Group", "Asia-Pacific Region");
2. the words just before it ("the city of", "the capital,", "companies such as") or just after
   it ("province", "transport group"); a country's adjective formed from it and used before a
   noun ("Velorian press") makes it a country;
3. a name listed with another whose kind is known ("Rusal, RusHydro, and GAZ Group"; "Veloria
   and Karstan") is of the same kind;
4. a name right after "in", "at", "from", "to" or "between" ("held in Kazan") is guessed a city,
   the commonest kind of such a name in these articles, and then (3) again.

What is still unknown is an organisation when written in capitals ("BRICS"), else a place.
Every kind is a guess for the author to confirm.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from laorus.draft.known import known_names

_BEFORE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("city", re.compile(r"\b(?:city|town|village|capital) of (?:the )?$|\bcapital,? $", re.I)),
    ("region", re.compile(r"\b(?:province|region|oblast|prefecture|district) of (?:the )?$", re.I)),
    ("company", re.compile(r"\b(?:compan(?:y|ies)|corporations?|firms?)(?: such as| like)? $")),
)
_AFTER = re.compile(
    r"(?:['’]s?)?\s+(?:(?!(?:and|or|to|in|of|the|a|an)\b)[a-z]+\s+)?"
    r"(province|region|oblast|krai|district|prefecture|city|town|group|company|corporation)\b"
)
_AFTER_KINDS = {
    "province": "region",
    "region": "region",
    "oblast": "region",
    "krai": "region",
    "district": "region",
    "prefecture": "region",
    "city": "city",
    "town": "city",
    "group": "company",
    "company": "company",
    "corporation": "company",
}
_LISTED = re.compile(r"^(?:\s*\([A-Z]{2,6}\))?(?:,\s*|,?\s+(?:and|or)\s+)(?:the\s+)?$")
_AT_PLACE = re.compile(r"\b(?:[Ii]n|[Aa]t|[Ff]rom|[Tt]o|[Bb]etween|[Nn]ear)\s$")


def guess_kinds(text: str, names: dict[str, str | None], context: str = "") -> dict[str, str]:
    """Each name's kind: the kind its words tell (``names``' value), else one from the text.

    ``context`` is other text by the same author (the header) that may hold a cue.
    """
    known = known_names()
    kinds: dict[str, str] = {}
    for name, own in names.items():
        listed = known.get(name)
        kind = listed.kind if listed is not None else own
        kinds[name] = kind or _cue(text, context, name) or ""
    order = _occurrences(text, names)
    _spread(text, order, kinds)
    for name in names:
        if not kinds[name] and not name.isupper() and _after_preposition(text, name):
            kinds[name] = "city"
    _spread(text, order, kinds)
    return {
        name: kind or ("organisation" if name.isupper() else "place")
        for name, kind in kinds.items()
    }


def _where(text: str, name: str) -> Iterable[re.Match[str]]:
    return re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)


def _cue(text: str, context: str, name: str) -> str | None:
    for found in _where(text, name):
        before = text[max(0, found.start() - 40) : found.start()]
        for kind, pattern in _BEFORE:
            if pattern.search(before):
                return kind
        after = _AFTER.match(text, found.end())
        if after is not None:
            return _AFTER_KINDS[after.group(1)]
    if " " not in name and _has_adjective(f"{text}\n{context}", name):
        return "country"
    return None


def _has_adjective(text: str, name: str) -> bool:
    """Whether the text uses an adjective made from the name before a noun ("Velorian press")."""
    stems = {name, name[:-1]} if name[-1:] in "aeiouy" else {name}
    endings = ("n", "an", "ian", "ese", "i")
    for stem in stems:
        for ending in endings:
            adjective = stem + ending
            if adjective == name or f"{adjective} " not in text:
                continue
            if re.search(rf"\b{re.escape(adjective)} [a-z]", text):
                return True
    return False


def _after_preposition(text: str, name: str) -> bool:
    return any(
        _AT_PLACE.search(text, max(0, found.start() - 10), found.start())
        for found in _where(text, name)
    )


def _occurrences(text: str, names: Iterable[str]) -> list[re.Match[str]]:
    """Every use of a name in the text, the longest name first where two start together."""
    ordered = sorted(names, key=len, reverse=True)
    if not ordered:
        return []
    pattern = "|".join(re.escape(name) for name in ordered)
    return list(re.finditer(rf"(?<![\w-])(?:{pattern})(?![\w-])", text))


def _spread(text: str, order: list[re.Match[str]], kinds: dict[str, str]) -> None:
    """Give a name without a kind the kind of a name listed beside it, until nothing changes."""
    pairs = [
        (first.group(), second.group())
        for first, second in zip(order, order[1:], strict=False)
        if _LISTED.match(text[first.end() : second.start()])
    ]
    changed = True
    while changed:
        changed = False
        for first, second in pairs:
            for one, other in ((first, second), (second, first)):
                if not kinds.get(one) and kinds.get(other) and kinds[other] != "person":
                    kinds[one] = kinds[other]
                    changed = True
