"""Russian word division: pyphen's own ``ru`` patterns, with the break checks patterns cannot see.

Patterns know letters, not case or digits: "КазАССР", "ГОЭЛРО", "1917-го" would break like words.
Registering seeds pyphen's dictionary cache with a subclass that refuses such words, so WeasyPrint
(which asks pyphen for ``lang="ru"``) gets the checks without patching either library.
"""

from __future__ import annotations

from pathlib import Path

import pyphen

from ..hyphenation import CheckedHyphDict

LANGUAGE = "ru"
MIN_LEFT = 2
MIN_RIGHT = 2


def is_protected(word: str) -> bool:
    """Tell whether a word must never break: numbers ("1917-го"), acronyms ("РСФСР", "КазАССР"), initials ("А.Н.")."""
    return any(ch.isdigit() for ch in word) or sum(ch.isupper() for ch in word) >= 2 or "." in word


class _CheckedHyphDict(CheckedHyphDict):
    """pyphen's Russian patterns that refuse numbers, acronyms and initials."""

    def refuses(self, word: str) -> bool:
        return is_protected(word)


def dictionary_path() -> Path:
    return Path(pyphen.LANGUAGES[pyphen.language_fallback(LANGUAGE)])


def register() -> None:
    """Make pyphen (and so WeasyPrint) use the checked Russian dictionary; idempotent."""
    path = dictionary_path()
    if not isinstance(pyphen.hdcache.get(path), _CheckedHyphDict):
        pyphen.hdcache[path] = _CheckedHyphDict(path)


def hyphenation_points(word: str) -> list[int]:
    """Return the points where the registered dictionary may break ``word``."""
    register()
    return [int(point) for point in pyphen.Pyphen(lang=LANGUAGE, left=MIN_LEFT, right=MIN_RIGHT).positions(word)]


__all__ = ["hyphenation_points", "is_protected", "register"]
