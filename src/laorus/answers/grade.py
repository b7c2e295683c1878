"""Grade a quiz answer: forgive typos and word order, never a wrong number, date or name.

The rules, by the kind of answer (declared by the question, else inferred from the expected
answer: a date, a month, a year, another number, or text):

- Years and numbers are read from digits and words ("1,000", "3rd", "third", "one hundred",
  "nineteen seventy-five", and a few common misspellings such as "fourty") and must be equal,
  never merely close. An answer naming two different numbers ("1955 or 1975", "1975-76") is
  wrong; "'75" or "75" for 1975 asks for the year in full; "1970s" is too vague. For a year, a
  full date with that year is right ("2 December 1975"). Nothing may change the number: a word
  ("before 1975", "more than 100", "about 100") or a sign ("-65", "1975?", "~100", "1e2") makes
  it wrong. What may stay: "in", "on", "of", "the", "year", "AD", "CE", punctuation that says
  nothing (".", ",", brackets, quotes), the words of an accepted form ("100 scholarships" when
  the question accepts that form) and of the question ("two meetings" for "how many
  meetings?"). A number idiom is its number ("twice", "a pair", "half a century", "number
  three").
- Dates are read in any common form ("7 October 1960", "October 7th, 1960", "Oct 7 1960",
  "1960-10-07", and "07.10.1960" or "7/10/1960" day first; a month name may have a typo) and
  must match in every part the expected answer gives: "17 October 1960" is wrong, "October 1960"
  is too vague (which day?), "7 Oct 60" asks for the year in full. A month answer ("June
  2025") matches on the month and the year; a range ("31.08-01.09.2025") needs both ends. A
  part that contradicts any accepted form is wrong, even when a vaguer form ("May 9") would
  match. Words other than weekdays and "on", "the", "of" make a date wrong ("before 7 October
  1960", "circa ...").
- Names and other text: case, accents, punctuation, possessives, articles, titles ("President",
  "Minister", "Mr", "Dr", "the"), initials ("V. Putin", but not "S. Putin"), word order and
  spaces ("Xieng Khouang" = "Xiengkhouang") do not matter, nor "St." against "Saint", nor
  British against American spelling, nor dots in an abbreviation ("N.A.T.O."). Every form of
  a name in the store's names vocabulary is right for it ("PRC" for China), and an abbreviation
  matches its expansion only so, or through an accepted form: never from initials alone
  ("Eastern European Forum" is not the EEF). Typos are forgiven within an
  edit budget that grows with the word (none up to 4 letters, 1 up to 8, 2 up to 12, then 3; a
  regular plural, "forums", "churches", "ministries", is free), but a typo never changes the
  first letter, and a word that is itself a word (English, or of the article's names) is never a
  typo of another: "dependent" is not "independent", nor "minting" "mining", nor "Russian"
  "Russia" (laorus.text.spelling). Numbers within text must be equal ("2023-24" is 2023 and 2024).
  Every distinctive word of the expected answer (or of one of its accepted forms) must be there,
  and every word of the answer must be of one form: so a shorter form with more words of the
  full name is right ("Mittaphab Friendship Hospital"). Words such as "hospital" or "province"
  may be left out, but alone they are too vague ("which hospital?"), and one may not stand for
  another ("wrong kind: a society is not a hospital"); "republic", "kingdom", "federation" and
  "empire" may be left out but not added ("Republic of China" is not China). "X of Y" must not
  be read backwards ("sovereign affairs of internal states"). A word that is not part of the
  answer makes it wrong ("atom" is not "Rosatom", "Vientiane, China" not "Vientiane"), except
  the question's own words ("the energy sector" when it asks for a sector), framing ("it was"),
  a person's titles and patronymic, and a wider place the vocabulary knows ("Kazan, Russia").
  Any other name of the vocabulary (or of ``rivals``) is a rival: an answer closer to it than
  to the expected one is wrong ("that is Vladivostok, not Vientiane"), and so is a list of
  guesses ("Putin or Lavrov", "Putin, Lavrov") unless each guess is a form of the answer.
- An empty answer is not correct ("no answer"), nor one over 300 characters ("too long"), and an
  answer equal to the expected one or to an accepted form is always correct. Any string is
  graded without an exception, and a reason quotes only words the answer or the article has.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from laorus.answers.context import number_idioms, question_words, undot, unframe
from laorus.answers.dates_numbers import Verdict, grade_date, grade_number, several
from laorus.answers.names import Vocabulary, vocabulary
from laorus.answers.words import (
    STATE_WORDS,
    Alignment,
    Word,
    align,
    has_list_marker,
    key_set,
    significant,
    split_list,
    words,
)
from laorus.text.dates import read_dates
from laorus.text.numerals import find_numbers
from laorus.text.words import same_words

if TYPE_CHECKING:
    from laorus.store.model import Name, Question, Store

_MAX_ANSWER = 300
"""Characters; a longer answer is not one answer, and grading it fuzzily would be slow."""
_MAX_FORM = 300
"""Characters; a longer expected answer, accepted form or rival is only compared exactly."""
_NAME_KINDS = ("person", "place", "organisation")
_KIND_GENERICS = {
    "city": {"city", "capital", "town"},
    "region": {"province", "region", "district"},
    "company": {"company", "corporation", "group"},
    "organisation": {"organisation", "organization", "group"},
}
"""Words that say what a name of each kind is, and so may stand beside it ("Kazan city")."""
_TITLE_WORDS = frozenset(
    {"foreign", "affairs", "pm", "fm", "vp", "head", "general", "secretary", "deputy", "leader"}
)
"""Words of a title that a person's name may carry ("Foreign Minister", "PM")."""
_PATRONYMIC = re.compile(r"\w+(?:ovich|evich|ovna|evna)$")

