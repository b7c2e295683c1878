"""An article's sentences made into draft facts: one per sentence, one per dated event in it.

Each fact quotes its sentence verbatim and states it as it is (the author rewrites it); a date the
article only implies says how in ``derived``; category and tags are guesses from the words.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from laorus.draft.dates import Dated, Undated, paragraph_dates, say
from laorus.draft.names import collect, sentence_names
from laorus.draft.questions import date_question, first_number, name_question, number_question
from laorus.draft.source import Article, DraftError
from laorus.store.model import CATEGORIES, Fact, Name, Question
from laorus.text.numerals import ordinal
from laorus.text.sentences import Sentence, sentences
from laorus.text.spelling import english_words
from laorus.text.words import fold, words

_CUES: dict[str, tuple[str, ...]] = {
    "history": ("war", "victory", "liberation", "coloni", "soviet", "ussr", "independen",
                "proclaim", "founded", "monument", "struggle", "histor"),
    "diplomacy": ("diplomat", "relations", "treaty", "declaration", "ministr", "embass",
                  "partnership", "anniversary"),
    "visits": ("visit", "talks", "hosted", "meeting", "delegation", "conversation", "met"),
    "multilateral": ("asean", "brics", "sco", "summit", "charter", "eaeu", "association",
                     "multilateral"),
    "positions": ("advocate", "oppose", "committed", "welcome", "position", "crisis", "policy",
                  "approach"),
    "security": ("security", "defence", "defense", "military", "enforcement", "threat", "nato"),
    "economy": ("econom", "trade", "invest", "energy", "compan", "business", "transport",
                "shipping", "rail", "plant", "mining", "logistic", "industr"),
    "education": ("student", "scholarship", "universit", "school", "training", "educat"),
    "culture": ("cultur", "film", "festival", "concert", "art", "music", "dance", "elephant"),
    "regions": ("cities", "provinces", "twinning", "constituent"),
    "religion": ("church", "orthodox", "buddhis", "religio", "parish"),
}  # fmt: skip
_CUE_PATTERNS = {
    category: re.compile(rf"\b(?:{'|'.join(cues)})\w*") for category, cues in _CUES.items()
}
_DEFAULT_CATEGORY = "diplomacy"
"""The category of a sentence with no cue word. Not "unsorted": the store's categories are a
closed vocabulary that `quiz --category`, `stats` and `export` offer to every store, and a
category that means "none yet" would be listed there as if it were a subject. The draft says,
beside each such category, that it is a default for the author to choose."""
_GUESSED = "guessed from the words"
_DEFAULTED = "no cue words: a default; choose the category"
_SLUG_WORDS = 4
_MIN_WORDS = 3
"""A sentence of fewer words ("Thank you.") is no fact."""
_LISTS = {"person": "people", "organisation": "organisations", "place": "places"}
"""The list of a fact that names of each group (Name.group) go in; events and documents none."""


@dataclass(frozen=True, slots=True)
class DraftFact:
    """A drafted fact, the fact it commemorates (by id), and what its author should check."""

    fact: Fact
    commemorates: str | None = None
    category_comment: str = _GUESSED
    """What the author should know about the category: how it was chosen."""


@dataclass(frozen=True, slots=True)
class DraftSource:
    """The [source] of the draft; None where neither the caller nor the article says."""

    title: str | None
    author: str | None
    author_role: str | None
    published: dt.date | None
    published_in: str | None
    text: str


@dataclass(frozen=True, slots=True)
class Draft:
    """A drafted store and what the author should review in it."""

    source: DraftSource
    facts: tuple[DraftFact, ...]
    names: tuple[Name, ...]
    cut: tuple[str, ...]
    """Trailing lines left out of source.text as page furniture."""
    undated: tuple[Undated, ...]
    """Dates the draft could not resolve (no publication date)."""


def draft(
    article: Article,
    *,
    today: dt.date,
    title: str | None = None,
    author: str | None = None,
    published: dt.date | None = None,
) -> Draft:
    """Draft the facts, questions and names of an article; DraftError for a date after today."""
    header = article.header
    if published is None and header.published is not None:
        if header.published > today:
            msg = (
                f"the article's first lines date it {header.published.isoformat()}, after today"
                f" ({today.isoformat()}); give its real publication date"
            )
            raise DraftError(msg)
        published = header.published
    if published is not None and published > today:
        msg = f"the publication date {published.isoformat()} is after today ({today.isoformat()})"
        raise DraftError(msg)
    source = DraftSource(
        title or header.title,
        author or header.author,
        header.author_role if author is None else None,
        published,
        header.published_in,
        article.text,
    )
    found = sentences(article.text)
    names = collect(article.text, [s.text for s in found], "\n".join(article.header_lines))
    facts: list[DraftFact] = []
    undated: list[Undated] = []
    ids: set[str] = set()
    for paragraph in _paragraphs(article.text, found):
        dates, missing = paragraph_dates(paragraph, published)
        undated.extend(missing)
        for sentence, dated in zip(paragraph, dates, strict=True):
            if len(sentence.text.split()) >= _MIN_WORDS:
                facts.extend(_sentence_facts(sentence, dated, names, published, ids))
    return Draft(source, tuple(facts), tuple(names), article.cut, tuple(undated))


def _paragraphs(text: str, found: list[Sentence]) -> list[list[Sentence]]:
    paragraphs: dict[int, list[Sentence]] = {}
    for sentence in found:
        paragraphs.setdefault(text.rfind("\n", 0, sentence.start), []).append(sentence)
    return list(paragraphs.values())


def _sentence_facts(
    sentence: Sentence,
    dated: list[Dated],
    names: tuple[Name, ...] | list[Name],
    published: dt.date | None,
    ids: set[str],
) -> list[DraftFact]:
    text = sentence.text
    category, comment = _category(text)
    mentioned = _mentioned(text, names)
    fields: dict[str, list[str]] = {"people": [], "organisations": [], "places": []}
    for name in mentioned:
        key = _LISTS.get(name.group)
        if key is not None:
            fields[key].append(name.name)
    tags = _tags(text, mentioned)
    base = dict(quote=text, category=category, quote_start=sentence.start)
    if not dated:
        question = _undated_question(text, mentioned)
        fact = Fact(
            id=_unique(_slug(text), ids),
            statement=text,
            tags=tags,
            questions=(question,) if question else (),
            people=tuple(fields["people"]),
            organisations=tuple(fields["organisations"]),
            places=tuple(fields["places"]),
            **base,  # type: ignore[arg-type]
        )
        return [DraftFact(fact, category_comment=comment)]
    made: dict[int, str] = {}
    facts: list[tuple[Dated, Fact]] = []
    for one in dated:
        statement = text
        slug = _slug(text)
        if one.anniversary is not None and one.event is not None:
            nth = ordinal(one.anniversary.nth)
            event = one.event[:1].upper() + one.event[1:]
            statement = (
                f"{event}: the article marks its {nth} anniversary"
                f" {'on' if one.anniversary.on.day else 'in'} {say(one.anniversary.on)},"
                f" which dates it to {say(one.date)}."
            )
            slug = _slug(one.event)
        fact_id = _unique(f"{slug}-{one.date.year}", ids)
        made[id(one)] = fact_id
        fact = Fact(
            id=fact_id,
            statement=statement,
            date=one.date,
            end_date=one.end_date,
            derived=one.derived,
            anniversary=one.anniversary,
            event=one.event,
            tags=tuple(sorted({*tags, str(one.date.year)})),
            questions=(date_question(text, one, dated, published),),
            people=tuple(fields["people"]),
            organisations=tuple(fields["organisations"]),
            places=tuple(fields["places"]),
            **base,  # type: ignore[arg-type]
        )
        facts.append((one, fact))
    return [
        DraftFact(
            fact,
            made.get(id(one.commemorates)) if one.commemorates is not None else None,
            comment,
        )
        for one, fact in facts
    ]


def _undated_question(text: str, mentioned: list[Name]) -> Question | None:
    number = first_number(text, [])
    if number is not None:
        return number_question(text, number)
    for name in mentioned:
        question = name_question(text, name)
        if question is not None:
            return question
    return None


def _mentioned(text: str, names: tuple[Name, ...] | list[Name]) -> list[Name]:
    """The names of the vocabulary that the sentence writes (in any of their forms)."""
    in_sentence = {fold(found) for found, _, _ in sentence_names(text)}
    mentioned = []
    for name in names:
        forms = (name.name, *name.variants)
        if any(fold(form) in in_sentence for form in forms) or any(
            form in text and re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text) for form in forms
        ):
            mentioned.append(name)
    # "Port Amsel" alone names no place "Amsel" (but "University of Veloria" names Veloria).
    return [
        name
        for name in mentioned
        if not any(
            other is not name
            and other.group == name.group
            and name.name in other.name
            and _only_within(text, name, other)
            for other in mentioned
        )
    ]


def _only_within(text: str, name: Name, longer: Name) -> bool:
    """Whether every use of ``name`` in ``text`` is part of a use of the longer name."""
    rest = text.replace(longer.name, "")
    return not any(re.search(rf"(?<!\w){re.escape(form)}(?!\w)", rest) for form in name.forms)


def _category(text: str) -> tuple[str, str]:
    """The category whose cue words the sentence uses most, the default when it uses none; and
    a comment saying which it is."""
    said = " ".join(words(text))
    scores = {category: len(pattern.findall(said)) for category, pattern in _CUE_PATTERNS.items()}
    best = max(CATEGORIES, key=lambda category: scores.get(category, 0))
    if scores.get(best, 0) == 0:
        return _DEFAULT_CATEGORY, _DEFAULTED
    return best, _GUESSED


def _tags(text: str, mentioned: list[Name]) -> tuple[str, ...]:
    """Lower-case tags: the names the sentence uses, and its longer uncommon words."""
    tags = {fold(name.name) for name in mentioned}
    common = english_words()
    for word in words(text):
        if len(word) >= 6 and word.isalpha() and word in common and len(tags) < 12:
            tags.add(word)
    return tuple(sorted(tags))


def _slug(text: str) -> str:
    """A readable id from the first content words: "russia-laos-marked-anniversary"."""
    chosen: list[str] = []
    for word in words(text):
        ascii_word = re.sub(r"[^a-z0-9]", "", word)
        if len(ascii_word) < 3 or ascii_word.isdigit() or ascii_word in _STOP:
            continue
        chosen.append(ascii_word)
        if len(chosen) == _SLUG_WORDS:
            break
    return "-".join(chosen) or "fact"


def _unique(slug: str, ids: set[str]) -> str:
    candidate, number = slug, 2
    while candidate in ids:
        candidate, number = f"{slug}-{number}", number + 1
    ids.add(candidate)
    return candidate


_STOP = frozenset(
    " ".join(
        (
            "the and our their its this that these those with from for was were are has",
            "have had been",
            "which who whom will would can could should also into over under about",
            "between through",
            "during after before than then them they there here such very more most all any each",
            "other some only just not but yet",
        )
    ).split()
)
