"""The command-line layer: the only code that imports Typer. Importing it registers commands."""

from laorus.cli import anniversaries, quiz, search, validate
from laorus.cli.app import app

__all__ = ["anniversaries", "app", "quiz", "search", "validate"]
