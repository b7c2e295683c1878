"""`laorus export anki` and `laorus export csv` through Typer's CliRunner: files, paths, filters."""

from __future__ import annotations

import csv
import errno
import io
import os
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from laorus.cli import app

runner = CliRunner()
FORMATS = ("anki", "csv")
NAMES = {"anki": "deck.apkg", "csv": "questions.csv"}


def export(store: Path, *args: str) -> Result:
    """Run ``laorus --facts store export args``."""
    return runner.invoke(app, ["--facts", str(store), "export", *args])


def note_count(path: Path) -> int:
    with zipfile.ZipFile(path) as archive:
        archive.extract("collection.anki2", path.parent / "unzipped")
    db = sqlite3.connect(path.parent / "unzipped" / "collection.anki2")
    return int(db.execute("select count(*) from notes").fetchone()[0])


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "small.toml")


def test_export_anki_writes_a_deck_and_says_how_many_notes(
    small_store: Path, tmp_path: Path
) -> None:
    target = tmp_path / "deck.apkg"
    result = export(small_store, "anki", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == f"Wrote 3 notes to {target}.\n"
    assert note_count(target) == 3


def test_export_csv_writes_utf8_with_a_header_row(small_store: Path, tmp_path: Path) -> None:
    target = tmp_path / "questions.csv"
    result = export(small_store, "csv", str(target), "--mode", "mixed")
    assert result.exit_code == 0, result.output
    rows = csv_rows(target.read_text(encoding="utf-8"))
    assert result.stderr == f"Wrote {len(rows)} rows to {target}.\n"
    assert len(rows) > 3
    assert rows[0]["question"] == "When were diplomatic relations established?"


def test_export_csv_to_standard_output(small_store: Path) -> None:
    result = export(small_store, "csv", "-", "--tag", "nuclear")
    assert result.exit_code == 0, result.output
    [row] = csv_rows(result.stdout)
    assert row["answer"] == "Rosatom"
    assert row["fact id"] == "nuclear-plant"
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("args", "facts"),
    [
        (["-c", "history"], {"lao-pdr-proclaimed"}),
        (["--category", "economy"], {"nuclear-plant"}),
        (["-t", "diplomatic relations"], {"relations-established"}),
        (["--mode", "cloze", "-c", "history"], {"lao-pdr-proclaimed"}),
    ],
)
def test_the_filters_narrow_the_export(small_store: Path, args: list[str], facts: set[str]) -> None:
    result = export(small_store, "csv", "-", *args)
    assert result.exit_code == 0, result.output
    assert {row["fact id"] for row in csv_rows(result.stdout)} == facts


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--tag", "nuclr"], "no fact has the tag 'nuclr'; did you mean 'nuclear'?"),
        (["--mode", "quick"], "'quick' is not a mode; use free, choice, cloze or mixed"),
        (["-c", "sport"], "unknown category 'sport'"),
    ],
)
@pytest.mark.parametrize("kind", FORMATS)
def test_a_bad_filter_is_a_usage_error(
    small_store: Path, tmp_path: Path, kind: str, args: list[str], message: str
) -> None:
    result = export(small_store, kind, str(tmp_path / NAMES[kind]), *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("kind", FORMATS)
def test_a_filter_that_leaves_nothing_is_exit_1_and_no_file(
    small_store: Path, tmp_path: Path, kind: str
) -> None:
    result = export(small_store, kind, str(tmp_path / NAMES[kind]), "-c", "culture")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: no questions in category culture to export;"
        " loosen the filters or choose another mode\n"
    )
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("kind", FORMATS)
def test_an_existing_file_is_replaced_only_with_force(
    small_store: Path, tmp_path: Path, kind: str
) -> None:
    target = tmp_path / NAMES[kind]
    target.write_text("mine", encoding="utf-8")
    result = export(small_store, kind, str(target))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {target} exists already; add --force to replace it, or give another name\n"
    )
    assert target.read_text(encoding="utf-8") == "mine"
    result = export(small_store, kind, str(target), "--force")
    assert result.exit_code == 0, result.output
    assert target.read_bytes() != b"mine"
    assert leftovers(tmp_path) == [target.name]


@pytest.mark.parametrize("kind", FORMATS)
def test_a_missing_folder_is_one_line_and_exit_1(
    small_store: Path, tmp_path: Path, kind: str
) -> None:
    target = tmp_path / "missing" / NAMES[kind]
    result = export(small_store, kind, str(target))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: cannot write {target}: the folder {target.parent} does not exist;"
        " create it first or write to another folder\n"
    )
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("kind", FORMATS)
def test_a_folder_in_the_way_is_one_line_and_exit_1(
    small_store: Path, tmp_path: Path, kind: str
) -> None:
    target = tmp_path / NAMES[kind]
    target.mkdir()
    result = export(small_store, kind, str(target))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: cannot write {target}: it is a folder; give the name of a file to write in it\n"
    )
    assert list(target.iterdir()) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
