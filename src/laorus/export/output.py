"""Write an export to a file atomically, with errors that say what is wrong and how to fix it."""

from __future__ import annotations

import errno
from pathlib import Path

from laorus.errors import LaorusError
from laorus.files import replace_atomically


class TargetExistsError(LaorusError):
    """The export file exists already; the CLI says how to replace it."""


def write_export(target: Path, data: bytes, *, replace: bool = False) -> None:
    """Write ``data`` to ``target`` atomically: a failure or Ctrl-C leaves no partial file.

    An existing file is kept (TargetExistsError) unless ``replace``; a missing folder, a
    folder in the way, or a place that cannot be written is a LaorusError.
    """
    if target.is_dir():
        msg = f"{target} is a folder; give the name of a file to write in it"
        raise LaorusError(msg)
    folder = target.parent
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        msg = f"cannot write {target}: {folder} {what}; create the folder or write elsewhere"
        raise LaorusError(msg)
    if target.exists() and not replace:
        msg = f"{target} exists already"
        raise TargetExistsError(msg)
    try:
        replace_atomically(target, data)
    except OSError as exc:
        raise LaorusError(_why(target, exc)) from None


def _why(target: Path, exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"cannot write {target}: permission denied; write to a folder of your own"
    reason = exc.strerror or str(exc)
    return f"cannot write {target}: {reason}; free some space or write elsewhere"
