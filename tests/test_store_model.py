"""The fact model: the one set of name kinds, and the views a store builds from its facts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from laorus.store.model import (
    ANSWER_KINDS,
    KIND_GROUPS,
    LISTED_NAME_KINDS,
    NAME_KINDS,
    Fact,
    Source,
    Store,
)


def _store(*facts: Fact) -> Store:
    source = Source("Title", "Author", dt.date(2025, 11, 20), "Paper", "Text.")
    return Store(Path("facts.toml"), source, facts)


def _fact(fact_id: str, **names: tuple[str, ...]) -> Fact:
    return Fact(fact_id, "A statement.", "Text.", "history", **names)


def test_every_listed_name_kind_is_an_answer_kind() -> None:
    assert set(LISTED_NAME_KINDS) <= set(ANSWER_KINDS)
    assert len(set(ANSWER_KINDS)) == len(ANSWER_KINDS)


def test_every_name_kind_falls_in_a_listed_kind_or_is_an_event_or_a_document() -> None:
    groups = {KIND_GROUPS[kind] for kind in NAME_KINDS}
    assert groups <= {*LISTED_NAME_KINDS, "event", "document"}


def test_a_fact_lists_its_names_by_kind() -> None:
    fact = _fact("f", people=("Lavrov",), places=("Vientiane",), organisations=("Rosatom",))
    assert {kind: fact.names_of(kind) for kind in LISTED_NAME_KINDS} == {
        "person": ("Lavrov",),
        "place": ("Vientiane",),
        "organisation": ("Rosatom",),
    }
    assert fact.names_of("year") == ()


def test_store_gives_each_name_the_kind_of_the_first_fact_that_lists_it() -> None:
    store = _store(
        _fact("a", people=("Lavrov",), places=("Kazan",)),
        _fact("b", organisations=("Kazan", "Rosatom")),
    )
    assert store.name_kinds() == {"Lavrov": "person", "Kazan": "place", "Rosatom": "organisation"}
