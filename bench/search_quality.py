"""Report search quality on the shipped store: recall in the top 3, queries that must find nothing.

Usage: python bench/search_quality.py [--write] [--misses]

The labelled queries are those of tests/test_search_quality.py (the tests assert the targets;
this prints the measures). --write saves the table to bench/SEARCH_QUALITY.md; --misses lists
every query that missed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from laorus.paths import default_path  # noqa: E402
from laorus.search.rank import NoWordsToSearch, SearchIndex, search  # noqa: E402
from laorus.store.read import load  # noqa: E402
from tests.test_search_quality import (  # noqa: E402
    ASKED,
    FIND,
    NOTHING,
    ONLY_FILLER,
    RECALL_AT_3,
    recall_at_3,
)


def found_something(index: SearchIndex, queries: list[str]) -> list[str]:
    """The queries that find a fact though they should find none."""
    wrong = []
    for query in queries:
        hits = search(index, query, limit=3)
        if hits:
            wrong.append(f"{query!r} -> {[hit.fact.id for hit in hits]}")
    return wrong


def hinted(index: SearchIndex, queries: list[str]) -> int:
    """How many queries of question words alone are answered with the hint."""
    count = 0
    for query in queries:
        try:
            search(index, query)
        except NoWordsToSearch:
            count += 1
    return count


def main() -> None:
    """Measure and print (and optionally write) the quality table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="save to bench/SEARCH_QUALITY.md")
    parser.add_argument("--misses", action="store_true", help="list the queries that missed")
    args = parser.parse_args()
    index = SearchIndex.build(load(default_path()))
    rows = []
    misses: list[str] = []
    for label, labelled in (("typed (names, typos, ids)", FIND), ("asked (issue 16)", ASKED)):
        recall, missed = recall_at_3(index, labelled)
        misses += missed
        goal = "met" if recall >= RECALL_AT_3 else "NOT met"
        rows.append(f"| {label} | {len(labelled)} | {recall:.1%} | >= {RECALL_AT_3:.0%} {goal} |")
    wrong = found_something(index, NOTHING)
    misses += wrong
    nothing_goal = "met" if not wrong else "NOT met"
    rows.append(
        f"| must find nothing | {len(NOTHING)} | {len(NOTHING) - len(wrong)} find nothing"
        f" | all {nothing_goal} |"
    )
    hints = hinted(index, ONLY_FILLER)
    rows.append(
        f"| question words only | {len(ONLY_FILLER)} | {hints} get the hint"
        f" | all {'met' if hints == len(ONLY_FILLER) else 'NOT met'} |"
    )
    table = "\n".join(
        [
            "# Search quality",
            "",
            f"Date: {time.strftime('%Y-%m-%d')}. The shipped store; queries from"
            " tests/test_search_quality.py. Reproduce: `python bench/search_quality.py --write`.",
            "",
            "| queries | count | result | target |",
            "|---|---:|---:|---|",
            *rows,
        ]
    )
    print(table)
    if args.misses and misses:
        print("\nMissed:\n" + "\n".join(misses))
    if args.write:
        (HERE / "SEARCH_QUALITY.md").write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
