"""The question bank out of the PDF: Moodle XML and GIFT, for import into a course's question bank.

Moodle types: choice → multichoice (single), matching → matching, fill → numerical (a year or
count) or shortanswer, term → shortanswer (or multichoice when it has options), truefalse →
truefalse, ordering → ordering (the qtype_ordering plugin's format: answers in the correct
order), open/why/date/event → essay with the key as grader information (date and event keys
are free text the teacher grades). GIFT has no ordering type: an ordering is written as a
matching of each event to its place (1, 2, …), which Moodle grades the same way.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from ...model import Question

_NUMERIC = re.compile(r"^\d+(?:[.,]\d+)?$")


def moodle_type(question: Question) -> str:
    """Return the Moodle question type a question is exported as."""
    if question.kind in ("choice", "term") and question.options:
        return "multichoice"
    if question.kind == "matching" and question.pairs:
        return "matching"
    if question.kind == "ordering" and question.order:
        return "ordering"
    if question.kind == "truefalse" and question.truth is not None:
        return "truefalse"
    if question.kind in ("fill", "term") and question.answer:
        answer = (question.correct or question.answer).replace("\u00a0", "").replace(" ", "")
        return "numerical" if _NUMERIC.match(answer) else "shortanswer"
    return "essay"


def _text(parent: ET.Element, tag: str, value: str, html: bool = False) -> ET.Element:
    element = ET.SubElement(parent, tag, {"format": "html"} if html else {})
    ET.SubElement(element, "text").text = value
    return element


def _answer(parent: ET.Element, text: str, fraction: float) -> ET.Element:
    element = ET.SubElement(parent, "answer", {"fraction": f"{fraction:g}", "format": "plain_text"})
    ET.SubElement(element, "text").text = text
    return element


def _question_element(question: Question, number: int) -> ET.Element:
    qtype = moodle_type(question)
    element = ET.Element("question", {"type": qtype})
    ET.SubElement(ET.SubElement(element, "name"), "text").text = f"{number:02d} {question.key or question.kind}"
    _text(element, "questiontext", question.text, html=True)
    ET.SubElement(element, "defaultgrade").text = str(question.points or 1)
    if qtype == "multichoice":
        ET.SubElement(element, "single").text = "true"
        ET.SubElement(element, "shuffleanswers").text = "true"
        for option in question.options:
            _answer(element, option, 100 if option == question.correct else 0)
    elif qtype == "matching":
        for left, right in question.pairs:
            sub = ET.SubElement(element, "subquestion", {"format": "html"})
            ET.SubElement(sub, "text").text = left
            ET.SubElement(ET.SubElement(sub, "answer"), "text").text = right
    elif qtype == "ordering":
        for tag, value in (("layouttype", "VERTICAL"), ("selecttype", "ALL"), ("selectcount", "0"),
                           ("gradingtype", "ABSOLUTE_POSITION"), ("showgrading", "SHOW")):
            ET.SubElement(element, tag).text = value
        for item in question.order:
            _answer(element, item, 100)
    elif qtype == "truefalse":
        _answer(element, "true", 100 if question.truth else 0)
        _answer(element, "false", 0 if question.truth else 100)
    elif qtype in ("numerical", "shortanswer"):
        answer = (question.correct or question.answer or "").replace("\u00a0", " ")
        if qtype == "numerical":
            ET.SubElement(_answer(element, answer.replace(" ", "").replace(",", "."), 100), "tolerance").text = "0"
        else:
            ET.SubElement(element, "usecase").text = "0"
            _answer(element, answer, 100)
    else:
        ET.SubElement(element, "responseformat").text = "editor"
    if question.answer:
        _text(element, "generalfeedback", question.answer, html=True)
        if qtype == "essay":
            _text(element, "graderinfo", question.answer, html=True)
    return element


def moodle_xml(questions: Iterable[Question], category: str = "") -> str:
    """Return a Moodle XML quiz file: one ``<question>`` per item, with its answers and their fractions."""
    quiz = ET.Element("quiz")
    if category:
        head = ET.SubElement(quiz, "question", {"type": "category"})
        ET.SubElement(ET.SubElement(head, "category"), "text").text = f"$course$/{category}"
    for number, question in enumerate(questions, 1):
        quiz.append(_question_element(question, number))
    ET.indent(quiz)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="unicode") + "\n"


_GIFT_SPECIAL = re.compile(r"([~=#{}:\\])")


def gift_escape(text: str) -> str:
    """Escape GIFT's special characters (~ = # { } : and the backslash) and fold line breaks."""
    return _GIFT_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _gift_body(question: Question) -> str:
    qtype = moodle_type(question)
    if qtype == "multichoice":
        return " ".join(("=" if option == question.correct else "~") + gift_escape(option) for option in question.options)
    if qtype == "matching":
        return " ".join(f"={gift_escape(left)} -> {gift_escape(right)}" for left, right in question.pairs)
    if qtype == "ordering":
        return " ".join(f"={gift_escape(item)} -> {place}" for place, item in enumerate(question.order, 1))
    if qtype == "truefalse":
        return "TRUE" if question.truth else "FALSE"
    if qtype == "numerical":
        return "#" + gift_escape((question.correct or question.answer or "").replace("\u00a0", "").replace(" ", ""))
    if qtype == "shortanswer":
        return "=" + gift_escape(question.correct or question.answer or "")
    return ""


def gift(questions: Iterable[Question]) -> str:
    """Return the questions in GIFT, each with its title, its key (essays: none) and a blank line between."""
    blocks = []
    for number, question in enumerate(questions, 1):
        title = gift_escape(f"{number:02d} {question.key or question.kind}")
        body = _gift_body(question)
        feedback = f" ####{gift_escape(question.answer)}" if moodle_type(question) == "essay" and question.answer else ""
        blocks.append(f"::{title}::{gift_escape(question.text)} {{{body}{feedback}}}")
    return "\n\n".join(blocks) + "\n"
