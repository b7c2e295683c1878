"""The quiz's overview as a cache file keeps it, and read back: its JSON record, and each
fact's row (laorus.quiz.overview.FactRow) from the columns of the facts table.

Everything read back is checked, value by value, against what the quiz expects: a cache file
may have been edited by hand, and a quiz must then use the whole store (and write the cache
again), never what the file says.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from laorus.cache.reader import (
    fact_from_record,
    meta_value,
    names_from_record,
    reading,
    source_from_record,
)
from laorus.quiz.overview import FactRow, KindNames, Overview, Span, event_group, provide
from laorus.store.model import QUESTION_MODES, Fact, PartialDate, Store

_ROW = "category, tags, modes, commemorates, same_event, quote_start, quote_end"
"""The columns of a fact's row, after its id."""


def read_quiz(db: sqlite3.Connection, path: Path) -> Store:
    """The cached store with no fact decoded yet, given the quiz's overview of all of them.

    The overview reads a fact from ``db`` when the quiz builds an item from it, so ``db`` must
    stay open while the quiz builds its items; a fact it cannot read, or one that disagrees
    with its row, raises CacheError then.
    """

    def fetch(fact_id: str) -> Fact | None:
        with reading():
            found = db.execute(f"SELECT data, id, {_ROW} FROM facts WHERE id = ?", (fact_id,))
            row = found.fetchone()
            if row is None:
                return None
            fact = fact_from_record(row[0])
            if FactRow.of(fact) != _row(row[1:], {}, {}):
                msg = f"fact {fact_id!r} disagrees with its row"
                raise ValueError(msg)
        return fact

    def rows(category: str | None) -> Iterator[FactRow]:
        sql = f"SELECT id, {_ROW} FROM facts WHERE ? IS NULL OR category = ? ORDER BY number"
        # Most facts share their tags' and modes' texts ("[]", "[[],[]]"): each is read once.
        tag_lists: dict[str, tuple[str, ...]] = {}
        mode_lists: dict[str, tuple[tuple[str, ...], ...]] = {}
        with reading():
            for values in db.execute(sql, (category, category)):
                yield _row(values, tag_lists, mode_lists)

    with reading():
        source = source_from_record(meta_value(db, "source"))
        names = names_from_record(meta_value(db, "names"))
        found = overview_from_record(meta_value(db, "overview"), fetch, rows)
    store = Store(path=path, source=source, facts=(), names=names, partial=True)
    provide(store, found)
    return store


def _row(
    values: tuple[Any, ...],
    tag_lists: dict[str, tuple[str, ...]],
    mode_lists: dict[str, tuple[tuple[str, ...], ...]],
) -> FactRow:
    """The row of a fact from its columns (id first, then _ROW); ValueError when a value is
    not of its kind. ``tag_lists`` and ``mode_lists`` keep the texts already read."""
    fact_id, category, tags, modes, marks, same, start, end = values
    tagged = tag_lists.get(tags)
    if tagged is None:
        tagged = tag_lists[tags] = _texts(json.loads(tags))
    asked = mode_lists.get(modes)
    if asked is None:
        asked = mode_lists[modes] = _modes(json.loads(modes))
    if not (isinstance(start, int) and isinstance(end, int) and start <= end):
        msg = f"a quote's place is not two offsets: {start!r:.20}, {end!r:.20}"
        raise ValueError(msg)
    group = event_group(_text(fact_id), _maybe_text(marks), _maybe_text(same))
    return FactRow(_text(fact_id), _text(category), tagged, asked, group, start, end)


