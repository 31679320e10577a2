"""Russian dates of biographies, early history and chronicles: mixed-precision spans, early years in brackets,
month-range labels, a chronicle crossing the New Year, and the numbers next to them that stay counts."""

import pytest

from handout.enrich.chronology import events_from_text, extract_events, mentions_in_text
from handout.lang.ru.dates import find_dates
from handout.source.lecture import load_lecture


def _pairs(text: str, context_year: int | None = None) -> list[tuple[str, str, str]]:
    return [(text[m.start : m.end], m.value.start, m.value.end) for m in find_dates(text, context_year) if m.value]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an encyclopedia's khan: the birth year alone, the death day in full
        ("Абулхаир (1710 – 17 августа 1748) — хан Младшего жуза.", [("1710 – 17 августа 1748", "1710", "1748-08-17")]),
        ("Абулхаир (ок. 1680 – 17 августа 1748)", [("ок. 1680 – 17 августа 1748", "1680", "1748-08-17")]),
        # a Wikipedia lifespan with the places written between its ends
        ("Отыншы Альжанов (каз. Отыншы лжанов; 12 августа 1873, Нарынская волость, Зайсанский уезд — 1918, село Маканчи, "
         "там же) — деятель Алаш.",
         [("12 августа 1873, Нарынская волость, Зайсанский уезд — 1918", "1873-08-12", "1918")]),
        ("Абай (1845, Чингизские горы — 1904, там же)", [("1845, Чингизские горы — 1904", "1845", "1904")]),
        # Old Rus: three-digit years that only brackets, a year word or a season make dates
        ("Владимир Святославич (ок. 960 - 1015), князь Киевский", [("ок. 960 - 1015", "0960", "1015")]),
        ("дочери имп. Романа II (959–963)", [("959–963", "0959", "0963")]),
        ("внук княгини Ольги (+ 969)", [("+ 969", "0969", "0969")]),
        ("Ярослав Мудрый (ок. 978 — 20 февраля 1054)", [("ок. 978 — 20 февраля 1054", "0978", "1054-02-20")]),
        ("Святополк (род. 980)", [("род. 980", "0980", "0980")]),
        ("в 1916 г. (июль — август) восстание охватило", [("в 1916 г.", "1916", "1916"), ("июль — август", "1916-07", "1916-08")]),
        ("После поражения летом 986 г. империя", [("летом 986 г.", "0986-06", "0986-08")]),
        ("не ранее зимы 944/5 г.", [("зимы 944/5 г.", "0944-12", "0945-02")]),
        ("датирована в нем 6543, т. е. 1035 (!) г.", [("1035 (!) г.", "1035", "1035")]),
        ("в списке 3-й четв. XV в.", [("3-й четв. XV в.", "1450", "1474")]),
        ("в последней трети XIX в.", [("в последней трети XIX в.", "1867", "1899")]),
        ("с конца XVII до середины XVIII в.", [("с конца XVII до середины XVIII в.", "1600", "1799")]),
        ("царя Ивана IV Грозного (25.08.1530-28.03.1584)", [("25.08.1530-28.03.1584", "1530-08-25", "1584-03-28")]),
        ("Казахское ханство 1465 - 1822 годы", [("1465 - 1822 годы", "1465", "1822")]),
        ("Начало Великой Отечественной войны 1941 1945 гг.", [("1941 1945 гг.", "1941", "1945")]),
    ],
)
def test_spans_written_whole(text, expected):
    assert _pairs(text) == expected


def test_abbreviated_month_and_the_end_of_the_year_take_the_year_of_the_sentence():
    text = "в 987 г. вспыхнул мятеж Фоки, в авг. объявившего себя императором; к кон. года его войска стояли у стен."
    assert _pairs(text) == [("в 987 г.", "0987", "0987"), ("в авг.", "0987-08", "0987-08"), ("к кон. года", "0987", "0987")]


def test_a_count_after_a_dash_does_not_stop_a_month():
    assert _pairs("Летом 1918 г. прошло более 200 восстаний (только в июне - 108).") == [
        ("Летом 1918 г.", "1918-06", "1918-08"), ("в июне", "1918-06", "1918-06")]


@pytest.mark.parametrize(
    "text",
    [
        "Армия (300–400) шла на юг, отряды (310–420) воинов.",  # round ends, a counted noun
        "Потери составили (120–150 тыс.) человек.",
        "См. (с. 123–145) и (№ 969).",
        "Статья 1918 кодекса. Страница 1245. Глава 1918. 20 лет спустя.",
        "В 1918 году 1500 человек, а 1 мая 125 человек ушли.",
        "1 и 2 армии, 2 суток, 18 лет, II съезд, Николай II (1894 г.)",
    ],
)
def test_counts_pages_and_ordinals_stay_numbers(text):
    years = {start for _, start, _ in _pairs(text)}
    assert years <= {"1918", "1918-05-01", "1894"}, _pairs(text)


