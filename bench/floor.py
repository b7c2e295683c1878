"""The bare floor for a lookup: parse the store with tomllib, score every statement, print five.

No CLI framework, no validation, no cache: what any lookup must at least pay.
Usage: python bench/floor.py STORE QUERY
"""

from __future__ import annotations

import sys
import tomllib

from rapidfuzz import fuzz, process, utils


def main() -> None:
    """Print the five statements that best match the query."""
    path, query = sys.argv[1], " ".join(sys.argv[2:])
    with open(path, "rb") as handle:
        data = tomllib.load(handle)
    statements = [fact["statement"] for fact in data["facts"]]
    best = process.extract(
        query, statements, scorer=fuzz.token_set_ratio, processor=utils.default_process, limit=5
    )
    for statement, score, _ in best:
        print(f"{score:5.1f}  {statement}")


if __name__ == "__main__":
    main()
