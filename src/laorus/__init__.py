"""laorus: look up, date and quiz the facts of one article, kept in a TOML fact store."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from laorus.answers.grade import grade as grade

__version__ = "0.1.0"
__all__ = ["__version__", "grade"]


def __getattr__(name: str) -> Any:
    """``laorus.grade``, imported when first asked for, so that ``import laorus`` stays light."""
    if name == "grade":
        from laorus.answers.grade import grade

        return grade
    msg = f"module 'laorus' has no attribute {name!r}"
    raise AttributeError(msg)
