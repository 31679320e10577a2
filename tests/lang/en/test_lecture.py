"""An English lecture builds all three editions with an English chronology (PDFs read back with PDFium)."""

from __future__ import annotations

import re

import pytest

from handout import lang as languages
from handout.diagnostics import Diagnostics
from handout.pipeline import BuildSettings, build_lecture, prepare_lecture
from handout.render.theme import find_theme
from support import FIXTURES, pdf_text

LECTURE = FIXTURES / "en" / "lecture_1917_1920.md"
ENGLISH = languages.get("en")
# The dated events a history teacher expects in this lecture's chronology, as printed in English.
EXPECTED_ROWS = ["2 (15) March 1917", "21–26 July 1917", "October 1917", "30 October 1917", "5–13 December 1917",
                 "January 1918", "February 1918", "summer 1918", "by 1919", "10 July 1919", "26 August 1920",
                 "4–12 October 1920", "1925"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("english")
    diagnostics = Diagnostics()
    lecture = prepare_lecture(LECTURE, diagnostics)
    settings = BuildSettings(out_dir=out, editions=("student", "teacher", "worksheet"))
    paths = build_lecture(lecture, find_theme(LECTURE.parent), settings, diagnostics)
    return lecture, {path.parent.name: pdf_text(path) for path in paths}


def flat(text: str) -> str:
    return re.sub(r"[\s\-\u00ad\u2010\u2011\ufffe\x02]+", "", text)


def test_three_editions_are_built(built):
    _, texts = built
    assert set(texts) == {"student", "teacher", "worksheet"}


def test_the_chronology_holds_the_lectures_dated_events(built):
    lecture, _ = built
    printed = [ENGLISH.format_date(event.date) for event in lecture.chronology]
    for row in EXPECTED_ROWS:
        assert row in printed, row
    assert not any("ж." in row or "г." in row for row in printed)


def test_student_and_teacher_pdfs_print_the_chronology_in_english(built):
    lecture, texts = built
    for edition in ("student", "teacher"):
        text = flat(texts[edition])
        for label in ("chronology", "chronology_date", "chronology_event"):
            assert flat(ENGLISH.labels[label]) in text, (edition, label)
        for row in EXPECTED_ROWS:
            assert flat(row) in text, (edition, row)
        for kazakh in ("Хронология", "Оқиға", "Күні"):
            assert kazakh not in texts[edition]


def test_every_edition_carries_its_english_label(built):
    _, texts = built
    assert flat(ENGLISH.labels["edition_teacher"]) in flat(texts["teacher"])
    assert flat(ENGLISH.labels["edition_worksheet"]) in flat(texts["worksheet"])
    assert flat(ENGLISH.labels["questions"]) in flat(texts["student"])


def test_questions_are_english_in_every_edition(built):
    """The review questions (and the teacher's keys) are written in English: no Kazakh or Russian frame."""
    _, texts = built
    for edition, text in texts.items():
        questions = text[text.rindex(ENGLISH.labels["questions"]):]
        assert re.search(r"When did this happen|Put the events|Fill in the blank|Which year fills", questions), edition
        assert not re.search(r"[А-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі]", questions), (edition, questions[:400])
