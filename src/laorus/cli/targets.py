"""The files a command reads and writes, checked before any work: one set of rules and words.

A path that is empty, missing or a folder where a file is wanted is a usage error (exit 2) that
names the argument; a file that exists already without --force is exit 1, as is bad data inside
a file. A command never writes over the file it reads, --force or not.
"""

from __future__ import annotations

from pathlib import Path

import typer

from laorus.cli.exits import usage_error
from laorus.errors import LaorusError


def input_path(value: str, param: str, what: str) -> Path:
    """The file ``value`` names, to read as ``what`` ("a plain-text article"); a usage error
    naming ``param`` when it is empty, missing, a folder or not allowed to be read."""
    if not value.strip():
        msg = f"the path is empty; give the path of {what}"
        raise usage_error(msg, param)
    path = Path(value).expanduser()
    if path.is_dir():
        msg = f"{value} is a folder; give the path of {what}"
        raise usage_error(msg, param)
    if not path.exists():
        msg = f"{value}: no such file; give the path of {what}"
        raise usage_error(msg, param)
    try:
        path.open("rb").close()
    except OSError as exc:  # not allowed to read it: the path given is at fault, as above
        raise unreadable(value, exc, param) from None
    return path


def unreadable(value: object, exc: OSError, param: str) -> typer.BadParameter:
    """The usage error for a file given to read that cannot be read, naming ``param``."""
    return usage_error(
        f"{value} cannot be read ({exc.strerror or exc}); check its permissions", param
    )


def output_path(
    value: str,
    param: str,
    *,
    example: str,
    force: bool,
    reading: Path | None = None,
    read_as: str = "the file being read",
) -> Path:
    """The file ``value`` names, to write: a usage error naming ``param`` when it is empty or
    is ``reading`` (the file the command reads); exit 1 when it cannot be written (a folder, a
    folder that does not exist) or exists and not ``force``."""
    from laorus.files import same_file, writable

    if not value.strip():
        msg = f"the path is empty; give the name of the file to write, e.g. {example}"
        raise usage_error(msg, param)
    target = Path(value).expanduser()
    if reading is not None and same_file(target, reading):
        msg = f"{value} is {read_as}; give another name, e.g. {example}"
        raise usage_error(msg, param)
    writable(target)  # a folder, a missing folder, a loop of links: said before any work
    refuse_to_replace(target, force)
    return target


def store_output(ctx: typer.Context, value: str, param: str, example: str, force: bool) -> Path:
    """The file ``value`` names, to write from the fact store: as output_path, never the store."""
    from laorus.cli.chosen_store import store_path

    reading = store_path(ctx)
    return output_path(
        value, param, example=example, force=force, reading=reading, read_as="the fact store"
    )


def exists_error(target: Path | str) -> LaorusError:
    """The error (exit 1) for a file that is kept because --force was not given."""
    return LaorusError(f"{target} exists already; add --force to replace it, or give another name")


def refuse_to_replace(target: Path, force: bool) -> None:
    """Raise exists_error unless ``target`` is new (or no regular file) or ``force``."""
    if not force and target.is_file():
        raise exists_error(target)
