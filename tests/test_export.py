"""The export core: which questions an export holds, the Anki package it makes, the CSV text."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from laorus.errors import LaorusError
from laorus.export.anki import anki_package
from laorus.export.cards import Card, anki_tag, cards
from laorus.export.csv import COLUMNS, csv_text
from laorus.paths import default_path
from laorus.quiz.cloze import blanks, distinct
from laorus.quiz.items import QuizItem, Selection
from laorus.store.model import Source, Store
from laorus.store.read import load
from tests.conftest import SMALL_STORE

EVERYTHING = Selection()


@pytest.fixture(scope="module")
def shipped() -> Store:
    return load(default_path())


def open_package(data: bytes, tmp_path: Path) -> sqlite3.Connection:
    """The Anki collection inside an .apkg's bytes, opened with sqlite3."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "collection.anki2" in archive.namelist()
        archive.extract("collection.anki2", tmp_path)
    return sqlite3.connect(tmp_path / "collection.anki2")


def note_types(db: sqlite3.Connection) -> dict[int, dict[str, Any]]:
    models: dict[str, dict[str, Any]] = json.loads(
        db.execute("select models from col").fetchone()[0]
    )
    return {int(model_id): model for model_id, model in models.items()}


def notes(db: sqlite3.Connection) -> Iterator[tuple[str, str, dict[str, str], list[str]]]:
    """(guid, note type name, fields by name, tags) of every note."""
    types = note_types(db)
    for guid, mid, flds, tags in db.execute("select guid, mid, flds, tags from notes"):
        model = types[mid]
        names = [field["name"] for field in model["flds"]]
        fields = dict(zip(names, flds.split("\x1f"), strict=True))
        yield guid, model["name"], fields, sorted(tags.split())


def by_question(db: sqlite3.Connection) -> dict[str, tuple[str, dict[str, str], list[str]]]:
    return {
        fields.get("Question", fields.get("Text", "")): (name, fields, tags)
        for _, name, fields, tags in notes(db)
    }


# -- which questions ----------------------------------------------------------------------------


def test_choice_exports_every_question_that_may_be_asked_with_choices(shipped: Store) -> None:
    exported = [card.item.key for card in cards(shipped, "choice", EVERYTHING)]
    expected = [
        f"{fact.id}#{number}"
        for fact in shipped.facts
        for number, question in enumerate(fact.questions, 1)
        if question.asked_in("choice")
    ]
    assert exported == expected
    assert len(expected) > shipped.questions * 9 // 10


def test_free_export_leaves_out_the_questions_asked_only_with_choices(shipped: Store) -> None:
    exported = {card.item.key for card in cards(shipped, "free", EVERYTHING)}
    for fact in shipped.facts:
        for number, question in enumerate(fact.questions, 1):
            assert (f"{fact.id}#{number}" in exported) == question.asked_in("free")


def test_cloze_exports_every_blank_once(shipped: Store) -> None:
    every = {b.key for group in distinct(blanks(shipped)).values() for b in group}
    exported = cards(shipped, "cloze", EVERYTHING)
    assert [card.item.mode for card in exported] == ["cloze"] * len(every)
    assert {card.item.key for card in exported} == every


def test_mixed_is_every_question_and_every_blank(shipped: Store) -> None:
    mixed = [card.item for card in cards(shipped, "mixed", EVERYTHING)]
    questions = [
        f"{fact.id}#{number}"
        for fact in shipped.facts
        for number, question in enumerate(fact.questions, 1)
        if question.asked_in("free") or question.asked_in("choice")
    ]
    cloze = [card.item.key for card in cards(shipped, "cloze", EVERYTHING)]
    assert [item.key for item in mixed] == questions + cloze
    # Free where a question may be asked free, else with its choices.
    assert {item.mode for item in mixed} == {"free", "choice", "cloze"}


def test_choice_questions_carry_their_options_with_the_answer_among_them(shipped: Store) -> None:
    asked = [card.item for card in cards(shipped, "choice", EVERYTHING)]
    with_options = [item for item in asked if item.mode == "choice"]
    assert with_options
    for item in with_options:
        assert item.answer in item.choices
        assert len(item.choices) >= 2


@pytest.mark.parametrize(
    ("selection", "fact_ids"),
    [
        (Selection(category="history"), {"lao-pdr-proclaimed"}),
        (Selection(tag="nuclear"), {"nuclear-plant"}),
        (Selection(tag="Diplomatic Relations"), {"relations-established"}),
    ],
)
def test_filters_narrow_the_export(
    small_store: Path, selection: Selection, fact_ids: set[str]
) -> None:
    exported = cards(load(small_store), "free", selection)
    assert {card.item.fact_id for card in exported} == fact_ids


