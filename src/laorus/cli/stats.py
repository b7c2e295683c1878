"""`laorus stats`: your progress on the store in use, from the quiz's history (or clear it)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from laorus.cli.chosen_store import load_head
from laorus.cli.exits import EXIT_INTERRUPTED, usage_error
from laorus.cli.help import LaorusCommand
from laorus.cli.output import print_json, print_out, say

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from laorus.quiz.history import Loaded, Stats
    from laorus.store.model import Source

app = typer.Typer(add_completion=False)


@app.command(cls=LaorusCommand)
def stats(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    reset: Annotated[
        bool,
        typer.Option("--reset", help="Clear this store's answers (other stores' are kept)."),
    ] = False,
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="With --reset: clear without asking.")
    ] = False,
) -> None:
    """Show your progress on this fact store: accuracy, the questions you miss most, what is due.

    Only answers given to the store in use count (see --facts).

    --reset clears them, after asking (--yes in a script); other stores' answers are kept.

    Example: laorus stats
    """
    import datetime as dt

    from laorus.cli.quiz_run import interactive, warn
    from laorus.quiz import history as history

    if yes and not reset:
        msg = "--yes only goes with --reset: 'laorus stats --reset --yes'"
        raise usage_error(msg, "--yes")
    if reset and as_json:
        msg = "--reset prints no figures; leave out --json"
        raise usage_error(msg, "--json")
    if reset and not yes and not interactive():
        msg = "--reset asks before clearing and stdin is not a terminal; add --yes to clear"
        raise usage_error(msg, "--reset")
    now = dt.datetime.now(dt.UTC)
    path = history.history_path()
    loaded = history.load(path, now)
    if loaded.problem:
        warn(loaded.problem)
    # The facts answered, decoded for their questions' current texts (a large store's cache
    # decodes those only).
    answered = {record.fact_id for record in loaded.records}
    store, ids = load_head(ctx, answered)
    source = store.source
    if reset:
        _reset(source, ids, path, loaded, ask=not yes)
        return
    from laorus.quiz.keys import question_texts

    identity = history.store_id(source)
    mine = history.for_store(loaded.records, identity, set(ids))
    figures = history.stats(mine, now, question_texts(store.facts))
    if as_json:
        day = source.published.isoformat() if source.published is not None else None
        about = {"id": identity, "title": source.title, "author": source.author, "published": day}
        print_json({**_stats_json(figures), "store": about})
        return
    if not figures.overall.answered:
        message = f"No answers yet for this store ({source.title}); run 'laorus quiz' to start."
        say(message)
        return
    from laorus.cli.output import out_console
    from laorus.cli.render_quiz import stats_view

    console = out_console()
    print_out(stats_view(figures, f"Store: {source.title}", console.width), console=console)


def _reset(
    source: Source, fact_ids: Sequence[str], path: Path, loaded: Loaded, *, ask: bool
) -> None:
    """Clear the store's answers from the history, after asking when ``ask``; keep the rest."""
    from laorus.quiz import history as history

    identity = history.store_id(source)
    ids = set(fact_ids)
    mine = history.for_store(loaded.records, identity, ids)
    if not mine:
        say(f"No answers for this store ({source.title}); nothing to clear.")
        return
    answers = f"{len(mine)} answer{'' if len(mine) == 1 else 's'}"
    if ask:
        question = f"Clear {answers} given to this store ({source.title})?"
        try:
            agreed = _confirm(question)
        except EOFError:
            # The end of input answers no, as it ends a quiz: a normal end.
            say("\nEnd of input: nothing cleared.")
            return
        except KeyboardInterrupt:
            say("\nNothing cleared.")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        if not agreed:
            say("Nothing cleared.")
            return
    others = history.not_for_store(loaded.records, identity, ids)
    history.rewrite(path, others)
    kept = f"; kept {len(others)} given to other stores" if others else ""
    say(f"Cleared {answers} given to this store{kept}.")


def _confirm(question: str) -> bool:
    """Ask ``question`` on stderr, wrapped between words, until y(es) or n(o); Enter is no.

    Raises EOFError at the end of input and KeyboardInterrupt on Ctrl-C (typer.confirm turns
    both into one Abort, and prints the question on one line that a terminal splits anywhere).
    """
    from rich.console import Console

    from laorus.cli.quiz_run import read_answer

    console = Console(stderr=True, highlight=False)
    while True:
        console.print(f"{question} [y/N]: ", end="", markup=False)
        reply = read_answer().strip().casefold()
        if reply in ("y", "yes"):
            return True
        if reply in ("", "n", "no"):
            return False
        say("Please answer y or n.")


def _stats_json(figures: Stats) -> dict[str, object]:
    overall = figures.overall
    return {
        "answered": overall.answered,
        "correct": overall.correct,
        "accuracy": round(overall.accuracy, 4),
        "questions": figures.questions,
        "due": figures.due,
        "by_category": [
            {
                "category": t.name,
                "answered": t.answered,
                "correct": t.correct,
                "accuracy": round(t.accuracy, 4),
            }
            for t in figures.categories
        ],
        "most_missed": [
            {"key": m.key, "question": m.question, "missed": m.missed, "answered": m.answered}
            for m in figures.missed
        ],
    }
