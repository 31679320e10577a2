"""Chronological ordering: 4–6 events of the lecture, far enough apart that their order is a fact."""

from __future__ import annotations

from ... import lang as languages
from ...model import Question
from .common import make_question, shuffled

MIN_ITEMS, MAX_ITEMS = 4, 6


def ordering_item(candidates, date_bounds, lang: str, seed: int, used: set[int], wanted: int = 5) -> Question | None:
    """Pick events with distinct, non-overlapping dates (key events first) and ask for their order.

    ``candidates`` are (event, clause) pairs whose clause reads alone without its date.
    """
    if wanted < MIN_ITEMS:
        return None
    ranked = sorted(candidates, key=lambda c: (not c[0].key, c[0].line))
    chosen: list = []
    for event, clause in ranked:
        if id(event) in used:
            continue
        low, high = date_bounds(event.date)
        if any(_too_close((low, high), date_bounds(other.date)) for other, _ in chosen):
            continue
        chosen.append((event, clause))
        if len(chosen) == min(wanted, MAX_ITEMS):
            break
    if len(chosen) < MIN_ITEMS:
        return None
    chosen.sort(key=lambda c: date_bounds(c[0].date))
    for event, _ in chosen:
        used.add(id(event))
    language = languages.get(lang)
    order = [clause for _, clause in chosen]
    items = shuffled(order, f"{seed}:ordering")
    letters = language.labels["matching_letters"]
    dates = {clause: language.format_date(event.date) for event, clause in chosen}
    answer = ", ".join(letters[items.index(clause)] for clause in order) + " (" + "; ".join(
        f"{letters[items.index(clause)]}: {dates[clause]}" for clause in order) + ")"
    first = chosen[0][0]
    return make_question(lang, language.phrases["ordering"], "ordering", answer, (first.section, first.line, first.anchor),
                         "ordering", items=items, order=tuple(order))


def _too_close(first, second) -> bool:
    """Two events whose dates overlap or share a year cannot be ordered by a student reliably."""
    (low, high), (other_low, other_high) = first, second
    return not (high < other_low or other_high < low) or low.year == other_low.year
