"""The SQLite file that caches one large fact store: its key, how it is written and opened.

A cache file holds the validated facts (JSON), the search index (each word's postings packed in
a BLOB, and its stem, indexed, to find a word's other forms) and a meta table: the SHA-256 of the
store's bytes it was built from, and the fingerprint of the laorus that wrote it (format,
version, code). It is written under a temporary name and renamed into place; a file that does
not match in every respect is never opened.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from laorus.cache.reader import (
    POSTING_TYPE,
    CacheError,
    fact_record,
    meta_value,
    names_record,
    pack_posting,
    source_record,
)

# What only building a cache needs is imported when a cache is built: a run that finds its
# cache in place never loads the TOML parser or the checks.
if TYPE_CHECKING:
    from laorus.search.index import SearchIndex
    from laorus.store.model import Store
    from laorus.store.progress import Progress
    from laorus.store.summary import Summary

FORMAT = 4
"""The layout of the cache file; change it whenever the tables change."""
_PROGRESS_FROM = 5000  # facts; fewer are written in well under a second
_SCHEMA = """
PRAGMA page_size = 16384;
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE facts (
    number INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, category TEXT NOT NULL,
    tags TEXT NOT NULL, first_year INTEGER, last_year INTEGER,
    primary_text TEXT NOT NULL, quote_text TEXT NOT NULL, data TEXT NOT NULL,
    commemorates TEXT, same_event TEXT,
    quote_start INTEGER NOT NULL, quote_end INTEGER NOT NULL, modes TEXT NOT NULL);
CREATE TABLE postings (word TEXT PRIMARY KEY, data BLOB NOT NULL, stem TEXT) WITHOUT ROWID;
"""
# A word's stem is NULL when it is the word itself, as for most words (numbers, names).
_STEM_INDEX = "CREATE INDEX postings_stem ON postings (stem) WHERE stem IS NOT NULL;"
# The links between facts, so that `show` finds a fact's linked facts without a scan.
_LINK_INDEXES = (
    "CREATE INDEX facts_commemorates ON facts (commemorates) WHERE commemorates IS NOT NULL;"
    "CREATE INDEX facts_same_event ON facts (same_event) WHERE same_event IS NOT NULL;"
)
# (Journal off: a file that fails half-way is deleted, never renamed into place.)


def fingerprint() -> str:
    """What a cache must have been written by: this format, this laorus, this code."""
    from laorus import __version__

    # Every core module may shape what a cache holds (the facts, the index, the summary that
    # validate reports), so a change to any of them means a new cache; the CLI's do not.
    code = hashlib.sha256()
    package = Path(__file__).parent.parent
    for module in sorted(package.rglob("*.py")):
        name = module.relative_to(package).as_posix()
        if name.startswith("cli/"):
            continue
        try:
            code.update(name.encode() + module.read_bytes())
        except OSError:  # unreadable sources: the version alone must do
            code.update(name.encode())
    layout = f"{FORMAT}-{sys.byteorder}-{POSTING_TYPE}"
    return f"{layout} laorus-{__version__} {code.hexdigest()[:16]}"


def digest(path: Path) -> str | None:
    """The SHA-256 of a file's bytes, read in pieces; None when it cannot be read."""
    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def open_matching(file: Path, store_path: Path) -> sqlite3.Connection | None:
    """The cache file, open for reading, if this laorus wrote it from the store's current bytes.

    None when it is missing, unreadable, cut short, or from another format, laorus or store.
    """
    try:
        if not file.is_file():
            return None
    except OSError:  # a cache folder that cannot be read: no cache this time
        return None
    key = digest(store_path)
    if key is None:
        return None
    db: sqlite3.Connection | None = None
    try:
        db = sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True)
        meta = dict(
            db.execute("SELECT key, value FROM meta WHERE key IN ('format', 'sha256', 'total')")
        )
        # A file cut short still opens; its header says how long it should be.
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        size = db.execute("PRAGMA page_size").fetchone()[0]
        # A fact missing (a file edited by hand) would be missed silently by a command that
        # reads only some: count them (through the id index, without reading the facts).
        (facts,) = db.execute("SELECT count(*) FROM facts").fetchone()
        matches = meta == {"format": fingerprint(), "sha256": key, "total": str(facts)}
        if matches and pages * size == file.stat().st_size:
            return db
    except (sqlite3.Error, OSError, ValueError):
        pass
    if db is not None:
        db.close()
    return None


def summary(db: sqlite3.Connection) -> Summary | None:
    """What `laorus validate` reported when the cache was written, if it can be read."""
    from laorus.store.summary import Summary

    try:
        return Summary.from_list(json.loads(meta_value(db, "summary")))
    except (CacheError, sqlite3.Error, ValueError, TypeError):
        return None


