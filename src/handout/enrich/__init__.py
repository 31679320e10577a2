"""Enrich stage: pure ``Lecture -> Lecture`` functions applied in a fixed order."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..diagnostics import Diagnostics
from ..model import Lecture

Enricher = Callable[[Lecture, Diagnostics], Lecture]


def default_enrichers() -> list[Enricher]:
    """Return the enrichers in the order they run (chronology, people and terms before questions, which use them)."""
    from .chronology import add_chronology
    from .people import add_people
    from .questions import add_questions
    from .terms import add_terms

    return [add_chronology, add_people, add_terms, add_questions]


def enrich(lecture: Lecture, diagnostics: Diagnostics, enrichers: Sequence[Enricher] | None = None) -> Lecture:
    """Run every enricher over the lecture, each seeing the previous one's result."""
    from ..source.limits import time_budget

    for enricher in default_enrichers() if enrichers is None else enrichers:
        stage = getattr(enricher, "__name__", "enrichment").removeprefix("add_")
        with time_budget(lecture.path, stage=stage, advice=f"shorten the lecture or turn the {stage} off in its front matter"):
            lecture = enricher(lecture, diagnostics)
    return lecture
