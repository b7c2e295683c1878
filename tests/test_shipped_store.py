"""The shipped fact store is faithful to the article."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from laorus.paths import default_path
from laorus.store.model import Fact, Store
from laorus.store.read import load
from laorus.store.summary import coverage
from laorus.text.sentences import sentences

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_da693d6e1592811a.txt"


@pytest.fixture(scope="module")
def store() -> Store:
    return load(default_path())


def _article_from_seed() -> str:
    lines = SEED.read_text(encoding="utf-8").split("\n")
    body = lines[3:]
    end = next(i for i, line in enumerate(body) if line.startswith("|"))
    return "\n".join(body[:end])


@pytest.mark.skipif(not SEED.exists(), reason="the seed article is not beside the checkout")
def test_source_text_is_the_article_exactly(store: Store) -> None:
    assert store.source.text == _article_from_seed()


def test_source_text_has_no_header_or_boilerplate(store: Store) -> None:
    text = store.source.text
    assert text.startswith("On 7 October 2025, Russia and Laos marked")
    assert text.endswith("in the interests of ensuring universal peace and prosperity.")
    assert "NEWSLETTER" not in text
    assert "mailing list" not in text


def test_every_quote_is_verbatim_and_unique_in_the_article(store: Store) -> None:
    text = store.source.text
    for fact in store.facts:
        assert text.count(fact.quote) == 1, fact.id
        assert text[fact.quote_start : fact.quote_start + len(fact.quote)] == fact.quote


def test_every_answer_is_in_its_quote_unless_derived(store: Store) -> None:
    def norm(s: str) -> str:
        return " ".join(s.casefold().split())

    for fact in store.facts:
        if fact.derived:
            continue
        for question in fact.questions:
            assert any(norm(form) in norm(fact.quote) for form in question.forms), (
                fact.id,
                question.answer,
            )


def _derived(store: Store) -> list[Fact]:
    return [fact for fact in store.facts if fact.anniversary is not None]


def test_derived_anniversary_arithmetic_holds(store: Store) -> None:
    facts = _derived(store)
    assert facts, "the store derives dates from anniversaries"
    for fact in facts:
        assert fact.anniversary is not None
        assert fact.date is not None
        assert fact.derived
        assert fact.date.year == fact.anniversary.on.year - fact.anniversary.nth, fact.id
        assert f"{fact.anniversary.nth}" in fact.quote


def test_the_article_anniversaries_are_derived_or_given(store: Store) -> None:
    years = {fact.date.iso() for fact in store.facts if fact.date is not None}
    assert {"1960-10-07", "1945", "1955-03-22", "1975-12-02"} <= years


def test_dates_written_in_the_quote_keep_its_precision(store: Store) -> None:
    months = "January February March April May June July August September October November December"
    for fact in store.facts:
        if fact.date is None or fact.derived:
            continue
        assert str(fact.date.year) in fact.quote, fact.id
        if fact.date.month is not None:
            assert months.split()[fact.date.month - 1] in fact.quote, fact.id
        if fact.date.day is not None:
            assert re.search(rf"\b{fact.date.day}\b", fact.quote), fact.id


def test_store_is_large_enough(store: Store) -> None:
    assert len(store.facts) >= 60
    assert store.questions >= 60


def test_nearly_every_sentence_is_quoted(store: Store) -> None:
    result = coverage(store)
    assert result.total == len(sentences(store.source.text))
    assert result.share >= 0.95, [s.text for s in result.missing]


def test_ids_are_unique_slugs(store: Store) -> None:
    ids = [fact.id for fact in store.facts]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)
