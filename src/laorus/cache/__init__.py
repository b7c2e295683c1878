"""The SQLite cache of a large fact store and its search index, and when commands use it."""
