"""English person rules: initials + surname ("A. Bukeikhanov"), a Slavic or Kazakh surname after a first
name, and any name that stands with its title: set off by commas ("Count Dmitry Milyutin, the Minister of
War,"), before it ("General William Fenwick Williams") or as its predicate ("Konstantin Petrovich von
Kaufmann (1818–1882) was the first Governor-General of Russian Turkestan")."""

from __future__ import annotations

import re

SURNAME_ENDINGS = r"ov|ev|in|yn|uly|sky|ova|eva|ina"
_TITLES = (r"chairman|chairwoman|chair|secretary|commissar|head|leader|commander(?:-in-chief)?|ataman|president|"
           r"governor-general|governor|minister|adviser|advisor|founder|editor|ambassador|envoy|premier|ruler|"
           r"viceroy|director-general|director|chief|emperor|tsar|czar|khan|sultan|emir|general|marshal|admiral")
_RANK = r"(?i:first|last|second|third|new|former|future|acting|deputy|supreme|prime|general|people's)"
_BEFORE_NAME = r"(?:General|Count|Prince|Princess|Admiral|Marshal|Colonel|Captain|Governor-General|Governor|Tsar|Czar|Emperor|Empress|Khan|Sultan|Emir|President|Chairman)"
_BECAME = r"(?:was|became|served\s+as|was\s+(?:elected|appointed|named|made))"
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
NOT_FIRST = frozenset("""Soviet Central Red White Western Eastern Northern Southern The In On At By For From After Before
    During Under With Of To And But As When Since Kazakh Russian Uzbek Kyrgyz Bolshevik""".split())
"""Capitalized words before a surname that are no first name ("At Nazarbayev's insistence")."""
NOT_NAMES = frozenset(NOT_FIRST | set("""United Great Black Holy Middle Junior Senior Supreme Constitutional Provisional
    Empire Union Republic Party Army War Treaty Congress Council Government Committee Court Orda Khanate Commission
    Front Corps SSR ASSR Assembly Duma Soviets Bank Office Ministry Sea River Mountains Lake Ocean Islands States
    Kingdom Principalities Land Lands Region Province Oblast Steppe Day Britain France Germany Russia China Japan
    Turkey Austria Prussia Italy Spain Poland America Asia Europe Africa""".split()))
"""Capitalized words that begin or end a name which is no person's ("Soviet Union", "Black Sea", "Great Britain")."""
_NAME = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_TITLED_NAME = re.compile(
    rf"(?<![\w.])(?:(?P<title>{_BEFORE_NAME})\s+)?(?P<first>{_NAME}(?:\s+{_NAME}){{0,2}})\s+"
    rf"(?P<surname>(?:(?:von|van|de|der)\s+)?{_NAME})(?![\w])"
    rf"(?=,\s*(?:the\s+)?(?:{_RANK}\s+)?(?i:{_TITLES})\b|\s*(?:\([^()]{{0,80}}\)\s*)?{_BECAME}\s+"
    rf"(?:(?:the|an?)\s+)?(?:{_RANK}\s+)?(?i:{_TITLES})\b)?"
)


def nominative(word: str) -> str:
    return re.sub(r"'s$", "", word)


def surname_key(surname: str) -> str:
    return re.sub(r"(ov|ev|uly)$", "", surname.lower().split()[-1])


def is_first_name(word: str) -> bool:
    return word not in NOT_NAMES


def shared_surnames(text: str):
    """English names that no surname ending shows: (start, end, first names, surname) of each name with a title.

    A name is taken only where the text gives its title (before it, after a comma, or as its
    predicate), so "the Russian Empire" or "Crimean War" are never persons.
    """
    for match in _TITLED_NAME.finditer(text):
        after = text[match.end():match.end() + 120]
        titled = match.group("title") or re.match(
            rf",\s*(?:the\s+)?(?:{_RANK}\s+)?(?i:{_TITLES})\b|\s*(?:\([^()]{{0,80}}\)\s*)?{_BECAME}\s+"
            rf"(?:(?:the|an?)\s+)?(?:{_RANK}\s+)?(?i:{_TITLES})\b", after)
        first, surname = match.group("first"), match.group("surname")
        if not titled or any(word in NOT_NAMES for word in (*first.split(), surname)):
            continue
        yield match.start("first"), match.end(), (first,), match.group("surname")


def roles(text: str, start: int, end: int, listed: tuple[int, int]) -> tuple[str, int]:
    rest = text[end:end + 160]
    after = re.match(rf",\s*((?:the\s+)?(?:{_RANK}\s+)?(?i:{_TITLES})(?:\s+[\w-]+){{0,6}}?)\s*[,.;)]", rest)
    if after:
        return after.group(1), 1
    predicate = re.match(
        rf"\s*(?:\([^()]{{0,80}}\)\s*)?{_BECAME}\s+((?:(?:the|an?)\s+)?(?:{_RANK}\s+)?(?i:{_TITLES})"
        rf"(?:\s+(?:of|in)\s+(?:the\s+)?(?:[A-Z][\w-]*\s*){{1,4}})?)", rest)
    if predicate and re.search(r"\b[A-Z]", predicate.group(1)):
        return predicate.group(1).strip(), 1
    before = re.search(rf"((?:{_TITLES})(?:\s+of)?(?:\s+the)?(?:\s+[A-Z][\w-]*){{0,5}})\s*,?\s*$", text[max(0, start - 120):start])
    if before:
        return before.group(1), 1
    led = re.match(r"\s*(led|headed|chaired|organized|organised)\s+((?:the\s+)?(?:[A-Z][\w-]*\s*){1,4})", text[end:end + 100])
    if led:
        return f"{led.group(1)} {led.group(2).strip()}", 2
    # "founded the Alash party, led by Alikhan Bukeikhanov (1866–1937) and Akhmet Baitursynov": the body before
    # ", led by" and the list of names after it (a role two people share is never asked about)
    before = text[max(0, listed[0] - 160):listed[0]]
    partner = re.search(rf"\s+by\s+{_NAME}(?:\s+{_NAME}){{0,2}}\s*(?:\([^()]{{0,40}}\)\s*)?(?:,\s*|\s+and\s+)$", before)
    if partner:
        before = before[:partner.start()] + " by "  # the second of two names after "led by"
    led_by = re.search(r"\b(the\s+(?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*(?:\s+[a-z]+)?)\s*(?:\([^()]{0,40}\)\s*)?,\s*"
                       r"(led|headed|chaired)\s+by\s+$", before)
    if led_by:
        return f"{led_by.group(2)} {led_by.group(1).strip()}", 2
    return "", 99
