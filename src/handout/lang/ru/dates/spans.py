"""Spans written whole: a lifespan with places or days in it, an early reign in brackets, two years with the dash lost.

"(12 августа 1873, Нарынская волость — 1918, село Маканчи)" and "(1845, Чингизские горы — 1904, там же)" put places
between the two ends; "(ок. 960 - 1015)", "(959–963)" and "(+ 969)" are early years that only their brackets make
dates (a bare three-digit number is a count); "войны 1941 1945 гг." lost its dash on the way to the page. The first
point of such a span carries its last in ``extras["last"]``; the phrase level makes the two one range.
:func:`find_points` returns these and every shape of :mod:`.points`, left to right, the longest where two overlap.
"""

from __future__ import annotations

import bisect
import re

from .points import DAY, FINDERS, YEAR4, YEAR34, Point
from .words import COUNT_NOUNS, DASH, MONTH, month_number



def _end(name: str, year: str = YEAR4) -> str:
    """One end of a lifespan: a year, or a day, a month and a year; ``name`` prefixes its groups."""
    return rf"(?:(?P<{name}day>{DAY})\s+(?P<{name}month>{MONTH})\s+)?(?P<{name}year>{year})(?:\s*г\.)?"


LIFESPAN_PLACES = re.compile(  # the place runs to a spaced dash ("Алма-Ата" keeps its hyphen)
    rf"(?:(?<=\()|(?<=;\s))(?:род\.\s*)?{_end('a_')},\s*[^()\n;]{{2,80}}?\s{DASH}\s*{_end('b_')}(?=\s*[,)])",
    re.IGNORECASE,
)
EARLY_BRACKET = re.compile(  # "(ок. 960 - 1015)", "(959–963)": a range in brackets of its own, one end below 1000
    rf"(?<=\()\s*(?:ок\.|около|род\.|р\.)?\s*(?P<year>[1-9]\d{{2,3}})\s*{DASH}\s*(?P<year_end>[1-9]\d{{2,3}})\s*(?=\))"
)
MIXED_BRACKET = re.compile(  # "(ок. 978 — 20 февраля 1054)": an early year, then a full day
    rf"(?<=\()\s*(?:ок\.|около)?\s*{_end('a_', YEAR34)}\s*{DASH}\s*{_end('b_', YEAR34)}\s*(?=\))", re.IGNORECASE
)
EARLY_DEATH = re.compile(r"(?<=\()\s*(?:\+|†|ум\.|умер|сконч\.|род\.|р\.)\s*(?P<year>[1-9]\d{2})\s*(?=\))")  # "(+ 969)"
SPACED_RANGE = re.compile(  # "1941 1945 гг.": two years in order, a plural year word, no dash
    rf"(?<![\d.,/#№\w])(?P<year>{YEAR4})[ \t](?P<year_end>{YEAR4})\s*(?:гг\.|(?:годах|годы|годов)(?!\w))"
)


def _end_point(match: re.Match, prefix: str, start: int, end: int) -> Point:
    day, month = match.group(prefix + "day"), match.group(prefix + "month")
    kind = "day" if day else "year"
    return Point(start, end, kind, day=int(day) if day else None, month=month_number(month) if month else None,
                 year=int(match.group(prefix + "year")), explicit_year=True)


def _a_count(text: str, match: re.Match, year: int, year_end: int) -> bool:
    """"(300–400) воинов", "(100–150)": round ends or a counted noun after the bracket make a range of counts."""
    if year % 50 == 0 and year_end % 50 == 0:
        return True
    return COUNT_NOUNS.match(text[match.end() + 1 : match.end() + 30].lstrip()) is not None


def span_points(text: str) -> list[Point]:
    points = []
    mixed = (match for match in MIXED_BRACKET.finditer(text) if match.group("a_day") or match.group("b_day"))
    for match in (*LIFESPAN_PLACES.finditer(text), *mixed):  # two bare years in brackets: EARLY_BRACKET, with its checks
        first = _end_point(match, "a_", match.start(), match.end("a_year"))
        last = _end_point(match, "b_", match.start("b_year") if not match.group("b_day") else match.start("b_day"),
                          match.end())
        if first.year < last.year <= first.year + 150:
            first.extras["last"] = last
            first.end = match.end()  # the span is one expression: nothing inside it is a date of its own
            points.append(first)
    for match in EARLY_BRACKET.finditer(text):
        year, year_end = int(match.group("year")), int(match.group("year_end"))
        if min(year, year_end) < 1000 and year < year_end <= year + 150 and not _a_count(text, match, year, year_end):
            points.append(Point(match.start(), match.end(), "year", year=year, year_end=year_end, explicit_year=True))
    for match in EARLY_DEATH.finditer(text):
        points.append(Point(match.start(), match.end(), "year", year=int(match.group("year")), explicit_year=True))
    for match in SPACED_RANGE.finditer(text):
        year, year_end = int(match.group("year")), int(match.group("year_end"))
        if year < year_end <= year + 50:
            points.append(Point(match.start(), match.end(), "year", year=year, year_end=year_end, explicit_year=True))
    return points


def find_points(text: str) -> list[Point]:
    """Return every date point of ``text``, left to right, the longest where two overlap."""
    candidates = [point for finder in (*FINDERS, span_points) for point in finder(text)]
    chosen: list[Point] = []  # kept sorted by start; the chosen never overlap, so only the neighbours can clash
    starts: list[int] = []
    for point in sorted(candidates, key=lambda point: (point.start - point.end, point.start)):
        index = bisect.bisect_left(starts, point.start)
        if index > 0 and chosen[index - 1].end > point.start:
            continue
        if index < len(chosen) and chosen[index].start < point.end:
            continue
        chosen.insert(index, point)
        starts.insert(index, point.start)
    return chosen
