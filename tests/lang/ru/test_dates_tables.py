"""The Russian date grammar on the shapes of chronicles, tables and encyclopedias (and their traps)."""

import pytest

from handout.lang.ru.dates import find_dates


def _pairs(text: str, context_year: int | None = None) -> list[tuple[str, str, str]]:
    return [(text[m.start : m.end], m.value.start, m.value.end) for m in find_dates(text, context_year) if m.value]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1941 г. 22 июня — нападение Германии на СССР", [("1941 г. 22 июня", "1941-06-22", "1941-06-22")]),
        ("1918, 26 мая — восстание Чехословацкого корпуса", [("1918, 26 мая", "1918-05-26", "1918-05-26")]),
        ("1920 г., август. Образована КАССР", [("1920 г., август", "1920-08", "1920-08")]),
        ("Восьмого января 1905 г. — всеобщая стачка", [("Восьмого января 1905 г.", "1905-01-08", "1905-01-08")]),
        ("Двадцать пятого октября 1917 года власть перешла к Советам.",
         [("Двадцать пятого октября 1917 года", "1917-10-25", "1917-10-25")]),
    ],
)
def test_chronicle_line_heads(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Янв.-май.42 | Бои под Ржевом", [("Янв.-май.42", "1942-01", "1942-05")]),
        ("сент.-окт.41 Оборона", [("сент.-окт.41", "1941-09", "1941-10")]),
        ("нояб.42 Окружение", [("нояб.42", "1942-11", "1942-11")]),
        ("в сент 1941 г. пал Киев", [("в сент 1941 г.", "1941-09", "1941-09")]),
        ("в сент. 1941 г. пал Киев", [("в сент. 1941 г.", "1941-09", "1941-09")]),
        ("26.06.41 22.07.41 | Оборона Могилёва", [("26.06.41 22.07.41", "1941-06-26", "1941-07-22")]),
        ("22.06.41 – 18.11.42", [("22.06.41 – 18.11.42", "1941-06-22", "1942-11-18")]),
        ("Полёт Гагарина 12.IV.1961 открыл эру", [("12.IV.1961", "1961-04-12", "1961-04-12")]),
    ],
)
def test_table_cells(text, expected):
    assert _pairs(text) == expected


def test_two_dates_in_separate_cells_stay_two_dates():
    assert _pairs("22.06.41 | 8.09.41") == [("22.06.41", "1941-06-22", "1941-06-22"), ("8.09.41", "1941-09-08", "1941-09-08")]


