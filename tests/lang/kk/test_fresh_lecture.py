"""A Kazakh lecture made of three real texts of the evaluation set's third batch (Zhangir, Tauke, Syrym):
its chronology rows and review items read as a teacher would print them.

The lecture is `tests/fixtures/lectures/kk_khanate_17_18c.md` (sources in that folder's SOURCES.md);
one enrichment per module, no PDF.
"""

from __future__ import annotations

import re

import pytest

from handout.diagnostics import Diagnostics
from handout.enrich import enrich
from handout.enrich.chronology import find_mentions, mentions_in_text
from handout.source.lecture import load_lecture
from support import FIXTURES

LECTURE = FIXTURES / "lectures" / "kk_khanate_17_18c.md"


@pytest.fixture(scope="module")
def lecture():
    return enrich(load_lecture(LECTURE, Diagnostics()), Diagnostics())


def rows(text: str) -> dict[tuple[str, str], str]:
    return {(f.event.date.start, f.event.date.end): f.event.event or f"LEFT OUT: {f.problem}"
            for f in mentions_in_text(text, "<test>", None, "kk")}


def test_this_uprising_is_named_from_the_section_heading(lecture):
    found = {(f.event.date.start, f.event.date.end): f for f in find_mentions(lecture)}
    row = found[("1783", "1797")]
    assert not row.problem
    assert row.event.event == "Сырым Датұлы бастаған көтеріліс Батыс Қазақстан өңірлерінде болып өтті"


def test_this_noun_is_not_taken_from_the_heading_when_the_sentence_before_names_one(tmp_path):
    from support import make_files

    body = ("## Сырым Датұлы бастаған көтеріліс\n\nКенесары Қасымұлы бастаған көтеріліс басылды. "
            "Бұл көтеріліс 1847 жылы аяқталды.\n")
    path = make_files(tmp_path, {"l.md": f"---\ntitle: T\nlang: kk\n---\n\n{body}"}) / "l.md"
    [mention] = find_mentions(load_lecture(path, Diagnostics()))
    assert mention.problem and "Бұл" in mention.problem


def test_a_chronicle_line_prints_its_noun_phrase():
    text = ("1465 ж. – Қазақ хандығының құрылуы.\n\n"
            "1723-1727 жж. – «Ақтабан шұбырынды, Алқакөл сұлама».\n\n"
            "1941–1945 жж. — Ұлы Отан соғысы.\n")
    assert rows(text) == {("1465", "1465"): "Қазақ хандығының құрылуы",
                          ("1723", "1727"): "«Ақтабан шұбырынды, Алқакөл сұлама»",
                          ("1941", "1945"): "Ұлы Отан соғысы"}


def test_a_date_that_is_the_predicate_leaves_the_event_in_the_subject():
    # tauke-khan-engime: "… араласуы 1650 немесе 1651 жылға сәйкес келеді" (falls in 1650 or 1651)
    found = rows("Болашақ ханның саясатқа араласуы 1650 немесе 1651 жылға сәйкес келеді.")
    assert found[("1651", "1651")] == "Болашақ ханның саясатқа араласуы"
    assert "немесе" not in " ".join(found.values())


def test_a_comment_in_the_writers_own_person_is_no_row():
    # famine-literature-massaget: an essayist's judgement, not an event
    text = ("Біздің қазақ үшін XX ғасырдағы сондай сұрапыл оқиғалардың арасында 1921 және 1931-1933 жылдар "
            "аумағын қамтыған ашаршылықтың алатын орны айрықша зор болды.")
    found = rows(text)
    assert set(found) == {("1900", "1999"), ("1921", "1921"), ("1931", "1933")}
    assert all(value.startswith("LEFT OUT") for value in found.values())


def test_the_lecture_rows_are_statements_of_their_own(lecture):
    printed = [event.event for event in lecture.chronology]
    assert len(printed) >= 7
    for text in printed:
        assert not re.match(r"(?i)(ол|бұл|оның|осы|сол)\b", text), text
        assert "немесе" not in text.split()[-1:], text


def test_no_item_quotes_a_sentence_that_leans_on_the_one_before(lecture):
    for question in lecture.questions:
        quoted = re.findall(r"«([^«»]+)»", question.text)
        for sentence in quoted:
            assert not re.match(r"(?i)(келесі|және|ол|бұл)\b", sentence), question.text
        assert "Бос орынды толтырыңыз: Және" not in question.text


