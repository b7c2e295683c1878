"""The quiz's overview of a store: what it draws on every fact for, whole or from a cache file."""

from __future__ import annotations

import json
import random
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from laorus.cache import database
from laorus.cache import overview_record as overview_record_module
from laorus.cache import policy as cache
from laorus.cache.overview_record import overview_from_record, overview_record, read_quiz
from laorus.cli import app
from laorus.errors import LaorusError
from laorus.quiz.cloze import blanks, fact_blanks, sentence_spans
from laorus.quiz.items import MODES, Selection, build, facts_named
from laorus.quiz.overview import Overview, overview, provide
from laorus.store.model import Fact, Store
from laorus.store.read import load
from tests.test_cache import SHIPPED, copies

runner = CliRunner()


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A store of 300 facts (the shipped ones and copies) and a private LAORUS_HOME."""
    folder = tmp_path_factory.mktemp("overview")
    path = folder / "facts.toml"
    path.write_text(copies(300), encoding="utf-8")
    return path, {"LAORUS_HOME": str(folder / "home")}


def test_an_overview_reads_back_from_its_record_as_it_was_worked_out() -> None:
    store = load(SHIPPED)
    sentence_spans(store)
    worked_out = overview(store)
    again = overview_from_record(overview_record(worked_out), lambda _: None, lambda _: iter(()))
    assert again == worked_out
    assert again.spans


def test_an_overview_without_its_cloze_spans_is_not_saved() -> None:
    with pytest.raises(ValueError, match="spans"):
        overview_record(Overview.of(load(SHIPPED)))


def test_a_fact_s_blanks_are_those_of_its_row_in_the_overview() -> None:
    store = load(SHIPPED)
    every = blanks(store)
    rows = list(overview(store).rows())
    assert [row.id for row in rows] == [fact.id for fact in store.facts]
    for row in rows:
        found = fact_blanks(store, row.id, row.quote_start, row.quote_end)
        assert found == every.get(row.id, [])
    assert sum(len(found) for found in every.values()) > len(store.facts)


def _quiz_store(path: Path, home: dict[str, str]) -> tuple[Store, list[str]]:
    """The store as a quiz reads it from its cache, and the ids of the facts it decoded."""
    cache.load(path, threshold=0, environ=home)  # writes the cache
    store, _ = cache.load_for_quiz(path, threshold=0, environ=home)
    decoded: list[str] = []
    given = overview(store)
    read = given.fetch

    def fetch(fact_id: str) -> Fact | None:
        decoded.append(fact_id)
        return read(fact_id)

    provide(store, replace(given, fetch=fetch))
    return store, decoded


@pytest.mark.parametrize("category", [None, "economy"])
def test_a_cache_file_gives_the_rows_of_the_whole_store(
    stores: tuple[Path, dict[str, str]], category: str | None
) -> None:
    path, home = stores
    whole = load(path)
    part, _ = _quiz_store(path, home)
    expected = list(overview(whole).rows(category))
    assert list(overview(part).rows(category)) == expected
    assert len(expected) < len(whole.facts) if category else len(expected) == len(whole.facts)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "selection", [Selection(), Selection(category="economy"), Selection(tag="nuclear")]
)
def test_a_quiz_from_a_cache_file_asks_what_the_whole_store_asks(
    stores: tuple[Path, dict[str, str]], mode: str, selection: Selection
) -> None:
    path, home = stores
    whole = load(path)
    part, decoded = _quiz_store(path, home)
    assert part.facts == ()
    for seed in (1, 2, 3):
        expected = build(whole, mode, 12, random.Random(seed), selection)
        found = build(part, mode, 12, random.Random(seed), selection)
        assert found == expected
        assert expected
    # Only the facts the quiz looked at were decoded: a few of the store's.
    assert len(set(decoded)) < len(whole.facts) // 2


def test_due_reviews_from_a_cache_file_come_first_as_from_the_whole_store(
    stores: tuple[Path, dict[str, str]],
) -> None:
    path, home = stores
    whole = load(path)
    part, _ = _quiz_store(path, home)
    # A question, and a blank of a copy (which the quiz draws under the first fact's key).
    copy = next(f for f in whole.facts if "-copy-" in f.id and blanks(whole, (f,)))
    first = [f"{whole.facts[7].id}#1", blanks(whole, (copy,))[copy.id][0].key]
    expected = build(whole, "free", 5, random.Random(4), Selection(), first)
    found = build(part, "free", 5, random.Random(4), Selection(), first)
    assert found == expected
    assert [item.key for item in found[:2]] == first


def test_a_quiz_whose_cache_file_fails_mid_way_asks_the_same_from_the_whole_store(
    stores: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, home = stores
    argv = ["--facts", str(path), "quiz", "--mode", "mixed", "-n", "6", "--seed", "5"]
    argv += ["--answer-key", "--json"]
    expected = runner.invoke(app, argv, env=home)
    assert expected.exit_code == 0, expected.output

    def broken(text: str) -> Fact:
        msg = "damaged"
        raise ValueError(msg)

    monkeypatch.setattr(overview_record_module, "fact_from_record", broken)
    found = runner.invoke(app, argv, env=home)
    assert found.exit_code == 0, found.output
    assert json.loads(found.stdout) == json.loads(expected.stdout)


def test_a_store_read_in_part_is_never_quizzed_as_if_it_were_whole(
    stores: tuple[Path, dict[str, str]],
) -> None:
    path, home = stores
    cache.load(path, threshold=0, environ=home)
    part = cache.load_part(path, lambda ids: ids[:3], threshold=0, environ=home)
    assert part.partial
    with pytest.raises(LaorusError, match="every fact"):
        build(part, "free", 3, random.Random(1))


def _set_overview(field: str, value: str) -> str:
    """SQL that sets one field of the cached overview to a JSON value."""
    new = f"json_set(value, '$.{field}', json('{value}'))"
    return f"UPDATE meta SET value = {new} WHERE key = 'overview'"


@pytest.mark.parametrize(
    "damage",
    [
        "DELETE FROM facts WHERE id = 'rusal-copy-150'",
        _set_overview("sorts", "[]"),
        _set_overview("names", "[[1]]"),
        _set_overview("answer_forms", "null"),
        _set_overview("spans", "[[1, [[0, 2, 3]]]]"),
        "UPDATE facts SET quote_start = 'x' WHERE number = 3",
        "UPDATE facts SET modes = '{}'",
        "UPDATE facts SET tags = '[1, 2]'",
        "UPDATE facts SET data = (SELECT data FROM facts WHERE number = 5)",
        "UPDATE facts SET modes = '[[\"bogus\"]]' WHERE number = 4",
    ],
)
def test_a_cache_file_edited_by_hand_means_the_same_quiz_and_a_new_cache(
    tmp_path: Path, damage: str
) -> None:
    path = tmp_path / "facts.toml"
    path.write_text(copies(300), encoding="utf-8")
    env = {"LAORUS_HOME": str(tmp_path / "home")}
    argv = ["--facts", str(path), "quiz", "--mode", "mixed", "-n", "8", "--seed", "3"]
    argv += ["--tag", "nuclear", "--answer-key", "--json"]
    expected = runner.invoke(app, argv, env=env)
    assert expected.exit_code == 0, expected.output
    (file,) = (tmp_path / "home" / "cache").glob("*.sqlite3")
    with sqlite3.connect(file) as db:
        db.execute(damage)
    found = runner.invoke(app, argv, env=env)
    assert (found.exit_code, found.stdout) == (0, expected.stdout), found.output
    # The cache was written again: it reads whole, as the first run's did.
    db = database.open_matching(file, path)
    assert db is not None
    try:
        again = read_quiz(db, path)
        rows = list(overview(again).rows())
        assert rows == list(overview(load(path)).rows())
        assert [fact.id for fact in facts_named(again, [r.id for r in rows[:50]])] == [
            r.id for r in rows[:50]
        ]
    finally:
        db.close()
