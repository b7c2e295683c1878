"""The fact store a command reads: the one --facts, LAORUS_FACTS or the default names."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence, Set
    from pathlib import Path

    import typer

    from laorus.cache.reader import Wanted
    from laorus.store.model import Store


STORE = "a .toml fact store"
"""What --facts, LAORUS_FACTS and validate's PATH name, as an error asks for it."""


def store_path(ctx: typer.Context) -> Path:
    """The store chosen by --facts, LAORUS_FACTS or the default.

    A chosen store that is missing or a folder is a usage error (exit 2) naming the option or
    the variable that chose it; a missing shipped store (a broken installation) is exit 1.
    """
    from laorus.paths import default_path

    chosen = ctx.find_root().obj
    if chosen is None:
        path = default_path()
        if not path.is_file():
            from laorus.errors import LaorusError

            msg = f"{path}: the shipped store is missing; reinstall laorus, or pass --facts"
            raise LaorusError(msg)
        return path
    from laorus.cli.targets import input_path

    return input_path(chosen, facts_given(ctx) or "'--facts'", STORE)


def facts_given(ctx: typer.Context) -> str | None:
    """How the user named the store: "'--facts'", "LAORUS_FACTS", or None (the shipped one)."""
    from laorus.paths import ENV_VAR

    root = ctx.find_root()
    if root.obj is None:
        return None
    source = root.get_parameter_source("facts")
    return ENV_VAR if source is not None and source.name == "ENVIRONMENT" else "'--facts'"


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
