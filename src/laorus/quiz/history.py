"""The answer history (append-only JSON lines), review scheduling with FSRS, and progress stats.

Each record names its fact store (``store_id``); review and stats read the current store's only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from laorus.errors import LaorusError
from laorus.paths import HOME_VAR, home

if TYPE_CHECKING:
    from laorus.store.model import Source

ENV_VAR = HOME_VAR
"""The environment variable that names the folder holding the history (for tests and sandboxes)."""
FILE_NAME = "history.jsonl"


class HistoryError(LaorusError):
    """The answer history cannot be written."""


def history_path(environ: Mapping[str, str] | None = None) -> Path:
    """The history file: in $LAORUS_HOME, else in the user's data folder (platformdirs)."""
    chosen = home(FILE_NAME, environ)
    if chosen is not None:
        return chosen
    from platformdirs import user_data_path

    return user_data_path("laorus", appauthor=False) / FILE_NAME


def store_id(source: Source) -> str:
    """A stable identity for a fact store: its article's title, author and date, hashed."""
    day = source.published.isoformat() if source.published is not None else ""
    seed = "\n".join((source.title, source.author, day))
    return hashlib.sha1(seed.encode()).hexdigest()[:12]


def _folder_problem(path: Path) -> str | None:
    """Why the history's folder cannot be used, when a file stands where a folder must be."""
    folder = path.parent
    place = next((p for p in (folder, *folder.parents) if p.exists()), folder)
    if not place.exists() or place.is_dir():
        return None
    return (
        f"cannot keep the answer history in {folder}: {place} is a file, not a folder;"
        f" set {ENV_VAR} to a folder, or move that file away"
    )


@dataclass(frozen=True, slots=True)
class Record:
    """One answer as the history keeps it."""

    key: str
    fact_id: str
    category: str
    mode: str
    correct: bool
    skipped: bool
    at: dt.datetime
    question: str = ""
    given: str = ""
    store: str = ""
    """The ``store_id`` of the store asked; empty in records written before it was kept."""

    def to_json(self) -> dict[str, Any]:
        """The record as one JSON object."""
        data = {field.name: getattr(self, field.name) for field in fields(self)}
        return {**data, "at": self.at.isoformat()}

    @classmethod
    def from_json(cls, data: object) -> Record:
        """Read a record back; ValueError when the object is not one."""
        if not isinstance(data, dict):
            msg = "not a JSON object"
            raise ValueError(msg)
        texts = {k: data.get(k) for k in ("key", "fact_id", "category", "mode")}
        if not all(isinstance(v, str) and v for v in texts.values()):
            msg = "missing key, fact_id, category or mode"
            raise ValueError(msg)
        correct, skipped = data.get("correct"), data.get("skipped", False)
        if not isinstance(correct, bool) or not isinstance(skipped, bool):
            msg = "'correct' and 'skipped' must be true or false"
            raise ValueError(msg)
        at = _aware(dt.datetime.fromisoformat(str(data.get("at"))))
        # "store" is missing from records written before stores were kept: they stay readable.
        words = {k: str(data.get(k, "")) for k in (*texts, "question", "given", "store")}
        return cls(correct=correct, skipped=skipped, at=at, **words)


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


@dataclass(frozen=True, slots=True)
class Loaded:
    """The records read, and what went wrong (for the CLI to report), if anything."""

    records: tuple[Record, ...]
    problem: str | None = None
    backup: Path | None = None
    writable: bool = True
    """False when answers cannot be added either (a file stands where the folder must be)."""


def load(path: Path, now: dt.datetime) -> Loaded:
    """Read the history; a corrupt or unreadable one is moved aside to a backup, never lost."""
    blocked = _folder_problem(path)
    if blocked:
        return Loaded((), blocked, writable=False)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Loaded(())
    except OSError as exc:
        return _set_aside(path, now, f"cannot be read ({exc.strerror or exc})", ())
    records: list[Record] = []
    bad: list[int] = []
    for number, line in enumerate(raw.split(b"\n"), 1):
        if not line.strip():
            continue
        try:
            records.append(Record.from_json(json.loads(line.decode("utf-8"))))
        except (ValueError, TypeError):
            bad.append(number)
    if not bad:
        return Loaded(tuple(records))
    lines = "line" if len(bad) == 1 else "lines"
    why = f"has {len(bad)} unreadable {lines} (first: line {bad[0]})"
    return _set_aside(path, now, why, tuple(records))


