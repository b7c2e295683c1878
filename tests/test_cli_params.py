"""Option values shared by the commands: categories in any case, years and counts checked."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from laorus.cli import app

runner = CliRunner()


@pytest.mark.parametrize(
    "argv",
    [
        ["timeline", "--category", "History"],
        ["search", "Geneva", "--category", "HISTORY"],
        ["quiz", "--category", "History", "--answer-key", "--seed", "1", "--count", "2"],
    ],
)
def test_a_category_is_accepted_in_any_case(argv: list[str]) -> None:
    lower = runner.invoke(app, [a.lower() if a.isupper() or a.istitle() else a for a in argv])
    result = runner.invoke(app, argv)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == lower.stdout


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["search", "x", "--from", "abc"], "'abc' is not a year from 1 to 9999, e.g. 2030"),
        (["timeline", "--to", "0"], "'0' is not a year from 1 to 9999"),
        (["search", "x", "--limit", "0"], "'0' is not a whole number of 1 or more, e.g. --limit 5"),
        (["quiz", "--seed", "x"], "'x' is not a whole number of 0 or more, e.g. --seed 7"),
        (["anniversaries", "--every", "0"], "'0' is not a number from 1 to 1000"),
        (["timeline", "--category", "sport"], "unknown category 'sport'; use one of history"),
    ],
)
def test_a_bad_value_is_one_line_that_says_how_to_fix_it(argv: list[str], message: str) -> None:
    result = runner.invoke(app, argv)
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert message in line
    assert line.startswith("Error: ")


@pytest.mark.parametrize(
    "argv",
    [
        ["search", "victory", "--tag", "Victory-Day"],
        ["quiz", "--tag", "Victory-Day", "--answer-key", "--seed", "1", "--count", "2"],
    ],
)
def test_a_tag_is_matched_the_same_way_by_search_and_quiz(argv: list[str]) -> None:
    result = runner.invoke(app, argv)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip()


def test_an_unknown_tag_is_refused_with_the_same_message_by_search_and_quiz() -> None:
    searched = runner.invoke(app, ["search", "victory", "--tag", "zzz"])
    quizzed = runner.invoke(app, ["quiz", "--tag", "zzz", "--answer-key"])
    messages = []
    for result in (searched, quizzed):
        assert result.exit_code == 2
        (line,) = result.stderr.strip().splitlines()
        assert "no fact has the tag 'zzz'; " in line
        # Only the command named in "(see 'laorus ... --help')" may differ.
        messages.append(line.split(" (see ")[0])
    assert messages[0] == messages[1]


def test_a_tag_of_no_words_suggests_no_tags() -> None:
    result = runner.invoke(app, ["search", "x", "--tag", "!!"])
    assert result.exit_code == 2
    assert "did you mean" not in result.stderr
