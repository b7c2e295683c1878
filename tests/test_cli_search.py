"""`laorus search`, `show` and `timeline` through Typer's CliRunner: exit codes, output, JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from laorus.cli import app
from tests.conftest import SMALL_STORE

runner = CliRunner()
PLAIN = {"NO_COLOR": "1", "COLUMNS": "60"}


def run(store: Path | None, *args: str):  # type: ignore[no-untyped-def]
    prefix = ["--facts", str(store)] if store is not None else []
    return runner.invoke(app, [*prefix, *args], env=PLAIN)


def assert_plain(text: str, width: int | None = 60) -> None:
    """No escape codes, no line ending in a space, and none wider than ``width`` (if given)."""
    assert "\x1b[" not in text
    assert not [line for line in text.splitlines() if line.endswith(" ")], text
    if width is not None:
        assert all(len(line) <= width for line in text.splitlines()), text


def fact_column(text: str) -> list[str]:
    """Search's plain format: under a Score, Date, Fact header, what the Fact column holds."""
    assert_plain(text, width=None)  # a pipe has no width: nothing is wrapped
    header, *lines = text.splitlines()
    assert header.split() == ["Score", "Date", "Fact"]
    return [line[header.index("Fact") :] for line in lines]


def test_search_prints_the_best_fact_with_its_id_and_date(small_store: Path) -> None:
    result = run(small_store, "search", "Rosatm")
    assert result.exit_code == 0, result.output
    assert "Rosatom could build a small nuclear power plant" in " ".join(result.stdout.split())
    assert "nuclear-plant" in result.stdout
    assert result.stderr == ""
    assert fact_column(result.stdout)[:2] == [
        "Rosatom could build a small nuclear power plant in Laos.",
        "nuclear-plant",
    ]


def test_search_words_may_be_given_as_one_argument_or_many(small_store: Path) -> None:
    many = run(small_store, "search", "nuclear", "power", "plant")
    one = run(small_store, "search", "nuclear power plant")
    assert many.exit_code == one.exit_code == 0
    assert many.stdout == one.stdout


def test_search_json_is_an_array_best_first_with_the_promised_fields(small_store: Path) -> None:
    result = run(small_store, "search", "Laos", "--json")
    assert result.exit_code == 0
    hits = json.loads(result.stdout)
    assert all(
        {"id", "statement", "quote", "date", "category", "tags", "score"} <= set(hit)
        for hit in hits
    )
    scores = [hit["score"] for hit in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= score <= 100 for score in scores)
    by_id = {hit["id"]: hit for hit in hits}
    assert by_id["elephants"]["tags"] == ["elephant", "gift"]
    # Dates as the store writes them: full, year only, or null when undated.
    assert by_id["relations-established"]["date"] == "1960-10-07"
    assert by_id["elephants"]["date"] == "2025"
    assert by_id["nuclear-plant"]["date"] is None


def test_search_quotes_are_shown_beneath_each_fact(small_store: Path) -> None:
    without = run(small_store, "search", "elephants")
    with_quotes = run(small_store, "search", "elephants", "--quotes")
    assert "“Laos gave two elephants.”" not in without.stdout
    assert "“Laos gave two elephants.”" in with_quotes.stdout


def test_search_limit_caps_the_rows(small_store: Path) -> None:
    result = run(small_store, "search", "Laos", "--json", "--limit", "1")
    assert len(json.loads(result.stdout)) == 1


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--category", "culture"], ["elephants"]),
        (["--tag", "nuclear"], ["nuclear-plant"]),
        (["--from", "2000"], ["elephants"]),
        (["--to", "1970"], ["relations-established"]),
        (["--from", "1980", "--to", "1990"], []),
    ],
)
def test_search_filters(small_store: Path, options: list[str], expected: list[str]) -> None:
    result = run(small_store, "search", "Laos", *options, "--json")
    assert [hit["id"] for hit in json.loads(result.stdout)] == expected
    assert result.exit_code == (0 if expected else 1)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nucleus"], "No fact matches 'nucleus'. Did you mean: nuclear?"),
        (["bitcoin"], "No fact matches 'bitcoin'. Try other or fewer words."),
        (
            ["Rosatom", "bitcoin"],
            "No fact matches 'Rosatom bitcoin'. No fact has the word 'bitcoin'; try without it.",
        ),
        (
            ["Rosatom", "bitcoin", "blockchain"],
            "No fact has the words 'bitcoin', 'blockchain'; try without them.",
        ),
        (["Rosatom", "--category", "culture"], "with these filters"),
        (["the", "of"], "Error: 'the of' has only question words and common words"),
        (["what", "happened?"], "try a name, a place or a date"),
    ],
)
def test_nothing_found_exits_1_and_says_why_on_stderr(
    small_store: Path, args: list[str], message: str
) -> None:
    result = run(small_store, "search", *args)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert message in result.stderr