def _unused(name: Path) -> Path:
    """``name``, or ``name-2``, ``name-3``...: the first that names nothing yet, so that a
    history set aside never replaces one set aside before (in the same second)."""
    found, number = name, 1
    while os.path.lexists(found):
        number += 1
        found = name.with_name(f"{name.name}-{number}")
    return found


def _set_aside(path: Path, now: dt.datetime, why: str, keep: tuple[Record, ...]) -> Loaded:
    backup = _unused(path.with_name(f"{path.name}.corrupt-{now:%Y%m%dT%H%M%S}"))
    try:
        os.replace(path, backup)
    except OSError as exc:
        problem = f"history {path} {why} and cannot be moved aside ({exc.strerror}); not using it"
        return Loaded(keep, problem)
    problem = f"history {path} {why}; saved it as {backup.name} and started afresh"
    if keep:
        try:
            _write_new(path, keep)
            problem = f"history {path} {why}; kept {len(keep)} good answers, saved the original"
            problem += f" as {backup.name}"
        except OSError:
            pass
    return Loaded(keep, problem, backup)


def _write_new(path: Path, records: Iterable[Record]) -> None:
    """Write a whole history to a temporary file, then rename it over ``path`` (atomic)."""
    from laorus.files import replace_atomically

    replace_atomically(path, _encode(records))


def _encode(records: Iterable[Record]) -> bytes:
    lines = (json.dumps(r.to_json(), ensure_ascii=False) + "\n" for r in records)
    return "".join(lines).encode("utf-8")


def append(path: Path, records: Sequence[Record]) -> None:
    """Add records at the end in one write, so a crash or Ctrl-C never corrupts what was there."""
    data = _encode(records)
    blocked = _folder_problem(path)
    if blocked:
        raise HistoryError(blocked)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            size = os.fstat(fd).st_size
            # A line cut short by an earlier crash must not swallow this one.
            if size and os.pread(fd, 1, size - 1) != b"\n":
                data = b"\n" + data
            while data:
                data = data[os.write(fd, data) :]
        finally:
            os.close(fd)
    except OSError as exc:
        msg = (
            f"cannot write the answer history {path} ({exc.strerror or exc});"
            f" set {ENV_VAR} to a writable folder"
        )
        raise HistoryError(msg) from None


def for_store(records: Iterable[Record], store: str, fact_ids: Set[str]) -> tuple[Record, ...]:
    """The records of one store; a record from before stores were kept counts where its fact is."""
    return tuple(record for record in records if _counts_for(record, store, fact_ids))


def not_for_store(records: Iterable[Record], store: str, fact_ids: Set[str]) -> tuple[Record, ...]:
    """The records ``for_store`` leaves out: the answers given to other stores."""
    return tuple(record for record in records if not _counts_for(record, store, fact_ids))


def _counts_for(record: Record, store: str, fact_ids: Set[str]) -> bool:
    return record.store == store or (not record.store and record.fact_id in fact_ids)


CLOZE = "#cloze-"
"""What a cloze item's key holds between its fact id and its hash."""


def asked_now(records: Iterable[Record], texts: Mapping[str, str]) -> tuple[Record, ...]:
    """The records about a question as the store asks it now (``texts``: key to question text).

    A review of the store drops and renumbers questions, so a key may come to name another
    question: a record counts only when the text it saved is its key's current text (or it
    saved none, as the oldest did). A cloze key is a hash of its sentence and answer, so it
    names the same blank whatever the store's questions became. The file keeps every record.
    """
    from laorus.text.words import same_words

    now = {key: same_words(text) for key, text in texts.items()}
    return tuple(
        record
        for record in records
        if CLOZE in record.key
        or (
            record.key in now
            and (not record.question or same_words(record.question) == now[record.key])
        )
    )


def rewrite(path: Path, records: Sequence[Record]) -> None:
    """Replace the whole history with ``records`` in one atomic rename (never half written)."""
    try:
        _write_new(path, records)
    except OSError as exc:
        msg = f"cannot rewrite the answer history {path} ({exc.strerror or exc}); it is unchanged"
        raise HistoryError(msg) from None


