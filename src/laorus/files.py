"""Replace a file atomically: readers see the old file or the new one, never half of one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


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
