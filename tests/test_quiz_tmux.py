"""`laorus quiz` in a real terminal: scripts/tmux_quiz.sh types into tmux and reads the screen."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "tmux_quiz.sh"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def _answers_column(screen: str) -> str:
    """The summary table's column with the answers, its lines joined with spaces."""
    lines = screen.splitlines()
    top = max(i for i, line in enumerate(lines) if line.strip() == "Your answers")
    header = next(line for line in lines[top:] if "Question" in line)
    start = header.index("Your answer" if "Question and" not in header else "Question")
    body = lines[lines.index(header, top) + 1 :]
    body = body[: next(i for i, line in enumerate(body) if line.startswith("Score:"))]
    return " ".join(" ".join(line[start:].split()) for line in body)


@pytest.mark.parametrize("width", [80, 60, 40])
def test_a_person_at_a_terminal_sees_panels_verdicts_and_a_summary(
    tmp_path: Path, width: int
) -> None:
    src = Path(__file__).resolve().parents[1] / "src"
    env = {
        **os.environ,
        "WIDTH": str(width),
        "LAORUS": f"{sys.executable} -m laorus",
        "PYTHON": sys.executable,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(src), os.environ.get("PYTHONPATH")])),
        "TMUX": "",
        "TMPDIR": str(tmp_path),
    }
    env.pop("NO_COLOR", None)
    env.pop("LAORUS_FACTS", None)
    done = subprocess.run(
        ["bash", str(SCRIPT)], env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    asked = subprocess.run(
        [sys.executable, "-m", "laorus", "quiz", "--seed", "11", "--count", "4", "--answer-key",
         "--json"],
        env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    missed = [question["answer"] for question in json.loads(asked.stdout)[1:3]]
    assert "all checks passed" in done.stdout
    screen, choice = done.stdout.split("----- what a person saw -----", 1)[1].split(
        "----- the choice question and the stats -----", 1
    )
    assert "╭" in screen
    assert "1/4" in screen
    assert "✓ Right" in screen
    assert "Score: 1/3 (33%)" in screen
    # The summary gives the right answer of the skipped and the wrong one, whole.
    column = _answers_column(screen)
    for answer in missed:
        assert f"right: {answer}" in column
    assert "There is no option e" in choice
    assert "Accuracy by category" in choice
    shown = [line for line in (screen + choice).splitlines() if not line.startswith("ok: ")]
    assert all(len(line) <= width for line in shown)