__all__ = ["Verdict", "effective_kind", "grade", "infer_kind"]


def grade(
    given: str,
    expected: str,
    *,
    aliases: Sequence[str] = (),
    question: Question | str | None = None,
    store: Store | None = None,
    kind: str | None = None,
    rivals: Sequence[str] = (),
) -> Verdict:
    """Judge ``given`` against the expected answer and its accepted forms, with the store's names.

    ``question`` (a Question or its text) lets the answer repeat the question's words and gives
    the kind when ``kind`` does not; ``store`` gives the names vocabulary (the shipped store's
    when None); ``rivals`` adds names the answer must not be taken for.
    """
    text_of = question if isinstance(question, str) else None
    if question is not None and not isinstance(question, str):
        text_of = question.question
        kind = kind or question.kind
    answer = unframe(_clean(given))
    forms = [form for form in (_clean(text) for text in (expected, *aliases)) if form]
    if not answer:
        return Verdict(False, "no answer")
    if not forms:
        return Verdict(False, "no expected answer to compare with")
    key = answer.casefold()
    if any(form.casefold() == key for form in forms):
        return Verdict(True, "correct")
    if len(answer) > _MAX_ANSWER:
        return Verdict(False, "too long: give one short answer")
    forms = [form for form in forms if len(form) <= _MAX_FORM]
    if not forms:
        return Verdict(False, "wrong answer")
    asked = question_words(text_of) if text_of else frozenset()
    kind = effective_kind(kind, forms[0])
    if kind in ("year", "number"):
        return grade_number(number_idioms(answer), forms, kind, asked)
    if kind in ("date", "month"):
        return grade_date(answer, forms, asked)
    if kind != "person":
        answer = undot(answer)
    if same_words(answer) in {same_words(form) for form in forms}:
        return Verdict(True, "correct")
    found = vocabulary(store)
    return _grade_text(answer, forms, kind, found, rivals, asked)


