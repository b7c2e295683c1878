"""`laorus stats`: your progress on the store in use, from the quiz's history."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from laorus.cli.chosen_store import load_head
from laorus.cli.help import LaorusCommand
from laorus.cli.output import print_json, print_out, say

if TYPE_CHECKING:
    from laorus.quiz.history import Stats

app = typer.Typer(add_completion=False)


@app.command(cls=LaorusCommand)
def stats(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Show your progress on this fact store: answers, accuracy by category, what is due.

    Only answers given to the store in use count (see --facts).

    Example: laorus stats
    """
    import datetime as dt

    from laorus.cli.quiz_run import warn
    from laorus.quiz import history as history

    source, ids = load_head(ctx)
    now = dt.datetime.now(dt.UTC)
    loaded = history.load(history.history_path(), now)
    if loaded.problem:
        warn(loaded.problem)
    identity = history.store_id(source)
    mine = history.for_store(loaded.records, identity, set(ids))
    figures = history.stats(mine, now)
    if as_json:
        about = {"id": identity, "title": source.title, "author": source.author}
        about["published"] = source.published.isoformat()
        print_json({**_stats_json(figures), "store": about})
        return
    if not figures.overall.answered:
        message = f"No answers yet for this store ({source.title}); run 'laorus quiz' to start."
        say(message)
        return
    from laorus.cli.render_quiz import stats_view

    print_out(stats_view(figures, f"Store: {source.title}"))


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
    }
