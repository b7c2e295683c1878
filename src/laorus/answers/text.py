"""Grade names and other text: align the answer's words with each accepted form's.

The rules are in the docstring of laorus.answers.grade, which calls grade_text.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence, Set
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from laorus.answers.context import DEGREES, INTENSIFIERS, says_number
from laorus.answers.dates_numbers import Verdict, several
from laorus.answers.names import Vocabulary
from laorus.answers.words import (
    RANK_WORDS,
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
from laorus.store.model import LISTED_NAME_KINDS
from laorus.text import forms as word_forms
from laorus.text.spelling import word_cost
from laorus.text.words import fold, same_words

if TYPE_CHECKING:
    from laorus.store.model import Name

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


@dataclass(frozen=True, slots=True)
class _Text:
    """What a text answer is graded against."""

    forms: list[str]
    form_words: list[tuple[Word, ...]]
    own: int
    """How many of the forms are the question's own (the rest are the names' variants)."""
    plain: int
    """How many of the forms are the question's and the names' own (the rest hold a name
    written in another of its forms: "Eastern Economic Forum 2025" for "EEF 2025")."""
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
    asked: frozenset[str]
    """The question's words."""
    beside: frozenset[str]
    """The question's words that may stand beside the answer: those the article has next to
    it, when the caller says which."""
    vocabulary: Vocabulary

    @property
    def phrase(self) -> bool:
        """Whether the answer names nothing: no name's form, and no name kind declared."""
        return not self.targets and self.kind not in LISTED_NAME_KINDS


def grade_text(
    answer: str,
    forms: list[str],
    kind: str,
    found: Vocabulary,
    rivals: Sequence[str],
    asked: frozenset[str],
    near: frozenset[str] | None = None,
) -> Verdict:
    """Grade a name or other text; ``near`` (the words beside the answer in the article's
    sentence, when known) limits the question's words that may stand beside an answer that
    names nothing to those: "the Ukrainian crisis" is in the question, but "balanced crisis"
    is no position."""
    targets = tuple(dict.fromkeys(n for n in map(found.name_of, forms) if n is not None))
    phrase = not targets and kind not in LISTED_NAME_KINDS
    beside = asked & near if near is not None and phrase else asked

    def named(part: str) -> Verdict | None:
        """The verdict on an answer (or one guess of a list) that is a name's form, if it is."""
        name = found.name_of(part)
        if name is not None and name in targets:
            return Verdict(True, f"correct: a known form of {name.name}")
        if (
            name is not None
            and (targets or kind in LISTED_NAME_KINDS)
            and not any(found.name_of(form) is name for form in forms)
        ):
            return Verdict(False, f"that is {name.name}, not {forms[0]}")
        return None

    whole = named(answer)
    if whole is not None:
        return whole
    own = len(forms)
    inside = [other for form in forms for other in found.inside(form)]
    forms = list(dict.fromkeys([*forms, *(form for n in targets for form in n.forms)]))
    plain = len(forms)
    forms = list(dict.fromkeys([*forms, *inside]))
    given = words(answer)
    notes: list[str] = []
    if not targets and kind not in LISTED_NAME_KINDS:
        given, notes = _as_phrase(given, [words(form) for form in forms], found.keys, asked)
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
    forgiven = set(beside - found.keys - known) | (asked & frozenset().union(*mine))
    generics = set(_KIND_GENERICS.get(kind, ()))
    for target in targets:
        generics |= _KIND_GENERICS.get(target.kind, set())
        if target.kind == "person":
            forgiven |= _TITLE_WORDS | found.titled.get(target.name, frozenset())
            # The words of the person's own forms, mixed: "Sergei Viktorovich Lavrov".
            forgiven |= frozenset().union(*(key_set(words(form)) for form in target.forms))
    generics |= asked | frozenset().union(*mine)
    text = _Text(
        forms,
        form_words,
        own,
        plain,
        kind,
        targets,
        others,
        known,
        listed,
        frozenset(forgiven),
        frozenset(generics),
        asked,
        beside,
        found,
    )
    if has_list_marker(given) and not any(has_list_marker(form) for form in form_words):
        parts = split_list(given)
        # Each guess is judged as if given alone: "Geneva or Geneva Conference" names the city.
        verdicts = [
            named(" ".join(w.surface for w in part)) or _grade_words(part, text) for part in parts
        ]
        if len(parts) > 1 and not all(verdict.correct for verdict in verdicts):
            return Verdict(False, several(len(parts)))
        return verdicts[0] if verdicts else Verdict(False, "no answer")
    verdict = _grade_words(given, text)
    if verdict.correct and notes:
        also = "; ".join(notes)
        reason = f"accepted: {also}" if verdict.reason == "correct" else f"{verdict.reason}; {also}"
        return Verdict(True, reason)
    return verdict


