"""Tests for the questions enricher: shapes, answers, the teacher's control, determinism."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from handout import lang as languages
from handout.diagnostics import Diagnostics
from handout.enrich import enrich
from handout.enrich.questions import event_clause, without_answers
from handout.errors import HandoutError
from handout.lang.kk.questions import event_date_phrase
from handout.model import DateValue
from handout.source.lecture import load_lecture
from support import HANDOUT, LECTURE10, ROOT, make_files

# A small real Kazakh lecture: sentences taken from lecture 10.
FIXTURE = """\
---
title: Кеңес өкіметінің орнауы
lang: kk
outcomes:
- Қазақстан тарихының негізгі даму кезеңдерін білу
{questions}---

## Кеңес өкіметінің орнауы

Перовск (Қызылорда) жұмысшылары мен солдаттары өкімет билігін 1917 жылғы 30 қазанда (12 қараша) өз қолына алды.

Семейде өкімет билігі жергілікті Кеңестің қолына 1918 жылы ақпанның 16-нан 17-не қараған түнде көшті.

## Қырғыз (Қазақ) АКСР-інің құрылуы

1920 жылы 26 тамызда «Қырғыз (Қазақ) Автономиялық Кеңестік Социалистік Республикасын құру туралы» декрет бекітіліп, заң күшіне енді.

1936 жылы Қазақстан Одақтас республика болып құрылып СССР-дың тікелей құрамына енді.

1925 жылы астана Ақмешітке ауыстырылып, оның аты Қызылорда деп өзгертілді.
"""

CATALOG = {code: languages.get(code).labels for code in languages.CODES}



def lecture_from(tmp_path: Path, questions: str = "", name: str = "lecture.md"):
    path = make_files(tmp_path, {name: FIXTURE.format(questions=questions)}) / name
    diagnostics = Diagnostics()
    return enrich(load_lecture(path, diagnostics), diagnostics), diagnostics


@pytest.fixture(scope="module")
def lecture10():
    diagnostics = Diagnostics()
    return enrich(load_lecture(LECTURE10, diagnostics), diagnostics)


def test_lecture10_has_enough_questions_covering_every_section(lecture10):
    questions = lecture10.questions
    assert len(questions) >= 15
    covered = {q.section for q in questions if q.section}
    assert covered == {section.title for section in lecture10.sections}
    assert {q.kind for q in questions} >= {"date", "event", "open", "matching"}


def test_every_generated_question_has_answer_line_anchor_and_unique_key(lecture10):
    anchors = {block.anchor for _, block in lecture10.blocks()} | {s.anchor for s in lecture10.sections}
    for question in lecture10.questions:
        assert question.answer, question.text
        assert question.line > 0 and question.anchor in anchors, question.text
    keys = [q.key for q in lecture10.questions]
    assert len(keys) == len(set(keys))
    texts = [" ".join(q.text.casefold().split()) for q in lecture10.questions]
    assert len(texts) == len(set(texts))


def test_answers_come_from_the_lecture(lecture10):
    """Event answers are clauses of the lecture's own sentences; date answers are chronology dates."""
    plain = re.sub(r"\s+", " ", lecture10.source_text.replace("\u2011", "-")).casefold()
    by_anchor = {event.anchor for event in lecture10.chronology}
    for question in lecture10.questions:
        if question.kind == "event":
            words = re.findall(r"\w{4,}", question.answer.replace("\u2011", "-").casefold())
            assert all(word in plain for word in words), question.answer
        if question.kind in ("event", "date"):
            assert question.anchor in by_anchor


def test_kazakh_question_shapes(lecture10):
    kazakh_date_words = ("қашан", "қай жылы", "қай айда", "қай жылдары")
    for question in lecture10.questions:
        if question.kind == "event":
            assert question.text.endswith(" не болды?") and re.match(r"\d{4}", question.text), question.text
        if question.kind == "date":
            assert question.text.startswith("Мына оқиға ") and any(w in question.text for w in kazakh_date_words)
            assert re.search(r"болды: «[^«»]+»\?$", question.text), question.text


