"""Read the numbers an answer names, from digits ("1,000", "3rd", "1970s") and English words.

Words are read as people say them: "one hundred and five", "a thousand", "third", "sixty-fifth",
and years said in pairs, "nineteen seventy-five", "twenty twenty-five", "nineteen oh five".
Libraries for number words were tried first: text2num 3.1 and number-parser 0.3 read "nineteen
seventy-five" as two numbers (19 and 75) and word2number 1.1 reads it as 1335, so this is a small
parser of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from fractions import Fraction


def _listed(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_UNITS = _listed("zero one two three four five six seven eight nine")
_TEENS = _listed("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen")
_TENS = _listed("twenty thirty forty fifty sixty seventy eighty ninety")
_ORDINAL_UNITS = _listed("zeroth first second third fourth fifth sixth seventh eighth ninth")
_ORDINAL_TEENS = _listed(
    "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
    "nineteenth"
)
_ORDINAL_TENS = _listed(
    "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth"
)
_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}

# word -> (value, role, ordinal); roles: "unit" 0-9, "teen" 10-19, "tens" 20-90, "scale".
_WORDS: dict[str, tuple[int, str, bool]] = {}
for _i, _w in enumerate(_UNITS):
    _WORDS[_w] = (_i, "unit", False)
    _WORDS[_ORDINAL_UNITS[_i]] = (_i, "unit", True)
for _i, _w in enumerate(_TEENS):
    _WORDS[_w] = (10 + _i, "teen", False)
    _WORDS[_ORDINAL_TEENS[_i]] = (10 + _i, "teen", True)
for _i, _w in enumerate(_TENS):
    _WORDS[_w] = (20 + 10 * _i, "tens", False)
    _WORDS[_ORDINAL_TENS[_i]] = (20 + 10 * _i, "tens", True)
for _w, _v in _SCALES.items():
    _WORDS[_w] = (_v, "scale", False)
    _WORDS[_w + "th"] = (_v, "scale", True)
# Common misspellings of number words, read as meant; other typos are not guessed, since a
# near miss may be another number ("sixty" and "sixth").
_MISSPELT = {
    "fourty": "forty",
    "fourtieth": "fortieth",
    "ninty": "ninety",
    "nintieth": "ninetieth",
    "nineth": "ninth",
    "twelth": "twelfth",
    "eigth": "eighth",
    "hundered": "hundred",
    "hudred": "hundred",
    "thousend": "thousand",
}
for _wrong, _right in _MISSPELT.items():
    _WORDS[_wrong] = _WORDS[_right]
_SCALES.update({"hundered": 100, "hudred": 100, "thousend": 1000})
NUMBER_WORDS = frozenset(_WORDS)
"""Every word that is a number by itself ("five", "fifth", "hundred"), misspellings included."""
# "oh" and "nought" are digits only inside a spoken year ("nineteen oh five").
_ZEROS = ("oh", "nought")

_DIGITS = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:,\d{3})+(?![\d,]\d)|\d+\.\d+(?![.,]?\d)|\d+)"
    r"(?:(st|nd|rd|th)|('?s))?(?!\w)"
)
_SCALE_AFTER = re.compile(r"\s+(hundred|thousand|million|billion)\b", re.IGNORECASE)
_BARE_DIGITS = re.compile(r"\d+")
_MAX_DIGITS = 30
"""Longer runs of digits are no number a person means (and Python limits int() to 4300)."""
_WORD = re.compile(r"[^\W\d_]+")
# Between two words of one number: spaces or a hyphen, optionally "and" ("one hundred and five").
_JOIN = re.compile(r"\s*-\s*|\s+(?:and\s+)?")


@dataclass(frozen=True, slots=True)
class Number:
    """A number named in a text: its value, where it is, and how it was written."""

    value: Fraction
    start: int
    end: int
    ordinal: bool = False
    decade: bool = False
    """Written as a decade ("1970s"): not one year."""
    digits: int = 0
    """How many digits it was written with; 0 when written in words."""
    grouped: bool = False
    """Written with thousands separators ("1,000"): a quantity, not a year."""

    @property
    def is_year(self) -> bool:
        """Whether it can stand for a year: a whole number written with four digits or words."""
        whole = self.value.denominator == 1 and 1000 <= self.value <= 2999
        plain = not (self.ordinal or self.decade or self.grouped)
        return whole and plain and self.digits in (0, 4)


def find_numbers(text: str) -> list[Number]:
    """Every number the text names, in order, read from digits and from number words."""
    found = [*_digit_numbers(text), *_word_numbers(text)]
    found.sort(key=lambda number: number.start)
    return found


def _digit_numbers(text: str) -> list[Number]:
    found: list[Number] = []
    for match in _DIGITS.finditer(text):
        raw, ordinal, plural = match.groups()
        if len(raw) > _MAX_DIGITS:
            continue
        value = Fraction(raw.replace(",", ""))
        decade = plural is not None and value.denominator == 1 and value % 10 == 0
        digits = sum(char.isdigit() for char in raw)
        end = match.end()
        scale = _SCALE_AFTER.match(text, end)
        if scale is not None and ordinal is None and plural is None:  # "100 thousand"
            value *= _SCALES[scale.group(1).lower()]
            end, digits = scale.end(), 0
        grouped = "," in raw
        found.append(
            Number(value, match.start(), end, ordinal is not None, decade, digits, grouped)
        )
    # Digits glued to letters ("100km", "3x") still name a number.
    for match in _BARE_DIGITS.finditer(text):
        if len(match.group()) > _MAX_DIGITS:
            continue
        if not any(n.start <= match.start() < n.end for n in found):
            digits = len(match.group())
            found.append(Number(Fraction(match.group()), match.start(), match.end(), digits=digits))
    found.sort(key=lambda number: number.start)
    return _short_range_ends(text, found)


def _short_range_ends(text: str, found: list[Number]) -> list[Number]:
    """Read "2023-24" and "2023/24" as 2023 to 2024: the end keeps the start's century.

    Only a later year counts, so that "2025-06" (June 2025 in ISO form) stays 2025 and 6.
    """
    done: list[Number] = []
    for number in found:
        before = done[-1] if done else None
        if (
            before is not None
            and before.is_year
            and number.digits == 2
            and number.start == before.end + 1
            and text[before.end] in "-–/"
            and not (number.ordinal or number.decade)
        ):
            century, low = divmod(int(before.value), 100)
            if number.value > low:
                number = replace(number, value=Fraction(century * 100) + number.value, digits=4)
        done.append(number)
    return done


def _word_numbers(text: str) -> list[Number]:
    """Runs of adjacent number words, each read into one or more numbers."""
    found: list[Number] = []
    run: list[tuple[str, int, int]] = []
    for match in _WORD.finditer(text):
        word = match.group().lower()
        if word == "and" and run:  # "one hundred and five": _JOIN decides at the next word
            continue
        joined = bool(run) and _JOIN.fullmatch(text[run[-1][2] : match.start()]) is not None
        is_part = (
            word in _WORDS
            or (word == "a" and _next_word_is_scale(text, match.end()))
            or (word in _ZEROS and joined)
        )
        if run and not (is_part and joined):
            found.extend(_read_run(run))
            run = []
        if is_part:
            run.append((word, match.start(), match.end()))
    if run:
        found.extend(_read_run(run))
    return found


def _next_word_is_scale(text: str, end: int) -> bool:
    following = _WORD.match(text, end + 1)
    return following is not None and following.group().lower() in _SCALES


def _read_run(run: list[tuple[str, int, int]]) -> list[Number]:
    """Read a run of number words; a run may name several numbers ("two three") or a year."""
    numbers: list[Number] = []
    i = 0
    while i < len(run):
        value, used, ordinal = _read_cardinal(run, i)
        if used == 0:  # a stray "a", "oh" or scale word: not a number by itself
            i += 1
            continue
        year = _read_year_pair(run, i, value, used, ordinal)
        if year is not None:
            value, used, ordinal = year
        end = i + used
        # "the third one": "one" after an ordinal is a pronoun, not a number.
        if not (numbers and numbers[-1].ordinal and used == 1 and run[i][0] == "one"):
            numbers.append(Number(Fraction(value), run[i][1], run[end - 1][2], ordinal))
        i = end
    return numbers


def _read_cardinal(run: list[tuple[str, int, int]], start: int) -> tuple[int, int, bool]:
    """The longest well-formed number from run[start]: (value, words used, ordinal)."""
    total = current = used = 0
    last = ""
    smallest_scale = 10**12
    for offset, (word, _, _) in enumerate(run[start:]):
        if word == "a":
            if last:
                break
            current, last = 1, "a"
            continue
        if word not in _WORDS:
            break
        value, role, ordinal = _WORDS[word]
        if role == "unit":
            if last not in ("", "tens", "hundred", "scale") or (last == "tens" and current % 10):
                break
            current += value
        elif role in ("teen", "tens"):
            if last not in ("", "hundred", "scale"):
                break
            current += value
        elif value == 100:
            if last not in ("unit", "teen", "tens", "a") or not 1 <= current < 100:
                break
            current *= 100
            role = "hundred"
        else:  # thousand, million, billion: each smaller than the one before
            if last not in ("unit", "teen", "tens", "hundred", "a") or value >= smallest_scale:
                break
            total += current * value
            current, smallest_scale = 0, value
        last = role
        used = offset + 1
        if ordinal:
            return total + current, used, True
    return total + current, used, False


def _read_year_pair(
    run: list[tuple[str, int, int]], start: int, first: int, used: int, ordinal: bool
) -> tuple[int, int, bool] | None:
    """Read "nineteen seventy-five" (19 then 75) or "nineteen oh five" as one year."""
    rest = start + used
    # The first half is one word ("nineteen") or a compound ("twenty-one" of 2101).
    if used > 2 or ordinal or not 10 <= first <= 99 or rest >= len(run):
        return None
    word = run[rest][0]
    if word in _ZEROS:
        after = run[rest + 1][0] if rest + 1 < len(run) else ""
        if _WORDS.get(after, (0, "", False))[1] != "unit" or after == "zero":
            return None
        value, _, last_ordinal = _WORDS[after]
        return first * 100 + value, used + 2, last_ordinal
    if word not in _WORDS or _WORDS[word][1] not in ("teen", "tens"):
        return None
    second, more, last_ordinal = _read_cardinal(run[: rest + 2], rest)
    if not 10 <= second <= 99:
        return None
    return first * 100 + second, used + more, last_ordinal


def number_word(number: int) -> str:
    """The English word of a whole number from 0 to 99: "seven", "twelve", "sixty-five"."""
    return _spelt(number, _UNITS, _TEENS, _TENS)


def ordinal_word(number: int) -> str:
    """The English ordinal word of a whole number from 0 to 99: "third", "sixty-fifth"."""
    return _spelt(number, _ORDINAL_UNITS, _ORDINAL_TEENS, _ORDINAL_TENS)


def _spelt(
    number: int, units: tuple[str, ...], teens: tuple[str, ...], tens: tuple[str, ...]
) -> str:
    """A number from 0 to 99 from the word table; the last word carries the ordinal form."""
    if not 0 <= number <= 99:
        msg = f"only 0 to 99 are spelt out, not {number}"
        raise ValueError(msg)
    if number < 10:
        return units[number]
    if number < 20:
        return teens[number - 10]
    ten, unit = divmod(number, 10)
    if unit == 0:
        return tens[ten - 2]
    return f"{_TENS[ten - 2]}-{units[unit]}"


def ordinal(number: int) -> str:
    """The English ordinal of ``number``: 1st, 2nd, 3rd, 11th, 21st, 112th."""
    import humanize

    return humanize.ordinal(number)
