"""Typos against different words: the budget, the first letter, English words and spellings."""

from __future__ import annotations

import pytest

from laorus.text.spelling import english_words, same_spelling, typo_budget, word_cost


@pytest.mark.parametrize(("length", "budget"), [(3, 0), (4, 0), (5, 1), (8, 1), (9, 2), (13, 3)])
def test_the_typo_budget_grows_with_the_word(length: int, budget: int) -> None:
    assert typo_budget(length) == budget


@pytest.mark.parametrize(
    ("given", "wanted", "cost"),
    [
        ("sisulith", "sisoulith", 1),
        ("tongloun", "thongloun", 1),
        ("rosatm", "rosatom", 1),
        ("elefants", "elephants", 2),
        ("ocotber", "october", 1),
        ("forums", "forum", 0),
        ("ministry", "ministries", 0),
        ("churches", "church", 0),
        ("planes", "plan", None),
        ("atom", "rosatom", None),
        ("lao", "laos", None),
        ("slovenia", "slovakia", None),
        ("kazakh", "kazan", None),
    ],
)
def test_word_cost_counts_edits_within_the_budget(
    given: str, wanted: str, cost: int | None
) -> None:
    assert word_cost(given, wanted) == cost


@pytest.mark.parametrize(
    ("given", "wanted"),
    [("dependent", "independent"), ("bilateral", "unilateral"), ("dining", "mining")],
)
def test_a_different_first_letter_is_never_a_typo(given: str, wanted: str) -> None:
    assert word_cost(given, wanted) is None
    assert word_cost(given.capitalize() + "x", wanted) is None  # nor for a name


@pytest.mark.parametrize(
    ("given", "wanted"),
    [("minting", "mining"), ("mixing", "mining"), ("rural", "rusal"), ("marsh", "march")],
)
def test_an_english_word_is_never_a_typo_of_another_word(given: str, wanted: str) -> None:
    assert given in english_words()
    assert word_cost(given, wanted) is None


def test_a_word_the_caller_knows_is_never_a_typo_of_another() -> None:
    assert word_cost("russian", "russia") == 1
    assert word_cost("russian", "russia", known={"russian"}) is None
    assert word_cost("russian", "russian", known={"russian"}) == 0


def test_the_word_list_holds_lower_case_words_of_four_letters_or_more() -> None:
    found = english_words()
    assert len(found) > 30_000
    assert all(len(word) >= 4 and word.isalpha() and word.islower() for word in found)
    assert "moscow" not in found  # names are left out: a typo of a name stays a typo


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("organisation", "organization"),
        ("centre", "center"),
        ("labour", "labor"),
        ("defence", "defense"),
        ("programme", "program"),
        ("travelled", "traveled"),
        ("dialogue", "dialog"),
        ("analyse", "analyze"),
    ],
)
def test_british_and_american_spellings_are_one_word(british: str, american: str) -> None:
    assert same_spelling(british, american)
    assert word_cost(american, british) == 0
    assert word_cost(british, american) == 0


@pytest.mark.parametrize(("first", "second"), [("four", "for"), ("mining", "minting")])
def test_different_words_are_not_spellings_of_one(first: str, second: str) -> None:
    assert not same_spelling(first, second)
