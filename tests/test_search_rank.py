"""The search core: typo-tolerant, order-free, IDF-weighted ranking and its known scorer traps."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from laorus.search.index import SearchIndex
from laorus.search.query import MAX_QUERY_WORDS, Query
from laorus.search.rank import MIN_SCORE, NoWordsToSearch, nearest_ids, search, suggest
from laorus.store.model import Fact, PartialDate, Source, Store
from laorus.store.read import load
from laorus.text.words import fold, words


def fact(fact_id: str, statement: str, **fields: object) -> Fact:
    """A fact whose quote is its statement, unless given."""
    fields.setdefault("quote", statement)
    fields.setdefault("category", "economy")
    return Fact(id=fact_id, statement=statement, **fields)  # type: ignore[arg-type]


def make_store(*facts: Fact) -> Store:
    text = "\n".join(f.quote for f in facts)
    source = Source("T", "A", dt.date(2025, 11, 20), "Tests", text)
    return Store(path=Path("memory.toml"), source=source, facts=facts)


def ids(hits: list) -> list[str]:  # type: ignore[type-arg]
    return [hit.fact.id for hit in hits]


@pytest.fixture
def small(small_store: Path) -> Store:
    return load(small_store)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Rosatm", "nuclear-plant"),
        ("rosatom", "nuclear-plant"),
        ("elefants", "elephants"),
        ("nucleer powr plant", "nuclear-plant"),
        ("proclamed", "lao-pdr-proclaimed"),
    ],
)
def test_typos_are_forgiven_word_by_word(small: Store, query: str, expected: str) -> None:
    assert ids(search(small, query))[0] == expected


def test_word_order_is_free(small: Store) -> None:
    forward = search(small, "nuclear power plant")
    backward = search(small, "plant power nuclear")
    assert ids(forward)[:1] == ids(backward)[:1] == ["nuclear-plant"]


def test_a_whole_phrase_match_ranks_higher_than_the_same_words_apart() -> None:
    store = make_store(
        fact("apart", "The plant gives power to a nuclear research centre."),
        fact("phrase", "Rosatom could build a nuclear power plant."),
    )
    hits = search(store, "nuclear power plant")
    assert ids(hits) == ["phrase", "apart"]
    assert hits[0].score > hits[1].score


def test_words_in_most_facts_count_for_little() -> None:
    store = make_store(
        fact("a", "Laos and Russia signed a treaty."),
        fact("b", "Laos gave Russia two elephants."),
        fact("c", "Laos hosted a summit in Vientiane."),
        fact("d", "Laos sent students to Russia."),
    )
    assert ids(search(store, "Laos elephants"))[0] == "b"
    # One rare word the store lacks outweighs a word that every fact contains.
    assert search(store, "Laos bitcoin") == []


def test_a_fact_id_finds_that_fact_first(small: Store) -> None:
    hits = search(small, "lao-pdr-proclaimed")
    assert ids(hits)[0] == "lao-pdr-proclaimed"
    assert hits[0].score == 100


def test_a_nearly_right_id_still_finds_the_fact(small: Store) -> None:
    assert ids(search(small, "relations-establised"))[0] == "relations-established"


def test_results_below_the_cutoff_are_not_shown(small: Store) -> None:
    hits = search(small, "nuclear football stadium")
    assert hits == []
    assert all(hit.score >= MIN_SCORE for hit in search(small, "Laos"))


# The traps of rapidfuzz's scorers, each shown and then pinned against our search.


def test_one_shared_word_does_not_make_a_perfect_match(small: Store) -> None:
    from rapidfuzz import fuzz

    # The set scorers give 100 when one word is shared: "Laos" is in the fact, "football" is not.
    assert fuzz.partial_token_set_ratio("laos football", "laos gave two elephants") == 100
    assert fuzz.token_set_ratio("laos", "laos gave two elephants") == 100
    assert search(small, "Laos football") == []


@pytest.mark.parametrize("fragment", ["ant", "lan", "pla", "owe"])
def test_a_fragment_of_a_longer_text_is_not_a_match(small: Store, fragment: str) -> None:
    from rapidfuzz import fuzz

    # WRatio scores a short query about 90 against a longer text that contains it.
    assert fuzz.WRatio(fragment, "a power plant") == pytest.approx(90)
    assert search(small, fragment) == []


def test_one_word_of_a_long_query_is_not_a_good_match(small: Store) -> None:
    from rapidfuzz import fuzz

    assert fuzz.WRatio("nuclear football", small.facts[2].statement) > 85
    assert search(small, "nuclear football") == []


@pytest.mark.parametrize("query", ["ROSATOM", "RoSaToM", "NUCLEAR POWER PLANT"])
def test_case_does_not_matter(small: Store, query: str) -> None:
    from rapidfuzz import fuzz

    # Since rapidfuzz 3.0 nothing is lower-cased unless a processor is passed.
    assert fuzz.ratio("ROSATOM", "rosatom") == 0
    hits = search(small, query)
    assert ids(hits)[0] == "nuclear-plant"
    assert hits[0].score == 100


def test_accents_are_folded_in_query_and_facts() -> None:
    from rapidfuzz import utils

    # rapidfuzz's default_process lower-cases but keeps accents.
    assert utils.default_process("Café") == "café"
    store = make_store(
        fact("cafe", "A Café Lao opened in Moscow."),
        fact("other", "Rosatom could build a plant."),
    )
    assert ids(search(store, "cafe")) == ["cafe"]
    assert ids(search(store, "CAFÉ")) == ["cafe"]
    assert ids(search(store, "Rósatóm")) == ["other"]


def test_short_words_and_numbers_must_be_exact(small: Store) -> None:
    assert "lao-pdr-proclaimed" not in ids(search(small, "law"))
    assert ids(search(small, "1975")) == ["lao-pdr-proclaimed"]
    assert search(small, "1976") == []


def test_matched_words_are_reported_for_highlighting(small: Store) -> None:
    hit = search(small, "Rosatm plant")[0]
    assert {"rosatom", "plant"} <= hit.matched


def test_the_limit_is_respected_and_must_be_positive(small: Store) -> None:
    assert len(search(small, "Laos", limit=2)) == 2
    with pytest.raises(ValueError, match="at least 1"):
        search(small, "Laos", limit=0)


def test_filters_by_category_tag_and_years(small: Store) -> None:
    assert ids(search(small, "Laos", category="culture")) == ["elephants"]
    assert ids(search(small, "Laos", tag="NUCLEAR")) == ["nuclear-plant"]
    assert ids(search(small, "proclaimed", tag="Lao-PDR")) == ["lao-pdr-proclaimed"]
    assert ids(search(small, "Laos Russia", year_from=2000)) == ["elephants"]
    assert ids(search(small, "Laos", year_to=1970)) == ["relations-established"]
    # An undated fact never passes a year filter.
    assert search(small, "Rosatom", year_from=1900) == []


def test_a_range_passes_a_year_filter_it_overlaps() -> None:
    store = make_store(
        fact(
            "festivals",
            "Film festivals were held.",
            date=PartialDate(2023),
            end_date=PartialDate(2024),
        )
    )
    assert ids(search(store, "film festivals", year_from=2024, year_to=2024)) == ["festivals"]
    assert search(store, "film festivals", year_from=2025) == []


def test_a_huge_query_is_cut_to_the_first_words_and_answered(small: Store) -> None:
    text = " ".join(f"word{n}" for n in range(2000))[:10_000]
    parsed = Query.parse(text)
    assert parsed.truncated
    assert len(parsed.terms) == MAX_QUERY_WORDS
    assert search(small, text) == []
    assert search(small, "x" * 10_000) == []


def test_a_query_of_common_words_only_is_answered_with_a_hint(small: Store) -> None:
    assert Query.parse("the of and").terms == ()
    with pytest.raises(NoWordsToSearch, match="try a name, a place or a date"):
        search(small, "the of and")


def test_a_phrase_ignores_leading_and_trailing_common_words() -> None:
    assert Query.parse("the nuclear plant of").phrase == ("nuclear", "plant")


def test_fold_lowercases_and_strips_accents() -> None:
    assert fold("Vientiâne ÉLÉPHANTS") == "vientiane elephants"
    assert fold("STRASSE Straße") == "strasse strasse"
    assert words("Laos's Rosatom, 1975!") == ["laos", "s", "rosatom", "1975"]


def test_suggestions_are_the_closest_words_the_store_contains(small: Store) -> None:
    assert search(small, "nucleus") == []
    assert "nuclear" in suggest(small, "nucleus")
    assert suggest(small, "zzzzqqq") == []


def test_nearest_ids_for_an_unknown_id(small: Store) -> None:
    assert nearest_ids(small, "nuclear")[0] == "nuclear-plant"
    assert nearest_ids(small, "lao-pdr-proclamed")[0] == "lao-pdr-proclaimed"
    assert nearest_ids(small, "qqqqqq") == []


def test_an_index_can_be_reused_for_many_queries(small: Store) -> None:
    index = SearchIndex.build(small)
    assert ids(search(index, "Rosatom")) == ids(search(small, "Rosatom"))
    assert "rosatom" in index.vocabulary


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=80))
def test_any_text_gives_ordered_scores_between_the_cutoff_and_100(text: str) -> None:
    store = make_store(
        fact("a", "Rosatom could build a small nuclear power plant."),
        fact("b", "Laos gave Russia two elephants in 2025."),
    )
    try:
        hits = search(store, text, limit=5)
    except NoWordsToSearch:
        assert not Query.parse(text).terms
        return
    scores = [hit.score for hit in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(MIN_SCORE <= score <= 100 for score in scores)
    assert len({hit.fact.id for hit in hits}) == len(hits)


@given(st.text(max_size=60).filter(lambda t: "|" not in t))
def test_the_index_splits_text_into_the_same_words_as_a_query(text: str) -> None:
    from laorus.search.index import index_tokens

    assert index_tokens(fold(text)) == words(text)
