"""Run laorus as ``python -m laorus``."""

from laorus.cli import app

app(prog_name="laorus")
