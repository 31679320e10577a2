"""Tests for handout.lang.importing with the Russian and English rules (Kazakh: tests/lang/kk/test_importer.py)."""

from __future__ import annotations

import re

import pytest
import yaml

from handout import lang
from handout.errors import HandoutError
from handout.lang.compounds import dictionary_judge
from handout.lang.hunspell import installed_dictionaries
from handout.lang.importing import detect_language, import_text
from support import FIXTURES, SEED

IMPORTING = FIXTURES / "importing"


def imported(code: str, text: str) -> str:
    return import_text(text, "x.txt", lang.get(code).import_rules())


def front(markdown: str) -> dict:
    return yaml.safe_load(markdown.split("---\n", 2)[1])


def needs_dictionaries(code: str):
    missing = not installed_dictionaries(lang.get(code).spelling)
    return pytest.mark.skipif(missing, reason=f"the {code} hunspell dictionaries are not installed")


@pytest.mark.parametrize("code", [pytest.param(code, marks=needs_dictionaries(code)) for code in ("ru", "en")])
def test_damaged_extraction_imports_as_checked_by_hand(code):  # its compounds need the dictionaries
    damaged = (IMPORTING / f"{code}_damaged.txt").read_text(encoding="utf-8")
    expected = (IMPORTING / f"{code}_expected.md").read_text(encoding="utf-8")
    assert imported(code, damaged) == expected


def test_russian_extraction_loses_its_page_furniture_and_keeps_its_structure():
    markdown = imported("ru", (IMPORTING / "ru_damaged.txt").read_text(encoding="utf-8"))
    body = markdown.split("---\n", 2)[2]
    assert front(markdown) == {"title": "Казахстан в 1917–1920 годах", "number": 3, "lang": "ru"}
    assert re.findall(r"^## (.+)$", body, re.MULTILINE) == ["Февральская революция", "Алаш", "Гражданская война"]
    assert "История Казахстана" not in body and not re.search(r"(?<![\d–])1[23](?!\d)", body)
    assert "органы власти" in body and "монархия" in body and "Большевики" in body  # words split by the typesetter
    assert "автономия Алаш-Орда" in body  # a name broken at its own hyphen keeps it
    assert "1917 г. в Петрограде" in body  # a paragraph goes on after "г."


@needs_dictionaries("ru")
def test_russian_compound_of_two_known_words_keeps_its_hyphen():
    body = imported("ru", (IMPORTING / "ru_damaged.txt").read_text(encoding="utf-8"))
    assert "Военно-политическое положение" in body


@needs_dictionaries("en")
def test_english_split_words_are_joined_and_compounds_kept():
    body = imported("en", (IMPORTING / "en_damaged.txt").read_text(encoding="utf-8")).split("---\n", 2)[2]
    assert "News of the revolution reached" in body and "Bolsheviks" in body and "government was" in body
    assert "the Austro-Hungarian and German" in body and "Its well-known promise" in body
    assert "Lecture Notes" not in body and "- 12 -" not in body and "12" not in body


@pytest.mark.parametrize(("code", "text", "title", "number"), [
    ("ru", "Тема: Казахское ханство\n\n1.Образование ханства. Текст.\n", "Казахское ханство", None),
    ("ru", "Лекция № 4\nТема лекции: Джунгарское нашествие\n\n1.Начало войны. Текст.\n", "Джунгарское нашествие", 4),
    ("ru", "ТЕМА 5. КАЗАХСТАН В 1920-е ГОДЫ\n\n1.Нэп. Текст.\n", "КАЗАХСТАН В 1920-е ГОДЫ", 5),
    ("ru", "Казахстан в годы Великой Отечественной войны\n\n1.Мобилизация. Текст.\n",
     "Казахстан в годы Великой Отечественной войны", None),
    ("en", "Topic: The Kazakh Khanate\n\n1.Origins. Text.\n", "The Kazakh Khanate", None),
    ("en", "Lecture No. 7 — The Virgin Lands Campaign\n\n1.Plans. Text.\n", "The Virgin Lands Campaign", 7),
    ("en", "Topic 6. The Kazakh SSR\n\n1.Borders. Text.\n", "The Kazakh SSR", 6),
    ("en", "Lecture 5\nTopic: Collectivisation\n\n1.Plans. Text.\n", "Collectivisation", 5),
    ("en", "Kazakhstan and the Silk Road\n\n1.Routes. Text.\n", "Kazakhstan and the Silk Road", None),
])  # fmt: skip
def test_title_lines_of_each_convention(code, text, title, number):
    markdown = imported(code, text)
    assert front(markdown).get("title") == title and front(markdown).get("number") == number
    assert front(markdown)["lang"] == code and "## " in markdown


