"""Tests for the three editions of lecture 10: answers only in the teacher's copy, fillable worksheet."""

from __future__ import annotations

import re

import pytest

from handout import lang as languages
from handout.render.html import RenderOptions, edition_context, lecture_context, render_html
from handout.render.theme import find_theme
from support import LECTURE10, pdf_text


@pytest.fixture(scope="module")
def built(lecture10_prepared, lecture10_editions):
    """Lecture 10 and its three editions built once by the CLI (conftest.py: shared, read-only)."""
    return lecture10_prepared, lecture10_editions


def flat(text: str) -> str:
    """Compare text without spacing or hyphens of any kind (PDF extraction varies in those)."""
    return re.sub(r"[\s\-\u00ad\u2010\u2011\ufffe\x02]+", "", text)


def contains(text: str, phrase: str) -> bool:
    """Tell whether the flattened phrase occurs in the flattened text, not as the start of a longer word."""
    return re.search(re.escape(flat(phrase)) + r"(?![^\W\d_])", text) is not None


def test_teacher_pdf_contains_every_answer(built):
    lecture, editions = built
    text = flat(pdf_text(editions["teacher"]))
    assert flat(languages.get("kk").labels["answer_key"]) in text
    for question in lecture.questions:
        assert flat(question.answer) in text, question.answer


def test_teacher_copy_is_marked_on_every_page(built):
    _, editions = built
    pages = [flat(page) for page in pdf_text(editions["teacher"]).split("\f")]
    assert len(pages) > 3
    assert all(flat(languages.get("kk").labels["edition_teacher"]) in page for page in pages)


def test_worksheet_pdf_contains_no_answer(built):
    lecture, editions = built
    text = flat(pdf_text(editions["worksheet"]))
    assert flat(lecture.questions[0].text) in text  # the questions are there
    for question in lecture.questions:
        if question.options and question.correct in question.options:
            continue  # a choice item prints its answer among the options (the worksheet's tick boxes mark none)
        if len(flat(question.answer or "")) > 4:  # a bare year stands in other items' sentences too
            assert not contains(text, question.answer), question.answer
        if question.kind == "truefalse" and question.truth is False:
            assert not contains(text, question.answer)
    assert flat(languages.get("kk").labels["answer_key"]) not in text


def test_student_pdf_has_no_answer_key(built):
    """The student's copy holds the lecture (so its facts), but nothing that only the key says."""
    lecture, editions = built
    text = flat(pdf_text(editions["student"]))
    assert flat(lecture.questions[-1].text) in text
    assert flat(languages.get("kk").labels["answer_key"]) not in text
    # The matching key and the "date — event" lists exist only in the key (an explain task's answer quotes the lecture).
    key_only = [q.answer for q in lecture.questions if q.kind == "matching" or "\u00a0— " in q.answer]
    assert key_only
    for answer in key_only:
        assert flat(answer) not in text, answer


@pytest.mark.parametrize("edition", ["student", "worksheet"])
def test_student_and_worksheet_context_and_html_carry_no_answers(built, edition):
    lecture, editions = built
    context = edition_context(lecture_context(lecture, "kk"), edition, "kk")
    assert all(q.answer is None and q.pairs == () for q in context["questions"])
    html = editions[edition].with_suffix(".html").read_text(encoding="utf-8")
    assert 'id="answers"' not in html
    matching = next(q for q in lecture.questions if q.kind == "matching")
    assert matching.answer not in html


