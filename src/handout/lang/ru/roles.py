"""The role a Russian text gives a person, as a noun phrase in the nominative («первый секретарь ЦК КП(б) Казахстана»).

A role is a title noun (председатель, секретарь, командующий, руководитель …) with the body it
governs in the genitive («Совнаркома КАССР», «Президиума Казахского филиала АН СССР»), in
whatever case the sentence needs it:

- before the name: «Председатель Совнаркома КАССР Н. Нурмаков», «вместе с председателем ЦИК
  КАССР Е. Ерназаровым», «первым секретарём Казкрайкома ВКП(б) стал Ф. И. Голощёкин»,
  «Командиром дивизии был назначен генерал-майор И. В. Панфилов» (a rank may stand between);
- after it, set off by a comma or a dash («Т. Р. Рыскулов, заместитель председателя Совнаркома РСФСР,»)
  or after «стал», «был избран» («стал первым президентом Академии наук»);
- a body «возглавил» or «во главе с» the person: «руководитель партии «Алаш»».

The title and its adjectives are put in the nominative (pymorphy3); the genitive words stay as
written. Words of time («новым», «бывшим») are no part of a role.
"""

from __future__ import annotations

import re

from .clauses import _analyzer, parse
from .referents import inflect_adjective, is_modifier

TITLES = frozenset(
    "председатель секретарь комиссар нарком руководитель командующий командир начальник атаман глава "
    "заместитель президент министр редактор директор ректор основатель лидер губернатор генерал-губернатор "
    "посол уполномоченный".split()
)
_RANKS = frozenset("генерал генерал-майор генерал-лейтенант генерал-полковник маршал полковник подполковник майор "
                   "капитан лейтенант академик профессор".split())
_LINKING = frozenset("стать становиться быть назначить избрать являться утвердить".split())
_OF_TIME = frozenset("новый бывший будущий тогдашний последний прежний".split())
_RELATIVE = frozenset("который которая которое которые чей".split())
_TOKEN = re.compile(r"«[^«»]{1,80}»|\d+-[а-яё]{1,3}|[^\W\d_][\w-]*(?:\([а-яё]{1,3}\))?")
_ABBREVIATION = re.compile(r"^[А-ЯЁ][А-ЯЁ0-9-]*(?:\([а-яё]{1,3}\))?$|^[А-ЯЁ][а-яё]{1,4}[А-ЯЁ][\wё-]*$")
"""«ЦК», «КП(б)», «РСФСР», and the abbreviations of mixed case («КирАССР», «КазЦИК»)."""
MAX_BODY = 6
_CLAUSE_MARK = re.compile(r"\n\s*\n|[,;:—–]|[а-яё»)][.!?]\s|\((?![а-яё]{1,3}\))|(?<!\([а-яё])(?<!\([а-яё]{2})(?<!\([а-яё]{3})\)")
"""Where a role cannot reach across: a blank line, a comma, a clause mark, a sentence end, a bracket («ВКП(б)» is a word)."""


def _lemma(word: str) -> str:
    return parse(word.lower()).normal_form


def _governed(word: str) -> bool:
    """A word of the body a title governs: a quoted name, an abbreviation, a noun or adjective in the genitive."""
    if word.startswith("«") or _ABBREVIATION.match(word):
        return True
    parsed = parse(word.lower())
    if parsed.normal_form in _RELATIVE:
        return False
    return ("gent" in parsed.tag and parsed.tag.POS in ("NOUN", "ADJF", "PRTF")) or (
        word[:1].isupper() and "UNKN" in parsed.tag)


def _title_phrase(words: list[str], title: int) -> str | None:
    """The role in the nominative: the title's adjectives, the title, the governed words as written."""
    first = title
    while first > 0 and is_modifier(words[first - 1]) \
            and _lemma(words[first - 1]) not in _OF_TIME and _lemma(words[first - 1]) not in _RELATIVE:
        first -= 1
    head = parse(words[title].lower())
    nominative = head.inflect({"nomn", "sing"})
    if nominative is None:
        return None
    modifiers = []
    for word in words[first:title]:
        made = inflect_adjective(word.lower(), nominative.tag, "nomn")
        if made is None:
            return None
        modifiers.append(made)
    return " ".join([*modifiers, nominative.word, *words[title + 1:]])


