"""From a parsed point to ISO text: ranges, halves, seasons, impossible days, the other-style date."""

from __future__ import annotations

import calendar

from .words import MONTHS, SEASONS


def days_in_month(year: int | None, month: int) -> int:
    if year is None:
        return 29 if month == 2 else calendar.monthrange(2001, month)[1]
    if month == 2 and year % 4 == 0 and year < 1918:
        return 29  # Julian leap years (1900) in old-style text
    return calendar.monthrange(year, month)[1]


def impossible(point) -> str | None:
    """Say why a point names no real day ("31 February"), or None."""
    if point.day is None or point.month is None:
        return None
    if point.month_end is None and point.day_end is not None and point.day_end < point.day:
        return "the days run backwards"
    for day in (point.day, point.day_end):
        if day is not None and not 1 <= day <= days_in_month(point.year, point.month):
            return f"{MONTHS[point.month - 1]} has {days_in_month(point.year, point.month)} days"
    return None


def _halved(first: int, length: int, half: int | None) -> tuple[int, int]:
    """The whole period, or its first or second half ("the second half of the 19th century")."""
    last = first + length - 1
    if half == 1:
        return first, first + length // 2 - 1
    if half == 2:
        return first + length // 2, last
    return first, last


def iso_range(point) -> tuple[str, str, str]:
    """Return (start, end, precision) of one point."""
    half = point.half
    if point.century is not None:
        first = (point.century - 1) * 100
        last_century = point.century_end or point.century
        if point.century_end:
            return f"{first:04d}", f"{last_century * 100 - 1:04d}", "century"
        first, last = _halved(first, 100, half)
        return f"{first:04d}", f"{last:04d}", "century"
    if point.hundreds is not None:
        first, last = _halved(point.hundreds, 100, half)
        return f"{first:04d}", f"{last:04d}", "century"
    if point.decade is not None:
        first, last = _halved(point.decade, 10, half)
        return f"{first:04d}", f"{last:04d}", "decade"
    year = point.year
    if point.season is not None:
        first_month = SEASONS[point.season][0]
        last_name = point.season_end or point.season
        last_month = SEASONS[last_name][1]
        end_year = year + 1 if last_name == "winter" else year
        return f"{year:04d}-{first_month:02d}", f"{end_year:04d}-{last_month:02d}", "season"
    if point.month is None:
        if half:
            first, last = _halved(1, 12, half)
            return f"{year:04d}-{first:02d}", f"{year:04d}-{last:02d}", "month"
        return f"{year:04d}", f"{point.year_end or year:04d}", "year"
    month_end = point.month_end or point.month
    end_year = year + 1 if month_end < point.month else year
    if point.day is None:
        return f"{year:04d}-{point.month:02d}", f"{end_year:04d}-{month_end:02d}", "month"
    day_end = point.day_end or point.day
    return f"{year:04d}-{point.month:02d}-{point.day:02d}", f"{year:04d}-{point.month:02d}-{day_end:02d}", "day"


def alt_iso(point) -> tuple[str, str]:
    """Return the ISO start and end of the other-style date in brackets."""
    day, month, year = point.alt
    day_end = None
    if isinstance(day, tuple):
        day, day_end = day
    month = month or point.month
    year = year or (point.year + 1 if month < point.month else point.year)
    return f"{year:04d}-{month:02d}-{day:02d}", f"{year:04d}-{month:02d}-{(day_end or day):02d}"
