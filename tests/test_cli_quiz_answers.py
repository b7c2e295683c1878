"""`laorus quiz`: answers in every form the answer key prints, feedback lines and the summary."""

from __future__ import annotations

import io
import json
import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from typer.testing import CliRunner, Result

from laorus.answers.grade import infer_kind
from laorus.cli import app
from laorus.cli.render_quiz import RichView
from laorus.paths import default_path
from laorus.quiz.cloze import BLANK
from laorus.quiz.items import build
from laorus.quiz.scoring import Summary, check
from laorus.store.read import load

runner = CliRunner()
MODES = ("free", "choice", "cloze", "mixed")
SEEDS = ("1", "2", "3")


pytestmark = pytest.mark.usefixtures("home")


def quiz(store: Path | None, *args: str, answers: str = "") -> Result:
    """Run ``laorus [--facts store] quiz args`` with ``answers`` on stdin."""
    facts = ["--facts", str(store)] if store else []
    return runner.invoke(app, [*facts, "quiz", *args], input=answers, env={"NO_COLOR": "1"})


def key(store: Path | None, *args: str) -> list[dict[str, Any]]:
    """The answer key the same options give, as JSON."""
    result = quiz(store, *args, "--answer-key", "--json")
    assert result.exit_code == 0, result.output
    data: list[dict[str, Any]] = json.loads(result.stdout)
    return data


