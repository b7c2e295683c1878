"""Replacing a file atomically: the new bytes, the old permissions, nothing left behind."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from laorus.errors import LaorusError
from laorus.files import replace_atomically, same_file, write_file

FIX = "choose a folder you can write to"


def test_the_file_gets_the_new_bytes_and_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "data.txt"
    target.write_bytes(b"old")
    target.chmod(0o640)
    replace_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["data.txt"]


def test_a_new_file_gets_the_permissions_the_umask_allows(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        replace_atomically(tmp_path / "new.txt", b"x")
    finally:
        os.umask(umask)
    assert (tmp_path / "new.txt").stat().st_mode & 0o777 == 0o644


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "data.txt"
    target.write_bytes(b"old")

    def fail(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="No space left"):
        replace_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["data.txt"]


def test_a_written_file_has_the_bytes_and_ordinary_permissions(tmp_path: Path) -> None:
    target = tmp_path / "a.ics"
    write_file(target, b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    assert target.read_bytes() == b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    write_file(target, b"new")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.ics"]


def test_missing_directory_is_refused_and_nothing_is_created(tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "a.ics"
    with pytest.raises(LaorusError, match="does not exist"):
        write_file(target, b"x")
    assert not (tmp_path / "nowhere").exists()


def test_a_file_in_place_of_the_directory_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(LaorusError, match="is a file, not a folder"):
        write_file(tmp_path / "notes.txt" / "a.ics", b"x")
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_a_folder_is_not_a_file_to_write(tmp_path: Path) -> None:
    with pytest.raises(LaorusError, match="it is a folder; give the name of a file"):
        write_file(tmp_path, b"x")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into a read-only directory")
def test_read_only_directory_is_refused(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        with pytest.raises(LaorusError, match="not allowed to write there"):
            write_file(locked / "a.ics", b"x")
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o755)


WRITE_ERRORS = [
    (errno.ENOENT, "{folder} takes no new files (No such file or directory); " + FIX),
    (errno.EACCES, "not allowed to write there (Permission denied); " + FIX),
    (errno.EPERM, "not allowed to write there (Operation not permitted); " + FIX),
    (errno.EROFS, "not allowed to write there (Read-only file system); " + FIX),
    (errno.ENOSPC, "the disk is full (No space left on device); free some space or write to"),
    (errno.EDQUOT, "the disk is full (Disk quota exceeded); free some space or write to"),
    (errno.EIO, "Input/output error; check the path, or " + FIX),
]
"""How a write error is worded, by errno, whichever command meets it ({folder}: the target's)."""


@pytest.mark.parametrize(("code", "why"), WRITE_ERRORS)
def test_a_write_error_is_worded_by_its_errno(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, why: str
) -> None:
    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr("tempfile.mkstemp", refuse)
    with pytest.raises(LaorusError) as caught:
        write_file(tmp_path / "a.ics", b"x")
    assert str(caught.value).startswith(f"cannot write {tmp_path / 'a.ics'}: ")
    assert why.format(folder=tmp_path) in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_named_in_the_error(tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "a.csv"
    with pytest.raises(LaorusError) as caught:
        write_file(target, b"x")
    assert str(caught.value) == (
        f"cannot write {target}: the folder {target.parent} does not exist;"
        " create it first or write to another folder"
    )


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("a.toml", "a.toml", True),
        ("a.toml", "./a.toml", True),
        ("a.toml", "sub/../a.toml", True),
        ("a.toml", "link.toml", True),
        ("a.toml", "b.toml", False),
        ("new.toml", "./new.toml", True),
        ("new.toml", "a.toml", False),
    ],
)
def test_same_file_sees_one_file_through_links_and_dots(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first: str, second: str, same: bool
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.toml").write_text("a", encoding="utf-8")
    (tmp_path / "b.toml").write_text("b", encoding="utf-8")
    (tmp_path / "link.toml").symlink_to(tmp_path / "a.toml")
    assert same_file(Path(first), Path(second)) is same


@pytest.mark.parametrize("failing", ["os.fsync", "os.replace"])
def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = tmp_path / "a.ics"
    target.write_bytes(b"old")

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(failing, fail)
    with pytest.raises(LaorusError, match="No space left on device"):
        write_file(target, b"new calendar")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.ics"]


def test_a_symlink_is_written_through_to_the_file_it_names(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    real = tmp_path / "real" / "cal.ics"
    real.write_bytes(b"old")
    link = tmp_path / "link.ics"
    link.symlink_to(real)
    write_file(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


def test_a_device_is_refused_and_left_alone() -> None:
    with pytest.raises(LaorusError, match="is a device or a pipe, not a file"):
        write_file(Path("/dev/null"), b"x")
    assert not Path("/dev/null").is_file()


def test_a_name_too_long_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(LaorusError, match="cannot write"):
        write_file(tmp_path / ("a" * 300 + ".ics"), b"x")


def test_a_loop_of_links_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    with pytest.raises(LaorusError, match="loop: .*symbolic links"):
        write_file(loop, b"data")
