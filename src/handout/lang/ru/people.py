"""Russian person rules: initials + surname ("А. Н. Букейханов"), a first name + an -ов/-ин surname,
and a title before the name ("председатель ЦИК С. М. Мендешев") or after it, set off by a comma."""

from __future__ import annotations

import re

from ..people import from_capital
from .clauses import _analyzer

SURNAME_ENDINGS = r"ов|ев|ёв|ин|ын|ский|цкий|ова|ева|ина|ская"
_TITLES = r"председател[ьяем]|секретар[ьяем]|комиссар[аом]?|руководител[ьяем]|командующ(?:ий|его|им)|атаман[аом]?|глав[аоуы]"
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
    before = text[max(0, start - 120):start]
    found = re.search(rf"({_TITLES})((?:\s+[\w-]+){{0,4}}?)\s*\(?\s*$", before)
    if found:
        return f"{found.group(1)}{found.group(2)}".strip(), 1
    after = re.match(rf",\s*((?:{_TITLES})(?:\s+[\w-]+){{0,5}})\s*[,.;)]", text[end:end + 120])
    if after:
        return after.group(1), 1
    led = re.match(r"\s*(возглавил[а]?|возглавлял[а]?|руководил[а]?)\s+((?:[\w-]+\s*){1,4})", text[end:end + 100])
    if led:
        return f"{led.group(1)} {' '.join(from_capital(led.group(2).split(), 4))}", 2
    return "", 99