def test_an_id_of_common_words_outside_the_filters_gets_the_filters_advice(
    write_store: Callable[[str | bytes], Path],
) -> None:
    # The one query of common words only that reaches the search: a fact's id ("what-the").
    store = write_store(SMALL_STORE.replace('id = "elephants"', 'id = "what-the"'))
    assert run(store, "search", "what-the").exit_code == 0
    result = run(store, "search", "what-the", "--category", "history")
    assert result.exit_code == 1
    assert result.stderr == (
        "No fact matches 'what-the' with these filters (try without --category, --tag, --from"
        " or --to). Try other or fewer words.\n"
    )


def test_nothing_found_with_json_prints_an_empty_array(small_store: Path) -> None:
    result = run(small_store, "search", "bitcoin", "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([""], "query is empty"),
        (["   ", "\t"], "query is empty"),
        (["?!..."], "no words to search for"),
    ],
)
def test_an_empty_or_blank_query_is_a_usage_error(
    small_store: Path, args: list[str], message: str
) -> None:
    result = run(small_store, "search", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_a_10000_character_query_is_answered_without_a_crash(small_store: Path) -> None:
    text = " ".join(f"word{n}" for n in range(2000))[:10_000]
    result = run(small_store, "search", text)
    assert result.exit_code == 1
    assert "only the first 32 different words" in result.stderr
    assert "Traceback" not in result.output
    assert all(len(line) < 400 for line in result.stderr.splitlines())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", "Laos", "--category", "sport"], "unknown category 'sport'"),
        (["search", "Laos", "--tag", "nucler"], "did you mean 'nuclear'"),
        (["search", "Laos", "--from", "2020", "--to", "2000"], "--from 2020 is after --to 2000"),
        (["search", "Laos", "--limit", "0"], "--limit"),
        (["search", "Laos", "--from", "soon"], "--from"),
        (["timeline", "--category", "sports"], "unknown category 'sports'"),
        (["timeline", "--from", "2030", "--to", "2020"], "--from 2030 is after --to 2020"),
    ],
)
def test_bad_options_are_usage_errors(small_store: Path, args: list[str], message: str) -> None:
    result = run(small_store, *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_search_finds_the_readme_example_in_the_shipped_store() -> None:
    result = run(None, "search", "nuclear", "power", "plant")
    assert result.exit_code == 0
    assert "nuclear-power-plant" in fact_column(result.stdout)


def test_show_prints_the_fact_in_full_with_its_paragraph(small_store: Path) -> None:
    result = run(small_store, "show", "relations-established")
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    for expected in (
        "Russia and Laos established diplomatic relations on 7 October 1960.",
        "1960-10-07 (known to the day)",
        "Derived The 65th anniversary fell on 7 October 2025",
        "Category diplomacy",
        "Tags diplomatic relations, anniversary",
        "Places Russia, Laos",
        "1. When were diplomatic relations established?",
        "Answer: 7 October 1960 (also accepted: 1960-10-07)",
        "In the article (paragraph 1)",
        "«On 7 October 2025, Russia and Laos marked the 65th anniversary of diplomatic relations.»",
        "The Lao PDR was proclaimed",
    ):
        assert expected in out, expected
    assert_plain(result.stdout)


def test_show_names_the_paragraph_the_quote_is_in(small_store: Path) -> None:
    result = run(small_store, "show", "elephants")
    out = " ".join(result.stdout.split())
    assert "In the article (paragraph 2)" in out
    assert "«Laos gave two elephants.»" in out
    assert "Organisations" not in out


def test_show_json_has_every_field_and_the_paragraph(small_store: Path) -> None:
    result = run(small_store, "show", "relations-established", "--json")
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["id"] == "relations-established"
    assert record["date"] == "1960-10-07"
    assert record["anniversary"] == {"on": "2025-10-07", "nth": 65}
    assert record["derived"].startswith("The 65th anniversary")
    assert record["places"] == ["Russia", "Laos"]
    assert record["questions"][0]["accept"] == ["1960-10-07"]
    assert record["quote"] in record["paragraph"]


def test_show_an_unknown_id_suggests_the_nearest_and_exits_1(small_store: Path) -> None:
    result = run(small_store, "show", "nuclar")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "no fact has the id 'nuclar'; did you mean nuclear-plant" in result.stderr
    assert result.stderr.startswith("Error: ")


def test_timeline_groups_by_year_in_order(small_store: Path) -> None:
    result = run(small_store, "timeline")
    assert result.exit_code == 0, result.output
    lines = [line.strip() for line in result.stdout.splitlines()]
    years = [line for line in lines if line.isdigit()]
    assert years == ["1960", "1975", "2025"]
    out = result.stdout
    assert out.index("relations-established") < out.index("lao-pdr-proclaimed")
    assert "in 2025 *" in out  # year-only, and derived
    assert "7 Oct *" in out
    assert "2 Dec" in out
    assert "* date worked out from the article's words" in " ".join(out.split())
    assert "nuclear-plant" not in out  # undated
    assert_plain(out)


def test_timeline_json_is_chronological_with_iso_dates(small_store: Path) -> None:
    result = run(small_store, "timeline", "--json")
    events = json.loads(result.stdout)
    assert [(e["id"], e["date"]) for e in events] == [
        ("relations-established", "1960-10-07"),
        ("lao-pdr-proclaimed", "1975-12-02"),
        ("elephants", "2025"),
    ]
    assert all(e["statement"] for e in events)


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--from", "1970"], ["lao-pdr-proclaimed", "elephants"]),
        (["--to", "1975"], ["relations-established", "lao-pdr-proclaimed"]),
        (["--category", "culture"], ["elephants"]),
    ],
)
def test_timeline_filters(small_store: Path, options: list[str], expected: list[str]) -> None:
    result = run(small_store, "timeline", *options, "--json")
    assert result.exit_code == 0
    assert [e["id"] for e in json.loads(result.stdout)] == expected


