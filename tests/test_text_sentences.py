"""Quotes as they are shown: without the article's punctuation they may start on."""

from __future__ import annotations

import pytest

from laorus.text.sentences import quotable


@pytest.mark.parametrize(
    ("quote", "shown"),
    [
        ("-70 years of the party", "70 years of the party"),
        ("– the talks", "the talks"),
        ("• a list item", "a list item"),
        ("  On 7 October", "On 7 October"),
        ("On 7 October - 65 years", "On 7 October - 65 years"),  # only at the start
        ("−5 degrees", "−5 degrees"),  # a minus sign is kept
        ("-", "-"),  # nothing after it: kept rather than emptied
    ],
)
def test_a_quote_loses_only_the_dashes_and_bullets_it_starts_on(quote: str, shown: str) -> None:
    assert quotable(quote) == shown
