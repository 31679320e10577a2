"""The phrase level of the Russian date grammar: prepositions and parts before a point, ranges, years from context.

"с 4 по 12 октября 1920 года", "с июля 1941 г. по июль 1942 г.", "22 июня – 20 июля 1941 г.",
"между 1928 и 1932 гг." join two points; "с 1920 г." is from, "до 1925 г." until, "к 1925 г." by;
"в конце 1917 г." keeps the year and says which part; "в ночь со 2 на 3 марта" is a night.
"""

from __future__ import annotations

import re

from ....model import DateValue
from ...dates import PRECISION_RANK, DateMatch
from .points import DAY, Point
from .spans import find_points
from .values import day_after, day_before, impossible, iso_range
from .words import BC, DASH, HALF_WORDS, PART, PART_FORMS, QUARTER_WORDS

_PREFIX = re.compile(
    r"(?:(?<!\w)(?P<prep>вплоть\s+до|с|со|c|от|до|к|ко|по|между|после|около|в|во|на)\s+)?"  # "c": a Latin c typed for с
    rf"(?:(?P<part>{PART})\s+|(?P<half>первой|второй|первая|вторая|1-й|2-й|1-я|2-я|I|II|пер\.|втор\.)\s*(?:половин[аеыу]|пол\.)\s+"
    r"|(?P<quarter>первой|второй|третьей|последней|четвертой|четвёртой|первая|вторая|третья|последняя|четвертая|четвёртая"
    r"|[1-4]-[йя])\s+(?:четверт[иь]\s+|четв\.\s*)"  # "3-й четв. XV в."
    r"|(?P<third>первой|второй|последней|первая|вторая|последняя|1-й|2-й|3-й)\s+трет[иь]\s+)?$",  # "в последней трети XIX в."
    re.IGNORECASE,
)
_DECADE_OF_CENTURY = re.compile(
    r"(?:(?<!\w)(?:в|во|с|со|до|к)\s+)?(?P<which>перв(?:ое|ого|ом|ому)|последн(?:ее|его|ем|ему))\s+десятилети[еяию]\s+$", re.IGNORECASE
)
_THIS_DAY = re.compile(r"(?<!\w)в\s+(?:этот|тот)\s+(?:же\s+)?день,?\s*(?:в\s+)?$", re.IGNORECASE)
_NIGHT = re.compile(rf"(?<!\w)в\s+ночь\s+(?:(?:с|со)\s+(?P<night_day>{DAY})(?:-?го)?\s+)?на\s+$", re.IGNORECASE)
_FIRST_DAY = re.compile(  # "с 4 по 12 октября": the first day takes its month from the second
    rf"(?<!\w)(?P<prep>с|со|от)\s+(?P<first_day>{DAY})(?:-?го)?(?:\s*\(\s*(?P<alt_day>{DAY})\s*\))?\s+(?:по|до)\s+$",
    re.IGNORECASE,
)
_STYLE = re.compile(r"\s*\(?\s*(?P<style>по\s+старому\s+стилю|ст\.\s*ст\.|по\s+новому\s+стилю|н\.\s*ст\.)", re.IGNORECASE)
_RANGE_GAP = re.compile(rf"\s*{DASH}\s*")
_ANNUAL = re.compile(  # "Память 15 июля": a saint's day, every year
    r"(?:ежегодно|каждый\s+год|каждого\s+года|праздну\w*|празднова\w*|праздник\w*|памят[ьи])[^.!?\n]{0,25}$",
                     re.IGNORECASE)
_JOINABLE = {"day", "month", "season", "year", "decade", "century"}


class Phrase:
    """One or two points with what stands before them: the date expression the grammar returns."""

    def __init__(self, first: Point, last: Point, start: int, end: int, prep: str | None):
        self.first, self.last, self.start, self.end, self.prep = first, last, start, end, prep


