"""Drafting a fact store from a plain-text article, for an author to review.

Owns everything `laorus draft` does short of the command line: reading and checking the article
(source), finding its sentences' dated events at the article's precision (dates), its names
(names), one fact per checkable sentence (facts), a question for each (questions), and the TOML
that an author edits (write). It returns values and never prints; the store it writes is checked
by laorus.store like any other.
"""
