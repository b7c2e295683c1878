"""Read a fact store and its search index back from a cache file, without building every fact.

`CachedIndex` answers the `laorus.search.index.Index` protocol from SQLite: a query reads
the postings of the words it matches and the facts it ranks, not the whole store. Facts are kept
as JSON (data only; nothing in a cache file can run code). Anything unreadable raises
CacheError, and the caller rebuilds the cache from the store.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from laorus.errors import LaorusError
from laorus.search.index import WEIGHTS, FilterFields
from laorus.store.model import Fact, Name, Source, Store
from laorus.store.records import FACT_FIELDS, fact_from_dict, fact_to_dict

POSTING_TYPE = "I"
"""Postings pack fact numbers as unsigned 32-bit numbers, followed by a byte per weight."""
_BATCH = 500  # numbers per "IN (...)" query, well under SQLite's limit on parameters


class CacheError(LaorusError):
    """A cache file could not be read as written; it is rebuilt from the store."""


@contextlib.contextmanager
def reading() -> Iterator[None]:
    """What reading a cache file that is not as written raises (an SQLite error, a value of the
    wrong kind or shape), as CacheError."""
    try:
        yield
    except (sqlite3.Error, ValueError, TypeError, KeyError, IndexError) as exc:
        msg = f"the cache cannot be read ({exc})"
        raise CacheError(msg) from None


def fact_record(fact: Fact, encode: Callable[[object], str] = json.dumps) -> str:
    """``fact`` as a JSON text (``encode``: a faster JSON encoder to reuse for many facts).

    The values of fact_to_dict() in FACT_FIELDS order: a list, a fifth smaller than the object.
    """
    return encode(list(fact_to_dict(fact).values()))


def fact_from_record(text: str) -> Fact:
    """The fact a fact_record() text describes; ValueError, TypeError or KeyError if none."""
    return fact_from_dict(dict(zip(FACT_FIELDS, json.loads(text), strict=True)))


def source_record(source: Source) -> str:
    """``source`` as a JSON text."""
    return json.dumps(
        [
            source.title,
            source.author,
            source.published.isoformat() if source.published else None,
            source.published_in,
            source.text,
            source.author_role,
        ],
        ensure_ascii=False,
    )


def source_from_record(text: str) -> Source:
    """The source a source_record() text describes."""
    title, author, published, published_in, body, role = json.loads(text)
    day = dt.date.fromisoformat(published) if published is not None else None
    return Source(title, author, day, published_in, body, role)


def names_record(names: Sequence[Name]) -> str:
    """The names vocabulary as a JSON text."""
    return json.dumps(
        [[n.name, n.kind, n.variants, n.titles, n.guessed] for n in names], ensure_ascii=False
    )


def names_from_record(text: str) -> tuple[Name, ...]:
    """The names a names_record() text describes."""
    return tuple(
        Name(name, kind, tuple(variants), tuple(titles), bool(guessed))
        for name, kind, variants, titles, guessed in json.loads(text)
    )


def pack_posting(posting: Mapping[int, float]) -> bytes:
    """A posting as bytes: the fact numbers (POSTING_TYPE), then a byte per fact for its weight."""
    places = {weight: place for place, weight in enumerate(WEIGHTS)}
    numbers = array(POSTING_TYPE, posting)
    return numbers.tobytes() + bytes(map(places.__getitem__, posting.values()))


def unpack_posting(data: bytes, total: int) -> dict[int, float]:
    """The posting pack_posting() packed; CacheError when it cannot be one."""
    numbers = array(POSTING_TYPE)
    count, rest = divmod(len(data), numbers.itemsize + 1)
    if rest:
        msg = "a posting cannot be read (its length is not whole entries)"
        raise CacheError(msg)
    try:
        numbers.frombytes(data[: count * numbers.itemsize])
        weights = list(map(WEIGHTS.__getitem__, data[count * numbers.itemsize :]))
    except (TypeError, ValueError, IndexError) as exc:
        msg = f"a posting cannot be read ({exc})"
        raise CacheError(msg) from None
    if numbers and max(numbers) >= total:
        msg = "a posting names a fact the cache does not hold"
        raise CacheError(msg)
    return dict(zip(numbers, weights, strict=True))


def read_store(db: sqlite3.Connection, path: Path) -> Store:
    """Every fact of the cached store, in order; CacheError when the cache cannot be read."""
    from laorus.store.summary import Summary  # only for the warnings; its import costs

    with reading():
        source = source_from_record(meta_value(db, "source"))
        names = names_from_record(meta_value(db, "names"))
        facts = tuple(
            fact_from_record(data)
            for (data,) in db.execute("SELECT data FROM facts ORDER BY number")
        )
        if len(facts) != int(meta_value(db, "total")):
            msg = "the cache lacks some facts"
            raise CacheError(msg)
        warnings = Summary.from_list(json.loads(meta_value(db, "summary"))).warnings
    return Store(path=path, source=source, facts=facts, warnings=warnings, names=names)


def meta_value(db: sqlite3.Connection, key: str) -> str:
    """One value of the cache's meta table; CacheError when it is missing."""
    row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    if row is None or not isinstance(row[0], str):
        msg = f"the cache has no {key!r}"
        raise CacheError(msg)
    return row[0]


