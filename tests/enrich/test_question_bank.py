"""The question bank a test is made of: each kind's shape, its key, and text that is never cut.

Run over lecture 10, over real public Kazakh prose (tests/fixtures/eval/kk/dev) and over small
lectures built here (persons, terms, causes; Russian and English frames).
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from handout import lang as languages
from handout.diagnostics import Diagnostics
from handout.enrich import enrich
from handout.enrich.questions import build_questions, date_bounds, event_clause
from handout.errors import HandoutError
from handout.model import Person
from handout.source.lecture import load_lecture
from support import FIXTURES, LECTURE10, make_files

DEV = sorted((FIXTURES / "eval" / "kk" / "dev").glob("*.txt"))


def load(path: Path):
    diagnostics = Diagnostics()
    return enrich(load_lecture(path, diagnostics), diagnostics)


def lecture_of(tmp_path: Path, body: str, lang: str = "kk", front: str = "", name: str = "lecture.md"):
    text = f"---\ntitle: Сынақ\nlang: {lang}\n{front}---\n\n{body}\n"
    return load(make_files(tmp_path, {name: text}) / name)


@pytest.fixture(scope="module")
def lecture10():
    return load(LECTURE10)


@pytest.fixture(scope="module")
def dev_lectures(tmp_path_factory):
    """Each real Kazakh dev text as a one-section lecture."""
    root = tmp_path_factory.mktemp("dev")
    lectures = []
    for text in DEV:
        path = root / f"{text.stem}.md"
        path.write_text(f"---\ntitle: {text.stem}\nlang: kk\n---\n\n## {text.stem}\n\n{text.read_text(encoding='utf-8')}\n",
                        encoding="utf-8")
        lectures.append(load(path))
    return lectures


def printed(question) -> list[str]:
    """Every text a question prints or keys: its text, options, items, answer, pairs."""
    return [question.text, question.answer or "", *question.options, *question.items, *question.prompts,
            *(part for pair in question.pairs for part in pair)]


def balanced(text: str) -> bool:
    return text.count("«") == text.count("»") and text.count("(") == text.count(")") and text.count('"') % 2 == 0


def test_lecture10_yields_at_least_six_kinds(lecture10):
    kinds = {q.kind for q in lecture10.questions}
    assert len(kinds) >= 6, kinds
    assert {"choice", "ordering", "truefalse", "fill", "matching", "open"} <= kinds


def test_nothing_is_cut_and_quotes_balance(lecture10, dev_lectures):
    for lecture in [lecture10, *dev_lectures]:
        for question in lecture.questions:
            for text in printed(question):
                assert "…" not in text and "..." not in text, (lecture.stem, text)
                assert balanced(text), (lecture.stem, text)


def test_real_kazakh_prose_gives_items_beyond_open_tasks(dev_lectures):
    kinds = {q.kind for lecture in dev_lectures for q in lecture.questions}
    assert {"truefalse", "date"} <= kinds and len(kinds) >= 4, kinds


def test_every_choice_has_four_or_five_distinct_options_with_its_answer(lecture10):
    choices = [q for q in lecture10.questions if q.kind == "choice"]
    assert len(choices) >= 3
    for question in choices:
        assert 4 <= len(question.options) <= 5 and len(set(question.options)) == len(question.options)
        assert question.answer == question.correct and question.correct in question.options


def test_year_distractors_come_from_the_lecture_and_its_era(lecture10):
    years = set(re.findall(r"(?<!\d)1[89]\d\d(?!\d)", lecture10.source_text))
    for question in (q for q in lecture10.questions if q.kind == "choice" and q.correct.isdigit()):
        assert set(question.options) <= years
        assert all(abs(int(option) - int(question.correct)) <= 15 for option in question.options)
        assert "______" in question.text and question.correct not in question.text


def test_ordering_answer_is_its_items_in_date_order(lecture10):
    language = languages.get("kk")
    dated = {language.typeset_text(clause): event.date for event in lecture10.chronology
             if (clause := event_clause(event, "kk"))}
    orderings = [q for q in lecture10.questions if q.kind == "ordering"]
    assert orderings
    for question in orderings:
        assert 4 <= len(question.items) <= 6
        assert sorted(question.order) == sorted(question.items) and list(question.order) != list(question.items)
        bounds = [date_bounds(dated[item]) for item in question.order]
        assert all(a[1] < b[0] for a, b in zip(bounds, bounds[1:]))  # strictly one after the other


def test_true_false_swaps_a_year_and_the_key_quotes_the_lecture(lecture10):
    items = [q for q in lecture10.questions if q.kind == "truefalse"]
    assert {q.truth for q in items} == {True, False}
    source = " ".join(lecture10.source_text.split())
    for question in items:
        statement = question.text.split("? ", 1)[1].replace("\u00a0", " ").replace("\u2011", "-")
        if question.truth:
            assert statement.rstrip(".").replace("–", "-") in source.replace("–", "-")
            continue
        correct = re.search(r"«(.+)»", question.answer).group(1).replace("\u00a0", " ").replace("\u2011", "-")
        assert correct in source.replace("«", "„").replace("»", "“") or correct in source
        assert statement.rstrip(".") not in source
        assert re.sub(r"\d{4}", "Y", statement.rstrip(".")) == re.sub(r"\d{4}", "Y", correct).replace("„", "«").replace("“", "»")


def test_fill_in_blank_restores_a_sentence_of_the_lecture(lecture10):
    source = " ".join(lecture10.source_text.split())
    fills = [q for q in lecture10.questions if q.kind == "fill"]
    assert fills
    for question in fills:
        sentence = question.text.split(": ", 1)[1]
        assert sentence.count("______") == 1
        restored = sentence.replace("______", question.answer).replace("\u00a0", " ").replace("\u2011", "-")
        assert restored.rstrip(".").replace("–", "-") in source.replace("–", "-")


def test_open_task_keys_list_important_events_and_whole_sentences(lecture10):
    task = next(q for q in lecture10.questions if q.kind == "open" and "Қырғыз (Қазақ)" in q.text and "сипаттаңыз" in q.text)
    assert "26 тамыз" in task.answer or "26\u00a0тамыз" in task.answer  # the decree of 26 August 1920
    assert "…" not in task.answer and len(task.answer.split("; ")) >= 3


def test_person_questions_from_lecture_people(tmp_path):
    lecture = lecture_of(tmp_path, "## Алаш\n\nАлашорда үкіметі 1917 жылы желтоқсанда құрылды.\n")
    people = (
        Person("Ә. Бөкейханов", "Бөкейханов", "Алашорда үкіметінің төрағасы", 9, "p-1", "Алаш"),
        Person("А. Байтұрсынов", "Байтұрсынов", "«Қазақ» газетінің редакторы", 9, "p-1", "Алаш"),
        Person("М. Дулатов", "Дулатов", "«Оян, қазақ!» кітабының авторы", 9, "p-1", "Алаш"),
        Person("Х. Досмұхамедов", "Досмұхамедов", "Батыс Алашорданың басшысы", 9, "p-1", "Алаш"),
        Person("Ж. Досмұхамедов", "Досмұхамедов", "", 9, "p-1", "Алаш"),
    )
    questions = build_questions(dataclasses.replace(lecture, people=people), Diagnostics())
    who = next(q for q in questions if q.key.startswith("person-") and "төрағасы" in q.text)
    assert who.text == "Алашорда үкіметінің төрағасы кім болды?" and who.answer == "Ә.\u00a0Бөкейханов"
    assert len(who.options) >= 4 and who.correct in who.options
    matching = [q for q in questions if q.key == "matching-people"]
    assert not matching or len(matching[0].pairs) >= 3


def test_person_matching_when_choices_are_turned_off(tmp_path):
    lecture = lecture_of(tmp_path, "## Алаш\n\nАлашорда үкіметі 1917 жылы желтоқсанда құрылды.\n",
                         front="questions:\n  count: {person: 0}\n")
    people = tuple(Person(f"{initial}. {name}", name, role, 9, "p-1", "Алаш") for initial, name, role in (
        ("Ә", "Бөкейханов", "Алашорда үкіметінің төрағасы"), ("А", "Байтұрсынов", "«Қазақ» газетінің редакторы"),
        ("Т", "Рысқұлов", "Түркістан АКСР ОАК төрағасы")))
    questions = build_questions(dataclasses.replace(lecture, people=people), Diagnostics())
    matching = next(q for q in questions if q.key == "matching-people")
    assert [left.replace("\u00a0", " ") for left, _ in matching.pairs] == ["Ә. Бөкейханов", "А. Байтұрсынов", "Т. Рысқұлов"]
    assert sorted(matching.options) == sorted(right for _, right in matching.pairs)


DEFINITIONS = {
    "kk": ("## Ұғымдар\n\nКонфискация дегеніміз — мүлікті өтеусіз мемлекет меншігіне алу.\n\n"
           "**Ревком** — революциялық комитет, кеңес өкіметінің уақытша төтенше органы.\n\n"
           "Байлардың малын тартып алу «тәркілеу» деп аталады.\n\n"
           "Жетісуда күрес ұзаққа созылды, себебі онда төңкеріс қарсыластарының күштері басым болды.\n"),
    "ru": ("## Понятия\n\nКонфискация — это безвозмездное изъятие имущества в собственность государства.\n\n"
           "**Ревком** — революционный комитет, временный чрезвычайный орган советской власти.\n\n"
           "Борьба в Семиречье затянулась, потому что там преобладали силы противников революции.\n"),
    "en": ("## Terms\n\nThe term “confiscation” means the seizure of property by the state without compensation.\n\n"
           "**Revkom** — a revolutionary committee, an interim emergency body of Soviet power.\n\n"
           "The struggle in Zhetysu lasted longer because the opponents of the revolution were stronger there.\n"),
}


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_terms_and_why_items_in_the_lectures_language(tmp_path, lang):
    lecture = lecture_of(tmp_path, DEFINITIONS[lang], lang=lang,
                         front="terms:\n  Декрет: жоғарғы биліктің заң күші бар актісі\n")
    names = [term.term for term in lecture.terms]
    assert "Декрет" in names and ("Ревком" in names or "Revkom" in names)
    assert ("Конфискация" in names) or ("confiscation" in names)
    phrases = languages.get(lang).phrases
    terms = [q for q in lecture.questions if q.kind == "term"]
    assert terms and all(q.text.startswith(phrases["term"].split("{")[0]) for q in terms)
    assert all(q.answer not in q.text for q in terms)
    why = [q for q in lecture.questions if q.kind == "why"]
    assert len(why) == 1 and why[0].text.startswith(phrases["why"].split("{")[0])
    assert "басым" in why[0].answer or "преобладали" in why[0].answer or "stronger" in why[0].answer
    other = {code: languages.get(code).phrases["why"].split("{")[0] for code in languages.CODES if code != lang}
    assert not any(frame in q.text for q in lecture.questions for frame in other.values())


def test_terms_false_and_bad_terms(tmp_path):
    off = lecture_of(tmp_path, DEFINITIONS["kk"], front="terms: false\n")
    assert off.terms == () and not any(q.kind == "term" for q in off.questions)
    with pytest.raises(HandoutError, match="terms"):
        lecture_of(tmp_path, DEFINITIONS["kk"], front="terms: 3\n", name="bad.md")


AUTHORED = """questions:
  authored:
    - {kind: choice, text: "Алаш автономиясы қай съезде жарияланды?",
       options: [I съезд, II съезд, III съезд, IV съезд], answer: II съезд}
    - {kind: ordering, text: "Ретімен орналастырыңыз.", items: [Ақпан төңкерісі, Қазан төңкерісі, Алаш автономиясы, ҚазАКСР]}
    - {kind: truefalse, text: "Алашорда 1917 жылы құрылды.", answer: true}
  count: {truefalse: 0, fill: 1}
  exclude: [ordering]
