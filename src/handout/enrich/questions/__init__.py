"""Questions enricher: the teacher's authored questions, then questions generated from the lecture.

Generated kinds (each with its answer, source line, link anchor and a stable ``key``):

- ``event`` ("1920 жылы 26 тамызда не болды?"): the answer is the event; asked only
  when no other event of the chronology falls within that date, so the answer is unique;
- ``date`` ("Мына оқиға қай жылы болды: «…»?"): the answer is the date; asked only
  when the printed date is unique in the chronology;
- ``open`` tasks from the section headings (describe / explain), one compare task
  and one task from the learning outcomes (name the periods in order);
- ``matching``: dates ↔ events, the events shuffled with a seed taken from the
  lecture's text, so the same source always gives the same sheet.

An event is used by at most one question and only when its clause reads as a
whole sentence (a finite verb at the end, no pronoun pointing back, no second date).

Teacher's control (front matter ``questions``): a list of authored items, or a
mapping with ``authored``, ``exclude`` (keys or question texts), ``reword``
({key: text}), ``count`` ({date, event, task, matching}) and ``matching: false``;
``questions: false`` turns questions off. Authored items come first, unaltered.
"""

from __future__ import annotations

import dataclasses

from ...diagnostics import Diagnostics
from ...model import Lecture, Question
from .control import DEFAULT_COUNT, QuestionControl, parse_control
from .editions import blank_chronology, without_answers
from .generate import content_seed, date_bounds, event_clause, generate_questions
from .listing import question_record, questions_json, questions_table


def build_questions(lecture: Lecture, diagnostics: Diagnostics, lang: str | None = None) -> tuple[Question, ...]:
    """Return the lecture's questions in ``lang``: authored first, then generated ones after the teacher's edits."""
    control = parse_control(lecture, diagnostics)
    if not control.enabled:
        return ()
    generated = generate_questions(lecture, lang or lecture.meta.lang, control)
    generated = _apply_edits(generated, control, lecture, diagnostics)
    return _dedupe(list(control.authored) + generated)


def _apply_edits(questions: list[Question], control: QuestionControl, lecture: Lecture, diagnostics: Diagnostics) -> list[Question]:
    line = lecture.setting_lines.get("questions")
    kept = []
    matched: set[str] = set()
    for question in questions:
        hits = {entry for entry in control.exclude if entry in (question.key, question.text)}
        if hits:
            matched |= hits
            continue
        if question.key in control.reword:
            question = dataclasses.replace(question, text=control.reword[question.key])
        kept.append(question)
    for entry in control.exclude:
        if entry not in matched:
            diagnostics.warn(lecture.path, line, "bad-questions", f"`questions.exclude` entry «{entry}» matches no generated question (see `handout questions`)")
    keys = {question.key for question in questions}
    for key in control.reword:
        if key not in keys:
            diagnostics.warn(lecture.path, line, "bad-questions", f"`questions.reword` key «{key}» matches no generated question (see `handout questions`)")
    return kept


def _dedupe(questions: list[Question]) -> tuple[Question, ...]:
    seen: set[str] = set()
    unique = []
    for question in questions:
        norm = " ".join(question.text.casefold().split())
        if norm not in seen:
            seen.add(norm)
            unique.append(question)
    return tuple(unique)


def add_questions(lecture: Lecture, diagnostics: Diagnostics) -> Lecture:
    """Return the lecture with its review questions (in the lecture's language)."""
    return dataclasses.replace(lecture, questions=build_questions(lecture, diagnostics))


def localized_questions(lecture: Lecture, lang: str) -> tuple[Question, ...]:
    """Return the lecture's questions in another language (generated ones regenerated, authored kept)."""
    if lang == lecture.meta.lang or not lecture.questions:
        return lecture.questions
    return build_questions(lecture, Diagnostics(), lang)


__all__ = [
    "DEFAULT_COUNT",
    "QuestionControl",
    "add_questions",
    "blank_chronology",
    "build_questions",
    "content_seed",
    "date_bounds",
    "event_clause",
    "generate_questions",
    "localized_questions",
    "parse_control",
    "question_record",
    "questions_json",
    "questions_table",
    "without_answers",
]
