"""The search table as Rich lays it out, for output without styles (a pipe, a file).

Importing Rich costs about as much as the rest of a search (roughly 90 ms on a slow machine), and
into a pipe Rich prints no styles, only its layout. This module reproduces that layout for the
one table shape `search` prints: columns that never wrap, then a last column that wraps words and
folds long ones, under a header and a rule (Rich's SIMPLE_HEAD box, no edge, pad_edge off).
It gives up (returns None) whenever Rich would do more than that: a terminal, forced colour, a
stream that is not UTF-8, a character that is not one cell wide, a table too narrow to wrap in.
tests/test_cli_plain.py checks that it prints exactly what Rich prints.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from laorus.search.rank import Hit
    from laorus.store.model import Fact

# Characters Rich draws one cell wide without combining them with their neighbours: Latin,
# Greek, Cyrillic, general punctuation (dashes, curly quotes) and currency signs. (A set, not a
# regular expression: compiling this character class costs 5 ms a run.)
_ONE_CELL_RANGES = (
    (0x20, 0x7E), (0xA0, 0xAC), (0xAE, 0x2FF), (0x370, 0x482),
    (0x2010, 0x2027), (0x2030, 0x205E), (0x20A0, 0x20C0),
)  # fmt: skip
ONE_CELL = frozenset(chr(c) for low, high in _ONE_CELL_RANGES for c in range(low, high + 1))
"""Every character the plain layout accepts, besides the newlines that separate lines."""
_WORD = re.compile(r"\s*\S+\s*")
MIN_WRAP_WIDTH = 8
"""Below this many cells for the wrapping column, Rich squeezes every column: leave it to Rich."""


def output_width(stream: TextIO, environ: Mapping[str, str] = os.environ) -> int | None:
    """The width Rich would lay out ``stream`` at, or None when Rich would style or adapt it."""
    if sys.platform == "win32" or "FORCE_COLOR" in environ or "TTY_COMPATIBLE" in environ:
        return None
    try:
        if stream.isatty():
            return None
    except ValueError:  # a closed stream: let Rich decide what to do
        return None
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower()
    if not encoding.startswith("utf"):
        return None  # Rich would swap the rule for ASCII
    columns = environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        return int(columns)
    # As Rich: the size of whichever standard stream is a terminal, else 80 columns.
    for descriptor in (0, 1, 2):
        try:
            width = os.get_terminal_size(descriptor).columns
        except (AttributeError, ValueError, OSError):
            continue
        return width or 80
    return 80


def _wrap(line: str, width: int) -> list[str]:
    """Rich's word wrap with folding (rich._wrap.divide_line) for one-cell characters."""
    breaks: list[int] = []
    offset = 0
    match = _WORD.match(line)
    while match is not None:
        start, end = match.span()
        word = match.group()
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:
            pieces = [word[i : i + width] for i in range(0, len(word), width)]
            for number, piece in enumerate(pieces):
                if start:
                    breaks.append(start)
                if number == len(pieces) - 1:
                    offset = len(piece)
                else:
                    start += len(piece)
        elif offset and start:
            breaks.append(start)
            offset = len(word)
        match = _WORD.match(line, end)
    edges = [0, *breaks, len(line)]
    lines = []
    for start, end in zip(edges, edges[1:], strict=False):
        piece = line[start:end]
        if len(piece) > width:  # Rich drops trailing spaces that overflow the line
            excess = len(piece) - width
            spaces = len(piece) - len(piece.rstrip())
            piece = piece[: len(piece) - min(spaces, excess)]
        lines.append(piece[:width].ljust(width))
    return lines


def table(
    headers: Sequence[str],
    right: Sequence[bool],
    rows: Sequence[Sequence[str]],
    width: int,
) -> str | None:
    """The rows under their headers as Rich prints them; None when Rich must lay them out.

    Every column but the last keeps its lines whole (``right`` aligns a column to the right); the
    last wraps at word boundaries and folds words longer than its width.
    """
    cells = [list(headers), *(list(row) for row in rows)]
    if not ONE_CELL.issuperset("".join(cell for row in cells for cell in row).replace("\n", " ")):
        return None
    last = len(headers) - 1
    pads = [(0 if n == 0 else 1, 0 if n == last else 1) for n in range(len(headers))]
    available = width - last  # one space between columns
    widths = [
        min(
            max(len(line) for row in cells for line in row[n].split("\n")) + sum(pads[n]), available
        )
        for n in range(len(headers))
    ]
    excess = sum(widths) - available
    if excess > 0:
        widths[last] -= excess  # only the last column wraps, so only it gives way
    if widths[last] - sum(pads[last]) < MIN_WRAP_WIDTH or sum(widths[:last]) > available:
        return None
    out: list[str] = []
    for number, row in enumerate(cells):
        columns = []
        for n, cell in enumerate(row):
            left, pad_right = pads[n]
            inner = widths[n] - left - pad_right
            if n == last:
                lines = [piece for line in cell.split("\n") for piece in _wrap(line, inner)]
            elif right[n]:
                lines = [line.rstrip().rjust(inner) for line in cell.split("\n")]
            else:
                lines = [line.ljust(inner) for line in cell.split("\n")]
            columns.append([" " * left + line + " " * pad_right for line in lines])
        height = max(len(lines) for lines in columns)
        for lines, column_width in zip(columns, widths, strict=True):
            lines += [" " * column_width] * (height - len(lines))
        out += [" ".join(parts) for parts in zip(*columns, strict=True)]
        if number == 0:
            out.append("─" * (sum(widths) + last))
    return "".join(line + "\n" for line in out)


SEARCH_HEADERS = ("Score", "Date", "Fact")
SEARCH_RIGHT = (True, False, False)


def date_cell(fact: Fact) -> str:
    """The fact's date as the store writes it, a range on two lines, or a dash when undated."""
    if fact.date is None:
        return "-"
    if fact.end_date is None:
        return fact.date.iso()
    return f"{fact.date.iso()}\n- {fact.end_date.iso()}"


def search_cells(hit: Hit, *, quotes: bool) -> tuple[str, str, str]:
    """The text of a hit's row in the search table: score, date, statement with id (and quote)."""
    fact = hit.fact
    text = f"{fact.statement}\n{fact.id}"
    if quotes:
        text += f"\n“{fact.quote}”"
    return f"{hit.score:.0f}", date_cell(fact), text


def search_table(hits: Sequence[Hit], *, quotes: bool, stream: TextIO) -> str | None:
    """The search table as Rich would print it to ``stream``, or None when Rich must print it."""
    width = output_width(stream)
    if width is None:
        return None
    rows = [search_cells(hit, quotes=quotes) for hit in hits]
    return table(SEARCH_HEADERS, SEARCH_RIGHT, rows, width)
