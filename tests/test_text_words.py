"""Folding and splitting text: the one fold that search and grading both use."""

from __future__ import annotations

import pytest

from laorus.text.words import fold, same_words, words


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("VIENTIANE", "vientiane"),
        ("Phomvihàne", "phomvihane"),
        ("Vientiâne", "vientiane"),
        ("ᴬ", "a"),
        ("Straße", "strasse"),
        ("STRASSE", "strasse"),
        ("ﬁ", "fi"),
    ],
)
def test_fold_drops_case_accents_and_compatibility_forms(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_words_are_folded_and_in_order() -> None:
    assert words("Victory-Day in Vientiâne") == ["victory", "day", "in", "vientiane"]


def test_same_words_ignores_punctuation_and_case() -> None:
    assert same_words("Victory-Day") == same_words("victory day")
