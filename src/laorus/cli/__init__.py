"""The command-line layer, the only code that imports Typer; each command loads when it runs."""

from laorus.cli.app import app

__all__ = ["app"]