def infer_kind(expected: str) -> str:
    """The kind of answer ``expected`` is: "date", "month", "year", "number" or "text"."""
    text = _clean(expected)
    if len(text) > _MAX_FORM:
        return "text"
    read = read_dates(text)
    if read.dates and not read.other_words and all(d.month is not None for d in read.dates):
        return "date" if all(d.day is not None for d in read.dates) else "month"
    numbers = find_numbers(text)
    if len({number.value for number in numbers}) == 1:
        rest = [word for word in words(text) if not word.number and word.role != "stop"]
        if len(rest) <= 2:
            return "year" if numbers[0].is_year else "number"
    return "text"


def effective_kind(declared: str | None, expected: str) -> str:
    """The declared kind when the expected answer fits it, else the inferred one."""
    inferred = infer_kind(expected)
    if declared in ("year", "number"):
        return declared if inferred in ("year", "number") else inferred
    if declared in ("date", "month"):
        return declared if inferred in ("date", "month") else inferred
    if declared in ("person", "place", "organisation", "text"):
        return declared
    return inferred


def _clean(text: str) -> str:
    """NFKC text without control, format or unassigned characters, spaces collapsed."""
    text = unicodedata.normalize("NFKC", text)
    if not text.isprintable():  # rare: only then look at each character
        text = "".join(" " if unicodedata.category(char)[0] == "C" else char for char in text)
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class _Text:
    """What a text answer is graded against."""

    forms: list[str]
    form_words: list[tuple[Word, ...]]
    own: int
    """How many of the forms are the question's own (the rest are the names' variants)."""
    kind: str
    targets: tuple[Name, ...]
    """The names the expected answer is a form of."""
    rivals: list[tuple[str, tuple[Word, ...]]]
    """The article's other names: those that are no form of the answer (nor hold one)."""
    known: frozenset[str]
    """Words that stand for themselves, never a typo of another: those of the forms and rivals."""
    listed: bool
    """The answer joins its parts as a list does: a comma, "and", "&"."""
    forgiven: frozenset[str]
    """Words that may stand beside the answer: the question's and, for a person, titles."""
    generics: frozenset[str]
    """The kind words the answer may add ("city", "corporation")."""
    vocabulary: Vocabulary


def _grade_text(
    answer: str,
    forms: list[str],
    kind: str,
    found: Vocabulary,
    rivals: Sequence[str],
    asked: frozenset[str],
) -> Verdict:
    targets = tuple(dict.fromkeys(n for n in map(found.name_of, forms) if n is not None))
    named = found.name_of(answer)
    if named is not None and named in targets:
        return Verdict(True, f"correct: a known form of {named.name}")
    if (
        named is not None
        and (targets or kind in _NAME_KINDS)
        and not any(found.name_of(form) is named for form in forms)
    ):
        return Verdict(False, f"that is {named.name}, not {forms[0]}")
    own = len(forms)
    forms = list(dict.fromkeys([*forms, *(form for n in targets for form in n.forms)]))
    given = words(answer)
    form_words = [words(form) for form in forms]
    mine = [key_set(wanted) for wanted in form_words]
    others: list[tuple[str, tuple[Word, ...]]] = []
    entries = [(e.name.name, e.words, e.keys) for e in found.near(given) if e.name not in targets]
    for rival in rivals:
        if found.name_of(rival) is None:  # the vocabulary's names are there already
            split = words(rival)
            entries.append((rival, split, key_set(split)))
    for shown, split, keys in entries:
        if keys and not any(keys <= m or m <= keys for m in mine):
            others.append((shown, split))
    known = frozenset().union(*mine, found.keys, *(key_set(split) for _, split in others))
    listed = any(char in answer for char in ",;&") or any(w.key == "and" for w in given)
    forgiven = set(asked - found.keys - known) | (asked & frozenset().union(*mine))
    generics = set(_KIND_GENERICS.get(kind, ()))
    for target in targets:
        generics |= _KIND_GENERICS.get(target.kind, set())
        if target.kind == "person":
            forgiven |= _TITLE_WORDS | found.titled.get(target.name, frozenset())
    generics |= asked | frozenset().union(*mine)
    text = _Text(
        forms,
        form_words,
        own,
        kind,
        targets,
        others,
        known,
        listed,
        frozenset(forgiven),
        frozenset(generics),
        found,
    )
    if has_list_marker(given) and not any(has_list_marker(form) for form in form_words):
        parts = split_list(given)
        verdicts = [_grade_words(part, text) for part in parts]
        if len(parts) > 1 and not all(verdict.correct for verdict in verdicts):
            return Verdict(False, several(len(parts)))
        return verdicts[0] if verdicts else Verdict(False, "no answer")
    return _grade_words(given, text)


