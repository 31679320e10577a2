"""From a parsed point to ISO text: ranges, impossible days, the calendar of old-style dates."""

from __future__ import annotations

import calendar
import datetime

from .tokens import MONTHS, SEASONS, Point


def impossible(point: Point) -> str | None:
    if point.day is None or point.month is None:
        return None
    for day in (point.day, point.day_end):
        if day is None:
            continue
        limit = days_in_month(point.year, point.month)
        if day < 1 or day > limit:
            return f"{MONTHS[point.month - 1]} has {limit} days"
    return None


def days_in_month(year: int | None, month: int) -> int:
    if year is None:
        return 29 if month == 2 else calendar.monthrange(2001, month)[1]
    if month == 2 and year % 4 == 0 and year < 1918:
        return 29  # Julian leap years (1900) in pre-1918 old-style text
    return calendar.monthrange(year, month)[1]


def day_before(iso: str) -> str:
    year, month, day = map(int, iso.split("-"))
    return (datetime.date(year, month, day) - datetime.timedelta(days=1)).isoformat()


def established_year(points: list[Point]) -> int | None:
    for point in reversed(points):
        if point.year is not None:
            return point.year
    return None


def iso_range(point: Point) -> tuple[str, str, str]:
    """Return (start, end, precision) of one point."""
    if point.century is not None and point.decade is None:
        base = (point.century - 1) * 100
        if point.century_end:
            return f"{base:04d}", f"{point.century_end * 100 - 1:04d}", "century"
        if point.half:
            base += 50 * (point.half - 1)
            return f"{base:04d}", f"{base + 49:04d}", "century"
        if point.quarter:
            base += 25 * (point.quarter - 1)
            return f"{base:04d}", f"{base + 24:04d}", "century"
        return f"{base:04d}", f"{base + 99:04d}", "century"
    if point.decade is not None:
        return f"{point.decade:04d}", f"{(point.decade_end or point.decade) + 9:04d}", "decade"
    year = point.year
    year_end = point.year_end or year
    if point.season is not None:
        first_month = SEASONS[point.season][0]
        last_name = point.season_end or point.season
        last_month = SEASONS[last_name][1]
        end_year = year + 1 if last_name == "қыс" else year
        return f"{year:04d}-{first_month:02d}", f"{end_year:04d}-{last_month:02d}", "season"
    if point.month is None:
        return f"{year:04d}", f"{year_end:04d}", "year"
    month_end = point.month_end or point.month
    end_year = year + 1 if month_end < point.month else year
    if point.day is None:
        return f"{year:04d}-{point.month:02d}", f"{end_year:04d}-{month_end:02d}", "month"
    day_end = point.day_end or point.day
    return f"{year:04d}-{point.month:02d}-{point.day:02d}", f"{year:04d}-{point.month:02d}-{day_end:02d}", "day"


def alt_iso(point: Point) -> tuple[str, str]:
    day, day_end, month, year = point.alt
    month = month or point.month
    year = year or (point.year + 1 if month < point.month else point.year)
    start = f"{year:04d}-{month:02d}-{day:02d}"
    return start, f"{year:04d}-{month:02d}-{(day_end or day):02d}"
