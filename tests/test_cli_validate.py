"""`laorus validate`, --facts / LAORUS_FACTS and --version through Typer's CliRunner."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from laorus import __version__
from laorus.cli import app
from tests.test_store import BROKEN

runner = CliRunner()


def test_version_is_printed() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"laorus {__version__}"


def test_validate_summarises_a_good_store(small_store: Path) -> None:
    result = runner.invoke(app, ["--facts", str(small_store), "validate"])
    assert result.exit_code == 0, result.output
    assert "facts:            4" in result.stdout
    assert "questions:        3" in result.stdout
    assert "dated events:     3 (2 derived; 1 from an anniversary" in result.stdout
    assert "sentences quoted: 4/4 (100%)" in result.stdout


def test_validate_takes_the_store_as_an_argument_or_from_the_environment(
    small_store: Path,
) -> None:
    by_argument = runner.invoke(app, ["validate", str(small_store)])
    by_env = runner.invoke(app, ["validate"], env={"LAORUS_FACTS": str(small_store)})
    assert by_argument.exit_code == by_env.exit_code == 0
    assert by_argument.stdout == by_env.stdout


@pytest.mark.parametrize(("case", "content", "message"), BROKEN, ids=[b[0] for b in BROKEN])
def test_validate_refuses_each_broken_store(
    write_store: Callable[[str | bytes], Path], case: str, content: str, message: str
) -> None:
    path = write_store(content)
    result = runner.invoke(app, ["--facts", str(path), "validate"])
    assert result.exit_code == 1, case
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert result.stdout == ""


def test_validate_lists_every_problem_one_per_line(
    write_store: Callable[[str | bytes], Path], small_store: Path
) -> None:
    text = small_store.read_text(encoding="utf-8")
    text = text.replace('category = "economy"', 'category = "sport"')
    text = text.replace('id = "elephants"', 'id = "Elephants"')
    result = runner.invoke(app, ["validate", str(write_store(text))])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 2
    assert "2 problems in" in result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
        (b"\xff\xfe[source]", "not UTF-8"),
        (b"[source\n", "TOML syntax error"),
    ],
)
def test_unreadable_store_is_one_line_error(
    write_store: Callable[[str | bytes], Path], content: bytes, message: str
) -> None:
    path = write_store(content)
    result = runner.invoke(app, ["--facts", str(path), "validate"])
    assert result.exit_code == 1
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"Error: {path}")
    assert message in first
    assert "Traceback" not in result.output


def test_missing_store_from_environment_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "gone.toml"
    result = runner.invoke(app, ["validate"], env={"LAORUS_FACTS": str(missing)})
    assert result.exit_code == 2
    assert f"Error: Invalid value for LAORUS_FACTS: {missing}: no such file" in result.stderr


def test_the_environment_variable_chooses_the_store(small_store: Path) -> None:
    result = runner.invoke(app, ["validate"], env={"LAORUS_FACTS": str(small_store)})
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"{small_store}: OK")


@pytest.mark.parametrize(
    ("args", "param"),
    [
        (["--facts", "{missing}", "validate"], "'--facts'"),
        (["--facts", "{folder}", "validate"], "'--facts'"),
        (["validate", "{missing}"], "'PATH'"),
        (["validate", "{folder}"], "'PATH'"),
        (["--facts", "{missing}", "search", "x"], "'--facts'"),
        (["--facts", "{folder}", "export", "csv", "-"], "'--facts'"),
    ],
)
def test_a_store_path_that_is_missing_or_a_folder_is_a_usage_error_naming_it(
    tmp_path: Path, args: list[str], param: str
) -> None:
    given = [a.format(missing=tmp_path / "gone.toml", folder=tmp_path) for a in args]
    result = runner.invoke(app, given)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"Error: Invalid value for {param}: ")
    assert "; give the path of a .toml fact store" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_validate_refuses_a_store_given_both_by_facts_and_path(small_store: Path) -> None:
    result = runner.invoke(app, ["--facts", "art.toml", "validate", str(small_store)])
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"Error: Invalid value for 'PATH': --facts art.toml and PATH {small_store} both name the"
        " store to check; give one of them (see 'laorus validate --help')\n"
    )


def test_validate_path_wins_over_the_environment_variable(
    small_store: Path, tmp_path: Path
) -> None:
    other = str(tmp_path / "gone.toml")
    result = runner.invoke(app, ["validate", str(small_store)], env={"LAORUS_FACTS": other})
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"{small_store}: OK")


def test_every_command_has_help_with_an_example() -> None:
    from laorus.cli.app import COMMAND_MODULES

    assert "validate" in COMMAND_MODULES
    for name in COMMAND_MODULES:
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Example" in result.output, name


def test_validate_prints_warnings_on_stderr_and_exits_0(small_store: Path) -> None:
    result = runner.invoke(app, ["validate", str(small_store)])
    assert result.exit_code == 0, result.output
    (plant, elephants, count) = result.stderr.splitlines()
    assert plant.startswith(f"Warning: {small_store}:")
    assert "fact 'nuclear-plant': statement: names Laos" in plant
    assert "fact 'elephants': statement: names Russia" in elephants
    assert count == f"2 warnings in {small_store}"
    assert ": OK" in result.stdout


def test_validate_prints_no_warning_for_the_shipped_store() -> None:
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 0, result.output
    assert "Warning" not in result.output
