"""`laorus show`: one fact in full, with the paragraph of the article it comes from."""

from __future__ import annotations

from typing import Annotated

import typer

from laorus.cli.chosen_store import load_store
from laorus.cli.output import out_console, print_json, print_out
from laorus.cli.records import show_record

app = typer.Typer(add_completion=False)


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
        print_json(show_record(store, fact, store.source.text[start:end]))
        return
    from laorus.cli.render_search import fact_view

    out = out_console()
    print_out(fact_view(store, fact, out), console=out)