def graded(store: Path | None, args: tuple[str, ...], answers: list[str]) -> list[dict[str, Any]]:
    """The JSON summary's answers when ``answers`` are typed, one per question."""
    result = quiz(store, *args, "--json", answers="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    summary: dict[str, Any] = json.loads(result.stdout)
    assert summary["total"] == len(answers)
    found: list[dict[str, Any]] = summary["answers"]
    return found


FORMS: dict[str, Callable[[str, int, str], str]] = {
    "letter": lambda letter, number, text: letter,
    "capital letter": lambda letter, number, text: letter.upper(),
    "letter)": lambda letter, number, text: f"{letter})",
    "(letter)": lambda letter, number, text: f"({letter})",
    "number": lambda letter, number, text: str(number),
    "text": lambda letter, number, text: text,
    "letter) text": lambda letter, number, text: f"{letter}) {text}",
    "(letter) text": lambda letter, number, text: f"({letter}) {text}",
    "letter. text": lambda letter, number, text: f"{letter}. {text}",
    "LETTER) text": lambda letter, number, text: f"{letter.upper()}) {text}",
}


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("form", sorted(FORMS))
def test_every_choice_is_taken_by_letter_text_or_both(seed: str, form: str) -> None:
    args = ("--mode", "choice", "--count", "12", "--seed", seed)
    asked = key(None, *args)
    assert any(q["choices"] for q in asked)
    typed = []
    for question in asked:
        if question["choices"]:
            position = question["choices"].index(question["answer"])
            # Where the options are numbers, a number typed is an answer, not a position.
            numbers = any(infer_kind(c) in ("year", "number") for c in question["choices"])
            how = FORMS["text" if form == "number" and numbers else form]
            typed.append(how("abcdefghij"[position], position + 1, question["answer"]))
        else:
            typed.append(question["answer"])
    wrong = [(a["given"], a["reason"]) for a in graded(None, args, typed) if not a["correct"]]
    assert wrong == []


def _markdown_answers(text: str) -> list[str]:
    return re.findall(r"^   - \*\*Answer: (.*)\*\*$", text, re.MULTILINE)


@pytest.mark.parametrize("seed", ["4", "9"])
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("form", ["json", "markdown"])
def test_the_answer_key_fed_back_scores_100_percent(form: str, mode: str, seed: str) -> None:
    args = ("--mode", mode, "--count", "15", "--seed", seed)
    if form == "json":
        answers = [q["answer"] for q in key(None, *args)]
    else:
        printed = quiz(None, *args, "--answer-key")
        assert printed.exit_code == 0, printed.output
        answers = _markdown_answers(printed.stdout)
    assert len(answers) == 15
    wrong = [(a["given"], a["reason"]) for a in graded(None, args, answers) if not a["correct"]]
    assert wrong == []


@pytest.mark.parametrize("mode", MODES)
def test_the_json_answer_key_has_every_field(mode: str) -> None:
    article = load(default_path()).source.text
    for question in key(None, "--mode", mode, "--count", "20", "--seed", "5"):
        assert set(question) >= {
            "question", "answer", "accept", "choices", "mode", "fact_id", "key", "sentence",
        }  # fmt: skip
        assert isinstance(question["accept"], list)
        if question["mode"] == "cloze":
            assert question["sentence"].count(BLANK) == 1
            assert question["sentence"].replace(BLANK, question["answer"]) in article
            assert question["sentence"] in question["question"]
        else:
            assert question["sentence"] is None


def test_a_right_answer_prints_its_verdict_once(small_store: Path) -> None:
    result = quiz(small_store, "--category", "history", "--seed", "1", answers="1975\n")
    assert "✓ Right. Answer: 1975" in result.stdout
    assert "correct" not in result.stdout


def test_a_wrong_answer_gives_its_reason_on_the_verdict_line(small_store: Path) -> None:
    result = quiz(small_store, "--category", "history", "--seed", "1", answers="1976\n")
    verdicts = [line for line in result.stdout.splitlines() if line.startswith("✗ Wrong")]
    assert verdicts == ["✗ Wrong (wrong year). Answer: 1975"]


def test_a_derived_answer_says_how_it_was_derived(small_store: Path) -> None:
    result = quiz(small_store, "--category", "diplomacy", "--seed", "1", answers="1960\n")
    assert (
        "Derived — 7 October 1960: The 65th anniversary fell on 7 October 2025, so 65 years"
        " earlier." in result.stdout.splitlines()
    )


def test_an_answer_the_article_writes_has_no_derivation(small_store: Path) -> None:
    result = quiz(small_store, "--category", "history", "--seed", "1", answers="1975\n")
    assert "Derived" not in result.stdout


def test_the_plain_summary_gives_the_right_answer_of_each_miss(small_store: Path) -> None:
    asked = key(small_store, "--seed", "2")
    result = quiz(small_store, "--seed", "2", answers="wrong\n\n" + asked[2]["answer"] + "\n")
    lines = result.stdout.splitlines()
    summary = lines[lines.index("Score: 1/3 (33%), 1 skipped") - 3 :]
    assert summary[0].endswith(f"— wrong; right: {asked[0]['answer']}")
    assert summary[1].endswith(f"— (skipped); right: {asked[1]['answer']}")
    assert summary[2].endswith(f"— {asked[2]['answer']}")


def test_the_summary_shows_a_cloze_as_its_blank_not_its_sentence() -> None:
    args = ("--mode", "cloze", "--count", "3", "--seed", "36")
    asked = key(None, *args)
    result = quiz(None, *args, answers="\n\n\n")
    lines = result.stdout.splitlines()
    summary = lines[-4:-1]
    for line, question in zip(summary, asked, strict=True):
        assert BLANK in line
        assert question["sentence"] not in line
        assert len(line.split(" — ")[0].split()) <= 2 + 2 * 3 + 1


def _answer_column(screen: str) -> str:
    """The words of the table's column that holds the answers, lines joined."""
    lines = screen.splitlines()
    header = next(line for line in lines if "Question" in line)
    label = "Your answer" if "Question and" not in header else "Question"
    start = header.index(label)
    end = next(i for i, line in enumerate(lines) if line.startswith("Score:"))
    body = lines[lines.index(header) + 1 : end]
    return " ".join(" ".join(line[start:].split()) for line in body)


@pytest.mark.parametrize("width", [40, 60, 80])
@pytest.mark.parametrize("mode", ["mixed", "cloze", "choice"])
def test_the_summary_table_fits_and_shows_every_right_answer_whole(width: int, mode: str) -> None:
    store = load(default_path())
    items = build(store, mode, 10, random.Random(7))
    answers = tuple(check(item, "wrong" if n % 2 else "") for n, item in enumerate(items))
    console = Console(width=width, record=True, no_color=True, file=io.StringIO())
    RichView(console).summary(Summary(answers, len(items)))
    screen = console.export_text()
    assert all(len(line) <= width for line in screen.splitlines())
    column = _answer_column(screen)
    for answer in answers:
        assert f"right: {' '.join(answer.item.answer.split())}" in column


@pytest.mark.parametrize(("given", "line"), [("b", "b: six"), ("six", "b: six"), ("a", "a: five")])
@pytest.mark.parametrize("view", ["rich", "plain"])
def test_a_wrong_choice_says_which_option_was_chosen_on_one_line(
    view: str, given: str, line: str
) -> None:
    from laorus.cli.render_quiz import PlainView
    from laorus.quiz.items import QuizItem

    item = QuizItem(
        "elephants-gift#1", "elephants-gift", "culture", "choice", "How many elephants?", "two",
        accept=("2",), choices=("five", "six", "four", "two"),
    )  # fmt: skip
    answer = check(item, given)
    if view == "rich":
        console = Console(width=200, record=True, no_color=True, file=io.StringIO())
        RichView(console).result(answer)
        screen = console.export_text()
    else:
        stream = io.StringIO()
        PlainView(stream).result(answer)
        screen = stream.getvalue()
    [verdict] = [text for text in screen.splitlines() if text.startswith("✗")]
    assert verdict == f"✗ Wrong (you chose {line}). Answer: two"


def _is_cut_at_a_word(shown: str, whole: str) -> bool:
    """Whether ``shown`` is ``whole``, or its first whole words followed by '…'."""
    if shown == whole:
        return True
    if not shown.endswith("…"):
        return False
    kept = shown[:-1]
    return whole.startswith(kept) and (len(kept) == len(whole) or not whole[len(kept)].isalnum())


@pytest.mark.parametrize("width", [40, 60, 80, 100])
@pytest.mark.parametrize("seed", range(6))
def test_the_summary_cuts_a_question_only_between_words(width: int, seed: int) -> None:
    from laorus.cli.render_quiz import short_question

    store = load(default_path())
    items = build(store, "mixed", 12, random.Random(seed))
    answers = tuple(check(item, "wrong") for item in items)
    console = Console(width=width, record=True, no_color=True, file=io.StringIO())
    RichView(console).summary(Summary(answers, len(items)))
    lines = console.export_text().splitlines()
    wide = "Question and your answer" not in console.export_text()
    for number, answer in enumerate(answers, 1):
        whole = short_question(answer.item.prompt)
        [line] = [line for line in lines if re.match(rf"\s*{number} ", line)]
        shown = line.split(None, 1)[1]
        if wide:  # the answer stands beside the question, after two spaces at least
            shown = re.split(r"\s{2,}", shown)[0]
        assert _is_cut_at_a_word(shown.strip(), whole), (shown, whole)


@pytest.mark.parametrize(
    ("text", "width", "shown"),
    [
        ("Which body helps the friendship grow?", 40, "Which body helps the friendship grow?"),
        ("Which body helps the friendship grow?", 22, "Which body helps the…"),
        ("Which body helps the friendship grow?", 21, "Which body helps the…"),
        ("Which body helps the friendship grow?", 20, "Which body helps…"),
        ("Attempts to draw which country, into NATO", 32, "Attempts to draw which country…"),
        ("Internationalisation matters", 10, "Internati…"),
    ],
)
def test_fit_words_cuts_after_the_last_whole_word_that_fits(
    text: str, width: int, shown: str
) -> None:
    from laorus.cli.render_quiz import fit_words

    assert fit_words(text, width) == shown
