"""Answer keys stay with teachers: a whole course, every edition, the download page."""

import re
import subprocess

import pytest

from handout.diagnostics import Diagnostics
from handout.pipeline import prepare_lecture
from support import HANDOUT, SHORT_LECTURE, make_files, pdf_text

AUTHORED = """questions:
  - text: Съезд төрағасы кім болды?
    answer: Бақтыкерей Құлманов (кілт-сөз ЖАСЫРЫН-{n})
  - text: Үкіметке неше адам кірді?
    answer: жиырма бес адам (кілт-сөз ЖАСЫРЫН-{n}Б)
"""


def flat(text: str) -> str:
    return re.sub(r"[\s\u00ad\u2010\u2011-]+", "", text).casefold()


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    root = tmp_path_factory.mktemp("keys")
    lectures = {
        f"lecture0{n}.md": SHORT_LECTURE.replace("lang: kk\n", "lang: kk\n" + AUTHORED.format(n=n)) for n in (1, 2)
    }
    make_files(root / "course", lectures)
    result = subprocess.run([*HANDOUT, "build", str(root / "course"), "--out", str(root / "out"), "--jobs", "1", "--quiet"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return root


def test_authored_answers_reach_only_the_teacher_copy(course):
    out = course / "out"
    for n in (1, 2):
        teacher = flat(pdf_text(out / "teacher" / f"lecture0{n}.pdf"))
        assert flat(f"ЖАСЫРЫН-{n}") in teacher and flat(f"ЖАСЫРЫН-{n}Б") in teacher
        for public in (out / "student" / f"lecture0{n}.pdf", out / "worksheet" / f"lecture0{n}.pdf"):
            assert "жасырын" not in flat(pdf_text(public)), public
    assert "жасырын" not in flat(pdf_text(out / "reader.pdf"))
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "ЖАСЫРЫН" not in index and "teacher/" not in index


def test_worksheets_carry_no_generated_answer_either(course):
    out = course / "out"
    lecture = prepare_lecture(course / "course" / "lecture01.md", Diagnostics())
    answers = [q.answer for q in lecture.questions if q.answer]
    assert len(answers) >= 3
    worksheet = flat(pdf_text(out / "worksheet" / "lecture01.pdf"))
    for answer in answers:
        if len(flat(answer)) > 4:  # a bare year also stands in other items' sentences: see test_question_bank
            assert flat(answer) not in worksheet, answer
