"""English person rules: initials + surname ("A. Bukeikhanov"), and a title set off by commas
("T. Ryskulov, chairman of the Turkestan Central Executive Committee,") or before the name."""

from __future__ import annotations

import re

SURNAME_ENDINGS = r"ov|ev|in|yn|uly|sky|ova|eva|ina"
_TITLES = r"chairman|chairwoman|chair|secretary|commissar|head|leader|commander|ataman|president"
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
NOT_FIRST = frozenset("""Soviet Central Red White Western Eastern Northern Southern The In On At By For From After Before
    During Under With Of To And But As When Since Kazakh Russian Uzbek Kyrgyz Bolshevik""".split())
"""Capitalized words before a surname that are no first name ("At Nazarbayev's insistence")."""


def nominative(word: str) -> str:
    return re.sub(r"'s$", "", word)


def surname_key(surname: str) -> str:
    return re.sub(r"(ov|ev|uly)$", "", surname.lower())


def is_first_name(word: str) -> bool:
    return word not in NOT_FIRST


def shared_surnames(text: str):
    return ()


def roles(text: str, start: int, end: int, listed: tuple[int, int]) -> tuple[str, int]:
    after = re.match(rf",\s*((?:the\s+)?(?:{_TITLES})(?:\s+[\w-]+){{0,6}}?)\s*[,.;)]", text[end:end + 140])
    if after:
        return after.group(1), 1
    before = re.search(rf"((?:{_TITLES})(?:\s+of)?(?:\s+the)?(?:\s+[A-Z][\w-]*){{0,5}})\s*,?\s*$", text[max(0, start - 120):start])
    if before:
        return before.group(1), 1
    led = re.match(r"\s*(led|headed|chaired|organized|organised)\s+((?:the\s+)?(?:[A-Z][\w-]*\s*){1,4})", text[end:end + 100])
    if led:
        return f"{led.group(1)} {led.group(2).strip()}", 2
    return "", 99
