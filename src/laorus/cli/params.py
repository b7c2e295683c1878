"""Option values shared by the commands, read so that a bad one gets a one-line fix-it error."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence

from laorus.cli.exits import usage_error


def year(value: str) -> int:
    """A year from 1 to 9999 ("2030"); anything else is a usage error that says so."""
    try:
        number = int(str(value).strip())
    except ValueError:
        number = 0
    if not dt.MINYEAR <= number <= dt.MAXYEAR:
        msg = f"{value!r} is not a year from 1 to 9999, e.g. 2030"
        raise usage_error(msg) from None
    return number


def whole_number(
    minimum: int | None = None, maximum: int | None = None, example: str = ""
) -> Callable[[str], int]:
    """A parser for a whole number within the bounds given; its error names them."""

    def parse(value: str) -> int:
        try:
            number = int(str(value).strip())
        except ValueError:
            number = None
        low_ok = number is not None and (minimum is None or number >= minimum)
        if number is not None and low_ok and (maximum is None or number <= maximum):
            return number
        if minimum is not None and maximum is not None:
            msg = f"{value!r} is not a number from {minimum} to {maximum}"
        elif minimum is not None:
            msg = f"{value!r} is not a whole number of {minimum} or more"
        else:
            msg = f"{value!r} is not a whole number"
        raise usage_error(msg + (f", e.g. {example}" if example else "")) from None

    return parse


def category(value: str) -> str:
    """One of the fixed categories, in any case ("History" is history)."""
    from laorus.store.model import CATEGORIES

    name = str(value).strip().casefold()
    if name not in CATEGORIES:
        msg = f"unknown category {value!r}; use one of {', '.join(CATEGORIES)}"
        raise usage_error(msg)
    return name


def one_of(choices: Callable[[], Sequence[str]], what: str) -> Callable[[str], str]:
    """A parser for one of ``choices()`` in any case; called lazily, so start-up imports no core."""

    def parse(value: str) -> str:
        names = tuple(choices())
        name = str(value).strip().casefold()
        if name in names:
            return name
        listed = f"{', '.join(names[:-1])} or {names[-1]}" if len(names) > 1 else names[0]
        msg = f"{value!r} is not a {what}; use {listed}"
        raise usage_error(msg)

    return parse


def check_tag(tags: Iterable[str], tag: str) -> None:
    """A usage error unless one of the store's ``tags`` is ``tag`` (compared as same_words)."""
    from rapidfuzz import fuzz, process

    from laorus.text.words import same_words

    wanted = same_words(tag)
    known = sorted({same_words(t) for t in tags})
    if wanted and wanted in known:
        return
    # The cutoff keeps '!!' from "suggesting" whatever tag happens to score best.
    near = process.extract(wanted, known, scorer=fuzz.ratio, limit=3, score_cutoff=60)
    if near:
        hint = f"did you mean {', '.join(repr(t) for t, _, _ in near)}?"
    else:
        hint = "'laorus show ID' lists a fact's tags"
    msg = f"no fact has the tag {tag!r}; {hint}"
    raise usage_error(msg, "'--tag'")
