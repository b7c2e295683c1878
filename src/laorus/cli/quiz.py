"""`laorus quiz`: ask questions about the article, grade and record the answers."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from laorus.cli import params
from laorus.cli.chosen_store import load_for_quiz, load_store
from laorus.cli.help import LaorusCommand
from laorus.cli.options import CategoryOption, TagOption, modes
from laorus.cli.output import print_json, say
from laorus.errors import LaorusError

if TYPE_CHECKING:
    from laorus.cli.quiz_run import Recorder
    from laorus.quiz.history import Record
    from laorus.quiz.items import NoQuestions, QuizItem
    from laorus.store.model import Store

app = typer.Typer(add_completion=False)
_T = TypeVar("_T")


@app.command(cls=LaorusCommand)
def quiz(
    ctx: typer.Context,
    mode: Annotated[
        str,
        typer.Option(
            "--mode",
            "-m",
            parser=params.one_of(modes, "mode"),
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
            parser=params.whole_number(0, example="--seed 7"),
            metavar="S",
            help="Same seed, same questions in the same order.",
        ),
    ] = None,
    category: CategoryOption = None,
    tag: TagOption = None,
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

    In choice mode, answer with an option's letter, number or text, or as the key prints it;
    when the options are numbers, a number typed is the answer (use a letter to pick).

    Example: laorus quiz --mode choice --count 5 --seed 7
    """
    import datetime as dt
    import random

    from laorus.cli.quiz_run import Recorder, run, warn
    from laorus.quiz import history as history
    from laorus.quiz import items as questions
    from laorus.quiz.keys import question_texts

    # A large store's facts are read from its cache only as the quiz needs them.
    store, close = load_for_quiz(ctx)
    if tag is not None:
        params.check_tag(questions.all_tags(store), tag)
    now = dt.datetime.now(dt.UTC)
    path = history.history_path()
    recorder = Recorder(path, history.store_id(store.source))
    first: list[str] = []
    mine: tuple[history.Record, ...] = ()
    if review or not answer_key:
        loaded = history.load(path, now)
        if not loaded.writable:
            recorder.working = False
        if loaded.problem:
            unrecorded = not loaded.writable and not answer_key  # an answer key asks nothing
            warn(loaded.problem + ("; answers of this quiz are not recorded" if unrecorded else ""))
        if review:
            # The facts answered before (those the store still has), for their questions'
            # current wording: only answers to the questions as they stand now count (a
            # review of the store renumbers them).
            answered = sorted({record.fact_id for record in loaded.records})
            store, known = _on_whole(
                ctx, store, close, lambda s: questions.facts_named(s, answered)
            )
            ids = {fact.id for fact in known}
            texts = question_texts(known)
            mine = history.asked_now(history.for_store(loaded.records, recorder.store, ids), texts)
            first = [due.key for due in history.due(mine, now)]
            if not first:
                new = "the key lists new questions" if answer_key else "asking new questions"
                say(f"Nothing is due for review; {new}.")
    if seed is None:
        seed = random.SystemRandom().randrange(1, 1_000_000)
    selection = questions.Selection(category, tag)
    try:
        store, items = _on_whole(
            ctx,
            store,
            close,
            lambda chosen: questions.build(
                chosen, mode, count, random.Random(seed), selection, first
            ),
        )
    except questions.NoQuestions as exc:
        raise LaorusError(_no_questions(exc)) from None
    _notes(items, count, mode, first, answer_key)
    if answer_key:
        _print_answer_key(items, mode, seed, as_json, due=bool(first))
        return
    try:
        run(items, seed, as_json, recorder, store)
    finally:
        if review:
            _still_due(mine, recorder)


def _on_whole(
    ctx: typer.Context, store: Store, close: Callable[[], None], use: Callable[[Store], _T]
) -> tuple[Store, _T]:
    """``use(store)``, and the store used: when the store's cache file turns out damaged on the
    way, it is closed, and the whole store, parsed and cached again, is used instead."""
    from laorus.cache.reader import CacheError

    try:
        return store, use(store)
    except CacheError:
        close()
        whole = load_store(ctx, fresh=True)
        return whole, use(whole)


def _notes(
    items: list[QuizItem], count: int, mode: str, first: list[str], answer_key: bool
) -> None:
    """Say on stderr what the quiz (or its answer key) does not do as asked: fewer questions
    than --count, choice questions asked free; and how many due reviews come first."""
    reviewing = sum(1 for item in items if item.key in first)
    if reviewing:
        verb = "comes" if reviewing == 1 else "come"
        say(f"{_questions(reviewing)} due for review {verb} first.")
    if len(items) < count:
        what = "listing" if answer_key else "asking"
        say(
            f"Only {_questions(len(items))} could be drawn for this quiz (one per fact, none"
            f" giving another's answer away; another seed may draw more); {what} all of them."
        )
    if unoffered := sum(1 for item in items if mode == "choice" and item.mode == "free"):
        verb = "is" if unoffered == 1 else "are"
        has = "has" if unoffered == 1 else "have"
        say(f"{_questions(unoffered)} {has} too few plausible options and {verb} asked free.")


def _questions(count: int) -> str:
    """'1 question', '2 questions'."""
    return f"{count} question{'' if count == 1 else 's'}"


def _still_due(before: tuple[Record, ...], recorder: Recorder) -> None:
    """Say how many questions are still due for review once this session's answers count."""
    import datetime as dt

    from laorus.quiz.history import due

    left = len(due((*before, *recorder.written), dt.datetime.now(dt.UTC)))
    if not left:
        say("Nothing is due for review any more.")
        return
    verb = "is" if left == 1 else "are"
    say(f"{_questions(left)} {verb} still due for review ('laorus quiz --review' asks them).")


def _no_questions(exc: NoQuestions) -> str:
    """Why nothing can be asked, in terms of the options given."""
    selection = exc.selection
    parts = [f"--category {selection.category}"] if selection.category else []
    if selection.tag:
        parts.append(f"--tag {selection.tag!r}")
    where = f" with {' '.join(parts)}" if parts else " in this store"
    what = "cloze sentences" if exc.mode == "cloze" else "questions"
    return f"no {what}{where}; loosen the filters or try another --mode"


def _print_answer_key(
    items: list[QuizItem], mode: str, seed: int, as_json: bool, *, due: bool = False
) -> None:
    from laorus.quiz.scoring import answer_key

    if as_json:
        print_json(answer_key(items))
        return
    from laorus.cli.render_quiz import answer_key_markdown

    # Due reviews keep the mode they were answered in; the new questions after them are in mode.
    what = f"due reviews first, then mode {mode}" if due else f"mode {mode}"
    heading = f"laorus quiz: answer key ({what}, seed {seed})"
    sys.stdout.write(answer_key_markdown(items, heading))
