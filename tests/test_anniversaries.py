"""Which dated facts have an Nth anniversary in a year or in the coming days."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from laorus.anniversaries.occurrences import (
    LEAP_DAY_RULE,
    Occurrence,
    event_name,
    in_year,
    observed_on,
    summary,
    upcoming,
    window_end,
)
from laorus.cli.render_anniversaries import countdown, weekday_date
from laorus.cli.render_anniversaries import record as as_json
from laorus.errors import LaorusError
from laorus.paths import default_path
from laorus.store.model import Fact, PartialDate, Store
from laorus.store.read import load
from laorus.text.numerals import ordinal

EVENTS: list[tuple[str, str, str]] = [
    (
        "relations",
        "Russia and Laos established diplomatic relations on 7 October 1960.",
        "1960-10-07",
    ),
    ("victory", "Victory in the Great Patriotic War came in 1945.", "1945"),
    ("party", "The Lao People's Revolutionary Party was founded on 22 March 1955.", "1955-03-22"),
    ("republic", "The Lao PDR was proclaimed on 2 December 1975.", "1975-12-02"),
    ("visit", "In June 2025 Russia hosted the Lao Minister of Foreign Affairs.", "2025-06"),
    ("talks", "On 31 July 2025 the two presidents held talks.", "2025-07-31"),
    ("leap", "A treaty was signed on 29 February 1960.", "1960-02-29"),
    ("new-year", "A school opened on 2 January 1961.", "1961-01-02"),
    ("future", "A bridge will open on 1 May 2040.", "2040-05-01"),
]
"""A made-up store: each statement is also its own quote in the source text."""


def store_text(events: list[tuple[str, str, str]]) -> str:
    """A valid fact store with one dated fact per (id, statement, date)."""
    text = " ".join(statement for _, statement, _ in events)
    lines = [
        "schema = 1",
        "[source]",
        'title = "Made Up"',
        'author = "Test Author"',
        "published = 2025-11-20",
        'published_in = "Tests"',
        f"text = '''{text}'''",
    ]
    for fact_id, statement, date in events:
        lines += [
            "[[facts]]",
            f'id = "{fact_id}"',
            f'statement = "{statement}"',
            f'quote = "{statement}"',
            f'date = "{date}"',
            'category = "history"',
        ]
    return "\n".join(lines) + "\n"


def write_events(directory: Path, events: list[tuple[str, str, str]] = EVENTS) -> Path:
    """Write a made-up store of ``events`` into ``directory`` and return its path."""
    path = directory / "events.toml"
    path.write_text(store_text(events), encoding="utf-8")
    return path


@pytest.fixture
def made_up(tmp_path: Path) -> Store:
    return load(write_events(tmp_path))


@pytest.fixture(scope="module")
def shipped() -> Store:
    return load(default_path())


def _rows(items: list[Occurrence]) -> list[tuple[str, int, str | None]]:
    return [(i.fact.id, i.years, i.date.isoformat() if i.date else None) for i in items]


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (23, "23rd"),
        (65, "65th"),
        (101, "101st"),
        (111, "111th"),
        (112, "112th"),
        (113, "113th"),
    ],
)
def test_ordinals_are_right_for_every_number(number: int, expected: str) -> None:
    assert ordinal(number) == expected


def test_year_lists_round_anniversaries_in_calendar_order_then_undated(made_up: Store) -> None:
    assert _rows(in_year(made_up.facts, 2025)) == [
        ("leap", 65, "2025-02-28"),
        ("party", 70, "2025-03-22"),
        ("relations", 65, "2025-10-07"),
        ("republic", 50, "2025-12-02"),
        ("victory", 80, None),
    ]


def test_month_known_events_come_after_dated_and_before_year_only(made_up: Store) -> None:
    rows = _rows(in_year(made_up.facts, 2030))
    assert rows[-2:] == [("visit", 5, None), ("victory", 85, None)]
    assert all(date is not None for _, _, date in rows[:-2])
    assert ("talks", 5, "2030-07-31") in rows


def test_the_event_year_itself_and_future_events_are_never_listed(made_up: Store) -> None:
    listed = {item.fact.id for item in in_year(made_up.facts, 2025, every=1)}
    assert "talks" not in listed
    assert "visit" not in listed
    assert "future" not in listed
    assert {item.years for item in in_year(made_up.facts, 2040, every=1)} >= {15, 80}
    assert all(item.years >= 1 for item in in_year(made_up.facts, 2040, every=1))


@pytest.mark.parametrize("every", [1, 2, 3, 5, 10])
def test_every_keeps_only_multiples_of_it(made_up: Store, every: int) -> None:
    items = in_year(made_up.facts, 2035, every)
    assert items
    assert all(item.years % every == 0 for item in items)
    expected = {
        f.id
        for f in made_up.facts
        if f.date and 2035 - f.date.year >= 1 and not (2035 - f.date.year) % every
    }
    assert {item.fact.id for item in items} == expected


def test_leap_day_event_is_observed_on_28_february_in_common_years(made_up: Store) -> None:
    common = next(i for i in in_year(made_up.facts, 2025) if i.fact.id == "leap")
    leap = next(i for i in in_year(made_up.facts, 2028, every=4) if i.fact.id == "leap")
    assert (common.date, common.leap_day_moved) == (dt.date(2025, 2, 28), True)
    assert (leap.date, leap.leap_day_moved) == (dt.date(2028, 2, 29), False)
    assert as_json(common)["note"] == LEAP_DAY_RULE
    assert as_json(leap)["note"] is None


@given(
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9000, 12, 31)),
    st.integers(min_value=1, max_value=9999),
)
def test_an_anniversary_stays_in_its_year_and_month(event: dt.date, year: int) -> None:
    day, moved = observed_on(event, year)
    assert (day.year, day.month) == (year, event.month)
    assert day.day == event.day or (moved and event.day == 29 and day.day == 28)


def test_upcoming_crosses_the_turn_of_the_year(made_up: Store) -> None:
    items = upcoming(made_up.facts, dt.date(2025, 12, 20), 30, every=1)
    assert _rows(items) == [("new-year", 65, "2026-01-02")]
    assert as_json(items[0], dt.date(2025, 12, 20))["countdown"] == "in 13 days"


def test_upcoming_includes_both_ends_of_the_window(made_up: Store) -> None:
    start = dt.date(2025, 10, 7)
    assert _rows(upcoming(made_up.facts, start, 0)) == [("relations", 65, "2025-10-07")]
    from_before = upcoming(made_up.facts, dt.date(2025, 9, 7), 30)
    assert _rows(from_before) == [("relations", 65, "2025-10-07")]
    assert upcoming(made_up.facts, dt.date(2025, 9, 7), 29) == []


def test_upcoming_skips_events_without_a_day_and_repeats_over_long_windows(
    made_up: Store,
) -> None:
    items = upcoming(made_up.facts, dt.date(2025, 1, 1), 3 * 366, every=1)
    ids = [item.fact.id for item in items]
    assert "victory" not in ids
    assert "visit" not in ids
    assert ids.count("relations") == 3
    dates = [item.date for item in items]
    assert dates == sorted(dates)


@pytest.mark.parametrize(
    ("day", "expected"),
    [(0, "today"), (1, "tomorrow"), (12, "in 12 days"), (-1, "yesterday"), (-3, "3 days ago")],
)
def test_countdown_says_how_soon(day: int, expected: str) -> None:
    today = dt.date(2025, 12, 30)
    assert countdown(today + dt.timedelta(days=day), today) == expected


def test_weekday_dates_read_like_tue_7_oct_2025() -> None:
    assert weekday_date(dt.date(2025, 10, 7)) == "Tue 7 Oct 2025"
    assert weekday_date(dt.date(2026, 1, 2)) == "Fri 2 Jan 2026"


def test_json_gives_the_store_date_the_number_and_a_null_date_when_no_day(
    made_up: Store,
) -> None:
    by_id = {item.fact.id: as_json(item) for item in in_year(made_up.facts, 2030)}
    assert by_id["relations"]["event_date"] == "1960-10-07"
    assert by_id["relations"]["years"] == 70
    assert by_id["relations"]["date"] == "2030-10-07"
    assert by_id["visit"]["event_date"] == "2025-06"
    assert by_id["visit"]["date"] is None
    assert by_id["victory"]["event_date"] == "1945"
    assert by_id["victory"]["date"] is None
    assert "days" not in by_id["relations"]


@pytest.mark.parametrize(
    ("statement", "name"),
    [
        ("The Lao PDR was proclaimed on 2 December 1975.", "The Lao PDR was proclaimed"),
        ("A treaty was signed on December 2, 1975.", "A treaty was signed"),
        ("On 9 May 2024 the heads of state met in Moscow.", "The heads of state met in Moscow"),
        ("In June 2025 Russia hosted the minister.", "Russia hosted the minister"),
        ("Relations began on 7 October 1960, 65 years before.", "Relations began"),
        (
            "In 2025, a jubilee year, Laos gave elephants.",
            "In 2025, a jubilee year, Laos gave elephants",
        ),
        ("In 2023 and 2024 festivals were held.", "In 2023 and 2024 festivals were held"),
        # Any form of text.dates' full dates: an ordinal, no comma, "of".
        ("A treaty was signed on December 2nd 1975.", "A treaty was signed"),
        ("On 7th of October 1960 relations began.", "Relations began"),
        ("The kingdom was founded in 1353.", "The kingdom was founded"),
    ],
)
def test_event_name_is_the_statement_without_its_date(statement: str, name: str) -> None:
    fact = Fact(id="x", statement=statement, quote=statement, category="history")
    assert event_name(fact) == name


def test_summary_reads_as_a_calendar_title() -> None:
    fact = Fact(
        id="x",
        statement="The Lao PDR was proclaimed on 2 December 1975.",
        quote="q",
        category="history",
    )
    assert summary(fact, "50th") == "50th anniversary: the Lao PDR was proclaimed"
    assert summary(fact) == "Anniversary: the Lao PDR was proclaimed"


def test_a_short_event_name_is_used_when_the_fact_has_one() -> None:
    fact = Fact(
        id="x",
        statement="Diplomatic relations were established on 7 October 1960.",
        quote="q",
        category="diplomacy",
        event="Russia-Laos diplomatic relations",
    )
    assert summary(fact, "65th") == "65th anniversary of Russia-Laos diplomatic relations"


@pytest.mark.parametrize("every", [0, -5])
def test_a_step_below_one_is_refused(made_up: Store, every: int) -> None:
    with pytest.raises(LaorusError, match="the step between anniversaries must be 1 or more"):
        in_year(made_up.facts, 2025, every)


@pytest.mark.parametrize("year", [0, -5, 10000])
def test_a_year_out_of_range_is_refused(made_up: Store, year: int) -> None:
    with pytest.raises(LaorusError, match="out of range"):
        in_year(made_up.facts, year)


def test_a_window_past_the_last_year_is_refused() -> None:
    with pytest.raises(LaorusError, match="past the year 9999"):
        window_end(dt.date(9999, 12, 30), 5)
    with pytest.raises(LaorusError, match="0 or more"):
        window_end(dt.date(2025, 1, 1), -3)


def _shipped_rows(store: Store, year: int) -> set[tuple[str, int, str | None]]:
    return {
        (i.event_date.iso(), i.years, i.date.isoformat() if i.date else None)
        for i in in_year(store.facts, year)
    }


def test_2025_lists_exactly_the_four_anniversaries_the_article_names(shipped: Store) -> None:
    assert _shipped_rows(shipped, 2025) == {
        ("1960-10-07", 65, "2025-10-07"),
        ("1945", 80, None),
        ("1955-03-22", 70, "2025-03-22"),
        ("1975-12-02", 50, "2025-12-02"),
    }
    assert in_year(shipped.facts, 2025)[-1].event_date == PartialDate(1945)


def test_2030_adds_the_fifth_anniversaries_of_the_2025_events(shipped: Store) -> None:
    items = in_year(shipped.facts, 2030)
    round_ones = {row for row in _shipped_rows(shipped, 2030) if row[1] != 5}
    assert round_ones == {
        ("1960-10-07", 70, "2030-10-07"),
        ("1945", 85, None),
        ("1955-03-22", 75, "2030-03-22"),
        ("1975-12-02", 55, "2030-12-02"),
    }
    fifth = {item.fact.id for item in items if item.years == 5}
    events_of_2025 = {
        f.id for f in shipped.facts if f.date is not None and f.date.year == 2025 and f.own_event
    }
    assert fifth == events_of_2025
    assert len(fifth) >= 4


def test_2030_lists_no_anniversary_of_a_marking_and_each_event_once(shipped: Store) -> None:
    items = in_year(shipped.facts, 2030)
    markings = {f.id for f in shipped.facts if f.commemorates is not None}
    assert {"anniversary-65", "victory-80th-anniversary", "lao-pdr-50th-anniversary"} <= markings
    assert not markings & {item.fact.id for item in items}
    assert all(item.fact.same_event is None for item in items)
    events = [(item.event_date, item.event) for item in items]
    assert len(events) == len(set(events))
    # Each marking's event is listed in its stead, with the years since the event itself.
    relations = next(item for item in items if item.fact.id == "relations-established")
    assert relations.years == 70


def test_2027_lists_the_2022_monuments_once(shipped: Store) -> None:
    items = in_year(shipped.facts, 2027)
    assert [(item.fact.id, item.years) for item in items] == [("pilots-monuments", 5)]
    others = {f.id for f in shipped.same_event_facts(items[0].fact)}
    assert others == {"paek-monument", "vientiane-monument"}


def test_the_shipped_markings_point_to_the_event_the_quote_numbers(shipped: Store) -> None:
    from laorus.store.links import ordinals

    for fact in shipped.facts:
        if fact.commemorates is None:
            continue
        target = shipped.get(fact.commemorates)
        assert target is not None
        assert target.date is not None
        assert fact.date is not None
        given = ordinals(fact.quote)
        assert not given or fact.date.year - target.date.year in given, fact.id


def test_the_shipped_store_has_no_unexplained_warning(shipped: Store) -> None:
    assert shipped.warnings == ()


def test_upcoming_counts_down_to_the_event_not_to_its_marking(shipped: Store) -> None:
    items = upcoming(shipped.facts, dt.date(2030, 10, 1), 10)
    assert [(item.fact.id, item.years) for item in items] == [("relations-established", 70)]
