"""A store whose article has no publication date: it validates, and every command works on it."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sqlite3
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from laorus.cli import app
from laorus.quiz.history import store_id
from laorus.store.model import Source
from laorus.store.read import load
from tests.conftest import SMALL_STORE

runner = CliRunner()
DATED_LINE = "published = 2025-11-20\n"
UNDATED_STORE = SMALL_STORE.replace(DATED_LINE, "", 1)


@pytest.fixture
def undated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The small store without [source].published, and a private LAORUS_HOME."""
    assert DATED_LINE in SMALL_STORE
    monkeypatch.setenv("LAORUS_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("LAORUS_FACTS", raising=False)
    path = tmp_path / "undated.toml"
    path.write_text(UNDATED_STORE, encoding="utf-8")
    return path


def run(store: Path, *args: str, stdin: str | None = None) -> Result:
    return runner.invoke(app, ["--facts", str(store), *args], input=stdin)


def test_a_store_without_a_publication_date_loads_with_none(undated: Path) -> None:
    assert load(undated).source.published is None


def test_a_store_without_a_publication_date_validates(undated: Path) -> None:
    result = run(undated, "validate")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"{undated}: OK\n")
    assert "published" not in result.stderr  # the small store's actor warnings only


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("search", "nuclear"), "nuclear-plant"),
        (("show", "lao-pdr-proclaimed"), "2 December 1975"),
        (("timeline",), "relations-established"),
        (("anniversaries", "--year", "2030"), "Russia"),
    ],
)
def test_commands_work_on_a_store_without_a_publication_date(
    undated: Path, args: tuple[str, ...], expected: str
) -> None:
    result = run(undated, *args, "--json")
    assert result.exit_code == 0, result.output
    assert expected in result.stdout
    assert json.loads(result.stdout)


def test_the_calendar_names_the_article_without_a_date(undated: Path, tmp_path: Path) -> None:
    result = run(undated, "anniversaries", "--year", "2030", "--ics", "-")
    assert result.exit_code == 0, result.output
    unfolded = re.sub(r"\r?\n ", "", result.stdout)
    assert "Test Author\\, “A Small Article”\\, Tests" in unfolded
    assert "None" not in unfolded


@pytest.mark.parametrize("mode", ["free", "choice", "cloze", "mixed"])
def test_answer_key_fed_back_scores_every_question(undated: Path, mode: str) -> None:
    args = ("quiz", "--mode", mode, "--seed", "3", "--count", "50")
    key = run(undated, *args, "--answer-key", "--json")
    assert key.exit_code == 0, key.output
    answers = [q["answer"] for q in json.loads(key.stdout)]
    assert answers
    result = run(undated, *args, "--json", stdin="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["correct"] == summary["total"] == len(answers)


def test_stats_give_a_null_publication_date(undated: Path) -> None:
    key = run(undated, "quiz", "--seed", "1", "--count", "1", "--answer-key", "--json")
    answer = json.loads(key.stdout)[0]["answer"]
    assert run(undated, "quiz", "--seed", "1", "--count", "1", stdin=f"{answer}\n").exit_code == 0
    result = run(undated, "stats", "--json")
    assert result.exit_code == 0, result.output
    about = json.loads(result.stdout)["store"]
    assert about["published"] is None
    assert about["title"] == "A Small Article"
    assert json.loads(result.stdout)["answered"] == 1


def test_the_store_identity_depends_on_the_date_and_is_unchanged_when_dated() -> None:
    dated = Source("T", "A", dt.date(2025, 11, 20), "P", "text")
    undated = Source("T", "A", None, "P", "text")
    # The identity of a dated store is the one answer histories already hold.
    assert store_id(dated) == hashlib.sha1(b"T\nA\n2025-11-20").hexdigest()[:12]
    assert store_id(undated) != store_id(dated)


def test_export_writes_an_anki_deck_and_csv(undated: Path, tmp_path: Path) -> None:
    deck = tmp_path / "deck.apkg"
    anki = run(undated, "export", "anki", str(deck))
    assert anki.exit_code == 0, anki.output
    with zipfile.ZipFile(deck) as archive:
        archive.extract("collection.anki2", tmp_path / "unzipped")
    db = sqlite3.connect(tmp_path / "unzipped" / "collection.anki2")
    (decks,) = db.execute("select decks from col").fetchone()
    db.close()
    (deck,) = (d for d in json.loads(decks).values() if d["name"] == "A Small Article")
    assert deck["desc"] == "Questions on &#x27;A Small Article&#x27; by Test Author."
    table = run(undated, "export", "csv", "-")
    assert table.exit_code == 0, table.output
    assert "nuclear-plant" in table.stdout
