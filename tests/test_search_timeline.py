"""The timeline core: dated facts in order, partial dates placed sensibly, filters, years."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from laorus.paths import default_path
from laorus.search.timeline import by_year, events, sort_key
from laorus.store.model import Fact, PartialDate, Source, Store
from laorus.store.read import load


def dated(fact_id: str, date: str | None, end: str | None = None, **fields: object) -> Fact:
    fields.setdefault("category", "history")
    return Fact(
        id=fact_id,
        statement=f"Statement {fact_id}.",
        quote=f"Quote {fact_id}.",
        date=PartialDate.parse(date) if date else None,
        end_date=PartialDate.parse(end) if end else None,
        **fields,  # type: ignore[arg-type]
    )


def make_store(*facts: Fact) -> Store:
    text = "\n".join(f.quote for f in facts)
    source = Source("T", "A", dt.date(2025, 11, 20), "Tests", text)
    return Store(path=Path("memory.toml"), source=source, facts=facts)


def order(store: Store, **options: object) -> list[str]:
    return [event.fact.id for event in events(store, **options)]  # type: ignore[arg-type]


def test_events_are_in_chronological_order_and_undated_facts_are_left_out() -> None:
    store = make_store(
        dated("late", "2025-10-07"),
        dated("undated", None),
        dated("early", "1960-10-07"),
        dated("middle", "1975-12-02"),
    )
    assert order(store) == ["early", "middle", "late"]


def test_a_month_only_date_follows_the_days_of_that_month() -> None:
    store = make_store(
        dated("june", "2025-06"),
        dated("june-30", "2025-06-30"),
        dated("june-1", "2025-06-01"),
        dated("july-1", "2025-07-01"),
    )
    assert order(store) == ["june-1", "june-30", "june", "july-1"]


def test_a_year_only_date_follows_the_dated_events_of_that_year() -> None:
    store = make_store(
        dated("year", "2025"),
        dated("december", "2025-12-31"),
        dated("month", "2025-12"),
        dated("next-year", "2026-01-01"),
    )
    assert order(store) == ["december", "month", "year", "next-year"]


def test_facts_of_the_same_date_keep_the_store_order() -> None:
    store = make_store(dated("b", "2024"), dated("a", "2024"), dated("c", "2024"))
    assert order(store) == ["b", "a", "c"]


def test_a_range_sorts_by_its_start_and_keeps_its_end() -> None:
    store = make_store(dated("after", "2025-09-02"), dated("sco", "2025-08-31", "2025-09-01"))
    found = events(store)
    assert [e.fact.id for e in found] == ["sco", "after"]
    assert found[0].end == PartialDate(2025, 9, 1)


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"year_from": 2000}, ["festivals", "summit"]),
        ({"year_to": 2023}, ["old", "festivals"]),
        ({"year_from": 2024, "year_to": 2024}, ["festivals"]),
        ({"category": "visits"}, ["summit"]),
        ({"year_from": 2026}, []),
    ],
)
def test_filters_keep_events_that_overlap_the_years_and_match_the_category(
    options: dict[str, object], expected: list[str]
) -> None:
    store = make_store(
        dated("old", "1954"),
        dated("festivals", "2023", "2024", category="culture"),
        dated("summit", "2025-08-31", category="visits"),
    )
    assert order(store, **options) == expected


def test_from_after_to_is_refused() -> None:
    with pytest.raises(ValueError, match="after"):
        events(make_store(), year_from=2025, year_to=2020)


def test_events_are_grouped_by_the_year_they_begin_in() -> None:
    store = make_store(
        dated("a", "2024-05-09"), dated("b", "2024"), dated("c", "2025-01-01", "2026")
    )
    years = by_year(events(store))
    assert [(y.year, [e.fact.id for e in y.events]) for y in years] == [
        (2024, ["a", "b"]),
        (2025, ["c"]),
    ]


def test_event_knows_its_precision_and_whether_its_date_was_derived() -> None:
    store = make_store(dated("x", "2025-06", derived="'This June' in a 2025 article."))
    event = events(store)[0]
    assert event.precision == "month"
    assert event.derived


def test_sort_key_places_partial_dates_after_full_ones() -> None:
    assert sort_key(PartialDate(2025, 6, 30)) < sort_key(PartialDate(2025, 6))
    assert sort_key(PartialDate(2025, 12)) < sort_key(PartialDate(2025))
    assert sort_key(PartialDate(2025)) < sort_key(PartialDate(2026, 1, 1))


def test_the_shipped_store_is_in_order_from_before_relations_began() -> None:
    found = events(load(default_path()))
    keys = [sort_key(event.date) for event in found]
    assert keys == sorted(keys)
    assert found[0].date.year < 1960 < found[-1].date.year


def test_an_event_told_by_several_facts_is_shown_once_with_the_others_beside_it() -> None:
    store = make_store(
        dated("monuments", "2022"),
        dated("paek", "2022", same_event="monuments"),
        dated("vientiane", "2022", same_event="monuments"),
        dated("later", "2023"),
    )
    found = events(store)
    assert [e.fact.id for e in found] == ["monuments", "later"]
    assert [f.id for f in found[0].also] == ["paek", "vientiane"]


def test_a_second_account_shows_when_a_filter_leaves_out_its_primary() -> None:
    store = make_store(
        dated("festivals", "2023", category="culture"),
        dated("concerts", "2023", category="regions", same_event="festivals"),
    )
    assert order(store, category="regions") == ["concerts"]
    assert order(store) == ["festivals"]


def test_a_marking_is_shown_under_its_own_year() -> None:
    store = make_store(
        dated("relations", "1960-10-07"), dated("marking", "2025-10-07", commemorates="relations")
    )
    assert [(e.fact.id, e.date.year) for e in events(store)] == [
        ("relations", 1960),
        ("marking", 2025),
    ]