def _prefix(text: str, point: Point) -> None:
    """Read the preposition, part, half or night before a point; move its start over the words that qualify it."""
    window = text[max(0, point.start - 50) : point.start]
    offset = point.start - len(window)
    night = _NIGHT.search(window) if point.kind == "day" else None
    if night is not None:
        point.extras["night"] = int(night.group("night_day")) if night.group("night_day") else 0
        point.extras["prefix_start"] = offset + night.start()
        return
    first_day = _FIRST_DAY.search(window) if point.kind == "day" and point.day_end is None else None
    if first_day is not None and int(first_day.group("first_day")) < point.day:
        point.extras["first_day"] = int(first_day.group("first_day"))
        if first_day.group("alt_day") and point.alt is not None:
            point.alt = (int(first_day.group("alt_day")), point.alt[0], point.alt[2], point.alt[3])
        point.day_end, point.day = point.day, int(first_day.group("first_day"))
        point.extras["prefix_start"] = offset + first_day.start()
        return
    tenth = _DECADE_OF_CENTURY.search(window) if point.kind == "century" and point.century_end is None else None
    if tenth is not None:  # "Последнее десятилетие XVIII века": 1790..1799
        point.extras["tenth"] = 1 if tenth.group("which").lower().startswith("перв") else 10
        point.extras["prefix_start"] = offset + tenth.start()
        return
    match = _PREFIX.search(window)
    if match is None or match.start() == match.end():
        return
    prep = " ".join(match.group("prep").lower().replace("c", "с").split()) if match.group("prep") else None
    point.extras["prep"] = prep
    if match.group("part") and point.kind not in ("day",):
        point.part = PART_FORMS[match.group("part").lower()]
    if match.group("half") and point.kind in ("year", "century", "context"):
        point.half = HALF_WORDS[match.group("half").lower()]
    if match.group("quarter") and point.kind == "century":
        point.quarter = QUARTER_WORDS[match.group("quarter").lower()]
    if match.group("third") and point.kind == "century" and point.century_end is None:
        point.extras["third"] = 1 if match.group("third").lower().startswith(("перв", "1")) else 2 if match.group("third").lower().startswith(("втор", "2")) else 3
    keeps_prep = prep is not None  # "в 1920 году", "с 1920 г.": the preposition belongs to the expression
    start = match.start("prep") if keeps_prep else None
    for name in ("part", "half", "quarter", "third"):
        if start is None and match.group(name):
            start = match.start(name)
    if start is not None:
        point.extras["prefix_start"] = offset + start


def _start(point: Point) -> int:
    return point.extras.get("prefix_start", point.start)


def _joins(text: str, first: Point, second: Point) -> bool:
    """Tell whether two points make one range: "A – B", "с A по B", "от A до B", "между A и B"."""
    if first.kind not in _JOINABLE or second.kind not in _JOINABLE:
        return False
    if first.extras.get("night") is not None or second.extras.get("night") is not None:
        return False
    first_prep, second_prep = first.extras.get("prep"), second.extras.get("prep")
    gap = text[first.end : _start(second)]
    if "\n" in gap:
        return False
    if first_prep in ("с", "со", "от") and second_prep in ("по", "до") and gap.strip() in ("", ","):
        return True
    if first_prep == "между" and re.fullmatch(r"\s+и\s+", text[first.end : second.start]):
        return True
    if first.extras.get("numeric") and second.extras.get("numeric") and re.fullmatch(r"[ \t]+", gap):
        return True  # "26.06.41 22.07.41": a table cell's range written as two dates side by side
    if second_prep is None and _RANGE_GAP.fullmatch(gap):
        if first.kind in ("decade", "century") and second.kind in ("day", "month"):
            return False
        return True
    return False


def phrases(text: str) -> list[Phrase | Point]:
    """Group the points of ``text`` into phrases; context markers stay single points."""
    points = find_points(text)
    for point in points:
        if point.kind in _JOINABLE:
            _prefix(text, point)
    result: list[Phrase | Point] = []
    index = 0
    while index < len(points):
        point = points[index]
        if point.kind in ("lost", "same_day"):
            result.append(point)
            index += 1
            continue
        last = point.extras.get("last")
        if last is not None:  # a span written whole: "(12 августа 1873, … — 1918, …)"
            result.append(Phrase(point, last, _start(point), point.end, point.extras.get("prep")))
            index += 1
            continue
        second = points[index + 1] if index + 1 < len(points) else None
        if second is not None and _joins(text, point, second):
            result.append(Phrase(point, second, _start(point), second.end, point.extras.get("prep")))
            index += 2
            continue
        result.append(Phrase(point, point, _start(point), point.end, point.extras.get("prep")))
        index += 1
    return result


