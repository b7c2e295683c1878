"""`laorus quiz` and `laorus stats` through Typer's CliRunner, with answers fed on stdin."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from laorus.cli import app
from laorus.store import default_path, load

runner = CliRunner()
MODES = ("free", "choice", "cloze", "mixed")


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private LAORUS_HOME, so no test touches the real answer history."""
    folder = tmp_path / "home"
    monkeypatch.setenv("LAORUS_HOME", str(folder))
    monkeypatch.delenv("LAORUS_FACTS", raising=False)
    return folder


def quiz(store: Path | None, *args: str, answers: str = "") -> Result:
    """Run ``laorus [--facts store] quiz args`` with ``answers`` on stdin."""
    facts = ["--facts", str(store)] if store else []
    return runner.invoke(app, [*facts, "quiz", *args], input=answers)


def key(store: Path | None, *args: str) -> list[dict[str, Any]]:
    """The answer key the same options give, as JSON."""
    result = quiz(store, *args, "--answer-key", "--json")
    assert result.exit_code == 0, result.output
    data: list[dict[str, Any]] = json.loads(result.stdout)
    return data


def history_lines(home: Path) -> list[dict[str, Any]]:
    """The records of the history file."""
    path = home / "history.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def test_same_seed_asks_the_same_questions_in_the_same_order(small_store: Path) -> None:
    one = quiz(small_store, "--seed", "5", answers="\n\n\n")
    two = quiz(small_store, "--seed", "5", answers="\n\n\n")
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout
    asked = [q["question"] for q in key(small_store, "--seed", "5")]
    lines = one.stdout.splitlines()
    assert [line for line in lines if line in asked] == asked


def test_plain_run_shows_verdict_answer_and_article_sentence(small_store: Path) -> None:
    questions = key(small_store, "--seed", "1", "--category", "history")
    assert [q["answer"] for q in questions] == ["1975"]
    result = quiz(small_store, "--seed", "1", "--category", "history", answers="1975\n")
    assert result.exit_code == 0, result.output
    assert "Question 1/1 [history]" in result.stdout
    assert "✓ Right" in result.stdout
    assert "Article: The Lao PDR was proclaimed on December 2, **1975**." in result.stdout
    assert "Score: 1/1 (100%)" in result.stdout
    assert "\x1b[" not in result.output


def test_wrong_and_empty_answers_count_and_are_summarised(small_store: Path) -> None:
    asked = key(small_store, "--seed", "2")
    given = ["Moscow", "", asked[2]["answer"]]
    result = quiz(small_store, "--seed", "2", "--json", answers="\n".join(given) + "\n")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert (summary["total"], summary["correct"], summary["skipped"]) == (3, 1, 1)
    assert [a["given"] for a in summary["answers"]] == given
    assert [a["correct"] for a in summary["answers"]] == [False, False, True]
    assert [a["question"] for a in summary["answers"]] == [q["question"] for q in asked]
    assert all(a["expected"] and a["fact_id"] and a["reason"] for a in summary["answers"])
    assert summary["answers"][1]["reason"] == "skipped"


def test_json_mode_prints_only_json_on_stdout(small_store: Path) -> None:
    result = quiz(small_store, "--json", "--seed", "3", answers="x\ny\nz\n")
    assert result.exit_code == 0
    json.loads(result.stdout)
    assert "Question 1/3" in result.stderr


