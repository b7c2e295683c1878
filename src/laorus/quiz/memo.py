"""What the quiz works out once per store (blanks, options, grader verdicts on options)."""

from __future__ import annotations

from typing import Any

from laorus.store.model import Store

_KEPT = 4
"""How many stores' memos are kept: a few (a test may quiz on two stores in turns), never all."""
_MEMO: dict[int, tuple[Store, dict[Any, Any]]] = {}


def memo(store: Store) -> dict[Any, Any]:
    """A dict that lives as long as ``store`` is one of the last few quizzed on."""
    found = _MEMO.pop(id(store), None)
    if found is None or found[0] is not store:
        found = (store, {})
        while len(_MEMO) >= _KEPT:
            del _MEMO[next(iter(_MEMO))]  # the one used longest ago
    _MEMO[id(store)] = found  # last: the most recently used
    return found[1]
