"""Words of a text answer: folding, roles, the typo budget, and aligning two answers."""

from __future__ import annotations

import pytest

from laorus.answers.words import align, has_list_marker, key_set, split_list, words


def _keys(text: str) -> list[str]:
    return [word.key for word in words(text)]


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("Lao People's Revolutionary Party", ["lao", "people", "revolutionary", "party"]),
        ("St. Petersburg", ["saint", "petersburg"]),
        ("Russian-Lao", ["russian", "lao"]),
        ("the third school", ["the", "3", "school"]),
        ("nineteen seventy-five", ["1975"]),
        ("G20 summit", ["g20", "summit"]),
        ("Laos’s", ["laos"]),
    ],
)
def test_splits_text_into_folded_words_with_numbers_as_values(text: str, keys: list[str]) -> None:
    assert _keys(text) == keys


def test_gives_each_word_its_role() -> None:
    roles = {word.key: word.role for word in words("the Mittaphab hospital or President")}
    assert roles == {
        "the": "stop",
        "mittaphab": "word",
        "hospital": "generic",
        "or": "or",
        "president": "stop",
    }


def test_splits_a_list_of_guesses() -> None:
    found = words("Putin or Lavrov / Medvedev")
    assert has_list_marker(found)
    assert [[w.key for w in part] for part in split_list(found)] == [
        ["putin"],
        ["lavrov"],
        ["medvedev"],
    ]
    assert not has_list_marker(words("2023/2024"))


def test_align_matches_in_any_order_and_reports_typos() -> None:
    alignment = align(words("Sisulith Thongloun"), words("Thongloun Sisoulith"))
    assert alignment.accepted
    assert alignment.typos == ("Sisoulith",)
    assert alignment.cost == 1


def test_align_joins_words_written_apart_or_together() -> None:
    assert align(words("Xieng Khouang"), words("Xiengkhouang")).accepted
    assert align(words("Xiengkhouang"), words("Xieng Khouang")).accepted


def test_align_never_reads_an_acronym_from_initials_alone() -> None:
    # Initials spell many things ("Eastern European Forum" is EEF too): an abbreviation is a
    # form of a name only when the names vocabulary or the question's accepted forms say so.
    assert not align(words("LPRP"), words("Lao People's Revolutionary Party")).accepted
    assert not align(words("EEF"), words("Eastern European Forum")).accepted


def test_align_reports_extra_missing_and_generic_words() -> None:
    vague = align(words("hospital"), words("Mittaphab Hospital"))
    assert not vague.accepted
    assert [w.key for w in vague.missing] == ["mittaphab"]
    assert [w.key for w in vague.generic] == ["hospital"]
    extra = align(words("Vientiane Moscow"), words("Vientiane"))
    assert [w.key for w in extra.extra] == ["moscow"]


def test_a_word_for_a_kind_of_state_may_be_left_out_but_not_added() -> None:
    assert align(words("Laos"), words("the Republic of Laos")).accepted
    added = align(words("Republic of China"), words("China"))
    assert [w.key for w in added.extra] == ["republic"]
    assert align(words("Rosatom corporation"), words("Rosatom")).accepted


@pytest.mark.parametrize(
    ("given", "expected", "left_out"),
    [
        ("Heads of State", "Council of Heads of State", ["council"]),
        ("Council of Heads", "Council of Heads of State", ["state"]),
        ("Heads of State", "Heads of State Council", ["council"]),
        ("Southeast Asian Nations", "Association of Southeast Asian Nations", ["association"]),
        ("Xiengkhouang", "Province of Xiengkhouang", []),
        ("Orthodox parish", "parish of the Orthodox Church", []),
        ("Mittaphab", "Mittaphab Hospital", []),
    ],
)
def test_the_kind_words_of_an_x_of_y_name_are_required_unless_a_place_or_further_on(
    given: str, expected: str, left_out: list[str]
) -> None:
    found = align(words(given), words(expected))
    assert [w.key for w in found.missing] == left_out
    assert found.accepted == (not left_out)


def test_a_word_the_caller_knows_is_not_taken_for_a_typo_of_another() -> None:
    assert align(words("Russian"), words("Russia")).accepted  # alone, one letter off
    assert not align(words("Russian"), words("Russia"), known={"russian"}).accepted


def test_generic_words_are_required_when_nothing_else_is_there() -> None:
    assert not align(words("the"), words("the capital")).accepted
    assert align(words("capital"), words("the capital")).accepted


def test_numbers_in_text_match_only_when_equal() -> None:
    assert align(words("EEF two thousand twenty-five"), words("EEF 2025")).accepted
    assert not align(words("EEF 2024"), words("EEF 2025")).accepted


def test_key_set_leaves_out_stop_words() -> None:
    assert key_set(words("the President of Laos")) == {"laos"}
