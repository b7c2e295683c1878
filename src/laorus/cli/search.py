"""`laorus search`, `laorus show` and `laorus timeline`: find facts, read one, see them in order."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from laorus.cli import params
from laorus.cli.app import (
    EXIT_NOT_FOUND,
    app,
    error_console,
    load_store,
    out_console,
    print_json,
    store_path,
    usage_error,
)

if TYPE_CHECKING:
    from laorus.search.index import Index
    from laorus.search.rank import Hit
    from laorus.store.model import Fact, Store

CategoryOption = Annotated[
    str | None,
    typer.Option(
        "--category",
        "-c",
        parser=params.category,
        help="Only facts of this category, e.g. economy.",
    ),
]
FromOption = Annotated[
    int | None,
    typer.Option(
        "--from", parser=params.year, metavar="YEAR", help="Only events in or after YEAR."
    ),
]
ToOption = Annotated[
    int | None,
    typer.Option("--to", parser=params.year, metavar="YEAR", help="Only events in or before YEAR."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print a JSON array instead of a table.")]


def _check_filters(year_from: int | None, year_to: int | None) -> None:
    if year_from is not None and year_to is not None and year_from > year_to:
        msg = f"--from {year_from} is after --to {year_to}; give the earlier year to --from"
        raise usage_error(msg, "--from")


def _fact_record(fact: Fact) -> dict[str, Any]:
    """The fields every JSON output shares; dates in the store's ISO form or null."""
    return {
        "id": fact.id,
        "date": fact.date.iso() if fact.date else None,
        "end_date": fact.end_date.iso() if fact.end_date else None,
        "statement": fact.statement,
        "quote": fact.quote,
        "category": fact.category,
        "tags": list(fact.tags),
    }


@app.command("search")
def search_command(
    ctx: typer.Context,
    query: Annotated[
        list[str],
        typer.Argument(
            metavar="QUERY...", help="Words to look for, in any order; typos are forgiven."
        ),
    ],
    limit: Annotated[
        int,
        typer.Option(
            "--limit",
            "-n",
            parser=params.whole_number(1, example="--limit 5"),
            help="Show at most this many facts.",
        ),
    ] = 10,
    quotes: Annotated[
        bool, typer.Option("--quotes", "-q", help="Show the article's words beneath each fact.")
    ] = False,
    category: CategoryOption = None,
    tag: Annotated[
        str | None, typer.Option("--tag", "-t", help="Only facts with this tag, e.g. nuclear.")
    ] = None,
    year_from: FromOption = None,
    year_to: ToOption = None,
    as_json: JsonOption = False,
) -> None:
    """Find the facts that match QUERY, best first; exit 1 when none does.

    Words may be misspelt and in any order; a fact's id finds that fact.

    Example: laorus search nuclear power plant
    """
    text = " ".join(query)
    if not text.strip():
        msg = "the query is empty; give a word or two, e.g. 'elephants'"
        raise usage_error(msg, "QUERY")
    _check_filters(year_from, year_to)
    from laorus.search.query import MAX_QUERY_WORDS, Query
    from laorus.text.words import words

    parsed = Query.parse(text)
    if not parsed.terms and not parsed.truncated and not parsed.phrase and not words(text):
        msg = f"{text!r} has no words to search for; give a word or two"
        raise usage_error(msg, "QUERY")

    def find(index: Index) -> tuple[list[Hit], list[str]]:
        from laorus.search.rank import search, suggest

        if tag is not None:
            params.check_tag(index.tags(), tag)
        found = search(
            index,
            parsed,
            limit=limit,
            category=category,
            tag=tag,
            year_from=year_from,
            year_to=year_to,
        )
        return found, [] if found or as_json else suggest(index, parsed)

    from laorus.cache.policy import with_index
    from laorus.cli.progress import progress_bar

    with progress_bar() as progress:
        hits, suggestions = with_index(store_path(ctx), find, progress=progress)
    if parsed.truncated:
        error_console().print(
            f"Note: only the first {MAX_QUERY_WORDS} different words of the query were used.",
            markup=False,
        )
    if as_json:
        print_json([{**_fact_record(h.fact), "score": h.score} for h in hits])
    elif hits:
        _print_hits(hits, quotes=quotes)
    if not hits:
        if not as_json:
            filtered = category or tag or year_from is not None or year_to is not None
            _explain_nothing(text, suggestions, common=not parsed.terms, filtered=bool(filtered))
        raise typer.Exit(EXIT_NOT_FOUND)


