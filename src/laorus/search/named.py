"""Which facts a typed id or a few words name, for `show`."""

from __future__ import annotations

from laorus.search.index import PRIMARY, Index
from laorus.search.query import Query
from laorus.text.forms import stem
from laorus.text.words import fold, words


def ids_named(index: Index, typed: str) -> list[str]:
    """The ids that ``typed`` names, in the store's order.

    An id in any case, or its words with spaces ("Nuclear power plant"), names that fact alone;
    otherwise words name every fact whose id, statement, tags or names hold each of them, in
    any form ("elephant" is also "elephants"); stopwords such as "of" do not count.
    """
    parts = words(fold(typed))
    if not parts:
        return []
    slug = "-".join(parts)
    if index.number_of(slug) is not None:
        return [slug]
    query = Query.parse(typed).for_index(index)
    found: set[int] | None = None
    for term in query.terms:
        having = _facts_with_word(index, term)
        found = having if found is None else found & having
        if not found:
            return []
    if not found:
        return []
    ids = index.id_list()
    return [ids[number] for number in sorted(found)]


def _facts_with_word(index: Index, word: str) -> set[int]:
    """The facts whose id, statement, tags or names hold ``word`` or another form of it."""
    word_stem = index.stem_of(word) if index.posting(word) else stem(word)
    forms = {word, *(index.forms(word_stem) if word_stem is not None else ())}
    return {
        number
        for form in forms
        for number, weight in index.posting(form).items()
        if weight == PRIMARY
    }
