"""What each edition may see of the questions: the student's copy and the worksheet carry no answer."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable

from ... import lang as languages
from ...model import Event, Question


def without_answers(questions: Iterable[Question]) -> tuple[Question, ...]:
    """Strip every key: answers, the matching pairs, the ordering's order, truth and correct option."""
    return tuple(dataclasses.replace(question, answer=None, pairs=(), order=(), truth=None, correct="")
                 for question in questions)


WORKSHEET_ROWS = 10
"""About this many rows in the worksheet's chronology exercise."""


def blank_chronology(chronology: Iterable[Event], questions: Iterable[Question], lang: str) -> list[dict]:
    """Rows of the worksheet's chronology exercise, each with its date or its event left blank.

    Only rows whose printed date no other event shares (else a date would not tell which event
    it asks for), key events first, at most ``WORKSHEET_ROWS``, in date order. The column that
    would answer a question is the one left blank: a date (or a year a choice or fill-in asks for)
    is blank, otherwise the event.
    """
    language = languages.get(lang)
    asked_dates = {q.answer for q in questions
                   if q.kind in ("date", "choice", "fill") and q.answer and q.answer[:1].isdigit()}
    events = list(chronology)
    printed_dates = [language.typeset_text(language.format_date(event.date)) for event in events]
    counts = Counter(printed_dates)
    unique = [index for index, printed in enumerate(printed_dates) if counts[printed] == 1]
    chosen = sorted(sorted(unique, key=lambda index: not events[index].key)[:WORKSHEET_ROWS])
    rows = []
    for index in chosen:
        event, printed = events[index], printed_dates[index]
        # A printed range ("1917 ж. қазан – 1918 ж. наурыз") would show an asked date inside it.
        blank = "date" if any(asked in printed for asked in asked_dates) else "event"
        rows.append({"date": None if blank == "date" else printed, "event": None if blank == "event" else event.event})
    return rows
