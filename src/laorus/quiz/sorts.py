"""What sort of name a question asks for, and what kind of answer an answer is.

The quiz offers options of the answer's kind (a city for a city) and of the sort the question
names ("In which city...", "which alliance"); the store-wide overview (quiz.overview) and the
options (quiz.choices) both read them here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

SORTS = {
    "city": "city",
    "capital": "city",
    "town": "city",
    "country": "country",
    "region": "region",
    "province": "province",
    "square": "square",
    "company": "company",
    "corporation": "company",
    "group": "company",
    "organisation": "organisation",
    "organization": "organisation",
    "association": "organisation",
    "alliance": "alliance",
    "bloc": "alliance",
    "party": "party",
    "hospital": "hospital",
    "commission": "commission",
    "society": "society",
    "church": "church",
    "body": "body",
}
"""Nouns a question may ask for ("In which city"), and the sort of name each stands for."""
_SORT_WINDOW = 4
"""How many words after "which" or "what" may name the sort ("which Russian state corporation")."""


def question_sort(question: str) -> str | None:
    """The sort of name a question asks for ("city" for "In which city..."), if it says."""
    for match in re.finditer(r"\b(?:which|what)\b", question, re.IGNORECASE):
        for word in re.findall(r"\w+", question[match.end() :])[:_SORT_WINDOW]:
            sort = SORTS.get(word.casefold())
            if sort:
                return sort
    return None


def answer_kind(answer: str, name_kinds: Mapping[str, str]) -> str:
    """The kind of an answer without a declared one: the grader's ("year", "date", "number"...),
    else the kind under which the facts list it as a name (``name_kinds``), else "text"."""
    from laorus.answers.grade import infer_kind as grading_kind

    text = answer.strip()
    kind = grading_kind(text)
    return kind if kind != "text" else name_kinds.get(text, "text")
