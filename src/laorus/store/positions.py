"""Find where things are: the TOML line of a fact or a field, and a quote in the article."""

from __future__ import annotations

import re

KEY = 8
"""The length of the pieces of the article that its index is made of."""
SCANS = 256
"""Distinct quotes looked for by scanning the article before it is indexed."""


class Locator:
    """Finds the TOML line of a fact or of one of its fields, computed only when needed."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines: list[str] | None = None
        self._headers: list[int] | None = None

    def _index(self) -> tuple[list[str], list[int]]:
        if self._lines is None or self._headers is None:
            self._lines = self._text.splitlines()
            self._headers = [
                number
                for number, line in enumerate(self._lines)
                if re.match(r"\s*\[\[\s*facts\s*\]\]", line)
            ]
        return self._lines, self._headers

    def table_line(self, table: str, index: int, field: str | None = None) -> int | None:
        """1-based line of the ``index``-th [[table]] (or of its ``field``), if it can be found."""
        lines, _ = self._index()
        header = re.compile(rf"\s*\[\[\s*{re.escape(table)}\s*\]\]")
        starts = [number for number, line in enumerate(lines) if header.match(line)]
        if index >= len(starts):
            return None
        start = starts[index]
        if field is not None:
            key = re.compile(rf"\s*{re.escape(field)}\s*=")
            for number in range(start + 1, len(lines)):
                if lines[number].lstrip().startswith("["):
                    break
                if key.match(lines[number]):
                    return number + 1
        return start + 1

    def source_line(self, field: str) -> int | None:
        """1-based line of ``field`` in the [source] table, if it can be found."""
        lines, _ = self._index()
        inside = False
        key = re.compile(rf"\s*{re.escape(field)}\s*=")
        for number, line in enumerate(lines):
            if line.lstrip().startswith("["):
                inside = re.match(r"\s*\[\s*source\s*\]", line) is not None
            elif inside and key.match(line):
                return number + 1
        return None

    def line(self, index: int | None, field: str | None = None) -> int | None:
        """1-based line of fact ``index`` (or of its ``field``), if it can be found."""
        if index is None:
            if field is not None and field.startswith("source."):
                return self.source_line(field.removeprefix("source."))
            return None
        lines, headers = self._index()
        if index >= len(headers):
            return None
        start = headers[index]
        end = headers[index + 1] if index + 1 < len(headers) else len(lines)
        if field is not None:
            key = re.compile(rf"\s*(?:\[+\s*facts\.)?{re.escape(field)}\b")
            for number in range(start, end):
                if key.match(lines[number]):
                    return number + 1
        return start + 1


class Article:
    """Finds each distinct quote in the article once, through an index of its 8-character pieces.

    A store may hold many thousands of facts; scanning the article for each of them costs a pass
    over the article every time. Up to SCANS distinct quotes are scanned for (cheaper than
    building the index for a store of a hundred facts); after that the index finds them.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._found: dict[str, tuple[int, int]] = {}
        self._at: dict[str, list[int]] | None = None

    def locate(self, quote: str) -> tuple[int, int]:
        """(first position, number of non-overlapping occurrences) of ``quote`` in the article."""
        found = self._found.get(quote)
        if found is None:
            found = self._search(quote)
            self._found[quote] = found
        return found

    def _search(self, quote: str) -> tuple[int, int]:
        text = self.text
        if len(quote) < KEY or len(self._found) < SCANS:
            start = text.find(quote)
            return start, text.count(quote) if start >= 0 else 0
        if self._at is None:
            self._at = {}
            for position in range(len(text) - KEY + 1):
                self._at.setdefault(text[position : position + KEY], []).append(position)
        count, start, end = 0, -1, 0
        for position in self._at.get(quote[:KEY], ()):
            # As str.count: occurrences that overlap an earlier one do not count.
            if position >= end and text.startswith(quote, position):
                count, end = count + 1, position + len(quote)
                start = position if start < 0 else start
        return start, count