class CachedIndex:
    """The search index of a cached store, read from SQLite as ranking asks for it."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._postings: dict[str, dict[int, float]] = {}
        self._stems: dict[str, str] = {}
        self._vocabulary: list[str] | None = None
        self._ids: list[str] | None = None
        self.total = int(self._meta("total"))

    def _meta(self, key: str) -> str:
        try:
            return meta_value(self._db, key)
        except sqlite3.Error as exc:
            msg = f"the cache cannot be read ({exc})"
            raise CacheError(msg) from None

    def _rows(self, sql: str, numbers: Iterable[int]) -> Iterator[tuple[Any, ...]]:
        """The rows of ``sql`` (with an IN list to fill) for these fact numbers, in batches."""
        wanted = sorted(set(numbers))
        count = 0
        try:
            for start in range(0, len(wanted), _BATCH):
                batch = wanted[start : start + _BATCH]
                marks = ",".join("?" * len(batch))
                for row in self._db.execute(sql.format(marks), batch):
                    count += 1
                    yield row
        except sqlite3.Error as exc:
            msg = f"the cache cannot be read ({exc})"
            raise CacheError(msg) from None
        if count != len(wanted):
            msg = "the cache lacks some facts"
            raise CacheError(msg)

    @property
    def vocabulary(self) -> Sequence[str]:
        """Every indexed word, sorted."""
        if self._vocabulary is None:
            self._vocabulary = self._meta("vocabulary").split("\n")
        return self._vocabulary

    def posting(self, word: str) -> Mapping[int, float]:
        """The facts that contain ``word`` and its weight in each; empty for an unknown word."""
        found = self._postings.get(word)
        if found is None:
            try:
                row = self._db.execute(
                    "SELECT data, stem FROM postings WHERE word = ?", (word,)
                ).fetchone()
            except sqlite3.Error as exc:
                msg = f"the cache cannot be read ({exc})"
                raise CacheError(msg) from None
            found = unpack_posting(row[0], self.total) if row is not None else {}
            self._postings[word] = found
            if row is not None:
                self._stems[word] = word if row[1] is None else str(row[1])
        return found

    def stem_of(self, word: str) -> str | None:
        """The stem of an indexed word (laorus.text.forms.stem), or None for an unknown word."""
        self.posting(word)
        return self._stems.get(word)

    def forms(self, stem: str) -> Sequence[str]:
        """Every indexed word with this stem."""
        try:
            rows = self._db.execute("SELECT word FROM postings WHERE stem = ?", (stem,))
            forms = [str(word) for (word,) in rows]
        except sqlite3.Error as exc:
            msg = f"the cache cannot be read ({exc})"
            raise CacheError(msg) from None
        return [stem, *forms] if self.posting(stem) else forms

    def number_of(self, fact_id: str) -> int | None:
        """The number of the fact with this id, or None."""
        try:
            row = self._db.execute("SELECT number FROM facts WHERE id = ?", (fact_id,)).fetchone()
        except sqlite3.Error as exc:
            msg = f"the cache cannot be read ({exc})"
            raise CacheError(msg) from None
        return int(row[0]) if row is not None else None

    def id_list(self) -> Sequence[str]:
        """Every fact id, in the store's order."""
        if self._ids is None:
            self._ids = self._meta("ids").split("\n")
        return self._ids

    def phrase_texts(self, numbers: Iterable[int]) -> Mapping[int, tuple[str, str]]:
        """The primary and quote texts of these facts, for the phrase bonus."""
        sql = "SELECT number, primary_text, quote_text FROM facts WHERE number IN ({})"
        return {n: (primary, quote) for n, primary, quote in self._rows(sql, numbers)}

    def filter_fields(self, numbers: Iterable[int]) -> Mapping[int, FilterFields]:
        """What the search filters look at, for these facts."""
        sql = "SELECT number, category, tags, first_year, last_year FROM facts WHERE number IN ({})"
        try:
            return {
                n: (category, tuple(json.loads(tags)), first, last)
                for n, category, tags, first, last in self._rows(sql, numbers)
            }
        except (ValueError, TypeError) as exc:
            msg = f"a cached fact cannot be read ({exc})"
            raise CacheError(msg) from None

    def facts_at(self, numbers: Iterable[int]) -> Mapping[int, Fact]:
        """These facts in full."""
        sql = "SELECT number, data FROM facts WHERE number IN ({})"
        try:
            return {n: fact_from_record(data) for n, data in self._rows(sql, numbers)}
        except (ValueError, TypeError, KeyError, IndexError) as exc:
            msg = f"a cached fact cannot be read ({exc})"
            raise CacheError(msg) from None

    def tags(self) -> list[str]:
        """Every distinct tag of the store (as same_words), sorted."""
        try:
            tags = json.loads(self._meta("tags"))
        except ValueError as exc:
            msg = f"the cache cannot be read ({exc})"
            raise CacheError(msg) from None
        return [str(tag) for tag in tags]


