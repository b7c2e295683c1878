"""Write a file atomically, compare two paths, and word why a file could not be written.

Every command that writes a file (a draft, an export, a calendar) goes through ``write_file``,
so a failure reads the same whichever command met it.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from laorus.errors import LaorusError

FIX_NOT_ALLOWED = "choose a folder you can write to"
"""The one fix offered wherever writing is not allowed."""


def write_file(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` atomically, or raise LaorusError saying why it cannot.

    A symlink is written through to the file it names; a folder, a device or a pipe is refused,
    as is a path whose folder does not exist. Existing files are replaced: refusing them
    without --force is the caller's choice.
    """
    real = writable(target)
    try:
        replace_atomically(real, data)
    except OSError as exc:  # a refusal, a full disk
        raise LaorusError(write_problem(target, exc)) from None


def writable(target: Path) -> Path:
    """The file that writing ``target`` would replace (the one a symlink names), or raise
    LaorusError saying why it cannot be written: a folder, a device or a pipe, a folder that
    does not exist, a loop of links. Checked before any work, and again when writing."""
    try:
        real = _real_target(Path(target))
        if real.is_dir():
            msg = f"cannot write {target}: it is a folder; give the name of a file to write in it"
            raise LaorusError(msg)
        if real.exists() and not real.is_file():
            msg = f"cannot write {target}: it is a device or a pipe, not a file; name a file"
            raise LaorusError(msg)
        folder = real.parent
        if folder.exists() and not folder.is_dir():
            raise OSError(errno.ENOTDIR, os.strerror(errno.ENOTDIR))
        if not folder.is_dir():
            raise OSError(errno.ENOENT, os.strerror(errno.ENOENT))
    except OSError as exc:  # a name too long, a loop of links, a refusal
        raise LaorusError(write_problem(target, exc)) from None
    return real


def _real_target(target: Path) -> Path:
    """The file to replace: the one a symlink names (replacing the link would leave it as it
    was). A loop of links is an OSError, as the system says it (Python 3.11 and 3.12 raise
    RuntimeError)."""
    if not target.is_symlink():
        return target
    try:
        return target.resolve(strict=False)
    except RuntimeError:
        raise OSError(errno.ELOOP, os.strerror(errno.ELOOP)) from None


def write_problem(target: Path | str, exc: OSError) -> str:
    """Why ``target`` could not be written, and how to fix it, from the error's errno."""
    folder = Path(target).parent if isinstance(target, Path) else None
    system = exc.strerror or str(exc)
    code = exc.errno
    if code == errno.ENOENT and folder is not None and not folder.is_dir():
        why = f"the folder {folder} does not exist; create it first or write to another folder"
    elif code == errno.ENOENT and folder is not None:
        why = f"{folder} takes no new files ({system}); {FIX_NOT_ALLOWED}"
    elif code == errno.ENOTDIR and folder is not None:
        why = f"{folder} is a file, not a folder; {FIX_NOT_ALLOWED}"
    elif code in (errno.EACCES, errno.EPERM, errno.EROFS):
        why = f"not allowed to write there ({system}); {FIX_NOT_ALLOWED}"
    elif code in (errno.ENOSPC, errno.EDQUOT):
        why = f"the disk is full ({system}); free some space or write to another disk"
    else:
        why = f"{system}; check the path, or {FIX_NOT_ALLOWED}"
    return f"cannot write {target}: {why}"


def same_file(first: Path, second: Path) -> bool:
    """Whether two paths name one file: the same file on disk, or the same path resolved."""
    try:
        if first.exists() and second.exists():
            return os.path.samefile(first, second)
        return first.resolve() == second.resolve()
    except (OSError, RuntimeError):  # a loop of links: such a path is no file being read
        return False


def replace_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` beside ``target`` under a temporary name, then rename it over ``target``.

    The new file keeps the old one's permissions (or gets the usual ones the umask allows), and a
    failure, Ctrl-C included, leaves no temporary file behind. OSError is left to the caller.
    """
    mode = target.stat().st_mode & 0o777 if target.exists() else _default_mode()
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _default_mode() -> int:
    # mkstemp makes 0600 files; a file of ours should get the permissions the umask allows.
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