def rebuild(path: Path, file: Path, progress: Progress | None) -> tuple[Store, SearchIndex]:
    """Parse, validate and index the store, and cache it under the digest of the bytes read."""
    from laorus.search.index import IndexBuilder, name_synonyms
    from laorus.store import read as stores
    from laorus.store.build import build

    raw = stores.read_bytes(path)
    key = hashlib.sha256(raw).hexdigest()
    text = stores.decode(raw, path)
    del raw
    built: Store | None = None
    stream = stores.parse_stream(text, progress=progress)
    if stream is not None:
        # Check and index each fact as soon as its chunk is parsed, while the rest is parsed.
        head, facts = stream
        builder = IndexBuilder()
        try:
            built = build(head, path, text, facts=facts, each=builder.add)
        except stores.ChunksDisagree:
            built = None
    if built is None:
        builder = IndexBuilder()
        data = stores.parse(text, path, progress=progress, chunk_size=len(text))
        built = build(data, path, text, progress=progress, each=builder.add)
    del text
    index = builder.finish(built.facts, name_synonyms(built))
    write(file, built, index, key, progress)
    return built, index


def write(
    file: Path, built: Store, index: SearchIndex, key: str, progress: Progress | None = None
) -> bool:
    """Write the cache file under a temporary name, then put it in place; False if it cannot be."""
    temporary = file.with_name(f"{file.name}.{os.getpid()}.tmp")
    written = False
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        temporary.unlink(missing_ok=True)
        db = sqlite3.connect(temporary)
        try:
            _fill(db, built, index, key, progress)
            db.commit()
        finally:
            db.close()
        os.replace(temporary, file)
        written = True
    except (OSError, sqlite3.Error):
        pass  # no cache this time
    finally:
        if not written:  # failed, or interrupted (Ctrl-C): leave nothing behind
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
    return written


def _fill(
    db: sqlite3.Connection, built: Store, index: SearchIndex, key: str, progress: Progress | None
) -> None:
    from laorus.quiz.overview import FactRow
    from laorus.store.summary import summarise
    from laorus.text.words import same_words

    db.executescript(_SCHEMA)
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    tag_words = {tag: same_words(tag) for tag in {t for f in built.facts for t in f.tags}}
    total = len(built.facts)
    step = max(1000, total // 50)
    for start in range(0, total, step):
        rows = []
        for number in range(start, min(start + step, total)):
            fact = built.facts[number]
            first = fact.date.year if fact.date is not None else None
            last = (fact.end_date or fact.date).year if fact.date is not None else None
            tags = encode([tag_words[t] for t in fact.tags])
            texts = index.primary_texts[number], index.quote_texts[number]
            links = fact.commemorates, fact.same_event
            # What a quiz reads of every fact (its row; laorus.cache.overview_record).
            row = FactRow.of(fact)
            quoted, modes = (row.quote_start, row.quote_end), encode(row.modes)
            rows.append((number, fact.id, fact.category, tags, first, last, *texts,
                         fact_record(fact, encode), *links, *quoted, modes))  # fmt: skip
        db.executemany(f"INSERT INTO facts VALUES ({', '.join('?' * 14)})", rows)
        if progress is not None and total >= _PROGRESS_FROM:
            progress("Writing the cache", start + len(rows), total)
    db.executemany(
        "INSERT INTO postings VALUES (?, ?, ?)",
        (
            (word, pack_posting(index.postings[word]), index.stems.get(word))
            for word in index.vocabulary
        ),
    )
    db.execute(_STEM_INDEX)  # after the rows: faster than keeping it up to date row by row
    db.executescript(_LINK_INDEXES)
    meta = {
        "source": source_record(built.source),
        "names": names_record(built.names),
        "total": str(total),
        "vocabulary": "\n".join(index.vocabulary),
        "ids": "\n".join(fact.id for fact in built.facts),
        "tags": json.dumps(sorted(set(tag_words.values()))),
        "summary": json.dumps(summarise(built).as_list()),
        # What a quiz needs of every fact, so that it decodes only the facts it asks about.
        "overview": _overview(built),
        "store": str(built.path),
        "sha256": key,
        "format": fingerprint(),
    }
    db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())


def _overview(built: Store) -> str:
    """The quiz's overview of the store (laorus.quiz.overview), its cloze spans worked out."""
    from laorus.cache.overview_record import overview_record
    from laorus.quiz.cloze import sentence_spans
    from laorus.quiz.overview import overview

    sentence_spans(built)
    return overview_record(overview(built))
