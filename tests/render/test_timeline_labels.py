"""Timeline labels: a whole phrase of the row in each language, never a cut word or an ellipsis."""

from __future__ import annotations

import re

import pytest

from handout import lang
from handout.enrich.chronology import events_from_text
from handout.render.timeline_labels import phrase_label
from support import FIXTURES, LECTURE10

KK, RU, EN = (lang.get(code).clauses for code in ("kk", "ru", "en"))


def test_a_short_row_is_its_own_label():
    assert phrase_label("Алашорда үкіметі құрылды", 40, KK) == "Алашорда үкіметі құрылды"


@pytest.mark.parametrize("rules, row, limit, label", [
    # Kazakh is verb-final: a converb clause that carries the event, or the predicate's phrase at the end.
    (KK, "Петроградта Уақытша өкімет құлатылып, мемлекет билігінің кеңестердің қолына көшкені тек Ресейді "
         "ғана емес, дүниежүзін, бүкіл әлемді дүр сілкіндірді", 40, "Петроградта Уақытша өкімет құлатылып"),
    (KK, "Петропавлда жұмысшы және шаруа депутаттары Кеңесінің темір жол жұмысшыларымен бірлескен қимылының "
         "арқасында төңкерістік уақытша комитет құрылды", 40, "төңкерістік уақытша комитет құрылды"),
    # a participle's clause is dropped whole; a genitive («Қазақстан кеңесінің») stays with its noun
    (KK, "Орынборда Қазақ АКСР-інің С.Меңдешов басшылық еткен Орталық Атқару Комитетін және В.Радус-Зенкович "
         "басқарған Халық Комиссарлар Кеңесін сайлаған Қазақстан кеңесінің құрылтай съезі өтті", 40,
     "Қазақстан кеңесінің құрылтай съезі өтті"),
    # a label never ends on a word of a list («экономикалық,») nor opens with an abbreviation's tail («т. б.»)
    (KK, "Автоматшы, пулеметші, мерген, граната лақтырушы, байланысшы, радиошы, телефонист, т. б. әскери "
         "мамандықтары бойынша 134083 адам даярлап шығарды", 35, "Автоматшы, пулеметші, мерген, граната лақтырушы, "
         "байланысшы, радиошы, телефонист, т. б. әскери мамандықтары бойынша 134083 адам даярлап шығарды"),
    # a bracketed aside may go
    (KK, "Орынборда өткен Қазақстан Кеңестерінің құрылтай съезінде Орталық Атқару Комитеті (төрағасы "
         "С. М. Мендешев) және Халком Кеңесі (төрағасы В. Радус-Зенькович) сайланды", 30, "Халком Кеңесі сайланды"),
    # Russian and English: the row's opening phrase, subject and verb
    (RU, "Власть перешла к Совету в Семипалатинске", 30, "Власть перешла к Совету"),
    (EN, "The Second All-Kazakh Congress, held in Orenburg, proclaimed the Alash Autonomy and elected its "
         "government, the Alash Orda", 30, "The Second All-Kazakh Congress, held in Orenburg"),  # a verb: two lines
    (EN, "A decree created the Kirghiz Autonomous Soviet Socialist Republic, with its capital at Orenburg", 40,
     "A decree created the Kirghiz Autonomous Soviet Socialist Republic"),
])
def test_a_long_row_gets_a_whole_phrase(rules, row, limit, label):
    assert phrase_label(row, limit, rules) == label


def test_a_subject_without_its_verb_gives_way_to_a_longer_statement():
    row = "Весть о свержении самодержавия дошла до казахской степи"
    assert phrase_label(row, 24, RU) == "Весть о свержении самодержавия дошла"


def _rows():
    """Every row of the three languages' lectures (the texts the other tests build)."""
    texts = {
        "kk": LECTURE10, "ru": FIXTURES / "lectures" / "ru_kazakhstan_1917_1920.md",
        "en": FIXTURES / "en" / "lecture_1917_1920.md",
    }
    for code, path in texts.items():
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        for event in events_from_text(body, path, lang=code, printable=True):
            yield code, event.event


ROWS = list(_rows())


@pytest.mark.parametrize("limit", (40, 30, 22, 16))
def test_every_label_is_whole_words_of_its_row_in_three_languages(limit):
    assert {code for code, _ in ROWS} == {"kk", "ru", "en"}
    for code, row in ROWS:
        rules = lang.get(code).clauses
        label = phrase_label(row, limit, rules)
        words, row_words = _words(label), _words(re.sub(r"\s*\([^()]*\)|\s*/[^/\s][^/]*/", "", row))
        assert "…" not in label and len(words) >= min(2, len(row_words)), (row, label)
        assert f" {' '.join(words)} " in f" {' '.join(row_words)} ", (row, label)
        assert label.count("«") == label.count("»") and label.count("(") == label.count(")"), label
        assert words[0] not in rules.BACK_POINTERS, (row, label)


def _words(text: str) -> list[str]:
    return re.sub(r"[,;:]", "", text).lower().split()