def _as_phrase(
    given: Sequence[Word],
    form_words: Sequence[Sequence[Word]],
    names: frozenset[str],
    asked: frozenset[str],
) -> tuple[tuple[Word, ...], list[str]]:
    """The words of an answer that names nothing, as a judge reads them: without a word that
    only stresses ("very generous", unless the answer says how much: "quite modest"), without a
    "one" that stands for the noun ("an independent one"), and with a word written in another
    form of an expected or asked word ("Buddhism", "unanimous", "partner", "voted") read as
    that word. Returns the words and a note for each other form read."""
    expected = [w for form in form_words for w in form if w.role == "word" and not w.number]
    keys = {w.key for w in expected}
    degree = any(w.key in DEGREES for form in form_words for w in form)
    kept: list[Word] = []
    notes: list[str] = []
    for at, word in enumerate(given):
        if word.key in INTENSIFIERS and not degree:
            continue
        before = given[at - 1] if at else None
        if (
            word.number
            and fold(word.surface) in ("one", "ones")
            and before is not None
            and not before.number
            and before.role in ("word", "generic")
        ):
            continue
        if word.role == "word" and not word.number and word.key not in keys | names | asked:
            same = next((w for w in expected if _other_form(word, w)), None)
            if same is not None:
                if word_cost(word.key, same.key) != 0:  # a plural is the word itself
                    notes.append(f"{word.surface} is another form of {same.surface}")
                word = replace(word, key=same.key)
            else:
                base = root(fold(word.surface))
                said = next((key for key in asked if root(key) == base), None)
                word = replace(word, key=said) if said else word
        kept.append(word)
    return tuple(kept), list(dict.fromkeys(notes))


@functools.lru_cache(maxsize=8192)
def root(key: str) -> str:
    """A word's root: its stem without a suffix that makes another noun of it ("partnership",
    "Buddhism" and "Buddhist" give "partner" and "buddh"), so that two forms of a word meet."""
    found = word_forms.stem(key)
    for suffix in ("ship", "ism", "ist"):
        if found.endswith(suffix) and len(found) - len(suffix) >= 4:
            # The stem of what is left: "colonialist" meets "colonial" ("coloni").
            return word_forms.stem(found[: -len(suffix)])
    return found


_SUFFIXES = frozenset(
    {"", "s", "ism", "isms", "ist", "ists", "ence", "ent", "ance", "ant", "ous", "ously", "ly"}
    | {"ship", "ships", "al", "ally", "ic", "ical", "ed", "ing", "e", "es", "ion", "ions"}
    | {"ation", "ations"}
)
"""Endings that make another form of one word: "Buddhism" and "Buddhist", "unanimous(ly)"."""


def _other_form(word: Word, other: Word) -> bool:
    """Whether two words are forms of one word: one root, and they differ only by the endings
    that make word forms ("independence", "independent"), not by a typo ("neutrallity")."""
    mine, theirs = fold(word.surface), fold(other.surface)
    if root(mine) != root(theirs):
        return False
    size = min(len(mine), len(theirs))
    common = next((at for at in range(size) if mine[at] != theirs[at]), size)
    return any(
        mine[at:] in _SUFFIXES
        and theirs[at:] in _SUFFIXES
        and frozenset({mine[at:], theirs[at:]}) not in _NOT_FORMS
        for at in range(common, 2, -1)
    )


_NOT_FORMS = frozenset(
    {frozenset({"ed", "ing"}), frozenset({"ant", "ent"}), frozenset({"ance", "ence"})}
)
"""Pairs of endings that make no other form of one word: "trained personnel" are people,
"personnel training" is teaching them ("developed" and "developing" countries); "independant"
is "independent" mistyped."""


