"""Tests for the English date grammar (cases in tests/fixtures/dates/en_cases.txt) and the English print form."""

import pytest

from handout import lang as languages
from handout.lang.en.dates import find_dates
from handout.model import DateValue
from support import check_first_date, date_cases


@pytest.mark.parametrize(("sentence", "expected"), date_cases("en_cases.txt"))
def test_first_date_of_sentence(sentence, expected):
    check_first_date(find_dates(sentence), expected, "February")


def test_a_date_split_over_a_line_break_is_one_date():
    [match] = find_dates("Beginning in mid-August\n1990, nationalists demonstrated.")
    assert (match.value.start, match.value.qualifier, match.value.text_date) == ("1990-08", "middle", "mid-August\n1990")


def test_context_year_dates_that_same_year_and_years_later():
    text = "The republic was set up in 1920. That same year the capital moved. Five years later it was renamed."
    values = [(m.value.start, m.value.text_date) for m in find_dates(text)]
    assert values == [("1920", "1920"), ("1920", "That same year"), ("1925", "Five years later")]


def test_a_relative_year_without_anchor_or_approximate_is_not_dated():
    assert find_dates("Five years later it was renamed.") == []
    assert [m.value.start for m in find_dates("In 1860 it began. Roughly 30 years later it ended.")] == ["1860"]


def test_a_day_without_a_year_takes_the_context_year():
    matches = find_dates("On 31 July (13 August, N.S.) the revolt spread.", context_year=1916)
    assert (matches[0].value.start, matches[0].value.alt_start) == ("1916-07-31", "1916-08-13")
    assert find_dates("On 31 July the revolt spread.") == []


def test_bc_dates_are_never_positive_years():
    assert find_dates("(500 BC) Sakas inhabited the south; in the 5th century BC they moved.") == []


def test_a_capitalized_month_alone_is_no_date_without_a_date_word():
    assert find_dates("May Day was kept.", context_year=1920) == []
    assert [m.value.start for m in find_dates("In March the front broke.", context_year=1920)] == ["1920-03"]


def test_two_seasons_joined_by_and_are_two_dates():
    values = [(m.value.start, m.value.end) for m in find_dates("in the spring and summer of 1991")]
    assert values == [("1991-03", "1991-05"), ("1991-06", "1991-08")]


@pytest.mark.parametrize(
    ("value", "printed"),
    [
        (DateValue("1925", "1925", "year", "by 1925", qualifier="by"), {"en": "by 1925", "ru": "к 1925 г.",
                                                                     "kk": "1925 жылға қарай"}),
        (DateValue("1925", "1925", "year", "until 1925", qualifier="until"), {"en": "until 1925", "ru": "до 1925 г.",
                                                                           "kk": "1925 ж. дейін"}),
    ],
)
def test_by_keeps_its_meaning_in_every_language(value, printed):
    for code, text in printed.items():
        assert languages.get(code).format_date(value) == text


def test_english_print_form_of_what_the_grammar_reads():
    english = languages.get("en")
    printed = [english.format_date(m.value) for m in find_dates(
        "from 5 to 13 December 1917; the early 1930s; the spring of 1918; by 1925; the 19th century")]
    assert printed == ["5–13 December 1917", "early 1930s", "spring 1918", "by 1925", "19th century"]


def test_a_month_of_that_year_is_one_date():
    matches = find_dates("In 1918 the Cossacks rose, and in October of that year they united.")
    assert [(m.value.start, m.value.text_date) for m in matches] == [("1918", "1918"), ("1918-10", "October of that year")]


def test_page_ranges_are_not_years():
    assert [m.value.start for m in find_dates("History, 2018, vol. 63, pp. 1120— 1131.")] == ["2018"]


def test_years_among_page_ranges_of_a_citation_are_read():
    text = "Statesman's Yearbook 1992-1993, pp.425-427, 1993-1994, pp.429-431, 2000, pp.959-964"
    assert [(m.value.start, m.value.end) for m in find_dates(text)] == [("1992", "1993"), ("1993", "1994"),
                                                                         ("2000", "2000")]


def test_parse_date_value_reads_an_english_expression_for_chronology_add():
    from handout.enrich.chronology import parse_date_value

    value = parse_date_value("26 August 1920", lang="en")
    assert (value.start, value.end, value.precision) == ("1920-08-26", "1920-08-26", "day")


def test_a_web_pages_stamp_is_no_date_but_an_iso_date_in_prose_is():
    # The page stamps of two real page openings (a Reuters timeline copy, history-timeline.net).
    assert find_dates("Gorbachev dies at 91\n date 2022-08-31\nMarch 1985 - Gorbachev")[0].value.start == "1985-03"
    assert [m.value.start for m in find_dates("Creation Time:2024-10-03\n\n1853\n")] == ["1853"]
    assert [m.value.start for m in find_dates("Last updated: 2021-03-05. On 1991-12-16 it declared independence.")] == [
        "1991-12-16"]


def test_a_century_glued_to_its_ordinal_is_read():
    # kazakhworld.com: "facing Kazakh people in the 19thcentury" (the space lost)
    [match] = find_dates("social and moral issues facing Kazakh people in the 19thcentury.")
    assert (match.value.start, match.value.end) == ("1800", "1899")
