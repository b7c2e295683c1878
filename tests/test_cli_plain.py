"""The search table laid out without Rich prints exactly what Rich prints, or leaves it to Rich."""

from __future__ import annotations

import io
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console

from laorus.cli import plain
from laorus.cli.render_search import search_table as rich_search_table
from laorus.paths import default_path
from laorus.search.rank import Hit
from laorus.store.model import Fact, PartialDate
from laorus.store.read import load


def rich_text(hits: list[Hit], *, quotes: bool, width: int) -> str:
    """What `laorus search` printed through Rich into a pipe of this width."""
    out = io.StringIO()
    Console(file=out, width=width, highlight=False).print(rich_search_table(hits, quotes=quotes))
    return out.getvalue()


def plain_text(hits: list[Hit], *, quotes: bool, width: int) -> str | None:
    rows = [plain.search_cells(hit, quotes=quotes) for hit in hits]
    return plain.table(plain.SEARCH_HEADERS, plain.SEARCH_RIGHT, rows, width)


SHIPPED = load(default_path())


@pytest.mark.parametrize("width", [30, 40, 52, 60, 79, 80, 100, 131, 200])
@pytest.mark.parametrize("quotes", [False, True])
def test_every_shipped_fact_prints_as_rich_prints_it(width: int, quotes: bool) -> None:
    facts = list(SHIPPED.facts)
    for start in range(0, len(facts), 7):
        hits = [
            Hit(fact, score, frozenset({"laos"}))
            for fact, score in zip(
                facts[start : start + 7], (100, 99.6, 87, 50.4, 64, 71, 100), strict=False
            )
        ]
        text = plain_text(hits, quotes=quotes, width=width)
        if width >= 40:  # wide enough for the fact column to wrap in
            assert text is not None
        if text is not None:
            assert text == rich_text(hits, quotes=quotes, width=width)


_one_cell = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyzABCXYZ0123456789-,.;:'!?()[]/&%$#@*+=_")
    + list("éèüßçñÅØæœ“”‘’–—…«»€£ΩЖжё")
)
_spaces = st.sampled_from([" ", " ", " ", "  ", "   ", "\u00a0"])
_words = st.lists(st.text(_one_cell, min_size=1, max_size=25), min_size=1, max_size=30)
_texts = st.builds(
    lambda words, gaps: "".join(w + g for w, g in zip(words, gaps, strict=False)).strip(" "),
    _words,
    st.lists(_spaces, min_size=30, max_size=30),
).filter(lambda text: text.strip() != "")
_dates = st.one_of(
    st.none(),
    st.builds(PartialDate, st.integers(1, 9999)),
    st.builds(PartialDate, st.integers(1000, 2100), st.integers(1, 12), st.integers(1, 28)),
)


@st.composite
def _hits(draw: st.DrawFn) -> list[Hit]:
    hits = []
    for number in range(draw(st.integers(1, 4))):
        date = draw(_dates)
        end = draw(_dates) if date is not None else None
        fact = Fact(
            id=draw(st.from_regex(r"[a-z0-9]{1,30}(-[a-z0-9]{1,12}){0,4}", fullmatch=True))
            + str(number),
            statement=draw(_texts),
            quote=draw(_texts),
            category="economy",
            date=date,
            end_date=end,
        )
        score = draw(st.floats(50, 100.5, allow_nan=False))
        hits.append(Hit(fact, score, frozenset()))
    return hits


@settings(max_examples=400, deadline=None)
@given(_hits(), st.booleans(), st.integers(20, 160))
def test_any_hits_print_as_rich_prints_them(hits: list[Hit], quotes: bool, width: int) -> None:
    text = plain_text(hits, quotes=quotes, width=width)
    if text is not None:
        assert text == rich_text(hits, quotes=quotes, width=width)


@pytest.mark.parametrize(
    "statement",
    [
        "Tab\there",
        "Wide 漢字 characters",
        "A combining accent: e\u0301",
        "An emoji 🐘",
        "Zero\u200bwidth",
        "Soft\u00adhyphen",
    ],
)
def test_text_rich_measures_differently_is_left_to_rich(statement: str) -> None:
    hit = Hit(Fact(id="x", statement=statement, quote="q", category="economy"), 100)
    assert plain_text([hit], quotes=False, width=80) is None


def test_every_character_the_plain_layout_accepts_is_one_cell_wide() -> None:
    accepted = sorted(plain.ONE_CELL)
    assert len(accepted) > 900
    assert [c for c in accepted if cell_len(c) != 1] == []
    assert [c for c in accepted if re.match(r"\s", c) and c not in " \u00a0"] == []


class _Stream(io.StringIO):
    def __init__(self, *, tty: bool = False, encoding: str = "utf-8") -> None:
        super().__init__()
        self._tty = tty
        self._encoding = encoding

    def isatty(self) -> bool:
        return self._tty

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding


@pytest.mark.parametrize(
    ("stream", "environ", "width"),
    [
        (_Stream(), {"COLUMNS": "72"}, 72),
        (_Stream(), {"COLUMNS": "72", "NO_COLOR": "1"}, 72),
        (_Stream(tty=True), {"COLUMNS": "72"}, None),
        (_Stream(), {"COLUMNS": "72", "FORCE_COLOR": "1"}, None),
        (_Stream(), {"COLUMNS": "72", "TTY_COMPATIBLE": "1"}, None),
        (_Stream(encoding="latin-1"), {"COLUMNS": "72"}, None),
    ],
)
def test_plain_output_only_where_rich_would_print_no_styles(
    stream: _Stream, environ: dict[str, str], width: int | None
) -> None:
    assert plain.output_width(stream, environ) == width


def test_the_width_is_rich_s_width_for_the_same_stream() -> None:
    stream = _Stream()
    assert plain.output_width(stream, {}) == Console(file=stream).width