def _forgive(
    alignment: Alignment, text: _Text, given: Sequence[Word], wanted: Sequence[Word]
) -> Alignment:
    """The alignment without the extra words a judge lets stand: the question's, a title, or a
    wider place that holds the answer ("Kazan, Russia"); and, for an answer that names nothing,
    without the missing words that the question says itself ("partner" for "What status ...?",
    whose answer is "partner status"), as long as the answer has the expected answer's own."""
    if alignment.missing and text.phrase and not text.listed:
        own = [w for w in alignment.missing if w.key not in text.asked]
        if len(own) < len(alignment.missing) and any(
            w.role == "word" and w.key not in text.asked for w in significant(wanted)
        ):
            alignment = replace(alignment, missing=tuple(own))
    if not alignment.extra:
        return alignment
    # A patronymic is no title: it is forgiven only as part of a known form ("Vladimir
    # Vladimirovich Putin"), never guessed from its ending ("Vladimir Ivanovich Putin").
    extra = [w for w in alignment.extra if not w.number and w.key not in text.forgiven]
    said = [w for w in extra if w.key in text.beside]
    # Beside an answer that names nothing, the question's names restate it ("Laos's
    # neutrality", "the neutrality of Laos", "SCO partner"); beside a name, only a phrase does.
    if said and not text.listed and (text.phrase or _restates(given, text)):
        extra = [w for w in extra if w not in said]
    if extra and alignment.matched:
        place = " ".join(w.surface for w in extra)
        if any(text.vocabulary.wider(target, place) for target in text.targets):
            extra = []
    numbers = [w for w in alignment.extra if w.number and not says_number(w, text.asked)]
    return replace(alignment, extra=(*numbers, *extra))


def _restates(given: Sequence[Word], text: _Text) -> bool:
    """Whether the answer repeats a phrase of the question that names a name: two or more words
    in a row, all the question's, one of them a name's and one no name's ("the BRICS summit in
    Kazan", "Days of Vientiane in Moscow"). Such a name is the question restated, not a second
    answer; a name alone beside the answer ("Vientiane Moscow") or in a list still is one."""
    run: list[Word] = []
    for word in [*significant(given), None]:
        if word is not None and word.key in text.asked:
            run.append(word)
            continue
        names = [w.key in text.vocabulary.keys for w in run]
        if len(run) >= 2 and any(names) and not all(names):
            return True
        run = []
    return False


