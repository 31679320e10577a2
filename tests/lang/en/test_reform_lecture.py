"""A second English lecture, built from three real page openings (batch fresh-5: history-timeline-crimean-war,
issuhub-western-civ-emancipation, piglix-kaufman), read as a teacher reads its chronology and questions.

No PDF is built here (tests/lang/en/test_lecture.py builds one): the prepared lecture is what the PDFs print.
"""

from __future__ import annotations

import re

import pytest

from handout import lang as languages
from handout.diagnostics import Diagnostics
from handout.pipeline import prepare_lecture
from support import FIXTURES

ENGLISH = languages.get("en")


@pytest.fixture(scope="module")
def lecture():
    return prepare_lecture(FIXTURES / "en" / "lecture_reform_1853_1867.md", Diagnostics())


def test_the_chronology_prints_each_dated_event_once_with_its_own_subject(lecture):
    rows = {ENGLISH.format_date(event.date): event.event for event in lecture.chronology}
    assert rows["1864"] == "Alexander II created elective district assemblies (zemstva) with powers of local government"
    assert rows["1855"] == "Von Kaufman commanded the sappers at the siege of Kars"
    assert "siege of Kars" not in rows["1838"]
    assert not any("liberalism went beyond" in row for row in rows.values())  # "the edict of 1861" dates no row
    assert not any(re.match(r"(?:He|She|The (?:new )?czar)\b", row) for row in rows.values())


def test_a_person_question_asks_a_role_the_text_gives_with_full_names_as_options(lecture):
    [person] = [q for q in lecture.questions if q.key.startswith("person-")]
    assert person.text == "Who was the first Governor-General of Russian Turkestan?"
    assert person.correct == "Konstantin Petrovich von Kaufmann"
    assert all(len(option.split()) >= 2 and "." not in option for option in person.options)  # full names only
    # the sentence that states the role is not also a fill-in item that prints the answer
    assert not any(q.kind == "fill" and q.answer in person.correct for q in lecture.questions)


def test_every_single_choice_item_offers_options_of_one_kind(lecture):
    for question in lecture.questions:
        if question.kind == "choice" and not question.key.startswith("person-"):
            assert len({bool(re.fullmatch(r"\d{4}", option)) for option in question.options}) == 1, question.options
