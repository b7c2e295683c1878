"""Find, run and update the command transcripts in Markdown pages (README.md and docs/*.md).

The convention (docs/README.md explains it to writers):

- A **transcript** is a fenced block whose info string is ``console``. A line starting with
  ``$ `` is a command, run by ``bash -c``; the lines after it, up to the next command or the end
  of the block, are its expected output: stdout and stderr together, in the order the program
  wrote them (as on a terminal, but into a pipe: no colour, no terminal layout).
- A command that exits with a status other than 0 ends its output with a line ``[exit N]``.
- Lines are compared without trailing spaces, and blank lines at the end of an output are
  ignored. ``[..]`` in an expected line matches any text within that line (for a date that
  depends on the day the docs are checked).
- The transcripts of one page run in order, in one fresh temporary folder that is also
  ``LAORUS_HOME`` (so the page has its own history and cache), with ``NO_COLOR=1``,
  ``COLUMNS=80``, ``TZ=UTC`` and no ``LAORUS_FACTS``; stdin is empty unless the command pipes
  into laorus.
- A fenced block whose info string has ``file=NAME`` (```` ```toml file=bad.toml ````) is
  written to NAME in that folder where the page reaches it, for the commands after it.
- ```` ```console unchecked ```` shows a transcript that is not run (rare: say why in the text).
  Any other fenced block that has a ``$ `` line is a mistake the check reports, so that a
  transcript cannot escape it by being marked ``text`` (a ``markdown`` block, which shows a
  page's source, may hold one).
- The shipped store's path, which depends on where laorus is installed, is written
  ``.../laorus/facts.toml``.

``update`` rewrites only the output lines of the commands whose output changed (an expected
line with ``[..]`` that still matches is kept); every other line of the page stays as it is.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

PROMPT = "$ "
"""How a command line starts inside a transcript."""
WILDCARD = "[..]"
"""In an expected line, matches any text within the line."""
SHIPPED_STORE_SHOWN = ".../laorus/facts.toml"
"""How the shipped store's path (which depends on the installation) is written."""
TIMEOUT = 60
"""Seconds one command may take before the check gives up on it."""


@dataclass(frozen=True)
class Command:
    """One ``$ `` line of a transcript and the output lines that follow it."""

    line: int
    """0-based index of the ``$ `` line in the page."""
    text: str
    expected: tuple[str, ...]
    output: range
    """Indices of the page's lines that hold the expected output."""
    indent: str
    """The fence's indentation (a transcript inside a list item), re-added on update."""


@dataclass(frozen=True)
class FileBlock:
    """A fenced block written to a file in the page's folder (``file=NAME``)."""

    line: int
    name: str
    content: str


@dataclass(frozen=True)
class Page:
    """A Markdown page: its lines, its steps in order, and the mistakes found in its blocks."""

    path: Path
    lines: tuple[str, ...]
    steps: tuple[Command | FileBlock, ...]
    problems: tuple[str, ...]

    @property
    def commands(self) -> list[Command]:
        """The page's commands, in order."""
        return [step for step in self.steps if isinstance(step, Command)]


@dataclass(frozen=True)
class Result:
    """A command's actual output, ready to compare with its expected lines."""

    command: Command
    actual: tuple[str, ...]

    @property
    def ok(self) -> bool:
        """True when every expected line matches the actual one."""
        return matches(self.command.expected, self.actual)


def parse(path: Path, text: str | None = None) -> Page:
    """Read ``path`` (or ``text`` as its content) into a Page."""
    from markdown_it import MarkdownIt

    source = path.read_text(encoding="utf-8") if text is None else text
    lines = tuple(source.splitlines())
    steps: list[Command | FileBlock] = []
    problems: list[str] = []
    for token in MarkdownIt("commonmark").parse(source):
        if token.type != "fence" or token.map is None:
            continue
        start, end = token.map
        if end - 1 > start and lines[end - 1].strip().startswith(token.markup):
            end -= 1  # the closing fence (an unclosed block runs to the end of the page)
        indent = lines[start][: len(lines[start]) - len(lines[start].lstrip())]
        body = [_dedent(line, indent) for line in lines[start + 1 : end]]
        words = token.info.split()
        where = f"{path}:{start + 1}"
        name = next((word[5:] for word in words if word.startswith("file=")), None)
        if name is not None:
            steps.append(FileBlock(start, name, "".join(line + "\n" for line in body)))
        elif words[:1] == ["console"]:
            if words[1:] == ["unchecked"]:
                continue
            if words[1:]:
                problems.append(f"{where}: unknown transcript option {' '.join(words[1:])!r}")
            steps.extend(_commands(body, start + 1, indent))
            if not any(line.startswith(PROMPT) for line in body):
                problems.append(f"{where}: a console block without a '$ ' command")
        elif words[:1] != ["markdown"] and any(line.startswith(PROMPT) for line in body):
            problems.append(f"{where}: a '$ ' line outside a console block is never checked")
    return Page(path, lines, tuple(steps), tuple(problems))