@pytest.mark.parametrize("kind", FORMATS)
def test_a_read_only_folder_is_one_line_and_exit_1(
    small_store: Path, tmp_path: Path, kind: str
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = export(small_store, kind, str(folder / NAMES[kind]))
    finally:
        folder.chmod(0o755)
    assert result.exit_code == 1
    assert (
        "not allowed to write there (Permission denied); choose a folder you can" in result.stderr
    )
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("code", [errno.EACCES, errno.EROFS])
@pytest.mark.parametrize("kind", FORMATS)
def test_a_place_that_refuses_writing_is_one_line_and_exit_1(
    small_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, code: int
) -> None:
    import tempfile

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise OSError(code, os.strerror(code))

    # The same refusal a read-only folder or file system gives (root writes anywhere).
    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    target = tmp_path / NAMES[kind]
    result = export(small_store, kind, str(target))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: cannot write {target}: not allowed to write there ({os.strerror(code)});"
        " choose a folder you can write to\n"
    )
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("kind", FORMATS)
def test_ctrl_c_while_writing_leaves_no_partial_file(
    small_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    def interrupted(*args: Any, **kwargs: Any) -> None:
        raise KeyboardInterrupt

    target = tmp_path / NAMES[kind]
    target.write_text("old", encoding="utf-8")
    monkeypatch.setattr(os, "replace", interrupted)
    result = export(small_store, kind, str(target), "--force")
    assert result.exit_code == 130
    assert "Interrupted." in result.stderr
    assert target.read_text(encoding="utf-8") == "old"
    assert leftovers(tmp_path) == [target.name]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("-", "an Anki package cannot go to standard output; give a file name, e.g. deck.apkg"),
        ("deck.csv", "'deck.csv' does not end in .apkg, which Anki needs to import it"),
    ],
)
def test_an_anki_path_that_is_no_package_is_a_usage_error(
    small_store: Path, path: str, message: str
) -> None:
    result = export(small_store, "anki", path)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("command", [[], ["anki"], ["csv"]])
def test_export_help_shows_an_example(command: list[str]) -> None:
    result = runner.invoke(app, ["export", *command, "--help"])
    assert result.exit_code == 0
    assert "Example: laorus export" in result.stdout


def test_the_shipped_store_exports_every_question_that_may_be_asked_free(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from laorus.paths import default_path
    from laorus.store.read import load

    monkeypatch.delenv("LAORUS_FACTS", raising=False)
    result = runner.invoke(app, ["export", "csv", "-"])
    assert result.exit_code == 0, result.output
    store = load(default_path())
    free = sum(q.asked_in("free") for fact in store.facts for q in fact.questions)
    assert free < store.questions
    assert len(csv_rows(result.stdout)) == free
    result = runner.invoke(app, ["export", "csv", "-", "--mode", "choice"])
    choice = sum(q.asked_in("choice") for fact in store.facts for q in fact.questions)
    assert choice < store.questions  # some questions are asked free or as a cloze only
    assert len(csv_rows(result.stdout)) == choice


def test_the_csv_example_in_the_docs_is_what_the_command_prints(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import re
    import shlex

    monkeypatch.delenv("LAORUS_FACTS", raising=False)
    docs = (Path(__file__).parent.parent / "docs" / "export.md").read_text(encoding="utf-8")
    match = re.search(
        r"Example \(`laorus (export csv [^`]+)`, first row\):\n\n```csv\n(.*?)```", docs, re.S
    )
    assert match is not None
    result = runner.invoke(app, shlex.split(match[1]))
    assert result.exit_code == 0, result.output
    shown = match[2].splitlines()
    printed = result.stdout.splitlines()[: len(shown)]
    assert printed == shown, "docs/export.md: update the CSV example to the command's output"


@pytest.mark.parametrize("mode", ["free", "choice", "cloze", "mixed"])
def test_a_store_made_by_draft_exports_to_both_formats(mode: str, tmp_path: Path) -> None:
    article = Path(__file__).parent / "data" / "veloria_karstan_2024.txt"
    store = tmp_path / "drafted.toml"
    drafted = runner.invoke(app, ["draft", str(article), "-o", str(store)])
    assert drafted.exit_code == 0, drafted.output
    deck = tmp_path / "drafted.apkg"
    anki = export(store, "anki", str(deck), "--mode", mode)
    assert anki.exit_code == 0, anki.output
    table = export(store, "csv", "-", "--mode", mode)
    assert table.exit_code == 0, table.output
    rows = csv_rows(table.stdout)
    assert rows
    assert note_count(deck) == len(rows)
    assert all(row["fact id"] and row["answer"] and row["evidence"] for row in rows)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("pdf", "No such command 'pdf'; choose one of: anki, csv."),
        ("anky", "No such command 'anky'. Did you mean 'anki'?"),
    ],
)
def test_an_unknown_format_names_the_formats_there_are(typed: str, message: str) -> None:
    result = CliRunner().invoke(app, ["export", typed, "out"])
    assert result.exit_code == 2
    assert result.stderr == f"Error: {message} (see 'laorus export --help')\n"
