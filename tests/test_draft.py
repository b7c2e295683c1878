"""`laorus.draft`: the shipped article and an article written for the tests, drafted."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from laorus.draft.facts import Draft, draft
from laorus.draft.source import split
from laorus.draft.write import to_toml
from laorus.paths import default_path
from laorus.store.build import build
from laorus.store.read import load
from laorus.store.summary import coverage

DATA = Path(__file__).parent / "data"
TODAY = dt.date(2026, 1, 1)


def drafted(name: str, **options: object) -> Draft:
    """The draft of one of the test articles."""
    text = (DATA / name).read_text(encoding="utf-8")
    return draft(split(text), today=TODAY, **options)  # type: ignore[arg-type]


def dated(result: Draft) -> list[tuple[int, int, str, str | None, bool]]:
    """(quote start, quote end, date, end date, derived) of each dated fact."""
    return [
        (
            item.fact.quote_start,
            item.fact.quote_start + len(item.fact.quote),
            item.fact.date.iso(),
            item.fact.end_date.iso() if item.fact.end_date else None,
            item.fact.derived is not None,
        )
        for item in result.facts
        if item.fact.date is not None
    ]


def test_shipped_article_drafts_to_a_store_the_loader_accepts(tmp_path: Path) -> None:
    text = to_toml(drafted("lavrov_laos_2025.txt"))
    store = build(tomllib.loads(text), tmp_path / "draft.toml", text)
    share = coverage(store)
    assert share.missing == ()
    assert share.quoted == share.total > 60


def test_shipped_article_text_is_the_shipped_stores_and_the_boilerplate_is_cut() -> None:
    result = drafted("lavrov_laos_2025.txt")
    shipped = tomllib.loads(default_path().read_text(encoding="utf-8"))["source"]
    assert result.source.text == shipped["text"].strip("\n")
    assert result.cut == ("|", "NEWSLETTER", "|", "| Join the GlobalSecurity.org mailing list |",
                          "|", "|", "|")  # fmt: skip
    assert (result.source.title, result.source.author, result.source.published) == (
        shipped["title"],
        shipped["author"],
        shipped["published"],
    )


def test_shipped_article_dates_nine_in_ten_events_at_their_precision_and_none_wrong() -> None:
    result = drafted("lavrov_laos_2025.txt")
    text = result.source.text
    shipped = tomllib.loads(default_path().read_text(encoding="utf-8"))["facts"]
    events = []
    for fact in shipped:
        if "date" in fact:
            start = text.find(fact["quote"])
            end_date = str(fact["end_date"]) if "end_date" in fact else None
            events.append((start, start + len(fact["quote"]), str(fact["date"]), end_date))
    mine = dated(result)

    def overlaps(a: tuple[int, int, object, object], b: tuple[int, int, object, object]) -> bool:
        return a[0] < b[1] and b[0] < a[1]

    found = [e for e in events if any(overlaps(e, m) and m[2:4] == e[2:4] for m in mine)]
    assert len(found) >= 0.9 * len(events), sorted(set(events) - set(found))
    for ours in mine:
        theirs = [e[2:4] for e in events if overlaps(e, ours)]
        assert not theirs or ours[2:4] in theirs, ours


def test_test_article_dates_are_exact() -> None:
    result = drafted("veloria_karstan_2024.txt")
    got = [(d[2], d[3], d[4]) for d in dated(result)]
    assert got == [
        ("2024-02-12", None, False),  # full date
        ("1994-02-12", None, True),  # the 30th anniversary marked on it
        ("2023", None, True),  # "last year"
        ("2023-06-05", None, True),  # "5 June", after "last year" in the paragraph
        ("2021-09", None, False),  # month and year
        ("2022", None, False),
        ("2024-01-20", "2024-02-02", True),  # "this year ... January 20 - February 2"
        ("1998", None, False),
    ]
    marking, origin = result.facts[0], result.facts[1]
    assert marking.commemorates == origin.fact.id
    assert origin.fact.anniversary is not None
    assert (origin.fact.anniversary.on.iso(), origin.fact.anniversary.nth) == ("2024-02-12", 30)
    assert origin.fact.derived is not None
    assert "30 years earlier" in origin.fact.derived


def test_test_article_names_and_abbreviations_are_exact() -> None:
    result = drafted("veloria_karstan_2024.txt")
    assert [(n.name, n.kind, n.variants) for n in result.names] == [
        ("Veloria", "country", ()),  # "the Velorian press" in the header
        ("Karstan", "country", ()),  # "Veloria and Karstan"
        ("Northern Trade Forum", "event", ("NTF",)),
        ("Port Amsel", "city", ()),  # "held in Port Amsel"
        ("Agreement on Maritime Cooperation", "document", ()),
        ("Karstan Energy Agency", "organisation", ("KEA",)),
        ("Velor Power", "organisation", ()),  # "The Karstan Energy Agency (KEA) and Velor Power"
        ("Council of Coastal States", "organisation", ()),
        ("Amsel", "city", ()),
        ("University of Veloria", "organisation", ()),
        ("Coastal Security Council", "organisation", ("CSC",)),
    ]


def test_test_article_header_and_cut_are_exact() -> None:
    result = drafted("veloria_karstan_2024.txt")
    source = result.source
    assert (source.title, source.author, source.author_role, source.published) == (
        "Veloria and Karstan: 30 Years of Partnership",
        "Anna Kessel",
        "Foreign Minister",
        dt.date(2024, 3, 14),
    )
    assert result.cut == (
        "Share this article",
        "Facebook | Twitter | Email",
        "© 2024 Velorian Press. All rights reserved.",
    )
    assert source.text.endswith("Coastal Security Council (CSC).")


def test_shipped_article_names_get_the_shipped_stores_kind_nine_times_in_ten() -> None:
    shipped = load(default_path())
    result = drafted("lavrov_laos_2025.txt")
    compared = {}
    for name in result.names:
        reference = next(
            (shipped.name_of(form) for form in name.forms if shipped.name_of(form)), None
        )
        if reference is not None:
            compared[name.name] = (name.kind, reference.kind)
    # The shipped vocabulary has 52 names; the draft finds 47 of them and gives 46 of those
    # (98%) the reference kind: Kiev, named only in "the Kiev regime", stays a place.
    assert len(compared) >= 40
    wrong = {name: kinds for name, kinds in compared.items() if kinds[0] != kinds[1]}
    assert len(wrong) <= 0.1 * len(compared), wrong


def test_names_take_their_kind_from_the_words_around_them() -> None:
    kinds = {n.name: n.kind for n in drafted("lavrov_laos_2025.txt").names}
    assert [kinds[name] for name in ("Rusal", "RusHydro", "Fesco")] == ["company"] * 3
    assert [kinds[name] for name in ("Russia", "Laos", "China", "Soviet Union")] == ["country"] * 4
    assert [kinds[name] for name in ("Paek", "Vientiane", "Kazan")] == ["city"] * 3
    assert [kinds[name] for name in ("Xiengkhouang", "Indochina")] == ["region"] * 2
    assert kinds["Victory"] == "event"
    assert (
        kinds[
            "Intergovernmental Commission on Trade, Economic, Scientific and Technical Cooperation"
        ]
        == "organisation"
    )
    assert not {"Soviet", "Technical Cooperation", "Lao PDR", "USSR"} & set(kinds)


def test_people_are_named_with_their_titles() -> None:
    names = {n.name: n for n in drafted("lavrov_laos_2025.txt").names}
    assert names["Vladimir Putin"].kind == "person"
    assert names["Vladimir Putin"].titles == ("President of the Russian Federation",)
    assert names["Sonexay Siphandone"].titles == ("Prime Minister of the Lao PDR",)
    assert names["Eastern Economic Forums"].variants == ("EEF",)
    assert names["Laos"].variants == ("Lao People's Democratic Republic", "Lao PDR")


def test_without_a_publication_date_relative_dates_stay_undated() -> None:
    text = "Our Article\n\nThis year, the first forum of the two cities was held in Amsel.\n"
    result = draft(split(text), today=TODAY)
    assert result.source.published is None
    assert [u.words for u in result.undated] == ["This year"]
    assert all(item.fact.date is None for item in result.facts)


def test_options_override_the_header_and_a_relative_year_counts_from_them() -> None:
    result = drafted(
        "veloria_karstan_2024.txt", title="T", author="A", published=dt.date(2020, 5, 1)
    )
    assert (result.source.title, result.source.author) == ("T", "A")
    assert ("2019", None, True) in [(d[2], d[3], d[4]) for d in dated(result)]


def test_the_draft_writes_guessed_names_and_commemorates_links() -> None:
    data = tomllib.loads(to_toml(drafted("veloria_karstan_2024.txt")))
    assert data["names"]
    assert all(name["guessed"] is True for name in data["names"])
    ids = {fact["id"] for fact in data["facts"]}
    assert [fact["commemorates"] in ids for fact in data["facts"] if "commemorates" in fact] == [
        True
    ]


@pytest.mark.parametrize("article", ["lavrov_laos_2025.txt", "veloria_karstan_2024.txt"])
def test_a_derived_anniversary_question_does_not_give_the_marking_away(article: str) -> None:
    facts = drafted(article).facts
    by_id = {item.fact.id: item.fact for item in facts}
    markings = [(by_id[item.commemorates], item.fact) for item in facts if item.commemorates]
    assert markings
    for origin, marking in markings:
        for question in origin.questions:
            for answer in (q.answer for q in marking.questions):
                assert answer not in question.question
            assert str(marking.date.year) not in question.question


def test_a_sentence_without_cue_words_gets_a_default_category_said_to_be_one() -> None:
    text = "Our Article\n\nThe weather was fine when the two teams played in Amsel.\n"
    written = to_toml(draft(split(text), today=TODAY, published=dt.date(2025, 1, 1)))
    assert 'category = "diplomacy" # no cue words: a default; choose the category' in written


def test_a_place_inside_a_longer_place_name_is_not_listed_as_named() -> None:
    facts = [item.fact for item in drafted("veloria_karstan_2024.txt").facts]
    forum = next(fact for fact in facts if "Northern Trade Forum" in fact.quote)
    assert forum.places == ("Port Amsel",)
    students = next(fact for fact in facts if "University of Veloria" in fact.quote)
    assert set(students.places) == {"Veloria", "Karstan"}