def _grade_words(given: Sequence[Word], text: _Text) -> Verdict:
    """Grade names and other text by aligning words; see the module docstring for the rules."""
    alignments = [
        _forgive(align(given, wanted, text.known), text, given, wanted)
        for wanted in text.form_words
    ]
    order = range(len(alignments))
    at = min(order, key=lambda i: _rank(alignments[i]))
    best = alignments[at]
    within = [
        i
        for i in order
        if not alignments[i].extra
        and alignments[i].matched
        and _in_order(given, text.form_words[i])
    ]
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
        if named and min(named)[0] == best.cost:
            # "Russian-Lao Friendship": the hospital's name as much as the society's
            return Verdict(False, f"too vague: {expected} or {min(named)[1]}?")
        fitting = [text.form_words[i] for i in order if alignments[i].accepted] or [
            text.form_words[at]
        ]
        wrong = _wrong_title(given, text) or _wrong_shape(given, text.form_words[at], text)
        if wrong == _WRONG_ORDER and any(
            "of" in {w.key for w in f} and not _backwards(given, f) and _in_order(given, f)
            for f in fitting
        ):
            wrong = None  # "Council of Heads of State of the SCO": in the order of another form
        if wrong:
            return Verdict(False, wrong)
        if not text.targets and all(_bare_modifier(given, f, text.asked) for f in fitting):
            return _part_missing(text)
        # A form with a name's other form inside is not quoted: "constituent entities of the
        # Russia" was never written.
        known = f"{text.forms[at]} is a known form of {expected}" if at >= text.own else ""
        if at >= text.plain and [w.key for w in text.form_words[at]] != [w.key for w in given]:
            known = f"a known form of {expected}"
        if same_words(text.forms[at]) == same_words(expected):
            known = ""  # the expected answer itself, found inside another form
        if best.typos:
            typos = "typos" if len(best.typos) > 1 else "a typo"
            also = f" ({known})" if known else ""
            return Verdict(True, f"accepted, with {typos}: {', '.join(best.typos)}{also}")
        return Verdict(True, f"correct: {known}" if known else "correct")
    if _only_a_title(given, text):
        return Verdict(False, "a title, not a name: give the person's name")
    if named:
        return Verdict(False, f"that is {min(named)[1]}, not {expected}")
    numbered = [w for wanted in text.form_words for w in wanted if w.number]
    typed = [word for word in best.extra if word.number]
    if numbered and typed:
        # A year for a year ("Great Patriotic War of 1942"); a number that is no year ("1/9")
        # beside a name whose form has one is no wrong year, just no answer.
        years = any(_is_year(w.key) for w in numbered)
        if not years or any(_is_year(w.key) for w in typed):
            return Verdict(False, "wrong year" if years else "wrong number")
        if not best.matched:
            return Verdict(False, "wrong answer")
    swapped = _other_kind(best, text.form_words[at])
    if swapped:
        return Verdict(False, swapped)
    if best.extra and (best.matched or best.generic):
        return _extra_words(given, best, text)
    adjective = _adjective(given, text) if len(significant(given)) == 1 else None
    if adjective and any(t.group == "place" for t in text.targets):
        return Verdict(False, f"{adjective} describes {expected} but does not name it")
    if best.extra:
        # All its words are of one rival, which lacks at most one: "Vladivostock" of
        # "Vladivostok"; not "bilateral" of a long declaration.
        near = [r for r, a in others if not a.extra and a.matched > len(a.missing)] or [
            # the words left once the question's are forgiven: "the BRICS summit in Moscow"
            r
            for r, found in text.rivals
            if align(best.extra, found, text.known).accepted
        ]
        return Verdict(False, f"that is {near[0]}, not {expected}" if near else "wrong answer")
    if not best.matched and best.generic:
        return Verdict(False, f"too vague: which {best.generic[-1].surface.lower()}?")
    raw = align(given, text.form_words[at], text.known)
    mine = {w.key for form in text.form_words for w in form}
    if any(w not in best.extra and w.key in text.asked - mine for w in raw.extra):
        # The words that complete it are the question's, not the answer's: it is another
        # thing the question names ("American" for French; "Russian universities" for the
        # Government of the Russian Federation), not a vague form of the answer.
        said = " ".join(w.surface for w in given)
        return Verdict(False, f"that is {said}, not {expected}")
    return _part_missing(text)


_TITLE_SHORT = {
    "pm": frozenset({"prime", "minister"}),
    "premier": frozenset({"prime", "minister"}),
    "fm": frozenset({"minister"}),
    "vp": frozenset({"vice", "president"}),
}
"""A title's short form and the rank words it stands for ("FM": the foreign minister)."""


def _wrong_title(given: Sequence[Word], text: _Text) -> str | None:
    """Why a person's name beside a title is wrong: its rank words are those of none of the
    article's titles for them ("Prime Minister Thongloun Sisoulith", "President Pany Yathotou",
    who is Vice President). A name a draft guessed is not judged so."""
    people = [t for t in text.targets if t.kind == "person"]
    if not people or any(p.guessed or not p.titles for p in people):
        return None
    ranks: set[str] = set()
    for word in given:
        ranks |= _TITLE_SHORT.get(word.key, {word.key} if word.key in RANK_WORDS else set())
    if not ranks:
        return None
    theirs = [
        frozenset(w.key for w in words(title) if w.key in RANK_WORDS)
        for person in people
        for title in person.titles
    ]
    return None if frozenset(ranks) in theirs else f"wrong title for {text.forms[0]}"


def _only_a_title(given: Sequence[Word], text: _Text) -> bool:
    """Whether an answer for a person says only a title of theirs ("Lao Foreign Minister",
    "President of Laos", "General Secretary"): no word of the name, and every word one of a
    title, of a country, or of the question."""
    people = [t for t in text.targets if t.kind == "person"]
    if not people:
        return False
    names = {key for person in people for form in person.forms for key in key_set(words(form))}
    titles = {key for person in people for title in person.titles for key in key_set(words(title))}
    said = [w for w in given if w.role != "or"]
    if not said or any(w.key in names for w in said):
        return False
    titled = [w for w in said if w.key in titles | _TITLE_WORDS or w.key in _TITLES]
    if not titled:
        return False
    others = {
        w.key
        for rival, found in text.rivals
        if (name := text.vocabulary.name_of(rival)) is not None and name.kind == "person"
        for w in found
    }
    return all(
        w.role == "stop"
        or w.key in titles | _TITLE_WORDS | (text.asked - others)
        or _a_country(w.surface, text)
        for w in said
    )


