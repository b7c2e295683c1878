"""When laorus caches a fact store, where, and how commands get a store or its search index.

Parsing TOML is slow (tens of seconds for a 100,000-fact store, tens of milliseconds for the
shipped one), so after a store of at least THRESHOLD bytes has been parsed and fully validated,
its facts and search index are written to a cache file (laorus.cache.database) in the user's cache
folder, or $LAORUS_HOME/cache when LAORUS_HOME is set. The file is named after the store's full
path and keyed by the SHA-256 of its bytes, so any change to the store, even one that keeps its
size and time, means a fresh parse. Anything wrong with a cache file only means it is rebuilt; a
cache folder that cannot be written means no cache. Smaller stores are parsed every time,
without touching SQLite at all.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from laorus.cache.reader import Wanted
    from laorus.search.index import Index
    from laorus.store.model import Store
    from laorus.store.progress import Progress
    from laorus.store.summary import Summary

THRESHOLD = 32 << 10
"""Stores of at least this many bytes (32 KiB, about 40 facts) are cached.

Measured: tomllib, the checks and the index take about 0.5 ms per KiB on a slow machine, while a
run that reads its cache spends about 15 ms on it (SQLite, hashing, JSON); the shipped store
(about 90 KiB) loads three times faster from its cache.
"""
_T = TypeVar("_T")


def cache_dir(environ: Mapping[str, str] = os.environ) -> Path:
    """Where cache files live: $LAORUS_HOME/cache, else the user's cache folder."""
    from laorus.paths import home

    chosen = home("cache", environ)
    if chosen is not None:
        return chosen
    from platformdirs import user_cache_path

    return user_cache_path("laorus", appauthor=False)


def cache_file(path: Path, environ: Mapping[str, str] = os.environ) -> Path:
    """The cache file of the store at ``path``: one per store, named after its full path."""
    import hashlib

    name = hashlib.sha256(os.fsencode(path.resolve())).hexdigest()[:32]
    return cache_dir(environ) / f"store-{name}.sqlite3"


def _file(path: Path, threshold: int, environ: Mapping[str, str]) -> Path | None:
    """The store's cache file when the store is large enough to have one."""
    try:
        if path.stat().st_size < threshold or not path.is_file():
            return None
    except OSError:
        return None  # the loader says what is wrong with the path
    return cache_file(path, environ)


def load(
    path: Path,
    *,
    progress: Progress | None = None,
    threshold: int = THRESHOLD,
    environ: Mapping[str, str] = os.environ,
    fresh: bool = False,
) -> Store:
    """The store at ``path``: from its cache when that matches the file, else parsed and cached.

    ``fresh``: parsed and cached again whatever the cache holds (a command found it damaged).
    """
    file = _file(path, threshold, environ)
    if file is None:
        from laorus.store.read import load as parse_and_check

        return parse_and_check(path, progress=progress)
    from laorus.cache import database as files
    from laorus.cache.reader import CacheError, read_store

    db = None if fresh else files.open_matching(file, path)
    if db is not None:
        try:
            return read_store(db, path)
        except CacheError:
            pass  # rebuilt below
        finally:
            db.close()
    return files.rebuild(path, file, progress)[0]


def load_part(
    path: Path,
    wanted: Callable[[Sequence[str]], Iterable[str]],
    *,
    progress: Progress | None = None,
    threshold: int = THRESHOLD,
    environ: Mapping[str, str] = os.environ,
) -> Store:
    """The facts that ``wanted(every id)`` picks, with the facts linked to them, as a Store.

    From a matching cache only those facts are decoded (`laorus show` on a large store); an
    uncached store is loaded whole, as load() does.
    """
    file = _file(path, threshold, environ)
    if file is not None:
        from laorus.cache import database as files
        from laorus.cache.reader import CacheError, read_ids, read_part

        db = files.open_matching(file, path)
        if db is not None:
            try:
                return read_part(db, path, wanted(read_ids(db)))
            except CacheError:
                pass  # loaded (and the cache rebuilt) below
            finally:
                db.close()
    store = load(path, progress=progress, threshold=threshold, environ=environ)
    wanted([fact.id for fact in store.facts])
    return store


def load_wanted(
    path: Path,
    wanted: Wanted,
    *,
    progress: Progress | None = None,
    threshold: int = THRESHOLD,
    environ: Mapping[str, str] = os.environ,
) -> Store:
    """The store at ``path`` with (at least) the facts ``wanted`` describes, in order.

    From a matching cache only those facts are decoded (timeline, anniversaries on a large
    store); otherwise the whole store, as load() gives it. The caller still filters.
    """
    file = _file(path, threshold, environ)
    if file is not None:
        from laorus.cache import database as files
        from laorus.cache.reader import CacheError, read_wanted

        db = files.open_matching(file, path)
        if db is not None:
            try:
                return read_wanted(db, path, wanted)
            except CacheError:
                pass  # loaded (and the cache rebuilt) below
            finally:
                db.close()
    return load(path, progress=progress, threshold=threshold, environ=environ)


def load_for_quiz(
    path: Path,
    *,
    progress: Progress | None = None,
    threshold: int = THRESHOLD,
    environ: Mapping[str, str] = os.environ,
) -> tuple[Store, Callable[[], None]]:
    """The store at ``path`` as a quiz needs it, and what closes the cache file it reads.

    From a matching cache no fact is decoded until the quiz builds an item from it
    (laorus.cache.overview_record.read_quiz), so the file stays open until the close is called;
    otherwise the whole store, as load() gives it (and a close that does nothing).
    """
    file = _file(path, threshold, environ)
    if file is not None:
        from laorus.cache import database as files
        from laorus.cache.overview_record import read_quiz
        from laorus.cache.reader import CacheError

        db = files.open_matching(file, path)
        if db is not None:
            try:
                return read_quiz(db, path), db.close
            except CacheError:
                db.close()
                # Its facts may read well while its overview does not: write it again.
                store = load(path, progress=progress, threshold=threshold, environ=environ,
                             fresh=True)  # fmt: skip
                return store, _nothing
    return load(path, progress=progress, threshold=threshold, environ=environ), _nothing


def _nothing() -> None:
    """Nothing to close."""


def with_index(
    path: Path,
    use: Callable[[Index], _T],
    *,
    progress: Progress | None = None,
    threshold: int = THRESHOLD,
    environ: Mapping[str, str] = os.environ,
) -> _T:
    """``use`` the search index of the store at ``path``: the cached one when it matches.

    When the cache turns out to be unreadable on the way, it is rebuilt and ``use`` called again.
    """
    file = _file(path, threshold, environ)
    if file is None:
        from laorus.search.index import SearchIndex
        from laorus.store.read import load as parse_and_check

        return use(SearchIndex.build(parse_and_check(path, progress=progress)))
    from laorus.cache import database as files
    from laorus.cache.reader import CachedIndex, CacheError

    db = files.open_matching(file, path)
    if db is not None:
        try:
            return use(CachedIndex(db))
        except CacheError:
            pass  # rebuilt below
        finally:
            db.close()
    return use(files.rebuild(path, file, progress)[1])


def validated(
    path: Path, *, threshold: int = THRESHOLD, environ: Mapping[str, str] = os.environ
) -> Summary | None:
    """The summary of a store this laorus fully validated before, unchanged since; else None."""
    file = _file(path, threshold, environ)
    if file is None:
        return None
    from laorus.cache import database as files

    db = files.open_matching(file, path)
    if db is None:
        return None
    try:
        return files.summary(db)
    finally:
        db.close()
