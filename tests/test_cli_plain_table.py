"""The plain format for a pipe: search's and anniversaries' aligned tables without Rich,
and no trailing spaces."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from laorus.cli import app
from laorus.cli.plain_table import plain_table, search_table
from laorus.paths import default_path
from laorus.search.rank import Hit
from laorus.store.model import Fact, PartialDate
from laorus.store.read import load
from tests.conftest import run_fresh

SHIPPED = load(default_path())


def rows_of(text: str) -> list[tuple[str, str, str]]:
    """Read the plain table back: (score, date, fact) columns of every line under the header."""
    header, *lines = text.splitlines()
    date_at, fact_at = header.index("Date"), header.index("Fact")
    assert header == "Score  Date" + " " * (fact_at - date_at - 4) + "Fact"
    return [(line[:date_at], line[date_at:fact_at], line[fact_at:]) for line in lines]


def expected_fact_lines(hit: Hit, *, quotes: bool) -> list[str]:
    fact = hit.fact
    return [fact.statement, fact.id] + ([f"“{fact.quote}”"] if quotes else [])


def check(hits: list[Hit], *, quotes: bool) -> None:
    text = search_table(hits, quotes=quotes)
    assert text.endswith("\n")
    lines = text.splitlines()
    assert not [line for line in lines if line != line.rstrip()]
    rows = rows_of(text)
    at = 0
    for hit in hits:
        wanted = expected_fact_lines(hit, quotes=quotes)
        block = rows[at : at + len(wanted)]
        at += len(wanted)
        assert [fact for _, _, fact in block] == wanted
        score, date, _ = block[0]
        assert score == f"{hit.score:.0f}".rjust(5) + "  "  # right-aligned under "Score"
        fact = hit.fact
        shown = fact.date.iso() if fact.date else "-"
        if fact.end_date is not None:
            shown += f" - {fact.end_date.iso()}"
        assert date.strip() == shown  # a range on one line, beside the statement
        assert all(s.strip() == d.strip() == "" for s, d, _ in block[1:])
    assert at == len(rows)


@pytest.mark.parametrize("quotes", [False, True])
def test_every_shipped_fact_is_one_unwrapped_line_with_its_id_beneath(quotes: bool) -> None:
    facts = list(SHIPPED.facts)
    for start in range(0, len(facts), 7):
        hits = [
            Hit(fact, score, frozenset({"laos"}))
            for fact, score in zip(
                facts[start : start + 7], (100, 99.6, 87, 50.4, 64, 71, 100), strict=False
            )
        ]
        check(hits, quotes=quotes)


_text = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=120
).filter(lambda text: text.strip() == text and text != "")
_dates = st.one_of(
    st.none(),
    st.builds(PartialDate, st.integers(1, 9999)),
    st.builds(PartialDate, st.integers(1000, 2100), st.integers(1, 12), st.integers(1, 28)),
)


@st.composite
def _hits(draw: st.DrawFn) -> list[Hit]:
    hits = []
    for number in range(draw(st.integers(1, 4))):
        date = draw(_dates)
        fact = Fact(
            id=draw(st.from_regex(r"[a-z0-9]{1,30}(-[a-z0-9]{1,12}){0,4}", fullmatch=True))
            + str(number),
            statement=draw(_text),
            quote=draw(_text),
            category="economy",
            date=date,
            end_date=draw(_dates) if date is not None else None,
        )
        hits.append(Hit(fact, draw(st.floats(50, 100.5, allow_nan=False)), frozenset()))
    return hits


@settings(max_examples=300, deadline=None)
@given(_hits(), st.booleans())
def test_any_hits_read_back_as_written(hits: list[Hit], quotes: bool) -> None:
    check(hits, quotes=quotes)


def test_columns_are_padded_to_their_widest_line_but_the_last_is_not() -> None:
    text = plain_table(
        ("N", "Name", "Note"), (True, False, False), [("7", "ab", "x "), ("12", "a\nbcd", "y")]
    )
    assert text.splitlines() == [
        " N  Name  Note",
        " 7  ab    x",
        "12  a     y",
        "    bcd",
    ]


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["search", "Rosatom"], "nuclear-power-plant"),
        (["anniversaries", "--year", "2025"], "Russia-Laos diplomatic relations"),
    ],
)
def test_a_piped_table_does_not_import_rich(args: list[str], shown: str, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    env["LAORUS_HOME"] = str(tmp_path)
    stdout, rich = run_fresh(args, "rich", env)
    assert shown in stdout
    assert not {name for name in rich if name.split(".")[0] == "rich"}


_runner = CliRunner()


@pytest.mark.parametrize("columns", ["40", "80", "200"])
@pytest.mark.parametrize(
    "args",
    [
        ["search", "Rosatom", "--quotes"],
        ["show", "lao-pdr-proclaimed"],
        ["timeline"],
        ["anniversaries", "--year", "2025"],
        ["anniversaries", "--upcoming", "400", "--from", "2025-01-01", "--all"],
        ["validate"],
        ["quiz", "--answer-key", "--mode", "choice", "--seed", "3", "-n", "5"],
    ],
)
def test_no_piped_line_ends_in_a_space(args: list[str], columns: str) -> None:
    result = _runner.invoke(app, args, env={"NO_COLOR": "1", "COLUMNS": columns})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) > 1
    assert [line for line in lines if line.endswith(" ")] == []


def test_no_line_of_a_piped_quiz_or_stats_ends_in_a_space() -> None:
    env = {"NO_COLOR": "1", "COLUMNS": "80"}
    quiz = _runner.invoke(app, ["quiz", "--seed", "3", "-n", "3"], input="1975\n\nLaos\n", env=env)
    stats = _runner.invoke(app, ["stats"], env=env)
    assert quiz.exit_code == stats.exit_code == 0, quiz.output + stats.output
    for out in (quiz.stdout, stats.stdout):
        lines = out.splitlines()
        assert len(lines) > 3
        assert [line for line in lines if line.endswith(" ")] == []
