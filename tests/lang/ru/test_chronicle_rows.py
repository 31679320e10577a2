"""Chronology rows of Russian chronicle lines: the date heads the line, a noun phrase may tell its event."""

from handout.enrich.chronology import events_from_text
from handout.lang.ru.clauses import is_timeline_entry
from handout.lang.ru.sentences import split_sentences

CHRONICLE = """1918, 26 мая — восстание Чехословацкого корпуса.

1918 г., август. Начало красного террора после покушения на Ленина.

1919 г. 16 октября — войска Юденича вышли к Пулковским высотам.

- Янв.-май.42 — бои за Ржев.
- 26.06.41 22.07.41 — оборона Могилёва.
"""


def _rows(text: str) -> list[tuple[str, str, str]]:
    return [(e.date.start, e.date.end, e.event) for e in events_from_text(text, lang="ru", printable=True)]


def test_chronicle_lines_print_their_noun_phrase_as_the_event():
    assert _rows(CHRONICLE) == [
        ("1918-05-26", "1918-05-26", "Восстание Чехословацкого корпуса"),
        ("1918-08", "1918-08", "Начало красного террора после покушения на Ленина"),
        ("1919-10-16", "1919-10-16", "Войска Юденича вышли к Пулковским высотам"),
        ("1941-06-26", "1941-07-22", "Оборона Могилёва"),
        ("1942-01", "1942-05", "Бои за Ржев"),
    ]


def test_a_noun_phrase_in_prose_still_needs_a_verb():
    # the date does not head the line: «восстание …» after it is no statement
    assert _rows("По данным историков, 26 мая 1918 года восстание Чехословацкого корпуса.") == []


def test_timeline_entry_needs_the_date_first_and_a_dash_colon_or_stop_after():
    assert is_timeline_entry("", " — восстание")
    assert is_timeline_entry("- ", ": восстание")
    assert is_timeline_entry("", ". Начало террора")
    assert not is_timeline_entry("В ", " началось восстание")
    assert not is_timeline_entry("", " восстание")


def test_a_date_label_with_its_own_full_stop_heads_the_next_sentence():
    text = "1918 г., август. Начало красного террора. Конец августа 1919. Цены выросли. Это было в 1920 г. В 1921 г. начался голод."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "1918 г., август. Начало красного террора.", "Конец августа 1919. Цены выросли.", "Это было в 1920 г.",
        "В 1921 г. начался голод."]


def test_a_short_past_verb_makes_a_statement():
    assert _rows("Алихан Букейханов с декабря 1922 года по сентябрь 1937 года жил в Москве.") == [
        ("1922-12", "1937-09", "Алихан Букейханов жил в Москве")]


def test_a_year_heading_gives_its_day_lines_their_year(tmp_path):
    from handout.enrich.chronology import extract_events
    from handout.source.lecture import load_lecture

    source = tmp_path / "chronicle.md"
    source.write_text("---\ntitle: Хроника\nlang: ru\n---\n\n## 1918 год\n\n26 мая — восстание Чехословацкого корпуса.\n\n"
                      "## Хроника сражений\n\n6 июля — бой у деревни.\n", encoding="utf-8")
    dated = [(e.date.start, e.event) for e in extract_events(load_lecture(source)) if e.event]
    # a heading that is one year dates the lines under it; a heading that names no year starts a story with none
    assert dated == [("1918-05-26", "Восстание Чехословацкого корпуса")]


def test_a_list_item_or_a_line_after_a_colon_heading_starts_a_sentence():
    text = ("Даты в фотографиях:\n- 22 января — «Кровавое воскресенье».\nЖизнь и внутренняя политика:\n"
            "Конец августа 1919. Цены подскочили.\nв районе Сталинграда\n22 дивизии окружили.")
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Даты в фотографиях:", "- 22 января — «Кровавое воскресенье».", "Жизнь и внутренняя политика:",
        "Конец августа 1919. Цены подскочили.\nв районе Сталинграда\n22 дивизии окружили."]  # wrapping is no boundary