@pytest.mark.parametrize("mode", MODES)
def test_answer_key_fed_back_scores_every_question(mode: str) -> None:
    args = ("--mode", mode, "--seed", "9", "--count", "15")
    answers = [q["answer"] for q in key(None, *args)]
    assert len(answers) == 15
    result = quiz(None, *args, "--json", answers="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    wrong = [a for a in summary["answers"] if not a["correct"]]
    assert wrong == []
    assert summary["correct"] == summary["total"] == 15


def test_choice_is_answered_by_letter_number_or_text(small_store: Path) -> None:
    args = ("--mode", "choice", "--seed", "4", "--category", "history")
    [question] = key(small_store, *args)
    position = question["choices"].index(question["answer"])
    for given in ("abcd"[position], str(position + 1), question["answer"].upper()):
        result = quiz(small_store, *args, "--json", answers=given + "\n")
        assert json.loads(result.stdout)["correct"] == 1, given
    other = "abcd"[(position + 1) % len(question["choices"])]
    result = quiz(small_store, *args, "--json", answers=other + "\n")
    assert json.loads(result.stdout)["correct"] == 0


def test_answer_key_markdown_lists_options_and_answers(small_store: Path) -> None:
    result = quiz(small_store, "--mode", "choice", "--seed", "4", "--answer-key")
    assert result.exit_code == 0
    assert result.stdout.startswith("# laorus quiz: answer key (mode choice, seed 4)")
    assert "**Answer: " in result.stdout
    assert "   - a) " in result.stdout


def test_every_cloze_answer_of_the_shipped_store_is_article_text() -> None:
    text = load(default_path()).source.text
    for seed in ("1", "2", "3"):
        for question in key(None, "--mode", "cloze", "--count", "200", "--seed", seed):
            assert question["answer"] in text
            sentence = question["question"].split(": ", 1)[1]
            assert sentence.replace("_____", question["answer"]) in text


def test_end_of_input_mid_quiz_ends_with_a_summary(small_store: Path, home: Path) -> None:
    result = quiz(small_store, "--seed", "5", answers="1975\n")
    assert result.exit_code == 0
    assert "End of input" in result.stdout
    assert "ended early after 1 of 3 questions" in result.stdout
    assert "Traceback" not in result.output
    assert len(history_lines(home)) == 1


def test_end_of_input_in_json_mode_reports_what_was_answered(small_store: Path) -> None:
    result = quiz(small_store, "--seed", "5", "--json", answers="x\n")
    summary = json.loads(result.stdout)
    assert (summary["total"], summary["planned"], summary["ended_early"]) == (1, 3, True)


@pytest.fixture
def ctrl_c_on_second_question(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the answer reader answer once, then raise KeyboardInterrupt as Ctrl-C does."""
    import laorus.cli.quiz as module

    replies = iter(["first answer"])

    def read(prompt: str = "") -> str:
        for reply in replies:
            return reply
        raise KeyboardInterrupt

    monkeypatch.setattr(module, "read_answer", read)


@pytest.mark.usefixtures("ctrl_c_on_second_question")
def test_ctrl_c_mid_quiz_prints_the_summary_and_exits_130(small_store: Path, home: Path) -> None:
    result = quiz(small_store, "--seed", "5")
    assert result.exit_code == 130
    assert "Interrupted" in result.stdout
    assert "Score: 0/1 (0%); ended early after 1 of 3 questions" in result.stdout
    assert "Traceback" not in result.output
    assert [r["given"] for r in history_lines(home)] == ["first answer"]


@pytest.mark.usefixtures("ctrl_c_on_second_question")
def test_ctrl_c_in_json_mode_still_prints_the_summary(small_store: Path) -> None:
    result = quiz(small_store, "--seed", "5", "--json")
    assert result.exit_code == 130
    assert json.loads(result.stdout)["total"] == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--count", "0"], "0 is not in the range x>=1"),
        (["--count", "-1"], "-1 is not in the range x>=1"),
        (["--count", "abc"], "'abc' is not a valid int"),
        (["--mode", "essay"], "'essay' is not one of"),
        (["--category", "sport"], "unknown category 'sport'; use one of history"),
        (["--tag", "nuclr"], "no fact has the tag 'nuclr'; did you mean nuclear?"),
        (["--seed", "x"], "'x' is not a valid int"),
    ],
)
def test_bad_options_are_usage_errors(small_store: Path, args: list[str], message: str) -> None:
    result = quiz(small_store, *args)
    assert result.exit_code == 2
    # Typer may draw usage errors in a box and wrap them: compare the words only.
    words = " ".join(re.sub(r"[│╭╮╰╯─]", " ", result.stderr).split())
    assert message in words
    assert result.stdout == ""


def test_filter_leaving_no_question_is_an_error(small_store: Path) -> None:
    result = quiz(small_store, "--category", "religion")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "Error: no questions with --category religion; loosen the filters or try another --mode"
    )


def test_every_answer_is_recorded_with_its_key(small_store: Path, home: Path) -> None:
    asked = key(small_store, "--seed", "6")
    quiz(small_store, "--seed", "6", answers="1975\n\nRosatom\n")
    records = history_lines(home)
    assert [r["key"] for r in records] == [q["key"] for q in asked]
    assert [r["given"] for r in records] == ["1975", "", "Rosatom"]
    assert [r["skipped"] for r in records] == [False, True, False]


def test_unwritable_history_warns_once_and_the_quiz_goes_on(
    small_store: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = home.parent / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("LAORUS_HOME", str(blocker))
    result = quiz(small_store, "--seed", "6", answers="a\nb\nc\n")
    assert result.exit_code == 0
    assert result.stderr.count("Warning: cannot write the answer history") == 1
    assert "Score: " in result.stdout


def test_corrupt_history_is_reported_backed_up_and_the_quiz_runs(
    small_store: Path, home: Path
) -> None:
    home.mkdir()
    (home / "history.jsonl").write_bytes(b"\x00\x01garbage\n")
    result = quiz(small_store, "--seed", "6", answers="a\n")
    assert result.exit_code == 0
    assert "Warning: history" in result.stderr
    assert "unreadable" in result.stderr
    backups = list(home.glob("history.jsonl.corrupt-*"))
    assert len(backups) == 1
    assert backups[0].read_bytes() == b"\x00\x01garbage\n"
    assert len(history_lines(home)) == 1


def test_review_asks_missed_questions_first(small_store: Path) -> None:
    asked = key(small_store, "--seed", "6")
    missed = asked[-1]
    right = [q["answer"] for q in asked[:-1]]
    quiz(small_store, "--seed", "6", answers="\n".join([*right, "wrong"]) + "\n")
    reviewed = key(small_store, "--seed", "6", "--review", "--count", "1")
    assert [q["key"] for q in reviewed] == [missed["key"]]
    result = quiz(small_store, "--review", "--count", "1", answers=missed["answer"] + "\n")
    assert missed["question"] in result.stdout
    after = quiz(small_store, "--review", "--count", "1", answers="\n")
    assert "Nothing is due for review" in after.stderr


def test_stats_without_history_is_friendly(home: Path) -> None:
    result = runner.invoke(app, ["stats"])
    assert result.exit_code == 0
    assert "No answers yet" in result.stderr
    assert result.stdout == ""
    data = json.loads(runner.invoke(app, ["stats", "--json"]).stdout)
    assert data["answered"] == 0
    assert data["by_category"] == []


def test_stats_show_accuracy_by_category_as_bars(small_store: Path) -> None:
    quiz(small_store, "--seed", "6", answers="1975\nwrong\nwrong\n")
    result = runner.invoke(app, ["stats"], env={"NO_COLOR": "1", "COLUMNS": "60"})
    assert result.exit_code == 0
    assert "Answered: 3 (3 different questions)" in result.stdout
    assert "Accuracy: 33% (1 of 3 right)" in result.stdout
    history = next(line for line in result.stdout.splitlines() if line.startswith("history"))
    assert "████████████████████" in history
    assert "100%" in history
    assert all(len(line) <= 60 for line in result.stdout.splitlines())
    data = json.loads(runner.invoke(app, ["stats", "--json"]).stdout)
    assert (data["answered"], data["correct"], data["due"]) == (3, 1, 2)
    assert {c["category"]: c["correct"] for c in data["by_category"]} == {
        "history": 1,
        "economy": 0,
        "diplomacy": 0,
    }


def test_badly_encoded_answer_line_does_not_end_the_quiz(small_store: Path) -> None:
    result = runner.invoke(
        app, ["--facts", str(small_store), "quiz", "--seed", "5", "--json"], input=b"\xff\xfe\n\n\n"
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["total"] == 3


def test_choice_answer_by_letter_shows_the_option_it_picked(small_store: Path) -> None:
    args = ("--mode", "choice", "--seed", "4", "--category", "history")
    [question] = key(small_store, *args)
    letter = "abcd"[question["choices"].index(question["answer"])]
    result = quiz(small_store, *args, answers=letter + "\n")
    assert f"Your answer: {letter} ({question['answer']})" in result.stdout
    summary = json.loads(quiz(small_store, *args, "--json", answers=letter + "\n").stdout)
    assert summary["answers"][0]["chosen"] == question["answer"]