def test_event_questions_use_the_date_phrase_as_written(tmp_path):
    lecture, _ = lecture_from(tmp_path)
    texts = [q.text.replace("\u00a0", " ").replace("\u2011", "-") for q in lecture.questions]
    assert "1917 жылғы 30 қазанда (12 қараша) не болды?" in texts
    assert "1918 жылы ақпанның 16-нан 17-не қараған түнде не болды?" in texts


@pytest.mark.parametrize(
    ("written", "precision", "start", "end", "expected"),
    [
        ("1920 жылы 26 тамызда", "day", "1920-08-26", "1920-08-26", "1920 жылы 26 тамызда"),
        ("1918 жылы ақпанда", "month", "1918-02", "1918-02", "1918 жылы ақпанда"),
        ("1921 ж.", "year", "1921", "1921", "1921 жылы"),  # abbreviation: rebuilt
        ("маусымда", "month", "1918-06", "1918-06", "1918 жылы маусымда"),  # year only from context: rebuilt
        ("1918 жылғы 15 қаңтардағы", "day", "1918-01-15", "1918-01-15", "1918 жылы 15 қаңтарда"),
        ("1921-1922 жылдарды", "year", "1921", "1922", "1921–1922 жылдары"),
    ],
)
def test_locative_phrase(written, precision, start, end, expected):
    assert event_date_phrase(languages.get("kk"), DateValue(start, end, precision, written)) == expected


def test_no_locative_phrase_for_until_and_from():
    value = DateValue("1918-03", "1918-05", "season", "1918 жылдың көктеміне дейін", qualifier="until")
    assert event_date_phrase(languages.get("kk"), value) is None


def test_attributive_dates_do_not_make_questions(lecture10):
    """"1918 жылғы 15 қаңтардағы нұсқау": the date belongs to a noun, so the clause's verb is not dated by it."""
    attributive = [e for e in lecture10.chronology if e.date.text_date.endswith(("ғы", "гі"))]
    assert attributive
    assert all(event_clause(event) is None for event in attributive)


def test_two_builds_give_the_same_questions_in_the_same_order(tmp_path):
    first, _ = lecture_from(tmp_path / "a")
    second, _ = lecture_from(tmp_path / "b")
    assert first.questions == second.questions
    diagnostics = Diagnostics()
    again = enrich(load_lecture(LECTURE10, diagnostics), diagnostics)
    assert again.questions == enrich(load_lecture(LECTURE10, diagnostics), diagnostics).questions


def test_matching_shuffle_is_seeded_by_the_content(lecture10):
    matching = next(q for q in lecture10.questions if q.kind == "matching")
    rights = [right for _, right in matching.pairs]
    assert sorted(matching.options) == sorted(rights) and list(matching.options) != rights
    assert matching.prompts == tuple(left for left, _ in matching.pairs)
    letters = CATALOG["kk"]["matching_letters"]
    for number, (_, right) in enumerate(matching.pairs, 1):
        assert f"{number}–{letters[matching.options.index(right)]}" in matching.answer


def test_authored_questions_come_first_unaltered(tmp_path):
    authored = """questions:
  authored:
  - text: Алашорда үкіметі қашан құрылды?
    answer: 1917 жылы желтоқсанда
    kind: date
    points: 2
  - Кеңес өкіметі Қазақстанда қалай орнады?
"""
    lecture, diagnostics = lecture_from(tmp_path, authored)
    first, second = lecture.questions[:2]
    assert (first.text, first.answer, first.kind, first.points, first.source) == (
        "Алашорда үкіметі қашан құрылды?", "1917 жылы желтоқсанда", "date", 2, "authored")
    assert first.line == 8 and second.line == 12
    assert second.text == "Кеңес өкіметі Қазақстанда қалай орнады?" and second.answer is None
    assert all(q.source == "generated" for q in lecture.questions[2:])
    assert not diagnostics.items


