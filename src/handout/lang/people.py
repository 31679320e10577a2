"""Finding the persons a text names: the machinery every pack shares, the rules each pack gives.

A pack's ``people`` rules are an object with ``SURNAME_ENDINGS`` (a regex of surname endings in the
nominative), ``nominative(word)`` (a surname as written → its dictionary form), ``surname_key``
(forms of one surname → one key) and ``roles(text, start, end, list_span)`` (the role the text gives
the person named at ``text[start:end]``, with a priority; ``list_span`` is the list of names it
stands in). :func:`find_mentions` does the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
LOWER = "a-zа-яёәғқңөұүһіь"
INITIAL = rf"[{UPPER}]\.\s?"
WORD = rf"[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?"


@dataclass(frozen=True)
class Mention:
    name: str
    """As written, spaces normalized: "Ә. Бөкейханов", "Әлихан Бөкейханов"."""
    surname: str
    """Nominative: "Бөкейханов"."""
    initial: str
    """First letter of the first name or initial ("" for a bare surname)."""
    start: int
    end: int
    role: str = ""
    priority: int = 99
    """Lower is better: a title ("төрағасы") beats a verb ("басқарды") beats a list's noun."""


def find_mentions(text: str, rules, known: frozenset[str] = frozenset()) -> list[Mention]:
    """Every person named in ``text``: initials + surname, first name + surname, and surnames in ``known``."""
    endings = rules.SURNAME_ENDINGS
    spans: list[tuple[int, int, str, str, str]] = []
    initials = re.compile(rf"(?<![{UPPER}{LOWER}.])((?:{INITIAL}){{1,2}})\s?({WORD})")
    for match in initials.finditer(text):
        letters = re.findall(rf"[{UPPER}]", match.group(1))
        surname = rules.nominative(match.group(2))
        spans.append((match.start(), match.end(), f"{'. '.join(letters)}. {surname}", surname, letters[0]))
    full = re.compile(rf"(?<![{UPPER}{LOWER}])({WORD})\s+({WORD})(?![{LOWER}])")
    surname_form = re.compile(rf"^[{UPPER}][{LOWER}-]+?(?:{endings})$")
    for match in full.finditer(text):
        surname = rules.nominative(match.group(2))
        if (surname_form.match(surname) and rules.is_first_name(match.group(1))
                and not _inside(spans, match.start())):
            surname = rules.nominative(match.group(2))
            spans.append((match.start(), match.end(), f"{match.group(1)} {surname}", surname, match.group(1)[0]))
    for start, end, first_names, surname in rules.shared_surnames(text):
        for first in first_names:
            spans.append((start, end, f"{first} {surname}", surname, first[0]))
    if known:
        bare = re.compile(rf"(?<![{UPPER}{LOWER}.])({WORD})")
        for match in bare.finditer(text):
            if _inside(spans, match.start()):
                continue
            surname = rules.nominative(match.group(1))
            if rules.surname_key(surname) in known and not _after_initial(text, match.start()):
                spans.append((match.start(), match.end(), surname, surname, ""))
    spans.sort()
    mentions = []
    for start, end, name, surname, initial in spans:
        group = _list_span(text, spans, start)
        role, priority = rules.roles(text, start, end, group)
        mentions.append(Mention(name, surname, initial, start, end, role, priority))
    return mentions


def _inside(spans, position: int) -> bool:
    return any(start <= position < end for start, end, *_ in spans)


def _after_initial(text: str, position: int) -> bool:
    return bool(re.search(rf"[{UPPER}]\.\s?$", text[max(0, position - 3):position]))


LIST_GLUE = re.compile(r"^\s*(?:,|және|мен|и|and|,\s*(?:және|и|and))\s*$")


def _list_span(text: str, spans, position: int) -> tuple[int, int]:
    """The (start, end) of the list of names ``position`` stands in (names joined by commas, "және", "и")."""
    ordered = sorted({(start, end) for start, end, *_ in spans})
    index = next(i for i, (start, _) in enumerate(ordered) if start == position)
    first = last = index
    while first > 0 and LIST_GLUE.match(text[ordered[first - 1][1]:ordered[first][0]]):
        first -= 1
    while last + 1 < len(ordered) and LIST_GLUE.match(text[ordered[last][1]:ordered[last + 1][0]]):
        last += 1
    return ordered[first][0], ordered[last][1]


def clause_words(text: str, limit: int) -> list[str]:
    """The last ``limit`` words of ``text`` after its last clause mark (for a role's noun phrase)."""
    clause = re.split(r"[.,;:!?()«»\"\d]", text)[-1]
    return clause.split()[-limit:]


def from_capital(words: list[str], keep: int = 2) -> list[str]:
    """Drop leading lowercase words (verbs, adverbs) up to the first capitalized one, else keep the last ``keep``."""
    for index, word in enumerate(words):
        if word[:1].isupper():
            return words[index:]
    return words[-keep:]


def sort_key(surname: str, alphabet: str) -> tuple[int, ...]:
    """Sort by the pack's alphabet (Kazakh puts Ә after А, not after Я); letters outside it go last."""
    upper = surname.upper()
    return tuple(alphabet.index(char) if char in alphabet else len(alphabet) + ord(char) for char in upper)