def read_part(db: sqlite3.Connection, path: Path, wanted: Iterable[str]) -> Store:
    """The cached store with only the facts ``wanted`` names and those linked to them.

    Linked: the facts that commemorate one of them or describe the same event, so that a
    fact's links read as in the whole store. Only these facts are decoded; CacheError when the
    cache cannot be read.
    """
    # Each condition has its index (the id, and the two link columns).
    sql = (
        "SELECT number, data FROM facts WHERE id = :id UNION"
        " SELECT number, data FROM facts WHERE id = :primary UNION"
        " SELECT number, data FROM facts WHERE commemorates = :id UNION"
        " SELECT number, data FROM facts WHERE same_event = :primary"
    )
    found: dict[int, Fact] = {}
    with reading():
        source = source_from_record(meta_value(db, "source"))
        for fact_id in wanted:
            row = db.execute("SELECT data FROM facts WHERE id = ?", (fact_id,)).fetchone()
            if row is None:
                continue
            fact = fact_from_record(row[0])
            names = {"id": fact.id, "primary": fact.same_event or fact.id}
            for number, data in db.execute(sql, names):
                found.setdefault(number, fact_from_record(data))
    facts = tuple(found[number] for number in sorted(found))
    return Store(path=path, source=source, facts=facts, partial=True)


@dataclass(frozen=True, slots=True)
class Wanted:
    """Which facts a command needs from a large store: a superset of those it keeps.

    ``category``: of this category; ``dated``: with a date; ``year_from``/``year_to``: dated,
    with a date or range that overlaps these years; ``anniversaries_in``: dated, with an
    anniversary in one of these years whose number is a multiple of ``every``; ``first``: only
    the earliest of those, enough for the first ``first`` events of a timeline (every fact of
    the years they begin in).
    """

    category: str | None = None
    dated: bool = False
    year_from: int | None = None
    year_to: int | None = None
    anniversaries_in: tuple[int, ...] = ()
    every: int = 1
    first: int | None = None

    def where(self) -> tuple[str, list[object]]:
        """The SQL condition on the facts table's columns, and its parameters."""
        conditions = ["1"]
        values: list[object] = []
        if self.dated or self.year_from is not None or self.year_to is not None:
            conditions.append("first_year IS NOT NULL")
        if self.category is not None:
            conditions.append("category = ?")
            values.append(self.category)
        if self.year_from is not None:
            conditions.append("last_year >= ?")
            values.append(self.year_from)
        if self.year_to is not None:
            conditions.append("first_year <= ?")
            values.append(self.year_to)
        if self.anniversaries_in:
            each = "(first_year < ? AND (? - first_year) % ? = 0)"
            conditions.append(f"({' OR '.join([each] * len(self.anniversaries_in))})")
            for year in self.anniversaries_in:
                values += [year, year, self.every]
        return " AND ".join(conditions), values


def read_wanted(db: sqlite3.Connection, path: Path, wanted: Wanted) -> Store:
    """The cached store with only the facts ``wanted`` describes, in order, decoded."""
    condition, values = wanted.where()
    with reading():
        source = source_from_record(meta_value(db, "source"))
        if wanted.first is not None:
            condition, values = _earliest(db, condition, values, wanted.first)
        rows = db.execute(f"SELECT number, data FROM facts WHERE {condition}", values)
        found = {number: fact_from_record(data) for number, data in rows}
        facts = tuple(found[number] for number in sorted(found))
    return Store(path=path, source=source, facts=facts, partial=True)


def _earliest(
    db: sqlite3.Connection, condition: str, values: list[object], count: int
) -> tuple[str, list[object]]:
    """``condition`` narrowed to the years up to the one the ``count``-th event begins in.

    Each fact that describes no other's event (same_event empty) is an event of its own, so
    the ``count``-th of them by year begins no later than the ``count``-th event; every event
    of a later year comes after it. The facts that describe one event share its date (the
    store is validated so), so they are kept or cut together.
    """
    sql = (
        f"SELECT first_year FROM facts WHERE {condition} AND same_event IS NULL"
        " AND first_year IS NOT NULL ORDER BY first_year LIMIT 1 OFFSET ?"
    )
    row = db.execute(sql, [*values, count - 1]).fetchone()
    if row is None:  # fewer events than that: all of them
        return condition, values
    return f"{condition} AND first_year <= ?", [*values, row[0]]


def read_ids(db: sqlite3.Connection) -> list[str]:
    """Every fact id of the cached store, in order."""
    try:
        return meta_value(db, "ids").split("\n")
    except sqlite3.Error as exc:
        msg = f"the cache cannot be read ({exc})"
        raise CacheError(msg) from None
