"""Building quiz items: seeded order, filters, choice distractors and cloze blanks."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from laorus.answers.grade import grade
from laorus.errors import LaorusError
from laorus.paths import default_path
from laorus.quiz.items import MODES, QuizItem, Selection, build, enumerate_items, rivals_for
from laorus.store.model import Store
from laorus.store.read import load
from tests.conftest import SMALL_STORE


@pytest.fixture(scope="module")
def shipped() -> Store:
    """The shipped store, loaded once."""
    return load(default_path())


@pytest.fixture
def small(small_store: Path) -> Store:
    """The four-fact test store."""
    return load(small_store)


def _keys(items: list[QuizItem]) -> list[str]:
    return [item.key for item in items]


@pytest.mark.parametrize("mode", MODES)
def test_same_seed_gives_same_items_in_same_order(shipped: Store, mode: str) -> None:
    first = build(shipped, mode, 10, random.Random(42))
    again = build(shipped, mode, 10, random.Random(42))
    assert first == again
    assert len(first) == 10


def test_different_seeds_give_different_orders(shipped: Store) -> None:
    orders = {tuple(_keys(build(shipped, "free", 10, random.Random(seed)))) for seed in range(5)}
    assert len(orders) > 1


def test_count_larger_than_the_store_asks_every_question_once(small: Store) -> None:
    items = build(small, "free", 50, random.Random(1))
    assert sorted(_keys(items)) == [
        "lao-pdr-proclaimed#1",
        "nuclear-plant#1",
        "relations-established#1",
    ]


def test_free_items_carry_the_store_question(small: Store) -> None:
    items = {item.key: item for item in build(small, "free", 10, random.Random(1))}
    item = items["relations-established#1"]
    assert item.prompt == "When were diplomatic relations established?"
    assert item.answer == "7 October 1960"
    assert item.accept == ("1960-10-07",)
    assert item.kind == "date"
    assert item.mode == "free"
    assert item.choices == ()


def test_highlight_marks_the_answer_in_the_article_sentence(small: Store) -> None:
    items = {item.key: item for item in build(small, "free", 10, random.Random(1))}
    item = items["lao-pdr-proclaimed#1"]
    assert item.context == "The Lao PDR was proclaimed on December 2, 1975."
    assert item.highlight is not None
    assert item.context[slice(*item.highlight)] == "1975"


@pytest.mark.parametrize(
    ("selection", "field", "value"),
    [
        (Selection(category="economy"), "category", "economy"),
        (Selection(category="history"), "category", "history"),
        (Selection(tag="Nuclear"), "fact_id", "nuclear-plant"),
    ],
)
def test_filters_keep_only_matching_facts(
    small: Store, selection: Selection, field: str, value: str
) -> None:
    items = build(small, "free", 10, random.Random(1), selection)
    assert items
    assert all(getattr(item, field) == value for item in items)


def test_filter_leaving_nothing_is_a_domain_error(small: Store) -> None:
    with pytest.raises(
        LaorusError,
        match="no questions in category religion; loosen the filters or try another mode",
    ):
        build(small, "free", 10, random.Random(1), Selection(category="religion"))


def test_unknown_mode_is_refused(small: Store) -> None:
    with pytest.raises(LaorusError, match="unknown mode 'essay'"):
        build(small, "essay", 10, random.Random(1))


def test_due_keys_are_asked_first(shipped: Store) -> None:
    due = ["elephants-gift#1", "geneva-conference-1954#1"]
    items = build(shipped, "free", 5, random.Random(3), first=due)
    assert _keys(items)[:2] == due


def test_a_due_cloze_review_is_asked_in_free_mode_too(shipped: Store) -> None:
    blank = build(shipped, "cloze", 1, random.Random(36))[0]
    items = build(shipped, "free", 5, random.Random(3), first=[blank.key])
    assert _keys(items)[0] == blank.key
    assert items[0].mode == "cloze"
    assert all(item.mode == "free" for item in items[1:])


def test_due_keys_no_longer_in_the_store_are_ignored(small: Store) -> None:
    items = build(small, "free", 5, random.Random(3), first=["gone#1", "nuclear-plant#1"])
    assert _keys(items)[0] == "nuclear-plant#1"


def test_choice_items_offer_four_distinct_options_with_the_answer(shipped: Store) -> None:
    items = build(shipped, "choice", 200, random.Random(7))
    offered = [item for item in items if item.mode == "choice"]
    assert len(offered) == len(items) >= 20
    for item in offered:
        assert item.answer in item.choices, item.key
        assert len(item.choices) == 4, item.key
        assert len({c.casefold() for c in item.choices}) == 4, item.key


def test_choice_distractors_are_of_the_answers_kind(shipped: Store) -> None:
    answers = {(q.kind, q.answer) for fact in shipped.facts for q in fact.questions}
    people = {name for fact in shipped.facts for name in fact.people}
    people |= {answer for kind, answer in answers if kind == "person"}
    places = {name for fact in shipped.facts for name in fact.places}
    places |= {answer for kind, answer in answers if kind == "place"}
    seen = set()
    for seed in range(6):
        for item in build(shipped, "choice", 60, random.Random(seed)):
            if item.mode != "choice":
                continue
            if re.fullmatch(r"\d{4}", item.answer):
                seen.add("year")
                assert all(re.fullmatch(r"\d{4}", c) for c in item.choices), item.choices
            elif item.kind == "person":
                seen.add("person")
                assert set(item.choices) <= people | {item.answer}, item.choices
            elif item.kind == "place":
                seen.add("place")
                assert set(item.choices) <= places | {item.answer}, item.choices
    assert seen == {"year", "person", "place"}


def test_choice_distractors_are_never_graded_right(shipped: Store) -> None:
    for item in build(shipped, "choice", 200, random.Random(11)):
        for option in item.choices:
            if option != item.answer:
                verdict = grade(option, item.answer, aliases=item.accept, kind=item.kind)
                assert not verdict.correct, (item.key, option)


def test_every_cloze_answer_is_text_of_the_article(shipped: Store) -> None:
    text = shipped.source.text
    for seed in range(5):
        for item in build(shipped, "cloze", 100, random.Random(seed)):
            assert item.mode == "cloze"
            assert re.fullmatch(r"[a-z0-9-]+#cloze-[0-9a-f]{8}", item.key)
            assert item.answer in text
            sentence = item.prompt.split(": ", 1)[1]
            assert sentence.replace("_____", item.answer, 1) in text
            assert item.highlight is not None
            assert item.context[slice(*item.highlight)] == item.answer
            assert item.context in text


def test_cloze_never_blanks_the_names_in_the_title(shipped: Store) -> None:
    answers = {item.answer for item in build(shipped, "cloze", 100, random.Random(0))}
    assert not answers & {"Russia", "Laos"}


def test_cloze_keys_are_stable_across_seeds(small: Store) -> None:
    one = {item.key: item.answer for item in build(small, "cloze", 10, random.Random(1))}
    two = {item.key: item.answer for item in build(small, "cloze", 10, random.Random(1))}
    assert one == two
    assert "nuclear-plant#cloze-" in " ".join(one)


def test_mixed_mode_asks_in_every_way(shipped: Store) -> None:
    modes = {item.mode for item in build(shipped, "mixed", 30, random.Random(5))}
    assert modes == {"free", "choice", "cloze"}


def test_rivals_are_other_names_never_the_answer(shipped: Store) -> None:
    rivals = rivals_for(shipped, ["Thongloun Sisoulith"])
    assert "Thongloun Sisoulith" not in rivals
    assert "Vladimir Putin" in rivals
    assert all("Rosatom" not in name for name in rivals_for(shipped, ["Rosatom"]))


def _sentence(item: QuizItem) -> str:
    return item.context


@pytest.mark.parametrize("seed", range(6))
def test_a_cloze_quiz_never_asks_the_same_sentence_twice(shipped: Store, seed: int) -> None:
    items = build(shipped, "cloze", 200, random.Random(seed))
    prompts = [(item.prompt, item.answer) for item in items]
    assert len(prompts) == len(set(prompts))
    # Two blanks of one sentence give each other away: one item per sentence.
    sentences = [_sentence(item) for item in items]
    assert len(sentences) == len(set(sentences))
    assert len(items) >= 15


def test_a_due_cloze_key_of_a_sentence_is_not_asked_again_with_another_blank(
    shipped: Store,
) -> None:
    from laorus.quiz.cloze import blanks

    options = blanks(shipped)["rusal"]
    due = [options[0].key]
    items = build(shipped, "cloze", 200, random.Random(1), first=due)
    assert items[0].key == due[0]
    sentences = [item.context for item in items]
    assert len(sentences) == len(set(sentences))


def test_the_same_question_text_is_asked_once(
    write_store: Callable[[str | bytes], Path],
) -> None:
    text = SMALL_STORE + (
        '\n[[facts.questions]]\nquestion = "In what year was the Lao PDR proclaimed?"\n'
        'answer = "1975"\n'
    )
    store = load(write_store(text))
    prompts = [item.prompt for item in build(store, "free", 50, random.Random(1))]
    assert prompts.count("In what year was the Lao PDR proclaimed?") == 1


def test_an_ordinal_answer_without_a_kind_gets_choices(
    write_store: Callable[[str | bytes], Path],
) -> None:
    prompt = "Which anniversary of their relations did Russia and Laos mark in 2025?"
    text = SMALL_STORE + f'\n[[facts.questions]]\nquestion = "{prompt}"\nanswer = "65th"\n'
    store = load(write_store(text))
    (item,) = [i for i in build(store, "choice", 50, random.Random(1)) if i.prompt == prompt]
    assert item.mode == "choice"
    assert len(item.choices) == 4
    assert "65th" in item.choices
    assert all(re.fullmatch(r"\d+(st|nd|rd|th)", choice) for choice in item.choices)


def test_every_question_is_asked_with_choices_in_choice_mode(shipped: Store) -> None:
    for seed in range(3):
        for item in build(shipped, "choice", 200, random.Random(seed)):
            assert item.mode == "choice", item.prompt
            assert len(item.choices) == 4


def _by_prompt(shipped: Store, seed: int) -> dict[str, QuizItem]:
    return {item.prompt: item for item in build(shipped, "choice", 200, random.Random(seed))}


def test_which_city_questions_offer_only_cities(shipped: Store) -> None:
    cities = {name.name for name in shipped.names if name.kind == "city"}
    asked = [
        item
        for item in enumerate_items(shipped, "choice")
        if re.search(r"\bwhich city\b", item.prompt, re.IGNORECASE)
    ]
    assert len(asked) >= 8
    for item in asked:
        assert item.mode == "choice", item.prompt
        assert set(item.choices) <= cities, (item.prompt, item.choices)


@pytest.mark.parametrize("seed", range(4))
def test_no_option_is_a_name_the_question_itself_gives(shipped: Store, seed: int) -> None:
    for item in _by_prompt(shipped, seed).values():
        for option in item.choices:
            if option != item.answer:
                assert not re.search(rf"\b{re.escape(option)}\b", item.prompt), (
                    item.prompt,
                    option,
                )


def test_a_month_is_offered_among_months(shipped: Store) -> None:
    from laorus.text.dates import MONTH_NAMES

    [item] = [
        i for i in enumerate_items(shipped, "choice") if i.prompt.startswith("In which month")
    ]
    assert item.mode == "choice"
    assert set(item.choices) <= set(MONTH_NAMES)