def test_a_month_cell_takes_the_year_of_the_row_before():
    assert _pairs("1942 | Наступление\n| Май | Захват Харькова")[-1] == ("Май", "1942-05", "1942-05")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("в 1916-1917 г.г. шло восстание", ("в 1916-1917 г.г.", "1916", "1917")),
        ("в годы правления (553-572 гг.)", ("553-572 гг.", "0553", "0572")),
        ("в 1921;1926 годах", ("в 1921;1926 годах", "1921", "1926")),
        ("Султан-Хан Аккулы (19221937)", ("19221937", "1922", "1937")),
        ("в 19171920 годах", ("в 19171920", "1917", "1920")),
        ("до пер. пол. XIV века", ("до пер. пол. XIV века", "1300", "1349")),
        ("во втор. пол. XIX в.", ("во втор. пол. XIX в.", "1850", "1899")),
        ("он с сер. 13 в. стал независимым", ("с сер. 13 в.", "1200", "1299")),
        ("в начале 40-х гг. 13 в.", ("в начале 40-х гг. 13 в.", "1240", "1249")),
    ],
)
def test_ranges_abbreviations_and_lost_dashes(text, expected):
    assert _pairs(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("И в мае 42-го я ушла на фронт.", [("в мае 42-го", "1942-05", "1942-05")]),
        ("Отец ушёл на фронт в 41-м, вернулся в 45-м.", [("в 41-м", "1941", "1941"), ("в 45-м", "1945", "1945")]),
        ("Он служил в 41-м полку.", []),
        ("В 41-м стрелковом корпусе было 3 дивизии.", []),
    ],
)
def test_spoken_two_digit_years_only_where_no_noun_follows(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Мятеж чехословацкого корпуса 1918 кратко", [("1918", "1918", "1918")]),
        ("наследственный удел по разделу 1224. В него входили", [("1224", "1224", "1224")]),
        ("Конституции 1936 и 1977 годов", [("1936", "1936", "1936"), ("1977 годов", "1977", "1977")]),
        ("конфискацию, охватывающую 1500 хозяйств", []),
        ("численность отряда составила 1500.", []),
        ("отряд численностью 1200.", []),
        ("изъято 1257 строений", []),
        ("Статей: 909699, Изданий: 1065", []),
        ("от 130 до 1200 человек", []),
        ("ранены 1500, убиты 300", []),  # a short participle counts
        ("Герои войны 1812 вспоминали", [("1812", "1812", "1812")]),
    ],
)
def test_a_bare_year_after_the_noun_it_names_but_no_count(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("с 1941-го по 1945-й", [("с 1941-го по 1945-й", "1941", "1945")]),
        ("Это было осенью 41-го.", [("осенью 41-го", "1941-09", "1941-11")]),
        ("c 1928 г. по 1932 г.", [("c 1928 г. по 1932 г.", "1928", "1932")]),  # a Latin c
        ("с 20-х по 50-е годы", [("с 20-х по 50-е годы", "1920", "1959")]),
        ("в 1939 и 1940 годах", [("в 1939", "1939", "1939"), ("1940 годах", "1940", "1940")]),
        ("в 1940 годах", [("в 1940 годах", "1940", "1949")]),
        ("монах († 1937)", [("1937", "1937", "1937")]),
    ],
)
def test_ordinal_years_lists_and_typos(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "span"),
    [("Абай (1845, Чингизские горы — 1904, там же)", ("1845", "1904")),
     ("Букейханов (1866, аул № 7 Токраунской волости - 1937, Москва)", ("1866", "1937"))],
)
def test_a_lifespan_with_places_in_brackets_is_one_span(text, span):
    assert [(start, end) for _, start, end in _pairs(text)] == [span]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("в ХVIII-ХIХ вв", ("в ХVIII-ХIХ вв", "1700", "1899")),
        ("в XVIII-XIX в.в.", ("в XVIII-XIX в.в.", "1700", "1899")),
        ("1-я половина XIX в.", ("1-я половина XIX в.", "1800", "1849")),
        ("первая четверть XX века", ("первая четверть XX века", "1900", "1924")),
        ("в 1465 (1466) г.", ("в 1465 (1466) г.", "1465", "1465")),  # the first written year (GUIDE)
    ],
)
def test_century_spellings_nominative_parts_and_alternative_years(text, expected):
    assert _pairs(text) == [expected]


@pytest.mark.parametrize("text", ["согласно статьи 1064.", "высота отметки 1200.", "из фонда 1179, описи 1"])
def test_a_number_after_a_document_or_measure_word_is_no_year(text):
    assert _pairs(text) == []


@pytest.mark.parametrize(
    ("text", "expected", "alt"),
    [
        ("1917 г. 25 октября (7 ноября) — восстание в Петрограде.", ("1917-10-25", "1917-10-25"), "1917-11-07"),
        ("1918 г., 26 мая (8 июня) — восстание.", ("1918-05-26", "1918-05-26"), "1918-06-08"),
        ("1918. 26 мая — восстание чехословаков.", ("1918-05-26", "1918-05-26"), None),
    ],
)
def test_year_first_heads_with_a_dual_date_are_one_date(text, expected, alt):
    (match,) = find_dates(text)
    assert ((match.value.start, match.value.end), match.value.alt_start) == (expected, alt)


def test_a_part_before_a_bare_year_opens_a_range():
    assert _pairs("в конце 1941 — начале 1942 гг.") == [("в конце 1941 — начале 1942 гг.", "1941", "1942")]


def test_days_after_a_span_across_years_take_the_year_inside_it():
    text = ("17.7.1942 - 2.2.1943, Сталинградская битва. В оборонительных боях (до 18 ноября) войска остановили врага. "
            "19 - 20 ноября они перешли в наступление. В декабре отразили удар; 31 января - 2 февраля группировку разгромили.")
    assert [(start, end) for _, start, end in _pairs(text)] == [
        ("1942-07-17", "1943-02-02"), ("1942-11-18", "1942-11-18"), ("1942-11-19", "1942-11-20"), ("1942-12", "1942-12"),
        ("1943-01-31", "1943-02-02")]


def test_a_span_of_years_keeps_its_last_year_as_the_context():
    # years alone do not tell where a bare day falls: the last written year dates it, as before
    assert _pairs("В 1941–1945 гг. шла война. 9 мая праздновали победу.")[-1] == ("9 мая", "1945-05-09", "1945-05-09")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("В 1822 г. вышел указ. Сперанский за год до этого оставил должность.", [("1822", "1822"), ("1821", "1821")]),
        ("На 2022-й пришлось немало дат.", [("2022", "2022")]),
    ],
)
def test_a_year_before_this_and_an_ordinal_year_after_na(text, expected):
    assert [(start, end) for _, start, end in _pairs(text)] == expected
