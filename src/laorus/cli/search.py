"""`laorus search`: find the facts that match a few words, best first."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from laorus.cli import params
from laorus.cli.chosen_store import store_path
from laorus.cli.exits import usage_error
from laorus.cli.help import LaorusCommand
from laorus.cli.options import (
    CategoryOption,
    FromOption,
    JsonOption,
    TagOption,
    ToOption,
    YearOption,
    check_years,
)
from laorus.cli.output import out_console, print_json, say
from laorus.cli.records import fact_record
from laorus.errors import NothingFound

if TYPE_CHECKING:
    from laorus.search.index import Index
    from laorus.search.rank import Hit
    from laorus.store.model import Fact

app = typer.Typer(add_completion=False)


@app.command("search", cls=LaorusCommand)
def search_command(
    ctx: typer.Context,
    query: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[QUERY]...",
            help="Words to look for, in any order; typos are forgiven. Without them, list the"
            " facts the filters allow (all facts without filters) in the store's order.",
            show_default=False,
        ),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit",
            "-n",
            parser=params.whole_number(1, example="--limit 5"),
            metavar="N",
            help="Show at most N facts (default: 10 for a query, all when listing).",
            show_default=False,
        ),
    ] = None,
    quotes: Annotated[
        bool, typer.Option("--quotes", "-q", help="Show the article's words beneath each fact.")
    ] = False,
    category: CategoryOption = None,
    tag: TagOption = None,
    year_from: FromOption = None,
    year_to: ToOption = None,
    year: YearOption = None,
    as_json: JsonOption = False,
) -> None:
    """Find the facts that match QUERY, best first; exit 1 when none does.

    Words may be misspelt and in any order; a fact's id finds that fact. With no QUERY, list
    the facts in the store's order: those the filters allow, or every fact.

    Example: laorus search nuclear power plant
    """
    check_years(year_from, year_to, year)
    if query is None:
        _list_facts(
            ctx,
            limit=limit,
            quotes=quotes,
            category=category,
            tag=tag,
            year_from=year_from,
            year_to=year_to,
            as_json=as_json,
        )
        return
    text = " ".join(query)
    if not text.strip():
        msg = "the query is empty; give a word or two, e.g. 'elephants'"
        raise usage_error(msg, "QUERY")
    from laorus.search.query import MAX_QUERY_WORDS, Query
    from laorus.text.words import words

    parsed = Query.parse(text)
    if not parsed.terms and not parsed.truncated and not parsed.phrase and not words(text):
        msg = f"{text!r} has no words to search for; give a word or two"
        raise usage_error(msg, "QUERY")

    def find(index: Index) -> tuple[list[Hit], list[str], list[str]]:
        from laorus.search.rank import search, suggest, unknown_words

        if tag is not None:
            params.check_tag(index.tags(), tag)
        found = search(
            index,
            parsed,
            limit=limit or DEFAULT_LIMIT,
            category=category,
            tag=tag,
            year_from=year_from,
            year_to=year_to,
        )
        if found or as_json:
            return found, [], []
        return found, suggest(index, parsed), unknown_words(index, parsed)

    from laorus.cache.policy import with_index
    from laorus.cli.progress import progress_bar

    with progress_bar() as progress:
        hits, suggestions, unknown = with_index(store_path(ctx), find, progress=progress)
    if parsed.truncated:
        say(f"Note: only the first {MAX_QUERY_WORDS} different words of the query were used.")
    if as_json:
        print_json([{**fact_record(h.fact), "score": h.score} for h in hits])
    elif hits:
        _print_hits(hits, quotes=quotes)
    if not hits:
        if as_json:
            raise NothingFound
        filtered = category or tag or year_from is not None or year_to is not None
        raise NothingFound(
            _nothing_message(
                text,
                suggestions,
                unknown if len(unknown) < len(parsed.terms) else [],
                filtered=bool(filtered),
            )
        )


DEFAULT_LIMIT = 10
"""How many facts a query shows when --limit is not given."""


def _list_facts(
    ctx: typer.Context,
    *,
    limit: int | None,
    quotes: bool,
    category: str | None,
    tag: str | None,
    year_from: int | None,
    year_to: int | None,
    as_json: bool,
) -> None:
    """List the facts the filters allow (every fact without filters), in the store's order."""

    def find(index: Index) -> list[Fact]:
        from laorus.search.browse import browse

        if tag is not None:
            params.check_tag(index.tags(), tag)
        return browse(
            index,
            limit=limit,
            category=category,
            tag=tag,
            year_from=year_from,
            year_to=year_to,
        )

    from laorus.cache.policy import with_index
    from laorus.cli.progress import progress_bar

    with progress_bar() as progress:
        facts = with_index(store_path(ctx), find, progress=progress)
    if as_json:
        print_json([fact_record(fact) for fact in facts])
    elif facts:
        _print_list(facts, quotes=quotes)
    if not facts:
        raise NothingFound(
            "" if as_json else "No fact passes these filters; try without one of them."
        )


def _print_list(facts: list[Fact], *, quotes: bool) -> None:
    """The facts as a table without scores: on a terminal through a pager when long."""
    import sys

    from laorus.cli.progress import is_terminal
    from laorus.search.rank import Hit

    hits = [Hit(fact, 0.0, frozenset()) for fact in facts]
    if not is_terminal(sys.stdout):
        from laorus.cli.plain_table import search_table as plain_search_table

        sys.stdout.write(plain_search_table(hits, quotes=quotes, scores=False))
        return
    from laorus.cli.output import print_paged
    from laorus.cli.render_search import search_table

    out = out_console()
    print_paged(search_table(hits, quotes=quotes, scores=False, width=out.width), console=out)


def _print_hits(hits: list[Hit], *, quotes: bool) -> None:
    """The hits as a Rich table on a terminal, else in the plain format (without Rich)."""
    import sys

    from laorus.cli.progress import is_terminal

    if not is_terminal(sys.stdout):
        from laorus.cli.plain_table import search_table as plain_search_table

        sys.stdout.write(plain_search_table(hits, quotes=quotes))
        return
    from laorus.cli.render_search import search_table

    out = out_console()
    out.print(search_table(hits, quotes=quotes, width=out.width))


def _nothing_message(
    text: str, suggestions: list[str], unknown: list[str], *, filtered: bool
) -> str:
    """Why no fact matched, and what to try instead (a query of common words only never gets
    here: the core refuses it with its own message).

    ``unknown``: words no fact has, when others of the query are found, so leaving them out
    may find something.
    """
    shown = text if len(text) <= 60 else f"{text[:57]}..."
    message = f"No fact matches {shown!r}"
    if filtered:
        message += " with these filters (try without --category, --tag, --from or --to)"
    message += "."
    if suggestions:
        message += f" Did you mean: {', '.join(suggestions)}?"
    elif unknown:
        listed = ", ".join(repr(word) for word in unknown)
        if len(unknown) == 1:
            message += f" No fact has the word {listed}; try without it."
        else:
            message += f" No fact has the words {listed}; try without them."
    else:
        message += " Try other or fewer words."
    return message
