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
        record["options"] = list(question.options)
    if with_answer:
        record["answer"] = question.answer
        if question.pairs:
            record["pairs"] = [list(pair) for pair in question.pairs]
    return record


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
        if with_answers:
            rows.append(f"      → {question.answer or '—'}")
    return "\n".join(rows)
