"""The export as an Anki package (.apkg), built with genanki: one deck, three note types.

Free questions are type-in notes (Anki compares the typed answer), choice questions show their
options on the front, cloze blanks are Anki Cloze notes. Every id is derived from the store's
title and the question's key, so importing a newer export updates the notes it imported before.
genanki is imported here only, so no other command pays for loading it.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import sqlite3
import time
import zipfile
from collections.abc import Sequence
from html import escape
from typing import Any

from laorus.export.cards import LIST_SEPARATOR, Card, anki_tag
from laorus.quiz.cloze import BLANK
from laorus.store.model import Source

_CSS = """\
.card { font-family: sans-serif; font-size: 20px; text-align: left; max-width: 40em; margin: auto; }
.choices li { margin: 0.2em 0; }
.answer { font-weight: bold; }
.accepted, .source { font-size: 16px; color: #666; }
.evidence { font-size: 17px; border-left: 3px solid #aaa; margin: 0.8em 0; padding-left: 0.8em; }
.evidence mark { background: #ffe680; color: black; }
"""

_BACK = """\
<div class=answer>{{Answer}}</div>
{{#Accepted}}<div class=accepted>Also accepted: {{Accepted}}</div>{{/Accepted}}
<blockquote class=evidence>{{Evidence}}</blockquote>
<div class=source>{{#Date}}{{Date}} &middot; {{/Date}}fact {{Fact}}</div>"""

_DETAILS = ("Answer", "Accepted", "Evidence", "Date", "Fact")
"""The fields every note type shares: what the back shows."""

MODEL_VERSION = 1
"""Part of every note type's id: change it when a note type's fields change."""


def stable_id(*parts: str) -> int:
    """An id from 2**30 to 2**31 - 1 (as genanki advises) derived from ``parts``."""
    digest = hashlib.sha1("\x1f".join(parts).encode()).hexdigest()
    return 2**30 + int(digest[:8], 16) % 2**30


def _models() -> dict[str, Any]:
    """The note types, by quiz mode."""
    import genanki

    def model(name: str, fields: Sequence[str], front: str, back: str, cloze: bool = False) -> Any:
        return genanki.Model(
            stable_id("laorus note type", name, str(MODEL_VERSION)),
            name,
            fields=[{"name": field} for field in fields],
            templates=[{"name": name, "qfmt": front, "afmt": back}],
            css=_CSS,
            model_type=genanki.Model.CLOZE if cloze else genanki.Model.FRONT_BACK,
        )

    return {
        "free": model(
            "laorus type-in",
            ("Question", *_DETAILS),
            "{{Question}}<br><br>{{type:Answer}}",
            "{{Question}}<hr id=answer>{{type:Answer}}<br>" + _BACK,
        ),
        "choice": model(
            "laorus choice",
            ("Question", "Choices", *_DETAILS),
            "{{Question}}{{Choices}}",
            "{{FrontSide}}<hr id=answer>" + _BACK,
        ),
        "cloze": model(
            "laorus cloze",
            ("Text", *_DETAILS),
            "{{cloze:Text}}",
            "{{cloze:Text}}<hr id=answer>" + _BACK,
            cloze=True,
        ),
    }


def deck_name(source: Source) -> str:
    """The deck's name: the article's title."""
    return source.title


def note_guid(source: Source, card: Card) -> str:
    """The note's GUID, the same in every export of this question in this mode."""
    import genanki

    return str(genanki.guid_for(source.title, card.item.key, card.item.mode))


def note_tags(card: Card) -> list[str]:
    """The note's Anki tags: ``category::<name>``, then the fact's tags without spaces."""
    return [f"category::{card.item.category}", *(anki_tag(tag) for tag in card.tags)]


def _fields(card: Card) -> list[str]:
    item = card.item
    before, answer, after = card.evidence_parts
    evidence = escape(before) + (f"<mark>{escape(answer)}</mark>" if answer else "") + escape(after)
    date = escape(card.date)
    if card.date and card.derived:
        date += f" <i>(derived: {escape(card.derived)})</i>"
    details = [
        escape(item.answer),
        escape(LIST_SEPARATOR.join(item.accept)),
        evidence.replace("\n", "<br>"),
        date,
        escape(item.fact_id),
    ]
    if item.mode == "cloze":
        return [_cloze_text(card), *details]
    if item.mode == "choice":
        options = "".join(f"<li>{escape(choice)}</li>" for choice in item.choices)
        return [escape(item.prompt), f"<ol class=choices type=a>{options}</ol>", *details]
    return [escape(item.prompt), *details]


def _cloze_text(card: Card) -> str:
    """The prompt with its blank as an Anki cloze deletion (or the sentence, if no blank)."""
    item = card.item
    deletion = "{{c1::" + escape(item.answer) + "}}"
    if item.prompt.count(BLANK) == 1:
        before, after = item.prompt.split(BLANK)
        return escape(before) + deletion + escape(after)
    before, answer, after = card.evidence_parts
    if not answer:
        return escape(item.prompt) + "<br>" + deletion
    return escape(before) + deletion + escape(after)


def anki_package(source: Source, cards: Sequence[Card], timestamp: float | None = None) -> bytes:
    """The cards as the bytes of an .apkg file: one deck named after the article's title.

    ``timestamp`` (seconds since the epoch, default now) dates the notes: Anki updates a note
    it has already imported only from a newer one.
    """
    import genanki

    models = _models()
    title = source.title
    dated = f" ({source.published})" if source.published is not None else ""
    deck = genanki.Deck(
        stable_id("laorus deck", title),
        deck_name(source),
        description=escape(f"Questions on '{title}' by {source.author}{dated}."),
    )
    for card in cards:
        deck.add_note(
            genanki.Note(
                model=models[card.item.mode],
                fields=_fields(card),
                tags=note_tags(card),
                guid=note_guid(source, card),
            )
        )
    when = time.time() if timestamp is None else timestamp
    # Package.write_to_file leaves its SQLite file in the system's temporary folder; an
    # in-memory database, serialised into the zip, leaves nothing behind.
    connection = sqlite3.connect(":memory:")
    try:
        genanki.Package(deck).write_to_db(
            connection.cursor(), when, itertools.count(int(when * 1000))
        )
        connection.commit()
        database = connection.serialize()
    finally:
        connection.close()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("collection.anki2", database)
        archive.writestr("media", "{}")
    return buffer.getvalue()
