"""The pager of a long listing in a real terminal (tmux): a PAGER that cannot run loses nothing."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


def _at_a_terminal(command: str, env: dict[str, str], tmp_path: Path) -> str:
    """Run ``command`` in a 80x10 tmux terminal and return all it showed, scrollback included.

    The command signals a tmux channel when it is done (no waiting for a guessed time), and
    the pane stays open for reading until the private tmux server is killed.
    """
    socket = f"laorus-pager-{os.getpid()}"
    script = f"{command}; echo rc=$?; tmux wait-for -S done; read -r _"
    tmux = ["tmux", "-L", socket]
    env = {**env, "TMUX": "", "TMPDIR": str(tmp_path)}
    try:
        subprocess.run(
            [*tmux, "new-session", "-d", "-x", "80", "-y", "10", "sh", "-c", script],
            env=env, check=True,
        )  # fmt: skip
        subprocess.run([*tmux, "wait-for", "done"], env=env, check=True, timeout=300)
        shown = subprocess.run(
            [*tmux, "capture-pane", "-p", "-J", "-S", "-"],
            env=env, check=True, capture_output=True, text=True,
        )  # fmt: skip
    finally:
        subprocess.run([*tmux, "kill-server"], env=env, check=False, capture_output=True)
    return shown.stdout


@pytest.mark.parametrize("pager", ["nonexistent-pager", "nonexistent-pager -R"])
def test_a_pager_that_is_not_a_command_still_shows_the_whole_list(
    tmp_path: Path, pager: str
) -> None:
    src = Path(__file__).resolve().parents[1] / "src"
    env = {k: v for k, v in os.environ.items() if k not in ("MANPAGER", "LAORUS_FACTS")}
    env.update(
        PAGER=pager,
        LAORUS_HOME=str(tmp_path / "home"),
        PYTHONPATH=os.pathsep.join(filter(None, [str(src), os.environ.get("PYTHONPATH")])),
    )
    laorus = f"{shlex.quote(sys.executable)} -m laorus"
    listed = subprocess.run(
        [sys.executable, "-m", "laorus", "search", "--json"],
        env=env, check=True, capture_output=True, text=True,
    )  # fmt: skip
    ids = [fact["id"] for fact in json.loads(listed.stdout)]
    assert len(ids) > 10  # more than the 10 lines of the terminal: it would be paged
    shown = _at_a_terminal(f"{laorus} search", env, tmp_path)
    assert ": not found" not in shown  # the shell's complaint about the pager
    assert "rc=0" in shown
    words = shown.split()
    for fact_id in (ids[0], ids[len(ids) // 2], ids[-1]):
        assert fact_id in words
    assert f"PAGER {pager!r} was not found; set PAGER to a pager such as less." in shown
