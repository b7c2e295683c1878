"""Choice options: the kind of an answer, and wrong options of that kind."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from laorus.distractors import distractors, infer_kind
from laorus.model import Question, Store
from laorus.store import default_path, load


@pytest.fixture
def small(small_store: Path) -> Store:
    """The four-fact test store."""
    return load(small_store)


@pytest.mark.parametrize(
    ("answer", "kind"),
    [
        ("1975", "year"),
        ("7 October 1960", "date"),
        ("October 7, 1960", "date"),
        ("1960-10-07", "date"),
        ("October 1960", "month"),
        ("100", "number"),
        ("two", "number"),
        ("third", "number"),
        ("Rosatom", "organisation"),
        ("Russia", "place"),
        ("small nuclear power plant", "text"),
    ],
)
def test_kind_is_inferred_from_the_answer(small: Store, answer: str, kind: str) -> None:
    assert infer_kind(answer, small) == kind


@pytest.mark.parametrize(
    ("answer", "kind", "pattern"),
    [
        ("7 October 1960", "date", r"\d{1,2} [A-Z][a-z]+ \d{4}"),
        ("October 7, 1960", "date", r"[A-Z][a-z]+ \d{1,2}, \d{4}"),
        ("1975", "year", r"\d{4}"),
        ("65th", "number", r"\d+(st|nd|rd|th)"),
        ("two", "number", r"[a-z]+"),
    ],
)
def test_options_are_written_like_the_answer(
    small: Store, answer: str, kind: str, pattern: str
) -> None:
    import re

    options = distractors(small, Question("Q?", answer, (), kind), kind, random.Random(1))
    assert len(options) == 3
    assert answer not in options
    assert all(re.fullmatch(pattern, option) for option in options), options


def test_options_come_from_the_store_before_made_up_ones(small: Store) -> None:
    question = Question("Q?", "1975", (), "year")
    for seed in range(10):
        options = distractors(small, question, "year", random.Random(seed))
        assert {"1960", "2025"} <= set(options)


def test_no_options_of_the_kind_gives_none(small: Store) -> None:
    question = Question("Which company?", "Rosatom", (), "organisation")
    assert distractors(small, question, "organisation", random.Random(1)) == ()


def test_people_are_offered_other_people() -> None:
    store = load(default_path())
    people = {name for fact in store.facts for name in fact.people}
    question = Question("Who?", "Thongloun Sisoulith", (), "person")
    options = distractors(store, question, "person", random.Random(2))
    assert len(options) == 3
    assert set(options) <= people - {"Thongloun Sisoulith"}