def test_worksheet_has_acroform_fields(built):
    import pypdf

    lecture, editions = built
    fields = pypdf.PdfReader(str(editions["worksheet"])).get_fields() or {}
    exercise = edition_context(lecture_context(lecture, "kk"), "worksheet", "kk")["chronology_blank"]
    spaces = {"matching": lambda q: len(q.prompts), "ordering": lambda q: len(q.items),
              "truefalse": lambda q: 2, "choice": lambda q: len(q.options)}
    expected = sum(spaces.get(q.kind, lambda q: 1)(q) for q in lecture.questions) + len(exercise)
    assert len(fields) == expected
    for number, question in enumerate(lecture.questions, 1):  # each kind its own answer space
        if question.kind == "truefalse":
            assert fields[f"q{number}-true"]["/FT"] == fields[f"q{number}-false"]["/FT"] == "/Btn"
        elif question.kind == "choice":
            assert fields[f"q{number}-А"]["/FT"] == "/Btn"
        elif question.kind == "ordering":
            assert all(fields[f"q{number}-{slot}"]["/FT"] == "/Tx" for slot in range(1, len(question.items) + 1))
        elif question.kind in ("fill", "open", "why", "date", "event"):
            assert fields[f"q{number}"]["/FT"] == "/Tx"


def test_worksheet_blank_chronology_leaves_one_column_blank(built):
    lecture, _ = built
    rows = edition_context(lecture_context(lecture, "kk"), "worksheet", "kk")["chronology_blank"]
    assert 6 <= len(rows) <= 10 < len(lecture.chronology)
    assert all((row["date"] is None) != (row["event"] is None) for row in rows)
    language = languages.get("kk")
    printed = [language.typeset_text(language.format_date(event.date)) for event in lecture.chronology]
    shown = [row["date"] for row in rows if row["date"]]
    assert shown and all(printed.count(date) == 1 for date in shown)  # each date tells which event it asks for


def test_student_pdf_has_no_form_fields(built):
    import pypdf

    _, editions = built
    assert not pypdf.PdfReader(str(editions["student"])).get_fields()


def test_english_labels_and_questions(built):
    lecture, _ = built
    html = render_html(lecture, find_theme(LECTURE10.parent), RenderOptions(edition="teacher", lang="en"))
    assert "Answer key" in html and "(In the lecture: page\u00a0<a" in html
    assert "Which event in the lecture is dated" not in html and "не болды?" in html  # content keeps its language
    russian = render_html(lecture, find_theme(LECTURE10.parent), RenderOptions(edition="teacher", lang="ru"))
    assert "(В лекции: с.\u00a0<a" in russian and "стр.)" not in russian


def test_teacher_key_gives_choice_letters_and_kazakh_page_references(built):
    lecture, editions = built
    text = pdf_text(editions["teacher"]).replace("\u00a0", " ")
    assert re.search(r"\(Лекцияда: \d+\W?бет\)", text) and "бет)" in text and " бет)" not in text
    letters = languages.get("kk").labels["matching_letters"]
    for question in (q for q in lecture.questions if q.kind == "choice"):
        assert contains(flat(text), f"{letters[question.options.index(question.correct)]}){question.correct}")


def test_student_copy_prints_options_and_items_but_no_key(built):
    lecture, editions = built
    text = flat(pdf_text(editions["student"]))
    choice = next(q for q in lecture.questions if q.kind == "choice")
    ordering = next(q for q in lecture.questions if q.kind == "ordering")
    assert all(flat(option) in text for option in choice.options)
    assert all(flat(item) in text for item in ordering.items)
    assert flat(ordering.answer) not in text
    for question in (q for q in lecture.questions if q.kind == "truefalse" and q.truth is False):
        assert flat(question.answer) not in text


def test_timeline_labels_are_whole_phrases_drawn_line_by_line(built):
    """The figure prints each label's lines (a long phrase wraps) and never a cut word with "…"."""
    import html as markup

    _, editions = built
    page = editions["student"].with_suffix(".html").read_text(encoding="utf-8")
    svg = page[page.index('<svg class="timeline"'):page.index("</svg>")]
    labels = re.findall(r"<text x[^>]*>((?:<tspan[^>]*>[^<]*</tspan>)+)</text>", svg)
    lines = [markup.unescape(line) for label in labels for line in re.findall(r">([^<]*)</tspan>", label)]
    assert len(labels) >= 12 and not any("…" in line for line in lines)
    assert any(label.count("<tspan") > 1 for label in labels), "some long phrase wraps onto a second line"
    text = flat(pdf_text(editions["student"]))
    assert all(flat(line) in text for line in lines)
