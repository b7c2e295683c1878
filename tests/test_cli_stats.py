"""`laorus stats`: the questions missed most, and `--reset`; `quiz --review` and short options."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from laorus.cli import app
from tests.conftest import SMALL_STORE

runner = CliRunner()


pytestmark = pytest.mark.usefixtures("home")


def run(store: Path, *args: str, answers: str = "") -> Result:
    """Run ``laorus --facts store args`` with ``answers`` on stdin."""
    return runner.invoke(
        app, ["--facts", str(store), *args], input=answers, env={"NO_COLOR": "1", "COLUMNS": "80"}
    )


def key(store: Path, *args: str) -> list[dict[str, Any]]:
    """The answer key the same quiz options give, as JSON."""
    result = run(store, "quiz", *args, "--answer-key", "--json")
    assert result.exit_code == 0, result.output
    data: list[dict[str, Any]] = json.loads(result.stdout)
    return data


def history(home: Path) -> list[dict[str, Any]]:
    """The records of the history file."""
    path = home / "history.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


@pytest.fixture
def other_store(write_store: Callable[[str | bytes], Path]) -> Path:
    """The small store as another article (same fact ids, another title)."""
    return write_store(SMALL_STORE.replace('"A Small Article"', '"Another Article"'))


@pytest.mark.parametrize(
    ("short", "long"),
    [
        (["-c", "history"], ["--category", "history"]),
        (["-t", "nuclear"], ["--tag", "nuclear"]),
        (["-c", "economy", "-t", "atomic"], ["--category", "economy", "--tag", "atomic"]),
    ],
)
def test_quiz_takes_the_short_options_of_search(
    small_store: Path, short: list[str], long: list[str]
) -> None:
    asked = key(small_store, *short, "--seed", "3")
    assert asked
    assert asked == key(small_store, *long, "--seed", "3")
    assert run(small_store, "search", "plant", *short).exit_code in (0, 1)


def test_review_says_one_question_is_still_due_in_the_singular(small_store: Path) -> None:
    run(small_store, "quiz", "--category", "history", "--seed", "1", answers="1976\n")
    again = run(small_store, "quiz", "--review", "--count", "1", answers="1976\n")
    assert "1 question due for review comes first." in again.stderr
    assert "1 question is still due for review" in again.stderr
    right = run(small_store, "quiz", "--review", "--count", "1", answers="1975\n")
    assert "Nothing is due for review any more." in right.stderr


def test_review_counts_what_is_still_due_after_the_session(small_store: Path) -> None:
    run(small_store, "quiz", "--seed", "6", answers="wrong\nwrong\nwrong\n")
    asked = key(small_store, "--review", "--count", "1")
    result = run(small_store, "quiz", "--review", "--count", "1", answers=asked[0]["answer"])
    assert "2 questions are still due for review" in result.stderr


def test_stats_list_the_questions_missed_most(small_store: Path) -> None:
    asked = key(small_store, "--seed", "6")
    run(small_store, "quiz", "--seed", "6", answers="wrong\nwrong\nwrong\n")
    right = [q["answer"] for q in asked[:2]]
    run(small_store, "quiz", "--seed", "6", answers="\n".join([*right, "wrong"]) + "\n")
    data = json.loads(run(small_store, "stats", "--json").stdout)
    missed = data["most_missed"]
    assert missed[0] == {
        "key": asked[2]["key"],
        "question": asked[2]["question"],
        "missed": 2,
        "answered": 2,
    }
    assert [m["missed"] for m in missed] == [2, 1, 1]
    shown = run(small_store, "stats").stdout
    assert "Missed most" in shown
    assert f"2 of 2  {asked[2]['question']}" in shown


def test_stats_list_no_missed_questions_when_all_were_right(small_store: Path) -> None:
    asked = key(small_store, "--seed", "6")
    run(small_store, "quiz", "--seed", "6", answers="\n".join(q["answer"] for q in asked) + "\n")
    assert json.loads(run(small_store, "stats", "--json").stdout)["most_missed"] == []
    assert "Missed most" not in run(small_store, "stats").stdout


def test_reset_clears_this_stores_answers_and_keeps_other_stores(
    small_store: Path, other_store: Path, home: Path
) -> None:
    run(small_store, "quiz", "--seed", "6", answers="wrong\n\n1975\n")
    run(other_store, "quiz", "--seed", "6", answers="a\nb\n")
    theirs = [r for r in history(home) if r["given"] in ("a", "b")]
    result = run(small_store, "stats", "--reset", "--yes")
    assert result.exit_code == 0, result.output
    assert result.stderr == "Cleared 3 answers given to this store; kept 2 given to other stores.\n"
    assert history(home) == theirs
    assert json.loads(run(small_store, "stats", "--json").stdout)["answered"] == 0
    assert json.loads(run(other_store, "stats", "--json").stdout)["answered"] == 2


def test_reset_without_a_terminal_or_yes_refuses_and_keeps_everything(
    small_store: Path, home: Path
) -> None:
    run(small_store, "quiz", "--seed", "6", answers="wrong\n")
    before = (home / "history.jsonl").read_bytes()
    result = run(small_store, "stats", "--reset")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "add --yes to clear" in result.stderr
    assert (home / "history.jsonl").read_bytes() == before


@pytest.fixture
def at_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Act as a person at a terminal (the answers still come from the runner's input)."""
    import laorus.cli.quiz_run as module

    monkeypatch.setattr(module, "interactive", lambda: True)


