"""How long work on a large store reports how far it has got."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[str, int, int], None]
"""Reports long work as it goes: what is being done, how much of it is done, out of how much."""
