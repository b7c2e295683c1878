"""The names an article uses: capitalised spans, abbreviations and their expansions, a guessed kind.

A name is a run of capitalised words, joined by "of", "of the", "on the" or "for" ("Treaty on
the Foundations of Friendly Relations"). A sentence's first word, and a single word that is an
English word ("Today", "Victory"), is no name; a single adjective of a name ("Russian", "Lao",
"Russian-Lao" before a noun) is none either. A person is the name after a title ("Prime Minister
of the Lao PDR Sonexay Siphandone"), and the title is kept. An abbreviation pairs with the name
whose capitals spell it ("EEF", "Eastern Economic Forums") or that the article puts beside it in
brackets. A name's kind is told by its own words ("Forum", "Treaty") or guessed from the text
around it (laorus.draft.kinds); every kind is a guess for the author to confirm.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from laorus.draft.kinds import guess_kinds
from laorus.draft.known import known_names
from laorus.store.model import NAME_KINDS, Name
from laorus.text.dates import MONTH_NAMES
from laorus.text.spelling import english_words
from laorus.text.words import fold

_WORD = r"(?:St\.\s)?[A-Z][\w'’]*(?:-[\w'’]+)*"
_SPAN = re.compile(rf"{_WORD}(?:\s+(?:(?:of|on|for)\s+(?:the\s+)?)?{_WORD})*")
_ABBREVIATION = re.compile(r"\b[A-Z]{2,6}\b")
_BRACKETED = re.compile(r"\(([A-Z]{2,6})\)|\(([A-Z][^()]{3,80})\)")
_CONNECTORS = frozenset({"of", "on", "for", "the"})
_LIST_TAIL = re.compile(rf"(?:,\s+{_WORD})*,?\s+and\s+{_WORD}(?:\s+{_WORD})*")
_ANNIVERSARY_OF = re.compile(r"\banniversary of\s+$")
_TITLES = frozenset(
    " ".join(
        (
            "president vice prime minister chairman chairwoman secretary general ambassador",
            "king queen",
            "prince princess deputy governor mayor director chancellor premier foreign head chief",
            "senator speaker patriarch",
        )
    ).split()
)
# Words inside a title, after which a person's name may follow: "Minister of Foreign Affairs".
_TITLE_PARTS = frozenset(
    " ".join(("affairs defence defense interior justice finance state",)).split()
)
# Words that start a sentence without being part of a name ("In 2024", "A Lao regiment").
_OPENERS = frozenset(
    " ".join(
        (
            "a an the in on at for to by with from as after before since during this that",
            "these those",
            "it its we our their his her and but or if when while there here",
        )
    ).split()
)
_HEADS: dict[str, str] = {}
for _head_kind, _words in (
    ("country", "republic federation kingdom pdr union emirates"),
    ("region", "province region oblast territory krai district prefecture"),
    ("city", "city"),
    ("place", "square street avenue bridge river lake mountain island venue palace"),
    (
        "organisation",
        "party commission committee council society church ministry ministries government "
        "association organisation organization university hospital school parliament assembly "
        "academy institute authorities agency office bureau court army fund",
    ),
    ("company", "corporation company group bank airlines holding railways"),
    (
        "event",
        "forum forums summit conference festival festivals war games days congress exhibition "
        "olympics championship expo week year",
    ),
    (
        "document",
        "treaty declaration charter agreement convention protocol memorandum act resolution",
    ),
):
    for _head in _words.split():
        _HEADS[_head] = _head_kind
_DEMONYM = re.compile(r"(?:ian|ean|can|ese|ish|ic|ist)$")
_NOT_NAMES = frozenset(word.lower() for word in (*MONTH_NAMES, "I"))


@dataclass(slots=True)
class _Found:
    name: str
    kind: str | None = None
    variants: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)


def sentence_names(sentence: str) -> list[tuple[str, str | None, str | None]]:
    """(name, kind if the words tell it, title for a person) for each name in one sentence."""
    found: list[tuple[str, str | None, str | None]] = []
    for start, end in _spans(sentence):
        opens = start == 0 or _opens(sentence, start)
        for words, stop in _pieces(sentence, start, end):
            words = _trim(words, at_start=opens)
            opens = False
            if not words:
                # "the 80th anniversary of Victory": an English word, but the name of an event
                one = " " not in sentence[start:end]
                if one and stop == end and _ANNIVERSARY_OF.search(sentence, 0, start):
                    found.append((sentence[start:end], "event", None))
                continue
            following = sentence[stop : stop + 2]
            if len(words) == 1 and _adjective(words[0], following):
                continue
            if words[0].lower() in _TITLES:
                person = _person(words)
                title = person[0] if person else " ".join(words)
                if person is not None:
                    found.append((person[1], "person", title))
                inner = _inner_name(title)
                if inner:
                    found.append((inner, _kind(inner.split()), None))
                continue
            found.append((" ".join(words), _kind(words), None))
    return found


def _spans(sentence: str) -> list[tuple[int, int]]:
    """Where each capitalised span begins and ends, a name's list of words kept whole.

    "Commission on Trade, Economic, Scientific and Technical Cooperation" is one name: after
    "of", "on" or "for", a list of capitalised English words is part of the name.
    """
    spans: list[tuple[int, int]] = []
    end = 0
    for match in _SPAN.finditer(sentence):
        if match.start() < end:
            continue
        end = match.end()
        if re.search(r"\s(?:of|on|for)\s", match.group()):
            tail = _LIST_TAIL.match(sentence, end)
            known = english_words()
            if tail is not None and all(
                w.lower() in known for w in re.findall(r"[A-Z]\w*", tail.group())
            ):
                end = tail.end()
        spans.append((match.start(), end))
    return spans


def _pieces(sentence: str, start: int, end: int) -> list[tuple[list[str], int]]:
    """The span's words cut at month names ("Moscow on May 9"), each with where it ends."""
    pieces: list[tuple[list[str], int]] = []
    words: list[str] = []
    for word in re.finditer(r"\S+", sentence[start:end]):
        if word.group() in MONTH_NAMES:
            pieces.append((words, start + word.start()))
            words = []
        else:
            words.append(word.group())
    pieces.append((words, end))
    return [(piece, stop) for piece, stop in pieces if piece]


