"""The answer history: where it lives, append-only writes, corrupt files set aside, FSRS review."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from laorus.quiz.history import (
    FILE_NAME,
    HistoryError,
    Record,
    append,
    asked_now,
    due,
    for_store,
    history_path,
    load,
    most_missed,
    not_for_store,
    rewrite,
    stats,
    store_id,
)
from laorus.store.model import Source

NOW = dt.datetime(2025, 11, 20, 12, 0, tzinfo=dt.UTC)


def _record(
    key: str = "fact-a#1",
    *,
    correct: bool = True,
    at: dt.datetime = NOW,
    category: str = "history",
    store: str = "",
    question: str = "Q?",
) -> Record:
    fact_id = key.split("#")[0]
    return Record(key, fact_id, category, "free", correct, False, at, question, "A", store)


def test_laorus_home_overrides_the_data_folder(tmp_path: Path) -> None:
    assert history_path({"LAORUS_HOME": str(tmp_path)}) == tmp_path / FILE_NAME


def test_default_history_lives_in_the_users_data_folder() -> None:
    path = history_path({})
    assert path.name == FILE_NAME
    assert path.parent.name == "laorus"


def test_missing_history_is_empty_without_a_problem(tmp_path: Path) -> None:
    loaded = load(tmp_path / FILE_NAME, NOW)
    assert loaded.records == ()
    assert loaded.problem is None


def test_appended_records_read_back_equal(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / FILE_NAME
    first, second = _record("a#1"), _record("b#2", correct=False)
    append(path, [first])
    append(path, [second])
    assert load(path, NOW).records == (first, second)


def test_unwritable_history_raises_a_history_error(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    path.mkdir()  # a folder where the file should be: it cannot be opened for writing
    with pytest.raises(HistoryError, match="cannot write the answer history"):
        append(path, [_record()])


def test_line_cut_short_by_a_crash_is_set_aside_and_good_answers_kept(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    good = _record("a#1")
    append(path, [good])
    with path.open("ab") as stream:
        stream.write(b'{"key": "b#1", "fact_')  # the crash
    later = _record("c#1", correct=False)
    append(path, [later])
    original = path.read_bytes()

    loaded = load(path, NOW)

    assert loaded.records == (good, later)
    assert loaded.problem is not None
    assert "1 unreadable line (first: line 2)" in loaded.problem
    assert loaded.backup is not None
    assert loaded.backup.read_bytes() == original
    assert load(path, NOW).problem is None
    assert load(path, NOW).records == (good, later)


@pytest.mark.parametrize(
    "content",
    [b"\x89PNG\r\n\x1a\n\x00\xff", b"[1, 2, 3]\n", b'{"key": "a#1"}\n', b"not json at all\n"],
    ids=["binary", "not-an-object", "missing-fields", "text"],
)
def test_corrupt_history_is_reported_and_moved_to_a_backup(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / FILE_NAME
    path.write_bytes(content)
    loaded = load(path, NOW)
    assert loaded.records == ()
    assert loaded.problem is not None
    assert "unreadable" in loaded.problem
    assert loaded.backup is not None
    assert loaded.backup.read_bytes() == content
    assert not path.exists()
    append(path, [_record()])
    assert load(path, NOW).records == (_record(),)


def test_a_history_set_aside_twice_in_one_second_keeps_both_backups(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    path.write_bytes(b"first bad\n")
    first = load(path, NOW).backup
    path.write_bytes(b"second bad\n")
    second = load(path, NOW).backup
    assert first is not None
    assert second is not None
    assert first != second
    assert (first.read_bytes(), second.read_bytes()) == (b"first bad\n", b"second bad\n")


def test_history_that_cannot_be_read_is_reported_not_raised(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    path.mkdir()
    loaded = load(path, NOW)
    assert loaded.records == ()
    assert loaded.problem is not None
    assert "cannot be read" in loaded.problem


def test_missed_question_is_due_at_once() -> None:
    found = due([_record("a#1", correct=False)], NOW)
    assert [(d.key, d.missed) for d in found] == [("a#1", True)]


def test_right_answer_is_due_only_after_its_interval() -> None:
    records = [_record("a#1", correct=True)]
    assert due(records, NOW + dt.timedelta(hours=1)) == []
    later = due(records, NOW + dt.timedelta(days=30))
    assert [(d.key, d.missed) for d in later] == [("a#1", False)]
    assert later[0].due > NOW


def test_interval_grows_with_each_right_answer() -> None:
    once = [_record("a#1")]
    first_due = due(once, NOW + dt.timedelta(days=365))[0].due
    twice = [*once, _record("a#1", at=first_due)]
    second_due = due(twice, NOW + dt.timedelta(days=365))[0].due
    assert second_due - first_due > first_due - NOW


def test_answering_right_after_a_miss_clears_it() -> None:
    records = [_record("a#1", correct=False), _record("a#1", at=NOW + dt.timedelta(minutes=1))]
    assert due(records, NOW + dt.timedelta(hours=1)) == []


def test_missed_come_first_latest_miss_first_then_overdue() -> None:
    records = [
        _record("old#1", at=NOW - dt.timedelta(days=60)),
        _record("miss-early#1", correct=False, at=NOW - dt.timedelta(days=2)),
        _record("miss-late#1", correct=False, at=NOW - dt.timedelta(days=1)),
    ]
    assert [d.key for d in due(records, NOW)] == ["miss-late#1", "miss-early#1", "old#1"]


def test_stats_tally_answers_overall_and_by_category() -> None:
    records = [
        _record("a#1", category="history"),
        _record("a#1", correct=False, category="history"),
        _record("b#1", category="economy"),
    ]
    figures = stats(records, NOW)
    assert (figures.overall.answered, figures.overall.correct) == (3, 2)
    assert figures.questions == 2
    assert [(t.name, t.answered, t.correct) for t in figures.categories] == [
        ("history", 2, 1),
        ("economy", 1, 1),
    ]
    assert figures.categories[0].accuracy == 0.5
    assert figures.due == 1


def test_stats_of_an_empty_history_are_zero() -> None:
    figures = stats([], NOW)
    assert figures.overall.answered == 0
    assert figures.overall.accuracy == 0.0
    assert figures.categories == ()
    assert figures.first is None


SOURCE = Source("Russia and Laos", "Sergey Lavrov", dt.date(2025, 11, 20), "Izvestia", "Text.")


def test_a_store_is_known_by_its_title_author_and_date_not_its_text() -> None:
    import dataclasses

    same = dataclasses.replace(SOURCE, text="Other text.", published_in="Elsewhere")
    assert store_id(same) == store_id(SOURCE)
    assert len(store_id(SOURCE)) == 12
    for field, value in [
        ("title", "Another article"),
        ("author", "Someone Else"),
        ("published", dt.date(2025, 11, 21)),
    ]:
        assert store_id(dataclasses.replace(SOURCE, **{field: value})) != store_id(SOURCE)


def test_the_store_is_kept_with_each_record(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    record = _record("a#1", store="abc123abc123")
    append(path, [record])
    assert load(path, NOW).records == (record,)
    assert '"store": "abc123abc123"' in path.read_text()


def test_records_written_before_stores_were_kept_are_still_read(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    path.write_text(
        '{"key": "a#1", "fact_id": "a", "category": "history", "mode": "free",'
        ' "correct": true, "skipped": false, "at": "2025-11-20T12:00:00+00:00"}\n'
    )
    loaded = load(path, NOW)
    assert loaded.problem is None
    assert [r.store for r in loaded.records] == [""]


def test_only_the_current_stores_records_count() -> None:
    mine, other = "aaaaaaaaaaaa", "bbbbbbbbbbbb"
    records = [
        _record("a#1", store=mine),
        _record("a#1", store=other),
        _record("b#1", store=other),
        _record("a#2"),  # an old record: its fact is in this store
        _record("gone#1"),  # an old record of a fact this store does not have
    ]
    kept = for_store(records, mine, {"a", "b"})
    assert [(r.key, r.store) for r in kept] == [("a#1", mine), ("a#2", "")]


@pytest.mark.parametrize("depth", [0, 1], ids=["home-is-a-file", "inside-a-file"])
def test_a_file_where_the_history_folder_should_be_is_named_with_a_fix(
    tmp_path: Path, depth: int
) -> None:
    blocker = tmp_path / "home"
    blocker.write_text("")
    folder = blocker / "sub" if depth else blocker
    path = folder / FILE_NAME
    loaded = load(path, NOW)
    assert loaded.records == ()
    assert loaded.problem == (
        f"cannot keep the answer history in {folder}: {blocker} is a file, not a folder;"
        " set LAORUS_HOME to a folder, or move that file away"
    )
    assert loaded.backup is None
    assert blocker.read_text() == ""
    with pytest.raises(HistoryError) as raised:
        append(path, [_record()])
    assert str(raised.value) == loaded.problem


def test_most_missed_lists_the_most_often_missed_first_and_never_a_question_always_right() -> None:
    hour = dt.timedelta(hours=1)
    records = [
        _record("fact-a#1", correct=False, at=NOW),
        _record("fact-a#1", correct=False, at=NOW + hour),
        _record("fact-b#1", correct=False, at=NOW),
        _record("fact-c#1", correct=False, at=NOW + hour),
        _record("fact-c#1", correct=True, at=NOW + 2 * hour),
        _record("fact-d#1", correct=True, at=NOW),
    ]
    found = most_missed(records)
    assert [(m.key, m.missed, m.answered) for m in found] == [
        ("fact-a#1", 2, 2),
        ("fact-b#1", 1, 1),
        ("fact-c#1", 1, 2),
    ]
    assert most_missed(records, limit=1)[0].key == "fact-a#1"
    assert stats(records, NOW).missed == found


def test_the_records_of_other_stores_are_what_for_store_leaves_out() -> None:
    records = [
        _record("fact-a#1", store="mine"),
        _record("fact-b#1", store="theirs"),
        _record("fact-c#1"),
        _record("gone#1"),
    ]
    mine = for_store(records, "mine", {"fact-c"})
    others = not_for_store(records, "mine", {"fact-c"})
    assert [r.key for r in mine] == ["fact-a#1", "fact-c#1"]
    assert [r.key for r in others] == ["fact-b#1", "gone#1"]


def test_rewrite_replaces_the_history_whole(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    append(path, [_record("fact-a#1", store="mine"), _record("fact-b#1", store="theirs")])
    kept = [_record("fact-b#1", store="theirs")]
    rewrite(path, kept)
    assert load(path, NOW).records == tuple(kept)


def test_a_rewrite_that_fails_leaves_the_history_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import laorus.files

    path = tmp_path / FILE_NAME
    append(path, [_record("fact-a#1", store="mine")])
    before = path.read_bytes()

    def refuse(target: Path, data: bytes) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(laorus.files, "replace_atomically", refuse)
    with pytest.raises(HistoryError, match="it is unchanged"):
        rewrite(path, [])
    assert path.read_bytes() == before


# The store's questions after a review dropped fact-a's first question and renumbered the rest.
NOW_ASKED = {"fact-a#1": "What was fact-a's second question?", "fact-b#1": "Where was it?"}


@pytest.mark.parametrize(
    ("record", "counts"),
    [
        (_record("fact-a#1", question="What was fact-a's second question?"), True),
        (_record("fact-a#1", question="what was fact-a's  second question"), True),
        (_record("fact-a#1", question="What was fact-a's first question?"), False),
        (_record("fact-a#1", question=""), True),  # the oldest records saved no text
        (_record("fact-a#2", question="What was fact-a's second question?"), False),
        (_record("fact-c#1", question="Where was it?"), False),
        (_record("fact-a#cloze-0a1b2c3d", question="Fill in the blank: ..."), True),
    ],
)
def test_a_record_counts_only_for_the_question_its_key_asks_now(
    record: Record, counts: bool
) -> None:
    assert asked_now([record], NOW_ASKED) == ((record,) if counts else ())


def test_answers_to_a_renumbered_question_count_in_accuracy_but_not_in_review_or_missed() -> None:
    records = [
        _record("fact-a#1", correct=False, question="What was fact-a's first question?"),
        _record("fact-b#1", correct=False, question="Where was it?", category="places"),
    ]
    figures = stats(records, NOW, NOW_ASKED)
    assert [m.key for m in figures.missed] == ["fact-b#1"]
    assert figures.due == 1
    assert (figures.overall.answered, figures.overall.correct) == (2, 0)
    assert sorted(t.name for t in figures.categories) == ["history", "places"]
    assert [m.key for m in stats(records, NOW).missed] == ["fact-a#1", "fact-b#1"]
