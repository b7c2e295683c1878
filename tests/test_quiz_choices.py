"""Choice options: the kind of an answer, and wrong options of that kind."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from laorus.paths import default_path
from laorus.quiz.choices import distractors, infer_kind, question_sort
from laorus.store.model import Question, Store
from laorus.store.read import load


@pytest.fixture
def small(small_store: Path) -> Store:
    """The four-fact test store."""
    return load(small_store)


@pytest.mark.parametrize(
    ("answer", "kind"),
    [
        ("1975", "year"),
        ("7 October 1960", "date"),
        ("October 7, 1960", "date"),
        ("1960-10-07", "date"),
        ("October 1960", "month"),
        ("100", "number"),
        ("two", "number"),
        ("third", "number"),
        ("Rosatom", "organisation"),
        ("Russia", "place"),
        ("small nuclear power plant", "text"),
    ],
)
def test_kind_is_inferred_from_the_answer(small: Store, answer: str, kind: str) -> None:
    assert infer_kind(answer, small) == kind


@pytest.mark.parametrize(
    ("answer", "kind", "pattern"),
    [
        ("7 October 1960", "date", r"\d{1,2} [A-Z][a-z]+ \d{4}"),
        ("October 7, 1960", "date", r"[A-Z][a-z]+ \d{1,2}, \d{4}"),
        ("1975", "year", r"\d{4}"),
        ("65th", "number", r"\d+(st|nd|rd|th)"),
        ("two", "number", r"[a-z]+"),
    ],
)
def test_options_are_written_like_the_answer(
    small: Store, answer: str, kind: str, pattern: str
) -> None:
    import re

    options = distractors(small, Question("Q?", answer, (), kind), kind, random.Random(1))
    assert len(options) == 3
    assert answer not in options
    assert all(re.fullmatch(pattern, option) for option in options), options


def test_options_come_from_the_store_before_made_up_ones(small: Store) -> None:
    question = Question("Q?", "1975", (), "year")
    for seed in range(10):
        options = distractors(small, question, "year", random.Random(seed))
        # 2025 is in the store too, but of another period than 1975.
        assert "1960" in options
        assert all(abs(int(option) - 1975) <= 25 for option in options), options


def test_no_options_of_the_kind_gives_none(small: Store) -> None:
    question = Question("Which company?", "Rosatom", (), "organisation")
    assert distractors(small, question, "organisation", random.Random(1)) == ()


def test_people_are_offered_other_people() -> None:
    store = load(default_path())
    people = {name for fact in store.facts for name in fact.people}
    question = Question("Who?", "Thongloun Sisoulith", (), "person")
    options = distractors(store, question, "person", random.Random(2))
    assert len(options) == 3
    assert set(options) <= people - {"Thongloun Sisoulith"}


@pytest.fixture(scope="module")
def shipped() -> Store:
    """The shipped store, loaded once."""
    return load(default_path())


@pytest.mark.parametrize(
    ("question", "sort"),
    [
        ("In which city was the 2025 SCO summit held?", "city"),
        ("Through which country's ports does shipping run?", "country"),
        ("What is the capital of Laos, as named in the article?", "city"),
        ("In which province is the city of Paek?", "province"),
        ("Which Russian state corporation could build it?", "company"),
        ("Which transport group organises container shipping?", "company"),
        ("Besides BRICS, which leading association of the Global Majority?", "organisation"),
        ("The aggressive expansion of which alliance poses threats?", "alliance"),
        ("Whose massive material support was an important factor?", None),
        ("Where did the heads of state meet on 9 May 2024?", None),
    ],
)
def test_the_sort_of_a_question_is_the_noun_it_asks_for(question: str, sort: str | None) -> None:
    assert question_sort(question) == sort


def _options(store: Store, question: str, answer: str, kind: str, seed: int = 1) -> set[str]:
    return set(distractors(store, Question(question, answer, (), kind), kind, random.Random(seed)))


@pytest.mark.parametrize("seed", range(5))
def test_a_city_is_offered_among_other_answers_to_which_city(shipped: Store, seed: int) -> None:
    cities = {
        q.answer
        for fact in shipped.facts
        for q in fact.questions
        if "which city" in q.question.casefold()
    }
    options = _options(shipped, "In which city was the summit held?", "Tianjin", "place", seed)
    assert len(options) == 3
    assert options <= cities - {"Tianjin"}


def test_a_where_question_takes_the_sort_of_its_answer(shipped: Store) -> None:
    cities = {
        q.answer
        for fact in shipped.facts
        for q in fact.questions
        if "which city" in q.question.casefold()
    }
    options = _options(shipped, "Where did they meet?", "Moscow", "place")
    assert options <= cities


@pytest.mark.parametrize("seed", range(5))
def test_a_country_question_offers_countries_first_never_cities(shipped: Store, seed: int) -> None:
    options = _options(shipped, "Into which country?", "Ukraine", "place", seed)
    assert len(options) == 3
    assert options <= {"Russia", "Laos", "Soviet Union", "China", "Vietnam"}
    cities = {"Moscow", "Vientiane", "Kazan", "Tianjin", "Vladivostok", "Paek", "Tobolsk"}
    assert not options & cities


def test_names_in_the_question_are_never_offered(shipped: Store) -> None:
    for seed in range(10):
        options = _options(
            shipped, "Which city is twinned with Tobolsk?", "Luang Prabang", "place", seed
        )
        assert "Tobolsk" not in options


@pytest.mark.parametrize(
    ("question", "answer", "kind"),
    [
        (
            "Which hospital still benefits citizens?",
            "Mittaphab Russian-Lao Friendship Hospital",
            "organisation",
        ),
        ("Across which square did they march?", "Red Square", "place"),
        # Two companies left once the question's own are put aside; "UN" is no company.
        ("Which company, named before RusHydro and GAZ Group?", "Rusal", "organisation"),
        ("Which animal is revered?", "elephant", "text"),
        ("In which two years?", "2023 and 2024", "text"),
    ],
)
def test_no_plausible_options_gives_none(
    shipped: Store, question: str, answer: str, kind: str
) -> None:
    assert _options(shipped, question, answer, kind) == set()


def test_companies_are_offered_for_a_company(shipped: Store) -> None:
    options = _options(shipped, "Which Russian company is interested?", "Rusal", "organisation")
    # Rosatom is offered once, as the store's questions call it, not also by its full name.
    assert options <= {"RusHydro", "GAZ Group", "Fesco", "Rosatom State Corporation"}
    assert len(options) == 3


def test_a_month_is_offered_among_months(shipped: Store) -> None:
    from laorus.text.dates import MONTH_NAMES

    options = _options(shipped, "In which month of 2025?", "June", "month")
    assert len(options) == 3
    assert options <= set(MONTH_NAMES) - {"June"}


def test_the_day_of_a_date_is_not_offered_as_a_number(shipped: Store) -> None:
    for seed in range(10):
        options = _options(shipped, "How many years of cooperation?", "65", "number", seed)
        # 9, 13, 24, 31 are days of dates in the article ("May 9"), not numbers it states.
        assert not options & {"9", "13", "24", "31", "7", "22"}, options


@pytest.mark.parametrize("seed", range(5))
def test_without_a_publication_date_no_option_is_after_the_latest_dated_fact(
    small: Store, seed: int
) -> None:
    import dataclasses

    undated = dataclasses.replace(small, source=dataclasses.replace(small.source, published=None))
    question = Question("Q?", "2023", (), "year")
    options = distractors(undated, question, "year", random.Random(seed))
    assert options
    assert all(int(option) <= 2025 for option in options), options  # the elephants' year
    assert options == distractors(small, question, "year", random.Random(seed))
