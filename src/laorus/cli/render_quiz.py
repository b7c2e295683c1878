"""How the quiz looks: Rich panels on a terminal, plain lines in a pipe, the answer key, stats."""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING, TextIO

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from laorus.cli.output import percent
from laorus.quiz.cloze import BLANK
from laorus.store.model import LETTERS

if TYPE_CHECKING:
    from laorus.quiz.history import Stats
    from laorus.quiz.items import QuizItem
    from laorus.quiz.scoring import Answer, Summary


def _choices(item: QuizItem) -> list[str]:
    return [f"{LETTERS[i]}) {choice}" for i, choice in enumerate(item.choices)]


def prompt_hint(item: QuizItem) -> str:
    """What the answer line says: letters, numbers or text for options; letters alone when a
    number typed is an answer (the options are numbers)."""
    if item.choices:
        from laorus.quiz.scoring import numbers_answer

        last = LETTERS[len(item.choices) - 1]
        # When the options are numbers, a number typed is an answer: letters pick options.
        if numbers_answer(item):
            return f"Your answer (a-{last}, or type the answer): "
        return f"Your answer (a-{last}, 1-{len(item.choices)} or the text): "
    return "Your answer: "


def _mark(answer: Answer) -> tuple[str, str, str]:
    """(symbol, word, style) for the verdict."""
    if answer.skipped:
        return "–", "Skipped", "yellow"
    if answer.correct:
        return "✓", "Right", "bold green"
    return "✗", "Wrong", "bold red"


def given_text(answer: Answer) -> str:
    """What was typed, with the option a letter or number picked: 'b (their own destiny)'."""
    if _picked_by_label(answer):
        return f"{answer.given} ({answer.meant})"
    return answer.given


def _picked_by_label(answer: Answer) -> bool:
    """True when a letter or number picked the option ("b"), not its text ("b) Kazan")."""
    meant, given = answer.meant.casefold(), answer.given.casefold()
    return bool(answer.item.choices and meant and meant not in given)


def verdict_reason(answer: Answer) -> str | None:
    """The grader's reason, unless it only repeats the verdict ("correct", "wrong answer")."""
    if answer.skipped or answer.reason in ("correct", "wrong answer"):
        return None
    return answer.reason


def verdict_line(answer: Answer) -> str:
    """'✓ Right. Answer: X', '✗ Wrong (that is Y, not X). Answer: X': one line per verdict."""
    symbol, word, _ = _mark(answer)
    reason = verdict_reason(answer)
    because = f" ({reason})" if reason else ""
    return f"{symbol} {word}{because}. Answer: {answer.item.answer}"


def derived_line(item: QuizItem) -> str | None:
    """How an answer the article does not write follows from it, or None."""
    if not item.derived:
        return None
    return f"Derived — {item.answer}: {item.derived}"


_CLOZE_PREFIX = re.compile(r"Fill in the blank \([^)]*\):\s*")
_AROUND_BLANK = 3
"""Words shown on each side of a cloze's blank in the summary."""
_QUESTION_WORDS = 9
"""Words of a question shown in the summary before it is cut with '…'."""


def short_question(prompt: str) -> str:
    """A question for the summary: its first words, or a cloze's blank with a few words around.

    "Attempts to draw which country into NATO must be stopped, according to Lavrov?" becomes
    "Attempts to draw which country into NATO must be…"; a cloze sentence becomes
    "…took place - on _____ in Moscow and…".
    """
    text = _CLOZE_PREFIX.sub("", prompt, count=1).strip()
    if BLANK in text:
        before, after = text.split(BLANK, 1)
        starts = [m.start() for m in re.finditer(r"\S+", before)]
        ends = [m.end() for m in re.finditer(r"\S+", after)]
        left = before[starts[-_AROUND_BLANK] :] if len(starts) > _AROUND_BLANK else before
        right = after[: ends[_AROUND_BLANK - 1]] if len(ends) > _AROUND_BLANK else after
        lead = "…" if len(starts) > _AROUND_BLANK else ""
        tail = "…" if len(ends) > _AROUND_BLANK else ""
        return f"{lead}{left}{BLANK}{right}{tail}".strip()
    words = text.split()
    if len(words) <= _QUESTION_WORDS:
        return text
    return " ".join(words[:_QUESTION_WORDS]).rstrip(",;:") + "…"


def fit_words(text: str, width: int) -> str:
    """``text`` if it fits in ``width`` cells, else cut after its last whole word that fits,
    with '…' ("…container shipping be…" would read as a word of its own).

    A first word too long for the width is cut within it, as nothing else would fit.
    """
    from rich.cells import cell_len

    if cell_len(text) <= width:
        return text
    kept = ""
    for word in text.split():
        longer = f"{kept} {word}" if kept else word
        if cell_len(longer.rstrip(",;:—-…") + "…") > width:
            break
        kept = longer
    kept = kept.rstrip(" ,;:—-…")
    if not kept:
        cut = ""
        for char in text:
            if cell_len(cut + char + "…") > width:
                break
            cut += char
        kept = cut
    return kept + "…"