def test_a_filter_that_leaves_nothing_is_an_error(small_store: Path) -> None:
    with pytest.raises(LaorusError, match="no questions in category culture to export"):
        cards(load(small_store), "free", Selection(category="culture"))


def test_choices_are_the_same_in_two_exports(shipped: Store) -> None:
    first = [card.item.choices for card in cards(shipped, "choice", EVERYTHING)]
    again = [card.item.choices for card in cards(load(default_path()), "choice", EVERYTHING)]
    assert first == again


@pytest.mark.parametrize(
    ("tag", "anki"),
    [("nuclear", "nuclear"), ("diplomatic relations", "diplomatic_relations"), (" a  b ", "a_b")],
)
def test_a_tag_becomes_an_anki_tag_without_spaces(tag: str, anki: str) -> None:
    assert anki_tag(tag) == anki


# -- Anki ---------------------------------------------------------------------------------------


def test_the_package_holds_one_note_per_exported_question(shipped: Store, tmp_path: Path) -> None:
    exported = cards(shipped, "mixed", EVERYTHING)
    db = open_package(anki_package(shipped.source, exported), tmp_path)
    assert db.execute("select count(*) from notes").fetchone()[0] == len(exported)
    decks = json.loads(db.execute("select decks from col").fetchone()[0])
    assert shipped.source.title in {deck["name"] for deck in decks.values()}
    types = {model["name"]: model["type"] for model in note_types(db).values()}
    assert types == {"laorus type-in": 0, "laorus choice": 0, "laorus cloze": 1}


def test_a_free_question_is_a_type_in_note_with_the_evidence_highlighted(
    small_store: Path, tmp_path: Path
) -> None:
    store = load(small_store)
    db = open_package(anki_package(store.source, cards(store, "free", EVERYTHING)), tmp_path)
    model = next(m for m in note_types(db).values() if m["name"] == "laorus type-in")
    assert "{{type:Answer}}" in model["tmpls"][0]["qfmt"]
    name, fields, tags = by_question(db)["Which company could build a nuclear power plant?"]
    assert name == "laorus type-in"
    assert fields["Answer"] == "Rosatom"
    assert fields["Evidence"] == "<mark>Rosatom</mark> could build a small nuclear power plant."
    assert fields["Fact"] == "nuclear-plant"
    assert fields["Date"] == ""
    assert tags == ["atomic", "category::economy", "energy", "nuclear"]


def test_the_back_shows_accepted_forms_and_a_derived_date(
    small_store: Path, tmp_path: Path
) -> None:
    store = load(small_store)
    db = open_package(anki_package(store.source, cards(store, "free", EVERYTHING)), tmp_path)
    _, fields, tags = by_question(db)["When were diplomatic relations established?"]
    assert fields["Accepted"] == "1960-10-07"
    assert fields["Date"].startswith("1960-10-07 <i>(derived: The 65th anniversary fell")
    assert "diplomatic_relations" in tags


def test_a_cloze_blank_is_an_anki_cloze_note(small_store: Path, tmp_path: Path) -> None:
    store = load(small_store)
    exported = cards(store, "cloze", Selection(category="history"))
    db = open_package(anki_package(store.source, exported), tmp_path)
    [(_, name, fields, tags)] = list(notes(db))
    assert name == "laorus cloze"
    assert "The Lao PDR was proclaimed on {{c1::December 2, 1975}}." in fields["Text"]
    assert fields["Answer"] == "December 2, 1975"
    assert fields["Evidence"] == "The Lao PDR was proclaimed on <mark>December 2, 1975</mark>."
    assert "category::history" in tags
    model = next(m for m in note_types(db).values() if m["name"] == "laorus cloze")
    assert model["type"] == 1
    assert "{{cloze:Text}}" in model["tmpls"][0]["qfmt"]


def test_a_choice_question_shows_its_options_on_the_front(shipped: Store, tmp_path: Path) -> None:
    exported = cards(shipped, "choice", EVERYTHING)
    item = next(card.item for card in exported if card.item.mode == "choice")
    db = open_package(anki_package(shipped.source, exported), tmp_path)
    model = next(m for m in note_types(db).values() if m["name"] == "laorus choice")
    assert "{{Choices}}" in model["tmpls"][0]["qfmt"]
    name, fields, _ = by_question(db)[item.prompt]
    assert name == "laorus choice"
    assert fields["Answer"] == item.answer
    for choice in item.choices:
        assert f"<li>{choice}</li>" in fields["Choices"]