def test_a_full_name_is_blanked_whole(lecture):
    fills = [q for q in lecture.questions if q.kind == "fill" and q.answer_kind == "name"]
    assert fills and all(" " in q.correct for q in fills if "Датұлы" in q.correct)
    assert all("Сырым ______" not in q.text for q in lecture.questions)


@pytest.mark.parametrize(("sentence", "leans"), [
    ("Өте күрделі саяси жағдайларда ол Ташкентке барды.", True),
    ("Патша үкіметінің жарлығы шығып, кейін олар жерлерден айырылды.", True),
    ("Салқам Жәңгір хан тұтқыннан қашқан соң, оның әскері жеңді.", False),
    ("Болашақ ханның саясатқа араласуы 1650 немесе 1651 жылға сәйкес келеді.", False),
])
def test_an_explain_gist_does_not_open_with_a_sentence_whose_pronoun_points_back(sentence, leans):
    from handout import lang as languages
    from handout.enrich.questions.generate import _leans_back

    assert _leans_back(sentence, languages.get("kk").questions) is leans


def test_a_participle_only_the_date_governed_goes_with_it():
    # collectivisation-engime: "1927 жылы желтоқсанда өткен Компартияның ХV съезі …"
    found = rows("1927 жылы желтоқсанда өткен Компартияның ХV съезі ауыл шаруашылығын ұжымдастыру бағытын жариялады.")
    assert found[("1927-12", "1927-12")] == "Компартияның ХV съезі ауыл шаруашылығын ұжымдастыру бағытын жариялады"
    # a "-ған соң" clause keeps its participle
    found = rows("Көтеріліс 1916 жылы басталған соң халық Қытайға қашты.")
    assert found[("1916", "1916")] == "Көтеріліс басталған соң халық Қытайға қашты"


def test_an_encyclopaedia_definition_is_a_statement_and_its_gloss_bracket_goes():
    # tauke-khan-engime: "<name> (aliases, life span) – <date> <what he was>"
    text = ("Тәуке хан, кейде Әз-Тәуке (толық есімі Тәуекел-Мұхаммед Баһадүр хан Қазы, жазба деректерде Тевкей, "
            "Теуке, Тявка, Тевки, 1635 жылға дейін - 1715 жылдың жазы/күзі) – 1652 жылдан бастап Кіші жүздің ханы, "
            "ал, шамамен, 1672 жылдан кейін Қазақ Ордасының билеушісі.")
    found = rows(text)
    assert found[("1652", "1652")] == "Тәуке хан, кейде Әз-Тәуке – Кіші жүздің ханы"
    assert found[("1672", "1672")].startswith("LEFT OUT")  # "шамамен, Қазақ Ордасының билеушісі": no subject

    from handout.lang.kk import clauses

    assert clauses.is_timeline_entry("Абылай хан (1711–1781) – ", " бастап Орта жүздің ханы.")
    assert not clauses.is_timeline_entry("Осы кезде Алашорда үкіметі құрылып, кейін – ", " таратылды.")  # a converb clause


def test_a_short_sections_task_key_uses_the_row_the_chronology_resolved(lecture):
    task = next(q for q in lecture.questions if q.text.startswith("«Сырым Датұлы бастаған көтеріліс»"))
    assert "1783–1797 жж. — Сырым Датұлы бастаған көтеріліс Батыс Қазақстан өңірлерінде болып өтті" in task.answer.replace("\xa0", " ")
    quoted = [q for q in lecture.questions if q.kind != "open"]
    assert all("Сырым Датұлы бастаған көтеріліс Батыс" not in q.text for q in quoted)  # never quoted as the lecture's words


def test_a_heading_run_into_its_sentence_is_no_row():
    # virgin-lands-engime: "… әлеуметтік салдары. жерлердің игерілуі 1954 жылы басталды." (small letter after the stop)
    found = rows("Тыңайған жерлерді игерудің экономикалық, экологиялық, және әлеуметтік салдары. "
                 "жерлердің игерілуі 1954 жылы басталды.")
    assert found[("1954", "1954")].startswith("LEFT OUT: two sentences run together")