class OneLine:
    """A line of text that Rich shortens to the width it is given at a word boundary, with
    '…' (Rich's own ellipsis overflow cuts within a word)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        """As wide as the whole line; as narrow as one cell and the ellipsis."""
        from rich.cells import cell_len

        whole = cell_len(self.text)
        return Measurement(min(whole, 2), whole)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """The line, shortened to ``options.max_width``."""
        yield Text(fit_words(self.text, options.max_width), no_wrap=True, overflow="crop")


def score_line(summary: Summary) -> str:
    """'Score: 2/3 (67%)', with how many were skipped and whether the quiz ended early."""
    line = f"Score: {summary.correct}/{summary.total} ({percent(summary.score)})"
    if summary.skipped:
        line += f", {summary.skipped} skipped"
    if summary.ended_early:
        line += f"; ended early after {summary.total} of {summary.planned} questions"
    return line


class RichView:
    """The quiz on a terminal: a panel per question, coloured verdicts, a summary table."""

    def __init__(self, console: Console) -> None:
        self.console = console

    def ask(self, item: QuizItem, number: int, total: int) -> None:
        """Show the question in a panel titled with the progress."""
        body: list[RenderableType] = [Text(item.prompt, style="bold")]
        if item.choices:
            # A long option wraps under its own text, not under its letter.
            options = Table.grid(padding=(0, 1))
            options.add_column(no_wrap=True)
            options.add_column()
            for letter, choice in zip(LETTERS, item.choices, strict=False):
                options.add_row(f"{letter})", Text(choice))
            body.append(options)
        title = f"[bold]{number}/{total}[/]"
        subtitle = f"{item.category} · {item.mode}"
        self.console.print()
        self.console.print(Panel(Group(*body), title=title, subtitle=subtitle, expand=True))

    def prompt(self, item: QuizItem) -> str:
        """The prompt for input() when it may write to stdout, else print it here and say ''."""
        hint = prompt_hint(item)
        if self.console.file is sys.stdout and sys.stdout.isatty():
            return hint
        self.console.print(hint, style="cyan", end="", markup=False)
        return ""

    def result(self, answer: Answer) -> None:
        """One verdict line (✓ or ✗, its reason, the answer), how a derived answer follows,
        and the article's sentence."""
        symbol, word, style = _mark(answer)
        line = Text.assemble((f"{symbol} {word}", style))
        reason = verdict_reason(answer)
        if reason:
            line.append(f" ({reason})", style="italic")
        line.append(". ")
        line.append("Answer: ", style="bold")
        line.append(answer.item.answer)
        self.console.print(line)
        derived = derived_line(answer.item)
        if derived:
            self.console.print(Text(derived, style="italic"))
        self.console.print(self._context(answer.item))

    def _context(self, item: QuizItem) -> Text:
        text = Text("“" + item.context + "”", style="dim")
        if item.highlight is not None:
            start, end = item.highlight
            text.stylize("bold reverse", start + 1, end + 1)
        return text

    def summary(self, summary: Summary) -> None:
        """A compact table (each question on one line, your answer and, when it was not
        right, the right one, wrapped but never cut), then the score."""
        if summary.answers:
            self.console.print()
            self.console.print(summary_table(summary, self.console.width))
        style = "bold green" if summary.total and summary.score >= 0.5 else "bold"
        self.console.print(score_line(summary), style=style, markup=False)

    def note(self, message: str) -> None:
        """A remark such as the seed or 'ended early'."""
        self.console.print(message, style="dim", markup=False)


NARROW = 70
"""Below this many columns the summary puts each answer under its question, not beside it."""


