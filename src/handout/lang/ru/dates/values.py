"""From a point to ISO text: days, months, seasons, years, decades, centuries and their parts."""

from __future__ import annotations

import calendar
import datetime

from .points import Point

MONTH_NAMES = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
               "ноября", "декабря")


def days_in_month(year: int | None, month: int) -> int:
    if year is None:
        return 29 if month == 2 else calendar.monthrange(2001, month)[1]
    if month == 2 and year % 4 == 0 and year < 1918:
        return 29  # Julian leap years (1900) in pre-1918 old-style text
    return calendar.monthrange(year, month)[1]


def impossible(point: Point) -> str | None:
    """Say why a day cannot be ("31 июня"), or None."""
    if point.day is None or point.month is None:
        return None
    limit = days_in_month(point.year, point.month)
    for day in (point.day, point.day_end):
        if day is not None and (day < 1 or day > limit):
            return f"{MONTH_NAMES[point.month - 1]} has {limit} days"
    return None


def day_before(iso: str) -> str:
    return (datetime.date.fromisoformat(iso) - datetime.timedelta(days=1)).isoformat()


def day_after(iso: str) -> str:
    return (datetime.date.fromisoformat(iso) + datetime.timedelta(days=1)).isoformat()


def iso_range(point: Point) -> tuple[str, str, str]:
    """Return (start, end, precision) of one point; a part (beginning, end) keeps the whole period."""
    if point.kind == "century":
        base = (point.century - 1) * 100
        if point.century_end:
            last = point.century_end * 100 - (51 if point.extras.get("end_half") == 1 else 1)
            return f"{base:04d}", f"{last:04d}", "century"
        if point.extras.get("tenth"):
            base += 10 * (point.extras["tenth"] - 1)
            return f"{base:04d}", f"{base + 9:04d}", "decade"
        if point.half:
            base += 50 * (point.half - 1)
            return f"{base:04d}", f"{base + 49:04d}", "century"
        if point.extras.get("third"):  # "первая треть XX века" 1900..1933, "последняя треть XIX в." 1867..1899
            first, last = {1: (0, 33), 2: (34, 66), 3: (67, 99)}[point.extras["third"]]
            return f"{base + first:04d}", f"{base + last:04d}", "century"
        if point.quarter:
            base += 25 * (point.quarter - 1)
            return f"{base:04d}", f"{base + 24:04d}", "century"
        return f"{base:04d}", f"{base + 99:04d}", "century"
    if point.kind == "decade":
        return f"{point.decade:04d}", f"{(point.decade_end or point.decade) + 9:04d}", "decade"
    year = point.year
    if point.kind == "season":
        last = point.season_end or point.season
        end_year = year + 1 if last == 12 else year
        last_month = 2 if last == 12 else last + 2
        return f"{year:04d}-{point.season:02d}", f"{end_year:04d}-{last_month:02d}", "season"
    if point.kind in ("year", "context") or point.month is None:
        if point.half and point.year_end is None:
            first, last = (1, 6) if point.half == 1 else (7, 12)
            return f"{year:04d}-{first:02d}", f"{year:04d}-{last:02d}", "month"
        return f"{year:04d}", f"{(point.year_end or year):04d}", "year"
    month_end = point.month_end or point.month
    if point.day is None:
        end_year = year + 1 if month_end < point.month else year
        return f"{year:04d}-{point.month:02d}", f"{end_year:04d}-{month_end:02d}", "month"
    day_end = point.day_end or point.day
    return f"{year:04d}-{point.month:02d}-{point.day:02d}", f"{year:04d}-{point.month:02d}-{day_end:02d}", "day"