def _forgive(alignment: Alignment, text: _Text) -> Alignment:
    """The alignment without the extra words a judge lets stand: the question's, a title, a
    patronymic, or a wider place that holds the answer ("Kazan, Russia")."""
    if not alignment.extra:
        return alignment
    person = any(t.kind == "person" for t in text.targets)
    extra = [
        w
        for w in alignment.extra
        if not w.number
        and w.key not in text.forgiven
        and not (person and _PATRONYMIC.fullmatch(w.key))
    ]
    if extra and alignment.matched:
        place = " ".join(w.surface for w in extra)
        if any(text.vocabulary.wider(target, place) for target in text.targets):
            extra = []
    numbers = [w for w in alignment.extra if w.number]
    return replace(alignment, extra=(*numbers, *extra))


def _grade_words(given: Sequence[Word], text: _Text) -> Verdict:
    """Grade names and other text by aligning words; see the module docstring for the rules."""
    alignments = [_forgive(align(given, wanted, text.known), text) for wanted in text.form_words]
    order = range(len(alignments))
    at = min(order, key=lambda i: _rank(alignments[i]))
    best = alignments[at]
    within = [i for i in order if not alignments[i].extra and alignments[i].matched]
    short = [
        a
        for a in alignments
        if not a.missing and a.matched and not any(w.key in STATE_WORDS for w in a.extra)
    ]
    if not best.accepted and within and short:
        # Every word is of one form (the full name) and the words one form needs are there:
        # "Mittaphab Friendship Hospital" for "Mittaphab Russian-Lao Friendship Hospital".
        at = min(within, key=lambda i: alignments[i].cost)
        best = replace(alignments[at], missing=())
    others = [(rival, align(given, found, text.known)) for rival, found in text.rivals]
    named = [(a.cost, rival) for rival, a in others if a.accepted]
    expected = text.forms[0]
    if best.accepted:
        if named and min(named)[0] < best.cost:
            return Verdict(False, f"that is {min(named)[1]}, not {expected}")
        wrong = _wrong_shape(given, text.form_words[at], text)
        if wrong:
            return Verdict(False, wrong)
        known = f"{text.forms[at]} is a known form of {expected}" if at >= text.own else ""
        if best.typos:
            typos = "typos" if len(best.typos) > 1 else "a typo"
            also = f" ({known})" if known else ""
            return Verdict(True, f"accepted, with {typos}: {', '.join(best.typos)}{also}")
        return Verdict(True, f"correct: {known}" if known else "correct")
    if named:
        return Verdict(False, f"that is {min(named)[1]}, not {expected}")
    numbered = [w for wanted in text.form_words for w in wanted if w.number]
    if numbered and any(word.number for word in best.extra):
        wrong = "wrong year" if any(_is_year(w.key) for w in numbered) else "wrong number"
        return Verdict(False, wrong)
    swapped = _other_kind(best, text.form_words[at])
    if swapped:
        return Verdict(False, swapped)
    if best.extra and (best.matched or best.generic):
        return _extra_words(best, text)
    if best.extra:
        # All its words are of one rival, which lacks at most one: "Vladivostock" of
        # "Vladivostok"; not "bilateral" of a long declaration.
        near = [r for r, a in others if not a.extra and a.matched > len(a.missing)]
        return Verdict(False, f"that is {near[0]}, not {expected}" if near else "wrong answer")
    if not best.matched and best.generic:
        return Verdict(False, f"too vague: which {best.generic[-1].key}?")
    what = "name" if text.kind in _NAME_KINDS or text.targets else "answer"
    return Verdict(False, f"too vague: part of the {what} is missing")


