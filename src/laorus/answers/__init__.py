"""Judging a typed answer against the expected one: numbers and dates, words, names."""
