"""Search rules of issue 16, each with its counter-case: question words, word forms, number words,
parts of names, synonyms, and no false friends."""

from __future__ import annotations

import pytest

from laorus.search.index import IndexBuilder, SearchIndex
from laorus.search.query import Query
from laorus.search.rank import NoWordsToSearch, candidates, search, suggest
from laorus.store.model import Fact
from tests.test_search_rank import fact, ids, make_store


def index_of(*facts: Fact) -> SearchIndex:
    return SearchIndex.build(make_store(*facts))


KAZAN = index_of(
    fact("kazan", "The heads of state met in Kazan in October 2024."),
    fact("moscow", "The heads of state met in Moscow in May 2024."),
    fact("happened", "What happened next was a visit of the ministers."),
)


# 1. Question words and filler
def test_question_words_do_not_count_against_a_query() -> None:
    alone = search(KAZAN, "Kazan")
    asked = search(KAZAN, "what happened in Kazan?")
    assert ids(asked)[:1] == ids(alone)[:1] == ["kazan"]
    assert asked[0].score == alone[0].score


def test_question_words_alone_match_nothing_but_get_a_hint() -> None:
    # The fact that says "what happened" is not found by those words.
    with pytest.raises(NoWordsToSearch, match="try a name, a place or a date") as raised:
        search(KAZAN, "what happened")
    assert "--" not in str(raised.value)  # the core names no option of the command line


def test_a_word_that_names_nothing_in_the_store_still_counts_against_a_query() -> None:
    assert search(KAZAN, "Kazan bitcoin ethereum") == []


# 2. Word forms
FORMS = index_of(
    fact("exact", "Tobolsk and Luang Prabang are twinned towns."),
    fact("stem", "A twinning agreement joins St. Petersburg and Vientiane."),
)


def test_another_form_of_a_word_matches() -> None:
    assert set(ids(search(FORMS, "twinned"))) == {"exact", "stem"}
    assert ids(search(FORMS, "twins")) != []


def test_the_exact_word_ranks_above_another_form_of_it() -> None:
    hits = search(FORMS, "twinned")
    assert ids(hits) == ["exact", "stem"]
    assert hits[0].score > hits[1].score
    hits = search(FORMS, "twinning")
    assert ids(hits) == ["stem", "exact"]
    assert hits[0].score > hits[1].score


def test_a_stem_match_survives_the_cache_reading_the_stems_back() -> None:
    assert FORMS.stem_of("twinned") == FORMS.stem_of("twinning") == "twin"
    assert set(FORMS.forms("twin")) == {"twinned", "twinning"}
    assert FORMS.stem_of("towns") == "town"
    assert FORMS.stem_of("bitcoin") is None


# 3. Numbers in words and digits
NUMBERS = index_of(
    fact("sixty-five", "Russia and Laos marked 65 years of diplomatic relations."),
    fact("sixty-fifth", "They marked the sixty-fifth anniversary in 2025."),
    fact("sixty-six", "The monument stands 66 metres from the river."),
    fact("eightieth", "The 80th anniversary of Victory was marked in 2025."),
)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("sixty-five years", "sixty-five"),
        ("sixty five years", "sixty-five"),
        ("65th anniversary", "sixty-fifth"),
        ("sixty fifth anniversary", "sixty-fifth"),
        ("eightieth anniversary", "eightieth"),
        ("sixty-six metres", "sixty-six"),
    ],
)
def test_numbers_in_words_and_digits_meet(query: str, expected: str) -> None:
    assert ids(search(NUMBERS, query))[0] == expected


@pytest.mark.parametrize(
    ("query", "not_expected"),
    [
        ("sixty-six years", "sixty-five"),
        ("sixty-four", "sixty-five"),
        ("sixty-sixth", "sixty-fifth"),
        ("seventieth anniversary", "eightieth"),
    ],
)
def test_a_number_word_does_not_match_a_neighbouring_number(query: str, not_expected: str) -> None:
    assert not_expected not in ids(search(NUMBERS, query))


def test_an_ordinal_ranks_below_the_same_ordinal_but_finds_the_bare_number() -> None:
    hits = search(NUMBERS, "65th")
    assert ids(hits) == ["sixty-fifth", "sixty-five"]
    assert hits[0].score > hits[1].score


# 4. Parts of compound names
NAMES = index_of(
    fact("rushydro", "The Russian company RusHydro is interested in working with Laos."),
    fact("rosatom", "Rosatom could build a small nuclear power plant."),
)


