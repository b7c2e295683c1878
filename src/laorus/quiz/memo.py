"""What the quiz works out once per store (blanks, options, grader verdicts on options)."""

from __future__ import annotations

from typing import Any

from laorus.store.model import Store

_MEMO: dict[int, tuple[Store, dict[Any, Any]]] = {}


def memo(store: Store) -> dict[Any, Any]:
    """A dict that lives as long as ``store`` is the one quizzed on (one store at a time)."""
    found = _MEMO.get(id(store))
    if found is None or found[0] is not store:
        _MEMO.clear()  # keep no other store alive
        found = (store, {})
        _MEMO[id(store)] = found
    return found[1]
