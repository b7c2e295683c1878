"""The loader: a valid store becomes frozen dataclasses; every broken store is refused clearly."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from laorus.errors import LaorusError, StoreError
from laorus.store.build import build
from laorus.store.model import PartialDate
from laorus.store.read import load, parse
from tests.conftest import SMALL_STORE


def test_valid_store_loads_into_frozen_dataclasses(small_store: Path) -> None:
    store = load(small_store)
    assert [f.id for f in store.facts] == [
        "relations-established",
        "lao-pdr-proclaimed",
        "nuclear-plant",
        "elephants",
    ]
    fact = store.facts[0]
    assert fact.date == PartialDate(1960, 10, 7)
    assert fact.anniversary is not None
    assert fact.anniversary.nth == 65
    assert store.source.text[fact.quote_start :].startswith(fact.quote)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fact.id = "other"  # type: ignore[misc]


def test_partial_dates_keep_their_precision(small_store: Path) -> None:
    store = load(small_store)
    elephants = store.get("elephants")
    assert elephants is not None
    assert elephants.date == PartialDate(2025)
    assert elephants.date.precision == "year"
    assert elephants.date.iso() == "2025"


@pytest.mark.parametrize(
    ("value", "iso"),
    [("1954", "1954"), ("2025-06", "2025-06"), ("1960-10-07", "1960-10-07")],
)
def test_partial_date_round_trips(value: str, iso: str) -> None:
    assert PartialDate.parse(value).iso() == iso


@pytest.mark.parametrize("value", ["1960-13", "1961-02-29", "0000", "19", "June 2025", "2025-6"])
def test_partial_date_refuses_impossible_or_malformed_dates(value: str) -> None:
    with pytest.raises(ValueError, match=r"date|month|day|year"):
        PartialDate.parse(value)


def _replace(old: str, new: str) -> str:
    assert old in SMALL_STORE, old
    return SMALL_STORE.replace(old, new, 1)


BROKEN: list[tuple[str, str, str]] = [
    ("syntax", _replace('id = "nuclear-plant"', 'id = "nuclear-plant'), "TOML syntax error"),
    ("missing field", _replace('category = "economy"\n', ""), "category: missing"),
    (
        "wrong type",
        _replace('category = "economy"', "category = 7"),
        "must be a string, not an integer",
    ),
    (
        "duplicate id",
        _replace('id = "nuclear-plant"', 'id = "lao-pdr-proclaimed"'),
        "duplicate id",
    ),
    ("malformed id", _replace('id = "nuclear-plant"', 'id = "Nuclear Plant"'), "malformed id"),
    ("impossible date", _replace("date = 1975-12-02", 'date = "1975-13"'), "impossible date"),
    (
        "quote not verbatim",
        _replace(
            'quote = "Rosatom could build a small nuclear power plant."',
            'quote = "Rosatom might build a small nuclear power plant."',
        ),
        "not found verbatim",
    ),
    ("answer not in quote", _replace('answer = "Rosatom"', 'answer = "Rusal"'), "not in the fact"),
    (
        "unknown category",
        _replace('category = "economy"', 'category = "sport"'),
        "unknown category 'sport'",
    ),
    ("wrong arithmetic", _replace("nth = 65", "nth = 64"), "arithmetic does not hold"),
    (
        "unknown field",
        _replace('category = "economy"', 'category = "economy"\nqoute = "x"'),
        "unknown field",
    ),
    ("upper-case tag", _replace('"atomic"', '"Atomic"'), "lower-case"),
    (
        "publication date not a date",
        _replace("published = 2025-11-20", 'published = "2025"'),
        "source.published: must be a TOML date",
    ),
    ("blank event", _replace('category = "history"', 'category = "history"\nevent = " "'), "event"),
    (
        "end before start",
        _replace("date = 1975-12-02", "date = 1975-12-02\nend_date = 1974-01-01"),
        "ends before it starts",
    ),
]


@pytest.mark.parametrize(("case", "content", "message"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_store_is_refused_with_the_problem_named(
    write_store: Callable[[str | bytes], Path], case: str, content: str, message: str
) -> None:
    path = write_store(content)
    with pytest.raises(StoreError) as info:
        load(path)
    assert message in str(info.value), case
    assert str(path) in str(info.value)


def test_problem_names_file_fact_field_and_line(write_store: Callable[[str | bytes], Path]) -> None:
    path = write_store(_replace('category = "economy"', 'category = "sport"'))
    with pytest.raises(StoreError) as info:
        load(path)
    (problem,) = info.value.problems
    line = SMALL_STORE.splitlines().index('category = "economy"') + 1
    assert str(problem).startswith(f"{path}:{line}: fact 'nuclear-plant': category: ")


def test_every_problem_is_reported_at_once(write_store: Callable[[str | bytes], Path]) -> None:
    content = _replace('category = "economy"', 'category = "sport"')
    content = content.replace('id = "elephants"', 'id = "Elephants!"')
    content = content.replace('answer = "1975"', 'answer = "1976"')
    with pytest.raises(StoreError) as info:
        load(write_store(content))
    messages = [p.message for p in info.value.problems]
    assert len(messages) == 3
    assert any("unknown category" in m for m in messages)
    assert any("malformed id" in m for m in messages)
    assert any("'1976'" in m for m in messages)


def test_syntax_error_names_the_line(write_store: Callable[[str | bytes], Path]) -> None:
    content = _replace('id = "nuclear-plant"', 'id = "nuclear-plant')
    with pytest.raises(StoreError) as info:
        load(write_store(content))
    line = content.splitlines().index('id = "nuclear-plant') + 1
    assert info.value.problems[0].line == line


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"   \n\n", "is empty"),
        (b"\x00\x01\x02binary", "binary"),
        ("title = 'caf\u00e9'".encode("latin-1"), "not UTF-8"),
    ],
)
def test_unreadable_content_is_refused(
    write_store: Callable[[str | bytes], Path], content: bytes, message: str
) -> None:
    with pytest.raises(StoreError, match=message):
        load(write_store(content))


def test_missing_file_and_directory_are_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such file"):
        load(tmp_path / "absent.toml")
    with pytest.raises(StoreError, match="is a directory"):
        load(tmp_path)


def _error_of(action: Callable[[], object]) -> str | None:
    """The message of the LaorusError ``action`` raised, or None if it succeeded.

    Any other exception propagates and fails the test.
    """
    try:
        action()
    except LaorusError as exc:
        return str(exc)
    return None


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_raise_only_the_project_error(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("bytes") / "store.toml"
    path.write_bytes(data)
    message = _error_of(lambda: load(path))
    assert message is None or message.startswith(str(path))


_toml_scalars = st.one_of(
    st.text(max_size=20),
    st.integers(),
    st.booleans(),
    st.dates(),
    st.floats(allow_nan=False),
)
_toml_values = st.recursive(
    _toml_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(["id", "quote", "date", "text", "x"]), inner, max_size=4),
    ),
    max_leaves=12,
)
_documents = st.fixed_dictionaries(
    {},
    optional={
        "schema": _toml_values,
        "source": st.one_of(
            _toml_values,
            st.fixed_dictionaries(
                {
                    "title": _toml_values,
                    "author": st.just("A"),
                    "published": st.dates(),
                    "published_in": st.just("B"),
                    "text": st.text(max_size=40),
                }
            ),
        ),
        "facts": st.one_of(
            _toml_values,
            st.lists(
                st.dictionaries(
                    st.sampled_from(
                        [
                            "id",
                            "statement",
                            "quote",
                            "category",
                            "date",
                            "end_date",
                            "tags",
                            "questions",
                            "anniversary",
                            "derived",
                            "people",
                        ]
                    ),
                    _toml_values,
                ),
                max_size=4,
            ),
        ),
    },
)


@settings(max_examples=300, deadline=None)
@given(_documents)
def test_arbitrary_toml_documents_raise_only_the_project_error(document: dict[str, object]) -> None:
    message = _error_of(lambda: build(document, Path("doc.toml")))
    assert message is None or message.startswith("doc.toml")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_raises_only_the_project_error(text: str) -> None:
    message = _error_of(lambda: build(parse(text, Path("t.toml")), Path("t.toml"), text))
    assert message is None or message.startswith("t.toml")


def test_source_problem_names_its_line(write_store: Callable[[str | bytes], Path]) -> None:
    content = _replace('author = "Test Author"', "author = 3")
    with pytest.raises(StoreError) as info:
        load(write_store(content))
    (problem,) = info.value.problems
    assert problem.line == content.splitlines().index("author = 3") + 1
    assert problem.field == "source.author"


# Large stores are parsed in chunks cut before [[facts]] lines; the result must be the same.


def _whole(text: str) -> dict[str, object]:
    import tomllib

    return tomllib.loads(text)


def test_chunks_join_back_into_the_text_and_start_at_facts(small_store: Path) -> None:
    from laorus.store.read import split_chunks

    text = small_store.read_text(encoding="utf-8")
    chunks = split_chunks(text, 1)
    assert "".join(chunks) == text
    assert len(chunks) == 5  # what precedes the facts, then one chunk per fact
    assert all(chunk.startswith("[[facts]]") for chunk in chunks[1:])
    assert split_chunks(text, 10 * len(text)) == [chunks[0], "".join(chunks[1:])]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_chunked_parse_equals_the_whole_parse(workers: int) -> None:
    from laorus.paths import default_path

    text = default_path().read_text(encoding="utf-8")
    assert parse(text, Path("f.toml"), chunk_size=4000, workers=workers) == _whole(text)


@pytest.mark.parametrize(
    "content",
    [
        # a [[facts]] line inside a multi-line string is text, not a header
        _replace("two elephants.'''", "two elephants.\n[[facts]]\nid = 1'''"),
        # a table after the facts belongs to the document, not to a fact
        SMALL_STORE.replace("[source]", "[other]\nx = 1\n\n[source]", 1).replace("schema = 1\n", "")
        + "\n[extra]\nkey = 2\n",
        # [[ facts ]] spelt with spaces is a header too
        SMALL_STORE.replace("[[facts]]", "[[ facts ]] # a fact"),
    ],
)
def test_unusual_layouts_parse_in_chunks_as_in_one_piece(content: str) -> None:
    assert parse(content, Path("u.toml"), chunk_size=1) == _whole(content)


def test_a_syntax_error_in_a_chunked_store_names_its_line() -> None:
    content = _replace('id = "elephants"', 'id = "elephants')
    with pytest.raises(StoreError) as info:
        parse(content, Path("s.toml"), chunk_size=1, workers=2)
    assert info.value.problems[0].line == content.splitlines().index('id = "elephants') + 1


def test_a_chunked_parse_reports_its_progress() -> None:
    from laorus.paths import default_path

    text = default_path().read_text(encoding="utf-8")
    seen: list[tuple[str, int, int]] = []
    parse(text, Path("f.toml"), chunk_size=4000, progress=lambda *report: seen.append(report))
    assert len(seen) > 5
    assert [done for _, done, _ in seen] == sorted(done for _, done, _ in seen)
    assert seen[-1][1:] == (len(text), len(text))


@settings(max_examples=300, deadline=None)
@given(
    st.text("ab c.", min_size=0, max_size=400),
    st.lists(st.tuples(st.integers(0, 400), st.integers(1, 30)), min_size=1, max_size=20),
)
def test_quotes_are_found_as_find_and_count_find_them(
    text: str, spans: list[tuple[int, int]]
) -> None:
    from laorus.store.positions import SCANS, Article

    article = Article(text)
    article._found.update({f"filler {n}": (0, 0) for n in range(SCANS)})
    for start, length in spans:
        quote = text[start : start + length] or "ab"
        expected = (text.find(quote), text.count(quote) if quote in text else 0)
        assert article.locate(quote) == expected, quote


def test_an_empty_string_is_called_empty(write_store: Callable[[str | bytes], Path]) -> None:
    with pytest.raises(StoreError) as info:
        load(
            write_store(_replace('statement = "Laos gave Russia two elephants."', 'statement = ""'))
        )
    (problem,) = info.value.problems
    assert problem.field == "statement"
    assert problem.message.startswith("is empty")


def test_a_duplicate_id_is_reported_beside_the_fact_s_other_problems(
    write_store: Callable[[str | bytes], Path],
) -> None:
    content = _replace('id = "nuclear-plant"', 'id = "lao-pdr-proclaimed"')
    content = content.replace('category = "economy"', 'category = "sport"')
    with pytest.raises(StoreError) as info:
        load(write_store(content))
    messages = sorted(p.message.split(";")[0] for p in info.value.problems)
    assert messages == ["duplicate id", "unknown category 'sport'"]


def test_a_device_is_refused_without_reading_it() -> None:
    with pytest.raises(StoreError, match="is a device, not a fact store"):
        load(Path("/dev/zero"))


def test_a_date_the_quote_contradicts_is_refused_with_file_line_and_field(
    write_store: Callable[[str | bytes], Path],
) -> None:
    path = write_store(_replace("date = 1975-12-02", "date = 1976-12-02"))
    with pytest.raises(StoreError) as info:
        load(path)
    (problem,) = info.value.problems
    line = SMALL_STORE.splitlines().index("date = 1975-12-02") + 1
    assert str(problem) == (
        f"{path}:{line}: fact 'lao-pdr-proclaimed': date: 1976-12-02 is not a date the quote"
        " gives (1975-12-02); use the quote's date, or say in 'derived' how this one follows"
        " from the article"
    )


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # A date said to be derived may differ from the quote's.
        ("date = 1975-12-02", 'date = 1976-12-02\nderived = "A year after the quote\'s date."'),
        # A date known to the month or year is not compared with the quote's full dates.
        ("date = 1975-12-02", 'date = "1975-12"'),
    ],
)
def test_a_date_derived_or_less_precise_than_the_quote_is_not_compared(
    write_store: Callable[[str | bytes], Path], old: str, new: str
) -> None:
    load(write_store(_replace(old, new)))


def test_a_date_choice_may_be_an_article_date_written_in_another_form(
    write_store: Callable[[str | bytes], Path],
) -> None:
    """The article writes "October 13, 2011"; a choice "13 October 2011" is its words."""
    text = (Path(__file__).parent.parent / "facts.toml").read_text(encoding="utf-8")
    ok = load(write_store(text))
    assert any("13 October 2011" in q.choices for f in ok.facts for q in f.questions)
    wrong = text.replace('"13 October 2011", "9 March 1994"]', '"14 October 2011", "9 March 1994"]')
    assert wrong != text
    with pytest.raises(StoreError, match="choice '14 October 2011' is neither in the article"):
        load(write_store(wrong))


def test_a_duplicate_id_names_the_line_of_its_first_use(
    write_store: Callable[[str | bytes], Path],
) -> None:
    content = _replace('id = "nuclear-plant"', 'id = "lao-pdr-proclaimed"')
    first = content.splitlines().index('id = "lao-pdr-proclaimed"') + 1
    with pytest.raises(StoreError) as info:
        load(write_store(content))
    (problem,) = info.value.problems
    assert problem.message == (
        f"duplicate id; the fact at line {first} already has it; give each fact its own id"
    )
    assert problem.line is not None
    assert problem.line > first