def _other_kind(best: Alignment, wanted: Sequence[Word]) -> str | None:
    """ "wrong kind: a society is not a hospital" when only the kind word differs, else None."""
    if not best.matched or not best.extra or any(w.role != "generic" for w in best.extra):
        return None
    had = {w.key for w in best.generic}
    kinds = [w for w in significant(wanted) if w.role == "generic" and w.key not in had]
    if not kinds:
        return None
    return f"wrong kind: {_a(best.extra[0].surface)} is not {_a(kinds[-1].surface)}"


def _a(noun: str) -> str:
    """ "a hospital", "an association"."""
    noun = noun.lower()
    return f"an {noun}" if noun[:1] in "aeiou" else f"a {noun}"


def _rank(alignment: Alignment) -> tuple[bool, int, int]:
    """Accepted alignments first, then those with the fewest words wrong, then fewest edits."""
    size = len(alignment.missing) + len(alignment.extra)
    return not alignment.accepted, size, alignment.cost


def _wrong_shape(given: Sequence[Word], wanted: Sequence[Word], text: _Text) -> str | None:
    """Why an answer whose words all match is still wrong: another kind word ("a society is not
    a hospital"), "X of Y" read backwards, or an initial that is none of the name's."""
    kinds = [w for w in significant(wanted) if w.role == "generic"] or [
        w for form in text.form_words for w in significant(form) if w.role == "generic"
    ]
    added = [
        w
        for w in significant(given)
        if w.role == "generic"
        and w.key not in text.generics
        and w.key not in text.forgiven
        and w.key not in STATE_WORDS  # matched, or of a wider place: "the Russian Federation"
    ]
    if added:
        if kinds:
            return f"wrong kind: {_a(added[0].surface)} is not {_a(kinds[-1].surface)}"
        return f"not part of the answer: {' '.join(w.surface for w in added)}"
    if _backwards(given, wanted):
        return "the words are in the wrong order"
    if any(t.kind == "person" for t in text.targets):
        letters = {w.key[0] for f in text.form_words for w in f if w.key}
        wrong = [w for w in given if len(w.key) == 1 and w.key.isalpha() and w.key not in letters]
        if wrong and len(wrong) < len(significant(given)):
            return f"wrong initial: {wrong[0].surface}"
    return None


def _backwards(given: Sequence[Word], wanted: Sequence[Word]) -> bool:
    """Whether "X of Y" was answered "Y of X": a word before "of" that belongs after it."""

    def halves(found: Sequence[Word]) -> tuple[set[str], set[str]] | None:
        keys = [w.key for w in found]
        if "of" not in keys:
            return None
        at = keys.index("of")
        before = {w.key for w in significant(found[:at])}
        after = {w.key for w in significant(found[at + 1 :])}
        return (before, after) if before and after else None

    mine, theirs = halves(given), halves(wanted)
    if mine is None or theirs is None:
        return False
    return bool(mine[0] & (theirs[1] - theirs[0]) or mine[1] & (theirs[0] - theirs[1]))


def _extra_words(best: Alignment, text: _Text) -> Verdict:
    """Why an answer that has some of the expected words, and others, is wrong."""
    extras = " ".join(word.surface for word in best.extra)
    for rival, found in text.rivals:
        of_rival = align(best.extra, found, text.known)
        if of_rival.extra:
            continue
        if text.listed and (text.kind == "place" or any(t.group == "place" for t in text.targets)):
            break  # "Kazan, China": may say where the place is, but that is not the answer
        if text.listed or of_rival.accepted:
            return Verdict(False, "two different answers given")
        # "Thongsavanh Sisoulith": one name made of two people's names
        return Verdict(False, f"not part of the answer: {extras}, as in {rival}")
    if best.missing:
        return Verdict(False, "wrong answer")
    return Verdict(False, f"not part of the answer: {extras}")


def _is_year(key: str) -> bool:
    return len(key) == 4 and key.isdigit() and 1000 <= int(key) <= 2999
