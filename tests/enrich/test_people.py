"""Key people: the persons lecture 10 names, with the role the text gives and the page of the first mention."""

from __future__ import annotations

import re

import pytest

from handout import lang as languages
from handout.diagnostics import Diagnostics
from handout.enrich.people import add_people
from handout.lang.people import find_mentions
from handout.render.theme import find_theme
from handout.source.lecture import load_lecture
from support import LECTURE10, SHORT_LECTURE, make_files, pdf_text

REQUIRED = ("Бөкейхан", "Байтұрсынов", "Рысқұлов", "Жанкелдин", "Сейфуллин", "Меңдешов", "Қожанов", "Дутов")


@pytest.fixture(scope="module")
def lecture(lecture10_prepared):
    return lecture10_prepared  # conftest.py: shared, read-only


@pytest.fixture(scope="module")
def student_text(lecture10_editions):
    return pdf_text(lecture10_editions["student"])  # the CLI's build of lecture 10 (conftest.py)


@pytest.mark.parametrize("surname", REQUIRED)
def test_each_required_person_has_a_role_and_a_first_mention(lecture, surname):
    found = [person for person in lecture.people if person.surname.startswith(surname)]
    assert len(found) == 1, [person.name for person in found]
    assert found[0].role and found[0].anchor.startswith("p-")


def test_forms_of_one_person_merge_and_brothers_stay_apart(lecture):
    names = [person.name for person in lecture.people]
    assert sum("Бөкейхан" in name for name in names) == 1
    assert {"Халел Досмұхамедов", "Жанша Досмұхамедов"} <= set(names)
    assert not any(re.search(r"Республика|Одағ", name) for name in names)


def test_roles_are_the_texts_own(lecture):
    roles = {person.surname: person.role for person in lecture.people}
    assert roles["Рысқұлов"] == "Орталық Атқару Комитетінің төрағасы"
    assert roles["Құлманов"] == "Съезд төрағасы"
    assert roles["Қожанов"] == "Жер-су реформасын ұйымдастырды"
    assert "комиссар" in roles["Жанкелдин"]


def test_sorted_by_surname_in_the_kazakh_alphabet(lecture):
    alphabet = languages.get("kk").people.ALPHABET
    firsts = [alphabet.index(person.surname[0]) for person in lecture.people]
    assert firsts == sorted(firsts)
    assert [person.surname for person in lecture.people].index("Әйтиев") < [person.surname for person in lecture.people].index("Байтұрсынов")


def test_the_first_mention_is_the_earliest(lecture):
    lenin = next(person for person in lecture.people if person.surname == "Ленин")
    first_block = next(block for _, block in lecture.blocks() if "Ленин" in block.text)
    assert lenin.anchor == first_block.anchor


def test_the_pdf_prints_each_required_person_with_role_and_page(lecture, student_text):
    start = student_text.rindex("Тарихи тұлғалар")
    section = student_text[start:student_text.index("Бақылау сұрақтары", start)]
    flat = re.sub(r"\s+", " ", re.sub(r"[\ufffe\x02\u00ad\u2011]\s*", "", section))
    for surname in REQUIRED:
        person = next(person for person in lecture.people if person.surname.startswith(surname))
        typeset = languages.get("kk").typeset_text
        printed = [*typeset(person.name).split(), "—", *typeset(person.role).replace("\u2011", "").split()]
        words = r"\s*".join(re.escape(word) for word in printed)
        match = re.search(rf"{words}[\s.]*?(\d+) ", flat)
        assert match, (surname, flat[:300])
        assert 1 <= int(match.group(1)) <= 25


def test_front_matter_adds_drops_and_rewords(tmp_path):
    text = SHORT_LECTURE.replace("date: 2026-11-10\n", "date: 2026-11-10\npeople:\n  exclude: [Құлманов]\n"
                                 "  add: [{name: М. Шоқай, role: Түркістан автономиясының төрағасы}]\n")
    text += "\nСъезд хатшысы Ә. Бөкейханов болды.\n"
    path = make_files(tmp_path, {"l.md": text}) / "l.md"
    people = add_people(load_lecture(path), Diagnostics()).people
    assert [(p.name, p.role, p.source) for p in people] == [
        ("Ә. Бөкейханов", "Съезд хатшысы", "found"), ("М. Шоқай", "Түркістан автономиясының төрағасы", "authored")]


