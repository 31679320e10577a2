"""A Russian lecture builds all three editions with its chronology in Russian (PDFs read back)."""

import re
import subprocess

import pytest

from support import FIXTURES, HANDOUT, pdf_text

LECTURE = FIXTURES / "lectures" / "ru_kazakhstan_1917_1920.md"
EDITIONS = ("student", "teacher", "worksheet")
KAZAKH_DATE_WORDS = re.compile(r"\d\s*жж?\.|жылы|желтоқсан|тамыз|наурыз|қазан айы|ғасыр")


@pytest.fixture(scope="module")
def texts(tmp_path_factory):
    out = tmp_path_factory.mktemp("ru-lecture")
    result = subprocess.run([*HANDOUT, "build", str(LECTURE), "--out", str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return {edition: pdf_text(out / edition / f"{LECTURE.stem}.pdf") for edition in EDITIONS}


def _chronology(text: str) -> str:
    """The text from the chronology heading (its last mention: the contents list it first) to the questions."""
    start = text.rindex("Хронология")
    end = text.find("Контрольные вопросы", start)
    return text[start : end if end > 0 else None]


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_edition_has_a_russian_chronology(texts, edition):
    chronology = _chronology(texts[edition])
    assert "Дата" in chronology and "Событие" in chronology
    assert not KAZAKH_DATE_WORDS.search(chronology), chronology


def test_chronology_rows_are_the_lecture_dates_printed_in_russian(texts):
    flat = re.sub(r"\s+", " ", _chronology(texts["teacher"]).replace("\u00ad", ""))
    for printed in ("21–26 июля 1917 г.", "5–13 (18–26) декабря 1917 г.", "30 октября (12 ноября) 1917 г.",
                    "в ночь на 17 февраля 1918 г.", "к весне 1918 г.", "10 июля 1919 г.", "26 августа 1920 г.",
                    "4–12 октября 1920 г."):
        assert printed in flat, printed
    assert flat.index("5–13 (18–26) декабря 1917 г.") < flat.index("26 августа 1920 г.")  # in date order


def test_edition_labels_are_russian(texts):
    assert "Экземпляр преподавателя" in texts["teacher"]
    assert "Рабочий лист" in texts["worksheet"] or "Фамилия, имя" in texts["worksheet"]


@pytest.mark.parametrize("edition", EDITIONS)
def test_questions_are_russian_in_every_edition(texts, edition):
    """The review questions (and in the teacher's copy the keys) are written in Russian, not in a Kazakh frame."""
    text = texts[edition]
    questions = text[text.rindex("Контрольные вопросы"):]
    assert re.search(r"Когда произошло это событие|Расположите события|Заполните пропуск|Какой год пропущен", questions)
    assert not re.search(r"не болды|қашан болды|сәйкестендіріңіз|Бос орын|[әғқңөұүһі]", questions), questions[:400]