class Resolver:
    """Give phrases their years (written, inherited from the range's end, or from the context) and their values."""

    def __init__(self, text: str, context_year: int | None):
        self.text = text
        self.context_year = context_year
        self.last_day: str | None = None
        self.yearless_day: tuple[int, int] | None = None
        """The last day written without a year ("16 декабря празднуют …"), for "В этот день, в 1991 году"."""
        self.last_month: tuple[int, int] | None = None
        """(year, month) of the last day or month dated: a chronicle's "2 января" after "31 декабря" is the next year."""
        self.context_span: tuple[str, str] | None = None
        """A written span of days or months across years ("17.7.1942 - 2.2.1943"): a bare day after it takes the year
        that puts it inside the span ("19 ноября" 1942, "31 января" 1943), not the span's last year."""

    def matches(self) -> list[DateMatch]:
        found = []
        for item in phrases(self.text):
            if isinstance(item, Point):
                found.extend(self._marker(item))
                continue
            if BC.match(self.text, item.end):
                continue  # "VI в. до н. э.", "в 1200 г. до н. э.": BC dates are not dated here
            match = self._phrase(item)
            if match is None:
                continue
            found.append(match)
            if match.year is not None:
                self.context_year = match.year
            if item.first.explicit_year or item.last.explicit_year:
                value = match.value
                across = value is not None and value.precision in ("day", "month") and value.start[:4] != value.end[:4]
                self.context_span = (value.start, value.end) if across else None
            if match.value is not None and match.value.precision == "day":
                self.last_day = match.value.end
            if match.value is not None and match.value.precision in ("day", "month"):
                self.last_month = (int(match.value.end[:4]), int(match.value.end[5:7]))
        return found

    def _marker(self, point: Point) -> list[DateMatch]:
        if point.kind == "lost":
            self.context_year = None  # "спустя несколько лет": the year is no longer known
            self.context_span = self.last_month = None
            return []
        if self.last_day is None:
            return []
        day = self.last_day if point.same_day == 0 else day_after(self.last_day)
        text_date = self.text[point.start : point.end]
        value = DateValue(start=day, end=day, precision="day", text_date=text_date)
        self.last_day = day
        return [DateMatch(point.start, point.end, value, int(day[:4]))]

    def _year_of(self, point: Point) -> bool:
        """Fill in the point's year; False when it has none to take."""
        if point.two_digit_year and point.year is not None and point.year < 100:
            base = self.context_year // 100 * 100 if self.context_year else 1900
            point.year += base
            return True
        if point.kind == "decade":
            if point.decade < 100:
                if point.century is not None:
                    base = (point.century - 1) * 100
                else:
                    base = self.context_year // 100 * 100 if self.context_year else 1900
                point.decade += base
                if point.decade_end is not None and point.decade_end < 100:
                    point.decade_end += base
            return True
        if point.kind == "century" or point.year is not None:
            return True
        if point.context_shift is not None or point.kind in ("day", "month", "season"):
            if self.context_year is None:
                return False
            if point.kind == "day" and _ANNUAL.search(self.text[max(0, point.start - 40) : point.start]):
                return False  # "празднуется 6 июля", "ежегодно 1 мая": a day of every year
            point.year = (self._year_inside_span(point) or self._next_new_year(point)
                          or self.context_year + (point.context_shift or 0))
            point.extras["from_context"] = True
            if point.kind == "context":
                point.kind = "year"
            return True
        return False

    def _next_new_year(self, point: Point) -> int | None:
        """A bare January or February day or month just after a dated November or December of the context year is the
        next year's: a chronicle crosses the New Year ("31 декабря …", "2 января …"); prose that looks back says its year."""
        if self.last_month is None or point.kind not in ("day", "month") or point.month is None:
            return None
        if point.context_shift is not None and not point.extras.get("bare"):
            return None  # "в январе того же года" says its year
        year, month = self.last_month
        if year == self.context_year and month - point.month >= 10:
            return year + 1
        return None

    def _year_inside_span(self, point: Point) -> int | None:
        if self.context_span is None or point.context_shift or point.kind not in ("day", "month"):
            return None
        first, last = self.context_span
        for year in range(int(first[:4]), int(last[:4]) + 1):
            point.year = year
            if impossible(point) is None:
                start, end, _ = iso_range(point)
                if start >= first[: len(start)] and end <= last[: len(end)]:
                    return year
        point.year = None
        return None

    def _phrase(self, phrase: Phrase) -> DateMatch | None:
        first, last = phrase.first, phrase.last
        if last is not first:
            if not self._year_of(last):
                return None
            if first.year is None and first.kind in ("day", "month", "season") and last.year is not None:
                first.year = last.year - 1 if (first.month or 0) > (last.month or 13) else last.year
            elif not self._year_of(first):
                return None
        elif not self._year_of(first):
            if first.kind == "day" and first.day_end is None:
                self.yearless_day = (first.day, first.month)  # "22 июня — День памяти": a day of every year, for now
            return None
        if first is last and first.kind == "year" and first.year_end is None and self.yearless_day is not None:
            window = self.text[max(0, phrase.start - 30) : phrase.start]
            if _THIS_DAY.search(window):  # "22 июня … В этот день, в 1941 году": the day of that year
                first.kind, (first.day, first.month) = "day", self.yearless_day
        span = (phrase.start, phrase.end)
        style = _STYLE.match(self.text, phrase.end)
        text_date = self.text[span[0] : span[1]]
        established = last.year_end or last.year if last.year is not None else None
        problem = impossible(first) or (impossible(last) if last is not first else None)
        if problem:
            return DateMatch(span[0], span[1], None, established, f"impossible date «{text_date}»: {problem}")
        start, start_end, precision = iso_range(first)
        end = start_end
        if last is not first:
            _, end, end_precision = iso_range(last)
            if PRECISION_RANK[end_precision] > PRECISION_RANK[precision]:
                precision = end_precision
            if end < start:
                return None
        qualifier = self._qualifier(phrase)
        night = first.extras.get("night")
        if night is not None:
            start = f"{start[:8]}{night:02d}" if night else day_before(start)
            if start > end:
                return None
        calendar, alt_start, alt_end = "unknown", None, None
        if first.alt is not None:
            calendar = "old"
            alt_start, alt_end = _alt_iso(first)
        if style is not None:
            calendar = "new" if "нов" in style.group("style").lower() or style.group("style").lower().startswith("н") else "old"
        value = DateValue(start=start, end=end, precision=precision, text_date=text_date, qualifier=qualifier,
                          calendar=calendar, alt_start=alt_start, alt_end=alt_end)
        return DateMatch(span[0], span[1], value, established)

    @staticmethod
    def _qualifier(phrase: Phrase) -> str | None:
        first = phrase.first
        if first.extras.get("night") is not None:
            return "night"
        if phrase.last is not first:
            return None
        prep = phrase.prep
        if first.part and first.half is None and not (first.century_end or first.year_end or first.decade_end):
            return first.part
        if prep in ("с", "со"):
            return "from"
        if prep in ("до", "вплоть до"):
            return "until"
        if prep in ("к", "ко"):
            return "by"
        return None


def _alt_iso(point: Point) -> tuple[str, str]:
    day, day_end, month, year = point.alt
    month = month or point.month
    year = year or (point.year + 1 if month < point.month else point.year)
    return f"{year:04d}-{month:02d}-{day:02d}", f"{year:04d}-{month:02d}-{(day_end or day):02d}"


def find_dates(text: str, context_year: int | None = None) -> list[DateMatch]:
    """Find every temporal expression in ``text``, in order; ``context_year`` dates "в том же году" and a bare "17 августа"."""
    return Resolver(text, context_year).matches()