def test_an_empty_timeline_exits_1(small_store: Path) -> None:
    plain = run(small_store, "timeline", "--from", "1980", "--to", "1990")
    as_json = run(small_store, "timeline", "--from", "1980", "--to", "1990", "--json")
    assert plain.exit_code == as_json.exit_code == 1
    assert "No dated facts" in plain.stderr
    assert json.loads(as_json.stdout) == []


def test_timeline_shows_ranges_and_month_only_dates_in_the_shipped_store() -> None:
    result = run(None, "timeline", "--from", "2025", "--to", "2025")
    assert result.exit_code == 0
    assert "31 Aug - 1 Sep" in result.stdout
    assert "in Jun" in result.stdout
    assert_plain(result.stdout)


def test_matched_words_are_highlighted_in_colour_and_in_bold_only_with_no_color() -> None:
    from rich.console import Console

    from laorus.cli.render_search import MATCH_STYLE, highlight

    text = highlight("Rosatom could build a plant.", {"rosatom", "plant"})
    lit = [text.plain[span.start : span.end] for span in text.spans if span.style == MATCH_STYLE]
    assert lit == ["Rosatom", "plant"]
    printed = []
    for no_color in (False, True):
        console = Console(force_terminal=True, color_system="standard", no_color=no_color)
        with console.capture() as captured:
            console.print(highlight("Rosatom could build.", {"rosatom"}))
        printed.append(captured.get())
    assert printed == [
        "\x1b[1;33mRosatom\x1b[0m could build.\n",
        "\x1b[1mRosatom\x1b[0m could build.\n",
    ]


@pytest.mark.parametrize(
    ("fact_id", "others"),
    [
        ("paek-monument", ["pilots-monuments", "vientiane-monument"]),
        ("pilots-monuments", ["paek-monument", "vientiane-monument"]),
    ],
)
def test_show_lists_the_other_facts_of_the_same_event(fact_id: str, others: list[str]) -> None:
    record = json.loads(run(None, "show", fact_id, "--json").stdout)
    assert record["same_event_facts"] == others
    text = run(None, "show", fact_id)
    assert text.exit_code == 0
    line = next(line for line in text.stdout.splitlines() if line.startswith("Same event"))
    assert line.split(None, 2)[2].strip() == ", ".join(others)


def test_show_says_what_a_marking_commemorates_and_the_event_what_marks_it() -> None:
    marking = json.loads(run(None, "show", "anniversary-65", "--json").stdout)
    assert marking["commemorates"] == "relations-established"
    event = json.loads(run(None, "show", "relations-established", "--json").stdout)
    assert event["commemorated_by"] == ["anniversary-65"]
    lines = run(None, "show", "relations-established").stdout.splitlines()
    assert any(line.split() == ["Marked", "by", "anniversary-65"] for line in lines)


def test_timeline_shows_the_2022_monuments_once_and_the_markings_under_2025() -> None:
    data = json.loads(run(None, "timeline", "--from", "2022", "--to", "2025", "--json").stdout)
    ids = [row["id"] for row in data]
    assert "paek-monument" not in ids
    assert "vientiane-monument" not in ids
    monuments = next(row for row in data if row["id"] == "pilots-monuments")
    assert monuments["same_event_facts"] == ["paek-monument", "vientiane-monument"]
    marking = next(row for row in data if row["id"] == "anniversary-65")
    assert marking["date"] == "2025-10-07"
    assert marking["commemorates"] == "relations-established"