def _opens(sentence: str, start: int) -> bool:
    return sentence[:start].strip() in {"", '"', "“", "(", "-", "–"}


def _trim(words: list[str], *, at_start: bool) -> list[str]:
    """Leave out a sentence's ordinary first word, trailing connectors and English single words.

    A known country or region ("China", "Turkey") is kept; a country's adjective ("Soviet") is
    no name.
    """
    known = english_words()
    listed = known_names()
    words = [w.split("-")[0] if w.split("-")[0].isupper() and "-" in w else w for w in words]
    if words:
        words[-1] = re.sub(r"['’]s?$", "", words[-1])
    if len(words) == 1 and listed.get(words[0]) is not None:
        return words
    first = words[0].lower() if words else ""
    ordinary = first in known or first in _OPENERS
    if at_start and ordinary and listed.get(" ".join(words)) is None:
        words = words[1:]
    while words and words[0].lower() in _CONNECTORS:
        words = words[1:]
    while words and words[-1].lower() in _CONNECTORS:
        words = words[:-1]
    if len(words) == 1:
        word = words[0].lower().strip("'’")
        if word in known or word in _NOT_NAMES or word.removesuffix("'s") in known:
            return []
        if words[0] in listed.adjectives:
            return []
    return words


def _adjective(word: str, following: str) -> bool:
    """A single word used before a noun as an adjective: "Russian companies", "Lao culture"."""
    before_noun = following[:1] == " " and following[1:2].islower()
    return before_noun and ("-" in word or _DEMONYM.search(word) is not None or len(word) <= 3)


def _person(words: list[str]) -> tuple[str, str] | None:
    """(title, name) when the words are a title followed by a person's name."""
    if words[0].lower() not in _TITLES:
        return None
    cut = 0
    for index, word in enumerate(words):
        low = word.lower()
        parts = (_TITLES, _TITLE_PARTS, _HEADS, _CONNECTORS)
        if any(low in part for part in parts) or word.isupper():
            cut = index + 1
    name = words[cut:]
    known = english_words()
    if not 1 <= len(name) <= 4 or any(w.lower() in known for w in name):
        return None
    return " ".join(words[:cut]), " ".join(name)


def _inner_name(title: str) -> str | None:
    """The place or body a title names: "Prime Minister of the Lao PDR" -> "Lao PDR"."""
    match = re.search(r"\bof (?:the )?((?:(?!\bof\b).)+)$", title)
    if match is None:
        return None
    inner = match.group(1)
    words = inner.lower().split()
    if all(w in _TITLES or w in _TITLE_PARTS for w in words) or inner.lower() in english_words():
        return None  # "Minister of Foreign Affairs" names no place
    return inner if inner[:1].isupper() else None


def _kind(words: list[str]) -> str | None:
    """The kind the words tell: the last word naming a kind before any "of" ("Government of")."""
    lowered = [word.lower() for word in words]
    cut = next((i for i, w in enumerate(lowered) if w in ("of", "on", "for")), len(words))
    for word in [*reversed(words[:cut]), *reversed(words[cut:])]:
        kind = _HEADS.get(word.lower().strip("'’"))
        if kind is not None:
            return kind
    return None


def initials(name: str) -> str:
    """The capitals that would abbreviate a name: "Eastern Economic Forums" -> "EEF"."""
    return "".join(w[0] for w in name.replace("-", " ").split() if w[:1].isupper())


