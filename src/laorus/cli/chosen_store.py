"""The fact store a command reads: the one --facts, LAORUS_FACTS or the default names."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence, Set
    from pathlib import Path

    import typer

    from laorus.cache.reader import Wanted
    from laorus.store.model import Store


def store_path(ctx: typer.Context) -> Path:
    """The store chosen by --facts, LAORUS_FACTS or the default; a LaorusError if it is missing.

    The core only says "no such file"; here the message can name the option that chose it.
    """
    from laorus.paths import resolve_path

    path = resolve_path(ctx.find_root().obj)
    if not path.exists():
        from laorus.errors import LaorusError

        msg = f"{path}: no such file; pass an existing store with --facts or LAORUS_FACTS"
        raise LaorusError(msg)
    return path


def load_store(ctx: typer.Context, wanted: Wanted | None = None, *, fresh: bool = False) -> Store:
    """Load the chosen store (a large one from its cache); a LaorusError means exit 1.

    With ``wanted``, a large store's cache gives only (at least) the facts it describes;
    ``fresh``: parsed and cached again (its cache was found damaged).
    """
    from laorus.cache.policy import load, load_wanted
    from laorus.cli.progress import progress_bar

    with progress_bar() as progress:
        if wanted is not None:
            return load_wanted(store_path(ctx), wanted, progress=progress)
        return load(store_path(ctx), progress=progress, fresh=fresh)


def load_for_quiz(ctx: typer.Context) -> tuple[Store, Callable[[], None]]:
    """The chosen store as a quiz needs it: a large one's facts read from its cache only when
    the quiz builds an item from them (laorus.cache.policy.load_for_quiz); and what closes that
    cache file, which the command closes when it ends (or before the cache is written again)."""
    from laorus.cache.policy import load_for_quiz as load
    from laorus.cli.progress import progress_bar

    with progress_bar() as progress:
        store, close = load(store_path(ctx), progress=progress)
    ctx.call_on_close(close)
    return store, close


def load_head(ctx: typer.Context, decode: Set[str] = frozenset()) -> tuple[Store, list[str]]:
    """The chosen store with only the facts in ``decode`` (at least) decoded from a cache, and
    every fact id."""
    from laorus.cache.policy import load_part
    from laorus.cli.progress import progress_bar

    ids: list[str] = []

    def keep(every: Sequence[str]) -> list[str]:
        ids.extend(every)
        return [fact_id for fact_id in every if fact_id in decode]

    with progress_bar() as progress:
        store = load_part(store_path(ctx), keep, progress=progress)
    return store, ids