def test_a_word_spelt_right_is_not_offered_a_word_that_only_looks_like_it() -> None:
    result = run(None, "search", "when", "was", "the", "treaty", "signed")
    assert result.exit_code == 1
    assert result.stderr == (
        "No fact matches 'when was the treaty signed'. No fact has the word 'signed';"
        " try without it.\n"
    )


@pytest.mark.parametrize("columns", [40, 50, 60, 80])
@pytest.mark.parametrize("query", ["Tianjin", "Putin Thongloun Kremlin"])
def test_at_a_terminal_a_date_range_leaves_the_fact_its_words_and_id_whole(
    columns: int, query: str
) -> None:
    import re

    [found] = json.loads(runner.invoke(app, ["search", query, "-n", "1", "--json"]).stdout)
    env = {"NO_COLOR": "1", "COLUMNS": str(columns), "TTY_COMPATIBLE": "1"}
    result = runner.invoke(app, ["search", query, "-n", "1"], env=env)
    assert result.exit_code == 0, result.output
    printed = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout).splitlines()
    assert all(len(line) <= columns for line in printed)
    days = [day for day in (found["date"], found["end_date"]) if day]
    if "Fact" not in printed[0]:
        # Too narrow for the id beside the dates: the fact's lines one under another, the id
        # whole on a line of its own.
        head, *statement, fact_id = printed
        assert re.findall(r"\d{4}-\d\d-\d\d", head) == days
        assert " ".join(line.strip() for line in statement) == found["statement"]
        assert fact_id == found["id"]
        return
    header, _, *lines = printed
    start = header.index("Fact")
    # The Fact column keeps a readable width, and no word of the statement is broken.
    assert columns - start >= 19
    assert " ".join(line[start:].strip() for line in lines).startswith(found["statement"])
    assert re.findall(r"\d{4}-\d\d-\d\d", " ".join(line[:start] for line in lines)) == days
    if len(days) == 1 or columns >= 60:  # a single date, or room for the range on one line
        assert " - ".join(days) in lines[0]
    assert found["id"] in [line[start:].strip() for line in lines]  # whole, never split


@pytest.mark.parametrize(
    ("options", "hint"),
    [
        (["--from", "1980", "--to", "1990"], "widen --from/--to."),
        (["--to", "1900"], "widen --from/--to."),
        (["--category", "economy"], "leave out --category."),
        (["--category", "economy", "--from", "2000"], "widen --from/--to or leave out --category."),
    ],
)
def test_an_empty_timeline_says_which_option_to_widen(
    small_store: Path, options: list[str], hint: str
) -> None:
    result = run(small_store, "timeline", *options)
    assert result.exit_code == 1
    assert result.stderr == f"No dated facts match these options; {hint}\n"


def test_a_timeline_of_a_store_without_dates_says_so(
    small_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("laorus.search.timeline.events", lambda *args, **kwargs: [])
    result = run(small_store, "timeline")
    assert result.exit_code == 1
    assert result.stderr == (
        "No fact in this store has a date; give facts a date to see them here.\n"
    )


@pytest.mark.parametrize("command", [["timeline"], ["search", "laos"]])
def test_year_gets_the_range_to_type_instead(small_store: Path, command: list[str]) -> None:
    result = run(small_store, *command, "--year", "2025")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: Invalid value for '--year': this command takes a range of years: for 2025 alone"
        f" give --from 2025 --to 2025 (see 'laorus {command[0]} --help')\n"
    )
    assert "--year" not in run(small_store, command[0], "--help").stdout


@pytest.mark.parametrize("columns", [40, 50, 60, 80])
@pytest.mark.parametrize(
    "args",
    [
        ["search", "strategic", "partnership", "declaration", "-n", "3"],
        ["timeline", "--from", "2011", "--to", "2011"],
    ],
)
def test_at_a_terminal_an_id_is_never_split(columns: int, args: list[str]) -> None:
    """An id is copied into 'laorus show': on a narrow terminal it goes on a line of its own."""
    import re

    env = {"NO_COLOR": "1", "COLUMNS": str(columns), "TTY_COMPATIBLE": "1"}
    result = runner.invoke(app, args, env=env)
    assert result.exit_code == 0, result.output
    printed = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)
    assert all(len(line) <= columns for line in printed.splitlines())
    assert "strategic-partnership-declaration-2011" in printed


def test_on_a_terminal_narrower_than_an_id_the_id_is_folded_not_cut() -> None:
    import re

    env = {"NO_COLOR": "1", "COLUMNS": "30", "TTY_COMPATIBLE": "1"}
    result = runner.invoke(app, ["search", "strategic", "partnership", "declaration"], env=env)
    lines = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout).splitlines()
    assert all(len(line) <= 30 for line in lines)
    assert "strategic-partnership-declaration-2011" in "".join(lines)
