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
    if filters.active:
        fields = index.filter_fields(range(index.total))
        numbers = [n for n in range(index.total) if filters.allows_fields(fields[n])]
    else:
        numbers = list(range(index.total))
    chosen = numbers[:limit]
    facts = index.facts_at(chosen)
    return [facts[n] for n in chosen]
