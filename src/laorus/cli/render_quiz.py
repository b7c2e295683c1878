"""How the quiz looks: Rich panels on a terminal, plain lines in a pipe, the answer key, stats."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, TextIO

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from laorus.cli.output import percent
from laorus.store.model import LETTERS

if TYPE_CHECKING:
    from laorus.quiz.history import Stats
    from laorus.quiz.items import QuizItem
    from laorus.quiz.scoring import Answer, Summary


def _choices(item: QuizItem) -> list[str]:
    return [f"{LETTERS[i]}) {choice}" for i, choice in enumerate(item.choices)]


def _prompt_hint(item: QuizItem) -> str:
    if item.choices:
        last = LETTERS[len(item.choices) - 1]
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
    if answer.item.choices and answer.meant and answer.meant != answer.given:
        return f"{answer.given} ({answer.meant})"
    return answer.given


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
        body: list[Text] = [Text(item.prompt, style="bold")]
        body += [Text(line) for line in _choices(item)]
        title = f"[bold]{number}/{total}[/]"
        subtitle = f"{item.category} · {item.mode}"
        self.console.print()
        self.console.print(Panel(Group(*body), title=title, subtitle=subtitle, expand=True))

    def prompt(self, item: QuizItem) -> str:
        """The prompt for input() when it may write to stdout, else print it here and say ''."""
        hint = _prompt_hint(item)
        if self.console.file is sys.stdout and sys.stdout.isatty():
            return hint
        self.console.print(hint, style="cyan", end="", markup=False)
        return ""

    def result(self, answer: Answer) -> None:
        """✓ or ✗, the correct answer, the grader's reason, and the article's sentence."""
        symbol, word, style = _mark(answer)
        line = Text.assemble((f"{symbol} {word}", style), "  ", ("Answer: ", "bold"))
        line.append(answer.item.answer)
        if given_text(answer) != answer.given:
            line.append(f"  (you chose {answer.meant})", style="dim")
        self.console.print(line)
        if not answer.skipped:
            self.console.print(Text(answer.reason, style="italic dim"))
        self.console.print(self._context(answer.item))

    def _context(self, item: QuizItem) -> Text:
        text = Text("“" + item.context + "”", style="dim")
        if item.highlight is not None:
            start, end = item.highlight
            text.stylize("bold reverse", start + 1, end + 1)
        return text

    def summary(self, summary: Summary) -> None:
        """A table of question, answer and result, then the score."""
        if summary.answers:
            table = Table(title="Your answers", expand=True, show_lines=False)
            table.add_column("#", justify="right", no_wrap=True)
            table.add_column("Question", ratio=3)
            table.add_column("Your answer", ratio=2)
            table.add_column("Result", no_wrap=True)
            for number, answer in enumerate(summary.answers, 1):
                symbol, word, style = _mark(answer)
                table.add_row(
                    str(number),
                    Text(answer.item.prompt),
                    Text(given_text(answer) or "—"),
                    Text(f"{symbol} {word}", style=style),
                )
            self.console.print()
            self.console.print(table)
        style = "bold green" if summary.total and summary.score >= 0.5 else "bold"
        self.console.print(score_line(summary), style=style, markup=False)

    def note(self, message: str) -> None:
        """A remark such as the seed or 'ended early'."""
        self.console.print(message, style="dim", markup=False)


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
        symbol, word, _ = _mark(answer)
        reason = "" if answer.skipped else f" ({answer.reason})"
        self._say(f"{symbol} {word}{reason}. Answer: {answer.item.answer}")
        context = answer.item.context
        if answer.item.highlight is not None:
            start, end = answer.item.highlight
            context = f"{context[:start]}**{context[start:end]}**{context[end:]}"
        self._say(f"Article: {context}")
        self._say()

    def summary(self, summary: Summary) -> None:
        """One line per answer, then the score."""
        for number, answer in enumerate(summary.answers, 1):
            symbol, _, _ = _mark(answer)
            given = given_text(answer) or "(skipped)"
            self._say(f"{symbol} {number}. {answer.item.prompt} — {given}")
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


def stats_view(stats: Stats, heading: str) -> RenderableType:
    """The heading, answers, accuracy overall and by category as bars, and what is due."""
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
            Text(_bar(tally.accuracy), style="green"),
            percent(tally.accuracy),
            f"{tally.correct}/{tally.answered}",
        )
    if stats.due:
        due = f"Due for review: {stats.due} (run 'laorus quiz --review')"
    else:
        due = "Nothing is due for review."
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
        Text(""),
        Text(due),
    )
