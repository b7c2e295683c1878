"""`laorus anniversaries` through Typer's CliRunner: tables, JSON, .ics files and bad input."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path

import pytest
from icalendar import Calendar
from typer.testing import CliRunner, Result

from laorus.cli import app
from tests.test_anniversaries import EVENTS, write_events

runner = CliRunner()


@pytest.fixture
def facts(tmp_path: Path) -> Path:
    return write_events(tmp_path)


def run(
    *args: str, store: Path | None = None, columns: int = 100, terminal: bool = False
) -> Result:
    prefix = ["--facts", str(store)] if store is not None else []
    env = {"COLUMNS": str(columns), "NO_COLOR": "1", "TTY_COMPATIBLE": "1" if terminal else "0"}
    return runner.invoke(app, [*prefix, "anniversaries", *args], env=env)


def as_json(result: Result) -> list[dict[str, object]]:
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert isinstance(data, list)
    return data


def test_2025_table_shows_the_four_anniversaries_on_their_days() -> None:
    result = run("--year", "2025")
    assert result.exit_code == 0, result.output
    out = result.stdout
    for day, nth in [
        ("Sat 22 Mar 2025", "70th"),
        ("Tue 7 Oct 2025", "65th"),
        ("Tue 2 Dec 2025", "50th"),
    ]:
        line = next(line for line in out.splitlines() if day in line)
        assert nth in line
    assert "80th" in out
    assert out.index("Tue 2 Dec 2025") < out.index("80th")
    assert "day unknown" in out
    assert result.stderr == ""


def test_2025_json_is_exactly_the_article_s_four_anniversaries() -> None:
    rows = {
        (r["event_date"], r["years"], r["date"]) for r in as_json(run("--year", "2025", "--json"))
    }
    assert rows == {
        ("1955-03-22", 70, "2025-03-22"),
        ("1960-10-07", 65, "2025-10-07"),
        ("1975-12-02", 50, "2025-12-02"),
        ("1945", 80, None),
    }


def test_ics_dash_writes_the_calendar_to_stdout_and_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("--year", "2025", "--ics", "-")
    assert result.exit_code == 0, result.output
    calendar = Calendar.from_ical(result.stdout_bytes)
    summaries = sorted(str(event["SUMMARY"]) for event in calendar.walk("VEVENT"))
    assert len(summaries) == 3
    assert any("65th anniversary" in summary for summary in summaries)
    assert "Wrote 3 events to standard output." in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_ics_dash_with_json_is_a_usage_error() -> None:
    result = run("--year", "2025", "--ics", "-", "--json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "--ics -" in result.stderr


def test_ics_dash_with_nothing_dated_to_the_day_is_one_line() -> None:
    result = run("--year", "2027", "--ics", "-")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("Error: nothing to write to standard output")
    assert "Traceback" not in result.output


def test_2030_json_has_the_round_ones_and_fifth_anniversaries_of_2025() -> None:
    data = as_json(run("--year", "2030", "--json"))
    rounds = {(r["event_date"], r["years"]) for r in data if r["years"] != 5}
    assert rounds == {("1955-03-22", 75), ("1945", 85), ("1960-10-07", 70), ("1975-12-02", 55)}
    fifth = [r for r in data if r["years"] == 5]
    assert fifth
    assert all(str(r["event_date"]).startswith("2025") for r in fifth)
    for row in data:
        assert {"id", "statement", "event_date", "years", "date"} <= set(row)
        assert isinstance(row["years"], int)


def test_year_defaults_to_this_year(facts: Path) -> None:
    this_year = str(dt.date.today().year)
    assert run("--all", store=facts).stdout == run("--all", "--year", this_year, store=facts).stdout


@pytest.mark.parametrize(
    ("options", "years"), [((), {65, 70, 50, 80}), (("--every", "10"), {70, 50, 80})]
)
def test_every_chooses_the_round_numbers(
    facts: Path, options: tuple[str, ...], years: set[int]
) -> None:
    data = as_json(run("--year", "2025", "--json", *options, store=facts))
    assert {r["years"] for r in data} == years


def test_all_lists_every_anniversary_but_never_the_0th(facts: Path) -> None:
    data = as_json(run("--year", "2026", "--all", "--json", store=facts))
    assert {r["id"] for r in data} == {
        fact_id for fact_id, _, date in EVENTS if 2026 - int(date[:4]) >= 1
    }
    assert min(int(str(r["years"])) for r in data) == 1
    assert "talks" not in {
        r["id"] for r in as_json(run("--year", "2025", "--all", "--json", store=facts))
    }


def test_leap_day_rule_is_shown_in_a_common_year(facts: Path) -> None:
    result = run("--year", "2025", store=facts)
    assert "Fri 28 Feb 2025 *" in result.stdout
    assert "29 February is observed on 28 February in common years" in result.stdout
    data = as_json(run("--year", "2025", "--json", store=facts))
    leap = next(r for r in data if r["id"] == "leap")
    assert leap["date"] == "2025-02-28"
    assert leap["event_date"] == "1960-02-29"


def test_upcoming_counts_down_across_the_turn_of_the_year(facts: Path) -> None:
    result = run("--upcoming", "40", "--from", "2025-12-01", "--all", store=facts)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "tomorrow" in out
    assert "in 32 days" in out
    assert out.index("Tue 2 Dec 2025") < out.index("Fri 2 Jan 2026")
    data = as_json(run("--upcoming", "40", "--from", "2025-12-01", "--all", "--json", store=facts))
    assert [(r["id"], r["days"], r["countdown"]) for r in data] == [
        ("republic", 1, "tomorrow"),
        ("new-year", 32, "in 32 days"),
    ]


def test_upcoming_starts_today_by_default(tmp_path: Path) -> None:
    today = dt.date.today()
    # Twenty years back keeps 29 February a leap day, and 20 is a round number.
    event = today.replace(year=today.year - 20)
    path = write_events(tmp_path, [("today", "Something happened.", event.isoformat())])
    result = run("--upcoming", "0", store=path)
    assert result.exit_code == 0, result.output
    assert "today" in result.stdout
    assert "20th" in result.stdout


def test_nothing_found_is_an_empty_json_array_and_exit_1(facts: Path) -> None:
    result = run("--year", "2027", "--every", "7", "--json", store=facts)
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []
    plain = run("--year", "2027", "--every", "7", store=facts)
    assert plain.exit_code == 1
    assert plain.stdout == ""
    assert "No anniversaries that are multiples of 7 in 2027; try --all." in plain.stderr


def test_ics_file_is_written_and_parses(facts: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.ics"
    result = run("--year", "2025", "--ics", str(target), store=facts)
    assert result.exit_code == 0, result.output
    assert f"Wrote 4 events to {target}." in result.stderr
    assert "Left out (the article gives no day): 80th anniversary" in result.stderr
    assert "Tue 7 Oct 2025" in result.stdout
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert sorted(str(e["UID"]) for e in events) == [
        "leap-2025@laorus",
        "party-2025@laorus",
        "relations-2025@laorus",
        "republic-2025@laorus",
    ]
    assert all(type(e.decoded("DTSTART")) is dt.date for e in events)


def test_recurring_ics_has_one_yearly_event_per_fact(facts: Path, tmp_path: Path) -> None:
    target = tmp_path / "yearly.ics"
    result = run("--year", "2025", "--ics", str(target), "--recurring", "--json", store=facts)
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == 5
    assert "Wrote 4 yearly events" in result.stderr
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert {str(e["UID"]) for e in events} == {
        "leap-yearly@laorus",
        "party-yearly@laorus",
        "relations-yearly@laorus",
        "republic-yearly@laorus",
    }
    assert all(e["RRULE"]["FREQ"] == ["YEARLY"] for e in events)


def test_ics_with_nothing_dated_writes_no_file(tmp_path: Path) -> None:
    path = write_events(tmp_path, [("victory", "Victory came in 1945.", "1945")])
    target = tmp_path / "out.ics"
    result = run("--year", "2025", "--ics", str(target), store=path)
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"Error: nothing to write to {target}: the article gives no day"
    )
    assert not target.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--year", "abc"], "'abc' is not a year from 1 to 9999"),
        (["--year", "0"], "'0' is not a year from 1 to 9999"),
        (["--year", "-5"], "'-5' is not a year from 1 to 9999"),
        (["--year", "100000"], "'100000' is not a year from 1 to 9999"),
        (["--year", "2025.5"], "'2025.5' is not a year from 1 to 9999"),
        (["--every", "0"], "'0' is not a number from 1 to 1000"),
        (["--every", "five"], "'five' is not a number from 1 to 1000"),
        (["--upcoming", "-3"], "'-3' is not a number from 0 to 36525"),
        (["--upcoming", "30", "--from", "2025-13-01"], "'2025-13-01' is not a date"),
        (["--upcoming", "30", "--from", "9999-12-25"], "is past the year 9999"),
        (["--upcoming", "3", "--year", "2025"], "cannot go with --year"),
        (["--from", "2025-12-01"], "needs --upcoming DAYS"),
        (["--all", "--every", "5"], "cannot go with --every"),
        (["--recurring"], "needs --ics FILE"),
    ],
)
def test_bad_input_is_a_usage_error(facts: Path, args: list[str], message: str) -> None:
    result = run(*args, store=facts)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.output
    assert sum(message in line for line in result.stderr.splitlines()) == 1


def _unwritable(kind: str, tmp_path: Path) -> Path:
    if kind == "missing directory":
        return tmp_path / "missing" / "out.ics"
    return tmp_path


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("missing directory", "does not exist; create it first"),
        ("directory", "it is a folder; give the name of a file"),
    ],
)
def test_unwritable_ics_path_is_one_line_error_and_leaves_no_file(
    facts: Path, tmp_path: Path, kind: str, message: str
) -> None:
    before = sorted(tmp_path.iterdir())
    target = _unwritable(kind, tmp_path)
    result = run("--year", "2025", "--ics", str(target), store=facts)
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"Error: cannot write {target}")
    assert message in lines[0]
    assert sorted(tmp_path.iterdir()) == before


def test_read_only_directory_is_refused_without_leftovers(
    facts: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    if os.geteuid() == 0:
        # root ignores directory permissions, so make the refusal happen as it would for a user.
        def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr("tempfile.mkstemp", refuse)
    try:
        result = run("--year", "2025", "--ics", str(locked / "out.ics"), store=facts)
        assert result.exit_code == 1
        assert result.stderr.strip() == (
            f"Error: cannot write {locked / 'out.ics'}: not allowed to write there"
            " (Permission denied); choose a folder you can write to"
        )
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o755)


def test_a_write_that_fails_midway_leaves_no_half_written_ics(
    facts: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.ics"

    def full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", full)
    result = run("--year", "2025", "--ics", str(target), store=facts)
    assert result.exit_code == 1
    assert "No space left on device" in result.stderr
    assert "Traceback" not in result.output
    assert [p.name for p in tmp_path.iterdir()] == [facts.name]


def test_table_on_a_terminal_fits_60_columns(facts: Path) -> None:
    result = run("--year", "2030", store=facts, columns=60, terminal=True)
    assert result.exit_code == 0
    shown = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)
    assert max(len(line) for line in shown.splitlines()) <= 60
    assert "Events whose day the article does not give come last." in shown


def _since(item: dict[str, object]) -> str:
    """The Since cell of a JSON record: "22 Mar 1955", "Jun 2025" or "1945"."""
    day = dt.date.fromisoformat(f"{item['event_date']}-01-01"[:10])
    if item["precision"] == "day":
        return f"{day.day} {day:%b} {day.year}"
    return f"{day:%b} {day.year}" if item["precision"] == "month" else str(day.year)


def _date(item: dict[str, object], today: dt.date | None) -> str:
    """The Date cell of a JSON record: the day and how soon, or the month or year."""
    if item["date"] is None:
        month = ""
        if item["precision"] == "month":
            month = f"{dt.date(1, int(str(item['event_date'])[5:7]), 1):%b} "
        return f"{month}{item['year']} day unknown"
    day = dt.date.fromisoformat(str(item["date"]))
    shown = f"{day:%a} {day.day} {day:%b} {day.year}"
    return f"{shown} {item['countdown']}" if today is not None else shown


@pytest.mark.parametrize("columns", [40, 50, 60, 100])
@pytest.mark.parametrize(
    "args",
    [("--year", "2030"), ("--upcoming", "30", "--from", "2025-11-20")],
    ids=["year", "upcoming"],
)
def test_table_on_a_terminal_wraps_every_cell_whole_and_crops_none(
    args: tuple[str, ...], columns: int
) -> None:
    result = run(*args, columns=columns, terminal=True)
    assert result.exit_code == 0, result.output
    lines = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout).splitlines()
    assert max(len(line) for line in lines) <= columns
    at = next(n for n, line in enumerate(lines) if line.split()[:2] == ["Date", "Years"])
    header = lines[at]
    assert header.split() == ["Date", "Years", "Event", "Since"]
    listed = as_json(run(*args, "--json"))
    period = "2030" if args[0] == "--year" else "2025-11-20 to 2025-12-20"
    title = " ".join(" ".join(lines[:at]).split())
    assert title == f"Anniversaries {period} (every 5th year)"
    # Each row starts on the line whose Years cell is filled; its cells go on below it.
    years, event, since = (header.index(name) for name in ("Years", "Event", "Since"))
    columns_of = [(0, years), (years, event), (event, since), (since, columns)]
    body = lines[at + 2 :]
    if args[0] == "--year":  # the footnote, wrapped under the table
        footnote = "Events whose day the article does not give come last."
        end = [n for n in range(len(body)) if " ".join(" ".join(body[n:]).split()) == footnote]
        assert end
        body = body[: end[0]]
    starts = [n for n, line in enumerate(body) if line[years:event].strip()]
    rows = [body[a:b] for a, b in zip(starts, [*starts[1:], len(body)], strict=True)]
    assert len(rows) == len(listed)
    today = dt.date(2025, 11, 20) if args[0] == "--upcoming" else None
    for row, item in zip(rows, listed, strict=True):
        cells = [" ".join(" ".join(line[a:b] for line in row).split()) for a, b in columns_of]
        assert cells == [_date(item, today), item["ordinal"], item["event"], _since(item)]


def test_piped_table_is_plain_with_each_event_on_one_line(facts: Path) -> None:
    result = run("--year", "2030", "--all", store=facts, columns=60)
    assert result.exit_code == 0
    assert "\x1b[" not in result.stdout
    lines = result.stdout.splitlines()
    assert lines[0] == "Anniversaries 2030 (every anniversary)"
    assert lines[2].split() == ["Date", "Years", "Since", "Event"]
    assert [line for line in lines if line != line.rstrip()] == []
    at = lines[2].index("Event")
    listed = as_json(run("--year", "2030", "--all", "--json", store=facts))
    table = lines[3 : lines.index("", 3)]  # the notes come after a blank line
    events = [line[at:] for line in table if len(line) > at]
    assert events == [item["event"] for item in listed]
    assert lines[-1] == "Events whose day the article does not give come last."


def test_help_has_an_example() -> None:
    result = runner.invoke(app, ["anniversaries", "--help"])
    assert result.exit_code == 0
    assert "Example: laorus anniversaries" in result.stdout


def test_ics_keeps_an_existing_file_without_force(facts: Path, tmp_path: Path) -> None:
    target = tmp_path / "mine.ics"
    target.write_text("mine", encoding="utf-8")
    result = run("--year", "2025", "--ics", str(target), store=facts)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"Error: {target} exists already; add --force to replace it, or give another name\n"
    )
    assert target.read_text(encoding="utf-8") == "mine"
    replaced = run("--year", "2025", "--ics", str(target), "--force", store=facts)
    assert replaced.exit_code == 0, replaced.output
    assert target.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


def test_force_without_ics_is_a_usage_error(facts: Path) -> None:
    result = run("--year", "2025", "--force", store=facts)
    assert result.exit_code == 2
    assert "needs --ics FILE" in result.stderr


def test_a_calendar_with_no_known_day_prints_the_table_and_says_how_to_fix_it(
    small_store: Path, tmp_path: Path
) -> None:
    # With --every 20, 2045 has only the 20th of the elephants' gift, dated "2025".
    target = tmp_path / "c.ics"
    result = run("--year", "2045", "--every", "20", "--ics", str(target), store=small_store)
    assert result.exit_code == 1, result.output
    assert "20th  2025" in result.stdout
    assert "day unknown" in result.stdout
    assert result.stderr.startswith(f"Error: nothing to write to {target}: the article gives no")
    assert result.stderr.endswith(
        ", and an event without a day cannot go in a calendar; try another --year or --every\n"
    )
    assert len(result.stderr.splitlines()) == 1
    assert not target.exists()
