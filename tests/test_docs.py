"""The docs cannot drift from the code: every transcript in README.md and docs/*.md is run.

The convention for transcripts is in tests/doc_transcripts.py (and docs/README.md). After a
change of output, regenerate the expected output of every transcript with one command, then
read the diff:

    LAORUS_UPDATE_DOCS=1 python -m pytest tests/test_docs.py
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests import doc_transcripts as transcripts

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
UPDATE = os.environ.get("LAORUS_UPDATE_DOCS") == "1"


def _name(path: Path) -> str:
    return str(path.relative_to(ROOT))


_INVOCATION = re.compile(r"(?:^|[\s|;&(])laorus(?:\s+--facts(?:=|\s+)\S+)?\s+([a-z][\w-]*)")
"""``laorus [--facts PATH] COMMAND`` anywhere in a command line (after a pipe, an env var...)."""


def _commands_named(pages: list[Path]) -> set[str]:
    """The laorus commands that the checked transcripts of ``pages`` run."""
    return {
        match.group(1)
        for path in pages
        for command in transcripts.parse(path).commands
        for match in _INVOCATION.finditer(command.text)
    }


def _app_commands() -> set[str]:
    import typer
    import typer.main
    from typer.core import TyperGroup

    from laorus.cli import app

    group = typer.main.get_command(app)
    assert isinstance(group, TyperGroup)
    return set(group.list_commands(typer.Context(group)))


@pytest.mark.parametrize("path", PAGES, ids=_name)
def test_every_transcript_prints_what_the_page_says(path: Path) -> None:
    page = transcripts.parse(path)
    assert not page.problems, "\n".join(page.problems)
    results = transcripts.run(page)
    if UPDATE:
        transcripts.update(page, results)
        return
    failures = transcripts.report(page, results)
    assert not failures, (
        f"{failures}\n\nIf the new output is right: LAORUS_UPDATE_DOCS=1 python -m pytest "
        "tests/test_docs.py, then read the diff."
    )


@pytest.mark.parametrize("path", PAGES, ids=_name)
def test_relative_links_point_to_existing_files_and_headings(path: Path) -> None:
    assert transcripts.broken_links(path) == []


def test_every_command_has_a_checked_transcript_in_the_docs() -> None:
    assert _app_commands() - _commands_named(PAGES) == set()


def test_the_readme_shows_every_command_and_stays_short() -> None:
    readme = ROOT / "README.md"
    assert _app_commands() - _commands_named([readme]) == set()
    assert len(readme.read_text(encoding="utf-8").splitlines()) <= 200


def test_every_command_has_its_own_page() -> None:
    pages = {path.stem for path in (ROOT / "docs").glob("*.md")}
    assert _app_commands() - pages == set()


def test_the_docs_index_lists_every_command_with_its_page() -> None:
    index = (ROOT / "docs" / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^- \[`laorus ([a-z-]+)`\]\(\1\.md\)", index, re.MULTILINE))
    assert listed == _app_commands()


def test_the_readme_setup_block_is_not_a_transcript() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- setup -->\n```sh\n(.*?)```\n<!-- /setup -->", text, re.DOTALL)
    assert block is not None
    lines = block.group(1).splitlines()
    assert [line.split()[0] for line in lines] == ["python", "python"]


def test_the_grading_examples_are_the_graders_verdicts() -> None:
    from laorus.answers.grade import grade
    from laorus.paths import default_path
    from laorus.quiz.items import rivals_for
    from laorus.store.read import load

    page = ROOT / "docs" / "grading.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    rows = transcripts.verdict_rows(lines)
    assert len(rows) >= 20
    store = load(default_path())
    actual = []
    for row in rows:
        forms = (row.expected, *row.accept)
        verdict = grade(
            row.answer,
            row.expected,
            aliases=row.accept,
            kind=row.kind,
            rivals=rivals_for(store, forms),
            store=store,
            question=row.question,
        )
        actual.append((row, ("✓ " if verdict.correct else "✗ ") + verdict.reason))
    if UPDATE:
        new = transcripts.with_verdicts(lines, actual)
        if new != lines:
            page.write_text("\n".join(new) + "\n", encoding="utf-8")
        return
    wrong = [
        f"{page.name}:{row.line + 1}: {row.answer!r}: the page says {row.verdict!r}, not {got!r}"
        for row, got in actual
        if got != row.verdict
    ]
    assert not wrong, "\n".join([*wrong, "If the grader is right: LAORUS_UPDATE_DOCS=1 ..."])