_TITLES = RANK_WORDS | {"premier"}
"""The title words that are stop words (they never decide a name)."""


def _a_country(surface: str, text: _Text) -> bool:
    found = text.vocabulary.name_of(surface)
    return found is not None and found.kind == "country"


def _in_order(given: Sequence[Word], wanted: Sequence[Word]) -> bool:
    """Whether the answer's words that the expected answer has come in its order: "Mittaphab
    Friendship Hospital" is the Mittaphab Russian-Lao Friendship Hospital shortened; "Russia,
    Mittaphab Hospital" is not."""
    place = _positions(wanted)
    found = [place[w.key] for w in significant(given) if w.key in place]
    return found == sorted(found)


def _positions(wanted: Sequence[Word]) -> dict[str, int]:
    """Where each word of the expected answer first stands among the words that count."""
    place: dict[str, int] = {}
    for where, word in enumerate(significant(wanted)):
        place.setdefault(word.key, where)
    return place


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
    # Said with a consonant: "a university", "a union", "a European...", "a one-party state".
    sound = noun[:1] in "aeiou" and not noun.startswith(("uni", "use", "usu", "eu", "one"))
    return f"an {noun}" if sound else f"a {noun}"


def _rank(alignment: Alignment) -> tuple[bool, int, int]:
    """Accepted alignments first, then those with the fewest words wrong, then fewest edits."""
    size = len(alignment.missing) + len(alignment.extra)
    return not alignment.accepted, size, alignment.cost


def _wrong_shape(given: Sequence[Word], wanted: Sequence[Word], text: _Text) -> str | None:
    """Why an answer whose words all match is still wrong: another kind word ("a society is not
    a hospital"), "X of Y" read backwards, or an initial that is none of the name's."""
    plain = text.form_words[: text.plain]
    kinds = [w for w in significant(wanted) if w.role == "generic"] or [
        w for form in plain for w in significant(form) if w.role == "generic"
    ]
    added = [
        w
        for w in significant(given)
        if w.role == "generic"
        and w.key not in text.generics
        and w.key not in text.forgiven
        and w.key not in STATE_WORDS  # matched, or of a wider place: "the Russian Federation"
    ]
    if added and text.targets:
        # The kind word of a wider place named in full: "Paek in Xiengkhouang province".
        have = key_set(given)
        held = {
            key
            for target in text.targets
            for wider in text.vocabulary.wider_names(target)
            for form in wider.forms
            if (keys := key_set(words(form))) <= have
            for key in keys
        }
        added = [w for w in added if w.key not in held]
    if added:
        if kinds:
            return f"wrong kind: {_a(added[0].surface)} is not {_a(kinds[-1].surface)}"
        return f"not part of the answer: {' '.join(w.surface for w in added)}"
    adjective = _demonym(given, wanted, text)
    if adjective:
        return f"{adjective} describes {text.forms[0]} but does not name it"
    if _backwards(given, wanted):
        return _WRONG_ORDER
    if any(t.kind == "person" for t in text.targets):
        letters = {w.key[0] for f in text.form_words for w in f if w.key}
        wrong = [w for w in given if len(w.key) == 1 and w.key.isalpha() and w.key not in letters]
        if wrong and len(wrong) < len(significant(given)):
            return f"wrong initial: {wrong[0].surface}"
    return None


_DEMONYM_ENDINGS = ("n", "an", "ian", "ese", "ish", "i")


def _demonym(given: Sequence[Word], wanted: Sequence[Word], text: _Text) -> str | None:
    """The word of the answer that says "of the country" without the state word its form needs:
    "Russian" matches "Russian Federation" with "Federation" left out, but names no country."""
    have = {w.key for w in given}
    if not any(w.key in STATE_WORDS and w.key not in have for w in wanted):
        return None
    return _adjective(given, text)


