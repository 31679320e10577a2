"""Kazakh person rules: surname forms and the roles a Kazakh history text gives a person.

"Ә.Бөкейхан", "Әлихан Бөкейханов", "Қожановқа" (a case ending), "Халел, Жанша Досмұхамедовтар"
(two brothers, one plural surname); roles as titles before the name ("Съезд төрағасы Б. Құлманов"),
verbs around it ("Жер-су реформасын ұйымдастырған С.Қожанов", "С.Меңдешов басшылық еткен
Орталық Атқару Комитетін"), and the noun a list of names ends in ("... төтенше комиссарлардың").
"""

from __future__ import annotations

import re

from ..people import LOWER, UPPER, WORD, clause_words, from_capital

SURNAME_ENDINGS = r"ов|ев|ёв|ин|ұлы|улы|ова|ева|ина|ский|цкий"
_CASE = r"(?:тар|тер|дар|дер)?(?:тың|тің|дың|дің|ның|нің|қа|ке|ға|ге|а|е|ты|ті|ды|ді|ны|ні|пен|бен|мен|та|те|да|де|тан|тен|дан|ден|нан|нен)?"
_NOMINATIVE = re.compile(rf"^(.+?(?:ов|ев|ёв|ин|ұлы|улы|ова|ева|ина))({_CASE})$")
_TITLES = ("төрағасы", "хатшысы", "комиссары", "басшысы", "атаманы", "командирі", "бастығы", "орынбасары",
           "төрайымы", "басқарушысы")
_ROLE_NOUNS = ("комиссар", "күрескер", "қайраткер", "басшы", "мүше", "депутат", "өкіл", "ақын", "жазушы",
               "қолбасшы", "командир", "большевик", "революционер")
_VERBS = {"басшылық еткен": "басқарды", "басқарған": "басқарды", "бастаған": "бастады",
          "ұйымдастырған": "ұйымдастырды", "құрған": "құрды", "жетекшілік еткен": "басқарды"}
ALPHABET = "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ"
_NOT_FIRST = frozenset({"Ал", "Бұл", "Сол", "Осы", "Оның", "Мұнда", "Сөйтіп", "Кейін", "Бірақ", "Және", "Онда","Кеңес", "Орталық", "Батыс", "Шығыс", "Қазақ", "Алаш", "Түркістан", "Ресей", "Орынбор",
                        "Халық", "Мемлекеттік", "Жоғарғы", "Уақытша", "Қызыл", "Ақ", "Жетісу", "Сібір", "Совет"})


def nominative(word: str) -> str:
    """"Қожановқа" → "Қожанов", "Досмұхамедовтар" → "Досмұхамедов"; other words stay as written."""
    match = _NOMINATIVE.match(word)
    return match.group(1) if match else word


def surname_key(surname: str) -> str:
    """One key for the forms of a surname: Бөкейхан/Бөкейханов, Досмұхамедов/Досмұхамедұлы, Меңдешов/Мендешев."""
    key = surname.lower().replace("ң", "н").replace("ь", "")
    key = re.sub(r"(ов|ев|ёв|ұлы|улы|ова|ева)$", "", key)
    return re.sub(r"[ое]", "е", key)


def is_first_name(word: str) -> bool:
    return word not in _NOT_FIRST and not word.endswith(
        ("ның", "нің", "дың", "дің", "тың", "тің", "да", "де", "та", "те", "ға", "ге", "қа", "ке"))


def shared_surnames(text: str):
    """"Халел, Жанша Досмұхамедовтар": (start, end, first names, surname) of each pair of brothers."""
    pattern = re.compile(rf"(?<![{UPPER}{LOWER}])({WORD}),\s+({WORD})\s+({WORD}(?:тар|тер|дар|дер))(?![{LOWER}])")
    for match in pattern.finditer(text):
        surname = nominative(match.group(3))
        if surname != match.group(3):
            yield match.start(), match.end(), (match.group(1), match.group(2)), surname


def roles(text: str, start: int, end: int, listed: tuple[int, int]) -> tuple[str, int]:
    """The role the text gives the person at ``text[start:end]`` and its priority (lower is better)."""
    before = text[max(0, start - 160):start]
    title = re.search(rf"\(\s*({'|'.join(_TITLES)})\s+$", before)
    if title:
        words = from_capital(clause_words(before[:title.start()], 4))
        return " ".join(words + [title.group(1)]), 1
    title = re.search(rf"({'|'.join(_TITLES)})\s+(?:етіп\s+)?(?:[{LOWER}]+\s+){{0,2}}$|({'|'.join(_TITLES)})\s*$", before)
    if title:
        word = title.group(1) or title.group(2)
        words = from_capital(clause_words(before[:title.start()], 5))
        return " ".join(words + [word]), 1
    after = text[end:end + 120]
    for verb, past in _VERBS.items():
        if re.match(rf"\s*{verb}\s", after):
            phrase = re.match(rf"\s*{verb}\s+((?:[{UPPER}][\w-]*\s+){{0,4}}[{UPPER}][\w-]*(?:ін|ын|ні|ны|ді|ды|ті|ты))(?!\w)", after)
            if phrase:
                return f"{phrase.group(1).strip()} {past}", 2
        found = re.search(rf"((?:[\w-]+\s+){{1,3}}){verb}\s*$", before)
        if found:
            return f"{' '.join(from_capital(found.group(1).split()))} {past}", 2
    tail = text[listed[1]:listed[1] + 80]
    ending = re.match(r"\s*(?:,?\s*(?:және|мен)?\s*т\.?\s?б\.?)?\s*(басқарды|басқарған)", tail)
    if ending:
        words = from_capital(clause_words(text[max(0, listed[0] - 80):listed[0]], 3))
        return " ".join(words + ["басқарды"]), 3
    noun = re.match(rf"\s*(?:,?\s*(?:және|мен)?\s*т\.?\s?б\.?)?\s*(?:сияқты\s+)?(?:көптеген\s+)?(?:([{LOWER}]+)\s+)?"
                    rf"({'|'.join(_ROLE_NOUNS)})(?:лар|лер|дар|дер|тар|тер)", tail)
    if noun:
        adjective = noun.group(1) if noun.group(1) and noun.group(1).endswith(("ше", "ша", "лық", "лік", "ті", "ты")) else ""
        return " ".join(filter(None, (adjective, noun.group(2)))), 4
    return "", 99
