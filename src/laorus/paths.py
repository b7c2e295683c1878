"""Where laorus finds the shipped fact store and its own files ($LAORUS_HOME).

The store a command reads (--facts, $LAORUS_FACTS, or the shipped one) is chosen in the CLI
(laorus.cli.chosen_store). Kept apart from the loader so that a run served from the cache never
imports the TOML parser.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

ENV_VAR = "LAORUS_FACTS"
"""The environment variable that names another fact store."""
HOME_VAR = "LAORUS_HOME"
"""The environment variable that names the folder for laorus's own files (tests, sandboxes)."""


def home(sub: str, environ: Mapping[str, str] | None = None) -> Path | None:
    """``$LAORUS_HOME/sub`` when LAORUS_HOME is set, else None (the caller's platform folder)."""
    folder = (os.environ if environ is None else environ).get(HOME_VAR)
    return Path(folder).expanduser() / sub if folder else None


def default_path() -> Path:
    """The shipped store: inside the installed package, or at the top of a source checkout."""
    packaged = Path(__file__).with_name("facts.toml")
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "facts.toml"
