"""Quiz material a quiz editor would sign: choices for every question, no answer given away,
cloze blanks as fair as free questions (issue 11)."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from laorus.answers.grade import grade
from laorus.answers.grade import infer_kind as grading_kind
from laorus.answers.names import accepted_forms
from laorus.paths import default_path
from laorus.quiz.choices import choice_problems
from laorus.quiz.cloze import BLANK, blanks, distinct
from laorus.quiz.items import MODES, QuizItem, build, cloze_item, enumerate_items
from laorus.store.model import Question, Store
from laorus.store.read import load

SEEDS = range(100)


@pytest.fixture(scope="module")
def shipped() -> Store:
    """The shipped store, loaded once."""
    return load(default_path())


@pytest.fixture(scope="module")
def choice_items(shipped: Store) -> list[QuizItem]:
    """Every question of the shipped store, asked with choices."""
    return enumerate_items(shipped, "choice")


def _is_kind(store: Store, option: str, item: QuizItem) -> bool:
    """Whether ``option`` is of the answer's kind: written for the question (validated), or the
    vocabulary's kind for a name, the grader's for a date, year, month or number."""
    question = next(q for f in store.facts for q in f.questions if q.question == item.prompt)
    if option in question.choices:
        return True
    name = store.name_of(item.answer)
    if name is not None:
        other = store.name_of(option)
        return other is not None and other.kind == name.kind
    kind = grading_kind(item.answer)
    return kind != "text" and grading_kind(option) == kind


def test_every_question_of_the_store_has_three_wrong_choices_of_its_kind(
    shipped: Store, choice_items: list[QuizItem]
) -> None:
    asked = sum(q.asked_in("choice") for fact in shipped.facts for q in fact.questions)
    assert len(choice_items) == asked > shipped.questions * 9 // 10
    for item in choice_items:
        assert item.mode == "choice", item.prompt
        wrong = [c for c in item.choices if c != item.answer]
        assert len(wrong) >= 3, item.prompt
        for option in wrong:
            verdict = grade(option, item.answer, aliases=item.accept, store=shipped, kind=item.kind)
            assert not verdict.correct, (item.prompt, option)
            assert _is_kind(shipped, option, item), (item.prompt, option)


def test_a_date_question_offers_dates_written_alike(choice_items: list[QuizItem]) -> None:
    shape = re.compile(r"\d{1,2} [A-Z][a-z]+ \d{4}")
    for item in choice_items:
        if shape.fullmatch(item.answer):
            assert all(shape.fullmatch(option) for option in item.choices), item.choices


@pytest.mark.parametrize(
    ("prompt_start", "not_offered"),
    [
        # The minister was in Moscow on 9 May 2025 too: May is no wrong month.
        ("In which month of 2025", {"May"}),
        # "...in 2025?" takes dates of 2025 only.
        ("On what date in 2025", {"9 May 2024", "24 October 2024", "9 March 1994"}),
    ],
)
def test_options_are_neither_true_by_the_article_nor_ruled_out_by_the_question(
    choice_items: list[QuizItem], prompt_start: str, not_offered: set[str]
) -> None:
    [item] = [i for i in choice_items if i.prompt.startswith(prompt_start)]
    assert not set(item.choices) & not_offered
    if prompt_start.startswith("On what date"):
        assert all(option.endswith("2025") for option in item.choices)


def test_the_shipped_store_has_no_choice_the_grader_takes(shipped: Store) -> None:
    assert choice_problems(shipped) == ()


def test_a_written_choice_the_grader_takes_is_a_problem(shipped: Store) -> None:
    from dataclasses import replace

    fact = next(f for f in shipped.facts if any(q.choices for q in f.questions))
    question = next(q for q in fact.questions if q.choices)
    bad = replace(question, choices=(*question.choices, question.answer.upper()))
    questions = tuple(bad if q is question else q for q in fact.questions)
    store = replace(shipped, facts=(replace(fact, questions=questions),))
    [problem] = choice_problems(store)
    assert problem.field is not None
    assert problem.field.endswith(".choices")
    assert "graded right" in problem.message


def _forms(store: Store, item: QuizItem) -> set[str]:
    return {form.casefold() for form in accepted_forms(item.answer, item.accept, store)}


def _shows(text: str, forms: set[str]) -> str | None:
    words = text.casefold()
    return next((f for f in forms if re.search(rf"\b{re.escape(f)}\b", words)), None)


@pytest.mark.parametrize("mode", MODES)
def test_no_quiz_gives_one_answer_away_before_or_after_nor_asks_it_twice(
    shipped: Store, mode: str
) -> None:
    forms: dict[tuple[str, tuple[str, ...]], set[str]] = {}
    for seed in SEEDS:
        items = build(shipped, mode, 10, random.Random(seed))
        assert len(items) == 10, seed
        facts = [item.fact_id for item in items]
        assert len(facts) == len(set(facts)), (seed, facts)
        answers = [item.answer.casefold() for item in items]
        assert len(answers) == len(set(answers)), (seed, answers)
        # The evidence shown after an answer (the article's sentences, a derivation) counts.
        shown = [
            "\n".join((item.prompt, *item.choices, item.context, item.derived or ""))
            for item in items
        ]
        for item in items:
            key = (item.answer, item.accept)
            if key not in forms:
                forms[key] = _forms(shipped, item)
            for other, text in zip(items, shown, strict=True):
                if other is not item:
                    found = _shows(text, forms[key])
                    assert found is None, (seed, item.prompt, found, other.prompt)


@pytest.mark.parametrize("mode", ["free", "choice"])
def test_a_quiz_asks_fewer_than_count_when_the_rest_would_give_answers_away(
    shipped: Store, mode: str
) -> None:
    items = build(shipped, mode, 1000, random.Random(1))
    assert 0 < len(items) < shipped.questions


def _every_blank(store: Store) -> list[QuizItem]:
    found = blanks(store)
    fact_of = {fact.id: fact for fact in store.facts}
    return [
        cloze_item(store, fact_of[blank.fact_id], blank)
        for group in distinct(found).values()
        for blank in group
    ]


def _questions_about(store: Store, sentence: str) -> list[Question]:
    """The questions of the facts whose quotes take in part of this article sentence."""
    start = store.source.text.index(sentence)
    end = start + len(sentence)
    return [
        question
        for fact in store.facts
        if fact.quote_start < end and start < fact.quote_start + len(fact.quote)
        for question in fact.questions
    ]


def test_every_blank_takes_each_form_a_free_question_on_its_sentence_takes(
    shipped: Store,
) -> None:
    checked = 0
    for item in _every_blank(shipped):
        same = [
            question
            for question in _questions_about(shipped, item.context)
            if item.answer.casefold() in {form.casefold() for form in question.forms}
        ]
        accept = [form for question in same for form in question.forms]
        for form in accepted_forms(item.answer, accept, shipped):
            verdict = grade(form, item.answer, aliases=item.accept, store=shipped, kind=item.kind)
            assert verdict.correct, (item.prompt, form, verdict.reason)
            checked += 1
    assert checked > 100


@pytest.mark.parametrize(
    ("sentence", "answer", "typed"),
    [
        # The forms of a question with the same answer about another sentence say other things.
        ("attended the celebrations in Moscow on", "May 9", "9 May 2024"),
        ("a gift of two elephants", "two", "2 meetings"),
    ],
)
def test_a_blank_refuses_the_forms_of_a_question_about_another_sentence(
    shipped: Store, sentence: str, answer: str, typed: str
) -> None:
    (item,) = [
        item for item in _every_blank(shipped) if sentence in item.context and item.answer == answer
    ]
    verdict = grade(typed, item.answer, aliases=item.accept, store=shipped, kind=item.kind)
    assert not verdict.correct, (item.prompt, typed, verdict.reason)


def test_no_blank_is_told_by_its_own_sentence(shipped: Store) -> None:
    for item in _every_blank(shipped):
        sentence = item.prompt.split(": ", 1)[1]
        before = sentence.split(BLANK)[0]
        for form in _forms(shipped, item):
            assert _shows(sentence.replace(BLANK, " "), {form}) is None, (sentence, form)
        name = shipped.name_of(item.answer)
        for title in name.titles if name else ():
            assert not before.rstrip(" ,").endswith(title), sentence


@pytest.mark.parametrize(
    ("answer", "given"),
    [("Vladimir Putin", "Putin"), ("Rosatom State Corporation", "Rosatom")],
)
def test_a_blank_takes_a_short_form_of_its_name(shipped: Store, answer: str, given: str) -> None:
    items = [item for item in _every_blank(shipped) if item.answer == answer]
    assert items
    for item in items:
        verdict = grade(given, item.answer, aliases=item.accept, store=shipped, kind=item.kind)
        assert verdict.correct, verdict.reason


@pytest.mark.parametrize(
    ("answer", "hint"),
    [("Vientiane", "a city"), ("1954", "a year"), ("Rosatom State Corporation", "a company")],
)
def test_the_hint_names_the_kind_of_the_blank(shipped: Store, answer: str, hint: str) -> None:
    items = [item for item in _every_blank(shipped) if item.answer == answer]
    assert items
    assert all(item.prompt.startswith(f"Fill in the blank ({hint}):") for item in items)


def test_docs_say_how_many_questions_the_store_holds(shipped: Store) -> None:
    docs = (Path(__file__).parent.parent / "docs" / "quiz.md").read_text(encoding="utf-8")
    assert f"{shipped.questions} questions" in docs
