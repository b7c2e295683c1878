"""`laorus show`: one fact in full, with the paragraph of the article it comes from."""

from __future__ import annotations

from typing import Annotated

import typer

from laorus.cli.chosen_store import load_store, store_path
from laorus.cli.exits import usage_error
from laorus.cli.help import LaorusCommand
from laorus.cli.output import out_console, print_json, print_out, say
from laorus.cli.records import show_record

app = typer.Typer(add_completion=False)

MAX_LISTED = 20
"""How many of the facts that words name are listed when they name several."""


@app.command("show", cls=LaorusCommand)
def show_command(
    ctx: typer.Context,
    typed: Annotated[
        list[str],
        typer.Argument(
            metavar="ID...",
            help="The fact's id, as search shows it, in any case; or words of its id, statement"
            " or tags that name one fact.",
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON object.")] = False,
) -> None:
    """Show one fact in full, with the paragraph of the article it comes from.

    The id may be typed in any case, or as a few words of the fact's id, statement or tags
    ("gift elephants"): when one fact has them all it is shown, when several, they are listed
    (exit 1).

    Example: laorus show lao-pdr-proclaimed
    """
    from laorus.errors import LaorusError

    fact_id = " ".join(typed).strip()
    if not fact_id:
        msg = "the id is empty; give a fact's id, e.g. lao-pdr-proclaimed"
        raise usage_error(msg, "ID")
    from laorus.cache.policy import load_part, with_index
    from laorus.cli.progress import progress_bar
    from laorus.search.named import ids_named

    with progress_bar() as progress:
        named = with_index(
            store_path(ctx), lambda index: ids_named(index, fact_id), progress=progress
        )
        if len(named) > 1:
            shown = ", ".join(named[:MAX_LISTED])
            more = f" and {len(named) - MAX_LISTED} more" if len(named) > MAX_LISTED else ""
            msg = f"{len(named)} facts have the words {fact_id!r}: {shown}{more}; give one id"
            raise LaorusError(msg)
        store = load_part(store_path(ctx), lambda _ids: named, progress=progress)
    fact = store.get(named[0]) if named else None
    if fact is None:
        from laorus.search.rank import nearest_ids

        near = nearest_ids(load_store(ctx), fact_id)
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        msg = f"no fact has the id {fact_id!r}{hint} ('laorus search' lists every id)"
        raise LaorusError(msg)
    if fact.id != fact_id:
        say(f"Showing {fact.id}.")
    if as_json:
        from laorus.text.sentences import paragraph_around

        start, end = paragraph_around(store.source.text, fact.quote_start)
        print_json(show_record(store, fact, store.source.text[start:end]))
        return
    from laorus.cli.render_search import fact_view

    out = out_console()
    print_out(fact_view(store, fact, out), console=out)
