"""Browsing: the facts that pass the search filters, in the store's order, without a query."""

from __future__ import annotations

from typing import TYPE_CHECKING

from laorus.search.rank import Filters

if TYPE_CHECKING:
    from laorus.search.index import Index
    from laorus.store.model import Fact


def browse(
    index: Index,
    *,
    limit: int | None = None,
    category: str | None = None,
    tag: str | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
) -> list[Fact]:
    """The first ``limit`` facts (all when None) that pass every filter, in the store's order.

    Only the filter fields of each fact are read, and only the facts listed are decoded.
    """
    if limit is not None and limit < 1:
        msg = f"limit must be at least 1, not {limit}"
        raise ValueError(msg)
    filters = Filters(category, tag, year_from, year_to)
    wanted = index.total if limit is None else limit
    chosen: list[int] = []
    if filters.active:
        # In steps, so that a short list from a large store stops reading early.
        for start in range(0, index.total, _STEP):
            step = range(start, min(start + _STEP, index.total))
            fields = index.filter_fields(step)
            chosen += [n for n in step if filters.allows_fields(fields[n])]
            if len(chosen) >= wanted:
                break
    else:
        chosen = list(range(min(wanted, index.total)))
    chosen = chosen[:wanted]
    facts = index.facts_at(chosen)
    return [facts[n] for n in chosen]


_STEP = 2000
"""Facts whose filter fields are read at a time."""
