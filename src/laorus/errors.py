"""The one domain error of laorus, and the problems a fact store can have."""

from __future__ import annotations

from dataclasses import dataclass


class LaorusError(Exception):
    """A problem the user can fix; the CLI prints its message as one line and exits 1."""


class NothingFound(LaorusError):
    """Nothing matched: the CLI prints the message (if any) as it is, not as an error; exit 1."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a fact store: where it is and what is wrong."""

    file: str
    message: str
    line: int | None = None
    fact: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        parts = [where]
        if self.fact is not None:
            parts.append(self.fact)
        if self.field is not None:
            parts.append(self.field)
        return f"{': '.join(parts)}: {self.message}"


class StoreError(LaorusError):
    """The fact store could not be read or is invalid; carries every problem found.

    Its message is the first problem and how many more there are; the CLI adds the command
    that lists them all (which names the store as the user chose it).
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = str(problems[0])
        more = len(problems) - 1
        if more:
            first += f" (and {more} more)"
        super().__init__(first)