def collect(text: str, sentences: list[str], context: str = "") -> list[Name]:
    """The article's names, in order of first use, each with its variants and a guessed kind.

    ``context`` is the article's header, which may hold a cue to a kind ("the Velorian press").
    """
    found: dict[str, _Found] = {}
    people: set[str] = set()
    for sentence in sentences:
        for name, kind, title in sentence_names(sentence):
            entry = found.setdefault(fold(name), _Found(name))
            if kind == "person":
                people.add(fold(name))
            entry.kind = entry.kind or kind
            if title and title not in entry.titles:
                entry.titles.append(title)
    _drop_adjectives(text, found)
    _pair_abbreviations(text, found)
    found = _merge_known(found)
    kinds = guess_kinds(
        text,
        {e.name: "person" if key in people else e.kind for key, e in found.items()},
        context,
    )
    names: list[Name] = []
    claimed: set[str] = set()
    for key, entry in found.items():
        if key in claimed:
            continue
        kind = kinds[entry.name]
        assert kind in NAME_KINDS, kind
        variants = [v for v in entry.variants if fold(v) not in claimed and fold(v) != key]
        claimed.update({key, *(fold(v) for v in variants)})
        titles = tuple(entry.titles) if kind == "person" else ()
        names.append(Name(entry.name, kind, tuple(variants), titles, guessed=True))
    return names


def _merge_known(found: dict[str, _Found]) -> dict[str, _Found]:
    """One entry for the forms of one known country ("Laos", "Lao PDR"), in its usual form."""
    listed = known_names()
    merged: dict[str, _Found] = {}
    groups: dict[tuple[str, ...], str] = {}
    for key, entry in found.items():
        known = next(
            (k for k in map(listed.get, (entry.name, *entry.variants)) if k is not None), None
        )
        if known is None:
            merged[key] = entry
            continue
        first = groups.get(known.forms)
        if first is None:
            groups[known.forms] = key
            merged[key] = entry
            continue
        kept = merged[first]
        for form in (entry.name, *entry.variants):
            if form not in kept.variants and form != kept.name:
                kept.variants.append(form)
    for forms, key in groups.items():
        entry = merged[key]
        usual = next((f for f in forms if f == entry.name or f in entry.variants), None)
        if usual is not None and usual != entry.name:
            entry.variants = [entry.name, *(v for v in entry.variants if v != usual)]
            entry.name = usual
    return {fold(entry.name): entry for entry in merged.values()}


def _pair_abbreviations(text: str, found: dict[str, _Found]) -> None:
    """Give each expansion its abbreviation as a variant, and drop the abbreviation's own entry."""
    pairs: list[tuple[str, str]] = []
    for match in _BRACKETED.finditer(text):
        before = text[: match.start()].rstrip()
        short, long = match.group(1), match.group(2)
        if short:
            spans = list(_SPAN.finditer(before))
            if spans and spans[-1].end() == len(before):
                prefix = before[: spans[-1].start()].rstrip(" ")
                opens = not prefix or prefix[-1] in '.!?\n"“'
                words = _trim(spans[-1].group().split(), at_start=opens)
                if words:
                    pairs.append((" ".join(words), short))
        elif long:
            abbreviation = re.search(r"\b([A-Z]{2,6})$", before)
            if abbreviation:
                pairs.append((long, abbreviation.group(1)))
    abbreviations = {m.group() for m in _ABBREVIATION.finditer(text)}
    for entry in list(found.values()):
        spelt = initials(entry.name)
        if len(entry.name.split()) > 1 and spelt in abbreviations and spelt != entry.name:
            pairs.append((entry.name, spelt))
        # "Lao PDR" for "Lao People's Democratic Republic": the same first words, then initials.
        *head, last = entry.name.split()
        if head and last.isupper():
            for other in list(found.values()):
                words = other.name.split()
                rest = " ".join(words[len(head) :])
                if words[: len(head)] == head and rest and initials(rest) == last:
                    pairs.append((other.name, entry.name))
    for long, short in pairs:
        entry = found.setdefault(fold(long), _Found(long))
        if short not in entry.variants:
            entry.variants.append(short)
        gone = found.pop(fold(short), None)
        if gone is not None and entry.kind is None:
            entry.kind = gone.kind


def _drop_adjectives(text: str, found: dict[str, _Found]) -> None:
    """Drop a word that is another name's stem, used before nouns ("Lao people", "Laos")."""
    for key, entry in list(found.items()):
        word = entry.name
        if " " in word:
            continue
        stem = any(
            other.name != word and other.name.startswith(word) and " " not in other.name
            for other in found.values()
        )
        if stem and re.search(rf"\b{re.escape(word)} [a-z]", text):
            del found[key]
