"""Time `laorus draft` on the shipped article (about 1,500 words): the core alone and the command.

Usage: python bench/draft.py [--runs N]

The target (issue 13) is well under a second for the whole command. Prints the median of N runs
of each: the core in this process (split, draft, TOML), and `laorus draft` as a process.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "tests" / "data" / "lavrov_laos_2025.txt"


def main() -> None:
    """Print the median times as a small Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    from laorus.draft.facts import draft
    from laorus.draft.source import decode, split
    from laorus.draft.write import to_toml

    raw = ARTICLE.read_bytes()
    core = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        to_toml(draft(split(decode(raw, "article")), today=dt.date.today()))
        core.append(time.perf_counter() - start)
    command = []
    with tempfile.TemporaryDirectory() as work:
        out = Path(work) / "draft.toml"
        argv = [sys.executable, "-m", "laorus", "draft", str(ARTICLE), "-o", str(out), "--force"]
        for _ in range(runs + 1):
            start = time.perf_counter()
            subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
            command.append(time.perf_counter() - start)
    words = len(raw.split())
    print(f"| laorus draft, {words:,} words | median of {runs} | target |")
    print("|---|---|---|")
    print(f"| core (after its first run) | {statistics.median(core[1:]) * 1000:.0f} ms | |")
    print(f"| whole command (process) | {statistics.median(command[1:]) * 1000:.0f} ms | < 1 s |")


if __name__ == "__main__":
    main()