def _dedent(line: str, indent: str) -> str:
    return line[len(indent) :] if line.startswith(indent) else line.lstrip()


def _commands(body: Sequence[str], first: int, indent: str) -> Iterator[Command]:
    starts = [i for i, line in enumerate(body) if line.startswith(PROMPT)]
    for n, i in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else len(body)
        expected = tuple(body[i + 1 : stop])
        yield Command(
            first + i,
            body[i][len(PROMPT) :],
            expected,
            range(first + i + 1, first + stop),
            indent,
        )


def matches(expected: Sequence[str], actual: Sequence[str]) -> bool:
    """True when the lines match one for one (``[..]`` matches any text within a line)."""
    want, got = _trim(expected), _trim(actual)
    return len(want) == len(got) and all(map(line_matches, want, got))


def line_matches(expected: str, actual: str) -> bool:
    """True when ``actual`` is ``expected``, with each ``[..]`` standing for any text."""
    if WILDCARD not in expected:
        return expected == actual
    pattern = ".*".join(re.escape(part) for part in expected.split(WILDCARD))
    return re.fullmatch(pattern, actual) is not None


def _trim(lines: Sequence[str]) -> list[str]:
    """Lines without trailing spaces, and without blank lines at the end."""
    trimmed = [line.rstrip() for line in lines]
    while trimmed and not trimmed[-1]:
        trimmed.pop()
    return trimmed


def environment(folder: Path) -> dict[str, str]:
    """The environment the commands of a page run in (see the module docstring)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LAORUS_", "PYTEST_"))}
    bin_dir = str(Path(sys.executable).parent)
    env.update(
        PATH=bin_dir + os.pathsep + env.get("PATH", ""),
        LAORUS_HOME=str(folder),
        HOME=str(folder),
        NO_COLOR="1",
        COLUMNS="80",
        LINES="25",
        TZ="UTC",
        LC_ALL="C.UTF-8",
        PYTHONUNBUFFERED="1",
        PYTHONIOENCODING="utf-8",
    )
    env.pop("FORCE_COLOR", None)
    env.pop("TERM", None)
    return env


def run(page: Page) -> list[Result]:
    """Run the page's steps in order in a fresh folder; return each command's output."""
    from laorus.paths import default_path

    if shutil.which("laorus", path=str(Path(sys.executable).parent)) is None:
        message = f"no laorus script beside {sys.executable}; install laorus in this environment"
        raise RuntimeError(message)
    shipped = str(default_path())
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="laorus-docs-") as name:
        folder = Path(name)
        env = environment(folder)
        for step in page.steps:
            if isinstance(step, FileBlock):
                (folder / step.name).write_text(step.content, encoding="utf-8")
                continue
            done = subprocess.run(
                ["bash", "-c", step.text],
                cwd=folder,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                timeout=TIMEOUT,
                check=False,
            )
            text = done.stdout.decode("utf-8", errors="replace").replace(
                shipped, SHIPPED_STORE_SHOWN
            )
            actual = _trim(text.splitlines())
            if done.returncode:
                actual.append(f"[exit {done.returncode}]")
            results.append(Result(step, tuple(actual)))
    return results


def report(page: Page, results: Sequence[Result]) -> str:
    """A readable account of every command whose output differs, with a diff of each."""
    import difflib

    parts = []
    for result in results:
        if result.ok:
            continue
        where = f"{page.path}:{result.command.line + 1}"
        diff = difflib.unified_diff(
            _trim(result.command.expected), list(result.actual), "expected", "actual", lineterm=""
        )
        parts.append(f"{where}: $ {result.command.text}\n" + "\n".join(diff))
    return "\n\n".join(parts)


def updated(page: Page, results: Sequence[Result]) -> list[str]:
    """The page's lines with the output of every changed command replaced by the actual one."""
    lines = list(page.lines)
    for result in reversed(results):
        if result.ok:
            continue
        command = result.command
        want = _trim(command.expected)
        new = list(result.actual)
        if len(want) == len(new):  # keep the wildcard lines that still match
            new = [
                w if WILDCARD in w and line_matches(w, a) else a
                for w, a in zip(want, new, strict=True)
            ]
        # keep blank lines that separated this output from the next command
        tail = [""] * (len(command.expected) - len(_untrimmed_end(command.expected)))
        out = [command.indent + line if line else "" for line in [*new, *tail]]
        lines[command.output.start : command.output.stop] = out
    return lines


