"""`laorus quiz` and `laorus stats`: ask questions about the article, record them, show progress."""

from __future__ import annotations

import contextlib
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from laorus.cli.app import (
    EXIT_INTERRUPTED,
    app,
    error_console,
    load_store,
    out_console,
    print_json,
    usage_error,
)

if TYPE_CHECKING:
    from pathlib import Path

    from laorus.cli.render_quiz import PlainView, RichView
    from laorus.history import Stats
    from laorus.model import Store
    from laorus.questions import QuizItem
    from laorus.session import Answer


class Mode(StrEnum):
    """How questions are asked."""

    free = "free"
    choice = "choice"
    cloze = "cloze"
    mixed = "mixed"


def read_answer(prompt: str = "") -> str:
    """One line of input: EOFError at the end of input, KeyboardInterrupt on Ctrl-C."""
    if sys.stdin.isatty():
        if prompt:
            # readline gives line editing, but only knows where the line starts (and moves to
            # a new one after an empty answer) when the prompt is passed to input() itself.
            with contextlib.suppress(ImportError):
                import readline  # noqa: F401
        return input(prompt)
    # Read bytes and decode leniently: one badly encoded line must not end the quiz.
    buffer = getattr(sys.stdin, "buffer", None)
    raw = buffer.readline() if buffer is not None else sys.stdin.readline()
    if not raw:
        raise EOFError
    line = raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else raw
    return line.rstrip("\r\n")


def warn(message: str) -> None:
    """A one-line warning on stderr."""
    error_console().print(f"Warning: {message}", style="yellow", markup=False)


class Recorder:
    """Appends each answer to the history; if that fails, warns once and carries on."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.working = True

    def record(self, answer: Answer) -> None:
        """Add one answer to the history."""
        import datetime as dt

        from laorus.history import HistoryError, Record, append

        if not self.working:
            return
        item = answer.item
        moment = dt.datetime.now(dt.UTC)
        record = Record(
            item.key, item.fact_id, item.category, item.mode, answer.correct,
            answer.skipped, moment, item.prompt, answer.given,
        )  # fmt: skip
        try:
            append(self.path, [record])
        except HistoryError as exc:
            self.working = False
            warn(f"{exc}; answers of this quiz are not recorded")


def _check_filters(store: Store, category: str | None, tag: str | None) -> None:
    import difflib

    from laorus.model import CATEGORIES
    from laorus.questions import all_tags

    if category is not None and category not in CATEGORIES:
        msg = f"unknown category {category!r}; use one of {', '.join(CATEGORIES)}"
        raise usage_error(msg, "'--category'")
    if tag is not None and tag.casefold() not in all_tags(store):
        close = difflib.get_close_matches(tag.casefold(), all_tags(store), n=3)
        hint = f"did you mean {', '.join(close)}?" if close else "run 'laorus search' for tags"
        msg = f"no fact has the tag {tag!r}; {hint}"
        raise usage_error(msg, "'--tag'")


@app.command()
def quiz(
    ctx: typer.Context,
    mode: Annotated[Mode, typer.Option("--mode", "-m", help="free, choice, cloze or mixed.")] = (
        Mode.free
    ),
    count: Annotated[
        int, typer.Option("--count", "-n", min=1, help="How many questions to ask.")
    ] = 10,
    seed: Annotated[
        int | None, typer.Option(help="Same seed, same questions in the same order.")
    ] = None,
    category: Annotated[str | None, typer.Option(help="Only facts of this category.")] = None,
    tag: Annotated[str | None, typer.Option(help="Only facts with this tag.")] = None,
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

    Answers are read one per line; an empty line skips a question, and Ctrl-C or end of
    input ends the quiz early with a summary. In choice mode answer with a letter, a number
    or the text.

    Example: laorus quiz --mode choice --count 5 --seed 7
    """
    import datetime as dt
    import random

    from laorus import history, questions

    store = load_store(ctx)
    _check_filters(store, category, tag)
    now = dt.datetime.now(dt.UTC)
    path = history.history_path()
    first: list[str] = []
    if review or not answer_key:
        loaded = history.load(path, now)
        if loaded.problem:
            warn(loaded.problem)
        if review:
            first = [due.key for due in history.due(loaded.records, now)]
            if not first:
                error_console().print("Nothing is due for review; asking new questions.")
    if seed is None:
        seed = random.SystemRandom().randrange(1, 1_000_000)
    selection = questions.Selection(category, tag)
    items = questions.build(store, mode.value, count, random.Random(seed), selection, first)
    if answer_key:
        _print_answer_key(items, mode.value, seed, as_json)
        return
    reviewing = sum(1 for item in items if item.key in first)
    if reviewing:
        error_console().print(f"{reviewing} questions due for review come first.")
    if len(items) < count:
        error_console().print(f"Only {len(items)} questions match; asking all of them.")
    _run(items, seed, as_json, path)


def _print_answer_key(items: list[QuizItem], mode: str, seed: int, as_json: bool) -> None:
    from laorus.session import answer_key

    if as_json:
        print_json(answer_key(items))
        return
    from laorus.cli.render_quiz import answer_key_markdown

    heading = f"laorus quiz: answer key (mode {mode}, seed {seed})"
    sys.stdout.write(answer_key_markdown(items, heading))


def _view(as_json: bool) -> RichView | PlainView:
    from rich.console import Console

    from laorus.cli.render_quiz import PlainView, RichView

    # With --json, stdout carries only the summary: questions and verdicts go to stderr.
    if sys.stdin.isatty():
        return RichView(Console(stderr=True, highlight=False) if as_json else out_console())
    return PlainView(sys.stderr if as_json else sys.stdout)


def _run(items: list[QuizItem], seed: int, as_json: bool, path: Path) -> None:
    from laorus.session import Summary, check

    view = _view(as_json)
    recorder = Recorder(path)
    answers: list[Answer] = []
    interrupted = ended = False
    plural = "s" if len(items) != 1 else ""
    view.note(f"{len(items)} question{plural}, seed {seed} (--seed {seed} asks them again)")
    try:
        for number, item in enumerate(items, 1):
            view.ask(item, number, len(items))
            given = read_answer(view.prompt(item))
            answer = check(item, given)
            answers.append(answer)
            recorder.record(answer)
            view.result(answer)
    except EOFError:
        ended = True
        view.note("\nEnd of input: the quiz ends here.")
    except KeyboardInterrupt:
        interrupted = True
        view.note("\nInterrupted: the quiz ends here.")
    summary = Summary(tuple(answers), len(items), ended or interrupted, seed)
    if as_json:
        print_json(summary.to_json())
    else:
        view.summary(summary)
    if interrupted:
        raise typer.Exit(EXIT_INTERRUPTED)


@app.command()
def stats(
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Show your progress: answers, accuracy overall and by category, and what is due.

    Example: laorus stats
    """
    import datetime as dt

    from laorus import history

    now = dt.datetime.now(dt.UTC)
    loaded = history.load(history.history_path(), now)
    if loaded.problem:
        warn(loaded.problem)
    figures = history.stats(loaded.records, now)
    if as_json:
        print_json(_stats_json(figures))
        return
    if not figures.overall.answered:
        error_console().print("No answers yet: run 'laorus quiz' to start.")
        return
    from laorus.cli.render_quiz import render_stats

    render_stats(out_console(), figures)


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
