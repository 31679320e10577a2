"""Russian person rules: initials + surname ("А. Н. Букейханов"), a first name + an -ов/-ин surname,
and the role the text gives (``roles.py``: a title with its body, before or after the name, in the nominative)."""

from __future__ import annotations

import re

from .clauses import _analyzer

SURNAME_ENDINGS = r"ов|ев|ёв|ин|ын|ский|цкий|ова|ева|ина|ская|улы|ұлы"
_NOMINATIVE = re.compile(r"^(.+?(?:ов|ев|ёв|ин|ын|ский|цкий))(?:а|у|ым|ом|е|ого|ому|им)?$")
ALPHABET = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
_NOT_FIRST = frozenset({"В", "На", "По", "Но", "А", "Совет", "Центральный", "Красная", "Белая", "Западная", "Восточная"})


def nominative(word: str) -> str:
    match = _NOMINATIVE.match(word)
    return match.group(1) if match else word


def surname_key(surname: str) -> str:
    return re.sub(r"(ов|ев|ёв|ова|ева)$", "", surname.lower().replace("ь", "")).replace("о", "е")


def is_first_name(word: str) -> bool:
    """Tell whether a capitalized word before a surname is a first name in the nominative.

    «Президента Назарбаев», «Комитетом Советов», «Второй Всеказахский» are dictionary words that
    are no names; «Динмухамеда Кунаев» is a name in the genitive (a case-marked first name is not
    how a person is printed). A word the dictionary does not know (most Kazakh names) is taken.
    """
    if word in _NOT_FIRST:
        return False
    parses = _analyzer().parse(word)
    names = [parsed for parsed in parses if "Name" in parsed.tag]
    if not names:
        return not parses[0].is_known
    return any("nomn" in parsed.tag for parsed in names) or not word.endswith(("а", "я", "у", "ю", "ом", "ем", "ым", "е"))


def shared_surnames(text: str):
    return ()


def roles(text: str, start: int, end: int, listed: tuple[int, int]) -> tuple[str, int]:
    """The role the text gives the person at ``text[start:end]`` in the nominative, with its priority (``roles.py``)."""
    from .roles import role_of

    return role_of(text, start, end)
