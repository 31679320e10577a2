"""Tests for the Kazakh temporal-expression parser and date formatting."""


import pytest

from handout import lang as languages
from handout.lang.kk.dates import find_dates


def format_date(value, lang: str) -> str:
    return languages.get(lang).format_date(value)

from handout.model import DateValue
from support import check_first_date, date_cases


@pytest.mark.parametrize(("sentence", "expected"), date_cases("cases.txt"))
def test_first_date_of_sentence(sentence, expected):
    check_first_date(find_dates(sentence), expected)


def test_text_date_is_the_expression_as_written():
    text = "Семейде билік 1918 жылы ақпанның 16 - нан 17 - не қараған түнде көшті."
    (match,) = find_dates(text)
    assert match.value.text_date == "1918 жылы ақпанның 16 - нан 17 - не қараған түнде"
    assert text[match.start : match.end] == match.value.text_date


def test_context_year_from_previous_sentence():
    text = "Семей Кеңесі 1918 жылы 9 наурызда думаны таратты. Сол жылы 12 сәуірде жарлық шықты. Декрет 17 тамызда қаралды."
    starts = [match.value.start for match in find_dates(text)]
    assert starts == ["1918-03-09", "1918-04-12", "1918-08-17"]


def test_context_year_given_by_caller():
    (match,) = find_dates("Осы жылы елдің атауы қайтарылды.", context_year=1925)
    assert (match.value.start, match.year) == ("1925", 1925)


def test_bare_date_without_any_year_is_skipped():
    assert find_dates("Декрет 17 тамызда қаралды.") == []


def test_damaged_latin_i_and_dashes_are_read():
    (match,) = find_dates("1920 жылы 4–12 қазанда съезд өттi.")
    assert (match.value.start, match.value.end) == ("1920-10-04", "1920-10-12")


def test_decade_century_follows_context():
    (match,) = find_dates("20-шы жылдары өзгерді.", context_year=1825)
    assert (match.value.start, match.value.end) == ("1820", "1829")


@pytest.mark.parametrize(
    ("value", "kk", "ru", "en"),
    [
        (DateValue("1917-12-05", "1917-12-13", "day", ""), "1917 ж. 5–13 желтоқсан", "5–13 декабря 1917 г.", "5–13 December 1917"),
        (DateValue("1917-10-30", "1917-10-30", "day", "", calendar="old", alt_start="1917-11-12", alt_end="1917-11-12"),
         "1917 ж. 30 қазан (12 қараша)", "30 октября (12 ноября) 1917 г.", "30 October (12 November) 1917"),
        (DateValue("1918-03", "1918-05", "season", ""), "1918 ж. көктем", "весна 1918 г.", "spring 1918"),
        (DateValue("1920", "1929", "decade", ""), "1920 жж.", "1920-е гг.", "1920s"),
        (DateValue("1921", "1922", "year", ""), "1921–1922 жж.", "1921–1922 гг.", "1921–1922"),
        (DateValue("1917-10", "1918-03", "month", ""), "1917 ж. қазан – 1918 ж. наурыз", "октябрь 1917 г. – март 1918 г.", "October 1917 – March 1918"),
        (DateValue("1918-04", "1918-04", "month", "", qualifier="beginning"), "1918 ж. сәуірдің басы", "начало апреля 1918 г.", "early April 1918"),
        (DateValue("1917-12-05", "1917-12-13", "day", "", calendar="old", alt_start="1917-12-18", alt_end="1917-12-26"),
         "1917 ж. 5–13 (18–26) желтоқсан", "5–13 (18–26) декабря 1917 г.", "5–13 (18–26) December 1917"),
        (DateValue("1917-09", "1917-11", "season", "", qualifier="from"), "1917 ж. күзінен бастап", "с осени 1917 г.", "from autumn 1917"),
        (DateValue("1918-03", "1918-05", "season", "", qualifier="until"), "1918 ж. көктеміне дейін", "до весны 1918 г.", "until spring 1918"),
        (DateValue("1997-12-10", "1997-12-10", "day", "", qualifier="from"), "1997 ж. 10 желтоқсаннан бастап", "с 10 декабря 1997 г.", "from 10 December 1997"),
        (DateValue("1918-03-02", "1918-03-03", "day", "", qualifier="night"), "1918 ж. 2–3 наурызға қараған түні", "в ночь на 3 марта 1918 г.", "night of 2–3 March 1918"),
        (DateValue("1942-03", "1942-08", "season", ""), "1942 ж. көктем–жаз", "весна–лето 1942 г.", "spring–summer 1942"),
        (DateValue("1943-12", "1944-02", "season", ""), "1943–1944 жж. қысы", "зима 1943/44 г.", "winter 1943/44"),
        (DateValue("1400", "1599", "century", ""), "XV–XVI ғғ.", "XV–XVI вв.", "15th–16th centuries"),
        (DateValue("1850", "1899", "century", ""), "XIX ғ. екінші жартысы", "вторая половина XIX в.", "second half of the 19th century"),
        (DateValue("2000", "2099", "century", "", qualifier="beginning"), "XXI ғ. басы", "начало XXI в.", "early 21st century"),
        (DateValue("1991", "1991", "year", "", qualifier="until"), "1991 ж. дейін", "до 1991 г.", "until 1991"),
        (DateValue("1900", "1999", "century", ""), "XX ғ.", "XX в.", "20th century"),
        # "by": the state reached at a date («1925 жылға қарай»), never "until"
        (DateValue("1925", "1925", "year", "", qualifier="by"), "1925 жылға қарай", "к 1925 г.", "by 1925"),
        (DateValue("1930-04-01", "1930-04-01", "day", "", qualifier="by"), "1930 ж. 1 сәуірге қарай", "к 1 апреля 1930 г.", "by 1 April 1930"),
        (DateValue("1930-04", "1930-04", "month", "", qualifier="by"), "1930 ж. сәуірге қарай", "к апрелю 1930 г.", "by April 1930"),
        (DateValue("1918-03", "1918-05", "season", "", qualifier="by"), "1918 ж. көктеміне қарай", "к весне 1918 г.", "by spring 1918"),
        (DateValue("1920", "1929", "decade", "", qualifier="by"), "1920 жылдарға қарай", "к 1920-м гг.", "by the 1920s"),
        (DateValue("1900", "1999", "century", "", qualifier="by"), "XX ғасырға қарай", "к XX в.", "by the 20th century"),
    ],
)
def test_format_date(value, kk, ru, en):
    assert (format_date(value, "kk"), format_date(value, "ru"), format_date(value, "en")) == (kk, ru, en)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Голощекин 1925 жылы келді. Келесі жылы 5 қаңтарда пленум өтті.", ("1926-01-05", "1926-01-05")),
        ("Реформа 1921 жылы басталды. Келер жылы ол аяқталды.", ("1922", "1922")),
        ("Санақ 1926 жылы өтті. Алдыңғы жылы өлке атауы өзгерді.", ("1925", "1925")),
        ("Голощекин 1925 жылы келді. Сегіз жылдан кейін ол қызметінен алынды.", ("1933", "1933")),
        ("Съезд 1920 жылы 4 қазанда ашылды. Қарашада жарлық шықты.", ("1920-11", "1920-11")),
        ("Ол 1998 жылғы 6 мамырда Астана деп аталды, ал 10 маусымда тұсаукесер өтті.", ("1998-06-10", "1998-06-10")),
    ],
)
def test_year_from_context_in_the_last_date(text, expected):
    value = find_dates(text)[-1].value
    assert (value.start, value.end) == expected


