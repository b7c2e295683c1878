"""Cloze blanks: what may be blanked in a quoted sentence, and stable keys."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from laorus.cloze import BLANK, blanks
from laorus.store import load
from tests.conftest import SMALL_STORE


def test_blanks_cover_dates_names_and_numbers_of_quoted_sentences(small_store: Path) -> None:
    found = blanks(load(small_store))
    kinds = {fact: sorted((b.answer, b.kind) for b in options) for fact, options in found.items()}
    assert kinds == {
        "relations-established": [
            ("65th", "number"),
            ("7 October 2025", "date"),
            ("Laos", "place"),
            ("Russia", "place"),
        ],
        "lao-pdr-proclaimed": [("December 2, 1975", "date")],
        "nuclear-plant": [("Rosatom", "organisation")],
        "elephants": [("Laos", "place"), ("two", "number")],
    }


def test_prompt_is_the_sentence_with_the_answer_blanked(small_store: Path) -> None:
    [blank] = blanks(load(small_store))["lao-pdr-proclaimed"]
    assert blank.prompt == f"The Lao PDR was proclaimed on {BLANK}."
    assert blank.sentence.text[blank.start :].startswith(blank.answer)


def test_keys_are_stable_and_name_the_fact(small_store: Path) -> None:
    first = [b.key for options in blanks(load(small_store)).values() for b in options]
    again = [b.key for options in blanks(load(small_store)).values() for b in options]
    assert first == again
    assert len(set(first)) == len(first)
    assert all(key.split("#cloze-")[0] in SMALL_STORE for key in first)


def test_names_in_the_title_are_not_blanked(
    write_store: Callable[[str | bytes], Path],
) -> None:
    text = SMALL_STORE.replace('title = "A Small Article"', 'title = "Russia and Laos"')
    found = blanks(load(write_store(text)))
    answers = {b.answer for options in found.values() for b in options}
    assert "Russia" not in answers
    assert "Laos" not in answers


def test_words_the_sentence_repeats_are_not_blanked(
    write_store: Callable[[str | bytes], Path],
) -> None:
    text = SMALL_STORE.replace(
        "Rosatom could build a small nuclear power plant.",
        "Rosatom could build a plant, Rosatom says.",
    ).replace(
        'quote = "Rosatom could build a small nuclear power plant."',
        'quote = "Rosatom could build a plant, Rosatom says."',
    )
    found = blanks(load(write_store(text)))
    assert "nuclear-plant" not in found