def test_exclude_reword_and_count(tmp_path):
    plain, _ = lecture_from(tmp_path / "plain")
    target = next(q for q in plain.questions if q.kind == "date")
    dropped = next(q for q in plain.questions if q.kind == "open")
    control = f"""questions:
  exclude: [{dropped.key}, "жоқ сұрақ"]
  reword:
    {target.key}: Перовскіде билік қашан ауысты?
  count: {{event: 0, matching: 0}}
"""
    lecture, diagnostics = lecture_from(tmp_path / "edited", control)
    keys = {q.key: q for q in lecture.questions}
    assert dropped.key not in keys
    assert keys[target.key].text == "Перовскіде билік қашан ауысты?" and keys[target.key].answer == target.answer
    assert not any(q.kind in ("event", "matching") for q in lecture.questions)
    assert [d.code for d in diagnostics.items] == ["bad-questions"]  # the exclude entry that matches nothing
    assert "жоқ сұрақ" in diagnostics.items[0].message


def test_questions_false_turns_them_off(tmp_path):
    lecture, _ = lecture_from(tmp_path, "questions: false\n")
    assert lecture.questions == ()


@pytest.mark.parametrize(
    ("front", "line", "message"),
    [
        ("questions: 5\n", 6, "expected a list"),
        ("questions:\n- text: 5\n", 7, "`text`"),
        ("questions:\n- Бірінші сұрақ?\n- text: Сұрақ?\n  kind: essay\n", 8, "`kind`"),
        ("questions:\n  count: {date: many}\n", 6, "questions.count.date"),
        ("questions:\n  authored:\n  - text: Сұрақ?\n    points: көп\n", 8, "`points`"),
    ],
)
def test_wrong_types_raise_with_file_and_line(tmp_path, front, line, message):
    with pytest.raises(HandoutError) as caught:
        lecture_from(tmp_path, front)
    assert caught.value.line == line and caught.value.path.name == "lecture.md"
    assert message in caught.value.message


def test_unknown_control_key_warns(tmp_path):
    _, diagnostics = lecture_from(tmp_path, "questions:\n  exclud: [x]\n")
    assert any(d.code == "bad-questions" and "exclud" in d.message and d.line == 6 for d in diagnostics.items)


def test_label_language_leaves_the_questions_in_the_lectures_language(tmp_path):
    path = make_files(tmp_path, {"lecture.md": FIXTURE.format(questions="")}) / "lecture.md"
    run = subprocess.run([*HANDOUT, "questions", str(path), "-f", "json", "--answers", "--lang", "ru"],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    records = json.loads(run.stdout)["questions"]
    frames = {phrase.split()[0].strip("{}:") for phrase in languages.get("ru").phrases.values()} - {"date", "event", "heading"}
    assert records and not any(word in r["text"] or word in str(r.get("answer")) for r in records for word in frames)
    assert any("не болды?" in r["text"] for r in records)  # the Kazakh frame, not a Russian one
    assert run.stderr.count("labels are in `ru`") == 1


def test_without_answers_strips_answers_and_matching_order(lecture10):
    stripped = without_answers(lecture10.questions)
    assert all(q.answer is None and q.pairs == () and q.order == () and q.truth is None and not q.correct for q in stripped)
    matching = next(q for q in stripped if q.kind == "matching")
    assert matching.prompts and matching.options


def test_templates_and_labels_exist_in_every_language():
    phrases = {code: languages.get(code).phrases for code in languages.CODES}
    assert set(phrases["ru"]) == set(phrases["kk"]) == set(phrases["en"])
    assert set(CATALOG["ru"]) == set(CATALOG["kk"]) == set(CATALOG["en"])
    assert all(len(CATALOG[lang]["matching_letters"]) >= 5 for lang in CATALOG)


def test_cli_questions_json(tmp_path):
    path = make_files(tmp_path, {"lecture.md": FIXTURE.format(questions="")}) / "lecture.md"
    plain = subprocess.run([*HANDOUT, "questions", str(path), "--format", "json"], capture_output=True, text=True, cwd=ROOT)
    assert plain.returncode == 0, plain.stderr
    records = json.loads(plain.stdout)["questions"]
    assert records and all({"text", "kind", "section", "line", "source"} <= set(r) for r in records)
    assert not any("answer" in r for r in records)
    keyed = subprocess.run([*HANDOUT, "questions", str(path), "-f", "json", "--answers", "--lang", "en"],
                           capture_output=True, text=True, cwd=ROOT)
    assert all(r["answer"] for r in json.loads(keyed.stdout)["questions"])
