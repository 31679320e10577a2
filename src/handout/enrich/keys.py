"""Key events: the rows of a chronology a student's copy and the worksheet print.

An event's weight is the sum of what makes a teacher keep it (the pack's clause rules name the
words): a head word of a founding, decree, congress, adoption, republic, capital and the like;
the precision of its date (a day over a year over a decade); a named person; the words of its own
section's heading. The heaviest events are key, about a third of a long lecture's events,
between ``FEWEST`` and ``MOST``; a short text keeps all of its events.
"""

from __future__ import annotations

import dataclasses
import re

from ..model import Event

FEWEST, MOST = 12, 20
_PRECISION_WEIGHT = {"day": 2, "month": 1.5, "season": 1, "year": 1, "decade": 0, "century": 0}
_WORD = re.compile(r"[^\W\d_]{4,}")


def key_count(total: int) -> int:
    """How many of ``total`` events are key: all of a short text, about a third of a long one."""
    if total <= FEWEST:
        return total
    return min(MOST, max(FEWEST, round(total / 3)))


def weight(event: Event, rules) -> float:
    """Importance of an event for a teacher, from its words, its date's precision and its section."""
    text = event.event.lower()
    heads = sum(1 for head in rules.KEY_HEADS if re.search(r"(?:^|\W)" + re.escape(head), text))
    score = (3.0 + min(heads - 1, 2)) if heads else 0.0
    score += _PRECISION_WEIGHT.get(event.date.precision, 0)
    if event.date.qualifier in ("from", "until", "beginning", "middle", "end"):
        score -= 0.5
    score += 1.0 if rules.PERSON.search(event.event) else 0.0
    score += min(_shared_stems(event.event, event.section), 2) * 0.5
    score -= 1.0 if event.inferred else 0.0
    return score


def _shared_stems(text: str, heading: str) -> int:
    stems = {word.lower()[:5] for word in _WORD.findall(heading)}
    return len(stems & {word.lower()[:5] for word in _WORD.findall(text)})


def mark_key_events(events: list[Event], rules, pinned: set[int] = frozenset(), dropped: set[int] = frozenset(),
                    show_all: bool = False) -> list[Event]:
    """Return the events with ``key`` set: the heaviest ones, plus ``pinned`` and minus ``dropped`` (indices)."""
    if show_all:
        return [dataclasses.replace(event, key=index not in dropped) for index, event in enumerate(events)]
    candidates = [index for index in range(len(events)) if index not in dropped and index not in pinned]
    wanted = max(0, key_count(len(events) - len(dropped)) - len(pinned))
    ranked = sorted(candidates, key=lambda index: (-weight(events[index], rules), index))
    chosen = set(ranked[:wanted]) | set(pinned)
    return [dataclasses.replace(event, key=index in chosen) for index, event in enumerate(events)]


__all__ = ["FEWEST", "MOST", "key_count", "mark_key_events", "weight"]
