"""What every generated kind shares: building a question, seeded shuffles, stable keys, year distractors."""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Iterable

from ... import lang as languages
from ...model import Question

_FIRST_NUMBER = re.compile(r"\d+(?:[ \u00a0]\d{3})*")
"""The first number of an option, thousands spaced ("1 200" sorts after "460")."""
ERA_YEARS = 15
"""A distractor year lies within this many years of the answer (the same era)."""


def short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:6]


def shuffled(items: list[str], seed) -> tuple[str, ...]:
    """Shuffle deterministically; never leave every item in its own place."""
    result = list(items)
    random.Random(str(seed)).shuffle(result)
    if len(result) > 1 and result == list(items):
        result = result[1:] + result[:1]
    return tuple(result)


def make_question(lang: str, text: str, kind: str, answer: str | None, where: tuple, key: str, **fields) -> Question:
    """Build a generated question in ``lang`` with print typography on its text, answer and options.

    ``where`` is (section title, line, anchor).
    """
    language = languages.get(lang)
    section, line, anchor = where
    for name in ("options", "items", "order", "prompts"):
        if name in fields:
            fields[name] = tuple(language.typeset_text(item) for item in fields[name])
    if "correct" in fields:
        fields["correct"] = language.typeset_text(fields["correct"])
    return Question(text=language.typeset_text(text), kind=kind,
                    answer=language.typeset_text(answer) if answer is not None else None,
                    section=section, line=line, anchor=anchor, key=key, **fields)


def year_distractors(year: int, years: Iterable[int], wanted: int = 4) -> list[int]:
    """Return up to ``wanted`` other years of the lecture from the same era, nearest first."""
    near = sorted({y for y in years if y != year and abs(y - year) <= ERA_YEARS}, key=lambda y: (abs(y - year), y))
    return near[:wanted]


def choice_options(correct: str, distractors: list[str], seed) -> tuple[str, ...] | None:
    """Return 4–5 distinct options in a seeded order, the correct one among them; None when too few."""
    unique = []
    for item in distractors:
        if item != correct and item not in unique:
            unique.append(item)
    if len(unique) < 3:
        return None
    options = [correct] + unique[:4]
    years = [_FIRST_NUMBER.search(option) for option in options]
    if all(years):
        return tuple(sorted(options, key=lambda o: int(re.sub(r"\D", "", _FIRST_NUMBER.search(o).group()))))  # ascending
    return shuffled(options, seed)


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]
