"""English word division through pyphen's own en dictionaries, with the checks patterns cannot make.

The patterns (hyph_en_GB, hyph_en_US) divide words; like the Kazakh dictionary they are wrapped so
that a number ("1920s"), an acronym ("USSR", "RSFSR's") or an initial written with periods ("U.S.")
never breaks. The wrapped dictionaries are seeded into pyphen's cache, which WeasyPrint reads.
"""

from __future__ import annotations

import pyphen

from ..hyphenation import CheckedHyphDict

LANGUAGE_TAGS = ("en", "en_GB", "en_US")
MIN_LEFT = 2
MIN_RIGHT = 3
"""Fewest letters left on a line and carried to the next (English printers keep three at the end)."""


def is_protected(word: str) -> bool:
    """Tell whether a word must never break: numbers, acronyms, initials with periods."""
    return any(ch.isdigit() for ch in word) or sum(ch.isupper() for ch in word) >= 2 or "." in word


class _ProtectedHyphDict(CheckedHyphDict):
    """pyphen's English patterns that refuse numbers, acronyms and initials."""

    def refuses(self, word: str) -> bool:
        return is_protected(word)

    def allowed(self, word: str, points: list) -> list:
        return [point for point in points if MIN_LEFT <= point <= len(word) - MIN_RIGHT]


def register() -> None:
    """Make pyphen (and WeasyPrint) use the protected English dictionaries; idempotent."""
    for tag in LANGUAGE_TAGS:
        path = pyphen.LANGUAGES.get(pyphen.language_fallback(tag) or tag)
        if path is not None and not isinstance(pyphen.hdcache.get(path), _ProtectedHyphDict):
            pyphen.hdcache[path] = _ProtectedHyphDict(path)


def hyphenation_points(word: str) -> list[int]:
    """Return the points where pyphen, with the registered dictionary, may break ``word``."""
    register()
    return [int(point) for point in pyphen.Pyphen(lang="en").positions(word)]


def hyphenate(word: str, hyphen: str = "-") -> str:
    """Return ``word`` with ``hyphen`` at every point it may break."""
    register()
    return pyphen.Pyphen(lang="en").inserted(word, hyphen)


__all__ = ["LANGUAGE_TAGS", "hyphenate", "hyphenation_points", "is_protected", "register"]
