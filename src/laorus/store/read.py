"""Find, read and parse a TOML fact store; laorus.store.build checks it and builds the dataclasses.

A large store is parsed in chunks cut before `[[facts]]` lines, on several processes when there
are several cores, so that its first load costs little more than tomllib's parse and can report
progress. Any doubt about the chunks means a whole-file parse, which also names the right line of
a syntax error.
"""

from __future__ import annotations

import os
import re
import stat
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from laorus.errors import Problem, StoreError
from laorus.store.build import build
from laorus.store.progress import Progress

if TYPE_CHECKING:
    from laorus.store.model import Store

CHUNK_SIZE = 1 << 19
"""A large store is parsed in pieces of about this many characters (512 KiB)."""
PARALLEL_SIZE = 4 << 20
"""From this many characters (4 MiB), the pieces are parsed on every core."""


# A line that opens the next fact: [[facts]], maybe spaced out, maybe with a comment after it.
_FACTS_HEADER = r"\[\[[ \t]*facts[ \t]*\]\][ \t]*(?:#[^\r\n]*)?\r?(?:\n|\Z)"


def _fail(path: Path, message: str) -> StoreError:
    return StoreError([Problem(str(path), message)])


MAX_STORE_BYTES = 1 << 30
"""A store larger than this (1 GiB) is refused rather than read into memory."""


def read_bytes(path: Path) -> bytes:
    """The store's bytes, or a StoreError that says why they cannot be read."""
    try:
        if stat.S_ISCHR(path.stat().st_mode) or stat.S_ISBLK(path.stat().st_mode):
            # /dev/zero or a terminal would be read forever.
            msg = "is a device, not a fact store; pass a .toml file"
            raise _fail(path, msg)
        with path.open("rb") as handle:
            raw = handle.read(MAX_STORE_BYTES + 1)
        if len(raw) > MAX_STORE_BYTES:
            msg = "is larger than 1 GiB; a fact store is a TOML text file far smaller than that"
            raise _fail(path, msg)
        return raw
    except FileNotFoundError:
        msg = "no such file; check the path of the fact store"
        raise _fail(path, msg) from None
    except IsADirectoryError:
        msg = "is a directory, not a fact store; pass the .toml file itself"
        raise _fail(path, msg) from None
    except PermissionError:
        msg = "permission denied; make the file readable or copy it somewhere readable"
        raise _fail(path, msg) from None
    except OSError as exc:
        msg = f"cannot be read ({exc.strerror or exc}); check the path"
        raise _fail(path, msg) from None


def decode(raw: bytes, path: Path) -> str:
    """The store's text from its bytes, or a StoreError for binary, non-UTF-8 or empty files."""
    if b"\x00" in raw:
        msg = "is a binary file, not a TOML fact store"
        raise _fail(path, msg)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        msg = f"is not UTF-8 text (byte 0x{raw[exc.start]:02x} on line {line}); save it as UTF-8"
        raise _fail(path, msg) from None
    if not text.strip():
        msg = "is empty; a fact store needs a [source] table and [[facts]]"
        raise _fail(path, msg)
    return text.removeprefix("\ufeff")


def read_text(path: Path) -> str:
    """The store's text, or a StoreError that says why it cannot be read."""
    return decode(read_bytes(path), path)


def split_chunks(text: str, size: int = CHUNK_SIZE) -> list[str]:
    """``text`` cut before `[[facts]]` lines into pieces of at least ``size`` characters.

    The first piece is what comes before the first fact (schema, [source]); joined, the pieces
    are ``text``.
    """
    header = re.compile(_FACTS_HEADER)

    def next_header(start: int) -> int | None:
        at = text.find("[[", start)
        while at >= 0:
            if (at == 0 or text[at - 1] == "\n") and header.match(text, at):
                return at
            at = text.find("[[", at + 2)
        return None

    cuts = [0]
    at = next_header(0)
    while at is not None:
        cuts.append(at)
        at = next_header(at + max(size, 1))
    cuts.append(len(text))
    return [text[start:end] for start, end in zip(cuts, cuts[1:], strict=False)]


