"""Scoring a run: choice letters and numbers, skips, the summary and its JSON."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from laorus.quiz.items import QuizItem
from laorus.quiz.scoring import (
    Answer,
    Summary,
    answer_key,
    check,
    not_an_option,
    resolve_choice,
)

CHOICE = QuizItem(
    key="lao-pdr-proclaimed#1",
    fact_id="lao-pdr-proclaimed",
    category="history",
    mode="choice",
    prompt="In what year was the Lao PDR proclaimed?",
    answer="1975",
    kind="year",
    choices=("1960", "1975", "2", "2025"),
)
FREE = QuizItem(
    key="nuclear-plant#1",
    fact_id="nuclear-plant",
    category="economy",
    mode="free",
    prompt="Which company could build a nuclear power plant?",
    answer="Rosatom",
    kind="organisation",
    rivals=("Rusal", "RusHydro"),
)


@pytest.mark.parametrize(
    ("given", "meant"),
    [
        ("b", "1975"),
        ("B", "1975"),
        ("b)", "1975"),
        ("(b)", "1975"),
        ("2", "2"),  # an option's own text wins over its number
        # The options are years: a number typed is an answer, never an option's position.
        ("1", "1"),
        ("4", "4"),
        ("1975", "1975"),
        ("e", "e"),
        ("5", "5"),
        ("²", "²"),
        ("nineteen seventy-five", "nineteen seventy-five"),
    ],
)
def test_choice_answer_picks_an_option_by_text_letter_or_number(given: str, meant: str) -> None:
    assert resolve_choice(CHOICE, given) == meant


def test_letters_mean_nothing_outside_choice_mode() -> None:
    assert resolve_choice(FREE, "a") == "a"


@pytest.mark.parametrize(("given", "correct"), [("b", True), ("a", False), ("1975", True)])
def test_check_grades_the_option_picked(given: str, correct: bool) -> None:
    answer = check(CHOICE, given)
    assert answer.correct is correct
    assert answer.given == given
    assert answer.reason


@pytest.mark.parametrize("given", ["", "   ", "\t"])
def test_empty_answer_is_a_skip(given: str) -> None:
    answer = check(FREE, given)
    assert answer.skipped
    assert not answer.correct
    assert answer.reason == "skipped"


def test_rival_name_is_refused() -> None:
    assert not check(FREE, "RusHydro").correct
    assert check(FREE, "rosatom").correct


@given(st.text())
def test_check_never_raises(text: str) -> None:
    check(CHOICE, text)
    check(FREE, text)


def test_summary_counts_and_json() -> None:
    answers = (check(CHOICE, "b"), check(FREE, ""), check(FREE, "Rusal"))
    summary = Summary(answers, planned=5, ended_early=True, seed=3)
    assert (summary.total, summary.correct, summary.skipped) == (3, 1, 1)
    assert summary.score == pytest.approx(1 / 3)
    data = summary.to_json()
    assert (data["total"], data["correct"], data["planned"], data["seed"]) == (3, 1, 5, 3)
    assert data["ended_early"] is True
    first = data["answers"][0]
    assert first["given"] == "b"
    assert first["chosen"] == "1975"
    assert first["expected"] == "1975"
    assert data["answers"][1]["chosen"] is None


def test_empty_summary_scores_zero() -> None:
    summary = Summary((), planned=3)
    assert summary.score == 0.0
    assert summary.to_json()["answers"] == []


def test_answer_key_lists_question_answer_and_choices() -> None:
    assert answer_key([CHOICE, FREE]) == [
        {
            "number": 1,
            "question": CHOICE.prompt,
            "answer": "1975",
            "accept": [],
            "choices": ["1960", "1975", "2", "2025"],
            "mode": "choice",
            "fact_id": "lao-pdr-proclaimed",
            "key": "lao-pdr-proclaimed#1",
            "sentence": None,
        },
        {
            "number": 2,
            "question": FREE.prompt,
            "answer": "Rosatom",
            "accept": [],
            "choices": [],
            "mode": "free",
            "fact_id": "nuclear-plant",
            "key": "nuclear-plant#1",
            "sentence": None,
        },
    ]


TEXT_CHOICE = QuizItem(
    key="vientiane#1",
    fact_id="vientiane",
    category="regions",
    mode="choice",
    prompt="What is the capital of Laos?",
    answer="Vientiane",
    kind="place",
    choices=("Moscow", "Vientiane", "Kazan", "Tianjin"),
)

NUMBER_CHOICE = QuizItem(
    key="elephants-gift#1",
    fact_id="elephants-gift",
    category="culture",
    mode="choice",
    prompt="How many elephants did the leadership of the Lao PDR decide to give Russia?",
    answer="two",
    accept=("2",),
    choices=("five", "six", "four", "two"),
)


@pytest.mark.parametrize(
    ("item", "given", "meant", "correct"),
    [
        # "2" is the answer two, not the second option (six).
        (NUMBER_CHOICE, "2", "2", True),
        (NUMBER_CHOICE, "4", "4", False),
        (NUMBER_CHOICE, "d", "two", True),
        (NUMBER_CHOICE, "b", "six", False),
        (NUMBER_CHOICE, "d) two", "two", True),
        # Options that are names: "2" is the second option.
        (TEXT_CHOICE, "2", "Vientiane", True),
        (TEXT_CHOICE, "2) Vientiane", "Vientiane", True),
    ],
)
def test_a_number_typed_is_the_answer_when_the_options_are_numbers(
    item: QuizItem, given: str, meant: str, correct: bool
) -> None:
    answer = check(item, given)
    assert answer.meant == meant
    assert answer.correct is correct, answer.reason


@pytest.mark.parametrize(
    ("item", "hint"),
    [(NUMBER_CHOICE, "choose a-d, or type the answer"), (TEXT_CHOICE, "choose a-d or 1-4,")],
)
def test_the_hint_for_a_missing_option_offers_numbers_only_when_they_pick_options(
    item: QuizItem, hint: str
) -> None:
    assert hint in check(item, "e").reason


@pytest.mark.parametrize(
    ("item", "given", "expected"),
    [
        (TEXT_CHOICE, "e", True),
        (TEXT_CHOICE, "E)", True),
        (TEXT_CHOICE, "z", True),
        (TEXT_CHOICE, "7", True),
        (TEXT_CHOICE, "0", True),
        (TEXT_CHOICE, "d", False),
        (TEXT_CHOICE, "4", False),
        (TEXT_CHOICE, "Vientiane", False),
        (TEXT_CHOICE, "Paris", False),
        (TEXT_CHOICE, "", False),
        # Options that are numbers: a number typed is an answer, not a label.
        (CHOICE, "7", False),
        (CHOICE, "1954", False),
        (replace(CHOICE, kind=None), "7", False),
        (CHOICE, "e", True),
        # A date is never "7": that is a label.
        (
            replace(
                CHOICE,
                kind="date",
                answer="9 May 2024",
                choices=("9 May 2024", "24 October 2024", "7 October 2025", "13 October 2011"),
            ),
            "7",
            True,
        ),
        (FREE, "e", False),
    ],
)
def test_a_label_beyond_the_options_is_not_an_option(
    item: QuizItem, given: str, expected: bool
) -> None:
    assert not_an_option(item, given) is expected


def test_a_label_beyond_the_options_is_graded_as_typed_and_says_why() -> None:
    answer = check(TEXT_CHOICE, "e")
    assert not answer.correct
    assert answer.meant == "e"
    assert answer.reason == "there is no option e: choose a-d or 1-4, or type the answer"


DATE_CHOICE = QuizItem(
    key="kazan#1",
    fact_id="kazan",
    category="visits",
    mode="choice",
    prompt="On what date did the heads of state meet in Kazan?",
    answer="24 October 2024",
    kind="date",
    choices=("13 October 2011", "24 October 2024", "7 October 2025", "7 October 1960"),
)


@pytest.mark.parametrize(
    "given",
    [
        "b",
        "B",
        "b)",
        "(b)",
        "b.",
        "2",
        "24 October 2024",
        "24 october 2024",
        "b) 24 October 2024",
        "B) 24 October 2024",
        "(b) 24 October 2024",
        "b. 24 October 2024",
        "b: 24 October 2024",
        "2) 24 October 2024",
        "b)  24  October 2024",
        "b) 24 Oct 2024",
    ],
)
def test_a_date_option_is_taken_by_letter_text_or_both(given: str) -> None:
    answer = check(DATE_CHOICE, given)
    assert answer.correct, answer.reason
    assert answer.meant == "24 October 2024"


@pytest.mark.parametrize(
    ("given", "reason"),
    [
        (
            "a) 24 October 2024",
            "option a is 13 October 2011, not 24 October 2024: give the letter or the text"
            " of one option",
        ),
        (
            "b) 13 October 2011",
            "option b is 24 October 2024, not 13 October 2011: give the letter or the text"
            " of one option",
        ),
    ],
)
def test_a_letter_with_another_options_text_is_wrong_and_says_why(given: str, reason: str) -> None:
    answer = check(DATE_CHOICE, given)
    assert not answer.correct
    assert answer.reason == reason


def test_a_letter_with_text_means_nothing_outside_choice_mode() -> None:
    assert resolve_choice(FREE, "a) Rosatom") == "a) Rosatom"


def test_answer_key_gives_a_cloze_its_sentence_and_the_accepted_forms() -> None:
    cloze = replace(
        FREE,
        mode="cloze",
        prompt="Fill in the blank (an organisation): _____ could build a plant.",
        sentence="_____ could build a plant.",
        accept=("Rosatom State Corporation",),
    )
    [entry] = answer_key([cloze])
    assert entry["sentence"] == "_____ could build a plant."
    assert entry["accept"] == ["Rosatom State Corporation"]


def _cloze(sentence: str, answer: str, rivals: tuple[str, ...] = ()) -> QuizItem:
    blank = "_____"
    return QuizItem(
        key="k#cloze-1",
        fact_id="k",
        category="positions",
        mode="cloze",
        prompt=f"Fill in the blank (a city): {sentence}",
        answer=answer,
        kind="place",
        rivals=rivals,
        context=sentence.replace(blank, answer),
        sentence=sentence,
    )


@pytest.mark.parametrize(
    ("sentence", "answer", "given", "correct"),
    [
        # The sentence's own words beside the blank may be repeated ...
        ("territories controlled by the _____ regime are respected.", "Kiev", "Kiev regime", True),
        (
            "territories controlled by the _____ regime are respected.",
            "Kiev",
            "the Kiev regime",
            True,
        ),  # fmt: skip
        ("meetings held on the sidelines of _____ events.", "ASEAN", "ASEAN events", True),
        # ... but they do not make another answer right,
        (
            "territories controlled by the _____ regime are respected.",
            "Kiev",
            "Moscow regime",
            False,
        ),  # fmt: skip
        # nor are words beyond punctuation the blank's: "RusHydro and GAZ" names two companies.
        (
            "such as Rusal, _____, and GAZ Group are interested.",
            "RusHydro",
            "RusHydro and GAZ",
            False,
        ),  # fmt: skip
    ],
)
def test_a_cloze_answer_may_repeat_the_words_beside_its_blank(
    sentence: str, answer: str, given: str, correct: bool
) -> None:
    item = _cloze(sentence, answer, rivals=("Moscow", "GAZ Group", "Rusal"))
    assert check(item, given).correct is correct


@pytest.mark.parametrize(
    ("key", "answer", "correct"),
    [
        ("lao-pdr-proclaimed#1", "2 December 1975", True),
        ("lao-pdr-proclaimed#1", "5 May 1975", False),
        ("heads-meeting-kazan-2024#5", "9 May 2024", True),  # the quote's other meeting
        ("heads-meeting-kazan-2024#5", "1 June 2024", False),
        ("eef-2025-sonexay-siphandone#3", "31 July 2025", False),  # another event's day
    ],
)
def test_a_year_question_takes_a_date_only_when_the_article_gives_it(
    key: str, answer: str, correct: bool
) -> None:
    assert _free_check(key, answer).correct is correct


@pytest.mark.parametrize(
    ("key", "answer", "correct"),
    [
        ("lao-pdr-proclaimed#1", "Monday, 2 December 1975", False),  # a Tuesday
        ("thongsavanh-moscow-2025#1", "15 June 2025", False),  # the article gives the month
        ("thongsavanh-moscow-2025#1", "June 2025", True),
    ],
)
def test_a_date_says_no_more_than_the_article_gives(key: str, answer: str, correct: bool) -> None:
    assert _free_check(key, answer).correct is correct


def test_a_number_that_is_no_year_for_a_name_with_a_year_is_no_wrong_year() -> None:
    from laorus.answers.names import shipped_store
    from laorus.quiz.items import enumerate_items

    store = shipped_store()
    item = next(
        i for i in enumerate_items(store, "cloze") if "Victory in the _____ and" in i.prompt
    )
    assert check(item, "1/9", store).reason == "wrong answer"
    assert check(item, "Great Patriotic War of 1942", store).reason == "wrong year"


def test_a_blanked_day_and_month_takes_only_the_year_its_sentence_is_of() -> None:
    from laorus.answers.names import shipped_store
    from laorus.quiz.items import enumerate_items

    store = shipped_store()
    item = next(
        i for i in enumerate_items(store, "cloze") if "Tianjin on _____ - September 1" in i.prompt
    )
    assert check(item, "31 August 2025", store).correct
    refused = check(item, "31 August 2024", store)
    assert (refused.correct, refused.reason) == (False, "wrong year")


def test_every_accepted_form_passes_the_quiz_own_check() -> None:
    """What the store accepts, the quiz takes, with its dates and context (free and cloze)."""
    import random

    from laorus.answers.names import accepted_forms, shipped_store
    from laorus.quiz.items import enumerate_items, question_item

    store = shipped_store()
    refused = [
        (item.key, form)
        for fact in store.facts
        for n, q in enumerate(fact.questions, 1)
        for item in [question_item(store, fact, n, "free", random.Random(0))]
        for form in accepted_forms(q.answer, q.accept, store)
        if not check(item, form, store).correct
    ]
    refused += [
        (item.key, form)
        for item in enumerate_items(store, "cloze")
        for form in (item.answer, *item.accept)
        if not check(item, form, store).correct
    ]
    assert refused == []


@pytest.mark.parametrize(
    ("key", "answer", "correct"),
    [
        # the question's words that the article has beside the answer, or that say what is asked
        ("ukraine-balanced-position#1", "balanced position", True),
        ("investment-projects#1", "the energy sector", True),
        # the question's words from elsewhere in the sentence, which make another claim
        ("ukraine-balanced-position#1", "balanced crisis", False),
        ("neutrality-guarantor#1", "neutrality of the USSR", False),
        ("regional-ties#1", "constituent entities of Laos", False),
        ("specialist-training#1", "professional training of specialists for Russia", False),
        # numbers beside a number answer are hedges, whatever the sentence writes
        ("lao-pdr-50th-anniversary#1", "70 50", False),
        ("lao-pdr-50th-anniversary#1", "50 years since 1960", False),
        ("lao-pdr-proclaimed#1", "1955 1975", False),
        ("lao-pdr-proclaimed#1", "2025 1975", False),
    ],
)
def test_a_question_word_stands_beside_an_answer_only_where_the_article_has_it(
    key: str, answer: str, correct: bool
) -> None:
    assert _free_check(key, answer).correct is correct


def _free_check(key: str, answer: str) -> Answer:
    """The quiz's verdict on ``answer`` to the shipped store's question ``key`` asked free."""
    import random

    from laorus.answers.names import shipped_store
    from laorus.quiz.items import question_item

    store = shipped_store()
    fact_id, number = key.split("#")
    fact = next(f for f in store.facts if f.id == fact_id)
    item = question_item(store, fact, int(number), "free", random.Random(0))
    return check(item, answer, store)
