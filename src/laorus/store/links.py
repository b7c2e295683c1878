"""Check the links between facts: what a marking commemorates, and one event told by several facts.

`commemorates = "<fact-id>"` is on a fact that marks an anniversary of another fact's event (a
celebration, an event held "in honour of"); `same_event = "<fact-id>"` is on a fact that describes
the same dated event as a primary fact, which has no `same_event` of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from laorus.store.model import Fact

# The anniversary a quote names: "65th", "80th anniversary", "70 years of", "50 years since".
_ORDINAL = re.compile(r"\b(\d{1,4})(?:(?:st|nd|rd|th)\b|\s+years\b)", re.IGNORECASE)

Report = Callable[[int, Fact, str, str], None]
"""Records a problem: the fact's index in [[facts]], the fact, the field and the message."""


def ordinals(quote: str) -> set[int]:
    """The anniversary numbers a quote gives: {65} for "the 65th anniversary", {70, 50} for both."""
    return {int(match.group(1)) for match in _ORDINAL.finditer(quote)}


def check_links(
    facts: Sequence[tuple[int, Fact]], ids: Mapping[str, object], report: Report
) -> None:
    """Report every broken commemorates or same_event link; ``ids`` holds every id written."""
    by_id = {fact.id: fact for _, fact in facts}
    for index, fact in facts:
        for field, target_id, check in (
            ("commemorates", fact.commemorates, _check_commemorates),
            ("same_event", fact.same_event, _check_same_event),
        ):
            if target_id is None:
                continue
            target = _target(index, fact, field, target_id, by_id, ids, report)
            if target is not None:
                check(index, fact, target, report)


_ITSELF = {
    "commemorates": "a fact cannot commemorate itself; give the event it marks",
    "same_event": "a fact cannot point to itself; give the primary fact's id",
}


def _target(
    index: int,
    fact: Fact,
    field: str,
    target_id: str,
    by_id: Mapping[str, Fact],
    ids: Mapping[str, object],
    report: Report,
) -> Fact | None:
    """The fact a link points to; None when the link is reported broken or the target has
    problems of its own (reported where it is)."""
    if target_id == fact.id:
        report(index, fact, field, _ITSELF[field])
        return None
    if target_id not in ids:
        report(
            index, fact, field, f"no fact has the id {target_id!r}; give the id of an existing fact"
        )
        return None
    return by_id.get(target_id)


def _check_commemorates(index: int, fact: Fact, target: Fact, report: Report) -> None:
    field = "commemorates"
    target_id = target.id
    if target.commemorates is not None:
        report(
            index,
            fact,
            field,
            f"{target_id!r} is itself the marking of an anniversary (of"
            f" {target.commemorates!r}); point to the event it marks, {target.commemorates!r}",
        )
        return
    if target.same_event is not None:
        report(
            index,
            fact,
            field,
            f"{target_id!r} describes the same event as {target.same_event!r};"
            f" point to that primary fact, {target.same_event!r}",
        )
        return
    if fact.date is None:
        report(index, fact, "date", "the marking of an anniversary needs the date it was marked")
        return
    if target.date is None:
        report(
            index,
            fact,
            field,
            f"{target_id!r} has no date, so no anniversary of it can be marked;"
            " point to a dated fact",
        )
        return
    years = fact.date.year - target.date.year
    given = ordinals(fact.quote)
    if given and years not in given:
        said = " or ".join(str(n) for n in sorted(given))
        report(
            index,
            fact,
            field,
            f"the quote gives {said} years, but {fact.date.year} - {target.date.year}"
            f" ({target_id!r}) is {years}; point to the right event or fix a date",
        )


def _check_same_event(index: int, fact: Fact, target: Fact, report: Report) -> None:
    field = "same_event"
    target_id = target.id
    if target.same_event is not None:
        report(
            index,
            fact,
            field,
            f"{target_id!r} itself points to {target.same_event!r}; no chains:"
            f" point to the primary fact, {target.same_event!r}",
        )
        return
    if fact.date is None:
        return  # an undated fact may tell part of a dated event
    if target.date is None:
        report(
            index,
            fact,
            field,
            f"{target_id!r} has no date but this fact has; make the dated fact the primary",
        )
        return
    if (fact.date, fact.end_date) != (target.date, target.end_date):
        mine = _span(fact)
        theirs = _span(target)
        report(
            index,
            fact,
            "date",
            f"dated {mine}, but the same event in {target_id!r} is dated {theirs};"
            " one event has one date",
        )


def _span(fact: Fact) -> str:
    assert fact.date is not None
    return f"{fact.date} to {fact.end_date}" if fact.end_date else str(fact.date)
