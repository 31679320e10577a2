"""Moodle XML and GIFT exports of the question bank, read back as a course's import would read them."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET

import pytest

from handout.enrich.questions import gift, gift_escape, moodle_xml
from handout.model import Question
from support import HANDOUT, LECTURE10, ROOT


GIFT_ITEM = re.compile(r"::(?P<title>(?:[^:\\]|\\.)+)::(?P<text>(?:[^{\\]|\\.)+)\{(?P<body>(?:[^}\\]|\\.)*)\}")
"""One GIFT question: ::title:: text {body}, every special character inside escaped."""


@pytest.fixture(scope="module")
def exported():
    """Run the CLI once per format on lecture 10 (the way a teacher makes the files)."""
    files = {}
    for format in ("moodle", "gift", "json"):
        run = subprocess.run([*HANDOUT, "questions", str(LECTURE10), "--format", format, "--answers"],
                             capture_output=True, text=True, cwd=ROOT)
        assert run.returncode == 0, run.stderr
        files[format] = run.stdout
    return files


def test_moodle_xml_reads_back_with_types_answers_and_fractions(exported):
    root = ET.fromstring(exported["moodle"].encode("utf-8"))
    assert root.tag == "quiz"
    questions = root.findall("question")
    assert len(questions) >= 15
    types = {q.get("type") for q in questions}
    assert len(types) >= 4 and {"multichoice", "truefalse", "matching", "ordering", "essay"} <= types
    for question in questions:
        assert question.findtext("questiontext/text").strip()
        answers = question.findall("answer")
        fractions = [float(a.get("fraction")) for a in answers]
        kind = question.get("type")
        if kind == "multichoice":
            assert 4 <= len(answers) <= 5 and fractions.count(100) == 1 and sum(fractions) == 100
            assert question.findtext("single") == "true"
        elif kind == "truefalse":
            assert sorted(a.findtext("text") for a in answers) == ["false", "true"] and sorted(fractions) == [0, 100]
        elif kind == "numerical":
            assert len(answers) == 1 and fractions == [100] and re.fullmatch(r"\d+(\.\d+)?", answers[0].findtext("text"))
            assert answers[0].findtext("tolerance") == "0"
        elif kind == "ordering":
            assert 4 <= len(answers) <= 6 and question.findtext("gradingtype") == "ABSOLUTE_POSITION"
        elif kind == "matching":
            subs = question.findall("subquestion")
            assert len(subs) >= 3 and all(s.findtext("text") and s.findtext("answer/text") for s in subs)
        elif kind == "essay":
            assert question.findtext("graderinfo/text")  # the teacher's key goes along


def test_moodle_carries_the_same_keys_as_json(exported):
    import json

    records = json.loads(exported["json"])["questions"]
    root = ET.fromstring(exported["moodle"].encode("utf-8"))
    by_name = {q.findtext("name/text").split(" ", 1)[1]: q for q in root.findall("question")}
    for record in records:
        question = by_name[record["key"]]
        if record["kind"] == "choice":
            right = [a.findtext("text") for a in question.findall("answer") if a.get("fraction") == "100"]
            assert right == [record["answer"]] and record["answer"] in record["options"]
        if record["kind"] == "ordering":
            assert [a.findtext("text") for a in question.findall("answer")] == record["answer"]
            assert sorted(record["answer"]) == sorted(record["items"])


def test_gift_holds_every_question_with_its_key(exported):
    blocks = [b for b in exported["gift"].split("\n\n") if b.strip()]
    assert len(blocks) >= 15
    kinds = {"choice": 0, "truefalse": 0, "numeric": 0, "matching": 0}
    for block in blocks:
        match = GIFT_ITEM.fullmatch(block.strip())
        assert match, block
        body = match["body"]
        kinds["choice"] += bool(re.search(r"(?<!\\)=", body) and re.search(r"(?<!\\)~", body))
        kinds["truefalse"] += body in ("TRUE", "FALSE")
        kinds["numeric"] += body.startswith("#") and not body.startswith("####")
        kinds["matching"] += "->" in body
    assert all(kinds.values()), kinds


def test_gift_escapes_its_special_characters():
    question = Question(text="Мәтін: 1 = 2 {x} ~ # \\ ?", kind="choice", options=("a:b", "c=d", "e~f", "g{h}"),
                        correct="a:b", answer="a:b", key="k")
    text = gift([question])
    assert "Мәтін\\: 1 \\= 2 \\{x\\} \\~ \\# \\\\ ?" in text
    assert "=a\\:b ~c\\=d ~e\\~f ~g\\{h\\}" in text
    assert gift_escape("a\nb") == "a b"
    root = ET.fromstring(moodle_xml([question]).encode("utf-8"))
    assert root.find("question/questiontext/text").text == question.text  # XML escapes, the text survives


def test_moodle_and_gift_need_the_key(tmp_path):
    run = subprocess.run([*HANDOUT, "questions", str(LECTURE10), "--format", "moodle"], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 2 and "--answers" in run.stderr
