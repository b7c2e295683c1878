"""The CLI's one exit point: usage errors, domain errors and Ctrl-C become one line and a code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from laorus.cli import app
from tests.conftest import run_fresh

runner = CliRunner()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["serch", "x"], "No such command 'serch'. Did you mean 'search'?"),
        (["--bogus"], "No such option: --bogus"),
        (["validate", "a.toml", "b.toml"], "unexpected extra argument"),
    ],
)
def test_usage_error_is_one_line_with_exit_2(argv: list[str], message: str) -> None:
    result = runner.invoke(app, argv)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Error: ")
    assert message in lines[0]
    assert "--help" in lines[0]
    assert "Traceback" not in result.output


def test_usage_error_through_the_real_entry_point_is_one_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "laorus", "validate", "a.toml", "b.toml"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("Error: Got unexpected extra argument")


def test_no_command_shows_help() -> None:
    result = runner.invoke(app, [])
    assert "Usage: laorus" in result.output
    assert "Error" not in result.output


def test_the_command_table_names_the_one_command_of_each_module() -> None:
    import importlib

    import typer.main

    from laorus.cli.app import COMMAND_MODULES

    assert len(set(COMMAND_MODULES.values())) == len(COMMAND_MODULES)  # one module per command
    for name, module in COMMAND_MODULES.items():
        command = typer.main.get_command(importlib.import_module(module).app)
        assert command.name == name
        # A command with subcommands (export) is a group: its subcommands live in its module.
        subcommands = getattr(command, "commands", {}).values()
        for callback in (
            [command.callback] if not subcommands else [c.callback for c in subcommands]
        ):
            assert callback is not None
            assert callback.__module__ == module


def test_no_command_module_imports_the_app() -> None:
    import ast
    import importlib

    from laorus.cli.app import COMMAND_MODULES

    for module in COMMAND_MODULES.values():
        source = importlib.import_module(module).__file__
        assert source is not None
        tree = ast.parse(Path(source).read_text(encoding="utf-8"))
        imported = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                imported |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                imported |= {f"{node.module}.{alias.name}" for alias in node.names}
        assert not {name for name in imported if name.startswith("laorus.cli.app")}, module


@pytest.mark.parametrize(
    ("args", "loaded"), [(["--version"], set()), (["search", "--help"], {"search"})]
)
def test_running_a_command_imports_only_its_own_module(args: list[str], loaded: set[str]) -> None:
    from laorus.cli.app import COMMAND_MODULES

    _, modules = run_fresh(args, "laorus.cli.")
    assert "laorus.cli.app" in modules
    assert {name for name, module in COMMAND_MODULES.items() if module in modules} == loaded


def test_help_lists_the_commands_in_the_table_order() -> None:
    from laorus.cli.app import COMMAND_MODULES

    result = runner.invoke(app, ["--help"], env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert result.exit_code == 0
    panel = result.stdout[result.stdout.index("Commands") :]
    listed = [
        line.split()[1] for line in panel.splitlines() if line.startswith("│ ") and line[2] != " "
    ]
    assert listed == list(COMMAND_MODULES)


def test_a_global_option_after_the_command_says_where_it_goes() -> None:
    result = runner.invoke(app, ["search", "bridge", "--facts", "mini.toml"])
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert "No such option: --facts" in line
    assert "--facts goes before the command: laorus --facts ... search ..." in line


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("argv", [["search", "Rosatom"], ["--version"], ["timeline"]])
def test_a_full_disk_is_one_line_not_a_traceback(argv: list[str]) -> None:
    with Path("/dev/full").open("w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "laorus", *argv],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert result.returncode == 1
    assert result.stderr == (
        "Error: cannot write the output: the disk is full (No space left on device);"
        " free some space or write to another disk\n"
    )


def test_a_reader_that_stops_early_gets_no_error() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "laorus", "timeline"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline()
    proc.stdout.close()
    _, err = proc.communicate()
    assert b"Traceback" not in err
    assert b"Error" not in err


@pytest.mark.parametrize("columns", ["0", "abc", "-3"])
def test_a_columns_that_is_no_width_is_ignored(columns: str) -> None:
    def run(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "laorus", "search", "Rosatom"],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )

    base = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    odd = run({**base, "COLUMNS": columns})
    assert odd.returncode == 0
    assert odd.stdout == run(base).stdout
    assert "nuclear" in odd.stdout


def test_an_empty_facts_option_is_a_usage_error() -> None:
    result = runner.invoke(app, ["--facts", "", "search", "Rosatom"])
    assert result.exit_code == 2
    assert "'--facts': the path is empty; give the path of a .toml fact store" in result.stderr


@pytest.mark.parametrize("command", [["search", "x"], ["show", "x"], ["timeline"], ["stats"]])
def test_a_missing_store_is_named_with_the_option_that_chose_it(
    tmp_path: Path, command: list[str]
) -> None:
    missing = tmp_path / "missing.toml"
    result = runner.invoke(app, ["--facts", str(missing), *command])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"Error: Invalid value for '--facts': {missing}: no such file; give the path of a .toml"
        f" fact store (see 'laorus {command[0]} --help')"
    )


@pytest.mark.parametrize(
    ("argv", "answers"),
    [
        (["quiz", "--count", "40", "--seed", "1"], b"x\n" * 40),
        (["timeline"], b""),
        (["search", "Laos"], b""),
    ],
    ids=["quiz", "timeline", "search"],
)
def test_output_into_a_pipe_nobody_reads_ends_quietly_with_exit_0(
    argv: list[str], answers: bytes, home: Path
) -> None:
    # The pipe's reading end is closed before the command starts, so its first write fails
    # whatever the size of its output (as `| head -1` does to a quiz that writes as it reads).
    read, write = os.pipe()
    os.close(read)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "laorus", *argv],
            input=answers,
            stdout=write,
            stderr=subprocess.PIPE,
            check=False,
        )
    finally:
        os.close(write)
    assert result.returncode == 0
    assert b"Traceback" not in result.stderr
    assert b"Error" not in result.stderr
