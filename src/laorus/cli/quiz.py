"""`laorus quiz` and `laorus stats`: ask questions about the article, record them, show progress."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from laorus.cli import params
from laorus.cli.app import (
    app,
    error_console,
    load_store,
    out_console,
    print_json,
)

if TYPE_CHECKING:
    from laorus.quiz.history import Stats
    from laorus.quiz.items import QuizItem


def _modes() -> tuple[str, ...]:
    from laorus.store.model import MODES

    return MODES


@app.command()
def quiz(
    ctx: typer.Context,
    mode: Annotated[
        str,
        typer.Option(
            "--mode",
            "-m",
            parser=params.one_of(_modes, "mode"),
            metavar="MODE",
            help="free, choice, cloze or mixed.",
        ),
    ] = "free",
    count: Annotated[
        int,
        typer.Option(
            "--count",
            "-n",
            parser=params.whole_number(1, example="--count 10"),
            metavar="N",
            help="How many questions to ask.",
        ),
    ] = 10,
    seed: Annotated[
        int | None,
        typer.Option(
            parser=params.whole_number(example="--seed 7"),
            metavar="S",
            help="Same seed, same questions in the same order.",
        ),
    ] = None,
    category: Annotated[
        str | None,
        typer.Option(
            metavar="NAME",
            parser=params.category,
            help="Only facts of this category, e.g. history.",
        ),
    ] = None,
    tag: Annotated[
        str | None, typer.Option(metavar="TAG", help="Only facts with this tag, e.g. nuclear.")
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print only a JSON summary on stdout.")
    ] = False,
    answer_key: Annotated[
        bool, typer.Option("--answer-key", help="Print the questions and answers; ask nothing.")
    ] = False,
    review: Annotated[
        bool, typer.Option("--review", help="Ask first what is due for review.")
    ] = False,
) -> None:
    """Quiz yourself on the article: each answer is graded, explained and recorded.

    Type one answer per line; an empty line skips the question.

    Ctrl-C or the end of input ends the quiz early, with a summary of what you answered.

    In choice mode, answer with the letter, the number or the text of an option.

    Example: laorus quiz --mode choice --count 5 --seed 7
    """
    import datetime as dt
    import random

    from laorus.cli.quiz_run import Recorder, run, warn
    from laorus.quiz import history as history
    from laorus.quiz import items as questions

    store = load_store(ctx)
    if tag is not None:
        params.check_tag(questions.all_tags(store), tag)
    now = dt.datetime.now(dt.UTC)
    path = history.history_path()
    recorder = Recorder(path, history.store_id(store.source))
    first: list[str] = []
    if review or not answer_key:
        loaded = history.load(path, now)
        if not loaded.writable:
            recorder.working = False
        if loaded.problem:
            unrecorded = "" if loaded.writable else "; answers of this quiz are not recorded"
            warn(loaded.problem + unrecorded)
        if review:
            ids = {fact.id for fact in store.facts}
            mine = history.for_store(loaded.records, recorder.store, ids)
            first = [due.key for due in history.due(mine, now)]
            if not first:
                error_console().print("Nothing is due for review; asking new questions.")
    if seed is None:
        seed = random.SystemRandom().randrange(1, 1_000_000)
    selection = questions.Selection(category, tag)
    items = questions.build(store, mode, count, random.Random(seed), selection, first)
    if answer_key:
        _print_answer_key(items, mode, seed, as_json)
        return
    reviewing = sum(1 for item in items if item.key in first)
    if reviewing:
        error_console().print(f"{reviewing} questions due for review come first.")
    if len(items) < count:
        error_console().print(f"Only {len(items)} questions match; asking all of them.")
    run(items, seed, as_json, recorder, store)


def _print_answer_key(items: list[QuizItem], mode: str, seed: int, as_json: bool) -> None:
    from laorus.quiz.scoring import answer_key

    if as_json:
        print_json(answer_key(items))
        return
    from laorus.cli.render_quiz import answer_key_markdown

    heading = f"laorus quiz: answer key (mode {mode}, seed {seed})"
    sys.stdout.write(answer_key_markdown(items, heading))


@app.command()
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

    store = load_store(ctx)
    source = store.source
    now = dt.datetime.now(dt.UTC)
    loaded = history.load(history.history_path(), now)
    if loaded.problem:
        warn(loaded.problem)
    identity = history.store_id(source)
    mine = history.for_store(loaded.records, identity, {fact.id for fact in store.facts})
    figures = history.stats(mine, now)
    if as_json:
        about = {"id": identity, "title": source.title, "author": source.author}
        about["published"] = source.published.isoformat()
        print_json({**_stats_json(figures), "store": about})
        return
    if not figures.overall.answered:
        message = f"No answers yet for this store ({source.title}); run 'laorus quiz' to start."
        error_console().print(message, markup=False)
        return
    from laorus.cli.render_quiz import render_stats

    heading = f"Store: {source.title}"
    render_stats(out_console(), figures, heading)


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
