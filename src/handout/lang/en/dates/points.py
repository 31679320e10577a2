"""One date point of English prose: a day, a month, a season, a year, a decade or a century, with its span.

A point knows only what is written in it; :mod:`.parser` joins points into ranges, reads the words
before them (until, by, from, early, late) and fills a missing year from the context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .words import (
    BC_AFTER,
    DASH,
    DAY,
    DECADE_WORDS,
    MONTH,
    NOT_A_YEAR_AFTER,
    NOT_A_YEAR_BEFORE,
    ORDINAL,
    ORDINAL_WORDS,
    PLURAL_AFTER,
    SEASON,
    YEAR,
    YEAR_END,
    month_of,
    roman_value,
)


@dataclass
class Point:
    start: int
    end: int
    year: int | None = None
    year_end: int | None = None
    month: int | None = None
    month_end: int | None = None
    day: int | None = None
    day_end: int | None = None
    season: str | None = None
    season_end: str | None = None
    decade: int | None = None
    century: int | None = None
    century_end: int | None = None
    hundreds: int | None = None
    """"the 1700s": a century named by its first year."""
    bc: bool = False
    bare: bool = False
    """A four-digit number alone: a year only where the words around it make it one."""
    alt: tuple[int, int | None, int | None] | None = None
    """The other-style day (and month) written in brackets before the year: (day, month, year)."""
    short_decade: bool = False
    relative: int | None = None
    """Years after the context year ("October of that year": 0, "of the following year": 1)."""
    half: int | None = None
    """1 or 2: "the first/second half of" the period."""

    def is_range(self) -> bool:
        """Tell whether the point spans a run written in it ("5–13 December", "1921–22")."""
        return any(value is not None for value in (self.day_end, self.month_end, self.season_end, self.year_end,
                                                   self.century_end))


_DAY_RANGE = r"(?:" + DASH + r"|\s+(?:to|and|till|until)\s+)"
_POINT = re.compile(
    r"(?<![\d.,/:$#№_])(?<!\b[Nn]o\.\s)(?:"
    # 6/28/1914 (US month/day/year) and 1991-12-16 (ISO)
    r"(?P<nm>1[0-2]|0?[1-9])/(?P<nd>[12]\d|3[01]|0?[1-9])/(?P<ny>" + YEAR + r")(?![\d/])"
    r"|(?P<ed>[12]\d|3[01]|0?[1-9])\.(?P<em>0?[1-9]|1[0-2])\.(?P<ey>" + YEAR + r")(?![\d.])"
    r"|(?P<iy>" + YEAR + r")-(?P<im>0[1-9]|1[0-2])-(?P<id>[0-2]\d|3[01])(?![\d])"
    # 26 August 1920, 26th of August 1920, 5–13 December 1917, 25 October (7 November) 1917, 31 July
    r"|(?P<d>" + DAY + r")(?:" + _DAY_RANGE + r"(?P<de>" + DAY + r"))?(?:\s+of)?\s+(?P<m>" + MONTH + r")"
    r"(?:\s*\((?P<ad>" + DAY + r")(?:\s+(?P<am>" + MONTH + r"))?\))?"
    r"(?:,?\s+(?P<y>" + YEAR + r")" + YEAR_END + r")?"
    # August 26, 1920; June 3rd 2002; December 17-18, 1986; December 18
    r"|(?P<m2>" + MONTH + r")\s+(?P<d2>" + DAY + r")(?:" + DASH + r"(?P<d2e>" + DAY + r"))?"
    r"(?:,?\s+(?P<y2>" + YEAR + r")" + YEAR_END + r")?(?!\s*(?:%|percent))"
    # June 1990, December, 1986, June–August 1920, mid-August\n1990, Sept 1941366,000
    r"|(?P<m3>" + MONTH + r")(?:(?:" + DASH + r"|\s+(?:to|and)\s+)(?P<m3e>" + MONTH + r"))?,?\s+(?P<y3>" + YEAR
    + r")" + YEAR_END +
    # spring of 1918, winter 1930, the spring and summer of 1991, winter 1943/44
    r"|(?P<s>" + SEASON + r")(?:\s+(?:and|to)\s+|" + DASH + r")?(?P<se>" + SEASON + r")?(?:\s+of)?,?\s+(?P<sy>"
    + YEAR + r")(?:[-–/]\d{2}(?![\d]))?(?![\d])"
    # the first decade of the eighteenth (century)
    r"|(?P<nd_>" + "|".join(DECADE_WORDS) + r")\s+decade\s+of\s+the\s+(?P<dc>" + ORDINAL + r")(?:[\s-]+century\b)?"
    # the 19th century, the 15th–16th centuries, the nineteenth century
    r"|(?P<c>" + ORDINAL + r")(?:(?:" + DASH + r"|\s+(?:and|to)\s+)(?P<ce>" + ORDINAL + r"))?[\s-]*[Cc]entur(?:y|ies)\b"
    # the 1930s, the 1450's, the 1700s (a century), 700s AD
    r"|(?P<dec>[1-9]\d{1,2}0)['’]?s(?![\w])"
    # '30s, and 80s (after a decade)
    r"|(?P<sdec>['’]?[1-9]0)['’]?s(?![\w])"
    # 500 BC (kept to be skipped), AD 552, 700 AD
    r"|(?P<by>\d{1,4}(?:,\d{3})?)(?=" + BC_AFTER.pattern + r")"
    r"|(?:AD|A\.D\.)\s*(?P<ay>\d{1,4})(?![\d])|(?P<ay2>\d{1,4})\s*(?:AD|A\.D\.|CE|C\.E\.)(?![\w])"
    # 1920, 1921–22, 1943/44
    # October of that year, March of the following year
    r"|(?P<m5>" + MONTH + r")\s+of\s+(?P<rel>that|that\s+same|the\s+same|the\s+following|the\s+next|the\s+previous)\s+year\b"
    # 19181922: a range whose dash the source lost (PDF text)
    r"|(?P<g1>1[0-9]{3})(?P<g2>1[0-9]{3})(?![\d])"
    # a month alone ("in March", "mid-September"): dated only after a date word and from the context year
    r"|(?P<m4>" + MONTH + r")(?!['’-])"
    r"|(?P<yr>" + YEAR + r")(?:(?:" + DASH + r"|/)(?P<yy>\d{2})(?![\d%]|[.,]\d|\s*(?:%|percent)))?(?=[^\d]|$)"
    r")"
)


_PAGE_STAMP = re.compile(
    r"(?:^|[\s|(\[])(?:date|posted(?:\s+on)?|published(?:\s+on)?|updated(?:\s+on)?|last\s+(?:updated|modified|edited)|"
    r"modified|created|creation\s+time|retrieved(?:\s+on)?|accessed(?:\s+on)?|access\s+date)\s*[:=]?\s*$",
    re.IGNORECASE,
)
"""A web page's own stamp right before an ISO date (its line's label): the date the page was made or read."""


def _number(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _ordinal(text: str) -> int:
    word = text.lower()
    if word in ORDINAL_WORDS:
        return ORDINAL_WORDS[word]
    return roman_value(text) or _number(text)


def scan(text: str) -> list[Point]:
    """Return every date point of ``text`` in order (BC points included, marked ``bc``)."""
    points = []
    for match in _POINT.finditer(text):
        point = _point(match, text)
        if point is None:
            continue
        if point.season_end and re.search(r"\band\b", text[match.end("s") : match.start("se")]):
            # "the spring and summer of 1991": two seasons, each of that year
            points.append(Point(match.start(), match.end("s"), year=point.year, season=point.season))
            point = Point(match.start("se"), match.end(), year=point.year, season=point.season_end)
        points.append(point)
    return points


def _point(match: re.Match, text: str) -> Point | None:
    g = match.groupdict()
    point = Point(match.start(), match.end())
    if g["ny"]:
        point.year, point.month, point.day = int(g["ny"]), int(g["nm"]), int(g["nd"])
    elif g["ey"]:
        point.year, point.month, point.day = int(g["ey"]), int(g["em"]), int(g["ed"])
    elif g["nd_"]:
        century = _ordinal(g["dc"])
        if not century or century > 21:
            return None
        point.decade = (century - 1) * 100 + (DECADE_WORDS[g["nd_"]] - 1) * 10
    elif g["iy"]:
        if _PAGE_STAMP.search(text, max(0, match.start() - 40), match.start()):
            return None  # " date 2022-08-31", "Creation Time:2024-10-03": when the web page was made, not history
        point.year, point.month, point.day = int(g["iy"]), int(g["im"]), int(g["id"])
    elif g["m"]:
        point.day, point.month = _number(g["d"]), month_of(g["m"])
        point.day_end = _number(g["de"]) if g["de"] else None
        point.year = int(g["y"]) if g["y"] else None
        if g["ad"]:
            point.alt = (_number(g["ad"]), month_of(g["am"]) if g["am"] else None, None)
    elif g["m2"]:
        point.month, point.day = month_of(g["m2"]), _number(g["d2"])
        point.day_end = _number(g["d2e"]) if g["d2e"] else None
        point.year = int(g["y2"]) if g["y2"] else None
    elif g["m3"]:
        point.month, point.year = month_of(g["m3"]), int(g["y3"])
        point.month_end = month_of(g["m3e"]) if g["m3e"] else None
    elif g["m5"]:
        point.month = month_of(g["m5"])
        point.relative = {"following": 1, "next": 1, "previous": -1}.get(g["rel"].split()[-1], 0)
    elif g["g1"]:
        point.year, point.year_end = int(g["g1"]), int(g["g2"])
        if not 0 < point.year_end - point.year <= 50:
            return None
    elif g["m4"]:
        point.month = month_of(g["m4"])
    elif g["s"]:
        point.season, point.year = g["s"].lower(), int(g["sy"])
        point.season_end = g["se"].lower() if g["se"] else None
    elif g["c"]:
        point.century = _ordinal(g["c"])
        point.century_end = _ordinal(g["ce"]) if g["ce"] else None
        if point.century > 21 or (point.century_end or 1) > 21:
            return None
        if BC_AFTER.match(text, match.end()):
            point.bc = True
    elif g["dec"]:
        first = int(g["dec"])
        if first > 2090:
            return None
        if first % 100 == 0:
            point.hundreds = first
        else:
            point.decade = first
        if BC_AFTER.match(text, match.end()):
            point.bc = True
    elif g["sdec"]:
        point.decade, point.short_decade = int(g["sdec"].lstrip("'’")), g["sdec"][0] not in "'’"
        if not point.short_decade:
            point.decade += 1900  # "'30s": the 1930s
    elif g["by"]:
        point.bc, point.year = True, _number(g["by"])
    elif g["ay"] or g["ay2"]:
        point.year = int(g["ay"] or g["ay2"])
        if point.year == 0:
            return None
    else:
        return _year_point(match, point, g, text)
    return point


def _year_point(match: re.Match, point: Point, g: dict, text: str) -> Point | None:
    point.year = int(g["yr"])
    if g["yy"]:
        last = point.year // 100 * 100 + int(g["yy"])
        if last <= point.year:
            return None  # "1917-05" is no range of years
        point.year_end = last
    else:
        point.bare = True
        if NOT_A_YEAR_AFTER.match(text, match.end()) or NOT_A_YEAR_BEFORE.search(text, 0, match.start()):
            return None
        if BC_AFTER.match(text, match.end()):
            point.bc = True
    return point


def is_count(text: str, point: Point) -> bool:
    """Tell whether a bare number is a count: a lowercase plural word follows it ("1500 soldiers")."""
    return bool(PLURAL_AFTER.match(text, point.end))


__all__ = ["Point", "is_count", "scan"]
