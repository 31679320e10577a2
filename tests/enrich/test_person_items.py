"""Person items: one printed form for every option, never the answer's own surname twice, roles that name their body."""

from __future__ import annotations

import pytest

from handout import lang as languages
from handout.diagnostics import Diagnostics
from handout.enrich import enrich
from handout.enrich.questions.people import printed_names
from handout.model import Person
from handout.source.lecture import load_lecture
from support import LECTURE10


@pytest.fixture(scope="module")
def lecture10():
    return enrich(load_lecture(LECTURE10), Diagnostics())


def person(name: str, surname: str, role: str = "") -> Person:
    return Person(name=name, surname=surname, role=role)


def test_lecture10_person_options_share_one_form(lecture10):
    people = languages.get("kk").people
    items = [q for q in lecture10.questions if q.key.startswith("person-")]
    assert items
    for item in items:
        shapes = {"initials" if "." in option else "full" if " " in option else "surname" for option in item.options}
        assert len(shapes) == 1, item.options
        answer = people.surname_key(item.correct.split()[-1])
        assert [people.surname_key(o.split()[-1]) for o in item.options].count(answer) == 1, item.options


def test_lecture10_asks_no_role_that_misses_its_body(lecture10):
    # "Батыс бөлімшесінің төрағасы Ж.Досмұхамедұлы тағайындалды": the body, Alash Orda, is in the sentence before
    texts = [q.text for q in lecture10.questions] + [role for q in lecture10.questions if q.key == "matching-people"
                                                     for _, role in q.pairs]
    assert not any("Батыс бөлімшесінің" in text or text.startswith("Съезд төрағасы") for text in texts)


@pytest.mark.parametrize(("names", "printed"), [
    ([("Әлихан Бөкейханов", "Бөкейханов"), ("П. Басов", "Басов"), ("Ахмет Байтұрсынов", "Байтұрсынов")],
     ["Ә. Бөкейханов", "П. Басов", "А. Байтұрсынов"]),
    ([("Alikhan Bukeikhanov", "Bukeikhanov"), ("Akhmet Baitursynov", "Baitursynov")],
     ["Alikhan Bukeikhanov", "Akhmet Baitursynov"]),
    ([("А. Н. Букейханов", "Букейханов"), ("Байтурсынов", "Байтурсынов"), ("М. Дулатов", "Дулатов")],
     ["Букейханов", "Байтурсынов", "Дулатов"]),
])
def test_options_print_the_fullest_form_every_person_has(names, printed):
    people = [person(name, surname) for name, surname in names]
    assert list(printed_names(people).values()) == printed


@pytest.mark.parametrize(("role", "nominative"), [
    ("председателем научно-литературной комиссии", "председатель научно-литературной комиссии"),
    ("председателя ЦИК Казахской АССР", "председатель ЦИК Казахской АССР"),
    ("председатель Совета народных комиссаров", "председатель Совета народных комиссаров"),
])
def test_a_russian_role_is_asked_in_the_nominative(role, nominative):
    assert languages.get("ru").questions.role_phrase(role) == nominative


@pytest.mark.parametrize(("lang", "text", "names"), [
    # tests/fixtures/eval/ru/dev/genby-jeltoqsan-1986.txt, kisapes-semipalatinsk-1991.txt
    ("ru", "Пленум освободил от должности первого секретаря Динмухамеда Кунаев и избрал Генадий Колбин.", {"Генадий Колбин"}),
    ("ru", "Указ Президента Назарбаев подписал 29 августа 1991 года.", set()),
    ("ru", "На съезде выступил А. Н. Букейханов, его поддержал Ахмет Байтурсынов.", {"А. Н. Букейханов", "Ахмет Байтурсынов"}),
    # tests/fixtures/eval/en/dev/kazakhstan-sovereignty-independence.txt
    ("en", "At Nazarbayev's insistence, Moscow surrendered control of the republic's mineral resources.", set()),
])
def test_a_case_form_or_a_title_is_not_a_first_name(lang, text, names):
    from handout.lang.people import find_mentions

    assert {mention.name for mention in find_mentions(text, languages.get(lang).people)} == names


@pytest.fixture(scope="module")
def collectivisation():
    from support import FIXTURES

    return enrich(load_lecture(FIXTURES / "lectures" / "ru_collectivisation_1925_1933.md"), Diagnostics())


def test_a_russian_lecture_asks_who_held_each_role_it_names_once(collectivisation):
    lecture = collectivisation
    asked = {q.text.replace("\u00a0", " "): q.correct.replace("\u00a0", " ")
             for q in lecture.questions if q.key.startswith("person-")}
    assert asked["Кто из названных — председатель Совнаркома КАССР?"] == "Н. Нурмаков"  # «Председатель Совнаркома КАССР Н. Нурмаков»
    assert asked["Кто из названных — председатель ЦИК КАССР?"] == "Е. Ерназаров"  # «с председателем ЦИК КАССР Е. Ерназаровым»
    # Голощёкин, then Мирзоян: «первым секретарём Казкрайкома ВКП(б)», «Новым первым секретарём Казкрайкома»
    assert not any("секретарь Казкрайкома" in text for text in asked)


def test_a_role_another_item_prints_beside_its_holder_is_not_asked(collectivisation):
    from handout.enrich.questions.people import person_choices

    asked = [q.text for q in person_choices(collectivisation, 5, 1)]
    assert any("председатель ЦИК КАССР" in text for text in asked)
    # another item of the sheet prints the role beside the name (as a matching row printed «Т. Р. Рыскулов, заместитель …»)
    shown = ("Председатель ЦИК КАССР Е. Ерназаров подписал декрет",)
    assert not any("председатель ЦИК КАССР" in q.text for q in person_choices(collectivisation, 5, 1, shown))
