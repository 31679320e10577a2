"""Check and repair damage that old fonts and PDF extraction leave in Kazakh text.

Two entry points:

- :func:`find_problems` reports every suspect spot with a stable code;
- :func:`repair` applies only the safe repairs, in the safe order
  private-use codes → soft hyphens → Latin look-alikes → є/¥ → letter-spacing → "N - suffix".

:func:`apply_fixes` applies every fix the checker is sure of (``check --fix``),
which also joins known compounds written with a spaced hyphen or a dash, words split
at a line-end hyphen, and Kazakh words typed with old-font letters.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable

from .detectors import (
    find_invisible,
    find_legacy_letters,
    find_letter_spaced,
    find_mixed_script,
    find_private_use,
    find_spaced_hyphens,
    find_split_words,
    find_unbalanced_quotes,
    keeps_hyphen,
)
from .letters import DAMAGE_CODES, WORD, Hit, Problem
from .spelling import _spelling_dictionary_base, find_spelling

# Detectors in the safe repair order of KAZAKH.md §4; the quotation marks (no repair, by language) come after.
DETECTORS: tuple[Callable[[str], list[Hit]], ...] = (
    find_private_use,
    find_invisible,
    find_mixed_script,
    find_legacy_letters,
    find_letter_spaced,
    find_split_words,
    find_spaced_hyphens,
)


def find_problems(text: str, spelling: bool = True, language=None) -> list[Problem]:
    """Report every suspect spot in a text, in reading order.

    ``language`` (a pack; Kazakh by default) decides which quotation marks must pair up.
    """
    detectors = DETECTORS + ((find_spelling,) if spelling else ())
    hits = [hit for detect in detectors for hit in detect(text)] + find_unbalanced_quotes(text, language)
    hits.sort(key=lambda hit: (hit.start, DAMAGE_CODES.index(hit.code) if hit.code in DAMAGE_CODES else 99))
    locate = _Locator(text)
    return [_to_problem(hit, text, locate(hit.start)) for hit in hits]


def repair(text: str) -> tuple[str, list[Problem]]:
    """Apply only the safe repairs, in the safe order; return the text and the problems fixed."""
    return _apply(text, lambda hit: hit.safe)


def apply_fixes(text: str) -> tuple[str, list[Problem]]:
    """Apply every fix the checker proposes (safe repairs first); return the text and what changed."""
    return _apply(text, lambda hit: hit.fix is not None)


def is_damage(problem: Problem) -> bool:
    """Tell whether a problem is damage (as opposed to an advisory spelling note)."""
    return problem.code in DAMAGE_CODES


# ---------------------------------------------------------------- helpers


class _Locator:
    """Turn character offsets into 1-based (line, column)."""

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def __call__(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1


def _to_problem(hit: Hit, text: str, where: tuple[int, int], found: str | None = None) -> Problem:
    """Build the public record of a hit."""
    line, col = where
    return Problem(line, col, hit.code, hit.message, hit.fix, text[hit.start : hit.end] if found is None else found)


def _apply(text: str, wanted: Callable[[Hit], bool]) -> tuple[str, list[Problem]]:
    """Run each detector on the text as repaired so far and apply the wanted fixes."""
    original = text
    origin = list(range(len(text) + 1))  # origin[i]: offset in the original text of current char i
    locate = _Locator(original)
    fixed: list[Problem] = []
    for detect in DETECTORS:
        hits = _non_overlapping(hit for hit in detect(text) if hit.fix is not None and wanted(hit))
        if not hits:
            continue
        for hit in hits:
            start, end = origin[hit.start], origin[hit.end]
            fixed.append(_to_problem(hit, original, locate(start), original[start:end]))
        text, origin = _replace_spans(text, origin, hits)
    fixed.sort(key=lambda p: (p.line, p.col))
    return text, fixed


def _non_overlapping(hits: Iterable[Hit]) -> list[Hit]:
    """Keep hits in order, dropping any that overlaps an earlier one."""
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: h.start):
        if not kept or hit.start >= kept[-1].end:
            kept.append(hit)
    return kept


def _replace_spans(text: str, origin: list[int], hits: list[Hit]) -> tuple[str, list[int]]:
    """Replace each hit's span by its fix, carrying the offset map along."""
    pieces: list[str] = []
    new_origin: list[int] = []
    position = 0
    for hit in hits:
        pieces.append(text[position : hit.start])
        new_origin.extend(origin[position : hit.start])
        pieces.append(hit.fix or "")
        new_origin.extend([origin[hit.start]] * len(hit.fix or ""))
        position = hit.end
    pieces.append(text[position:])
    new_origin.extend(origin[position:])
    return "".join(pieces), new_origin


__all__ = ["DAMAGE_CODES", "WORD", "Problem", "apply_fixes", "find_problems", "is_damage", "keeps_hyphen", "repair",
           "_spelling_dictionary_base"]
