"""`laorus quiz` and `laorus stats` through Typer's CliRunner, with answers fed on stdin."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from laorus.cli import app
from laorus.paths import default_path
from laorus.store.read import load
from tests.conftest import SMALL_STORE

runner = CliRunner()
MODES = ("free", "choice", "cloze", "mixed")


pytestmark = pytest.mark.usefixtures("home")


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
    args = ("--mode", "choice", "--seed", "4", "--category", "diplomacy")
    [question] = key(small_store, *args)
    position = question["choices"].index(question["answer"])
    for given in ("abcd"[position], str(position + 1), question["answer"].upper()):
        result = quiz(small_store, *args, "--json", answers=given + "\n")
        assert json.loads(result.stdout)["correct"] == 1, given
    other = "abcd"[(position + 1) % len(question["choices"])]
    result = quiz(small_store, *args, "--json", answers=other + "\n")
    assert json.loads(result.stdout)["correct"] == 0


def test_a_number_typed_answers_a_question_whose_options_are_years(small_store: Path) -> None:
    args = ("--mode", "choice", "--seed", "4", "--category", "history")
    [question] = key(small_store, *args)
    assert question["answer"] == "1975"
    position = question["choices"].index(question["answer"])
    # "1" is the year 1, not option 1: the prompt offers letters only.
    wrong = str((position + 1) % len(question["choices"]) + 1)
    result = quiz(small_store, *args, answers=f"{wrong}\n")
    assert f"Your answer: {wrong}\n✗ Wrong" in result.stdout
    assert "you chose" not in result.stdout
    result = quiz(small_store, *args, "--json", answers="abcd"[position] + "\n")
    assert json.loads(result.stdout)["correct"] == 1


@pytest.mark.parametrize(
    ("choices", "hint"),
    [
        (("five", "six", "four", "two"), "Your answer (a-d, or type the answer): "),
        (("1960", "1970", "1975", "1974"), "Your answer (a-d, or type the answer): "),
        (("Moscow", "Kazan", "Tianjin", "Tobolsk"), "Your answer (a-d, 1-4 or the text): "),
    ],
)
def test_the_prompt_offers_option_numbers_only_when_the_options_are_not_numbers(
    choices: tuple[str, ...], hint: str
) -> None:
    from laorus.cli.render_quiz import prompt_hint
    from laorus.quiz.items import QuizItem

    item = QuizItem("k#1", "k", "c", "choice", "Which?", choices[2], choices=choices)
    assert prompt_hint(item) == hint


@pytest.mark.parametrize("as_json", [False, True])
def test_the_answer_key_says_on_stderr_when_it_lists_fewer_than_count(
    small_store: Path, as_json: bool
) -> None:
    flags = ["--json"] if as_json else []
    result = quiz(small_store, "--count", "1000", "--seed", "1", "--answer-key", *flags)
    assert result.exit_code == 0
    listed = len(json.loads(result.stdout)) if as_json else result.stdout.count("**Answer: ")
    assert 0 < listed < 1000
    assert f"Only {listed} questions could be drawn for this quiz" in result.stderr
    assert "listing all of them" in result.stderr
    assert "Only" not in result.stdout


def test_the_answer_key_says_when_a_choice_question_is_asked_free(small_store: Path) -> None:
    args = ("--mode", "choice", "--category", "economy", "--seed", "1", "--answer-key", "--json")
    result = quiz(small_store, *args)
    [question] = json.loads(result.stdout)
    assert question["mode"] == "free"
    assert "1 question has too few plausible options and is asked free." in result.stderr


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
    import laorus.cli.quiz_run as module

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
        (
            ["--count", "0"],
            "Invalid value for '--count' / '-n': '0' is not a whole number of 1 or more,"
            " e.g. --count 10",
        ),
        (["--count", "-1"], "'-1' is not a whole number of 1 or more, e.g. --count 10"),
        (["--count", "abc"], "'abc' is not a whole number of 1 or more, e.g. --count 10"),
        (["--count", "2.5"], "'2.5' is not a whole number of 1 or more, e.g. --count 10"),
        (["--mode", "essay"], "'essay' is not a mode; use free, choice, cloze or mixed"),
        (["--category", "sport"], "unknown category 'sport'; use one of history"),
        (["--tag", "nuclr"], "no fact has the tag 'nuclr'; did you mean 'nuclear'?"),
        (["--seed", "x"], "'x' is not a whole number of 0 or more, e.g. --seed 7"),
        # Python's generator takes -1 for 1: a negative seed would repeat another's quiz
        (["--seed", "-1"], "'-1' is not a whole number of 0 or more, e.g. --seed 7"),
    ],
)
def test_bad_options_are_one_line_usage_errors(
    small_store: Path, args: list[str], message: str
) -> None:
    result = quiz(small_store, *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stderr.startswith("Error: ")
    assert result.stderr.count("\n") == 1
    assert result.stderr.rstrip().endswith("(see 'laorus quiz --help')")
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("args", "mode", "category"),
    [
        (["--mode", "Choice"], "choice", None),
        (["--mode", "CLOZE"], "cloze", None),
        (["--category", "History"], "free", "history"),
        (["-m", "Free", "--category", "ECONOMY"], "free", "economy"),
    ],
)
def test_mode_and_category_are_read_in_any_case(
    small_store: Path, args: list[str], mode: str, category: str | None
) -> None:
    asked = key(small_store, *args, "--seed", "4")
    assert asked
    if mode == "cloze":
        assert {q["mode"] for q in asked} == {"cloze"}
    if category:
        lower = key(small_store, "--category", category, "--seed", "4")
        assert asked == lower


def _help_lines(columns: int) -> list[str]:
    result = runner.invoke(app, ["quiz", "--help"], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0
    return result.stdout.splitlines()


@pytest.mark.parametrize("columns", [60, 80, 100])
def test_help_text_wraps_only_where_the_line_is_full(columns: int) -> None:
    lines = _help_lines(columns)
    assert all(len(line) <= columns for line in lines)
    body = lines[: next(i for i, line in enumerate(lines) if "Options" in line)]
    text = [line.strip() for line in body]
    for line, following in zip(text, text[1:], strict=False):
        if line and following:
            # A line broken early leaves room for the next line's first word.
            first = following.split()[0]
            assert len(line) + 1 + len(first) > columns - 4, (line, following)
    assert "Example: laorus quiz" in " ".join(text)


@pytest.mark.parametrize("columns", [60, 80])
def test_help_options_keep_their_names_and_values_whole(columns: int) -> None:
    options = "\n".join(_help_lines(columns))
    for word in ("--mode", "MODE", "--count", "--category", "--answer-key", "--review"):
        assert word in options
    assert "x>=1" not in options


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
    import laorus.quiz.history

    def refuse(*_: object) -> None:
        msg = "cannot write the answer history (Read-only file system)"
        raise laorus.quiz.history.HistoryError(msg)

    monkeypatch.setattr(laorus.quiz.history, "append", refuse)
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


def test_a_review_answer_key_says_what_it_lists(small_store: Path) -> None:
    args = ["--facts", str(small_store), "quiz", "--review", "--answer-key", "--seed", "6"]
    nothing = runner.invoke(app, args)
    assert "Nothing is due for review; the key lists new questions." in nothing.stderr
    assert "(mode free, seed 6)" in nothing.stdout
    asked = key(small_store, "--seed", "6")
    quiz(small_store, "--seed", "6", answers="\n".join("wrong" for _ in asked) + "\n")
    due = runner.invoke(app, args)
    assert "(due reviews first, then mode free, seed 6)" in due.stdout


def test_stats_without_history_is_friendly(home: Path) -> None:
    result = runner.invoke(app, ["stats"])
    assert result.exit_code == 0
    assert "No answers yet" in result.stderr
    assert result.stdout == ""
    data = json.loads(runner.invoke(app, ["stats", "--json"]).stdout)
    assert data["answered"] == 0
    assert data["by_category"] == []


def test_stats_count_one_question_in_the_singular(small_store: Path) -> None:
    quiz(small_store, "--seed", "6", "--count", "1", answers="wrong\n")
    result = runner.invoke(app, ["--facts", str(small_store), "stats"], env={"NO_COLOR": "1"})
    assert "Answered: 1 (1 different question) since" in result.stdout


def test_stats_show_accuracy_by_category_as_bars(small_store: Path) -> None:
    quiz(small_store, "--seed", "6", answers="1975\nwrong\nwrong\n")
    result = runner.invoke(
        app, ["--facts", str(small_store), "stats"], env={"NO_COLOR": "1", "COLUMNS": "60"}
    )
    assert result.exit_code == 0
    assert "Answered: 3 (3 different questions)" in result.stdout
    assert "Accuracy: 33% (1 of 3 right)" in result.stdout
    history = next(line for line in result.stdout.splitlines() if line.startswith("history"))
    assert "████████████████████" in history
    assert "100%" in history
    assert all(len(line) <= 60 for line in result.stdout.splitlines())
    data = json.loads(runner.invoke(app, ["--facts", str(small_store), "stats", "--json"]).stdout)
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


def test_a_file_as_laorus_home_is_named_once_with_a_fix(
    small_store: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = home.parent / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("LAORUS_HOME", str(blocker))
    result = quiz(small_store, "--seed", "6", answers="a\nb\nc\n")
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning:")]
    assert warnings == [
        f"Warning: cannot keep the answer history in {blocker}: {blocker} is a file, not a"
        " folder; set LAORUS_HOME to a folder, or move that file away; answers of this quiz"
        " are not recorded"
    ]
    assert "File exists" not in result.stderr
    assert "Score: " in result.stdout
    stats = runner.invoke(app, ["--facts", str(small_store), "stats"])
    assert stats.exit_code == 0
    assert "is a file, not a folder" in stats.stderr


def _other_store(write_store: Callable[[str | bytes], Path]) -> Path:
    """The small store as another article (same fact ids, another title)."""
    return write_store(SMALL_STORE.replace('"A Small Article"', '"Another Article"'))


def test_answers_count_only_for_the_store_they_were_given_in(
    small_store: Path, write_store: Callable[[str | bytes], Path], home: Path
) -> None:
    other = _other_store(write_store)
    quiz(other, "--seed", "6", answers="wrong\nwrong\nwrong\n")
    assert len(history_lines(home)) == 3
    mine = json.loads(runner.invoke(app, ["--facts", str(small_store), "stats", "--json"]).stdout)
    theirs = json.loads(runner.invoke(app, ["--facts", str(other), "stats", "--json"]).stdout)
    assert mine["answered"] == 0
    assert theirs["answered"] == 3
    assert theirs["store"]["title"] == "Another Article"
    assert theirs["store"]["published"] == "2025-11-20"
    assert mine["store"]["id"] != theirs["store"]["id"]
    nothing = quiz(small_store, "--review", "--count", "1", answers="\n")
    assert "Nothing is due for review" in nothing.stderr
    again = quiz(other, "--review", "--count", "1", answers="\n")
    assert "1 question due for review comes first." in again.stderr
    assert "3 questions are still due for review" in again.stderr


def test_a_moved_store_keeps_its_history(small_store: Path, tmp_path: Path, home: Path) -> None:
    quiz(small_store, "--seed", "6", answers="1975\n\n\n")
    moved = tmp_path / "elsewhere" / "moved.toml"
    moved.parent.mkdir()
    moved.write_bytes(small_store.read_bytes())
    data = json.loads(runner.invoke(app, ["--facts", str(moved), "stats", "--json"]).stdout)
    assert data["answered"] == 3


def test_answers_recorded_before_stores_were_kept_count_where_their_facts_are(
    small_store: Path, write_store: Callable[[str | bytes], Path], home: Path
) -> None:
    home.mkdir()
    old = {
        "key": "nuclear-plant#1",
        "fact_id": "nuclear-plant",
        "category": "economy",
        "mode": "free",
        "correct": False,
        "skipped": False,
        "at": "2025-11-20T12:00:00+00:00",
    }
    gone = {**old, "key": "not-here#1", "fact_id": "not-here"}
    (home / "history.jsonl").write_text(json.dumps(old) + "\n" + json.dumps(gone) + "\n")
    data = json.loads(runner.invoke(app, ["--facts", str(small_store), "stats", "--json"]).stdout)
    assert data["answered"] == 1
    assert [q["key"] for q in key(small_store, "--review", "--count", "1")] == ["nuclear-plant#1"]


def test_stats_name_the_store_they_count(small_store: Path) -> None:
    quiz(small_store, "--seed", "6", answers="1975\n\n\n")
    result = runner.invoke(
        app, ["--facts", str(small_store), "stats"], env={"NO_COLOR": "1", "COLUMNS": "60"}
    )
    assert result.stdout.splitlines()[0] == "Store: A Small Article"


@pytest.fixture
def at_a_terminal(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Act as a person at a terminal who types 'e', then '7', then 'b'; returns the prompts."""
    import laorus.cli.quiz_run as module

    replies = iter(["e", "7", "b"])
    prompts: list[str] = []

    def read(prompt: str = "") -> str:
        prompts.append(prompt)
        for reply in replies:
            return reply
        raise EOFError

    monkeypatch.setattr(module, "read_answer", read)
    monkeypatch.setattr(module, "interactive", lambda: True)
    return prompts


def test_a_letter_beyond_the_options_asks_again_at_a_terminal(
    at_a_terminal: list[str], home: Path
) -> None:
    args = ("--mode", "choice", "--seed", "3", "--count", "1", "--category", "visits")
    [question] = key(None, *args)
    assert len(question["choices"]) == 4
    result = runner.invoke(app, ["quiz", *args, "--json"], env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    assert result.stderr.count("choose a-d or 1-4, or type the answer") == 2
    summary = json.loads(result.stdout)
    assert summary["total"] == 1
    assert summary["answers"][0]["given"] == "b"
    assert summary["answers"][0]["chosen"] == question["choices"][1]
    assert [r["given"] for r in history_lines(home)] == ["b"]


def test_a_letter_beyond_the_options_in_a_pipe_is_graded_as_typed() -> None:
    args = ("--mode", "choice", "--seed", "3", "--count", "1", "--category", "visits")
    result = quiz(None, *args, "--json", answers="e\n")
    summary = json.loads(result.stdout)
    assert summary["total"] == 1
    [answer] = summary["answers"]
    assert (answer["given"], answer["chosen"], answer["correct"]) == ("e", "e", False)
    assert answer["reason"] == "there is no option e: choose a-d or 1-4, or type the answer"
