"""Running a quiz: read answers (a terminal or a pipe), grade, record and show each one."""

from __future__ import annotations

import contextlib
import sys
from typing import TYPE_CHECKING

import typer

from laorus.cli.exits import EXIT_INTERRUPTED
from laorus.cli.output import error_console, out_console, print_json

if TYPE_CHECKING:
    from pathlib import Path

    from laorus.cli.render_quiz import PlainView, RichView
    from laorus.quiz.history import Record
    from laorus.quiz.items import QuizItem
    from laorus.quiz.scoring import Answer
    from laorus.store.model import Store


def interactive() -> bool:
    """True when a person types the answers at a terminal, not a script through a pipe."""
    return sys.stdin.isatty()


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

    def __init__(self, path: Path, store: str, working: bool = True) -> None:
        self.path = path
        self.store = store
        self.working = working
        self.written: list[Record] = []
        """The answers of this run that reached the history."""

    def record(self, answer: Answer) -> None:
        """Add one answer to the history."""
        import datetime as dt

        from laorus.quiz.history import HistoryError, Record, append

        if not self.working:
            return
        item = answer.item
        moment = dt.datetime.now(dt.UTC)
        record = Record(
            item.key, item.fact_id, item.category, item.mode, answer.correct,
            answer.skipped, moment, item.prompt, answer.given, self.store,
        )  # fmt: skip
        try:
            append(self.path, [record])
        except HistoryError as exc:
            self.working = False
            warn(f"{exc}; answers of this quiz are not recorded")
            return
        self.written.append(record)


def view_for(as_json: bool) -> RichView | PlainView:
    """Rich panels for a person at a terminal, plain lines for a script."""
    from rich.console import Console

    from laorus.cli.render_quiz import PlainView, RichView

    # With --json, stdout carries only the summary: questions and verdicts go to stderr.
    if interactive():
        return RichView(Console(stderr=True, highlight=False) if as_json else out_console())
    return PlainView(sys.stderr if as_json else sys.stdout)


def ask(view: RichView | PlainView, item: QuizItem, at_terminal: bool) -> str:
    """Read one answer; at a terminal, ask again for a letter or number the item has not, or
    a letter with another option's text."""
    from laorus.quiz.scoring import mismatch, no_option, not_an_option

    def unclear(given: str) -> str | None:
        if not_an_option(item, given):
            return no_option(item, given)
        return mismatch(item, given)

    given = read_answer(view.prompt(item))
    # In a pipe each line is one question's answer: asking again would shift the rest, so
    # there "e" is graded as typed (and the reason says there is no such option).
    while at_terminal and (reason := unclear(given)) is not None:
        view.note(f"{reason[0].upper()}{reason[1:]}.")
        given = read_answer(view.prompt(item))
    return given


def run(
    items: list[QuizItem], seed: int, as_json: bool, recorder: Recorder, store: Store | None = None
) -> None:
    """Ask the items one by one, grade and record each answer (with the store's names), sum up."""
    from laorus.quiz.scoring import Summary, check

    view = view_for(as_json)
    at_terminal = interactive()
    answers: list[Answer] = []
    interrupted = ended = False
    plural = "s" if len(items) != 1 else ""
    view.note(f"{len(items)} question{plural}, seed {seed} (--seed {seed} asks them again)")
    try:
        for number, item in enumerate(items, 1):
            view.ask(item, number, len(items))
            given = ask(view, item, at_terminal)
            answer = check(item, given, store)
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
