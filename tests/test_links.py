"""Links between facts (commemorates, same_event) and the actor check: refusals and warnings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from laorus.errors import Problem, StoreError
from laorus.store.links import ordinals
from laorus.store.read import load

TEXT = (
    "On 7 October 2025, Russia and Laos marked the 65th anniversary of diplomatic relations. "
    "Our country helped the Lao PDR after its proclamation. "
    "Monuments were erected in 2022 - in Vientiane and in Paek. "
    "Russia sent two elephants."
)

HEAD = f"""\
[source]
title = "T"
author = "A"
published = 2025-11-20
published_in = "Tests"
text = '''
{TEXT}'''
"""

RELATIONS = """
[[facts]]
id = "relations"
statement = "The relations Russia and Laos mark date from 7 October 1960."
quote = "On 7 October 2025, Russia and Laos marked the 65th anniversary of diplomatic relations."
date = 1960-10-07
derived = "65 years before 7 October 2025."
category = "diplomacy"
"""

MARKING = """
[[facts]]
id = "marking"
statement = "On 7 October 2025 Russia and Laos marked the 65th anniversary of their relations."
quote = "marked the 65th anniversary"
date = 2025-10-07
commemorates = "relations"
category = "diplomacy"
"""

MONUMENTS = """
[[facts]]
id = "monuments"
statement = "Monuments were erected in Vientiane and Paek in 2022."
quote = "Monuments were erected in 2022"
date = "2022"
category = "history"

[[facts]]
id = "paek"
statement = "One monument erected in 2022 is in Paek."
quote = "in Paek"
date = "2022"
same_event = "monuments"
category = "history"
"""


def _store(write_store: Callable[[str], Path], *facts: str) -> Path:
    return write_store(HEAD + "".join(facts))


def _problems(path: Path) -> list[Problem]:
    with pytest.raises(StoreError) as caught:
        load(path)
    return caught.value.problems


def _line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if line.startswith(text))


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        ("marked the 65th anniversary", {65}),
        ("-70 years of the Party (March 22, 1955) and 50 years since", {70, 50}),
        ("the 80th Anniversary of Victory", {80}),
        ("65 Years of Time-Tested Friendship", {65}),
        ("In 2024, two meetings took place", set()),
    ],
)
def test_the_ordinals_a_quote_gives_are_found(quote: str, expected: set[int]) -> None:
    assert ordinals(quote) == expected


def test_a_marking_and_its_event_load_linked(write_store: Callable[[str], Path]) -> None:
    store = load(_store(write_store, RELATIONS, MARKING))
    relations, marking = store.facts
    assert marking.commemorates == "relations"
    assert not marking.own_event
    assert relations.own_event
    assert store.commemorated_by(relations) == (marking,)


@pytest.mark.parametrize(
    ("marking", "message"),
    [
        (MARKING.replace('"relations"', '"relation"'), "no fact has the id 'relation'"),
        (MARKING.replace("2025-10-07", "2026-10-07"), "the quote gives 65 years, but 2026 - 1960"),
        (MARKING.replace('"relations"', '"marking"'), "cannot commemorate itself"),
    ],
    ids=["missing target", "ordinal disagrees", "itself"],
)
def test_a_broken_marking_is_refused_with_file_line_and_field(
    write_store: Callable[[str], Path], marking: str, message: str
) -> None:
    path = _store(write_store, RELATIONS, marking)
    (problem,) = _problems(path)
    assert message in problem.message
    assert problem.file == str(path)
    assert problem.fact == "fact 'marking'"
    assert problem.field == "commemorates"
    assert problem.line == _line_of(path, "commemorates =")
    assert str(problem).startswith(f"{path}:{problem.line}: fact 'marking': commemorates: ")


def test_a_marking_of_a_marking_is_refused(write_store: Callable[[str], Path]) -> None:
    second = MARKING.replace('id = "marking"', 'id = "fifth"').replace(
        'commemorates = "relations"', 'commemorates = "marking"'
    )
    (problem,) = _problems(_store(write_store, RELATIONS, MARKING, second))
    assert problem.fact == "fact 'fifth'"
    assert "is itself the marking of an anniversary" in problem.message
    assert "'relations'" in problem.message


def test_a_marking_whose_quote_gives_no_ordinal_is_not_checked_for_one(
    write_store: Callable[[str], Path],
) -> None:
    marking = MARKING.replace('quote = "marked the 65th anniversary"', 'quote = "Russia and Laos"')
    store = load(_store(write_store, RELATIONS, marking.replace("2025-10-07", "2026-10-07")))
    assert store.get("marking") is not None


def test_facts_of_one_event_load_linked_both_ways(write_store: Callable[[str], Path]) -> None:
    store = load(_store(write_store, MONUMENTS))
    monuments, paek = store.facts
    assert [f.id for f in store.same_event_facts(paek)] == ["monuments"]
    assert [f.id for f in store.same_event_facts(monuments)] == ["paek"]
    assert monuments.own_event
    assert not paek.own_event


def test_an_undated_fact_may_tell_part_of_a_dated_event(write_store: Callable[[str], Path]) -> None:
    facts = MONUMENTS.replace('date = "2022"\nsame_event', "same_event")
    store = load(_store(write_store, facts))
    assert store.get("paek") is not None


@pytest.mark.parametrize(
    ("edit", "field", "message"),
    [
        (('same_event = "monuments"', 'same_event = "monument"'), "same_event", "no fact has"),
        (('date = "2022"\nsame_event', 'date = "2023"\nsame_event'), "date", "one event has one"),
        (('same_event = "monuments"', 'same_event = "paek"'), "same_event", "cannot point to"),
    ],
    ids=["missing primary", "other date", "itself"],
)
def test_a_broken_same_event_link_is_refused_with_its_field(
    write_store: Callable[[str], Path], edit: tuple[str, str], field: str, message: str
) -> None:
    path = _store(write_store, MONUMENTS.replace(*edit))
    (problem,) = _problems(path)
    assert message in problem.message
    assert problem.field == field
    assert problem.fact == "fact 'paek'"
    assert problem.line == _line_of(path, edit[1].split("\n")[0])


def test_a_chain_of_same_event_links_is_refused(write_store: Callable[[str], Path]) -> None:
    third = """
