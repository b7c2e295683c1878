"""Text made comparable: folded (no case, no accents) and split into words."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """Lower-case ``text`` and strip accents, so "Vientiâne" and "VIENTIANE" compare equal."""
    if text.isascii():
        return text.lower()  # the common case, and ten times faster than decomposing
    # Decompose first: "ᴬ" only becomes "A", and so "a", once compatibility forms are undone.
    decomposed = unicodedata.normalize("NFKD", text).casefold()
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """The folded words of ``text``, in order."""
    return _WORD.findall(fold(text))


def same_words(text: str) -> str:
    """``text`` reduced to its folded words, so "Victory-Day" and "victory day" compare equal."""
    return " ".join(words(text))
