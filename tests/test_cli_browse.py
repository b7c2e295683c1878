"""Browsing with `search` and no query, `show` by words, the broken-store hint, help and pipes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from laorus.cli import app
from laorus.cli.app import COMMAND_MODULES
from laorus.cli.output import percent
from tests.conftest import SMALL_STORE

runner = CliRunner()
PLAIN = {"NO_COLOR": "1", "COLUMNS": "80"}


def run(store: Path | None, *args: str, **env: str):  # type: ignore[no-untyped-def]
    prefix = ["--facts", str(store)] if store is not None else []
    return runner.invoke(app, [*prefix, *args], env={**PLAIN, **env})


def listed_ids(text: str) -> list[str]:
    """The ids in the plain listing: the line under each statement in the Fact column."""
    header, *lines = text.splitlines()
    assert header.split() == ["Date", "Fact"]
    column = header.index("Fact")
    return [line[column:] for line in lines if re.fullmatch(r"[a-z0-9-]+", line[column:])]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ([], ["relations-established", "lao-pdr-proclaimed", "nuclear-plant", "elephants"]),
        (["--category", "economy"], ["nuclear-plant"]),
        (["-c", "History"], ["lao-pdr-proclaimed"]),
        (["--tag", "gift"], ["elephants"]),
        (["--from", "1970", "--to", "2000"], ["lao-pdr-proclaimed"]),
        (["--from", "1975"], ["lao-pdr-proclaimed", "elephants"]),
        (["--limit", "2"], ["relations-established", "lao-pdr-proclaimed"]),
    ],
)
def test_search_without_a_query_lists_the_facts_the_filters_allow_in_store_order(
    small_store: Path, options: list[str], expected: list[str]
) -> None:
    result = run(small_store, "search", *options)
    assert result.exit_code == 0, result.output
    assert listed_ids(result.stdout) == expected


def test_search_without_a_query_prints_json_records_in_store_order(small_store: Path) -> None:
    result = run(small_store, "search", "--category", "culture", "--json")
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert [r["id"] for r in records] == ["elephants"]
    assert "score" not in records[0]


def test_listing_with_filters_that_allow_no_fact_exits_1(small_store: Path) -> None:
    result = run(small_store, "search", "--category", "economy", "--from", "2000")
    assert result.exit_code == 1
    assert "No fact passes these filters" in result.stderr
    assert json.loads(run(small_store, "search", "--from", "3000", "--json").stdout) == []


def test_a_listing_into_a_pipe_never_runs_the_pager(small_store: Path, tmp_path: Path) -> None:
    marker = tmp_path / "paged"
    result = run(None, "search", PAGER=f"touch {marker}; cat", LINES="5")
    assert result.exit_code == 0, result.output
    assert not marker.exists()
    assert len(result.stdout.splitlines()) > 5


@pytest.mark.parametrize("typed", ["NUCLEAR-PLANT", "Nuclear plant", "nuclear   PLANT"])
def test_show_takes_an_id_in_any_case_or_as_words(small_store: Path, typed: str) -> None:
    result = run(small_store, "show", typed, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["id"] == "nuclear-plant"
    assert "nuclear-plant" in result.stderr  # the id it stands for is noted


def test_show_with_words_of_one_id_shows_that_fact(small_store: Path) -> None:
    result = run(small_store, "show", "proclaimed")
    assert result.exit_code == 0, result.output
    assert "The Lao PDR was proclaimed" in result.stdout
    assert "Showing lao-pdr-proclaimed." in result.stderr


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("gift of two elephants", "elephants"),  # statement and tags, "of" not counted
        ("elephant", "elephants"),  # another form of a tag
        ("atomic", "nuclear-plant"),  # a tag alone
        ("Rosatom small", "nuclear-plant"),  # words of the statement
    ],
)
def test_show_with_words_that_one_fact_has_shows_it_and_notes_its_id(
    small_store: Path, typed: str, shown: str
) -> None:
    result = run(small_store, "show", typed, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["id"] == shown
    assert result.stderr == f"Showing {shown}.\n"


def test_show_with_words_that_several_facts_have_lists_them_as_an_error() -> None:
    result = run(None, "show", "elephants")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "Error: 3 facts have the words 'elephants': elephants-gift, elephant-symbol,"
        " generous-gesture; give one id\n"
    )


def test_show_with_words_no_fact_has_all_of_suggests_ids(small_store: Path) -> None:
    result = run(small_store, "show", "elephants Rosatom")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no fact has the id 'elephants Rosatom'")


@pytest.mark.parametrize("typed", ["", "  "])
def test_show_with_an_empty_id_is_a_usage_error(small_store: Path, typed: str) -> None:
    result = run(small_store, "show", typed)
    assert result.exit_code == 2
    assert "the id is empty" in result.stderr


def test_the_hint_after_a_broken_facts_store_names_that_store(tmp_path: Path) -> None:
    broken = tmp_path / "my store.toml"
    text = SMALL_STORE.replace('category = "economy"', 'category = "nonsense"')
    broken.write_text(text.replace('id = "elephants"', 'id = "Elephants"'), encoding="utf-8")
    result = run(broken, "search", "Rosatom")
    assert result.exit_code == 1
    assert f"(and 1 more; list them all with: laorus --facts '{broken}' validate)" in result.stderr
    assert result.stderr.count("\n") == 1


def test_the_hint_for_a_store_from_the_environment_names_it_too(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    text = SMALL_STORE.replace('category = "economy"', 'category = "nonsense"')
    broken.write_text(text.replace('id = "elephants"', 'id = "Elephants"'), encoding="utf-8")
    result = run(None, "show", "elephants", LAORUS_FACTS=str(broken))
    assert result.exit_code == 1
    assert f"laorus --facts {broken} validate" in result.stderr


COMMANDS = [[name] for name in COMMAND_MODULES] + [["export", "anki"], ["export", "csv"], []]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "laorus")
def test_help_has_readable_metavars_and_no_trailing_spaces(command: list[str]) -> None:
    result = run(None, *command, "--help")
    assert result.exit_code == 0, result.output
    assert not re.search(r"<\w+>|\{[A-Z.]+\}|\{\w+\.\.\.\}", result.stdout), result.stdout
    assert not [line for line in result.stdout.splitlines() if line.endswith(" ")]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "laorus")
def test_help_paragraphs_fill_their_lines_at_80_columns(command: list[str]) -> None:
    text = run(None, *command, "--help").stdout
    description = text.split("╭")[0].splitlines()
    for line, following in zip(description, description[1:], strict=False):
        if line.strip() and following.strip():
            # A line ends early only where the next word would not have fitted on it.
            assert len(line) + 1 + len(following.split()[0]) > 79, (line, following)


@pytest.mark.parametrize(
    "args",
    [
        ["search", "Rosatom"],
        ["search", "--quotes"],
        ["show", "nuclear-power-plant"],
        ["timeline"],
        ["anniversaries", "--year", "2025"],
        ["validate"],
        ["search", "--category", "economy", "--quotes"],
        ["quiz", "--answer-key", "--count", "3", "--seed", "1"],
    ],
)
def test_a_piped_line_never_ends_in_a_space(args: list[str]) -> None:
    result = run(None, *args)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip()
    assert not [line for line in result.stdout.splitlines() if line.endswith(" ")]


@pytest.mark.parametrize(
    ("share", "shown"),
    [(5 / 8, "63%"), (1 / 8, "13%"), (29 / 200, "15%"), (1 / 3, "33%"), (0.0, "0%"), (1.0, "100%")],
)
def test_percentages_round_half_up(share: float, shown: str) -> None:
    assert percent(share) == shown


def test_timeline_limit_shows_only_the_first_events() -> None:
    every = json.loads(run(None, "timeline", "--json").stdout)
    first = json.loads(run(None, "timeline", "--json", "--limit", "3").stdout)
    assert [e["id"] for e in first] == [e["id"] for e in every[:3]]
    assert run(None, "timeline", "--limit", "0").exit_code == 2


@pytest.mark.parametrize(
    ("manpager", "pager", "missing"),
    [
        (None, None, None),
        (None, "", None),
        (None, "cat", None),
        (None, "cat -v", None),
        (None, "nonexistent-pager", ("PAGER", "nonexistent-pager")),
        (None, "nonexistent-pager -R", ("PAGER", "nonexistent-pager -R")),
        ("nonexistent-pager", "cat", ("MANPAGER", "nonexistent-pager")),  # pydoc's order
        ("cat", "nonexistent-pager", None),
        (None, "LESS=R cat", None),  # the shell's assignment before the command
        (None, "LESS=R", ("PAGER", "LESS=R")),  # an assignment alone runs no pager
        (None, "LESS=R nonexistent-pager", ("PAGER", "LESS=R nonexistent-pager")),
    ],
)
def test_a_pager_set_to_no_command_is_found_out_before_it_runs(
    monkeypatch: pytest.MonkeyPatch,
    manpager: str | None,
    pager: str | None,
    missing: tuple[str, str] | None,
) -> None:
    from laorus.cli.output import missing_pager

    for name, value in (("MANPAGER", manpager), ("PAGER", pager)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    assert missing_pager() == missing