@pytest.mark.parametrize("code, text, name, role", [
    ("ru", "Съезд избрал ЦИК (председатель ЦИК С. М. Мендешев). Затем А. Н. Букейханов уехал.", "С. М. Мендешев", "председатель ЦИК"),
    # tests/fixtures/lectures/ru_collectivisation_1925_1933.md: a role in the case its sentence needs, put in the nominative
    ("ru", "В 1925 г. первым секретарём Казкрайкома ВКП(б) стал Ф. И. Голощёкин.", "Ф. И. Голощёкин",
     "первый секретарь Казкрайкома ВКП(б)"),
    ("ru", "Летом 1932 г. Т. Р. Рыскулов, заместитель председателя Совнаркома РСФСР, направил письмо.", "Т. Р. Рыскулов",
     "заместитель председателя Совнаркома РСФСР"),
    # tests/fixtures/lectures/ru_homefront_1941_1945.md
    ("ru", "25 ноября 1941 г. первый секретарь ЦК КП(б) Казахстана Н. А. Скворцов получил директиву.", "Н. А. Скворцов",
     "первый секретарь ЦК КП(б) Казахстана"),
    ("ru", "В 1942 г. председателем Президиума Казахского филиала АН СССР стал К. И. Сатпаев.", "К. И. Сатпаев",
     "председатель Президиума Казахского филиала АН СССР"),
    ("ru", "Командиром дивизии был назначен генерал-майор И. В. Панфилов.", "И. В. Панфилов", "командир дивизии"),
    # tests/fixtures/lectures/ru_kazakhstan_1917_1920.md: the body a person «возглавил», in the genitive
    ("ru", "На нём была образована партия «Алаш», которую возглавил А. Н. Букейханов.", "А. Н. Букейханов",
     "руководитель партии «Алаш»"),
    ("ru", "Съезд избрал Народный совет Алаш-Орды во главе с А. Н. Букейхановым.", "А. Н. Букейханов",
     "руководитель Народного совета Алаш-Орды"),
    ("ru", "Летом 1932 г. Т. Р. Рыскулов направил письмо И. В. Сталину.", "Т. Р. Рыскулов", ""),
    ("ru", "В 1946 г. К. И. Сатпаев стал первым президентом Академии наук Казахской ССР.", "К. И. Сатпаев",
     "первый президент Академии наук Казахской ССР"),
    # tests/fixtures/eval/ru/dev/litbaza-baitursynov-1920s.txt (after a dash; a mixed-case abbreviation)
    ("ru", "А. Байтурсынов — Народный комиссар просвещения КирАССР (1920–1921), член КазЦИК.", "А. Байтурсынов",
     "народный комиссар просвещения КирАССР"),
    ("en", "T. Ryskulov, chairman of the Turkestan Central Executive Committee, proposed it.", "T. Ryskulov",
     "chairman of the Turkestan Central Executive Committee"),
])
def test_russian_and_english_initials_and_roles(code, text, name, role):
    mentions = find_mentions(text, languages.get(code).people)
    assert mentions[0].name == name and mentions[0].role == role


def test_lecture10_html_carries_the_timeline_people_and_terms(lecture):
    from dataclasses import replace

    from handout.model import Term
    from handout.render.html import render_html

    with_terms = replace(lecture, terms=(Term("Алашорда", "Алаш автономиясының үкіметі", anchor="p-20"),))
    html = render_html(with_terms, find_theme(LECTURE10.parent))
    assert '<svg class="timeline"' in html and "<title>" in html
    assert "Тарихи тұлғалар" in html and "Негізгі ұғымдар" in html and "Алаш автономиясының үкіметі" in html
    assert html.index('class="timeline-figure"') < html.index('id="chronology"') < html.index('id="people"')
