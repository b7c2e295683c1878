"""Dates found in prose by laorus.text.date_spans, at the precision the text gives them."""

from __future__ import annotations

import pytest

from laorus.text.date_spans import find_dates


def _parts(text: str) -> list[tuple[str, tuple[int | None, ...], tuple[int | None, ...] | None]]:
    return [
        (
            span.text,
            (span.first.year, span.first.month, span.first.day),
            None if span.last is None else (span.last.year, span.last.month, span.last.day),
        )
        for span in find_dates(text)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 7 October 2025, they met.", [("7 October 2025", (2025, 10, 7), None)]),
        ("on December 2, 1975.", [("December 2, 1975", (1975, 12, 2), None)]),
        ("In June 2025, we hosted", [("June 2025", (2025, 6, None), None)]),
        ("in Moscow on May 9.", [("May 9", (None, 5, 9), None)]),
        ("the 1954 Geneva Conference", [("1954", (1954, None, None), None)]),
        (
            "on August 31 - September 1, the",
            [("August 31 - September 1", (None, 8, 31), (None, 9, 1))],
        ),
        (
            "31 August - 1 September 2025",
            [("31 August - 1 September 2025", (2025, 8, 31), (2025, 9, 1))],
        ),
        (
            "In 2023 and 2024, residents",
            [("2023 and 2024", (2023, None, None), (2024, None, None))],
        ),
        ("the 2023-24 season", [("2023-24", (2023, None, None), (2024, None, None))]),
    ],
)
def test_dates_in_prose_are_found_at_their_precision(
    text: str, expected: list[tuple[str, tuple[int | None, ...], tuple[int | None, ...] | None]]
) -> None:
    assert _parts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "two meetings took place",
        "100 scholarships are allocated",
        "The 65 years of cooperation",
        "in the 1970s",
        "1938-20-11-2025",
        "a budget of 2,025 dollars",
        "May we hope",
    ],
)
def test_numbers_that_are_no_date_are_not_found(text: str) -> None:
    assert find_dates(text) == []
