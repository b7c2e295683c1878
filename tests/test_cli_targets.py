"""The files commands read and write, through Typer's CliRunner: one set of rules, one wording.

Every command that reads one file and writes another (draft, export csv and anki, anniversaries
--ics) refuses an empty path and the file it reads, and words a failed write the same way.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from laorus.cli import app
from tests.test_files import WRITE_ERRORS

runner = CliRunner()
ARTICLE = "On 7 October 2025, the Republic of Veloria opened an embassy.\n"

pytestmark = pytest.mark.usefixtures("home")


def write_args(writer: str, store: Path, article: Path, target: str) -> list[str]:
    """The arguments that make ``writer`` write ``target``."""
    return {
        "draft": ["draft", str(article), "-o", target],
        "csv": ["--facts", str(store), "export", "csv", target],
        "anki": ["--facts", str(store), "export", "anki", target],
        "ics": ["--facts", str(store), "anniversaries", "--year", "2025", "--ics", target],
    }[writer]


WRITERS = ("draft", "csv", "anki", "ics")
NAMES = {"draft": "out.toml", "csv": "out.csv", "anki": "out.apkg", "ics": "out.ics"}
PARAMS = {"draft": "'-o'", "csv": "'FILE.csv'", "anki": "'DECK.apkg'", "ics": "'--ics'"}


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "art.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def invoke(args: list[str]) -> Result:
    return runner.invoke(app, args)


@pytest.mark.parametrize(("code", "why"), WRITE_ERRORS)
@pytest.mark.parametrize("writer", WRITERS)
def test_every_writer_words_a_write_error_the_same_way_by_errno(
    small_store: Path,
    article: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    writer: str,
    code: int,
    why: str,
) -> None:
    def fail(target: Path, data: bytes) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr("laorus.files.replace_atomically", fail)
    target = tmp_path / NAMES[writer]
    result = invoke(write_args(writer, small_store, article, str(target)))
    assert result.exit_code == 1, result.output
    assert result.stdout == "" or writer == "ics"  # the table still goes to stdout
    message = f"Error: cannot write {target}: {why.format(folder=tmp_path)}"
    assert result.stderr.startswith(message), result.stderr
    assert len(result.stderr.splitlines()) == 1
    if code in (errno.ENOENT, errno.EACCES, errno.EPERM, errno.EROFS):
        assert result.stderr.endswith("; choose a folder you can write to\n")
    assert not target.exists()


@pytest.mark.parametrize("writer", WRITERS)
def test_every_writer_says_an_empty_path_is_empty(
    small_store: Path, article: Path, writer: str
) -> None:
    result = invoke(write_args(writer, small_store, article, ""))
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(
        f"Error: Invalid value for {PARAMS[writer]}: the path is empty;"
        " give the name of the file to write, e.g. "
    )


@pytest.mark.parametrize("writer", ["csv", "anki", "ics"])
@pytest.mark.parametrize("spelt", ["{name}", "./{name}", "sub/../{name}", "link-{name}"])
def test_a_store_is_never_written_over_by_what_is_read_from_it(
    small_store: Path,
    article: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    writer: str,
    spelt: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    store = tmp_path / NAMES[writer]  # a store may have any name, .apkg included
    store.write_bytes(small_store.read_bytes())
    (tmp_path / f"link-{store.name}").symlink_to(store)
    before = store.read_bytes()
    given = spelt.format(name=store.name)
    result = invoke([*write_args(writer, store, article, given), "--force"])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(
        f"Error: Invalid value for {PARAMS[writer]}: {given} is the fact store;"
        " give another name, e.g. "
    )
    assert store.read_bytes() == before


@pytest.mark.parametrize("spelt", ["art.txt", "./art.txt", "sub/../art.txt", "link.txt"])
def test_draft_never_writes_over_the_article_it_reads(
    article: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spelt: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "link.txt").symlink_to(article)
    result = invoke(["draft", "art.txt", "-o", spelt, "--force"])
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"Error: Invalid value for '-o': {spelt} is the article being read; give another name,"
        " e.g. article.toml (see 'laorus draft --help')\n"
    )
    assert article.read_text(encoding="utf-8") == ARTICLE


def test_draft_of_a_toml_article_does_not_write_over_it_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "art.toml").write_text(ARTICLE, encoding="utf-8")
    result = invoke(["draft", "art.toml", "--force"])
    assert result.exit_code == 2, result.output
    assert "art.toml is the article being read" in result.stderr
    assert (tmp_path / "art.toml").read_text(encoding="utf-8") == ARTICLE


@pytest.mark.parametrize("given", [".", "..", "/", "~", "sub/", "sub"])
def test_draft_of_a_folder_is_a_usage_error_naming_the_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    result = invoke(["draft", given])
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"Error: Invalid value for 'ARTICLE': {given} is a folder; give the path of a plain-text"
        " article (see 'laorus draft --help')\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sub"]


def test_draft_checks_the_article_before_the_store_it_would_replace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "missing.toml").write_text("mine", encoding="utf-8")
    result = invoke(["draft", "missing.txt"])
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        "Error: Invalid value for 'ARTICLE': missing.txt: no such file; give the path of a"
        " plain-text article (see 'laorus draft --help')\n"
    )
    assert (tmp_path / "missing.toml").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("writer", WRITERS)
@pytest.mark.parametrize(
    ("make", "why"),
    [
        ("folder", "it is a folder"),
        ("no-folder", "the folder {tmp}/nowhere does not exist"),
        ("loop", "symbolic links"),
    ],
)
def test_every_writer_says_a_target_it_cannot_write_before_any_work(
    small_store: Path,
    article: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    writer: str,
    make: str,
    why: str,
) -> None:
    target = {
        "folder": tmp_path / NAMES[writer],
        "no-folder": tmp_path / "nowhere" / NAMES[writer],
        "loop": tmp_path / f"loop-{NAMES[writer]}",
    }[make]
    if make == "folder":
        target.mkdir()
    elif make == "loop":
        target.symlink_to(target)

    def no_work(*args: object, **kwargs: object) -> None:
        msg = "the file was about to be written"
        raise AssertionError(msg)

    monkeypatch.setattr("laorus.files.replace_atomically", no_work)
    result = invoke(write_args(writer, small_store, article, str(target)))
    assert result.exit_code == 1, result.output
    assert why.format(tmp=tmp_path) in result.stderr


@pytest.mark.parametrize("reader", ["validate", "facts", "draft"])
def test_a_file_that_may_not_be_read_is_a_usage_error_naming_it(
    small_store: Path, article: Path, monkeypatch: pytest.MonkeyPatch, reader: str
) -> None:
    """Mode 000, which root ignores: opening is made to fail as it would for another user."""
    locked = {"validate": small_store, "facts": small_store, "draft": article}[reader]
    real_open = Path.open

    def refused(path: Path, *args: object, **kwargs: object) -> object:
        if path.name == locked.name:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", refused)
    args = {
        "validate": ["validate", str(small_store)],
        "facts": ["--facts", str(small_store), "search", "nuclear"],
        "draft": ["draft", str(article), "-o", str(article.with_name("out.toml"))],
    }[reader]
    result = invoke(args)
    assert result.exit_code == 2, result.output
    assert f"{locked} cannot be read (Permission denied); check its permissions" in result.stderr