def _untrimmed_end(lines: Sequence[str]) -> list[str]:
    kept = list(lines)
    while kept and not kept[-1].strip():
        kept.pop()
    return kept


def update(page: Page, results: Sequence[Result]) -> bool:
    """Rewrite the page's file with the actual outputs; True when it changed."""
    original = page.path.read_text(encoding="utf-8")
    lines = updated(page, results)
    text = "\n".join(lines) + ("\n" if original.endswith("\n") else "")
    if text == original:
        return False
    page.path.write_text(text, encoding="utf-8")
    return True


def links(text: str) -> list[str]:
    """Every link and image target of a Markdown text, as written."""
    from markdown_it import MarkdownIt

    found: list[str] = []
    pending = list(MarkdownIt("commonmark").parse(text))
    while pending:
        token = pending.pop(0)
        pending[:0] = token.children or []
        target = token.attrGet("href") if token.type == "link_open" else token.attrGet("src")
        if isinstance(target, str):
            found.append(target)
    return found


def anchors(text: str) -> set[str]:
    """The anchors GitHub gives a text's headings ("## `laorus show`" -> laorus-show)."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(text)
    slugs: set[str] = set()
    for heading, inline in zip(tokens, tokens[1:], strict=False):
        if heading.type == "heading_open":
            title = "".join(child.content for child in inline.children or [])
            slug = re.sub(r"[^\w\- ]", "", title.strip().lower()).replace(" ", "-")
            base, n = slug, 1
            while slug in slugs:
                slug, n = f"{base}-{n}", n + 1
            slugs.add(slug)
    return slugs


def broken_links(path: Path) -> list[str]:
    """The relative links of page ``path`` whose file, or heading anchor, does not exist."""
    text = path.read_text(encoding="utf-8")
    broken = []
    for target in links(text):
        if re.match(r"[a-z][a-z0-9+.-]*:", target, re.IGNORECASE):
            continue  # https:, mailto: and the like: not checked offline
        file_part, _, anchor = target.partition("#")
        file = (path.parent / file_part).resolve() if file_part else path
        if not file.exists():
            broken.append(f"{path}: {target}: no such file")
        elif anchor and file.suffix == ".md" and anchor not in anchors(file.read_text("utf-8")):
            broken.append(f"{path}: {target}: no heading with that anchor")
    return broken


@dataclass(frozen=True)
class VerdictRow:
    """A row of a grading examples table: | `answer` | expected (or forms) | kind | verdict |.

    A table may have a question column before the verdict (| kind | question | verdict |); an
    empty question cell, or a table without the column, grades without the question.
    """

    line: int
    answer: str
    expected: str
    accept: tuple[str, ...]
    kind: str
    verdict: str
    question: str | None = None


_ROW = re.compile(
    r"\| (`(?P<answer>[^`]*)`|\(empty\)) \| (?P<expected>[^|]+?) \| (?P<kind>\w+) \|"
    r"(?: *(?P<question>[^|]*?) *\|)? (?P<verdict>[^|]+?) \|"
)
_FORMS = re.compile(r"(?P<expected>.*?)(?: \(or (?P<accept>.*)\))?")


def verdict_rows(lines: Sequence[str]) -> list[VerdictRow]:
    """The rows of the page's verdict tables (the answer in backticks, or "(empty)")."""
    rows = []
    for i, line in enumerate(lines):
        row = _ROW.fullmatch(line.strip())
        if row is None:
            continue
        forms = _FORMS.fullmatch(row["expected"])
        assert forms is not None
        accept = tuple(forms["accept"].split(", ")) if forms["accept"] else ()
        answer = row["answer"] or ""
        question = row["question"] or None
        rows.append(
            VerdictRow(i, answer, forms["expected"], accept, row["kind"], row["verdict"], question)
        )
    return rows


def with_verdicts(lines: Sequence[str], verdicts: Sequence[tuple[VerdictRow, str]]) -> list[str]:
    """The lines with each row's verdict cell replaced by the verdict given for it."""
    new = list(lines)
    for row, verdict in verdicts:
        head, _, _ = new[row.line].rstrip().rstrip("|").rstrip().rpartition(" | ")
        new[row.line] = f"{head} | {verdict} |"
    return new
