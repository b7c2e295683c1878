"""The export as CSV: one row per question, a header row, UTF-8, for spreadsheets and Anki.

Columns, in order: ``question``, ``answer``, ``accepted forms``, ``choices``, ``evidence``,
``category``, ``tags``, ``fact id``. Within a cell, accepted forms and choices are separated
by ``LIST_SEPARATOR`` (" | "); tags are separated by spaces, written as Anki tags
(``anki_tag``), so Anki's CSV import can read the column as its Tags field.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from laorus.export.cards import LIST_SEPARATOR, Card, anki_tag

COLUMNS: tuple[str, ...] = (
    "question",
    "answer",
    "accepted forms",
    "choices",
    "evidence",
    "category",
    "tags",
    "fact id",
)
"""The header row."""


def csv_text(cards: Sequence[Card]) -> str:
    """The cards as CSV text with a header row (newlines inside a cell are quoted)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for card in cards:
        item = card.item
        writer.writerow(
            (
                item.prompt,
                item.answer,
                LIST_SEPARATOR.join(item.accept),
                LIST_SEPARATOR.join(item.choices),
                item.context,
                item.category,
                " ".join(anki_tag(tag) for tag in card.tags),
                item.fact_id,
            )
        )
    return buffer.getvalue()
