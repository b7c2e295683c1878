"""Plain text, shared by every domain.

Folding and words, sentences, dates and numbers in prose (number words, ordinals), spelling.
"""
