"""Rich rendering for `search`, `show` and `timeline`; imported only by the commands that print."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from laorus.cli.output import TEXT_WIDTH
from laorus.cli.plain_table import SEARCH_HEADERS, date_cell
from laorus.search.timeline import Event, Year
from laorus.store.model import Fact, PartialDate, Store
from laorus.text.sentences import paragraph_around
from laorus.text.words import fold

if TYPE_CHECKING:
    from laorus.search.rank import Hit

MATCH_STYLE = "bold yellow"
QUOTE_STYLE = "bold underline yellow"
_WORD = re.compile(r"\w+")
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def highlight(text: str, matched: Iterable[str]) -> Text:
    """``text`` with every word whose folded form is in ``matched`` highlighted."""
    wanted = set(matched)
    styled = Text(text)
    for word in _WORD.finditer(text):
        if fold(word.group()) in wanted:
            styled.stylize(MATCH_STYLE, word.start(), word.end())
    return styled


DAY_WIDTH = 10
"""The width of one date as the store writes it (2025-08-31)."""


def search_table(
    hits: list[Hit], *, quotes: bool, scores: bool = True, width: int | None = None
) -> RenderableType:
    """A table of hits: score, date, and the statement (matched words highlighted) with its id.

    Without ``scores`` (facts listed rather than found), the score column is left out. On a
    console of ``width`` columns too narrow for a date range on one line beside a Fact column
    of TEXT_WIDTH, the range wraps under its first day, so the statement keeps its width; too
    narrow for an id whole in the Fact column, each fact is written as lines of its own (an id
    is copied into `laorus show`: it is never split).
    """
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    score, date, fact = SEARCH_HEADERS
    dates = [date_cell(hit.fact) for hit in hits]
    if scores:
        table.add_column(score, justify="right", no_wrap=True)
    # Each column but the first has 3 cells before it: padding, the rule, padding.
    beside = (len(score) + 3 if scores else 0) + 3
    widest = max((len(cell) for cell in [date, *dates]), default=len(date))
    wrapped = width is not None and width - beside - widest < TEXT_WIDTH
    if width is not None:
        room = width - beside - (max(DAY_WIDTH, len(date)) if wrapped else widest)
        if room < max((len(hit.fact.id) for hit in hits), default=0):
            return _stacked(hits, dates, quotes=quotes, scores=scores)
    if wrapped:
        table.add_column(date, max_width=max(DAY_WIDTH, len(date)))
    else:
        table.add_column(date, no_wrap=True)
    table.add_column(fact, ratio=1, overflow="fold")
    for number, hit in enumerate(hits):
        cell = _statement(hit, quotes=quotes)
        cell.append(f"\n{hit.fact.id}", style="dim")
        row = (f"{hit.score:.0f}",) if scores else ()
        table.add_row(*row, dates[number], cell)
    return table


def _statement(hit: Hit, *, quotes: bool) -> Text:
    """The hit's statement, matched words highlighted, and its quote in italics if asked."""
    cell = highlight(hit.fact.statement, hit.matched)
    if quotes:
        cell.append("\n")
        cell.append_text(highlight(f"“{hit.fact.quote}”", hit.matched))
        cell.stylize("italic", len(cell) - len(hit.fact.quote) - 2)
    return cell


def _stacked(hits: list[Hit], dates: list[str], *, quotes: bool, scores: bool) -> Group:
    """Hits one under another, for a console too narrow for the table: the score and date,
    the statement, and the id on a line of its own, whole."""
    parts: list[RenderableType] = []
    for number, hit in enumerate(hits):
        head = Text(f"{hit.score:.0f}  " if scores else "", style="bold")
        head.append(dates[number], style="dim")
        fact_id = Text(hit.fact.id, style="dim", overflow="fold")
        parts += [head, _statement(hit, quotes=quotes), fact_id, Text("")]
    return Group(*parts[:-1])


def _marked(console: Console) -> bool:
    # Where no styles reach the reader (a pipe, a file), the quote is marked with « » instead.
    return console.color_system is None


def paragraph_text(store: Store, fact: Fact, *, marks: bool) -> tuple[int, Text]:
    """The number of the paragraph that holds the fact's quote, and its text with the quote lit."""
    text = store.source.text
    start, end = paragraph_around(text, fact.quote_start)
    quote_start = fact.quote_start - start
    quote_end = fact.quote_end - start
    body = text[start:end]
    if marks:
        body = f"{body[:quote_start]}«{body[quote_start:quote_end]}»{body[quote_end:]}"
        quote_end += 2
    styled = Text(body)
    styled.stylize(QUOTE_STYLE, quote_start, quote_end)
    return text.count("\n", 0, start) + 1, styled


def _date_value(fact: Fact) -> str:
    if fact.date is None:
        return "undated"
    value = fact.date.iso()
    if fact.end_date is not None:
        value += f" to {fact.end_date.iso()}"
    return f"{value} (known to the {fact.date.precision})"


