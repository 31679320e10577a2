"""Place items: the blanked place's options are other places of the lecture, of its type and in its form."""

from __future__ import annotations

import re

import pytest

from handout import lang as languages
from handout.diagnostics import Diagnostics
from handout.enrich import enrich
from handout.source.lecture import load_lecture
from support import LECTURE10, make_files


def lecture_of(tmp_path, body: str, lang: str):
    path = make_files(tmp_path, {"l.md": f"---\ntitle: T\nlang: {lang}\n---\n\n{body}\n"}) / "l.md"
    return enrich(load_lecture(path, Diagnostics()), Diagnostics())


def place_items(lecture):
    return [q for q in lecture.questions if q.key.startswith("place-")]


@pytest.fixture(scope="module")
def lecture10():
    return enrich(load_lecture(LECTURE10), Diagnostics())


def test_kazakh_city_options_are_cities_of_the_lecture(lecture10):
    items = place_items(lecture10)
    assert items
    text = lecture10.source_text
    for item in items:
        # the blank stands before "қаласы"/"облысы": a nominative, no ending to agree; the options are of that kind
        kind = re.search(r"______ (қала|облыс)", item.text)
        assert kind, item.text
        assert all(f"{option} {kind.group(1)}" in text for option in item.options), item.options
    assert len({item.correct for item in items}) == len(items)


# Sentences of tests/fixtures/eval/ru/dev/zonakz-kazakhstan-1917.txt and tarikh-alash-orda.txt, and the ru lecture fixture
RUSSIAN = """## Революция

В 1917 году 23 февраля в Петрограде прошли женские демонстрации с лозунгами «Хлеба и мира!».

1 марта по старому стилю новая власть была установлена в Москве, в течение марта – по всей стране.

С 21 по 26 июля 1917 г. в Оренбурге прошёл первый Всеказахский съезд.

В ночь со 2 на 3 марта 1918 г. власть перешла к Совету в Семипалатинске.

В 1929 г. столица республики была перенесена в Алма-Ату.
"""


def test_russian_options_take_the_case_of_the_blank(tmp_path):
    items = place_items(lecture_of(tmp_path, RUSSIAN, "ru"))
    assert items
    for item in items:
        assert item.text.startswith(languages.get("ru").phrases["choice_place"].split("{")[0])
        if "в ______" in item.text and "перенесена" not in item.text:
            assert set(item.options) <= {"Петрограде", "Москве", "Оренбурге", "Семипалатинске", "Алма-Ате"}, item.options


def test_a_land_is_never_an_option_for_a_town():
    rules = languages.get("ru").questions
    kinds = {key for _, _, key in rules.place_mentions("Войска вошли в Казахстан из Оренбурга и дошли до Ташкента.")}
    assert ("Казахстан", "land") in kinds and ("Оренбург", "town") in kinds and ("Ташкент", "town") in kinds
    english = languages.get("en").questions
    found = {key for _, _, key in english.place_mentions("The congress met in Orenburg, far from Western Siberia.")}
    assert found == {("Orenburg", "town"), ("Western Siberia", "land")}


def test_no_place_item_without_three_other_places_of_its_type(tmp_path):
    # tests/fixtures/en/lecture_1917_1920.md names only three towns
    body = ("## Revolution\n\nThe Bolsheviks seized power in Petrograd in October 1917. In Perovsk the soldiers and "
            "railway workers took power on 30 October 1917. The Second All-Kazakh Congress, held in Orenburg from 5 to "
            "13 December 1917, proclaimed the Alash Autonomy.\n")
    assert place_items(lecture_of(tmp_path, body, "en")) == []


# adapted from tests/fixtures/eval/ru/dev/smekni-virgin-lands.txt: its one sentence of three counts split in three
VIRGIN_LANDS = """## Целина

Всего было распахано 41,8 млн. га целины и залежи.

В РСФСР освоили 16,3 млн. га новых земель.

В Казахстане освоили 25,5 млн. га новых земель.

Рекордный урожай составил 125 млн. тонн зерновых.

Засуха погубила 3 млн. га посевов.

Под пшеницу отвели 30 млн. га.
"""


def test_number_options_are_counts_of_the_lecture_of_the_same_unit_and_magnitude(tmp_path):
    items = [q for q in lecture_of(tmp_path, VIRGIN_LANDS, "ru").questions if q.key.startswith("number-")]
    assert items
    for item in items:
        assert item.text.startswith("Какое число пропущено")
        assert item.correct in item.options and "3" not in item.options  # 3 млн is not of the same magnitude
        assert "125" not in item.options  # млн. тонн are not млн. га
        values = [float(option.replace(",", ".")) for option in item.options]
        assert values == sorted(values)
