"""Replacing a file atomically: the new bytes, the old permissions, nothing left behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from laorus.files import replace_atomically


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
