"""`laorus export anki` and `laorus export csv`: the quiz's questions for Anki and spreadsheets."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from laorus.cli import params
from laorus.cli.chosen_store import load_store
from laorus.cli.exits import usage_error
from laorus.cli.help import LaorusCommand, LaorusHelpGroup
from laorus.cli.options import CategoryOption, TagOption, modes
from laorus.cli.output import error_console
from laorus.cli.targets import store_output

if TYPE_CHECKING:
    from laorus.export.cards import Card
    from laorus.store.model import Store

app = typer.Typer(
    name="export",
    cls=LaorusHelpGroup,
    help=(
        "Write the quiz's questions to an Anki deck or a CSV table, with the article's evidence."
        "\n\nExample: laorus export anki lavrov-laos.apkg --mode mixed"
    ),
    no_args_is_help=True,
    add_completion=False,
)


ModeOption = Annotated[
    str,
    typer.Option(
        "--mode",
        "-m",
        parser=params.one_of(modes, "mode"),
        metavar="MODE",
        help="free (type-in), choice (with options), cloze (every blank) or mixed (free + cloze).",
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", "-f", help="Replace the file if it exists.")]


def _cards(
    ctx: typer.Context, mode: str, category: str | None, tag: str | None
) -> tuple[Store, list[Card]]:
    from laorus.export.cards import cards
    from laorus.quiz.items import Selection, all_tags

    store = load_store(ctx)
    if tag is not None:
        params.check_tag(all_tags(store), tag)
    return store, cards(store, mode, Selection(category, tag))


def _write(target: Path, data: bytes) -> None:
    from laorus.files import write_file

    write_file(target, data)  # an existing file was refused before the export was made


def _done(count: int, what: str, target: Path | str) -> None:
    plural = "" if count == 1 else "s"
    error_console().print(f"Wrote {count} {what}{plural} to {target}.", markup=False)


@app.command("anki", cls=LaorusCommand)
def anki_command(
    ctx: typer.Context,
    path: Annotated[str, typer.Argument(metavar="DECK.apkg", help="The Anki package to write.")],
    mode: ModeOption = "free",
    category: CategoryOption = None,
    tag: TagOption = None,
    force: ForceOption = False,
) -> None:
    """Write the questions as an Anki deck named after the article; import it with File > Import.

    Free questions become type-in cards, choice questions show their options on the front.

    Cloze blanks become Anki Cloze notes, one note per blank.

    The back shows the answer, its accepted forms, the article's sentence, the date, the fact id.

    Importing a newer export updates the cards it imported before and keeps their history.

    Example: laorus export anki lavrov-laos.apkg --mode mixed --category history
    """
    if path.strip() == "-":
        msg = "an Anki package cannot go to standard output; give a file name, e.g. deck.apkg"
        raise usage_error(msg, "'DECK.apkg'")
    if path.strip() and Path(path).suffix.casefold() != ".apkg":
        msg = f"{path!r} does not end in .apkg, which Anki needs to import it, e.g. deck.apkg"
        raise usage_error(msg, "'DECK.apkg'")
    target = store_output(ctx, path, "'DECK.apkg'", "deck.apkg", force)
    from laorus.export.anki import anki_package

    store, cards = _cards(ctx, mode, category, tag)
    _write(target, anki_package(store.source, cards))
    _done(len(cards), "note", target)


@app.command("csv", cls=LaorusCommand)
def csv_command(
    ctx: typer.Context,
    path: Annotated[
        str,
        typer.Argument(metavar="FILE.csv", help="The CSV file to write; - for standard output."),
    ],
    mode: ModeOption = "free",
    category: CategoryOption = None,
    tag: TagOption = None,
    force: ForceOption = False,
) -> None:
    """Write the questions as CSV (UTF-8, a header row) for a spreadsheet, Quizlet or Anki.

    Columns: question, answer, accepted forms, choices, evidence, category, tags, fact id.

    Accepted forms and choices are separated by ' | ' within a cell, tags by spaces.

    Example: laorus export csv questions.csv --tag nuclear
    """
    from laorus.export.csv import csv_text

    to_stdout = path.strip() == "-"
    target = None if to_stdout else store_output(ctx, path, "'FILE.csv'", "questions.csv", force)
    store, cards = _cards(ctx, mode, category, tag)
    text = csv_text(cards)
    if target is None:
        sys.stdout.write(text)
        return
    _write(target, text.encode("utf-8"))
    _done(len(cards), "row", target)