def overview_record(found: Overview) -> str:
    """The overview as a JSON text, but for its rows (the cache file keeps them with each
    fact); its spans must be worked out."""
    if found.spans is None:
        msg = "an overview is saved with its spans"
        raise ValueError(msg)
    data: dict[str, Any] = {
        "name_kinds": found.name_kinds,
        "names": found.names,
        "tags": found.tags,
        "sorts": {k: {n: sorted(s) for n, s in v.items()} for k, v in found.sorts.items()},
        "kinds": {
            k: [sorted(v.listed), sorted(v.answers), sorted(v.aliases)]
            for k, v in found.kinds.items()
        },
        "dates": found.dates,
        "years": sorted(found.years),
        "numbers": sorted(found.numbers),
        "latest": found.latest,
        "dated_names": {
            name: [[d.year, d.month, d.day, n] for d, n in counts.items()]
            for name, counts in found.dated_names.items()
        },
        "answer_forms": [[start, forms] for start, forms in found.answer_forms.items()],
        "spans": [[start, spans] for start, spans in found.spans.items()],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def overview_from_record(
    text: str,
    fetch: Callable[[str], Fact | None],
    read_rows: Callable[[str | None], Iterator[FactRow]],
) -> Overview:
    """The overview an overview_record() text describes, whose facts and rows the callables read;
    ValueError when it cannot be one (every value is checked: a cache file may have been
    edited)."""
    try:
        data = json.loads(text)
        return Overview(
            name_kinds=_mapping(data["name_kinds"], _text),
            names=_texts(data["names"]),
            tags=_texts(data["tags"]),
            sorts=_mapping(data["sorts"], lambda v: _mapping(v, lambda s: frozenset(_texts(s)))),
            kinds=_mapping(data["kinds"], _kind_names),
            dates=tuple(_date(d) for d in _list(data["dates"])),
            years=frozenset(_texts(data["years"])),
            numbers=frozenset(_texts(data["numbers"])),
            latest=_maybe_number(data["latest"]),
            dated_names=_mapping(data["dated_names"], _date_counts),
            answer_forms={
                _number(start): _mapping(by_form, _forms_and_kind)
                for start, by_form in map(_pair, _list(data["answer_forms"]))
            },
            spans={
                _number(start): tuple(_span(span) for span in _list(spans))
                for start, spans in map(_pair, _list(data["spans"]))
            },
            fetch=fetch,
            read_rows=read_rows,
        )
    except (TypeError, KeyError, AttributeError) as exc:
        msg = f"not an overview ({exc})"
        raise ValueError(msg) from None


_V = TypeVar("_V")


def _list(value: object) -> list[object]:
    if not isinstance(value, list):
        msg = f"expected a list, not {value!r:.40}"
        raise ValueError(msg)
    return value


def _text(value: object) -> str:
    if not isinstance(value, str):
        msg = f"expected a text, not {value!r:.40}"
        raise ValueError(msg)
    return value


def _maybe_text(value: object) -> str | None:
    return None if value is None else _text(value)


def _number(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        msg = f"expected a whole number, not {value!r:.40}"
        raise ValueError(msg)
    return value


def _maybe_number(value: object) -> int | None:
    return None if value is None else _number(value)


def _texts(value: object) -> tuple[str, ...]:
    return tuple(_text(item) for item in _list(value))


def _modes(value: object) -> tuple[tuple[str, ...], ...]:
    """Each question's modes; ValueError when they are not of QUESTION_MODES."""
    found = tuple(_texts(modes) for modes in _list(value))
    if any(mode not in QUESTION_MODES for modes in found for mode in modes):
        msg = f"not modes of a question: {value!r:.40}"
        raise ValueError(msg)
    return found


def _pair(value: object) -> tuple[object, object]:
    first, second = _list(value)
    return first, second


def _mapping(value: object, read: Callable[[object], _V]) -> dict[str, _V]:
    if not isinstance(value, dict):
        msg = f"expected an object, not {value!r:.40}"
        raise ValueError(msg)
    return {_text(key): read(item) for key, item in value.items()}


def _kind_names(value: object) -> KindNames:
    listed, answers, aliases = (frozenset(_texts(v)) for v in _list(value))
    return KindNames(listed, answers, aliases)


def _date(value: object) -> tuple[int, int, int | None]:
    year, month, day = _list(value)
    return _number(year), _number(month), _maybe_number(day)


def _date_counts(value: object) -> dict[PartialDate, int]:
    counts = {}
    for item in _list(value):
        year, month, day, count = _list(item)
        date = PartialDate(_number(year), _maybe_number(month), _maybe_number(day))
        counts[date] = _number(count)
    return counts


def _forms_and_kind(value: object) -> tuple[tuple[str, ...], str | None]:
    forms, kind = _list(value)
    return _texts(forms), None if kind is None else _text(kind)


def _span(value: object) -> Span:
    start, words, kind = _list(value)
    return _number(start), _text(words), _text(kind)