def parse(
    text: str,
    path: Path,
    *,
    progress: Progress | None = None,
    chunk_size: int = CHUNK_SIZE,
    workers: int | None = None,
) -> dict[str, Any]:
    """The parsed TOML document, or a StoreError naming the line of the syntax error.

    A large text is parsed in chunks (see parse_stream) when they agree with a whole parse.
    """
    stream = parse_stream(text, progress=progress, chunk_size=chunk_size, workers=workers)
    if stream is not None:
        head, facts = stream
        try:
            head["facts"] = list(facts)
        except ChunksDisagree:
            pass  # the whole-file parse below judges the store
        else:
            return head
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None)
        message = getattr(exc, "msg", None) or str(exc)
        match = re.search(r"\(at line (\d+), column \d+\)", message)
        if match:
            line = line or int(match.group(1))
            message = message[: match.start()].strip()
        raise StoreError([Problem(str(path), f"TOML syntax error: {message}", line)]) from None


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class ChunksDisagree(Exception):
    """A store's chunks do not parse as the whole store does: parse it in one piece."""


def parse_stream(
    text: str,
    *,
    progress: Progress | None = None,
    chunk_size: int = CHUNK_SIZE,
    workers: int | None = None,
) -> tuple[dict[str, Any], Iterator[Any]] | None:
    """What precedes the store's first fact, and its facts as their chunks are parsed.

    None when the text is too small to cut or its head cannot be parsed alone. Iterating the
    facts raises ChunksDisagree when a chunk fails or holds more than facts; then only a parse
    in one piece can say what the store is (and name the line of a syntax error).
    ``workers`` processes parse the chunks (default: one per core from PARALLEL_SIZE).
    """
    chunks = split_chunks(text, chunk_size) if len(text) > chunk_size else [text]
    if len(chunks) <= 2:
        return None
    try:
        head = tomllib.loads(chunks[0])
    except tomllib.TOMLDecodeError:
        return None
    if "facts" in head or "names" in head:
        return None  # facts or names before the first [[facts]]: let one parse judge the mix
    if workers is None:
        workers = _cores() if len(text) >= PARALLEL_SIZE else 1
    return head, _facts(chunks, head, progress, workers)


def _facts(
    chunks: list[str], head: dict[str, Any], progress: Progress | None, workers: int
) -> Iterator[Any]:
    total = sum(map(len, chunks))
    done = len(chunks[0])
    try:
        parts = enumerate(zip(chunks[1:], _parse_all(chunks[1:], workers), strict=True), 2)
        for number, (chunk, part) in parts:
            # Anything but facts after the first [[facts]] could merge differently in pieces;
            # the [[names]] that follow the facts are the last chunk's, kept in ``head``.
            last = number == len(chunks)
            if set(part) - {"names"} != {"facts"} or ("names" in part and not last):
                raise ChunksDisagree
            if "names" in part:
                head["names"] = part["names"]
            yield from part["facts"]
            done += len(chunk)
            if progress is not None:
                progress("Reading the fact store", done, total)
    except tomllib.TOMLDecodeError:
        raise ChunksDisagree from None


def _parse_all(chunks: list[str], workers: int) -> Iterator[dict[str, Any]]:
    """Each chunk parsed, in order: on ``workers`` processes when there are several."""
    if workers < 2 or sys.platform != "linux":
        yield from map(tomllib.loads, chunks)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # Forked workers share the loaded interpreter and never re-run the caller's main module (as
    # "spawn" and "forkserver" do, which breaks scripts without a main guard). The pool forks
    # them all before its first chunk, before any progress bar starts a thread.
    context = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(
        max_workers=min(workers, len(chunks)), mp_context=context, initializer=_leave_ctrl_c
    )
    given = 0
    try:
        for part in pool.map(tomllib.loads, chunks):
            given += 1
            yield part
    except (BrokenProcessPool, OSError):
        # No processes to be had: parse the rest here.
        yield from map(tomllib.loads, chunks[given:])
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _leave_ctrl_c() -> None:
    """In a parsing process: leave Ctrl-C to the main process, which stops the pool cleanly."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def load(path: Path, *, progress: Progress | None = None) -> Store:
    """Read, parse and validate the store at ``path``; StoreError lists every problem."""
    text = read_text(path)
    return build(parse(text, path, progress=progress), path, text, progress=progress)
