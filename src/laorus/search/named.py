"""Which facts a typed id or a few words name, for `show`."""

from __future__ import annotations

from collections.abc import Sequence

from laorus.text.words import fold, words


def ids_named(ids: Sequence[str], typed: str) -> list[str]:
    """The ids that ``typed`` names, in the store's order.

    An id in any case, or its words with spaces ("Nuclear power plant"), names that fact alone;
    otherwise a few words name every fact whose id has each of them ("lao pdr").
    """
    parts = words(fold(typed))
    if not parts:
        return []
    slug = "-".join(parts)
    if slug in set(ids):
        return [slug]
    wanted = set(parts)
    return [fact_id for fact_id in ids if wanted <= set(fact_id.split("-"))]
