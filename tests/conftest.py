"""Shared fixtures: a small fact store written into a temporary directory."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

# CI (.ci/run sets CI, as hosted CI services do) draws the same examples on every run: a change
# is judged on its code, not on the luck of a draw, and a red run can be repeated. Runs elsewhere
# draw new examples each time and keep looking; a failure found there becomes an @example.
settings.register_profile("ci", derandomize=True, deadline=None, database=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

SMALL_TEXT = (
    "On 7 October 2025, Russia and Laos marked the 65th anniversary of diplomatic relations. "
    "The Lao PDR was proclaimed on December 2, 1975.\n"
    "Rosatom could build a small nuclear power plant. Laos gave two elephants."
)

SMALL_STORE = f"""\
schema = 1

[source]
title = "A Small Article"
author = "Test Author"
published = 2025-11-20
published_in = "Tests"
text = '''
{SMALL_TEXT}'''

[[facts]]
id = "relations-established"
statement = "Russia and Laos established diplomatic relations on 7 October 1960."
quote = "On 7 October 2025, Russia and Laos marked the 65th anniversary of diplomatic relations."
date = 1960-10-07
derived = "The 65th anniversary fell on 7 October 2025, so 65 years earlier."
category = "diplomacy"
tags = ["diplomatic relations", "anniversary"]
places = ["Russia", "Laos"]

[facts.anniversary]
on = 2025-10-07
nth = 65

[[facts.questions]]
question = "When were diplomatic relations established?"
answer = "7 October 1960"
accept = ["1960-10-07"]
kind = "date"

[[facts]]
id = "lao-pdr-proclaimed"
statement = "The Lao PDR was proclaimed on 2 December 1975."
quote = "The Lao PDR was proclaimed on December 2, 1975."
date = 1975-12-02
category = "history"
tags = ["lao pdr", "proclamation"]

[[facts.questions]]
question = "In what year was the Lao PDR proclaimed?"
answer = "1975"

[[facts]]
id = "nuclear-plant"
statement = "Rosatom could build a small nuclear power plant in Laos."
quote = "Rosatom could build a small nuclear power plant."
category = "economy"
tags = ["nuclear", "atomic", "energy"]
organisations = ["Rosatom"]

[[facts.questions]]
question = "Which company could build a nuclear power plant?"
answer = "Rosatom"
kind = "organisation"

[[facts]]
id = "elephants"
statement = "Laos gave Russia two elephants."
quote = "Laos gave two elephants."
date = "2025"
derived = "'This year' in an article published in 2025."
category = "culture"
tags = ["elephant", "gift"]
"""


@pytest.fixture
def small_store(tmp_path: Path) -> Path:
    """A valid four-fact store in a temporary directory."""
    path = tmp_path / "small.toml"
    path.write_text(SMALL_STORE, encoding="utf-8")
    return path


@pytest.fixture
def write_store(tmp_path: Path) -> Callable[[str | bytes], Path]:
    """Write store text (or bytes) into a temporary file and return its path."""

    def write(content: str | bytes) -> Path:
        path = tmp_path / "store.toml"
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write


@pytest.fixture(scope="session")
def laorus_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One LAORUS_HOME for the whole test session (the cache of the shipped store lives there)."""
    return tmp_path_factory.mktemp("laorus-home")


@pytest.fixture(autouse=True)
def _private_laorus_home(monkeypatch: pytest.MonkeyPatch, laorus_home: Path) -> None:
    """Keep the cache (and any history) of every test out of the user's real folders."""
    monkeypatch.setenv("LAORUS_HOME", str(laorus_home))


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private LAORUS_HOME for one test (its own history and cache), and no LAORUS_FACTS."""
    folder = tmp_path / "home"
    monkeypatch.setenv("LAORUS_HOME", str(folder))
    monkeypatch.delenv("LAORUS_FACTS", raising=False)
    return folder


def run_fresh(
    args: list[str], prefix: str, env: dict[str, str] | None = None
) -> tuple[str, set[str]]:
    """Run ``laorus args`` in a new interpreter: its stdout, and the modules starting with
    ``prefix`` that it imported (so a test can see what a command loads)."""
    import json
    import subprocess
    import sys

    code = (
        "import json, sys\n"
        "from laorus.cli import app\n"
        "try:\n"
        f"    app({args!r}, prog_name='laorus')\n"
        "except SystemExit:\n"
        "    pass\n"
        f"loaded = sorted(m for m in sys.modules if m.startswith({prefix!r}))\n"
        "sys.stderr.write(json.dumps(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    return result.stdout, set(json.loads(result.stderr.splitlines()[-1]))
