"""What each edition may see of the questions: the student's copy and the worksheet carry no answer."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from ... import lang as languages
from ...model import Event, Question


def without_answers(questions: Iterable[Question]) -> tuple[Question, ...]:
    """Strip answers and the correct matching order: what a student's copy may carry."""
    return tuple(dataclasses.replace(question, answer=None, pairs=()) for question in questions)


def blank_chronology(chronology: Iterable[Event], questions: Iterable[Question], lang: str) -> list[dict]:
    """Rows of the worksheet's chronology, each with its date or its event left blank.

    The column that would answer a question is the one left blank: a date asked
    for is blank, an event asked for is blank, and a matching row shows only its date.
    """
    language = languages.get(lang)
    asked_dates = {q.answer for q in questions if q.kind == "date" and q.answer}
    rows = []
    for event in chronology:
        printed = language.typeset_text(language.format_date(event.date))
        # A printed range ("1917 ж. қазан – 1918 ж. наурыз") would show an asked date inside it.
        blank = "date" if any(asked in printed for asked in asked_dates) else "event"
        rows.append({"date": None if blank == "date" else printed, "event": None if blank == "event" else event.event})
    return rows
