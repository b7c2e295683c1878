"""`laorus draft`: turn a plain-text article into a starter fact store for its author to review."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from laorus.cli.exits import usage_error
from laorus.cli.help import LaorusCommand
from laorus.cli.output import counted, error_console, out_console
from laorus.cli.targets import input_path, output_path, unreadable

app = typer.Typer(add_completion=False)

ARTICLE = "'ARTICLE'"
"""How a usage error names the article argument."""


def _published(value: str) -> dt.date:
    """A publication date YYYY-MM-DD, not after today; anything else is a usage error."""
    try:
        day = dt.date.fromisoformat(str(value).strip())
    except ValueError:
        msg = f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2025-11-20"
        raise usage_error(msg, "'--published'") from None
    if day > dt.date.today():
        msg = f"{day.isoformat()} is after today; give the date the article was published"
        raise usage_error(msg, "'--published'")
    return day


@app.command("draft", cls=LaorusCommand)
def draft(
    article: Annotated[
        str,
        typer.Argument(metavar="ARTICLE", help="Plain-text article (UTF-8), or - for stdin."),
    ],
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="STORE.toml",
            help="Where to write the store (- for stdout); default: ARTICLE with .toml.",
            show_default=False,
        ),
    ] = None,
    title: Annotated[str | None, typer.Option(metavar="TITLE", help="The article's title.")] = None,
    author: Annotated[
        str | None, typer.Option(metavar="NAME", help="The article's author.")
    ] = None,
    published: Annotated[
        dt.date | None,
        typer.Option(
            metavar="YYYY-MM-DD",
            parser=_published,
            help="Publication date; relative dates ('this year') count from it.",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", "-f", help="Replace the store if it exists.")
    ] = False,
) -> None:
    """Draft a fact store from a plain-text article: facts, dates, names and questions.

    Each sentence becomes a fact that quotes it; dates are kept at the article's precision,
    relative ones counted from the publication date, and each guess is marked for review.

    Example: laorus draft article.txt -o article.toml && laorus --facts article.toml validate
    """
    import sys

    from laorus.draft.facts import draft as make_draft
    from laorus.draft.source import decode, split
    from laorus.draft.write import to_toml

    source = None if article == "-" else input_path(article, ARTICLE, "a plain-text article")
    target = _target(source, output, force)
    raw = _read(source)
    name = "standard input" if article == "-" else article
    made = make_draft(
        split(decode(raw, name), name),
        today=dt.date.today(),
        title=title,
        author=author,
        published=published,
    )
    text = to_toml(made)
    if target is None:
        sys.stdout.write(text)
        _report(made, None, error=True)
        return
    from laorus.files import write_file

    write_file(target, text.encode("utf-8"))  # an existing file was refused above unless forced
    _report(made, target, error=False)


def _target(source: Path | None, output: str | None, force: bool) -> Path | None:
    """The store's path (by default the article's with .toml), or None for stdout."""
    if output == "-" or (output is None and source is None):
        return None
    if output is None:
        assert source is not None  # a folder, the only path without a name, was refused
        output = str(source.with_suffix(".toml"))
    return output_path(
        output,
        "'-o'",
        example="article.toml",
        force=force,
        reading=source,
        read_as="the article being read",
    )


def _read(source: Path | None) -> bytes:
    import sys

    if source is None:
        return sys.stdin.buffer.read()
    try:
        return source.read_bytes()
    except OSError as exc:  # gone or locked since it was checked
        raise unreadable(source, exc, ARTICLE) from None


def _report(made: object, target: Path | None, *, error: bool) -> None:
    """Say what was drafted and what the author should review."""
    from laorus.draft.facts import Draft

    assert isinstance(made, Draft)
    console = error_console() if error else out_console()
    facts = made.facts
    dated = sum(1 for f in facts if f.fact.date is not None)
    derived = sum(1 for f in facts if f.fact.derived is not None)
    questions = sum(len(f.fact.questions) for f in facts)
    where = "standard output" if target is None else str(target)
    lines = [
        f"Drafted {counted(len(facts), 'fact')} ({dated} dated, {derived} derived),"
        f" {counted(questions, 'question')} and {counted(len(made.names), 'name')} into {where}.",
    ]
    if made.cut:
        cut = counted(len(made.cut), "trailing line")
        lines.append(f"Cut {cut} of page furniture from the article.")
    source = made.source
    missing = [
        what
        for what, value in (("title", source.title), ("author", source.author))
        if value is None
    ]
    if source.published is None:
        missing.append("publication date (optional; unknown, so relative dates stay undated)")
    if missing:
        lines.append(f"Not found, fill in [source]: {', '.join(missing)}.")
    for undated in made.undated:
        lines.append(f"Left undated: '{undated.words}' ({undated.reason}).")
    lines.append(
        "Review: statements (say no more than the quote), derived dates, categories, questions,"
        " and the guessed names."
    )
    if target is not None:
        import shlex

        lines.append(f"Then: laorus --facts {shlex.quote(str(target))} validate")
    for line in lines:
        console.print(line, markup=False, soft_wrap=True)
