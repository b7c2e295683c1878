"""Cloze blanks: what may be blanked in a quoted sentence, and stable keys."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from laorus.quiz.cloze import BLANK, blanks, distinct
from laorus.store.read import load
from tests.conftest import SMALL_STORE


def test_blanks_cover_dates_names_and_numbers_of_quoted_sentences(small_store: Path) -> None:
    found = blanks(load(small_store))
    kinds = {fact: sorted((b.answer, b.kind) for b in options) for fact, options in found.items()}
    assert kinds == {
        "relations-established": [
            ("65th", "number"),
            ("7 October 2025", "date"),
            ("Laos", "place"),
            ("Russia", "place"),
        ],
        "lao-pdr-proclaimed": [("December 2, 1975", "date")],
        "nuclear-plant": [("Rosatom", "organisation")],
        "elephants": [("Laos", "place"), ("two", "number")],
    }


def test_prompt_is_the_sentence_with_the_answer_blanked(small_store: Path) -> None:
    [blank] = blanks(load(small_store))["lao-pdr-proclaimed"]
    assert blank.prompt == f"The Lao PDR was proclaimed on {BLANK}."
    assert blank.sentence.text[blank.start :].startswith(blank.answer)


def test_keys_are_stable_and_name_the_fact(small_store: Path) -> None:
    first = [b.key for options in blanks(load(small_store)).values() for b in options]
    again = [b.key for options in blanks(load(small_store)).values() for b in options]
    assert first == again
    assert len(set(first)) == len(first)
    assert all(key.split("#cloze-")[0] in SMALL_STORE for key in first)


def test_names_in_the_title_are_not_blanked(
    write_store: Callable[[str | bytes], Path],
) -> None:
    text = SMALL_STORE.replace('title = "A Small Article"', 'title = "Russia and Laos"')
    found = blanks(load(write_store(text)))
    answers = {b.answer for options in found.values() for b in options}
    assert "Russia" not in answers
    assert "Laos" not in answers


def test_words_the_sentence_repeats_are_not_blanked(
    write_store: Callable[[str | bytes], Path],
) -> None:
    text = SMALL_STORE.replace(
        "Rosatom could build a small nuclear power plant.",
        "Rosatom could build a plant, Rosatom says.",
    ).replace(
        'quote = "Rosatom could build a small nuclear power plant."',
        'quote = "Rosatom could build a plant, Rosatom says."',
    )
    found = blanks(load(write_store(text)))
    assert "nuclear-plant" not in found


DATES_TEXT = (
    "In 2024, two meetings took place - on May 9 in Moscow and on 24 October in Kazan. "
    "The summit ran from August 31 - September 1, and a parade was held on the 9th of May."
)


def _dates_store(write_store: Callable[[str | bytes], Path]) -> Path:
    text = SMALL_STORE.replace(
        "Laos gave two elephants.", f"Laos gave two elephants.\n{DATES_TEXT}", 1
    ).replace(
        'quote = "Laos gave two elephants."',
        f'quote = "{DATES_TEXT}"',
    )
    return write_store(text)


def test_a_day_next_to_a_month_is_blanked_as_the_whole_date(
    write_store: Callable[[str | bytes], Path],
) -> None:
    found = blanks(load(_dates_store(write_store)))["elephants"]
    answers = {b.answer: b.kind for b in found}
    assert answers["May 9"] == "date"
    assert answers["24 October"] == "date"
    assert answers["August 31"] == "date"
    assert answers["September 1"] == "date"
    # Never a bare day: "May _____" asks for a number that is half a date.
    assert not {"9", "24", "31", "1", "9th"} & set(answers)


@pytest.mark.parametrize(
    ("sentence", "answer", "kind"),
    [
        ("The leaders met on May 9 2025 in Moscow.", "May 9 2025", "date"),
        ("A parade was held on the 9th of May 2025 in Moscow.", "9th of May 2025", "date"),
        ("Relations began on 7th October 1960 in Moscow.", "7th October 1960", "date"),
        ("A parade was held on May 9th in Moscow.", "May 9th", "date"),
        ("The talks were held in June 2025 in Moscow.", "June 2025", "month"),
    ],
)
def test_a_date_in_any_form_text_dates_knows_is_blanked_whole(
    write_store: Callable[[str | bytes], Path], sentence: str, answer: str, kind: str
) -> None:
    text = SMALL_STORE.replace(
        "Laos gave two elephants.", f"Laos gave two elephants.\n{sentence}", 1
    ).replace('quote = "Laos gave two elephants."', f'quote = "{sentence}"')
    found = blanks(load(write_store(text)))["elephants"]
    assert {b.answer: b.kind for b in found}[answer] == kind


def test_no_shipped_cloze_blanks_a_bare_day_of_a_date() -> None:
    from laorus.paths import default_path
    from laorus.text.dates import MONTH_NAMES

    months = "|".join(MONTH_NAMES)
    for options in blanks(load(default_path())).values():
        for blank in options:
            if blank.kind != "number":
                continue
            before = blank.sentence.text[: blank.start]
            after = blank.sentence.text[blank.start + len(blank.answer) :]
            assert not re.search(rf"(?:{months})\s*$", before), blank.prompt
            assert not re.match(rf"\s*(?:of\s+)?(?:{months})\b", after), blank.prompt


def test_distinct_keeps_each_blank_once_and_groups_them_by_sentence(
    write_store: Callable[[str | bytes], Path],
) -> None:
    # A second fact quoting the same sentence offers the same blanks again.
    text = SMALL_STORE + (
        '\n[[facts]]\nid = "proclaimed-again"\nstatement = "The Lao PDR was proclaimed in 1975."\n'
        'quote = "The Lao PDR was proclaimed on December 2, 1975."\ncategory = "history"\n'
    )
    store = load(write_store(text))
    found = blanks(store)
    assert [b.answer for b in found["proclaimed-again"]] == ["December 2, 1975"]
    assert [b.answer for b in found["lao-pdr-proclaimed"]] == ["December 2, 1975"]
    by_sentence = distinct(found)
    every = [b for options in by_sentence.values() for b in options]
    identities = [(b.sentence.start, b.start, b.answer) for b in every]
    assert len(identities) == len(set(identities))
    for start, options in by_sentence.items():
        assert {b.sentence.start for b in options} == {start}
    # The first fact (in store order) keeps the blank, so its history key stays the same.
    [shared] = [b for b in every if b.answer == "December 2, 1975"]
    assert shared.fact_id == "lao-pdr-proclaimed"


def test_a_number_with_a_thousands_separator_is_blanked_whole(
    write_store: Callable[[str | bytes], Path],
) -> None:
    text = SMALL_STORE.replace("Laos gave two elephants.", "Laos counted 1,200 elephants.")
    found = blanks(load(write_store(text)))
    answers = {b.answer for b in found["elephants"]}
    assert "1,200" in answers
    assert "200" not in answers
    assert "1" not in answers


_CITY = '\n[[names]]\nname = "Vientiane"\nkind = "city"\n'


def _blanks_of(
    write_store: Callable[[str | bytes], Path], sentence: str, organisation: str = ""
) -> set[str]:
    """The answers blanked in ``sentence``, quoted by a fact of the small store (which knows
    the city of Vientiane, and ``organisation`` too when given)."""
    text = SMALL_STORE.replace(
        "Laos gave two elephants.", f"Laos gave two elephants.\n{sentence}", 1
    ).replace('quote = "Laos gave two elephants."', f'quote = "{sentence}"')
    if organisation:
        text = text.replace('tags = ["elephant", "gift"]', f'organisations = ["{organisation}"]')
    found = blanks(load(write_store(text + (_CITY if "Vientiane" in sentence else ""))))
    return {b.answer for b in found.get("elephants", [])}


@pytest.mark.parametrize(
    ("sentence", "refused", "kept"),
    [
        # Without the blank, nothing says what plays the role: "these matters" points back.
        ("The Rosatom plays a significant role in these matters.", "Rosatom", None),
        # An answer longer than five words is a title to recite, not a fact to recall.
        (
            "The Commission on Trade, Economic, Scientific and Technical Cooperation met in 2024.",
            "Commission on Trade, Economic, Scientific and Technical Cooperation",
            "2024",
        ),
        # An example of what an earlier sentence named: the sentence says not what of.
        (
            "Many of them - such as the Rosatom - continue to benefit the citizens of the north.",
            "Rosatom",
            None,
        ),
        # An example of what the sentence names itself is answerable.
        (
            "Companies such as Rosatom continue to benefit the citizens of the north.",
            None,
            "Rosatom",
        ),
        # A back-reference is no problem when the sentence says enough of its own.
        (
            "This year Rosatom built a small nuclear power plant near the northern border.",
            None,
            "Rosatom",
        ),
    ],
)
def test_a_blank_the_rest_of_its_sentence_cannot_point_to_is_refused(
    write_store: Callable[[str | bytes], Path],
    sentence: str,
    refused: str | None,
    kept: str | None,
) -> None:
    long_name = "Commission on Trade, Economic, Scientific and Technical Cooperation"
    name = long_name if long_name in sentence else "Rosatom"
    found = _blanks_of(write_store, sentence, name)
    if refused is not None:
        assert refused not in found
    if kept is not None:
        assert kept in found


@pytest.mark.parametrize(
    ("sentence", "as_city"),
    [
        ("This was shown by Vientiane's successful chairmanship of ASEAN.", False),
        ("We are grateful to the Vientiane authorities for their permission.", False),
        ("The status will allow Vientiane to become more closely involved.", False),
        ("Work has begun on a school in Vientiane with a joint curriculum.", True),
        ("Trains between Moscow and Vientiane to carry freight are being considered.", True),
        ("The delegation visited Vientiane to discuss trade and investment.", True),
    ],
)
def test_a_city_standing_for_its_government_is_not_blanked_as_a_city(
    write_store: Callable[[str | bytes], Path], sentence: str, as_city: bool
) -> None:
    assert ("Vientiane" in _blanks_of(write_store, sentence)) is as_city


@pytest.mark.parametrize(
    ("sentence", "refused", "kept"),
    [
        # 2025 - 1975 = 50: the blank follows from the sentence's own years, and so does each
        # year from the other and the 50.
        ("In 2025 Laos marked 50 years since the Lao PDR was proclaimed in 1975.", "50", None),
        ("In 2025 Laos marked 50 years since the Lao PDR was proclaimed in 1975.", "2025", None),
        ("In 2025 Laos marked 50 years since the Lao PDR was proclaimed in 1975.", "1975", None),
        (
            "In 2025 Laos marked the 50th anniversary of the Lao PDR, proclaimed in 1975.",
            "50th",
            None,
        ),
        # 1955 + 70 = 2025.
        ("For Laos, 2025 is marked by 70 years of the Party (March 22, 1955).", "2025", None),
        # Years that do not add up give nothing away.
        ("In 2025 Laos marked 50 years of a treaty signed in 1994.", None, "50"),
    ],
)
def test_a_number_of_years_the_sentence_computes_is_not_blanked(
    write_store: Callable[[str | bytes], Path],
    sentence: str,
    refused: str | None,
    kept: str | None,
) -> None:
    found = _blanks_of(write_store, sentence)
    if refused is not None:
        assert refused not in found
    if kept is not None:
        assert kept in found


@pytest.mark.parametrize(
    ("sentence", "counted"),
    [
        ("In 2024, two meetings took place - on May 9 in Moscow and on October 24 in Kazan.", True),
        ("Russia held three forums: in Moscow, in Kazan and in Sochi.", True),
        ("Russia held three forums: in Moscow and in Kazan.", False),
        ("Russia held three forums: in Moscow, in Kazan, and in Sochi.", True),
        ("In 2024, two meetings took place - on May 9, 2024 in Moscow and in Kazan.", True),
        ("In 2024, two meetings took place - in Moscow, in Kazan and in Sochi.", False),
        ("In 2024, two meetings of the heads of state took place in Moscow.", False),
    ],
)
def test_a_number_the_sentence_counts_out_after_it_is_not_blanked(
    write_store: Callable[[str | bytes], Path], sentence: str, counted: bool
) -> None:
    number = "two" if "two" in sentence else "three"
    assert (number not in _blanks_of(write_store, sentence)) is counted