def _rows(text: str) -> list[tuple[str, str, str]]:
    return [(e.date.start, e.date.end, e.event) for e in events_from_text(text, lang="ru", printable=True)]


def test_month_range_labels_and_a_label_alone_take_the_year_heading():
    text = ("1854\n\nЯнварь — февраль — переговоры в Вене.\n\nМарт — май: осада Силистрии.\n\nИюнь\n\n"
            "Декабрь — январь — зимние квартиры.")
    assert [(m.value.start, m.value.end) for m in find_dates(text) if m.value] == [
        ("1854", "1854"), ("1854-01", "1854-02"), ("1854-03", "1854-05"), ("1854-06", "1854-06"), ("1854-12", "1855-01")]
    assert ("1854-03", "1854-05", "Осада Силистрии") in _rows(text)


def test_a_chronicle_crossing_the_new_year_takes_the_next_year():
    one_paragraph = "1917 год. 31 декабря — признание независимости Финляндии. 2 января — открытие съезда."
    assert [start for _, start, _ in _pairs(one_paragraph)][-1] == "1918-01-02"
    paragraphs = "1917 год\n\n31 декабря — признание независимости Финляндии.\n\n2 января — открытие съезда.\n\n5 января — разгон собрания."
    assert [e.date.start for e in events_from_text(paragraphs, lang="ru") if e.date.precision == "day"] == [
        "1917-12-31", "1918-01-02", "1918-01-05"]
    same_year = "В декабре 1917 г. созван съезд.\n\nВ январе того же года прошли выборы."
    assert [e.date.start for e in events_from_text(same_year, lang="ru")] == ["1917-01", "1917-12"]  # it names the year
    # prose that looks back from December keeps its year
    assert _pairs("В декабре 1917 г. был созван съезд, а ещё в октябре прошли выборы.")[-1][1] == "1917-10"


def test_a_chronicle_heading_that_names_one_year_dates_its_lines(tmp_path):
    source = tmp_path / "chronicle.md"
    source.write_text("---\ntitle: Хроника\nlang: ru\n---\n\n## Хроника 1918 года\n\n26 мая — восстание Чехословацкого корпуса.\n\n"
                      "## Казахстан в 1920–1930-е годы\n\n6 июля — бой у деревни.\n", encoding="utf-8")
    dated = [(e.date.start, e.event) for e in extract_events(load_lecture(source)) if e.event]
    assert dated == [("1918-05-26", "Восстание Чехословацкого корпуса")]  # a span in the heading dates nothing


def test_a_saints_day_is_a_day_of_every_year():
    assert _pairs("Владимир (ок. 960 - 1015). Память 15 июля, в Соборах Киевских святых") == [
        ("ок. 960 - 1015", "0960", "1015")]


def test_a_label_alone_in_its_paragraph_dates_the_paragraph_below():
    text = ("1918 год\n\n**26 мая**\n\nВосстание Чехословацкого корпуса началось в Челябинске.\n\nИюнь\n\n"
            "В Самаре был создан Комуч.\n\nЯнварь 1919 года\n\n5 января — красные заняли Уфу.")
    assert _rows(text) == [("1918-05-26", "1918-05-26", "Восстание Чехословацкого корпуса началось в Челябинске"),
                           ("1918-06", "1918-06", "В Самаре был создан Комуч"),
                           ("1919-01-05", "1919-01-05", "Красные заняли Уфу")]  # a label before a dated line stays alone


def test_a_date_inside_a_bracketed_aside_does_not_date_the_clause():
    # the aside's date is still found (the evaluation counts it); only the row is left out
    assert [row[:2] for row in _rows("Летом 1918 г. прошло более 200 крестьянских восстаний (только в июне - 108).")] == [
        ("1918-06", "1918-08")]
    assert [row[:2] for row in _rows("Хан Кенесары (провозглашён ханом в 1841 г.) в 1845 г. построил крепость.")] == [
        ("1845", "1845")]


def test_a_run_of_years_after_its_noun_names_the_noun():
    # «войны 1941 1945 гг.» is the war's name: «1941–1945 — Начало войны» would misdate the beginning
    assert _rows("Начало Великой Отечественной войны 1941 1945 гг.") == []
    assert _rows("Начало Великой Отечественной войны 1941–1945 гг.") == []
    prose = mentions_in_text("В 1941–1945 гг. в Казахстан были эвакуированы сотни заводов.", lang="ru")
    assert [(m.event.date.start, m.event.date.end) for m in prose] == [("1941", "1945")]
    assert "names a noun" not in prose[0].problem  # «В 1941–1945 гг.» dates its clause
