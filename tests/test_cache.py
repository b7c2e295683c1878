"""The cache of large stores: keyed by the store's bytes, rebuilt when anything is wrong with it,
and giving exactly what parsing the store gives."""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from laorus.anniversaries.occurrences import in_year
from laorus.cache import database as cache_file
from laorus.cache import policy as cache
from laorus.cache.reader import CachedIndex, Wanted, source_from_record, source_record
from laorus.cli import app
from laorus.paths import default_path
from laorus.search.index import SearchIndex
from laorus.search.rank import search, suggest
from laorus.search.timeline import events
from laorus.store.read import load
from tests.test_search_quality import ASKED, FIND, NOTHING

SHIPPED = default_path()


def copies(count: int) -> str:
    """The shipped store with its facts copied under new ids until there are ``count``."""
    text = SHIPPED.read_text(encoding="utf-8")
    names = text.index("\n[[names]]") + 1  # the names vocabulary follows the facts, once
    text, vocabulary = text[:names], text[names:]
    start = text.index("\n[[facts]]") + 1
    chunks = ["[[facts]]" + chunk for chunk in text[start:].split("[[facts]]")[1:]]
    out = [text[:start]]
    for number in range(count):
        chunk = chunks[number % len(chunks)]
        if number >= len(chunks):
            chunk = re.sub(
                r'^id = "([^"]+)"', rf'id = "\1-copy-{number}"', chunk, count=1, flags=re.M
            )
        out.append(chunk)
    out.append(vocabulary)
    return "".join(out)


@pytest.fixture
def home(tmp_path: Path) -> dict[str, str]:
    """A private LAORUS_HOME, so the cache goes to a temporary folder."""
    return {"LAORUS_HOME": str(tmp_path / "home")}


@pytest.fixture
def shipped_copy(tmp_path: Path) -> Path:
    path = tmp_path / "facts.toml"
    path.write_bytes(SHIPPED.read_bytes())
    return path


def cache_files(home: dict[str, str]) -> list[Path]:
    folder = Path(home["LAORUS_HOME"]) / "cache"
    return sorted(folder.glob("*.sqlite3")) if folder.is_dir() else []


def ranked(index: object, query: str, **filters: object) -> list[tuple[str, float, frozenset[str]]]:
    return [(h.fact.id, h.score, h.matched) for h in search(index, query, **filters)]  # type: ignore[arg-type]


def test_a_store_over_the_threshold_is_cached_and_a_small_one_is_not(
    shipped_copy: Path, small_store: Path, home: dict[str, str]
) -> None:
    assert small_store.stat().st_size < cache.THRESHOLD <= shipped_copy.stat().st_size
    cache.load(small_store, environ=home)
    assert cache.with_index(small_store, type, environ=home) is SearchIndex
    assert cache_files(home) == []
    cache.load(shipped_copy, environ=home)
    (file,) = cache_files(home)
    assert file == cache.cache_file(shipped_copy, home)
    assert cache.with_index(shipped_copy, type, environ=home) is CachedIndex


def test_the_cached_store_equals_the_parsed_store(shipped_copy: Path, home: dict[str, str]) -> None:
    parsed = load(shipped_copy)
    assert cache.load(shipped_copy, threshold=0, environ=home) == parsed  # writes the cache
    assert cache.load(shipped_copy, threshold=0, environ=home) == parsed  # reads it


def test_search_through_the_cache_gives_exactly_the_same_results(
    shipped_copy: Path, home: dict[str, str]
) -> None:
    memory = SearchIndex.build(load(shipped_copy))
    cache.load(shipped_copy, threshold=0, environ=home)
    queries = [query for query, _ in [*FIND, *ASKED]] + NOTHING
    queries += ["lao-pdr-proclamed", "Laos Russia"]
    filters: list[dict[str, object]] = [
        {},
        {"limit": 3},
        {"category": "economy"},
        {"tag": "Nuclear"},
        {"year_from": 2000, "year_to": 2024},
    ]

    def compare(index: object) -> int:
        for query in queries:
            for chosen in filters:
                assert ranked(index, query, **chosen) == ranked(memory, query, **chosen), query
            assert suggest(index, query) == suggest(memory, query)  # type: ignore[arg-type]
        assert index.tags() == memory.tags()  # type: ignore[attr-defined]
        return len(queries)

    assert cache.with_index(shipped_copy, compare, threshold=0, environ=home) == len(queries)