"""


def test_teacher_controls_cover_every_kind(tmp_path, lecture10):
    text = LECTURE10.read_text(encoding="utf-8").replace("lang: kk\n", "lang: kk\n" + AUTHORED, 1)
    lecture = load(make_files(tmp_path, {"l10.md": text}) / "l10.md")
    authored = [q for q in lecture.questions if q.source == "authored"]
    assert [q.kind for q in authored] == ["choice", "ordering", "truefalse"]
    assert authored[0].correct == "II съезд" and authored[1].order[0] == "Ақпан төңкерісі" and authored[2].truth is True
    generated = [q for q in lecture.questions if q.source == "generated"]
    assert not any(q.kind == "truefalse" for q in generated) and sum(q.kind == "fill" for q in generated) == 1
    assert not any(q.key == "ordering" for q in generated)
    with pytest.raises(HandoutError, match="one of the `options`"):
        bad = text.replace("answer: II съезд", "answer: V съезд")
        load(make_files(tmp_path, {"bad.md": bad}) / "bad.md")


def test_real_english_prose_gets_english_frames_and_whole_sentences(tmp_path):
    texts = sorted((FIXTURES / "eval" / "en" / "dev").glob("*.txt"))[:8]
    phrases = languages.get("en").phrases
    frames = tuple(phrases[key].split("{")[0] for key in ("choice_year", "fill", "truefalse", "why", "term"))
    kinds = set()
    for text in texts:
        body = f"## {text.stem}\n\n{text.read_text(encoding='utf-8')}"
        lecture = lecture_of(tmp_path, body, lang="en", name=f"{text.stem}.md")
        for question in lecture.questions:
            kinds.add(question.kind)
            for part in printed(question):
                assert "…" not in part and "..." not in part, part
            if question.kind in ("choice", "fill", "truefalse", "why"):
                assert question.text.startswith(frames), question.text
                assert not re.search("[әғқңөұүһі]", question.text)
    assert {"fill", "truefalse"} <= kinds and len(kinds) >= 4, kinds


OWN_DATE_KEYS = {
    "ru": ("## Гражданская война\n\nВ марте 1918 г. в Верном была установлена советская власть.\n\n"
           "Летом 1918 г. после выступления Чехословацкого корпуса советская власть на севере Казахстана пала, "
           "и до конца 1919 г. здесь шла гражданская война.\n",
           "— После выступления Чехословацкого корпуса", "Летом 1918", "до конца 1919 г."),
    "en": ("## The congresses\n\nThe First All-Kazakh Congress met in Orenburg on 21–26 July 1917 and founded the Alash "
           "party, led by Alikhan Bukeikhanov (1866–1937) and Akhmet Baitursynov.\n\nIn Perovsk the soldiers took power on 30 October 1917.\n",
           "met in Orenburg and founded", "on 21–26 July", "(1866–1937)"),
}


@pytest.mark.parametrize("lang", sorted(OWN_DATE_KEYS))
def test_a_task_key_prints_the_events_date_once(tmp_path, lang):
    body, kept, repeated, other = OWN_DATE_KEYS[lang]
    task = next(q for q in lecture_of(tmp_path, body, lang=lang).questions if q.key.startswith("task-"))
    answer = task.answer.replace("\u00a0", " ")
    assert kept in answer and repeated not in answer and other in answer  # another date of the sentence stays


def test_a_kazakh_task_key_drops_the_dates_second_mention(lecture10):
    answers = [q.answer.replace("\u00a0", " ") for q in lecture10.questions if q.key.startswith("task-")]
    line = next(part for answer in answers for part in answer.split("; ") if "«Сот туралы» жарлығымен" in part)
    assert line.startswith("1917 ж. 22 қараша — ") and "1917 жылғы" not in line
