"""Questions enricher: the teacher's authored questions, then a question bank generated from the lecture.

Every generated item is in the lecture's own language (``--lang`` changes labels only), prints
whole sentences of the lecture (never cut, quotes balanced) and carries its answer, source line,
link anchor and a stable ``key``. The kinds, one module each or per group:

- ``event`` ("1920 жылы 26 тамызда не болды?") and ``date`` ("Мына оқиға қай жылы болды: «…»?"),
  a year question becoming a single ``choice`` among years of the same era (``generate``);
- ``choice`` (year blanked in a sentence), ``fill`` (year, count or surname blanked) and
  ``truefalse`` (another event's year swapped in; the key quotes the sentence) (``blanks``);
- ``ordering`` of 4–6 events with distinct years (``ordering``);
- ``matching``: dates ↔ events (``generate``) and persons ↔ roles (``people``, with "who was …?" choices);
- ``why`` where a sentence states its cause and ``term`` from the definitions (``reasons``);
- ``open`` tasks per section whose keys list the section's most important events, one compare
  task and one from the learning outcomes (``generate``).

Teacher's control (front matter ``questions``): a list of authored items (any kind), or a
mapping with ``authored``, ``exclude`` (keys or question texts), ``reword`` ({key: text}),
``count`` (per kind, see ``DEFAULT_COUNT``) and ``matching: false``; ``questions: false``
turns questions off. Authored items come first, unaltered.
"""

from __future__ import annotations

import dataclasses
import importlib
from typing import TYPE_CHECKING

from ...diagnostics import Diagnostics
from ...model import Lecture, Question
from .editions import blank_chronology, without_answers

if TYPE_CHECKING:
    from .control import QuestionControl

_PROVIDERS = {"control": ("DEFAULT_COUNT", "QuestionControl", "parse_control"),
              "generate": ("content_seed", "date_bounds", "event_clause", "generate_questions"),
              "exports": ("gift", "gift_escape", "moodle_type", "moodle_xml"),
              "listing": ("question_record", "questions_json", "questions_table")}
"""Names this package offers from its modules, imported on first use: rendering a lecture read back
from the enrichment cache needs only the editions' helpers, not the generator (a cold build's import)."""
_PROVIDER_OF = {name: module for module, names in _PROVIDERS.items() for name in names}


def __getattr__(name: str):
    if name not in _PROVIDER_OF:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_PROVIDER_OF[name]}"), name)
    globals()[name] = value
    return value


def build_questions(lecture: Lecture, diagnostics: Diagnostics) -> tuple[Question, ...]:
    """Return the lecture's questions in its own language: authored first, then generated ones after the teacher's edits."""
    from .control import parse_control
    from .generate import generate_questions

    control = parse_control(lecture, diagnostics)
    if not control.enabled:
        return ()
    generated = generate_questions(lecture, control)
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


def export_questions(questions, format: str, with_answers: bool) -> str:
    """Return the questions as ``table``, ``json``, ``moodle`` (XML) or ``gift`` text (the last two always with the key)."""
    from .exports import gift, moodle_xml
    from .listing import questions_json, questions_table

    if format == "moodle":
        return moodle_xml(questions)
    if format == "gift":
        return gift(questions)
    text = questions_json(questions, with_answers) if format == "json" else questions_table(questions, with_answers)
    return text + "\n"


def warn_label_language(lecture: Lecture, lang: str, diagnostics: Diagnostics | None) -> None:
    """Say once that ``--lang`` changes the labels only: questions stay in the lecture's language."""
    if diagnostics is not None and lang != lecture.meta.lang and lecture.questions:
        diagnostics.warn(lecture.path, lecture.setting_lines.get("lang"), "label-language",
                         f"labels are in `{lang}` but the lecture is in `{lecture.meta.lang}`: its questions, options and "
                         "answers stay in the lecture's language (set `lang:` in the front matter to change that)")


__all__ = [
    "DEFAULT_COUNT",
    "QuestionControl",
    "add_questions",
    "blank_chronology",
    "build_questions",
    "content_seed",
    "date_bounds",
    "event_clause",
    "export_questions",
    "gift",
    "gift_escape",
    "moodle_type",
    "moodle_xml",
    "generate_questions",
    "warn_label_language",
    "parse_control",
    "question_record",
    "questions_json",
    "questions_table",
    "without_answers",
]
