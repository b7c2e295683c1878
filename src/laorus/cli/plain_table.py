"""The plain text table `search` prints to a pipe or a file, laid out without Rich.

The format, as ripgrep prints plain lines to a pipe: a header line, then each row's lines.
Columns are separated by two spaces and padded to their widest line; the last column is never
padded or wrapped (a reader that wants wrapping wraps), and no line ends in a space.
A cell may hold several lines (a fact's statement, then its id): the row takes as many lines as
its tallest cell.

    Score  Date        Fact
      100  1960-10-07  Laos and the Soviet Union established diplomatic relations.
                       ussr-laos-relations
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from laorus.search.rank import Hit
    from laorus.store.model import Fact

GAP = "  "
"""What separates two columns."""


def plain_table(
    headers: Sequence[str], right: Sequence[bool], rows: Sequence[Sequence[str]]
) -> str:
    """The rows under their headers, aligned; ``right`` aligns a column to the right."""
    cells = [list(headers), *(list(row) for row in rows)]
    last = len(headers) - 1
    widths = [max(len(line) for row in cells for line in row[n].split("\n")) for n in range(last)]
    out: list[str] = []
    for row in cells:
        columns = [cell.split("\n") for cell in row]
        height = max(len(lines) for lines in columns)
        for number in range(height):
            parts = []
            for n, lines in enumerate(columns):
                line = lines[number] if number < len(lines) else ""
                if n < last:
                    line = line.rjust(widths[n]) if right[n] else line.ljust(widths[n])
                parts.append(line)
            out.append(GAP.join(parts).rstrip())
    return "".join(line + "\n" for line in out)


SEARCH_HEADERS = ("Score", "Date", "Fact")
SEARCH_RIGHT = (True, False, False)


def date_cell(fact: Fact) -> str:
    """The fact's date as the store writes it, a range on one line, or a dash when undated.

    One line, so that the end of a range never stands beside the id as if it belonged to it.
    """
    if fact.date is None:
        return "-"
    if fact.end_date is None:
        return fact.date.iso()
    return f"{fact.date.iso()} - {fact.end_date.iso()}"


def search_cells(hit: Hit, *, quotes: bool) -> tuple[str, str, str]:
    """The text of a hit's row in the search table: score, date, statement with id (and quote)."""
    fact = hit.fact
    text = f"{fact.statement}\n{fact.id}"
    if quotes:
        text += f"\n“{fact.quote}”"
    return f"{hit.score:.0f}", date_cell(fact), text


def search_table(hits: Sequence[Hit], *, quotes: bool, scores: bool = True) -> str:
    """The search table in the plain format; without the score column when listing facts."""
    rows = [search_cells(hit, quotes=quotes) for hit in hits]
    if scores:
        return plain_table(SEARCH_HEADERS, SEARCH_RIGHT, rows)
    return plain_table(SEARCH_HEADERS[1:], SEARCH_RIGHT[1:], [row[1:] for row in rows])