def test_two_exports_give_the_same_ids(shipped: Store, tmp_path: Path) -> None:
    exported = cards(shipped, "mixed", EVERYTHING)
    first = open_package(anki_package(shipped.source, exported, timestamp=1e9), tmp_path / "a")
    again = open_package(anki_package(shipped.source, exported, timestamp=2e9), tmp_path / "b")
    query = "select guid, mid from notes order by guid"
    assert first.execute(query).fetchall() == again.execute(query).fetchall()
    assert (
        json.loads(first.execute("select decks from col").fetchone()[0]).keys()
        == json.loads(again.execute("select decks from col").fetchone()[0]).keys()
    )


def test_editing_one_question_changes_only_its_note(write_store: Any, tmp_path: Path) -> None:
    before = load(write_store(SMALL_STORE))
    old, new = "In what year was the Lao PDR proclaimed?", "Which year saw the Lao PDR proclaimed?"
    after = load(write_store(SMALL_STORE.replace(old, new)))
    fields: list[dict[str, str]] = []
    for number, store in enumerate((before, after)):
        data = anki_package(store.source, cards(store, "mixed", EVERYTHING))
        db = open_package(data, tmp_path / str(number))
        fields.append({guid: "|".join(f.values()) for guid, _, f, _ in notes(db)})
    assert fields[0].keys() == fields[1].keys()
    changed = [guid for guid in fields[0] if fields[0][guid] != fields[1][guid]]
    assert len(changed) == 1
    assert new in fields[1][changed[0]]


SOURCE = Source(
    title="A <Tricky> Article",
    author="Someone",
    published=dt.date(2025, 11, 20),
    published_in="Tests",
    text="",
)
TRICKY = Card(
    item=QuizItem(
        key="tricky#1",
        fact_id="tricky",
        category="culture",
        mode="free",
        prompt='He said, "yes, <b>and</b> no"\nthen left: who?',
        answer="Smith, Jones & Co.",
        accept=('"Smith"', "Jones,\nand Co."),
        context='As "Smith, Jones & Co." put it, <b>all</b> is well.',
        highlight=(4, 22),
    ),
    tags=("arts and crafts", "gift"),
    date="2025",
    derived="'This year' in an article of 2025.",
)


def test_the_anki_fields_are_html_escaped(tmp_path: Path) -> None:
    db = open_package(anki_package(SOURCE, [TRICKY]), tmp_path)
    [(_, _, fields, tags)] = list(notes(db))
    assert (
        fields["Question"] == "He said, &quot;yes, &lt;b&gt;and&lt;/b&gt; no&quot;\nthen left: who?"
    )
    assert fields["Evidence"] == (
        "As &quot;<mark>Smith, Jones &amp; Co.</mark>&quot; put it, &lt;b&gt;all&lt;/b&gt; is well."
    )
    assert tags == ["arts_and_crafts", "category::culture", "gift"]


# -- CSV ----------------------------------------------------------------------------------------


def test_the_csv_reads_back_into_the_same_questions_and_answers(shipped: Store) -> None:
    exported = cards(shipped, "mixed", EVERYTHING)
    rows = list(csv.DictReader(io.StringIO(csv_text(exported), newline="")))
    assert [(row["question"], row["answer"]) for row in rows] == [
        (card.item.prompt, card.item.answer) for card in exported
    ]
    assert [row["fact id"] for row in rows] == [card.item.fact_id for card in exported]


def test_commas_quotes_and_newlines_survive_the_csv() -> None:
    text = csv_text([TRICKY])
    [row] = list(csv.DictReader(io.StringIO(text, newline="")))
    assert tuple(row) == COLUMNS
    assert row["question"] == TRICKY.item.prompt
    assert row["answer"] == TRICKY.item.answer
    assert row["accepted forms"].split(" | ") == list(TRICKY.item.accept)
    assert row["evidence"] == TRICKY.item.context
    assert row["tags"] == "arts_and_crafts gift"
    assert row["category"] == "culture"


def test_the_csv_lists_the_choices_of_a_choice_question(shipped: Store) -> None:
    exported = cards(shipped, "choice", EVERYTHING)
    rows = list(csv.DictReader(io.StringIO(csv_text(exported), newline="")))
    for card, row in zip(exported, rows, strict=True):
        listed = row["choices"].split(" | ") if row["choices"] else []
        assert listed == list(card.item.choices)


def test_a_card_dates_a_span_from_its_start_to_its_end(shipped: Store) -> None:
    spans = {f.id: f for f in shipped.facts if f.date and f.end_date and f.questions}
    assert spans
    for card in cards(shipped, "free", EVERYTHING):
        fact = spans.get(card.item.fact_id)
        if fact is not None:
            assert fact.date
            assert fact.end_date
            assert card.date == f"{fact.date.iso()} to {fact.end_date.iso()}"
