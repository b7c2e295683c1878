"""Check the store's [[names]] vocabulary and build its Name dataclasses.

Each name must occur in the article (itself or one of its variants: the variants may come from
outside it), no form may belong to two names, and each kind is one of NAME_KINDS.
"""

from __future__ import annotations

from collections.abc import Callable

from laorus.store.fields import kind_of, not_a_string
from laorus.store.model import NAME_KINDS, Name, Source, name_key
from laorus.text.words import same_words

_NAME_FIELDS = {"name", "kind", "variants", "titles", "guessed"}

Report = Callable[[str, int, str | None, str], None]
"""Records a problem: message, the name's index, its label, and the field."""


def build_names(items: object, source: Source | None, report: Report) -> tuple[Name, ...]:
    """The [[names]] tables as Names; each problem is reported with its index and field."""
    if items is None:
        return ()
    if not isinstance(items, list):
        report(f"'names' must be an array of [[names]] tables, not {kind_of(items)}", 0, None, "")
        return ()
    article = ""
    if source is not None:
        whole = " ".join((source.title, source.author, source.author_role or "", source.text))
        article = f" {same_words(whole)} "
    owners: dict[str, tuple[int, str]] = {}
    names: list[Name] = []
    for index, item in enumerate(items):
        name = _build_name(index, item, report)
        if name is None:
            continue
        label = f"name {name.name!r}"
        if article and not any(f" {same_words(form)} " in article for form in name.forms):
            report(
                "neither the name nor any variant occurs in the article; write it as the article"
                " does, or add the article's form to 'variants'",
                index,
                label,
                "name",
            )
        for number, form in enumerate(name.forms):
            key = name_key(form)
            owner = owners.get(key)
            if owner is not None and owner[1] != name.name:
                field = "name" if number == 0 else "variants"
                report(
                    f"{form!r} already belongs to {owner[1]!r} (names[{owner[0]}]); a form may"
                    " name only one thing: remove it from one of them",
                    index,
                    label,
                    field,
                )
            else:
                owners[key] = (index, name.name)
        names.append(name)
    return tuple(names)


def _build_name(index: int, item: object, report: Report) -> Name | None:
    if not isinstance(item, dict):
        report(f"names[{index}] must be a table, not {kind_of(item)}", index, None, "")
        return None
    text = item.get("name")
    label = f"name {text!r}" if isinstance(text, str) and text.strip() else f"names[{index}]"
    ok = True

    def problem(message: str, field: str) -> None:
        nonlocal ok
        ok = False
        report(message, index, label, field)

    for key in sorted(set(item) - _NAME_FIELDS):
        problem(f"unknown field; known fields are {', '.join(sorted(_NAME_FIELDS))}", key)
    if not isinstance(text, str) or not text.strip():
        problem("missing; every name needs one" if text is None else not_a_string(text), "name")
    kind = item.get("kind")
    if kind is None:
        problem(f"missing; use one of {', '.join(NAME_KINDS)}", "kind")
    elif kind not in NAME_KINDS:
        problem(f"unknown kind {kind!r}; use one of {', '.join(NAME_KINDS)}", "kind")
    lists: dict[str, tuple[str, ...]] = {}
    for key in ("variants", "titles"):
        value = item.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            problem("must be an array of non-empty strings", key)
        else:
            lists[key] = tuple(value)
    if lists.get("titles") and kind != "person":
        problem("only a person has titles; move them to 'variants' or remove them", "titles")
    guessed = item.get("guessed", False)
    if not isinstance(guessed, bool):
        problem(f"must be true or false, not {kind_of(guessed)}", "guessed")
    if not ok:
        return None
    assert isinstance(text, str)
    assert isinstance(kind, str)
    return Name(text.strip(), kind, lists["variants"], lists["titles"], guessed)