def _ending_role(before: str) -> str | None:
    """A role that ends right before the name (a rank or «стал», «был назначен» may stand between)."""
    words = [token.group() for token in _TOKEN.finditer(_CLAUSE_MARK.split(before)[-1])]
    while words and (_lemma(words[-1]) in _RANKS or _lemma(words[-1]) in _LINKING):
        words.pop()
    for back in range(1, min(len(words), MAX_BODY + 1) + 1):
        index = len(words) - back
        if _lemma(words[index]) in TITLES and parse(words[index].lower()).tag.POS == "NOUN":
            return _title_phrase(words, index)
        if not _governed(words[index]):
            return None
    return None


def _whole_role(segment: str) -> str | None:
    """A segment that is a role and nothing else («заместитель председателя Совнаркома РСФСР»)."""
    words = [token.group() for token in _TOKEN.finditer(segment)]
    while words and _lemma(words[0]) in _LINKING:
        words.pop(0)
    for index, word in enumerate(words[:4]):
        if _lemma(word) in TITLES and parse(word.lower()).tag.POS == "NOUN":
            if all(_governed(other) for other in words[index + 1:]) and len(words) - index <= MAX_BODY + 1:
                if all(parse(other.lower()).tag.POS in ("ADJF", "PRTF") for other in words[:index]):
                    return _title_phrase(words, index)
            return None
    return None


_AFTER = re.compile(r"^[ \t]*(?:,\s*|[—–]\s+|(?=(?:стал|становится|был\s+избран|был\s+назначен|избран|назначен|являлся)\s))"
                    r"(?P<segment>[^,.;:()!?]{3,120})(?=[,.;:()!?]|$)")
_LED_AFTER = re.compile(r"^\s*(?:возглавил|возглавлял|возглавила|возглавляла)\s+(?P<body>[^,.;:()!?]{3,100})")
_LED_BEFORE = re.compile(r"(?P<body>[^,.;:()!?]{3,100}?)(?:,\s*(?:которую|который|которое|которые)\s+"
                         r"(?:возглавил|возглавлял|возглавила|возглавляла)|\s+во\s+главе\s+с)\s*$")


def _as_genitive(words: list[str], head: int) -> str | None:
    """A body named in any case («партию «Алаш»», «Народный совет Алаш-Орды»), put in the genitive after «руководитель»."""
    parsed = next((p for p in _analyzer().parse(words[head].lower()) if p.tag.POS == "NOUN"), None)
    if parsed is None:
        return None
    last = head + 1
    while last < len(words) and last - head <= MAX_BODY and _governed(words[last]):
        last += 1
    first = head
    while first > 0 and is_modifier(words[first - 1]):
        first -= 1
    genitive = parsed.inflect({"gent", parsed.tag.number or "sing"})
    if genitive is None:
        return None
    modifiers = []
    for word in words[first:head]:
        made = inflect_adjective(word.lower(), genitive.tag, "gent")
        if made is None:
            return None
        modifiers.append(made[:1].upper() + made[1:] if word[:1].isupper() else made)
    return " ".join([*modifiers, genitive.word, *words[head + 1:last]])


def _led_body(before: str, after: str) -> str | None:
    """The body a person «возглавил» (the object after the name) or that stands «во главе с» them (the phrase before)."""
    found = _LED_AFTER.match(after)
    if found:
        words = [token.group() for token in _TOKEN.finditer(found["body"])]
        head = next((i for i, word in enumerate(words) if parse(word.lower()).tag.POS == "NOUN"), None)
        return _as_genitive(words, head) if head is not None else None
    found = _LED_BEFORE.search(before)
    if not found:
        return None
    words = [token.group() for token in _TOKEN.finditer(found["body"].split(",")[-1])]
    head = len(words) - 1
    while head >= 0 and _governed(words[head]):
        head -= 1
    if head < 0 or parse(words[head].lower()).tag.POS != "NOUN":
        return None
    return _as_genitive(words, head)


def role_of(text: str, start: int, end: int) -> tuple[str, int]:
    """The role the text gives the person named at ``text[start:end]``, with its priority (lower is better)."""
    before, after = text[max(0, start - 160):start], text[end:end + 160]
    role = _ending_role(before)
    if role:
        return role, 1
    found = _AFTER.match(after)
    role = _whole_role(found["segment"]) if found else None
    if role:
        return role, 1
    body = _led_body(before, after)
    if body:
        return f"руководитель {body}", 2
    return "", 99
