"""The phrase level of the English date grammar: points become dates, ranges, qualified dates and dual dates.

Reading order for each point: the words before it ("until", "by", "from", "between", "the early",
"the second half of the"), the words after it ("BC", "OS", a bracketed New Style date, "to"/"–" and a
second point), then the context year for a day or month written without one.
"""

from __future__ import annotations

import re

from ....model import DateValue
from ...dates import PRECISION_RANK, DateMatch
from .points import Point, is_count, scan
from .values import alt_iso, impossible, iso_range
from .words import APPROXIMATE_BEFORE, BC_AFTER, COUNT_WORDS, NEW_STYLE_INSIDE, OLD_STYLE_AFTER

_PART = re.compile(
    r"(?:\b(?P<the>[Tt]he)\s+)?(?:(?P<half>first|second|latter)\s+half\s+of\s+(?:the\s+)?"
    r"|(?P<part>[Ee]arly|[Ll]ate|[Mm]id|[Mm]iddle|[Bb]eginning|[Ee]nd|[Ss]tart|[Cc]lose|[Rr]est)"
    r"(?:\s+of\s+(?:the\s+)?|\s*-\s*|\s+in\s+|\s+(?:the\s+)?))$"
)
_PART_QUALIFIER = {"early": "beginning", "beginning": "beginning", "start": "beginning", "mid": "middle",
                   "middle": "middle", "late": "end", "end": "end", "close": "end"}
_BEFORE = re.compile(
    r"(?:^|(?<=[\s(\[,;:]))(?P<word>[Uu]ntil|[Tt]ill|[Uu]p\s+(?:to|until)|[Bb]y|[Ss]ince|[Ff]rom|[Bb]etween|[Aa]fter|[Bb]efore|"
    r"[Ii]n|[Oo]n|[Dd]uring|[Tt]hroughout|[Aa]round|[Aa]bout|[Cc]\.|[Cc]a\.|[Cc]irca|[Oo]f|[Tt]he|[Aa]s\s+of|[Tt]o|"
    r"[Tt]hrough|[Dd]ated|[Bb]orn|[Dd]ied|[Ee]arly|[Ll]ate|[Mm]id|[Yy]ears?|[Tt]he\s+night\s+of|[Nn]ight\s+of)"
    r"[\s-]+(?:the\s+)?$"
)
_QUALIFIER = {"until": "until", "till": "until", "up to": "until", "up until": "until", "by": "by", "since": "from",
              "from": "from"}
_MONTH_WORDS = {"in", "by", "until", "till", "since", "from", "during", "early", "late", "mid", "throughout",
                "until mid", "before", "after"}
_CONNECTOR = re.compile(r"^(?:\s*[-–—]\s*|\s+(?:to|till|until|through|and)\s+)$", re.I)
_RELATIVE = re.compile(
    r"\b(?:(?P<same>(?:[Ii]n\s+)?(?:[Tt]hat|[Tt]he)\s+same\s+year|[Ii]n\s+that\s+year|[Tt]hat\s+year)"
    r"|(?P<next>[Tt]he\s+(?:following|next)\s+year|[Aa]\s+year\s+later)"
    r"|(?P<prev>[Tt]he\s+(?:previous|preceding)\s+year|[Aa]\s+year\s+(?:earlier|before))"
    r"|(?P<count>\d{1,2}|" + "|".join(COUNT_WORDS) + r"|" + "|".join(w.capitalize() for w in COUNT_WORDS)
    + r")\s+years\s+(?P<dir>later|earlier))\b(?!['’]s)"
)


