"""The article to draft: its bytes checked and decoded, its header read, its page furniture cut.

A web page saved as text starts with a header (title, author, date, an id) and ends with the
page's furniture (share links, a newsletter box, a copyright line). The header gives the source's
title, author and publication date when the caller does not; neither header nor furniture is part
of the article, so neither goes into source.text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from laorus.errors import LaorusError
from laorus.text.date_spans import find_dates
from laorus.text.sentences import sentences
from laorus.text.spelling import english_words

MAX_ARTICLE_BYTES = 10 << 20
"""An article longer than this (10 MiB) is refused: no article is that long."""
_HEADER_LINES = 6
"""The header, when there is one, is within the first lines."""
_PROSE_WORDS = 8
"""A line of at least this many words that ends a sentence is the article, not its header."""
_FURNITURE_WORDS = 20
"""A trailing line shorter than this may be page furniture; a longer one is the article."""
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s*$")
_FURNITURE = re.compile(
    r"©|\bcopyright\b|all rights reserved|\bshare\b|\bsubscribe|newsletter|mailing list"
    r"|follow us|\bcookies?\b|privacy policy|terms of use|read more|related articles"
    r"|https?://|\bwww\.",
    re.IGNORECASE,
)
_HTML = re.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|</(?:p|div|span|a|li|td)>", re.IGNORECASE
)
_QUOTED_TITLE = re.compile(r"[\"“]([^\"“”]{8,}?)[\"”]")
_BY = re.compile(r"\b[Bb]y\s+((?:[A-Z][\w.'’-]*\s+){0,5}[A-Z][\w'’-]+)")
_FOR = re.compile(r"\bfor\s+([^,\"“]+?)\s*(?:,|$)")


class DraftError(LaorusError):
    """The article cannot be drafted as it is; the message says why and what to do."""


@dataclass(frozen=True, slots=True)
class Header:
    """What the article's first lines say about it; None where they say nothing."""

    title: str | None = None
    author: str | None = None
    author_role: str | None = None
    published: dt.date | None = None
    published_in: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """The article's own text, its header, and the trailing lines cut from it."""

    text: str
    header: Header
    header_lines: tuple[str, ...]
    cut: tuple[str, ...]
    """The trailing lines left out as page furniture, as they were (blank lines dropped)."""


def decode(raw: bytes, name: str) -> str:
    """The article's text from its bytes; DraftError for empty, binary, non-UTF-8 or HTML."""
    if len(raw) > MAX_ARTICLE_BYTES:
        msg = f"{name} is larger than 10 MiB; an article is a plain-text file far smaller"
        raise DraftError(msg)
    if not raw.strip():
        msg = f"{name} is empty; give the article as a plain-text (UTF-8) file"
        raise DraftError(msg)
    if b"\x00" in raw:
        msg = f"{name} is a binary file; give the article as plain text (UTF-8)"
        raise DraftError(msg)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        msg = (
            f"{name} is not UTF-8 text (byte 0x{raw[exc.start]:02x} on line {line});"
            " save it as UTF-8"
        )
        raise DraftError(msg) from None
    if _HTML.search(text[:20000]):
        msg = (
            f"{name} is a web page (HTML), not plain text; save it as text first"
            " (in a browser: Save Page As, Text Files) and draft that file"
        )
        raise DraftError(msg)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split(text: str, name: str = "the article") -> Article:
    """The article's own text, its header lines read, its trailing furniture cut."""
    lines = text.split("\n")
    start = _first_prose(lines)
    header_lines = tuple(line.strip() for line in lines[:start] if line.strip())
    body = lines[start:]
    cut: list[str] = []
    while body and _furniture(body[-1]):
        line = body.pop()
        if line.strip():
            cut.append(line.strip())
    cut.reverse()
    while body and not body[0].strip():
        body.pop(0)
    article = "\n".join(line.rstrip() for line in body)
    if not any(len(s.text.split()) >= 3 for s in sentences(article)):
        msg = f"{name} has no sentences to draft facts from; give the article's text"
        raise DraftError(msg)
    return Article(article, read_header(header_lines), header_lines, tuple(cut))


def _first_prose(lines: list[str]) -> int:
    """The index of the first line of the article proper; 0 when it has no header."""
    seen = 0
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        if _is_prose(line):
            return index
        seen += 1
        if seen >= _HEADER_LINES:
            break
    return 0


def _is_prose(line: str) -> bool:
    return len(line.split()) >= _PROSE_WORDS and _SENTENCE_END.search(line) is not None


def _furniture(line: str) -> bool:
    """A trailing line that is blank, or short and either no sentence or a web page's words."""
    words = len(line.split())
    if words == 0:
        return True
    if words >= _FURNITURE_WORDS:
        return False
    return _SENTENCE_END.search(line) is None or _FURNITURE.search(line) is not None


def read_header(lines: tuple[str, ...]) -> Header:
    """Title, author and date from header lines such as 'Article by X for Y, "Title", date'."""
    title = author = role = published_in = None
    published: dt.date | None = None
    for line in lines:
        for span in find_dates(line):
            year, month, day = span.first.year, span.first.month, span.first.day
            if published is None and span.last is None and year and month and day:
                published = dt.date(year, month, day)
        quoted = _QUOTED_TITLE.search(line)
        if title is None and quoted:
            title = quoted.group(1).strip()
        by = _BY.search(line)
        if author is None and by:
            role, author = _role_and_name(by.group(1).split())
            where = _FOR.search(line, by.end())
            if where:
                published_in = where.group(1).strip()
    if title is None:
        for line in lines:
            if not find_dates(line) and not _BY.search(line) and re.search(r"[^\W\d_]", line):
                title = line.strip()
                break
    return Header(title, author, role, published, published_in)


def _role_and_name(words: list[str]) -> tuple[str | None, str]:
    """'Foreign Minister Sergey Lavrov' -> ('Foreign Minister', 'Sergey Lavrov')."""
    known = english_words()
    cut = 0
    while cut < len(words) - 1 and words[cut].lower().strip(".,") in known:
        cut += 1
    role = " ".join(words[:cut]) or None
    return role, " ".join(words[cut:])