@pytest.mark.parametrize(("code", "text"), [
    ("ru", "В 1917 году пала монархия. Это было начало революции.\n"),
    ("en", "In 1917 the monarchy fell. It was the start of the revolution.\n"),
])  # fmt: skip
def test_text_without_a_title_line_is_refused_with_what_to_write(code, text):
    with pytest.raises(HandoutError) as caught:
        imported(code, text)
    assert str(caught.value).startswith("x.txt:1: error: no lecture title found")
    assert ("Лекция 3." if code == "ru" else "Lecture 3:") in str(caught.value)


def test_outline_and_outcomes_go_to_front_matter():
    text = ("Lecture 2: The Kazakh Khanate\n\nLearning outcomes:\n1. Explain how the khanate formed;\n"
            "2. Name its first khans.\n\nOutline:\n1. Origins\n2. Khans\n\n1.Origins. In 1465 Kerei and Janibek\n"
            "led their people to the Chu valley.\n\n2.Khans. Kasym Khan ruled the steppe.\n")
    markdown = imported("en", text)
    assert front(markdown)["outcomes"] == ["Explain how the khanate formed", "Name its first khans"]
    assert re.findall(r"^## (.+)$", markdown, re.MULTILINE) == ["Origins", "Khans"]
    assert "In 1465 Kerei and Janibek led their people" in markdown


def test_language_is_told_from_letters_and_words():
    for name in ("lecture03", "lecture05", "lecture07", "lecture08"):
        assert detect_language((FIXTURES / "kazakh" / f"{name}_damaged.txt").read_text(encoding="utf-8")) == "kk"
    assert detect_language(SEED.read_text(encoding="utf-8")) == "kk"
    assert detect_language((IMPORTING / "ru_damaged.txt").read_text(encoding="utf-8")) == "ru"
    assert detect_language((IMPORTING / "en_damaged.txt").read_text(encoding="utf-8")) == "en"
    # A Russian text naming Kazakh people and places in their Kazakh spelling stays Russian.
    assert detect_language("Лекция 1. Әлихан Бөкейхан и партия «Алаш»: в 1917 году Әлихан Бөкейхан "
                           "возглавил правительство, которое было создано в Орынборе.") == "ru"
    assert detect_language("12\n\n- 13 -\n") is None


def test_pdftotext_pages_ligatures_and_lines_above_the_title():
    markdown = imported("en", (IMPORTING / "en_pdftotext.txt").read_text(encoding="utf-8"))
    assert markdown == (IMPORTING / "en_pdftotext_expected.md").read_text(encoding="utf-8")
    body = markdown.split("---\n", 2)[2]
    assert body.startswith("\nAl-Farabi Kazakh National University\n\n## Land reforms\n")  # kept, for the teacher
    assert front(markdown)["title"] == "Kazakhstan in the 1920s" and len(front(markdown)["outcomes"]) == 2
    assert "History of Kazakhstan" not in body and "Lecture 4" not in body and not re.search(r"\b[789]\b", body)
    assert re.findall(r"^## (.+)$", body, re.MULTILINE) == ["Land reforms", "Collectivisation and the settlement of the nomads"]
    assert "confiscation" in body and "ﬁ" not in body and "organised too late" in body and "mid-1920s" in body and "settlement of the nomads began" in body


@pytest.mark.parametrize(("code", "lines", "joined"), [
    ("ru", "в 1920-\nх годах", "в 1920-х годах"),
    ("ru", "что-\nто изменилось", "что-то изменилось"),
    ("ru", "кое-\nгде в аулах", "кое-где в аулах"),
    ("ru", "Букей-\nханов возглавил", "Букейханов возглавил"),  # no evidence: the typesetter split it
    ("en", "the mid-\n1920s", "the mid-1920s"),
    ("en", "the Austro-\nHungarian army", "the Austro-Hungarian army"),
])  # fmt: skip
def test_line_end_hyphens(code, lines, joined):
    title = "Лекция 1. Проверка" if code == "ru" else "Lecture 1: A check"
    assert joined in imported(code, f"{title}\n\n{lines}.\n")


def test_without_dictionaries_only_the_text_capitals_and_particles_keep_a_hyphen():
    keeps = dictionary_judge((), tail_particles=frozenset({"то"}))([], frozenset({"военно-политический"}))
    assert keeps("Алаш", "Орда") and keeps("что", "то") and keeps("военно", "политический")
    assert not keeps("ор", "ганы") and not keeps("well", "known")  # no word knowledge: joined