def test_a_changed_store_is_parsed_again_even_with_the_same_size_and_time(
    shipped_copy: Path, home: dict[str, str]
) -> None:
    cache.load(shipped_copy, threshold=0, environ=home)
    before = shipped_copy.stat()
    text = shipped_copy.read_text(encoding="utf-8")
    old = 'in the Lao PDR with the participation of the Rosatom State Corporation."\nquote'
    changed = text.replace(old, old.replace("Corporation", "Corporatiom"), 1)
    assert changed != text
    assert len(changed) == len(text)
    shipped_copy.write_text(changed, encoding="utf-8")
    os.utime(shipped_copy, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert shipped_copy.stat().st_size == before.st_size
    fact = cache.load(shipped_copy, threshold=0, environ=home).get("nuclear-power-plant")
    assert fact is not None
    assert fact.statement.endswith("Corporatiom.")
    # and the cache now holds the new version
    again = cache.load(shipped_copy, threshold=0, environ=home).get("nuclear-power-plant")
    assert again == fact


def _corrupt(file: Path) -> None:
    data = bytearray(file.read_bytes())
    data[100:4000] = os.urandom(3900)
    file.write_bytes(bytes(data))


def _truncate(file: Path) -> None:
    file.write_bytes(file.read_bytes()[: file.stat().st_size // 2])


def _garbage(file: Path) -> None:
    file.write_bytes(b"not a database at all\n" * 100)


def _other_format(file: Path) -> None:
    with sqlite3.connect(file) as db:
        db.execute("UPDATE meta SET value = '0-little-I laorus-0.0.1 x' WHERE key = 'format'")


def _bad_posting(file: Path) -> None:
    with sqlite3.connect(file) as db:
        db.execute("UPDATE postings SET data = x'0102' WHERE word = 'rosatom'")


def _missing_fact(file: Path) -> None:
    with sqlite3.connect(file) as db:
        db.execute("DELETE FROM facts WHERE id = 'nuclear-power-plant'")


@pytest.mark.parametrize(
    "damage", [_corrupt, _truncate, _garbage, _other_format, _bad_posting, _missing_fact]
)
def test_a_damaged_cache_is_ignored_and_rebuilt(
    shipped_copy: Path, home: dict[str, str], damage: object
) -> None:
    parsed = load(shipped_copy)
    expected = ranked(SearchIndex.build(parsed), "Rosatom")
    cache.load(shipped_copy, threshold=0, environ=home)
    (file,) = cache_files(home)
    damage(file)  # type: ignore[operator]
    found = cache.with_index(
        shipped_copy, lambda index: ranked(index, "Rosatom"), threshold=0, environ=home
    )
    assert found == expected
    assert cache.load(shipped_copy, threshold=0, environ=home) == parsed
    # rebuilt: a good cache is back in place and is used
    db = cache_file.open_matching(file, shipped_copy)
    assert db is not None
    db.close()


def test_an_unwritable_cache_folder_just_means_no_cache(shipped_copy: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    home = {"LAORUS_HOME": str(blocker)}
    parsed = load(shipped_copy)
    assert cache.load(shipped_copy, threshold=0, environ=home) == parsed
    found = cache.with_index(
        shipped_copy, lambda index: ranked(index, "Rosatom"), threshold=0, environ=home
    )
    assert found == ranked(SearchIndex.build(parsed), "Rosatom")
    assert list(tmp_path.glob("**/*.sqlite3*")) == []


def test_an_unreadable_cache_folder_just_means_no_cache(
    shipped_copy: Path, home: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache folder nobody may look into (mode 000, which root ignores, so stat is made to
    fail as it would): the store is parsed, no error reaches the user."""
    parsed = load(shipped_copy)
    cache.load(shipped_copy, threshold=0, environ=home)  # a cache file is there
    stat = Path.stat

    def refused(path: Path, *, follow_symlinks: bool = True) -> os.stat_result:
        if path.name.endswith(".sqlite3"):
            raise PermissionError(13, "Permission denied", str(path))
        return stat(path, follow_symlinks=follow_symlinks)

    monkeypatch.setattr(Path, "stat", refused)
    assert cache.load(shipped_copy, threshold=0, environ=home) == parsed


def test_a_store_with_problems_is_never_cached(tmp_path: Path, home: dict[str, str]) -> None:
    from laorus.errors import StoreError

    path = tmp_path / "broken.toml"
    path.write_text(
        SHIPPED.read_text(encoding="utf-8").replace('category = "economy"', 'category = "x"', 1),
        encoding="utf-8",
    )
    with pytest.raises(StoreError, match="unknown category"):
        cache.load(path, threshold=0, environ=home)
    assert cache_files(home) == []


def test_validated_gives_the_summary_only_for_a_matching_cache(
    shipped_copy: Path, home: dict[str, str]
) -> None:
    from laorus.store.summary import summarise

    assert cache.validated(shipped_copy, threshold=0, environ=home) is None
    store = cache.load(shipped_copy, threshold=0, environ=home)
    assert cache.validated(shipped_copy, threshold=0, environ=home) == summarise(store)
    shipped_copy.write_text(shipped_copy.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert cache.validated(shipped_copy, threshold=0, environ=home) is None


def test_the_cache_file_is_named_after_the_store_s_full_path(tmp_path: Path) -> None:
    home = {"LAORUS_HOME": str(tmp_path)}
    first = cache.cache_file(tmp_path / "a.toml", home)
    assert first.parent == tmp_path / "cache"
    assert first != cache.cache_file(tmp_path / "b.toml", home)
    assert first == cache.cache_file(tmp_path / "x" / ".." / "a.toml", home)


# Through the command line: a store over the default threshold (1 MiB).

runner = CliRunner()


@pytest.fixture(scope="module")
def large_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("large") / "large.toml"
    path.write_text(copies(1300), encoding="utf-8")
    assert path.stat().st_size > cache.THRESHOLD
    return path


def test_commands_print_the_same_from_the_cache_and_nothing_extra_in_a_pipe(
    large_store: Path, tmp_path: Path
) -> None:
    env = {"LAORUS_HOME": str(tmp_path), "NO_COLOR": "1", "COLUMNS": "80"}
    commands = [
        ["search", "nuclear", "power", "plant", "--quotes"],
        ["search", "Laos", "--json", "--tag", "nuclear"],
        ["search", "elefant"],
        ["show", "elephants-gift-copy-1000"],
        ["timeline", "--from", "2025"],
        ["validate"],
    ]
    for command in commands:
        first = runner.invoke(app, ["--facts", str(large_store), *command], env=env)
        assert first.exit_code in (0, 1), first.output
        again = runner.invoke(app, ["--facts", str(large_store), *command], env=env)
        assert (again.exit_code, again.stdout, again.stderr) == (
            first.exit_code,
            first.stdout,
            first.stderr,
        ), command
        assert "Reading" not in first.stderr
        assert "\x1b[" not in first.stderr
    assert len(list((tmp_path / "cache").glob("*.sqlite3"))) == 1


def test_a_large_store_shows_progress_on_a_terminal(large_store: Path, tmp_path: Path) -> None:
    env = {"LAORUS_HOME": str(tmp_path), "FORCE_COLOR": "1", "COLUMNS": "80"}
    result = runner.invoke(app, ["--facts", str(large_store), "validate"], env=env)
    assert result.exit_code == 0, result.output
    assert "Reading the fact store" in result.stderr


@pytest.mark.parametrize(
    "change",
    [
        # a problem in a late fact, found while the rest is still being parsed
        lambda text: text.replace('category = "culture"', 'category = "sport"', 3),
        # a table after the facts: the chunks disagree with one parse, which must judge
        lambda text: text + "\n[extra]\nkey = 1\n",
        # a syntax error late in the store names its line
        lambda text: text[: len(text) - 2000] + "\nbroken = \n" + text[len(text) - 2000 :],
    ],
)
def test_a_large_store_with_problems_reports_them_as_the_loader_does(
    large_store: Path, tmp_path: Path, change: object
) -> None:
    from laorus.errors import StoreError
    from laorus.store.read import load as parse_and_check

    path = tmp_path / "changed.toml"
    path.write_text(change(large_store.read_text(encoding="utf-8")), encoding="utf-8")  # type: ignore[operator]
    with pytest.raises(StoreError) as expected:
        parse_and_check(path)
    with pytest.raises(StoreError) as found:
        cache.load(path, environ={"LAORUS_HOME": str(tmp_path)})
    assert found.value.problems == expected.value.problems
    assert not list(tmp_path.glob("cache/*.sqlite3"))


def test_a_large_store_loads_the_same_from_a_streamed_parse(
    large_store: Path, tmp_path: Path
) -> None:
    home = {"LAORUS_HOME": str(tmp_path)}
    parsed = load(large_store)
    assert cache.load(large_store, environ=home) == parsed
    assert cache.load(large_store, environ=home) == parsed


def test_a_large_store_without_a_publication_date_round_trips_through_the_cache(
    large_store: Path, tmp_path: Path
) -> None:
    text = large_store.read_text(encoding="utf-8")
    path = tmp_path / "undated.toml"
    path.write_text(text.replace("\npublished = 2025-11-20\n", "\n", 1), encoding="utf-8")
    assert path.stat().st_size > cache.THRESHOLD
    home = {"LAORUS_HOME": str(tmp_path)}
    parsed = load(path)
    assert parsed.source.published is None
    assert cache.load(path, environ=home) == parsed  # writes the cache
    assert len(cache_files(home)) == 1
    assert cache.load(path, environ=home) == parsed  # reads it
    assert source_from_record(source_record(parsed.source)) == parsed.source


def test_a_change_to_any_core_module_means_a_new_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    before = cache_file.fingerprint()
    real = Path.read_bytes

    def edited(self: Path) -> bytes:
        data = real(self)
        # store/summary.py shapes the summary that validate reports from the cache.
        edit = self.name == "summary.py" and self.parent.name == "store"
        return data + b"\n# edited\n" if edit else data

    monkeypatch.setattr(Path, "read_bytes", edited)
    assert cache_file.fingerprint() != before


def test_the_cache_keeps_the_store_s_warnings(small_store: Path, home: dict[str, str]) -> None:
    parsed = load(small_store)
    assert [w.fact for w in parsed.warnings] == ["fact 'nuclear-plant'", "fact 'elephants'"]
    assert cache.load(small_store, threshold=0, environ=home) == parsed  # writes the cache
    assert cache.load(small_store, threshold=0, environ=home).warnings == parsed.warnings
    summary = cache.validated(small_store, threshold=0, environ=home)
    assert summary is not None
    assert summary.warnings == parsed.warnings


@pytest.mark.parametrize(
    "wanted",
    [
        Wanted(dated=True),
        Wanted(category="visits", dated=True, year_from=2024, year_to=2025),
        Wanted(dated=True, year_to=1980),
        Wanted(dated=True, anniversaries_in=(2025,), every=5),
        Wanted(dated=True, anniversaries_in=(2030, 2031), every=1),
    ],
)
def test_a_partial_load_from_the_cache_keeps_every_fact_the_filters_keep(
    shipped_copy: Path, home: dict[str, str], wanted: Wanted
) -> None:
    whole = load(shipped_copy)
    cache.load(shipped_copy, threshold=0, environ=home)  # writes the cache
    part = cache.load_wanted(shipped_copy, wanted, threshold=0, environ=home)
    assert len(part.facts) < len(whole.facts)
    for year in wanted.anniversaries_in:
        found = in_year(part.facts, year, wanted.every)
        assert found == in_year(whole.facts, year, wanted.every)
    if not wanted.anniversaries_in:
        years = {"year_from": wanted.year_from, "year_to": wanted.year_to}
        found_events = events(part, category=wanted.category, **years)
        assert found_events == events(whole, category=wanted.category, **years)


def test_show_reads_a_fact_and_its_linked_facts_from_the_cache(
    shipped_copy: Path, home: dict[str, str]
) -> None:
    whole = load(shipped_copy)
    cache.load(shipped_copy, threshold=0, environ=home)
    part = cache.load_part(
        shipped_copy, lambda ids: ["relations-established"], threshold=0, environ=home
    )
    fact = part.get("relations-established")
    assert fact == whole.get("relations-established")
    assert part.commemorated_by(fact) == whole.commemorated_by(fact)
    assert part.same_event_facts(fact) == whole.same_event_facts(fact)
    assert part.source == whole.source
    assert len(part.facts) < 10


@pytest.mark.parametrize("category", [None, "history", "culture", "multilateral"])
def test_the_first_events_of_a_timeline_read_in_part_are_those_of_the_whole_store(
    shipped_copy: Path, home: dict[str, str], category: str | None
) -> None:
    whole = events(load(shipped_copy), category=category)
    cache.load(shipped_copy, threshold=0, environ=home)  # writes the cache
    for count in range(1, len(whole) + 2):
        wanted = Wanted(category=category, dated=True, first=count)
        part = cache.load_wanted(shipped_copy, wanted, threshold=0, environ=home)
        assert events(part, category=category)[:count] == whole[:count], count
        if count < len(whole) // 2:
            assert len(part.facts) < len(load(shipped_copy).facts)