def _adjective(given: Sequence[Word], text: _Text) -> str | None:
    """The word of the answer that is the adjective of a target's name ("Russian", "Chinese")."""
    stems = {
        key[:-1] if key[-1:] in "aeiouy" else key
        for target in text.targets
        for form in target.forms
        if len(keys := key_set(words(form))) == 1  # the name itself, not "Indo-China"
        for key in keys
        if len(key) >= 4
    }
    for word in significant(given):
        for stem in stems:
            rest = word.key[len(stem) :]
            ending = rest.removesuffix("s").lstrip("a")  # "Russians" too
            if word.key.startswith(stem) and rest and ending in _DEMONYM_ENDINGS:
                return word.surface
    return None


_WRONG_ORDER = "the words are in the wrong order"


def _backwards(given: Sequence[Word], wanted: Sequence[Word]) -> bool:
    """Whether "X of Y" was answered "Y of X": a word before the answer's "of" that the
    expected answer has after a word the answer has after its "of"."""
    keys = [w.key for w in given]
    if "of" not in keys:
        return False
    at = keys.index("of")
    place = _positions(wanted)
    before = [place[w.key] for w in significant(given[:at]) if w.key in place]
    after = [place[w.key] for w in significant(given[at + 1 :]) if w.key in place]
    if "of" not in [w.key for w in wanted] or not before or not after:
        return False
    return max(before) > min(after)


def _extra_words(given: Sequence[Word], best: Alignment, text: _Text) -> Verdict:
    """Why an answer that has some of the expected words, and others, is wrong."""
    extras = " ".join(word.surface for word in best.extra)
    if best.matched and all(w.key in STATE_WORDS for w in best.extra):
        # "Republic of China": the state word makes it another state, not a word too many
        said = " ".join(w.surface for w in given)
        return Verdict(False, f"{said} is not {text.forms[0]}")
    for rival, found in text.rivals:
        of_rival = align(best.extra, found, text.known)
        if of_rival.extra:
            continue
        if text.listed and (text.kind == "place" or any(t.group == "place" for t in text.targets)):
            break  # "Kazan, China": may say where the place is, but that is not the answer
        other = text.vocabulary.name_of(rival)
        if (
            other is not None
            and not text.listed
            and text.targets
            and all(t.group != other.group for t in text.targets)
        ):
            break  # "President Vladimir Putin of China": a wrong place, not a second person
        # Beside an answer that names nothing, a name's word is part of one answer that is
        # wrong ("Russian pilots"), not a second answer.
        if text.listed or (of_rival.accepted and not text.phrase):
            return Verdict(False, "two different answers given")
        have = {w.key for w in given}
        near = {w.key[:1] for f in text.form_words for w in significant(f) if w.key not in have}
        if (other is not None and other.kind == "person") or any(
            w.key[:1] in near for w in best.extra
        ):
            # "Thongsavanh Sisoulith": one name made of two people's names; "Rosatom State
            # Cooperation": a near miss that is another name's word, so no typo
            also = f", as in {rival}" if fold(rival) != fold(extras) else ""
            return Verdict(False, f"not part of the answer: {extras}{also}")
    if best.missing and all(
        w.key in {f.key for form in text.form_words for f in form} for w in best.extra
    ):
        # Every word is the answer's, of another of its forms, and some are missing: "Trade
        # Commission" of the Intergovernmental Commission on Trade, Economic... Cooperation.
        return _part_missing(text)
    # Some words are right, these are not: "Eastern European Forum" is missing "Economic" too,
    # but "European" is what makes it another forum.
    return Verdict(False, f"not part of the answer: {extras}")


def _part_missing(text: _Text) -> Verdict:
    """Too vague: an answer that says part of the expected one (a name's, or a phrase's)."""
    what = "name" if text.kind in LISTED_NAME_KINDS or text.targets else "answer"
    return Verdict(False, f"too vague: part of the {what} is missing")


def _bare_modifier(given: Sequence[Word], wanted: Sequence[Word], asked: Set[str]) -> bool:
    """Whether the answer leaves out the kind word of a phrase that is no name ("business" for
    "business forum", "Russian-Lao" for "first Russian-Lao school"): too vague there, unlike
    beside a name ("Mittaphab" for Mittaphab Hospital; the caller asks only of a phrase that is
    no name), or when the question says the kind ("What kind of forum...")."""
    have = {word.key for word in given}
    left_out = [w for w in wanted if w.role == "generic" and w.key not in have | asked]
    return bool(left_out and any(w.role == "word" and not w.number for w in wanted))


def _is_year(key: str) -> bool:
    return len(key) == 4 and key.isdigit() and 1000 <= int(key) <= 2999
