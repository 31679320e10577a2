"""The questions as JSON or as numbered plain-text lines (``handout questions``)."""

from __future__ import annotations

from collections.abc import Iterable

from ...model import Question


def question_record(question: Question, with_answer: bool) -> dict:
    """Return the JSON record of one question (the answer and matching order only on request)."""
    record = {
        "text": question.text,
        "kind": question.kind,
        "section": question.section,
        "line": question.line,
        "source": question.source,
        "key": question.key,
    }
    if question.points is not None:
        record["points"] = question.points
    if question.kind == "matching":
        record["prompts"] = list(question.prompts)
    if question.options:
        record["options"] = list(question.options)
    if question.items:
        record["items"] = list(question.items)
    if question.answer_kind:
        record["answer_kind"] = question.answer_kind
    if with_answer:
        record["answer"] = _answer(question)
        if question.answer != record["answer"]:
            record["answer_text"] = question.answer  # the printed key ("Г, А, В, Б (…)") beside the data
        if question.pairs:
            record["pairs"] = [list(pair) for pair in question.pairs]
        if question.truth is not None:
            record["truth"] = question.truth
    return record


def _answer(question: Question):
    """The answer as data: the correct option's text for a choice, the items in date order for an ordering."""
    if question.kind == "ordering" and question.order:
        return list(question.order)
    if question.options and question.correct:
        return question.correct
    return question.answer


def questions_json(questions: Iterable[Question], with_answers: bool = False) -> str:
    """Format questions as ``{"questions": [...]}``."""
    import json

    return json.dumps({"questions": [question_record(q, with_answers) for q in questions]}, ensure_ascii=False, indent=2)


def questions_table(questions: Iterable[Question], with_answers: bool = False) -> str:
    """Format questions as numbered plain-text lines: key, kind, line, text (and answer)."""
    rows = []
    for number, question in enumerate(questions, 1):
        rows.append(f"{number:>2}. [{question.key}] {question.kind}, line {question.line}: {question.text}")
        for left, right in zip(question.prompts, question.options):
            rows.append(f"      {left}  |  {right}")
        if not question.prompts:
            rows += [f"      ○ {option}" for option in question.options] + [f"      ▢ {item}" for item in question.items]
        if with_answers:
            rows.append(f"      → {question.answer or '—'}")
    return "\n".join(rows)
