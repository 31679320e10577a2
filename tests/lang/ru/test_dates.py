"""Tests for the Russian date grammar: the fixture of cases, context years, the print form."""

import pytest

from handout import lang as languages
from handout.lang.ru.dates import find_dates
from handout.model import DateValue
from support import check_first_date, date_cases


@pytest.mark.parametrize(("sentence", "expected"), date_cases("ru_cases.txt"))
def test_first_date_of_sentence(sentence, expected):
    check_first_date(find_dates(sentence), expected)


def test_text_date_is_the_expression_as_written():
    text = "Съезд прошёл с 4 по 12 октября 1920 года в Оренбурге."
    (match,) = find_dates(text)
    assert match.value.text_date == "с 4 по 12 октября 1920 года"
    assert text[match.start : match.end] == match.value.text_date


def test_year_from_context():
    text = ("Съезд прошёл в 1920 г. В том же году 17 августа вышел декрет. В сентябре этого года открылась школа. "
            "В следующем году начался голод.")
    got = [(m.value.start, m.value.end) for m in find_dates(text)]
    assert got == [("1920", "1920"), ("1920", "1920"), ("1920-08-17", "1920-08-17"), ("1920-09", "1920-09"), ("1921", "1921")]


def test_same_and_next_day_follow_the_last_dated_day():
    text = "Пленум прошёл 16 декабря 1986 года. В тот же день решение передали по радио. На следующий день началась демонстрация."
    assert [m.value.start for m in find_dates(text)] == ["1986-12-16", "1986-12-16", "1986-12-17"]


def test_dual_date_written_out_in_both_styles_keeps_the_first():
    (_, match) = find_dates("В 1917 году 23 февраля по старому стилю или 8 марта по новому прошли демонстрации.")
    assert (match.value.start, match.value.calendar, match.value.alt_start) == ("1917-02-23", "old", "1917-03-08")


def test_a_day_without_any_year_is_not_dated():
    assert find_dates("22 июня – начало войны. 23 июня создан фронт.") == []


def test_some_years_later_forgets_the_context_year():
    text = "Столицу объявили 10 июня 1998 года. Спустя несколько лет праздник перенесли на 6 июля."
    assert [m.value.start for m in find_dates(text)] == ["1998-06-10"]


def test_a_day_of_every_year_takes_no_context_year():
    text = "Столицу перенесли в 1998 году. Праздник столицы празднуется 6 июля."
    assert [m.value.start for m in find_dates(text)] == ["1998"]


def test_context_year_given_by_caller():
    (match,) = find_dates("В августе того же года вышел декрет.", context_year=1920)
    assert (match.value.start, match.year) == ("1920-08", 1920)


@pytest.mark.parametrize(
    ("value", "printed"),
    [
        (DateValue("1925", "1925", "year", "", qualifier="by"), "к 1925 г."),
        (DateValue("1918-03", "1918-05", "season", "", qualifier="by"), "к весне 1918 г."),
        (DateValue("1925", "1925", "year", "", qualifier="until"), "до 1925 г."),
        (DateValue("1917-12-05", "1917-12-13", "day", "", calendar="old", alt_start="1917-12-18", alt_end="1917-12-26"),
         "5–13 (18–26) декабря 1917 г."),
    ],
)
def test_print_form(value, printed):
    assert languages.get("ru").format_date(value) == printed


def test_round_trip_of_found_dates_through_the_print_form():
    """What the grammar finds, printed, is found again as the same dates."""
    pack = languages.get("ru")
    for sentence in ("С 4 по 12 октября 1920 года", "в 1921–1922 гг.", "весной 1918 года", "в 1930-е годы", "в XIX в.",
                     "26 августа 1920 г.", "с июля 1941 г. по июль 1942 г."):
        value = find_dates(sentence)[0].value
        again = find_dates(pack.format_date(value))[0].value
        assert (again.start, again.end) == (value.start, value.end), sentence
