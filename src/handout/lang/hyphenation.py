"""What the packs' pyphen dictionaries share: the patterns behind a check patterns cannot make.

Patterns see letters only, so each pack refuses some words outright (numbers, acronyms, initials)
and may drop points near a word's ends. WeasyPrint asks for a word's points every time it tries
to break a line there (lecture 10's student edition: about 1,000 asks for 500 words), so the
verdict is kept per word as written (case matters to the checks; pyphen's own cache is lowercased).
"""

from __future__ import annotations

import pyphen


class CheckedHyphDict(pyphen.HyphDict):
    """A pyphen dictionary whose points pass the pack's checks; the result is kept per word."""

    def __init__(self, path):
        super().__init__(path)
        self._checked: dict[str, list] = {}

    def refuses(self, word: str) -> bool:
        """Tell whether the word must never break (the pack's rule)."""
        return False

    def allowed(self, word: str, points: list) -> list:
        """Return the pattern points the pack keeps (default: all)."""
        return points

    def positions(self, word):
        points = self._checked.get(word)
        if points is None:
            points = [] if self.refuses(word) else self.allowed(word, super().positions(word))
            self._checked[word] = points
        return points


__all__ = ["CheckedHyphDict"]