def test_a_part_of_a_compound_name_finds_it() -> None:
    assert ids(search(NAMES, "hydro"))[:1] == ["rushydro"]
    assert ids(search(NAMES, "hydro company"))[:1] == ["rushydro"]


@pytest.mark.parametrize("query", ["atom", "Ros", "Rus"])
def test_only_the_names_own_capitals_mark_a_part_of_four_letters_or_more(query: str) -> None:
    assert search(NAMES, query) == []


# 5. Synonyms: tags, and the hook for the names vocabulary
def test_a_tag_is_another_word_for_a_fact() -> None:
    store = make_store(fact("movies", "Russian film festivals were held.", tags=("cinema",)))
    assert ids(search(store, "cinema")) == ["movies"]


def test_other_words_for_a_name_are_words_of_every_fact_that_names_it() -> None:
    facts = (
        fact("plant", "Rosatom could build a plant.", organisations=("Rosatom",)),
        fact("other", "Rusal works with Laos.", organisations=("Rusal",)),
    )
    builder = IndexBuilder()
    for each in facts:
        builder.add(each)
    index = builder.finish(facts, {"rosatom": ["State Atomic Energy Corporation"]})
    hits = search(index, "atomic energy corporation")
    assert ids(hits) == ["plant"]
    # Words inside a long form weigh as the quote's do (0.8 of 90), the phrase as written (10).
    assert hits[0].score == 82
    assert search(SearchIndex.build(make_store(*facts)), "atomic energy corporation") == []


def test_a_word_inside_a_long_name_ranks_below_a_fact_about_it() -> None:
    facts = (
        fact("alliance", "NATO is expanding.", organisations=("NATO",), tags=("nato",)),
        fact("treaty", "The treaty was signed in 1994."),
    )
    builder = IndexBuilder()
    for each in facts:
        builder.add(each)
    index = builder.finish(facts, {"nato": ["North Atlantic Treaty Organization", "NATO bloc"]})
    hits = search(index, "treaty")
    assert [(hit.fact.id, hit.score) for hit in hits] == [("treaty", 100), ("alliance", 80)]
    assert ids(search(index, "nato"))[:1] == ["alliance"]  # its own name keeps its weight


# 6. No false friends
FRIENDS = index_of(
    fact("parish", "Russia will open the first parish of the Russian Orthodox Church in Laos."),
    fact("marks", "Laos marks the anniversary of its republic."),
    fact("names", "Thongloun Sisoulith met Sonexay Siphandone."),
    fact("elephants", "Laos gave Russia two elephants."),
)


@pytest.mark.parametrize("query", ["Paris", "PARIS", "what happened in Paris"])
def test_a_name_does_not_match_a_common_word_it_looks_like(query: str) -> None:
    assert search(FRIENDS, query) == []
    assert suggest(FRIENDS, query) == []  # nor is it offered ("Did you mean: parish?")


def test_a_capitalised_english_word_is_no_typo_of_another() -> None:
    assert search(FRIENDS, "Mars") == []


def test_a_name_is_no_typo_of_a_fact_id_either() -> None:
    store = make_store(fact("parish", "Russia will open the first parish in Laos."))
    assert search(store, "Paris") == []
    assert ids(search(store, "parsh")) == ["parish"]  # an id typed in lower case, mistyped


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Sisulith", "names"),  # a typo of a name is still a name
        ("parish", "parish"),
        ("Parish", "parish"),  # a common word with a capital is the word
        ("elefants", "elephants"),  # a typo of a common word, typed in lower case
        ("Elephant", "elephants"),  # another form of a common word
    ],
)
def test_typos_and_forms_still_match_when_they_are_no_false_friends(
    query: str, expected: str
) -> None:
    assert ids(search(FRIENDS, query))[:1] == [expected]


def test_a_name_with_a_capital_is_marked_as_such_in_the_query() -> None:
    query = Query.parse("what happened in Paris, france")
    assert query.terms == ("paris", "france")
    assert query.capitalised == frozenset({"paris"})


def test_a_capitalised_name_keeps_its_matches_with_other_names() -> None:
    assert "sisoulith" in candidates(FRIENDS, "sisulith", capitalised=True)
    assert "parish" not in candidates(FRIENDS, "paris", capitalised=True)
    assert "parish" in candidates(FRIENDS, "paris", capitalised=False)