def summary_table(summary: Summary, width: int) -> Table:
    """The answers of a run: number, question (one line, cut with '…' to fit), what was given
    and, under a wrong or skipped one, the right answer; answers wrap, never cut.

    On a console narrower than NARROW the answer goes under the question, so that both have
    the whole width.
    """
    narrow = width < NARROW
    table = Table(title="Your answers", expand=True, box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("#", justify="right", no_wrap=True)
    if narrow:
        table.add_column("Question and your answer", overflow="fold")
    else:
        table.add_column("Question", no_wrap=True, overflow="ellipsis", ratio=1)
        table.add_column("Your answer", overflow="fold", ratio=1)
    for number, answer in enumerate(summary.answers, 1):
        symbol, _, style = _mark(answer)
        given = Text.assemble((symbol, style), " ", given_text(answer) or "skipped")
        if not answer.correct:
            given.append("\nright: ", style="dim")
            given.append(answer.item.answer, style="bold")
        question = OneLine(short_question(answer.item.prompt))
        if narrow:
            table.add_row(str(number), Group(question, given))
        else:
            table.add_row(str(number), question, given)
    return table


class PlainView:
    """The quiz for scripts: plain lines, no panels and no colour."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def _say(self, line: str = "") -> None:
        self.stream.write(line.rstrip(" ") + "\n")
        self.stream.flush()

    def ask(self, item: QuizItem, number: int, total: int) -> None:
        """The progress, the question and its options, one per line."""
        self._say(f"Question {number}/{total} [{item.category}]")
        self._say(item.prompt)
        for line in _choices(item):
            self._say(f"  {line}")

    def prompt(self, item: QuizItem) -> str:
        """No prompt: in a pipe the answer is echoed after it is read."""
        return ""

    def result(self, answer: Answer) -> None:
        """The answer given, the verdict, the correct answer and the article's sentence."""
        self._say(f"Your answer: {given_text(answer)}")
        self._say(verdict_line(answer))
        derived = derived_line(answer.item)
        if derived:
            self._say(derived)
        context = answer.item.context
        if answer.item.highlight is not None:
            start, end = answer.item.highlight
            context = f"{context[:start]}**{context[start:end]}**{context[end:]}"
        self._say(f"Article: {context}")
        self._say()

    def summary(self, summary: Summary) -> None:
        """One line per answer (the question shortened, what was given and, when it was not
        right, the right answer), then the score."""
        for number, answer in enumerate(summary.answers, 1):
            symbol, _, _ = _mark(answer)
            given = given_text(answer) or "(skipped)"
            line = f"{symbol} {number}. {short_question(answer.item.prompt)} — {given}"
            if not answer.correct:
                line += f"; right: {answer.item.answer}"
            self._say(line)
        self._say(score_line(summary))

    def note(self, message: str) -> None:
        """A remark such as 'ended early'."""
        self._say(message)


def answer_key_markdown(items: list[QuizItem], heading: str) -> str:
    """The questions and their answers as a Markdown worksheet."""
    lines = [f"# {heading}", ""]
    for number, item in enumerate(items, 1):
        lines.append(f"{number}. {item.prompt}")
        lines.extend(f"   - {line}" for line in _choices(item))
        if item.choices:
            letter = LETTERS[item.choices.index(item.answer)]
            lines.append(f"   - **Answer: {letter}) {item.answer}**")
        else:
            lines.append(f"   - **Answer: {item.answer}**")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _bar(share: float, width: int = 20) -> str:
    full = round(share * width)
    return "█" * full + "░" * (width - full)


def stats_view(stats: Stats, heading: str, width: int = 80) -> RenderableType:
    """The heading, answers, accuracy overall and by category as bars, the questions missed
    most, and what is due; on a console narrower than 50 columns the bars are shorter."""
    bar = 10 if width < 50 else 20
    overall = stats.overall
    since = f" since {stats.first:%Y-%m-%d}" if stats.first else ""
    table = Table(title="Accuracy by category", box=None, pad_edge=False, title_justify="left")
    table.add_column("Category", no_wrap=True)
    table.add_column("Accuracy", no_wrap=True)
    table.add_column("", justify="right", no_wrap=True)
    table.add_column("Right", justify="right", no_wrap=True)
    for tally in stats.categories:
        table.add_row(
            tally.name,
            Text(_bar(tally.accuracy, bar), style="green"),
            percent(tally.accuracy),
            f"{tally.correct}/{tally.answered}",
        )
    if stats.due:
        due = f"Due for review: {stats.due} (run 'laorus quiz --review')"
    else:
        due = "Nothing is due for review."
    missed: list[RenderableType] = []
    if stats.missed:
        often = Table(
            title="Missed most", box=None, pad_edge=False, title_justify="left", expand=True
        )
        often.add_column("Missed", justify="right", no_wrap=True)
        # The question takes what the count leaves, cut with '…': the count is never cut.
        often.add_column("Question", no_wrap=True, overflow="ellipsis", ratio=1)
        for question in stats.missed:
            often.add_row(
                f"{question.missed} of {question.answered}",
                OneLine(short_question(question.question)),
            )
        missed = [Text(""), often]
    return Group(
        Text(heading),
        Text(
            f"Answered: {overall.answered} ({stats.questions} different"
            f" question{'' if stats.questions == 1 else 's'}){since}"
        ),
        Text(
            f"Accuracy: {percent(overall.accuracy)} ({overall.correct} of {overall.answered} right)"
        ),
        Text(""),
        table,
        *missed,
        Text(""),
        Text(due),
    )