[[facts]]
id = "vientiane"
statement = "One monument erected in 2022 is in Vientiane."
quote = "in Vientiane"
date = "2022"
same_event = "paek"
category = "history"
"""
    (problem,) = _problems(_store(write_store, MONUMENTS, third))
    assert problem.fact == "fact 'vientiane'"
    assert "no chains" in problem.message
    assert "'monuments'" in problem.message


def _fact(fact_id: str, statement: str, quote: str, extra: str = "") -> str:
    return f"""
[[facts]]
id = "{fact_id}"
statement = "{statement}"
quote = "{quote}"
category = "history"
{extra}"""


def test_a_statement_naming_russia_for_our_country_is_warned_about(
    write_store: Callable[[str], Path],
) -> None:
    path = _store(
        write_store,
        _fact("help", "Russia helped the Lao PDR after its proclamation.", "Our country helped"),
    )
    (warning,) = load(path).warnings
    assert warning.fact == "fact 'help'"
    assert warning.field == "statement"
    assert warning.line == _line_of(path, "statement =")
    assert "names Russia" in warning.message
    assert "actor_note" in warning.message


@pytest.mark.parametrize(
    ("statement", "quote"),
    [
        ("Russia and Laos marked the anniversary.", "Russia and Laos marked"),
        # The sentence around the quote names Russia, though the quote does not.
        ("Russia sent two elephants.", "two elephants"),
        ("Our country helped the Lao PDR.", "Our country helped"),
        ("Russian-Lao help after the proclamation.", "Our country helped"),
    ],
)
def test_a_statement_whose_actors_the_article_names_is_not_warned_about(
    write_store: Callable[[str], Path], statement: str, quote: str
) -> None:
    assert load(_store(write_store, _fact("f", statement, quote))).warnings == ()


def test_an_actor_note_silences_the_warning_and_a_needless_one_is_warned_about(
    write_store: Callable[[str], Path],
) -> None:
    note = 'actor_note = "The writer is Russian: his country is Russia."\n'
    explained = _fact("help", "Russia helped the Lao PDR.", "Our country helped", note)
    needless = _fact("gift", "Russia sent two elephants.", "Russia sent two elephants.", note)
    (warning,) = load(_store(write_store, explained, needless)).warnings
    assert warning.fact == "fact 'gift'"
    assert warning.field == "actor_note"


def test_people_and_organisations_count_as_actors(write_store: Callable[[str], Path]) -> None:
    extra = 'people = ["Vladimir Putin"]\norganisations = ["ASEAN"]\n'
    fact = _fact("f", "Vladimir Putin and ASEAN helped.", "Our country helped", extra)
    (warning,) = load(_store(write_store, fact)).warnings
    assert "names Vladimir Putin and ASEAN" in warning.message


@pytest.mark.parametrize("field", ["commemorates", "same_event", "actor_note"])
def test_a_link_or_note_must_be_a_non_empty_string(
    write_store: Callable[[str], Path], field: str
) -> None:
    fact = _fact("f", "Russia and Laos marked it.", "Russia and Laos marked", f"{field} = 3\n")
    (problem,) = _problems(_store(write_store, fact))
    assert problem.field == field
    assert "must be a string, not an integer" in problem.message
