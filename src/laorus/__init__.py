"""laorus: look up, date and quiz the facts of one article, kept in a TOML fact store."""

__version__ = "0.1.0"
