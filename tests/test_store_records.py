"""The one Fact <-> dict serialiser: JSON-ready, complete, and read back as the same fact."""

from __future__ import annotations

import json

import pytest

from laorus.paths import default_path
from laorus.store.model import Anniversary, Fact, PartialDate, Question
from laorus.store.read import load
from laorus.store.records import (
    FACT_FIELDS,
    LISTED_FIELDS,
    SHOWN_FIELDS,
    fact_from_dict,
    fact_to_dict,
)

FULL = Fact(
    id="relations",
    statement="Relations were established on 7 October 1960.",
    quote="diplomatic relations were established on 7 October 1960",
    category="diplomacy",
    tags=("relations",),
    people=("Lavrov",),
    organisations=("Rosatom",),
    places=("Vientiane",),
    date=PartialDate(1960, 10, 7),
    end_date=PartialDate(1960, 10),
    derived="65 years before 2025",
    anniversary=Anniversary(PartialDate(2025, 10, 7), 65),
    event="diplomatic relations",
    questions=(Question("When?", "7 October 1960", ("1960-10-07",), "date"), Question("Q", "A")),
    quote_start=42,
)


def test_a_fact_becomes_json_data_with_every_field_in_order() -> None:
    data = fact_to_dict(FULL)
    assert tuple(data) == FACT_FIELDS
    assert json.loads(json.dumps(data)) == data
    assert data["date"] == "1960-10-07"
    assert data["end_date"] == "1960-10"
    assert data["anniversary"] == {"on": "2025-10-07", "nth": 65}
    assert data["questions"][0] == {
        "question": "When?",
        "answer": "7 October 1960",
        "accept": ["1960-10-07"],
        "kind": "date",
        "modes": [],
        "choices": [],
    }


def test_a_fact_without_dates_or_names_has_nulls_and_empty_lists() -> None:
    data = fact_to_dict(Fact("x", "S.", "Q", "history"))
    assert data["date"] is None
    assert data["anniversary"] is None
    assert data["people"] == []
    assert data["questions"] == []


def test_every_shipped_fact_reads_back_as_itself() -> None:
    for fact in load(default_path()).facts:
        assert fact_from_dict(json.loads(json.dumps(fact_to_dict(fact)))) == fact


def test_the_subsets_keep_the_keys_the_json_output_always_had() -> None:
    # The keys `search --json` and `show --json` printed before this serialiser existed.
    assert LISTED_FIELDS == ("id", "date", "end_date", "statement", "quote", "category", "tags")
    assert (
        *LISTED_FIELDS,
        *("derived", "anniversary", "people", "organisations", "places", "questions"),
    ) == SHOWN_FIELDS
    assert tuple(fact_to_dict(FULL, LISTED_FIELDS)) == LISTED_FIELDS


def test_a_subset_reads_back_without_the_fields_it_leaves_out() -> None:
    fact = fact_from_dict(fact_to_dict(FULL, SHOWN_FIELDS))
    assert fact.questions == FULL.questions
    assert (fact.event, fact.quote_start) == (None, 0)


@pytest.mark.parametrize(
    "broken",
    [
        {"id": "x", "statement": "S."},  # no quote, no category
        {**fact_to_dict(FULL), "date": "7 October 1960"},
        {**fact_to_dict(FULL), "anniversary": {"on": "2025-13"}},
    ],
)
def test_data_that_is_no_fact_raises_a_plain_error(broken: dict[str, object]) -> None:
    with pytest.raises((KeyError, ValueError, TypeError)):
        fact_from_dict(broken)
