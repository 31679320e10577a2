"""Quotation marks that do not pair up, by the marks a language uses (``check``'s ``unbalanced-quotes``).

A pack names its pairs (:attr:`LanguagePack.quote_pairs`): Kazakh and Russian «…» with „…“
inside (and the “…” some Russian and Kazakh texts use), English “…” with ‘…’ inside. The
same mark may close one pair and open another (“ closes „…“ and opens “…”): it closes the
innermost open quote when it can, else it opens. A pack's apostrophe (English ’, which is also
the inner closing mark) is never reported: between letters (Tsar’s, didn’t) it is skipped,
elsewhere (soldiers’) it closes an open ‘ if there is one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class QuoteProblem:
    start: int
    """Offset of the mark in the text."""
    message: str
    """What is wrong, e.g. ``» without «`` or ``“ is never closed``."""


def unbalanced_quotes(text: str, pairs: tuple[tuple[str, str], ...], apostrophes: str = "") -> list[QuoteProblem]:
    """Report each mark of ``pairs`` that does not pair up, and an odd number of straight double quotes."""
    openers = {opening for opening, _closing in pairs}
    closed_by: dict[str, tuple[str, ...]] = {}
    for opening, closing in pairs:
        closed_by[closing] = (*closed_by.get(closing, ()), opening)
    problems = []
    stack: list[tuple[str, int]] = []  # the open quotes, innermost last
    for match in re.finditer(f"[{re.escape(''.join(openers | closed_by.keys()))}]", text):
        mark, at = match.group(), match.start()
        if mark in apostrophes and _between_letters(text, at):
            continue
        if stack and stack[-1][0] in closed_by.get(mark, ()):
            stack.pop()
        elif mark in openers:
            stack.append((mark, at))
        elif any(opening in closed_by[mark] for opening, _at in stack):  # closes an outer quote: the inner ones were left open
            while stack[-1][0] not in closed_by[mark]:
                opening, position = stack.pop()
                problems.append(QuoteProblem(position, f"{opening} is not closed before {mark}"))
            stack.pop()
        elif mark not in apostrophes:
            problems.append(QuoteProblem(at, f"{mark} without {' or '.join(closed_by[mark])}"))
    problems += [QuoteProblem(position, f"{opening} is never closed") for opening, position in stack]
    straight = [match.start() for match in re.finditer('"', text)]
    if len(straight) % 2:
        problems.append(QuoteProblem(straight[-1], 'odd number of " marks'))
    return sorted(problems, key=lambda problem: problem.start)


def _between_letters(text: str, at: int) -> bool:
    return 0 < at < len(text) - 1 and text[at - 1].isalpha() and text[at + 1].isalpha()


__all__ = ["QuoteProblem", "unbalanced_quotes"]