@dataclass(frozen=True, slots=True)
class Due:
    """A question due for review: missed last time, or right but past its FSRS interval."""

    key: str
    fact_id: str
    missed: bool
    due: dt.datetime


def _by_key(records: Iterable[Record]) -> dict[str, list[Record]]:
    grouped: dict[str, list[Record]] = {}
    for record in sorted(records, key=lambda r: r.at):
        grouped.setdefault(record.key, []).append(record)
    return grouped


def due(records: Iterable[Record], now: dt.datetime) -> list[Due]:
    """What to review at ``now``: missed questions first (latest miss first), then overdue ones."""
    from fsrs import Card, Rating, Scheduler

    # Whole-day intervals from the first answer on: short learning steps suit flash cards
    # drilled in one sitting, not a quiz taken now and then. No fuzzing, so results repeat.
    scheduler = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)
    now = _aware(now)
    found: list[Due] = []
    for key, answers in _by_key(records).items():
        card_id = int(hashlib.sha1(key.encode()).hexdigest()[:12], 16)
        card = Card(card_id=card_id, due=answers[0].at)
        for answer in answers:
            rating = Rating.Good if answer.correct else Rating.Again
            card, _ = scheduler.review_card(card, rating, answer.at)
        last = answers[-1]
        if not last.correct:
            found.append(Due(key, last.fact_id, True, last.at))
        elif card.due <= now:
            found.append(Due(key, last.fact_id, False, card.due))
    missed = sorted((d for d in found if d.missed), key=lambda d: d.due, reverse=True)
    overdue = sorted((d for d in found if not d.missed), key=lambda d: d.due)
    return missed + overdue


@dataclass(frozen=True, slots=True)
class Tally:
    """Answers and right answers, overall or for one category."""

    name: str
    answered: int
    correct: int

    @property
    def accuracy(self) -> float:
        """Right answers over answers, from 0.0 to 1.0."""
        return self.correct / self.answered if self.answered else 0.0


@dataclass(frozen=True, slots=True)
class Missed:
    """A question answered wrong (or skipped) at least once."""

    key: str
    question: str
    """The question as last asked."""
    missed: int
    answered: int


MOST_MISSED = 5
"""How many of the most missed questions the stats list."""


def most_missed(records: Iterable[Record], limit: int = MOST_MISSED) -> tuple[Missed, ...]:
    """The questions missed most often, then most recently; only those missed at least once."""
    found: list[tuple[Missed, dt.datetime]] = []
    for key, answers in _by_key(records).items():
        missed = sum(1 for answer in answers if not answer.correct)
        if missed:
            question = answers[-1].question or key
            found.append((Missed(key, question, missed, len(answers)), answers[-1].at))
    found.sort(
        key=lambda pair: (-pair[0].missed, -pair[0].missed / pair[0].answered, -pair[1].timestamp())
    )
    return tuple(missed for missed, _ in found[:limit])


@dataclass(frozen=True, slots=True)
class Stats:
    """Progress drawn from the history."""

    overall: Tally
    categories: tuple[Tally, ...]
    questions: int
    """Distinct questions ever answered."""
    due: int
    first: dt.datetime | None
    last: dt.datetime | None
    missed: tuple[Missed, ...] = ()
    """The questions missed most (see ``most_missed``)."""


def stats(
    records: Sequence[Record], now: dt.datetime, texts: Mapping[str, str] | None = None
) -> Stats:
    """Answers, accuracy overall and by category (most answered first), and how many are due.

    With ``texts`` (each current question's key and text), what is due and the most missed
    count only the records ``asked_now`` keeps; accuracy counts every answer.
    """
    current = records if texts is None else asked_now(records, texts)
    counts: dict[str, list[int]] = {}
    for record in records:
        tally = counts.setdefault(record.category, [0, 0])
        tally[0] += 1
        tally[1] += record.correct
    categories = sorted(
        (Tally(name, answered, correct) for name, (answered, correct) in counts.items()),
        key=lambda t: (-t.answered, t.name),
    )
    moments = sorted(r.at for r in records)
    return Stats(
        overall=Tally("all", len(records), sum(r.correct for r in records)),
        categories=tuple(categories),
        questions=len({r.key for r in records}),
        due=len(due(current, now)) if current else 0,
        first=moments[0] if moments else None,
        last=moments[-1] if moments else None,
        missed=most_missed(current),
    )
