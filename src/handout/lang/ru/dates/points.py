"""One date point of Russian prose, found by one regular expression per shape.

A point is what one expression writes: a day and month (with its dual date), a month, a season,
a year or a run of years, a decade, a century, a numeric date, or a year named by the context
("в том же году"). :func:`find_points` returns them left to right without overlaps; the phrase
level (:mod:`.parser`) joins points into ranges and gives them their years.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .words import (
    CENTURY_WORD,
    COUNT_NOUNS,
    DASH,
    DAY_WORD,
    DAY_WORDS,
    MONTH,
    MONTH_ABBR,
    MONTH_ABBR_BARE,
    MONTH_ABBREVIATIONS,
    MONTH_FORMS,
    MONTHS,
    ROMAN,
    SEASON,
    SEASON_FORMS,
    YEAR_SUFFIX,
    YEAR_WORD,
    month_number,
    roman_value,
)

DAY = r"(?:[12]\d|3[01]|0?[1-9])"
YEAR4 = r"(?:1\d{3}|20\d{2})"
YEAR34 = r"(?:1\d{3}|20\d{2}|[1-9]\d{2})"
NO_NUMBER_BEFORE = r"(?<![\d.,/#№\w])"
NO_NUMBER_AFTER = r"(?![\d]|[.,:]\d)"
CONTEXT_YEAR_GENITIVE = r"(?P<ctx>того\s+же|этого\s+же|этого|текущего|прошлого|следующего|предыдущего)\s+года"
ANY_MONTH = f"(?:{MONTH}(?!\\w)|{MONTH_ABBR})"
_YEAR_AFTER = (
    rf"(?:,?\s+(?P<year>{YEAR34}){YEAR_SUFFIX}(?:\s*(?P<yw>{YEAR_WORD}))?{NO_NUMBER_AFTER}|\s+{CONTEXT_YEAR_GENITIVE})"
)


@dataclass
class Point:
    """One date as written, before the phrase level gives it a year and an ISO value."""

    start: int
    end: int
    kind: str
    """day, month, season, year, decade, century or context."""
    day: int | None = None
    day_end: int | None = None
    month: int | None = None
    month_end: int | None = None
    year: int | None = None
    year_end: int | None = None
    season: int | None = None
    season_end: int | None = None
    decade: int | None = None
    decade_end: int | None = None
    century: int | None = None
    century_end: int | None = None
    half: int | None = None
    quarter: int | None = None
    part: str | None = None
    context_shift: int | None = None
    """For "в том же году" (0), "в следующем году" (1): the year is the context year plus this."""
    same_day: int | None = None
    """For "в тот же день" (0), "на следующий день" (1): the day after the last dated day."""
    alt: tuple | None = None
    """Bracketed other-style date: (day, day_end, month or None, year or None)."""
    calendar: str = "unknown"
    two_digit_year: bool = False
    explicit_year: bool = False
    extras: dict = field(default_factory=dict)


def _compile(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


DAY_MONTH = _compile(
    rf"{NO_NUMBER_BEFORE}(?P<day>{DAY})(?:-?го)?(?:\s*{DASH}\s*(?P<day_end>{DAY})(?:-?го)?)?"
    rf"(?:\s*\(\s*(?P<alt_day>{DAY})(?:\s*{DASH}\s*(?P<alt_day_end>{DAY}))?(?:\s+(?P<alt_month>{MONTH}))?\s*\))?"
    rf"(?:\s+|\s*-\s*|(?=[а-яё]))(?P<month>{ANY_MONTH})"  # "22 июня", "16-декабря", "22июня"
    rf"(?:\s*\(\s*(?P<alt2_day>{DAY})(?:\s*{DASH}\s*(?P<alt2_day_end>{DAY}))?\s+(?P<alt2_month>{MONTH})"
    rf"(?:\s+(?P<alt2_year>{YEAR4}))?\s*\))?"
    rf"(?:{_YEAR_AFTER})?"
)
DUAL_STYLE = _compile(  # "23 февраля по старому стилю или 8 марта по новому": one date in both styles
    rf"{NO_NUMBER_BEFORE}(?P<day>{DAY})\s+(?P<month>{MONTH})(?:\s+(?P<year>{YEAR4})\s*(?:г\.|года)?)?\s*\(?по\s+старому\s+стилю\)?,?\s+"
    rf"(?:или|\(?)\s*(?P<alt_day>{DAY})\s+(?P<alt_month>{MONTH})(?:\s+{YEAR4}\s*(?:г\.|года)?)?\s+по\s+новому(?:\s+стилю)?\)?"
)
_ALT_DAY = rf"(?:\s*\(\s*(?P<alt_day>{DAY})(?:\s+(?P<alt_month>{MONTH}))?\s*\))?"  # "26 мая (8 июня)": the other style
YEAR_DAY_MONTH = _compile(  # "1917, 4 дек.", "1918, нояб.": a table's row label, year first
    rf"{NO_NUMBER_BEFORE}(?P<year>{YEAR4})\s*(?:г\.)?,\s*(?:(?P<day>{DAY})\s+)?(?P<month>{ANY_MONTH}){_ALT_DAY}"
)
YEAR_HEAD_DAY_MONTH = _compile(  # "1941 г. 22 июня — …": a chronicle line that opens with its year, then the day
    rf"(?m)^[\s|*•>-]*(?P<year>{YEAR4})(?:\s*г\.|\s*год|\.)?[ \t]+(?P<day>{DAY})\s+(?P<month>{ANY_MONTH})(?!\s*\d){_ALT_DAY}"
)
DAY_WORD_MONTH = _compile(rf"(?<!\w)(?P<day>{DAY_WORD})\s+(?P<month>{MONTH})(?!\w)(?:{_YEAR_AFTER})?")  # "Восьмого января 1905 г."
MONTH_YEAR = _compile(
    rf"(?<!\w)(?P<month>{ANY_MONTH}|{MONTH_ABBR_BARE}(?=\s+{YEAR4}))(?:\s*{DASH}\s*(?P<month_end>{MONTH}))?(?:\s+месяц[аеу]?)?{_YEAR_AFTER}"
)
MONTH_ALONE = _compile(  # needs the context year: "в августе", "до марта", "В январе-феврале"
    rf"(?<!\w)(?P<prep>в|во|с|со|по|до|к|ко|течение|конце|начале|середине|конца|начала|середины|концу|началу)\s+"
    rf"(?P<month>{MONTH}(?!\w)|{MONTH_ABBR})(?:\s*{DASH}\s*(?P<month_end>{MONTH})(?!\w))?(?!\s*\d)(?!\s*{DASH}\s*\d{{1,2}}(?!\d))"
)
MONTH_BRACKET = _compile(  # "в 1916 г. (июль — август)": a bracketed month or months of the year just written
    rf"(?<=\()\s*(?P<month>{MONTH})(?:\s*{DASH}\s*(?P<month_end>{MONTH}))?\s*(?=\))"
)
MONTH_LABEL = re.compile(  # "Январь – посмертная выставка", "| Май | Захват Харькова", "Март — май:", "Январь" alone on its line
    rf"(?m)(?:^[\s|*-]*|(?<=[.!?]\s))(?P<month>[А-Я][а-я]+)(?:[ \t]*{DASH}[ \t]*(?P<month_end>[а-яА-Я][а-я]+))?"
    rf"(?=[ \t]*(?:{DASH}|:|\.\s|\||\.?$))"
)
# A compact table cell: "Янв.-май.42", "сент.-окт.41", "нояб.42": months with a two-digit (or full) year glued on.
_MONTH_DOT = "(?:" + "|".join(sorted([*MONTHS, *MONTH_ABBREVIATIONS], key=len, reverse=True)) + r")(?!\w)"
MONTH_COMPACT = _compile(
    rf"(?<!\w)(?P<month>{_MONTH_DOT})\.?(?:\s*{DASH}\s*(?P<month_end>{_MONTH_DOT}))?\.(?P<year>\d{{2}}|{YEAR4})(?![\d\w])"
)
SEASON_YEAR = _compile(
    rf"(?<!\w)(?P<season>{SEASON})(?:\s*{DASH}\s*(?P<season_end>{SEASON}))?\s+"
    rf"(?:(?P<year>{YEAR34})(?:\s*/\s*(?P<winter_end>\d{{1,4}}))?{YEAR_SUFFIX}(?:\s*(?P<yw>{YEAR_WORD}))?{NO_NUMBER_AFTER}"
    rf"|{CONTEXT_YEAR_GENITIVE})"
)
SEASON_CONTEXT = _compile(r"(?<!\w)(?:тем\s+же|той\s+же|этим\s+же|этой\s+же|этим|этой)\s+(?P<season>летом|весной|осенью|зимой)(?!\w)")
YEAR = _compile(  # "1921;1926 годах": a page converter's semicolon for the dash
    rf"{NO_NUMBER_BEFORE}(?P<year>{YEAR34})(?:(?:\s*(?:{DASH}|/)\s*|;)(?P<year_end>{YEAR34}|\d{{2}})(?!\d))?{YEAR_SUFFIX}"
    rf"(?:\s*\(\s*(?P<other_year>{YEAR4})\s*\))?(?:\s*\((?:!|\?|!\?|sic!?)\))?\s*(?P<yw>{YEAR_WORD})"  # "в 1465 (1466) г.": the first written year
)
GLUED_RANGE = _compile(  # "(19221937)", "в 19171920 годах": two years whose dash a page lost
    rf"(?:(?<=\()|(?<=(?<!\w)[вс]\s))(?P<year>{YEAR4})(?P<year_end>{YEAR4})(?=\)|\s*(?:гг\.|годах|годы|годов)(?!\w))"
)
YEAR_LOOKALIKE = re.compile(rf"(?<![\w.])(?P<year>[Il][0-9]{{3}})\s*(?P<yw>{YEAR_WORD})")  # "К I960 г.": a Latin I for 1
YEAR_ORDINAL = _compile(  # "в 1920-м", "с 1941-го", "по 1945-й"
    rf"(?<!\w)(?:в|во|с|со|к|до|после|(?P<po>по|на))\s+(?P<year>{YEAR4})\s?-(?:м|го|(?(po)й|(?!)))(?!\w)"  # "на 2022-й"
)
YEAR_TWO_DIGITS = _compile(rf"{NO_NUMBER_BEFORE}(?P<year>\d{{2}})\s?-(?:го|м|й)\s+(?P<yw>год(?:а|у|ом)?)(?!\w)")
# "в 41-м", "в мае 42-го", "с 43-го": a spoken two-digit year, only where no noun follows it ("в 41-м полку").
YEAR_TWO_DIGITS_SPOKEN = _compile(
    rf"(?<!\w)(?:(?P<month>{MONTH})|(?P<season>{SEASON})|в|во|с|со|до|после)\s+(?P<year>\d{{2}})\s?-(?:го|м)(?!\w)"
)
# After a bare "в 41-м" (no month or season before it), what may follow: the phrase's end, a conjunction, a pronoun
# or a past verb; never the noun that the ordinal counts ("в 41-м полку").
_AFTER_SPOKEN_YEAR = _compile(
    r"\s*(?:[,.;:!?)»—–]|$)|\s+(?:и|а|но|я|мы|он|она|они|все|уже|же|ещё|еще|меня|нас|его|её|их|\w+(?:л|ла|ли|ло|лся|лась|лись))(?!\w)"
)
BARE_YEAR = _compile(
    rf"{NO_NUMBER_BEFORE}(?P<year>{YEAR4})(?:\s*{DASH}\s*(?P<year_end>{YEAR4})|\s*{DASH}\s*(?P<year_end2>\d{{2}}(?!\s*{MONTH}(?!\w))))?(?![\d\w])(?![.,:]\d)(?!-\w)"
)
DECADE_NUMBER = r"(?:1\d\d0|20\d0|\d0)"
DECADE_END = r"(?:\s?-\s?(?:ые|ых|ым|ыми|е|х)|(?:е|х))(?!\w)"  # "1930-е", "30 - х", "1930х"; "1920-м" is a year
DECADE = _compile(
    rf"{NO_NUMBER_BEFORE}(?P<decade>{DECADE_NUMBER})(?:{DECADE_END})?(?:\s*{DASH}\s*(?P<decade_end>{DECADE_NUMBER}))?{DECADE_END}"
    rf"(?:\s*(?P<yw>годы|годов|годах|годам|годами|гг\.?))?(?:\s+(?P<century>{ROMAN}|\d{{1,2}})\s*{CENTURY_WORD})?"
)
CENTURY = re.compile(  # case-sensitive: "В." is an initial, "в." a century
    rf"(?<![\w.])(?P<century>{ROMAN}|\d{{1,2}})(?:\s*{DASH}\s*(?P<century_end>{ROMAN}|\d{{1,2}}))?(?:\s?-(?:м|го|й|ом))?\s*(?P<cw>{CENTURY_WORD})"
)
CENTURY_OPEN_RANGE = re.compile(  # "XVI – первой половине XIX в.", "XVIII – начала XX в.": only the last has the word
    rf"(?<![\w.])(?P<century>{ROMAN})\s*{DASH}\s*(?:(?P<half>перв\w+|втор\w+)\s+половин\w+\s+|(?:начал|середин|конц|конец)\w*\s+)"
    rf"(?P<century_end>{ROMAN})\s*{CENTURY_WORD}"
)
CENTURY_FROM_TO = re.compile(  # "с конца XVII до середины XVIII в.", "с XV по XVII в.": only the last has the word
    rf"(?<!\w)[сС]\s+(?:(?:начала|середины|конца)\s+)?(?P<century>{ROMAN})\s+(?:по|до)\s+"
    rf"(?:(?:начало|начала|середину|середины|конец|конца)\s+)?(?P<century_end>{ROMAN})\s*{CENTURY_WORD}"
)
NUMERIC = re.compile(
    r"(?<![\d.,:/\w])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4}|\d{2})"  # "(25.08.1530-28.03.1584)": a hyphen
    r"(?!\d|\.\d|:\d|-(?!\d{1,2}\.\d{1,2}\.\d{2,4}(?![\d.]))\d)(?:\s*г\.)?"  # before a date is a range, else a code
)
NUMERIC_ROMAN = re.compile(  # "12.IV.1961", "22.VI.41": a day, a Roman month, a year
    r"(?<![\d.,:/\w])(?P<day>\d{1,2})\.(?P<month>XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\.(?P<year>\d{4}|\d{2})(?![\d\w])(?:\s*г\.)?"
)
_PAGE_STAMP = re.compile(r"(?:^|\n)[ \t]*(?:[^\W\d_]+[ \t]+){0,3}$")
_ENDS_LINE = re.compile(r"[ \t]*(?:\n|$)")
NUMERIC_METADATA = re.compile(r"(?:обновлено|опубликовано|дата|добавлено|изменено|просмотр\w*|мрнти|удк|isbn)\W{0,3}$", re.IGNORECASE)
CONTEXT_YEAR = _compile(
    r"(?<!\w)(?:(?:в|во)\s+(?P<same>том\s+же|этом\s+же|тот\s+же|этот\s+же|этом|этот|том|следующем|следующий|предыдущем|прошлом)"
    r"\s+году?(?!\w)|(?:на|в)\s+(?P<next>следующий|другой)\s+год(?!\w)|(?P<after>через|спустя)\s+(?P<count>год|два\s+года|три\s+года|"
    r"четыре\s+года|пять\s+лет|\d\s+(?:года|лет))(?!\w)|(?P<shift>годом|год)\s+(?P<dir>позже|позднее|спустя|ранее|раньше)(?!\w)"
    r"|за\s+(?P<before>год|два\s+года|три\s+года|четыре\s+года|пять\s+лет|\d\s+(?:года|лет))\s+до\s+(?:этого|того|этих\s+событий)(?!\w))"
)
CONTEXT_YEAR_PART = _compile(  # "в конце того же года"; "к кон. года", "в начале года": the context year's part
    r"(?:(?<!\w)(?P<part>начал[аеоу]|середин[аеуы]|конц[аеу]|конец|исход[еу])\s+" + CONTEXT_YEAR_GENITIVE
    + r"|(?<!\w)(?:в|к|до|с)\s+(?P<bare_part>начал[аеоу]|середин[аеуы]|конц[аеу]|нач\.|сер\.|кон\.)\s*года(?!\w)(?!\s*\d))"
)
SAME_DAY = _compile(r"(?<!\w)(?:в\s+(?:тот|этот)\s+же\s+день|(?P<next>на\s+(?:следующий|другой)\s+день))(?!\w)")
CONTEXT_LOST = _compile(r"(?<!\w)(?:спустя|через)\s+(?:несколько|много|некоторое\s+время|ряд)|(?:несколько|много)\s+лет\s+спустя")
COUNT_WORDS = {"год": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5}
SHIFT_WORDS = {"том же": 0, "этом же": 0, "тот же": 0, "этот же": 0, "этом": 0, "этот": 0, "том": 0,
               "следующем": 1, "следующий": 1, "предыдущем": -1, "прошлом": -1}
GENITIVE_SHIFT = {"того же": 0, "этого же": 0, "этого": 0, "текущего": 0, "прошлого": -1, "следующего": 1, "предыдущего": -1}


# Cheap tests that a text holds a shape at all, before the long alternations of months look for it at every position.
_HAS_DAY_WORD = _compile(r"[ое]го\s+(?:янв|фев|мар|апр|ма[яй]|июн|июл|авг|сен|окт|ноя|дек)")
_HAS_GLUED_YEAR = _compile(r"[а-я]\.\d")
_HAS_SPOKEN_YEAR = _compile(r"(?<!\d)\d\d\s?-(?:го|м)(?!\w)")


def _int(match: re.Match, name: str) -> int | None:
    value = match.group(name)
    return int(value) if value is not None else None


def _year_fields(point: Point, match: re.Match) -> bool:
    """Read the year or the context year after a month or a day; False when a bare 3-digit number is no year."""
    if match.groupdict().get("ctx"):
        point.context_shift = GENITIVE_SHIFT[" ".join(match.group("ctx").lower().split())]
        return True
    year = match.groupdict().get("year")
    if year is None:
        return True
    if len(year) < 4 and not match.group("yw"):
        return False
    point.year = int(year)
    point.explicit_year = True
    return True


def day_month_points(text: str) -> list[Point]:
    points = []
    for match in DAY_MONTH.finditer(text):
        point = Point(match.start(), match.end(), "day", day=_int(match, "day"), day_end=_int(match, "day_end"),
                      month=month_number(match.group("month")))
        if point.day_end is not None and point.day_end <= point.day:
            continue
        if not _year_fields(point, match):  # "5 мая 125 человек": the number after is no year
            point.end = len(text[: match.start("year")].rstrip(" ,\n\t"))
            point.year = None
        if match.group("alt_day"):
            alt_month = month_number(match.group("alt_month")) if match.group("alt_month") else None
            point.alt = (_int(match, "alt_day"), _int(match, "alt_day_end"), alt_month, None)
        elif match.group("alt2_day"):
            point.alt = (_int(match, "alt2_day"), _int(match, "alt2_day_end"), month_number(match.group("alt2_month")),
                         _int(match, "alt2_year"))
        points.append(point)
    for match in DUAL_STYLE.finditer(text):
        points.append(Point(match.start(), match.end(), "day", day=_int(match, "day"), month=month_number(match.group("month")),
                            year=_int(match, "year"), explicit_year=match.group("year") is not None,
                            alt=(_int(match, "alt_day"), None, month_number(match.group("alt_month")), None)))
    for match in YEAR_DAY_MONTH.finditer(text):
        kind = "day" if match.group("day") else "month"
        points.append(_with_alt(Point(match.start(), match.end(), kind, day=_int(match, "day"),
                                      month=month_number(match.group("month")), year=int(match.group("year")),
                                      explicit_year=True), match))
    for match in YEAR_HEAD_DAY_MONTH.finditer(text):
        points.append(_with_alt(Point(match.start("year"), match.end(), "day", day=int(match.group("day")),
                                      month=month_number(match.group("month")), year=int(match.group("year")),
                                      explicit_year=True), match))
    for match in DAY_WORD_MONTH.finditer(text) if _HAS_DAY_WORD.search(text) else ():
        point = Point(match.start(), match.end(), "day", day=DAY_WORDS[" ".join(match.group("day").lower().split())],
                      month=month_number(match.group("month")))
        if not _year_fields(point, match):
            point.end, point.year = match.end("month"), None
        points.append(point)
    return points


def _with_alt(point: Point, match: re.Match) -> Point:
    """Keep a bracketed other-style day after a year-first row label ("1917 г. 25 октября (7 ноября)")."""
    if match.group("alt_day") and point.day is not None:
        alt_month = month_number(match.group("alt_month")) if match.group("alt_month") else None
        point.alt = (int(match.group("alt_day")), None, alt_month, None)
    elif match.group("alt_day"):
        point.end = match.end("month")
    return point


def month_points(text: str) -> list[Point]:
    points = []
    for match in MONTH_YEAR.finditer(text):
        month_end = month_number(match.group("month_end")) if match.group("month_end") else None
        point = Point(match.start(), match.end(), "month", month=month_number(match.group("month")), month_end=month_end)
        if _year_fields(point, match):
            points.append(point)
    for match in MONTH_ALONE.finditer(text):
        month_end = month_number(match.group("month_end")) if match.group("month_end") else None
        points.append(Point(match.start("month"), match.end(), "month", month=month_number(match.group("month")),
                            month_end=month_end, context_shift=0, extras={"bare": True}))
    for match in MONTH_BRACKET.finditer(text):
        month_end = month_number(match.group("month_end")) if match.group("month_end") else None
        points.append(Point(match.start("month"), match.end(), "month", month=month_number(match.group("month")),
                            month_end=month_end, context_shift=0, extras={"bare": True}))
    for match in MONTH_COMPACT.finditer(text) if _HAS_GLUED_YEAR.search(text) else ():
        month_end = month_number(match.group("month_end")) if match.group("month_end") else None
        year = match.group("year")
        points.append(Point(match.start(), match.end(), "month", month=month_number(match.group("month")), month_end=month_end,
                            year=int(year), two_digit_year=len(year) == 2, explicit_year=True))
    for match in MONTH_LABEL.finditer(text):
        number = month_number(match.group("month"))
        if number is None or match.group("month").lower() != _nominative(number):
            continue
        last = match.group("month_end")
        last_number = month_number(last) if last and last.lower() in MONTHS else None
        if last_number is not None and last.lower() == _nominative(last_number) and last_number != number:
            points.append(Point(match.start("month"), match.end("month_end"), "month", month=number, month_end=last_number,
                                context_shift=0, extras={"bare": True}))
        else:  # "Январь – посмертная выставка": the label is the month alone
            points.append(Point(match.start("month"), match.end("month"), "month", month=number, context_shift=0,
                                extras={"bare": True}))
    return points


def _nominative(month: int) -> str:
    return MONTH_FORMS[month - 1][0]


def season_points(text: str) -> list[Point]:
    points = []
    for match in SEASON_YEAR.finditer(text):
        season = SEASON_FORMS[match.group("season").lower()]
        season_end = SEASON_FORMS[match.group("season_end").lower()] if match.group("season_end") else None
        point = Point(match.start(), match.end(), "season", season=season, season_end=season_end)
        if match.group("winter_end") and season == 12:
            point.extras["winter"] = True
        if _year_fields(point, match):
            points.append(point)
    for match in SEASON_CONTEXT.finditer(text):
        points.append(Point(match.start(), match.end(), "season", season=SEASON_FORMS[match.group("season").lower()],
                            context_shift=0))
    return points


def year_points(text: str) -> list[Point]:
    points = []
    for match in YEAR.finditer(text):
        year = int(match.group("year"))
        year_end = _full_year_end(year, match.group("year_end"), limit=500)  # "1465 - 1822 годы": a year word says years
        if match.group("year_end") and year_end is None:
            continue
        word = match.group("yw").lower()
        point = Point(match.start(), match.end(), "year", year=year, year_end=year_end, explicit_year=True)
        in_list = re.search(rf"{YEAR4}(?:\s*гг?\.)?(?:,|\s+и)\s*$", text[max(0, match.start() - 12) : match.start()])
        plural = word in ("годы", "годах", "годов", "годам", "годами")
        if year_end is None and year % 10 == 0 and plural and year >= 1000 and not in_list:  # "в 1939 и 1940 годах": years
            point.kind, point.decade, point.year = "decade", year, None  # "в 1920 годы": the decade
        points.append(point)
    for match in YEAR_LOOKALIKE.finditer(text):
        year = int("1" + match.group("year")[1:])
        if 1000 <= year <= 2100:
            points.append(Point(match.start(), match.end(), "year", year=year, explicit_year=True))
    for match in YEAR_ORDINAL.finditer(text):
        points.append(Point(match.start("year"), match.end(), "year", year=int(match.group("year")), explicit_year=True))
    for match in GLUED_RANGE.finditer(text):
        year, year_end = int(match.group("year")), int(match.group("year_end"))
        if year < year_end <= year + 150:
            points.append(Point(match.start(), match.end(), "year", year=year, year_end=year_end, explicit_year=True))
    for match in YEAR_TWO_DIGITS_SPOKEN.finditer(text) if _HAS_SPOKEN_YEAR.search(text) else ():
        word = match.group("month") or match.group("season")
        if word is None and not _AFTER_SPOKEN_YEAR.match(text, match.end()):
            continue
        kind = "month" if match.group("month") else "season" if match.group("season") else "year"
        point = Point(match.start(kind) if word else match.start("year"), match.end(), kind, year=int(match.group("year")),
                      two_digit_year=True, explicit_year=True)
        if match.group("month"):
            point.month = month_number(word)
        elif match.group("season"):
            point.season = SEASON_FORMS[word.lower()]
        points.append(point)
    for match in YEAR_TWO_DIGITS.finditer(text):
        points.append(Point(match.start(), match.end(), "year", year=int(match.group("year")), two_digit_year=True,
                            explicit_year=True))
    for match in BARE_YEAR.finditer(text):
        year = int(match.group("year"))
        year_end = _full_year_end(year, match.group("year_end") or match.group("year_end2"))
        if (match.group("year_end") or match.group("year_end2")) and year_end is None:
            continue
        if _bare_year_is_a_date(text, match, year_end is not None and match.group("year_end") is not None):
            points.append(Point(match.start(), match.end(), "year", year=year, year_end=year_end, explicit_year=True,
                                extras={"bare": True}))
    return points


def _full_year_end(year: int, text: str | None, limit: int = 300) -> int | None:
    if text is None:
        return None
    end = int(text) if len(text) >= 3 else year // 100 * 100 + int(text)  # "553-572 гг.", "1921–22 гг."
    return end if year < end <= year + limit else None  # "(1465—1718)": a khanate's span


_BARE_BEFORE = re.compile(
    r"(?:^|\n)[\s|*>#-]*$|\|\s*$|(?<!\w)(?:в|во|с|со|по|до|к|ко|от|около|после|между|и|конце|начале|середине|конца|начала|середины)\s+$|\(\s*$"
    r"|\([^()\n]{1,40},\s*$|\(\s*(?:род|р|ум|ок|около|с|до|†)\.?\s*$|(?<!\w)(?:М|Л|СПб|Алматы|Алма-Ата|Астана|Ташкент|Оренбург|Казань|Омск|Новосибирск|Киев|Минск|Москва|Ленинград)\.?\s*[,:]\s*(?:[^,\n]{1,30},\s*)?$|[«\"„“]\s*$|\d{4}(?:\s*гг?\.)?,\s*$",  # "в 1920, 1921 и 1922 годах": a list of years
    re.IGNORECASE,
)
# "восстания 1916", "корпуса 1918", "по разделу 1224.", "событий 1986": a year after the noun it names (an
# oblique-case ending), where no count or verb comes before: "составила 1500" (a past verb) and "численностью
# 1500" (a measure) stay counts.
_NOUN_BEFORE = re.compile(r"(?<![\w.-])(?P<word>[А-ЯЁа-яё][а-яё]+[аяыиуюй])[\s-]$")  # "революция-1789" too
_NOT_A_NAMED_NOUN = re.compile(
    r".*(?:[лн]а|[лн]и|ся|сь|ую|юю|ая|яя|ый|ой|(?:ен|ован|ван|ит|ыт|ят)ы)$|численност\w*|количеств\w*|размер\w*|сумм\w*|цен\w*|стоимост\w*|площад\w*|тираж\w*"
    r"|высот\w*|глубин\w*|длин\w*|номер\w*|всего|около|более|менее|свыше|примерно|почти|лишь|только|них|их|ими|они|им"
    r"|стать\w*|глав[аеуы]|пункт\w*|част\w*|том[аеу]?|страниц\w*|лист\w*|фонд\w*|опис\w*|дел[ау]|дом[аеу]|квартир\w*|школ\w*"
    r"|групп\w*|класс\w*|модел\w*|сери\w*|выпуск\w*|рейс\w*|маршрут\w*|код\w*|отметк\w*|квот\w*|норм\w*",
)
_PARTNER = re.compile(r"\s*(?:до|и|или|[-–—])\s*\d[\d\s]*?(?=\s|$)")
_PAGE_BEFORE = re.compile(r"(?<!\w)(?:с|стр|pp?|т|n|no)\.\s*$|(?<!\w)(?:стр|pp)\s*$|[№#]\s*$", re.IGNORECASE)


def _bare_year_is_a_date(text: str, match: re.Match, four_digit_range: bool) -> bool:
    """A bare four-digit number is a year where history prose puts years: a line label, after a preposition, in brackets."""
    before = ("\x00" if match.start() > 45 else "") + text[max(0, match.start() - 45) : match.start()]
    if _PAGE_BEFORE.search(before):
        return False
    after = text[match.end() : match.end() + 20]
    if COUNT_NOUNS.match(after.lstrip()) and not after.lstrip().startswith(("года", "году", "годов")):
        return False
    if re.match(r"\s*[а-яё]+(?:ых|их)\s", after):
        return False  # "1578 кыргызских семей": an adjective of a counted noun
    partner = _PARTNER.match(after)
    rest = after[partner.end() :].lstrip() if partner is not None else ""
    if partner is not None and COUNT_NOUNS.match(rest) and not rest.startswith(("год", "гг")):
        return False  # "от 1000 до 1500 человек", "между 1500 и 2000 воинов": counts
    if four_digit_range:
        return True  # "1830 - 1961", "(1849–1936)": two years in order
    if _BARE_BEFORE.search(before):
        return True
    noun = _NOUN_BEFORE.search(before)
    if noun is None or _NOT_A_NAMED_NOUN.fullmatch(noun.group("word").lower()):
        return False
    return _AFTER_NAMED_YEAR.match(after) is not None


# After "корпуса 1918": the end of the phrase, a conjunction, or a verb or adverb ("стало", "кратко", "закрепила"),
# never a noun that the number would count ("1500 хозяйств").
_AFTER_NAMED_YEAR = re.compile(
    r"\s*(?:[.,;:)!?»—–]|$|\n|(?:и|а|но|или)\s|[а-яё]+(?:о|л|ла|ли|ло|ся|сь|ет|ют|ит|ят|ут|ат)(?!\w))"
)


def decade_points(text: str) -> list[Point]:
    points = []
    for match in DECADE.finditer(text):
        first, last = match.group("decade"), match.group("decade_end")
        if len(first) == 2 and not (match.group("yw") or match.group("century") or last):
            if not re.match(r"\s*(?:[,.;:)!?]|$|\s*[–—-]|по\s+\d)", text[match.end() : match.end() + 6]):
                continue  # "50-х" needs "годов" unless it ends the phrase ("в конце 50-х.")
        century = None
        if match.group("century"):
            century = roman_value(match.group("century")) if not match.group("century").isdigit() else int(match.group("century"))
            if century is None:
                continue
        point = Point(match.start(), match.end(), "decade", decade=int(first), decade_end=int(last) if last else None,
                      century=century)
        point.two_digit_year = len(first) == 2
        if point.decade_end is not None and len(last) == 2 and len(first) == 4:
            point.decade_end += point.decade // 100 * 100
        points.append(point)
    return points


def century_points(text: str) -> list[Point]:
    points = []
    for match in CENTURY.finditer(text):
        first, last, word = match.group("century"), match.group("century_end"), match.group("cw")
        arabic = first.isdigit()
        if arabic and (word.startswith(("веков", "столетий", "веками", "столетиями")) or word in ("века", "столетия")):
            if not last and not re.match(r"\s*(?:[,.;:)]|$)", text[match.end() : match.end() + 2]):
                continue  # "3 века назад", "10 веков": counts
        if not arabic and not first.isupper():
            continue
        value = int(first) if arabic else roman_value(first)
        end = None
        if last:
            end = int(last) if last.isdigit() else roman_value(last)
            if end is None or value is None or end <= value:
                continue
        if value is None or not 1 <= value <= 21:
            continue
        points.append(Point(match.start(), match.end(), "century", century=value, century_end=end))
    for match in CENTURY_FROM_TO.finditer(text):
        first, last = roman_value(match.group("century")), roman_value(match.group("century_end"))
        if first is not None and last is not None and first < last and match.group("century").isupper():
            points.append(Point(match.start(), match.end(), "century", century=first, century_end=last))
    for match in CENTURY_OPEN_RANGE.finditer(text):
        first, last = roman_value(match.group("century")), roman_value(match.group("century_end"))
        if first is None or last is None or last <= first or not match.group("century").isupper():
            continue
        point = Point(match.start(), match.end(), "century", century=first, century_end=last)
        if match.group("half"):
            point.extras["end_half"] = 1 if match.group("half").lower().startswith("перв") else 2
        points.append(point)
    return points


def numeric_points(text: str) -> list[Point]:
    points = []
    for match in NUMERIC.finditer(text):
        day, month = int(match.group("day")), int(match.group("month"))
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        if NUMERIC_METADATA.search(text[max(0, match.start() - 20) : match.start()]):
            continue
        if _PAGE_STAMP.search(text[max(0, match.start() - 40) : match.start()]) and _ENDS_LINE.match(text, match.end()):
            if len(match.group("year")) == 4 and int(match.group("year")) >= 2000:
                continue  # "Здоровье        15.01.2020": a page's rubric and date on a line of their own
        if re.match(r",?\s*\d{1,2}:\d{2}", text[match.end() : match.end() + 8]):
            continue  # "31.05.2019, 16:12": a time stamp
        year = match.group("year")
        points.append(Point(match.start(), match.end(), "day", day=day, month=month, year=int(year),
                            two_digit_year=len(year) == 2, explicit_year=True, extras={"numeric": True}))
    for match in NUMERIC_ROMAN.finditer(text):
        year = match.group("year")
        points.append(Point(match.start(), match.end(), "day", day=int(match.group("day")), month=roman_value(match.group("month")),
                            year=int(year), two_digit_year=len(year) == 2, explicit_year=True, extras={"numeric": True}))
    return points


def context_points(text: str) -> list[Point]:
    points = []
    for match in CONTEXT_YEAR.finditer(text):
        if match.group("same"):
            shift = SHIFT_WORDS[" ".join(match.group("same").lower().split())]
        elif match.group("next"):
            shift = 1
        elif match.group("after") or match.group("before"):  # "через два года" +2, "за год до этого" -1
            words = (match.group("count") or match.group("before")).lower().split()
            shift = int(words[0]) if words[0].isdigit() else COUNT_WORDS[words[0]]
            shift = -shift if match.group("before") else shift
        else:
            shift = -1 if match.group("dir").lower() in ("ранее", "раньше") else 1
        points.append(Point(match.start(), match.end(), "context", context_shift=shift))
    for match in CONTEXT_YEAR_PART.finditer(text):
        if match.group("bare_part"):
            points.append(Point(match.start(), match.end(), "context", context_shift=0))
            continue
        points.append(Point(match.start("ctx"), match.end(), "context",
                            context_shift=GENITIVE_SHIFT[" ".join(match.group("ctx").lower().split())]))
    for match in SAME_DAY.finditer(text):
        points.append(Point(match.start(), match.end(), "same_day", same_day=1 if match.group("next") else 0))
    for match in CONTEXT_LOST.finditer(text):
        points.append(Point(match.start(), match.end(), "lost"))
    return points


FINDERS = (day_month_points, numeric_points, month_points, season_points, decade_points, century_points, year_points,
           context_points)
