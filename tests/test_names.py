"""The names vocabulary: read from [[names]], checked by validate, kept by the cache, looked up."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from laorus.cli import app
from laorus.errors import StoreError
from laorus.store.model import NAME_KINDS, Name
from laorus.store.read import load
from tests.conftest import SMALL_STORE

runner = CliRunner()

NAMES = """
[[names]]
name = "Rosatom State Corporation"
kind = "company"
variants = ["Rosatom", "Rosatom State Atomic Energy Corporation"]

[[names]]
name = "Laos"
kind = "country"
variants = ["Lao PDR", "Lao People's Democratic Republic"]
"""


def _problems(write_store: Callable[[str], Path], names: str) -> list[str]:
    path = write_store(SMALL_STORE + names)
    with pytest.raises(StoreError) as caught:
        load(path)
    return [str(problem) for problem in caught.value.problems]


def _line_of(text: str, needle: str, after: str) -> int:
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if after in line)
    return next(i for i in range(start, len(lines)) if needle in lines[i]) + 1


def test_names_load_with_their_kind_and_variants(write_store: Callable[[str], Path]) -> None:
    store = load(write_store(SMALL_STORE + NAMES))
    assert store.names[0] == Name(
        "Rosatom State Corporation",
        "company",
        ("Rosatom", "Rosatom State Atomic Energy Corporation"),
    )
    assert store.names[1].group == "place"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("rosatom", "Rosatom State Corporation"),
        ("the Rosatom State Atomic Energy Corporation", "Rosatom State Corporation"),
        ("LAO PDR", "Laos"),
        ("Laos's", "Laos"),
        ("Lao People’s Democratic Republic", "Laos"),
    ],
)
def test_any_folded_form_finds_its_name(
    write_store: Callable[[str], Path], text: str, name: str
) -> None:
    found = load(write_store(SMALL_STORE + NAMES)).name_of(text)
    assert found is not None
    assert found.name == name


def test_an_unknown_form_finds_nothing(write_store: Callable[[str], Path]) -> None:
    assert load(write_store(SMALL_STORE + NAMES)).name_of("Rusal") is None


def test_validate_refuses_a_name_absent_from_the_article(
    write_store: Callable[[str], Path],
) -> None:
    names = '\n[[names]]\nname = "Atlantis"\nkind = "city"\nvariants = ["Atlantida"]\n'
    problems = _problems(write_store, names)
    line = _line_of(SMALL_STORE + names, 'name = "Atlantis"', "[[names]]")
    assert len(problems) == 1
    assert (
        f":{line}: name 'Atlantis': names[0].name: neither the name nor any variant"
        in (problems[0])
    )


def test_a_variant_from_outside_the_article_is_fine_beside_an_article_form(
    write_store: Callable[[str], Path],
) -> None:
    names = '\n[[names]]\nname = "Laos"\nkind = "country"\nvariants = ["Muang Lao"]\n'
    assert load(write_store(SMALL_STORE + names)).name_of("Muang Lao") is not None


def test_validate_refuses_a_variant_claimed_by_two_names(
    write_store: Callable[[str], Path],
) -> None:
    names = NAMES + '\n[[names]]\nname = "Rosatom"\nkind = "organisation"\n'
    problems = _problems(write_store, names)
    text = SMALL_STORE + names
    line = len(text.splitlines()) - 1  # the last [[names]] table's name
    assert problems == [
        f"{Path(problems[0].split(':')[0])}:{line}: name 'Rosatom': names[2].name:"
        " 'Rosatom' already belongs to 'Rosatom State Corporation' (names[0]); a form may name"
        " only one thing: remove it from one of them"
    ]


def test_validate_refuses_an_unknown_kind(write_store: Callable[[str], Path]) -> None:
    names = '\n[[names]]\nname = "Laos"\nkind = "nation"\n'
    problems = _problems(write_store, names)
    line = _line_of(SMALL_STORE + names, 'kind = "nation"', "[[names]]")
    assert len(problems) == 1
    assert f":{line}: name 'Laos': names[0].kind: unknown kind 'nation'; use one of" in problems[0]
    assert ", ".join(NAME_KINDS) in problems[0]


@pytest.mark.parametrize(
    ("table", "field", "message"),
    [
        ('name = "Laos"\nkind = "country"\nvariants = "Lao PDR"', "variants", "must be an array"),
        ('name = "Laos"\nkind = "country"\ntitles = ["King"]', "titles", "only a person"),
        ('name = "Laos"\nkind = "country"\nguessed = "yes"', "guessed", "must be true or false"),
        ('name = "Laos"\nkind = "country"\nabbreviation = "LA"', "abbreviation", "unknown field"),
        ('kind = "country"', "name", "missing"),
    ],
)
def test_validate_names_the_field_of_a_malformed_name(
    write_store: Callable[[str], Path], table: str, field: str, message: str
) -> None:
    problems = _problems(write_store, f"\n[[names]]\n{table}\n")
    assert len(problems) == 1
    assert f"names[0].{field}: {message}" in problems[0]


def test_laorus_validate_prints_each_name_problem_with_its_line(
    write_store: Callable[[str], Path],
) -> None:
    names = '\n[[names]]\nname = "Atlantis"\nkind = "planet"\n'
    path = write_store(SMALL_STORE + names)
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    line = _line_of(SMALL_STORE + names, "[[names]]", "[[names]]")
    assert f"{path}:{line + 2}: name 'Atlantis': names[0].kind: unknown kind 'planet'" in (
        result.stderr
    )


def test_the_shipped_store_names_every_name_its_facts_do() -> None:
    from laorus.answers.names import shipped_store

    store = shipped_store()
    named = {name for fact in store.facts for name in fact.names}
    assert sorted(n for n in named if store.name_of(n) is None) == []


def test_the_cache_keeps_the_names(tmp_path: Path) -> None:
    import sqlite3

    from laorus.answers.names import shipped_store
    from laorus.cache.database import write
    from laorus.cache.reader import read_store
    from laorus.search.index import SearchIndex

    store = shipped_store()
    file = tmp_path / "cache.sqlite3"
    assert write(file, store, SearchIndex.build(store), "key")
    with sqlite3.connect(file) as db:
        cached = read_store(db, store.path)
    assert cached.names == store.names
    assert cached.name_of("Kyiv") == store.name_of("Kiev")


def test_importing_the_grader_stays_light() -> None:
    light = (
        "import sys, laorus; from laorus import grade;"
        " print('dateutil.parser' in sys.modules, 'tomllib' in sys.modules)"
    )
    found = subprocess.run(
        [sys.executable, "-c", light], capture_output=True, text=True, check=True
    )
    assert found.stdout.split() == ["False", "False"]
    graded = "from laorus import grade; print(grade('Kazan, Russia', 'Kazan').correct)"
    done = subprocess.run(
        [sys.executable, "-c", graded], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["True"]


def test_rivals_are_the_other_names_of_a_kind_or_of_a_kind_group() -> None:
    from laorus.answers.names import rival_names, shipped_store

    store = shipped_store()
    cities = {n.name for n in rival_names(["Kazan"], store, kind="city")}
    places = {n.name for n in rival_names(["Kazan"], store, kind="place")}
    assert "Kazan" not in places
    assert {"Moscow", "Vientiane"} <= cities < places
    assert "Russia" in places - cities
    assert all(n.kind == "city" for n in rival_names(["Kazan"], store, kind="city"))
