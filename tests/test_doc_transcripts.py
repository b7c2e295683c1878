"""The transcript checker itself: it fails on a changed line and updates only output lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import doc_transcripts as transcripts

PAGE = """\
# A page

Some prose with `$ not a command` inline.

```console
$ echo hello
hello
$ echo out; echo err >&2; exit 3
out
err
[exit 3]
```

- In a list:

  ```console
  $ printf 'a\\nb\\n'
  a
  b
  ```

```text file=note.txt
from a file block
```

```console
$ cat note.txt
from a file block
$ date +%Y
[..]
```

Last line.
"""


def _page(tmp_path: Path, text: str = PAGE) -> Path:
    path = tmp_path / "page.md"
    path.write_text(text, encoding="utf-8")
    return path


def _check(path: Path) -> tuple[transcripts.Page, list[transcripts.Result]]:
    page = transcripts.parse(path)
    return page, transcripts.run(page)


def test_a_page_whose_transcripts_are_right_passes(tmp_path: Path) -> None:
    page, results = _check(_page(tmp_path))
    assert page.problems == ()
    assert [r.command.text for r in results] == [
        "echo hello",
        "echo out; echo err >&2; exit 3",
        "printf 'a\\nb\\n'",
        "cat note.txt",
        "date +%Y",
    ]
    assert all(result.ok for result in results)
    assert transcripts.report(page, results) == ""


@pytest.mark.parametrize(
    ("line", "changed", "shown"),
    [
        ("hello\n$", "hullo\n$", "-hullo"),
        ("err\n", "error\n", "-error"),
        ("[exit 3]", "[exit 1]", "-[exit 1]"),
        ("  b\n", "  c\n", "-c"),
        ("from a file block\n$", "from another block\n$", "-from another block"),
    ],
)
def test_a_changed_expected_line_fails_and_is_reported(
    tmp_path: Path, line: str, changed: str, shown: str
) -> None:
    text = PAGE.replace(line, changed, 1)
    assert text != PAGE
    page, results = _check(_page(tmp_path, text))
    assert [result.ok for result in results].count(False) == 1
    assert shown in transcripts.report(page, results).splitlines()


def test_a_missing_or_extra_output_line_fails(tmp_path: Path) -> None:
    _, results = _check(_page(tmp_path, PAGE.replace("hello\n$ echo out", "$ echo out")))
    assert not results[0].ok
    _, results = _check(_page(tmp_path, PAGE.replace("[..]\n", "[..]\nmore\n")))
    assert not results[-1].ok


def test_trailing_spaces_and_final_blank_lines_do_not_count() -> None:
    assert transcripts.matches(["a", "b", ""], ["a  ", "b"])
    assert not transcripts.matches(["a", "", "b"], ["a", "b"])


@pytest.mark.parametrize(
    ("expected", "actual", "ok"),
    [
        ("since [..]", "since 2026-11-27", True),
        ("since [..]", "since ", True),
        ("since [..] ago", "since 3 days ago", True),
        ("since [..] ago", "since 3 days", False),
        ("a.b", "axb", False),
    ],
)
def test_a_wildcard_matches_any_text_within_one_line(expected: str, actual: str, ok: bool) -> None:
    assert transcripts.line_matches(expected, actual) is ok


def test_update_rewrites_only_the_output_lines_that_changed(tmp_path: Path) -> None:
    stale = (
        PAGE.replace("hello\n$", "hullo\nsecond line\n$", 1)
        .replace("  b\n", "  c\n")
        .replace("[exit 3]", "[exit 9]")
    )
    path = _page(tmp_path, stale)
    page, results = _check(path)
    assert transcripts.update(page, results) is True
    assert path.read_text(encoding="utf-8") == PAGE
    page, results = _check(path)
    assert transcripts.update(page, results) is False


def test_an_unchecked_transcript_is_not_run(tmp_path: Path) -> None:
    page = transcripts.parse(_page(tmp_path, "```console unchecked\n$ false\nwhatever\n```\n"))
    assert page.commands == []
    assert page.problems == ()


@pytest.mark.parametrize(
    ("block", "problem"),
    [
        ("```text\n$ laorus search x\nout\n```\n", "outside a console block"),
        ("```sh\n$ laorus show x\n```\n", "outside a console block"),
        ("```console\nno command here\n```\n", "without a '$ ' command"),
        ("```console skip\n$ true\n```\n", "unknown transcript option 'skip'"),
    ],
)
def test_a_transcript_that_would_escape_the_check_is_reported(
    tmp_path: Path, block: str, problem: str
) -> None:
    page = transcripts.parse(_page(tmp_path, block))
    assert len(page.problems) == 1
    assert problem in page.problems[0]


def test_commands_run_in_a_folder_of_their_own_that_is_laorus_home(tmp_path: Path) -> None:
    text = '```console\n$ test "$LAORUS_HOME" = "$PWD" && echo $NO_COLOR $COLUMNS\n1 80\n```\n'
    _, results = _check(_page(tmp_path, text))
    assert results[0].ok, results[0].actual


def test_broken_relative_links_and_anchors_are_found(tmp_path: Path) -> None:
    (tmp_path / "other.md").write_text("# Other\n\n## The `show` command\n", encoding="utf-8")
    path = _page(
        tmp_path,
        "[ok](other.md) [ok](other.md#the-show-command) [ok](#a-page) "
        "[web](https://example.org/x) [bad](missing.md) [bad](other.md#nowhere)\n\n# A page\n",
    )
    broken = transcripts.broken_links(path)
    assert len(broken) == 2
    assert "missing.md: no such file" in broken[0]
    assert "other.md#nowhere: no heading with that anchor" in broken[1]


TABLE = """\
| answer | expected | kind | verdict |
| --- | --- | --- | --- |
| `Rosatm` | Rosatom | organisation | ✓ accepted, with a typo: Rosatom |
| `100 scholarships` | 100 (or one hundred, 100 scholarships) | number | ✓ correct |
| (empty) | Vientiane | place | ✗ no answer |
"""


def test_verdict_rows_read_the_answer_the_forms_the_kind_and_the_verdict() -> None:
    rows = transcripts.verdict_rows(TABLE.splitlines())
    assert [(r.line, r.answer, r.expected, r.accept, r.kind, r.verdict) for r in rows] == [
        (2, "Rosatm", "Rosatom", (), "organisation", "✓ accepted, with a typo: Rosatom"),
        (3, "100 scholarships", "100", ("one hundred", "100 scholarships"), "number", "✓ correct"),
        (4, "", "Vientiane", (), "place", "✗ no answer"),
    ]


def test_a_new_verdict_replaces_only_its_cell() -> None:
    lines = TABLE.splitlines()
    row = transcripts.verdict_rows(lines)[0]
    new = transcripts.with_verdicts(lines, [(row, "✗ wrong answer")])
    assert new[2] == "| `Rosatm` | Rosatom | organisation | ✗ wrong answer |"
    assert new[:2] + new[3:] == lines[:2] + lines[3:]


QUESTION_TABLE = """\
| answer | expected | kind | question | verdict |
| --- | --- | --- | --- | --- |
| `the energy sector` | energy | text | Which sector is named first? | ✓ correct |
| `Rosatm` | Rosatom | organisation | | ✓ accepted, with a typo: Rosatom |
"""


def test_a_question_column_gives_the_question_and_an_empty_cell_none() -> None:
    rows = transcripts.verdict_rows(QUESTION_TABLE.splitlines())
    assert [(r.answer, r.kind, r.question, r.verdict) for r in rows] == [
        ("the energy sector", "text", "Which sector is named first?", "✓ correct"),
        ("Rosatm", "organisation", None, "✓ accepted, with a typo: Rosatom"),
    ]
    assert [row.question for row in transcripts.verdict_rows(TABLE.splitlines())] == [None] * 3


def test_a_new_verdict_keeps_the_question_cell() -> None:
    lines = QUESTION_TABLE.splitlines()
    row = transcripts.verdict_rows(lines)[0]
    new = transcripts.with_verdicts(lines, [(row, "✗ wrong answer")])
    assert (
        new[2]
        == "| `the energy sector` | energy | text | Which sector is named first? | ✗ wrong answer |"
    )