def fact_view(store: Store, fact: Fact, console: Console) -> RenderableType:
    """One fact in full: statement, fields, questions and its paragraph of the article."""
    fields = Table.grid(padding=(0, 2))
    fields.add_column(style="bold", no_wrap=True)
    fields.add_column(overflow="fold")
    fields.add_row("Date", _date_value(fact))
    if fact.derived:
        fields.add_row("Derived", fact.derived)
    fields.add_row("Category", fact.category)
    fields.add_row("Tags", ", ".join(fact.tags) or "-")
    for label, names in (
        ("People", fact.people),
        ("Organisations", fact.organisations),
        ("Places", fact.places),
    ):
        if names:
            fields.add_row(label, ", ".join(names))
    for label, linked in (
        ("Commemorates", (fact.commemorates,) if fact.commemorates else ()),
        ("Marked by", tuple(f.id for f in store.commemorated_by(fact))),
        ("Same event", tuple(f.id for f in store.same_event_facts(fact))),
    ):
        if linked:
            fields.add_row(label, ", ".join(linked))
    if fact.actor_note:
        fields.add_row("Actor note", fact.actor_note)
    parts: list[RenderableType] = [
        Text(fact.id, style="dim"),
        Text(fact.statement, style="bold"),
        Text(""),
        fields,
    ]
    if fact.questions:
        questions = Table.grid(padding=(0, 1))
        questions.add_column(justify="right", no_wrap=True)
        questions.add_column(overflow="fold")
        for number, question in enumerate(fact.questions, 1):
            answer = f"Answer: {question.answer}"
            if question.accept:
                answer += f" (also accepted: {', '.join(question.accept)})"
            questions.add_row(f"{number}.", f"{question.question}\n{answer}")
        parts += [
            Text(""),
            Text("Questions", style="bold"),
            Padding(questions, (0, 0, 0, 2), expand=False),
        ]
    number, paragraph = paragraph_text(store, fact, marks=_marked(console))
    parts += [
        Text(""),
        Text(f"In the article (paragraph {number})", style="bold"),
        Padding(paragraph, (0, 0, 0, 2), expand=False),
    ]
    return Group(*parts)


def _label(date: PartialDate, *, with_year: bool) -> str:
    if date.month is None:
        return str(date.year)
    text = _MONTHS[date.month - 1]
    if date.day is not None:
        text = f"{date.day} {text}"
    return f"{text} {date.year}" if with_year else text


def event_label(event: Event) -> str:
    """When an event happened, as shown under its year: "7 Oct", "in Jun", "in 2025", ranges."""
    if event.end is not None:
        other_year = event.end.year != event.date.year
        start = _label(event.date, with_year=other_year)
        label = f"{start} - {_label(event.end, with_year=other_year)}"
    elif event.precision == "day":
        label = _label(event.date, with_year=False)
    else:
        label = f"in {_label(event.date, with_year=False)}"
    return f"{label} *" if event.derived else label


def timeline_view(years: list[Year], width: int | None = None) -> RenderableType:
    """The timeline: each year as a heading, its events beneath with date labels and ids.

    On a console of ``width`` columns too narrow for an id whole beside the date labels, each
    event's id goes on a line of its own under its label and statement, never split."""
    parts: list[RenderableType] = []
    # One width for every year's date column, so the statements line up down the whole timeline.
    label = max((len(event_label(e)) for year in years for e in year.events), default=0)
    longest = max((len(e.fact.id) for year in years for e in year.events), default=0)
    # The year's indent, the label and the space between the columns.
    apart = width is not None and width - 2 - label - 2 < longest
    for year in years:
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True, min_width=label)
        grid.add_column(overflow="fold")
        events: list[RenderableType] = []
        for event in year.events:
            cell = Text(event.fact.statement)
            also = f"(same event: {', '.join(f.id for f in event.also)})" if event.also else ""
            if apart:
                one = Table.grid(padding=(0, 2))
                one.add_column(no_wrap=True, min_width=label)
                one.add_column(overflow="fold")
                one.add_row(event_label(event), cell)
                events += [one, Text(event.fact.id, style="dim", overflow="fold")]
                events += [Text(also, style="dim")] if also else []
                continue
            cell.append(f"\n{event.fact.id}" + (f" {also}" if also else ""), style="dim")
            grid.add_row(event_label(event), cell)
        body: RenderableType = Group(*events) if apart else grid
        parts += [
            Text(str(year.year), style="bold cyan"),
            Padding(body, (0, 0, 1, 2), expand=False),
        ]
    if any(event.derived for year in years for event in year.events):
        parts.append(
            Text(
                "* date worked out from the article's words; 'laorus show ID' says how.",
                style="dim",
            )
        )
    return Group(*parts)
