"""Exports of the quiz to the tools learners already use: an Anki deck and a CSV table.

``cards`` turns every quiz item the filters select into an export row; ``anki`` and ``csv``
render those rows; ``laorus.files`` writes the result to a file atomically.
"""