class Parser:
    """Turn the points of one text into date matches; one instance per text."""

    def __init__(self, text: str, context_year: int | None):
        self.text = text
        self.context_year = context_year

    def matches(self) -> list[DateMatch]:
        points = self._with_short_decades(scan(self.text))
        relatives = [match for match in _RELATIVE.finditer(self.text)
                     if not any(point.start <= match.start() < point.end for point in points)]
        found: list[DateMatch] = []
        index = 0
        while index < len(points) or relatives:
            if relatives and (index >= len(points) or relatives[0].start() < points[index].start):
                match = self._relative(relatives.pop(0), points[index] if index < len(points) else None)
            else:
                match, index = self._phrase(points, index)
            if match is None:
                continue
            found.append(match)
            if match.year is not None:
                self.context_year = match.year
        return found

    # -- points to phrases -------------------------------------------------------
    def _phrase(self, points: list[Point], index: int) -> tuple[DateMatch | None, int]:
        first = points[index]
        second = points[index + 1] if index + 1 < len(points) else None
        if second is not None and self._dual(first, second):
            end, used = self._after_bracket(second.end), index + 2
            third = points[index + 2] if index + 2 < len(points) else None
            if first.year is None and third is not None and third.bare \
                    and re.fullmatch(r"\s*,?\s*", self.text[end : third.start]):
                first.year, end, used = third.year, third.end, index + 3  # "October 25 (November 7), 1917"
            first.alt = (second.day, second.month, second.year or first.year)
            return self._build([first], end), used
        if second is not None and first.bc and _CONNECTOR.match(self.text[first.end : second.start].lstrip(" BCE.")):
            return None, index + 2  # "(207 BCE – 220 CE)": a range that starts BC is left out whole
        if second is not None and self._joined(first, second):
            if first.bc or second.bc:
                return None, index + 2
            return self._build([first, second], second.end), index + 2
        if first.bare and re.search(r"\d\s*[-–—]\s*$", self.text[max(0, first.start - 12) : first.start]):
            return None, index + 1  # "pp. 1120— 1131": the end of a range of numbers that are no years
        if first.bare and re.match(r"\s*[-–—]\s*\d", self.text[first.end : first.end + 4]):
            return None, index + 1  # "2000-2500 people": the start of such a range
        if first.bc or (first.bare and not self._year_context(first)):
            return None, index + 1
        if first.month is not None and first.day is None and first.year is None and not self._month_context(first):
            return None, index + 1
        return self._build([first], first.end), index + 1

    def _dual(self, first: Point, second: Point) -> bool:
        """Tell whether ``second`` is the other-style date of ``first``: "25 June 1916 (8 July 1916, N.S.)"."""
        gap = self.text[first.end : second.start]
        if not re.fullmatch(r"\s*(?:O\.?\s?S\.?)?\s*\(\s*", gap) or first.day is None or second.day is None:
            return False
        if (second.day, second.month) == (first.day, first.month):
            return False  # "27 September 1937(1937-09-27)": the same day again, in ISO form
        inside = self.text[second.end : second.end + 30].split(")")[0]
        return bool(NEW_STYLE_INSIDE.search(inside) or OLD_STYLE_AFTER.match(self.text, first.end) or second.year is None
                    or inside.strip() == "")

    def _after_bracket(self, position: int) -> int:
        """Return the end of "…, N.S.)" after an other-style date (the bracket is part of the date)."""
        close = re.match(r"[^()\n]{0,30}\)", self.text[position:])
        return position + close.end() if close else position

    def _joined(self, first: Point, second: Point) -> bool:
        """Tell whether two points make one range: "1917–1920", "from 1465 to 1473", "between 1928 and 1932"."""
        gap = self.text[first.end : second.start]
        gap = OLD_STYLE_AFTER.sub("", BC_AFTER.sub("", gap, count=1), count=1) if first.bc or "S" in gap else gap
        if not _CONNECTOR.match(gap):
            return False
        if re.search(r"\band\b", gap, re.I):
            before = self._before(first)
            if not (before and before.group("word").lower() == "between"):
                return False
        if first.bc != second.bc:
            return False
        self._inherit(first, second)
        return first.year is not None or first.decade is not None or first.century is not None \
            or first.hundreds is not None

    @staticmethod
    def _inherit(first: Point, second: Point) -> None:
        """Give "31 July – 13 August 1916" and "June–August 1920" the year of their second point."""
        if first.year is None and first.month is not None and second.year is not None:
            first.year = second.year - (1 if second.month is not None and first.month > second.month else 0)

    def _with_short_decades(self, points: list[Point]) -> list[Point]:
        """Keep "80s" only after a decade of the same phrase ("the 1870s and 80s"); give it that century."""
        kept: list[Point] = []
        for point in points:
            if point.short_decade:
                previous = kept[-1] if kept else None
                if previous is None or previous.decade is None or point.start - previous.end > 12:
                    continue
                point.decade += previous.decade // 100 * 100
                point.short_decade = False
            kept.append(point)
        return kept

    def _before(self, point: Point, start: int | None = None) -> re.Match | None:
        start = point.start if start is None else start
        return _BEFORE.search(self.text, max(0, start - 24), start)

    def _year_context(self, point: Point) -> bool:
        """Tell whether a bare four-digit number is a year here: a date word, a bracket or a line of its own."""
        part = _PART.search(self.text, max(0, point.start - 40), point.start)
        if part is not None or self._before(point) is not None:
            return True
        if is_count(self.text, point):
            return False
        return True

    def _month_context(self, point: Point) -> bool:
        """Tell whether a month written alone is a date: "in March", "until mid-September", "by May"."""
        before = self._before(point)
        if re.match(r"\s+(?:[A-Z]|(?:revolution|coup|uprising|events|days|theses|manifesto)\b)", self.text[point.end :]):
            return False  # "the February Revolution", "the October events": a name, not a date
        return before is not None and before.group("word").lower() in _MONTH_WORDS

    # -- values ------------------------------------------------------------------
    def _build(self, points: list[Point], end: int) -> DateMatch | None:
        first, last = points[0], points[-1]
        for point in points:
            if point.relative is not None and point.year is None:
                if self.context_year is None:
                    return None
                point.year = self.context_year + point.relative
            if point.year is None and point.decade is None and point.century is None and point.hundreds is None:
                if self.context_year is None:
                    return None
                point.year = self.context_year  # "31 July", "mid-September": the year of the story
        start = first.start
        part = _PART.search(self.text, max(0, start - 40), start)
        qualifier = None
        if part is not None:
            start = part.start("half") if part.group("half") else part.start("part")
            if part.group("half") and len(points) == 1:
                first.half = 1 if part.group("half") == "first" else 2
            elif part.group("part") and len(points) == 1:
                qualifier = _PART_QUALIFIER.get(part.group("part").lower())
        before = self._before(first, start)
        if before is not None:
            word = re.sub(r"\s+", " ", before.group("word").lower())
            single = len(points) == 1 and not first.is_range()
            if word in _QUALIFIER and single:
                qualifier = _QUALIFIER[word]
            if word in _QUALIFIER or word in ("between", "c.", "ca.", "circa"):
                start = before.start("word")
            if "night" in word:
                qualifier, start = "night", before.start("word")
        text_date = self.text[start:end].strip()
        problem = impossible(first) or (impossible(last) if last is not first else None)
        year = next((point.year_end or point.year for point in reversed(points) if point.year is not None), None)
        if problem:
            return DateMatch(start, end, None, year, f"impossible date «{text_date}»: {problem}")
        iso_start, iso_end, precision = iso_range(first)
        if len(points) == 2:
            _, iso_end, last_precision = iso_range(last)
            if PRECISION_RANK[last_precision] > PRECISION_RANK[precision]:
                precision = last_precision
            if iso_end < iso_start:
                return None
        calendar, alt_start, alt_end = "unknown", None, None
        if first.alt is not None:
            calendar = "old"
            alt_start, alt_end = alt_iso(first)
        elif OLD_STYLE_AFTER.match(self.text, last.end):
            calendar = "old"
        value = DateValue(start=iso_start, end=iso_end, precision=precision, text_date=text_date,
                          qualifier=qualifier, calendar=calendar, alt_start=alt_start, alt_end=alt_end)
        return DateMatch(start, end, value, year)

    def _relative(self, match: re.Match, following: Point | None) -> DateMatch | None:
        """Date "that same year", "the following year", "Five years later" from the context year."""
        if self.context_year is None or APPROXIMATE_BEFORE.search(self.text, 0, match.start()):
            return None
        if following is not None and following.year is not None and 0 <= following.start - match.end() <= 3:
            return None  # "The following year, 1921, …": the written year says it
        if match.group("same"):
            delta = 0
        elif match.group("next"):
            delta = 1
        elif match.group("prev"):
            delta = -1
        else:
            count = match.group("count").lower()
            delta = int(count) if count.isdigit() else COUNT_WORDS[count]
            delta = delta if match.group("dir") == "later" else -delta
        year = self.context_year + delta
        value = DateValue(start=f"{year:04d}", end=f"{year:04d}", precision="year", text_date=match.group())
        return DateMatch(match.start(), match.end(), value, year)


def find_dates(text: str, context_year: int | None = None) -> list[DateMatch]:
    """Find every temporal expression in ``text``, in order; ``context_year`` dates "that same year"."""
    return Parser(text, context_year).matches()