def _print_hits(hits: list[Hit], *, quotes: bool) -> None:
    """The hits as a table: laid out without Rich where it would print no styles anyway."""
    import sys

    from laorus.cli import plain

    text = plain.search_table(hits, quotes=quotes, stream=sys.stdout)
    if text is not None:
        sys.stdout.write(text)
        return
    from laorus.cli.render_search import search_table

    out_console().print(search_table(hits, quotes=quotes))


def _explain_nothing(text: str, suggestions: list[str], *, common: bool, filtered: bool) -> None:
    shown = text if len(text) <= 60 else f"{text[:57]}..."
    message = f"No fact matches {shown!r}"
    if filtered:
        message += " with these filters (try without --category, --tag, --from or --to)"
    message += "."
    if common:
        message += " It has only common words such as 'the'; add a name, a place or a subject."
    if suggestions:
        message += f" Did you mean: {', '.join(suggestions)}?"
    elif not common:
        message += " Try other or fewer words."
    error_console().print(message, markup=False)


@app.command("show")
def show_command(
    ctx: typer.Context,
    fact_id: Annotated[
        str, typer.Argument(metavar="ID", help="The fact's id, as search shows it.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON object.")] = False,
) -> None:
    """Show one fact in full, with the paragraph of the article it comes from.

    Example: laorus show lao-pdr-proclaimed
    """
    from laorus.errors import LaorusError

    store = load_store(ctx)
    fact = store.get(fact_id.strip())
    if fact is None:
        from laorus.search.rank import nearest_ids

        near = nearest_ids(store, fact_id)
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        msg = f"no fact has the id {fact_id!r}{hint} ('laorus search WORDS' lists ids)"
        raise LaorusError(msg)
    if as_json:
        from laorus.text.sentences import paragraph_around

        start, end = paragraph_around(store.source.text, fact.quote_start)
        print_json(_show_record(store, fact, store.source.text[start:end]))
        return
    from laorus.cli.render_search import fact_view

    out = out_console()
    out.print(fact_view(store, fact, out))


def _show_record(store: Store, fact: Fact, paragraph: str) -> dict[str, Any]:
    anniversary = fact.anniversary
    return {
        **_links_record(store, fact),
        **_fact_record(fact),
        "derived": fact.derived,
        "anniversary": (
            {"on": anniversary.on.iso(), "nth": anniversary.nth} if anniversary else None
        ),
        "people": list(fact.people),
        "organisations": list(fact.organisations),
        "places": list(fact.places),
        "questions": [
            {"question": q.question, "answer": q.answer, "accept": list(q.accept), "kind": q.kind}
            for q in fact.questions
        ],
        "paragraph": paragraph,
    }


def _links_record(store: Store, fact: Fact) -> dict[str, Any]:
    """What the fact commemorates and the other facts of its event, as ids."""
    return {
        "commemorates": fact.commemorates,
        "commemorated_by": [f.id for f in store.commemorated_by(fact)],
        "same_event": fact.same_event,
        "same_event_facts": [f.id for f in store.same_event_facts(fact)],
        "actor_note": fact.actor_note,
    }


@app.command("timeline")
def timeline_command(
    ctx: typer.Context,
    year_from: FromOption = None,
    year_to: ToOption = None,
    category: CategoryOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show the dated facts in order, grouped by year; exit 1 when none is in range.

    A date known only to the month or year comes after that month's or year's dated events.

    Example: laorus timeline --from 2020 --category visits
    """
    _check_filters(year_from, year_to)
    from laorus.search.timeline import by_year, events

    store = load_store(ctx)
    found = events(store, year_from=year_from, year_to=year_to, category=category)
    if as_json:
        print_json(
            [
                {
                    **_fact_record(e.fact),
                    "precision": e.precision,
                    "derived": e.fact.derived,
                    "commemorates": e.fact.commemorates,
                    "same_event_facts": [f.id for f in e.also],
                }
                for e in found
            ]
        )
    elif found:
        from laorus.cli.render_search import timeline_view

        out_console().print(timeline_view(by_year(found)))
    if not found:
        if not as_json:
            error_console().print("No dated facts match these options.", markup=False)
        raise typer.Exit(EXIT_NOT_FOUND)
