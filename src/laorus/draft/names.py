"""The names an article uses: capitalised spans, abbreviations and their expansions, a guessed kind.

A name is a run of capitalised words, joined by "of", "of the", "on the" or "for" ("Treaty on
the Foundations of Friendly Relations"). A sentence's first word, and a single word that is an
English word ("Today", "Victory"), is no name; a single adjective of a name ("Russian", "Lao",
"Russian-Lao" before a noun) is none either. A person is the name after a title ("Prime Minister
of the Lao PDR Sonexay Siphandone"), and the title is kept. An abbreviation pairs with the name
whose capitals spell it ("EEF", "Eastern Economic Forums") or that the article puts beside it in
brackets. Every kind is a guess for the author to confirm.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from laorus.text.dates import MONTH_NAMES
from laorus.text.spelling import english_words
from laorus.text.words import fold

_WORD = r"(?:St\.\s)?[A-Z][\w'’]*(?:-[\w'’]+)*"
_SPAN = re.compile(rf"{_WORD}(?:\s+(?:(?:of|on|for)\s+(?:the\s+)?)?{_WORD})*")
_ABBREVIATION = re.compile(r"\b[A-Z]{2,6}\b")
_BRACKETED = re.compile(r"\(([A-Z]{2,6})\)|\(([A-Z][^()]{3,80})\)")
_CONNECTORS = frozenset({"of", "on", "for", "the"})
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


@dataclass(frozen=True, slots=True)
class Name:
    """A name of the article, its guessed kind, its other forms and (for people) titles."""

    name: str
    kind: str
    variants: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()


@dataclass(slots=True)
class _Found:
    name: str
    kind: str | None = None
    variants: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)


def sentence_names(sentence: str) -> list[tuple[str, str | None, str | None]]:
    """(name, kind if the words tell it, title for a person) for each name in one sentence."""
    found: list[tuple[str, str | None, str | None]] = []
    for match in _SPAN.finditer(sentence):
        opens = match.start() == 0 or _opens(sentence, match)
        for words, end in _pieces(match):
            words = _trim(words, at_start=opens)
            opens = False
            if not words:
                continue
            following = sentence[end : end + 2]
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


def _pieces(match: re.Match[str]) -> list[tuple[list[str], int]]:
    """The span's words cut at month names ("Moscow on May 9"), each with where it ends."""
    pieces: list[tuple[list[str], int]] = []
    words: list[str] = []
    for word in re.finditer(r"\S+", match.group()):
        if word.group() in MONTH_NAMES:
            pieces.append((words, match.start() + word.start()))
            words = []
        else:
            words.append(word.group())
    pieces.append((words, match.end()))
    return [(piece, end) for piece, end in pieces if piece]


def _opens(sentence: str, match: re.Match[str]) -> bool:
    return sentence[: match.start()].strip() in {"", '"', "“", "(", "-", "–"}


def _trim(words: list[str], *, at_start: bool) -> list[str]:
    """Leave out a sentence's ordinary first word, trailing connectors and English single words."""
    known = english_words()
    words = [w.split("-")[0] if w.split("-")[0].isupper() and "-" in w else w for w in words]
    if words:
        words[-1] = re.sub(r"['’]s?$", "", words[-1])
    if at_start and words and (words[0].lower() in known or words[0].lower() in _OPENERS):
        words = words[1:]
    while words and words[0].lower() in _CONNECTORS:
        words = words[1:]
    while words and words[-1].lower() in _CONNECTORS:
        words = words[:-1]
    if len(words) == 1:
        word = words[0].lower().strip("'’")
        if word in known or word in _NOT_NAMES or word.removesuffix("'s") in known:
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


def collect(text: str, sentences: list[str]) -> list[Name]:
    """The article's names, in order of first use, each with its variants and a guessed kind."""
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
    names: list[Name] = []
    claimed: set[str] = set()
    for key, entry in found.items():
        if key in claimed:
            continue
        kind = "person" if key in people else entry.kind or _default_kind(entry.name)
        variants = [v for v in entry.variants if fold(v) not in claimed and fold(v) != key]
        claimed.update({key, *(fold(v) for v in variants)})
        names.append(Name(entry.name, kind, tuple(variants), tuple(entry.titles)))
    return names


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


def _default_kind(name: str) -> str:
    return "organisation" if name.isupper() else "place"
