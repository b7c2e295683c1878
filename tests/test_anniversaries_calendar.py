"""iCalendar export: all-day events that calendar applications import, written atomically."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar

from laorus.anniversaries import calendar as ics
from laorus.anniversaries.occurrences import in_year, upcoming
from laorus.paths import default_path
from laorus.store.model import Store
from laorus.store.read import load
from tests.test_anniversaries import EVENTS, write_events

NOW = dt.datetime(2025, 11, 20, 9, 30, tzinfo=dt.UTC)

LONG = (
    "long",
    "Минск and Vientiane — «ສະບາຍດີ» — agreed on a very long and winding statement about"
    " friendship, cooperation, mutual assistance and camaraderie on 7 October 1960.",
    "1960-10-07",
)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return load(write_events(tmp_path, [*EVENTS, LONG]))


def _parse(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def _events(data: bytes) -> dict[str, dict[str, object]]:
    return {
        str(event["UID"]): {
            "start": event.decoded("DTSTART"),
            "end": event.decoded("DTEND"),
            "summary": str(event["SUMMARY"]),
            "description": str(event["DESCRIPTION"]),
            "rrule": event.get("RRULE"),
        }
        for event in _parse(data).walk("VEVENT")
    }


def test_each_anniversary_with_a_day_is_an_all_day_event(store: Store) -> None:
    export = ics.build(in_year(store.facts, 2025), NOW, source=store.source)
    events = _events(export.data)
    relations = events["relations-2025@laorus"]
    assert type(relations["start"]) is dt.date
    assert relations["start"] == dt.date(2025, 10, 7)
    assert relations["end"] == dt.date(2025, 10, 8)
    assert (
        relations["summary"] == "65th anniversary: Russia and Laos established diplomatic relations"
    )
    assert all(type(event["start"]) is dt.date for event in events.values())
    assert export.events == len(events) == 5


def test_description_holds_the_statement_and_the_quote(store: Store) -> None:
    export = ics.build(in_year(store.facts, 2025), NOW, source=store.source)
    fact = store.get("republic")
    assert fact is not None
    description = _events(export.data)["republic-2025@laorus"]["description"]
    assert isinstance(description, str)
    assert fact.statement in description
    assert f"“{fact.quote}”" in description
    assert store.source.title in description


def test_events_without_a_day_are_left_out_and_reported(store: Store) -> None:
    export = ics.build(in_year(store.facts, 2030), NOW)
    assert {item.fact.id for item in export.left_out} == {"visit", "victory"}
    uids = set(_events(export.data))
    assert "victory-2030@laorus" not in uids
    assert "85th anniversary" in ics.names(export.left_out)


def test_uids_are_stable_across_exports(store: Store) -> None:
    first = ics.build(in_year(store.facts, 2025), NOW)
    later = ics.build(in_year(store.facts, 2025), NOW + dt.timedelta(days=40))
    assert set(_events(first.data)) == set(_events(later.data))
    other_year = ics.build(in_year(store.facts, 2030), NOW)
    assert set(_events(first.data)).isdisjoint(_events(other_year.data))


def test_lines_end_in_crlf_and_are_folded_to_75_octets(store: Store) -> None:
    data = ics.build(in_year(store.facts, 2025), NOW, source=store.source).data
    assert data.endswith(b"\r\n")
    lines = data.split(b"\r\n")[:-1]
    assert b"\n" not in b"".join(lines)
    assert all(len(line) <= 75 for line in lines)
    assert any(line.startswith(b" ") for line in lines)
    for line in lines:
        line.decode("utf-8")  # folding never splits a multi-byte character
    long = _events(data)["long-2025@laorus"]["summary"]
    assert long == f"65th anniversary: {LONG[1].removesuffix(' on 7 October 1960.')}"


def test_the_calendar_names_itself_and_this_program(store: Store) -> None:
    cal = _parse(ics.build(in_year(store.facts, 2025), NOW, name="laorus: 2025").data)
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["PRODID"]) == ics.PRODID
    assert str(cal["X-WR-CALNAME"]) == "laorus: 2025"


def test_recurring_writes_one_yearly_event_per_fact(store: Store) -> None:
    items = upcoming(store.facts, dt.date(2025, 1, 1), 3 * 366, every=1)
    assert len(items) > len({item.fact.id for item in items})
    export = ics.build(items, NOW, recurring=True)
    events = _events(export.data)
    assert set(events) == {f"{item.fact.id}-yearly@laorus" for item in items}
    relations = events["relations-yearly@laorus"]
    assert relations["start"] == dt.date(1961, 10, 7)
    assert relations["summary"] == (
        "Anniversary: Russia and Laos established diplomatic relations (7 Oct 1960)"
    )
    rule = relations["rrule"]
    assert rule is not None
    assert rule.to_ical() == b"FREQ=YEARLY"  # type: ignore[attr-defined]


def test_recurring_leap_day_event_falls_on_the_last_day_of_february(store: Store) -> None:
    export = ics.build(in_year(store.facts, 2025), NOW, recurring=True)
    leap = _events(export.data)["leap-yearly@laorus"]
    assert leap["start"] == dt.date(1961, 2, 28)
    rule = leap["rrule"]
    assert rule is not None
    start = dt.datetime(1961, 2, 28)
    dates = rrulestr(rule.to_ical().decode(), dtstart=start)  # type: ignore[attr-defined]
    in_2025_to_2028 = dates.between(dt.datetime(2025, 1, 1), dt.datetime(2028, 12, 31), inc=True)
    assert [d.date() for d in in_2025_to_2028] == [
        dt.date(2025, 2, 28),
        dt.date(2026, 2, 28),
        dt.date(2027, 2, 28),
        dt.date(2028, 2, 29),
    ]


def test_a_quote_that_starts_on_the_articles_dash_is_quoted_from_its_first_word() -> None:
    shipped = load(default_path())
    export = ics.build(in_year(shipped.facts, 2025), NOW, source=shipped.source)
    description = _events(export.data)["lprp-founded-2025@laorus"]["description"]
    assert isinstance(description, str)
    assert "“70 years of the Lao People's Revolutionary Party (March 22, 1955)”" in description