@pytest.mark.usefixtures("at_a_terminal")
@pytest.mark.parametrize(("reply", "cleared"), [("y\n", True), ("n\n", False), ("\n", False)])
def test_reset_at_a_terminal_asks_first(
    small_store: Path, home: Path, reply: str, cleared: bool
) -> None:
    run(small_store, "quiz", "--seed", "6", answers="wrong\n")
    result = run(small_store, "stats", "--reset", answers=reply)
    assert result.exit_code == 0, result.output
    assert "Clear 1 answer given to this store (A Small Article)? [y/N]" in result.stderr
    assert (history(home) == []) is cleared
    assert ("Nothing cleared." in result.stderr) is not cleared


@pytest.mark.usefixtures("at_a_terminal")
def test_reset_at_a_terminal_ended_by_end_of_input_clears_nothing(
    small_store: Path, home: Path
) -> None:
    run(small_store, "quiz", "--seed", "6", answers="wrong\n")
    result = run(small_store, "stats", "--reset", answers="")
    assert result.exit_code == 0
    assert result.stderr.endswith("\nEnd of input: nothing cleared.\n")
    assert "Traceback" not in result.output
    assert len(history(home)) == 1


@pytest.mark.usefixtures("at_a_terminal")
def test_reset_at_a_terminal_interrupted_clears_nothing_and_exits_130(
    small_store: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import laorus.cli.quiz_run as module

    run(small_store, "quiz", "--seed", "6", answers="wrong\n")

    def interrupt(prompt: str = "") -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(module, "read_answer", interrupt)
    result = run(small_store, "stats", "--reset")
    assert result.exit_code == 130
    assert "Nothing cleared." in result.stderr
    assert len(history(home)) == 1


@pytest.mark.usefixtures("at_a_terminal")
def test_reset_asks_again_until_yes_or_no(small_store: Path, home: Path) -> None:
    run(small_store, "quiz", "--seed", "6", answers="wrong\n")
    result = run(small_store, "stats", "--reset", answers="maybe\nyes\n")
    assert result.exit_code == 0, result.output
    assert result.stderr.count("[y/N]") == 2
    assert "Please answer y or n." in result.stderr
    assert history(home) == []


@pytest.mark.usefixtures("at_a_terminal")
def test_the_reset_question_wraps_between_words_on_a_narrow_terminal(
    small_store: Path, home: Path
) -> None:
    run(small_store, "quiz", "--seed", "6", answers="wrong\n")
    result = runner.invoke(
        app,
        ["--facts", str(small_store), "stats", "--reset"],
        input="n\n",
        env={"NO_COLOR": "1", "COLUMNS": "40"},
    )
    assert result.exit_code == 0, result.output
    lines = result.stderr.split("Nothing cleared.")[0].splitlines()
    assert len(lines) > 1
    assert all(len(line) <= 40 for line in lines)
    question = "Clear 1 answer given to this store (A Small Article)? [y/N]:"
    assert " ".join(line.strip() for line in lines) == question


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--yes"], "--yes only goes with --reset"),
        (["--reset", "--json", "--yes"], "--reset prints no figures; leave out --json"),
    ],
)
def test_reset_options_that_do_not_go_together_are_usage_errors(
    small_store: Path, args: list[str], message: str
) -> None:
    result = run(small_store, "stats", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stderr.count("\n") == 1


def test_reset_with_no_answers_says_there_is_nothing_to_clear(small_store: Path) -> None:
    result = run(small_store, "stats", "--reset", "--yes")
    assert result.exit_code == 0
    assert result.stderr == "No answers for this store (A Small Article); nothing to clear.\n"


# The small store after a review put a new first question before "In what year was the Lao PDR
# proclaimed?", which is now lao-pdr-proclaimed#2.
RENUMBERED = SMALL_STORE.replace(
    'question = "In what year was the Lao PDR proclaimed?"',
    'question = "On what date was the Lao PDR proclaimed?"\nanswer = "December 2, 1975"\n\n'
    '[[facts.questions]]\nquestion = "In what year was the Lao PDR proclaimed?"',
)


def test_answers_to_a_question_since_renumbered_are_kept_but_not_reviewed_or_missed(
    small_store: Path, home: Path, write_store: Callable[[str | bytes], Path]
) -> None:
    run(small_store, "quiz", "--category", "history", "--seed", "1", answers="1976\n")
    before = (home / "history.jsonl").read_bytes()
    assert [r["key"] for r in history(home)] == ["lao-pdr-proclaimed#1"]
    reviewed = write_store(RENUMBERED)
    data = json.loads(run(reviewed, "stats", "--json").stdout)
    assert data["most_missed"] == []
    assert data["due"] == 0
    assert (data["answered"], data["correct"]) == (1, 0)
    assert [c["category"] for c in data["by_category"]] == ["history"]
    review = run(reviewed, "quiz", "--review", "--count", "1", "--answer-key")
    assert "Nothing is due for review" in review.stderr
    assert (home / "history.jsonl").read_bytes() == before
    # The store as it was still finds the answer where it belongs.
    assert json.loads(run(small_store, "stats", "--json").stdout)["most_missed"] != []
