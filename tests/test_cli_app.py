"""The CLI's one exit point: usage errors, domain errors and Ctrl-C become one line and a code."""

from __future__ import annotations

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from laorus.cli import app

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