def test_by_is_parsed_and_printed_with_its_meaning():
    (match,) = find_dates("1956 жылға қарай егістік көлемін арттыру көзделді.")
    assert (match.value.qualifier, match.value.text_date) == ("by", "1956 жылға қарай")
    assert [format_date(match.value, code) for code in ("kk", "ru", "en")] == ["1956 жылға қарай", "к 1956 г.", "by 1956"]


def test_biyl_needs_a_dateline_in_the_same_text():
    dated = find_dates("25 Қазан, 2011 сағат 05:12. Биылғы тарихи мерейтойлардың бірі.")
    assert [m.value.start for m in dated] == ["2011-10-25", "2011"]
    assert find_dates("Биылғы мерейтойлардың бірі.", context_year=1995) == []


def test_capitalized_kazan_at_a_sentence_start_is_the_city():
    text = "1941-1942 жылдары өнеркәсіп көшірілді. Қазанда орналасқан институттар жұмыс істеді."
    assert [m.value.start for m in find_dates(text)] == ["1941"]


@pytest.mark.parametrize("text", ["Бөлім 1", "1", "12 -", "1917", "5-", "наурыздың 2-нен", "²", "1917 жылы ٣ наурызда"])
def test_text_ending_in_a_number_is_not_a_crash(text):
    assert isinstance(find_dates(text), list)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # tauke-khan-engime (eval dev): an uncertain year, two years
        ("Болашақ ханның саясатқа араласуы 1650 немесе 1651 жылға сәйкес келеді.", [("1650", "1650"), ("1651", "1651")]),
        # famine-literature-massaget (eval dev): a year coordinated with a range
        ("Поэма 1921 және 1931-1933 жылдар аумағын қамтиды.", [("1921", "1921"), ("1931", "1933")]),
        ("Ашаршылық 1920-1921 және 1931 жылдары болды.", [("1920", "1921"), ("1931", "1931")]),
        ("Сайлау 1921, 1922 және 1923 жылдары өтті.", [("1921", "1921"), ("1922", "1922"), ("1923", "1923")]),
        ("Соғыс 1921 мен 1922 жылдар аралығында жүрді.", [("1921", "1922")]),
        ("Көтеріліске 14 500 және 1920 жылы 300 адам қатысты.", [("1920", "1920")]),  # a count is not a listed year
    ],
)
def test_bare_years_listed_before_a_dated_year(text, expected):
    assert [(m.value.start, m.value.end) for m in find_dates(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Тәуке хан 1715 жылдың жазы/күзі қайтыс болды.", ("1715-06", "1715-11")),
        ("Ол 1715 жылдың жазында немесе күзінде қайтыс болды.", ("1715-06", "1715-11")),
        # tauke-khan-engime: a life span "born by 1635 – died in the summer or autumn of 1715"
        ("Тәуке хан (Тевки, 1635 жылға дейін - 1715 жылдың жазы/күзі) – Кіші жүздің ханы.", ("1635", "1715-11")),
        ("Бұл 1917 жылға дейін - бұрынғы тәртіп еді.", ("1917", "1917")),
    ],
)
def test_season_alternatives_and_born_by_life_span(text, expected):
    value = find_dates(text)[0].value
    assert (value.start, value.end) == expected
