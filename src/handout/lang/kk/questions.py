"""Kazakh question phrasing that needs more than a template (KAZAKH.md §5).

"<date> не болды?" reuses the lecture's own locative date phrase ("1920 жылы 26 тамызда") when
it is one, and otherwise builds one from a fixed table of month locatives, so no word of the
lecture is ever inflected.
"""

from __future__ import annotations

import re

from ...model import DateValue
from ..dateformat import iso_parts

MONTH_LOCATIVE = (
    "қаңтарда", "ақпанда", "наурызда", "сәуірде", "мамырда", "маусымда",
    "шілдеде", "тамызда", "қыркүйекте", "қазанда", "қарашада", "желтоқсанда",
)
"""Month names in the locative case (KAZAKH.md §1), January first."""

_YEAR = re.compile(r"(?<!\d)1\d{3}(?!\d)|(?<!\d)20\d{2}(?!\d)")
_LOCATIVE_END = re.compile(r"(?:да|де|та|те|нда|нде|ында|інде|жылы|жылдары|түні)$")
_TRAILING_BRACKETS = re.compile(r"\s*\([^()]*\)$")


def event_date_phrase(pack, value: DateValue, written_in_language: bool = True) -> str | None:
    """Return a locative time phrase for "… не болды?", or None when there is no safe one.

    The phrase as written is preferred ("1920 жылы 26 тамызда"); attributive, ablative,
    abbreviated or year-less phrases are rebuilt from the date when its shape is simple.
    """
    written = value.text_date.strip()
    if written_in_language and _is_safe_locative(written, value):
        return written
    if value.qualifier is not None or value.alt_start:
        return None
    year, month, day = iso_parts(value.start)
    end_year, end_month, end_day = iso_parts(value.end)
    if value.precision == "year" and month is None:
        if end_year == year:
            return f"{year} жылы"
        return f"{year}–{end_year} жылдары" if end_month is None else None
    if value.precision == "month" and day is None and (end_year, end_month) == (year, month):
        return f"{year} жылы {MONTH_LOCATIVE[month - 1]}"
    if value.precision == "day" and day is not None and (end_year, end_month) == (year, month):
        days = f"{day}" if end_day == day else f"{day}–{end_day}"
        return f"{year} жылы {days} {MONTH_LOCATIVE[month - 1]}"
    return None


def _is_safe_locative(text: str, value: DateValue) -> bool:
    core = _TRAILING_BRACKETS.sub("", text)
    if not _YEAR.search(core) or "ж." in core or value.qualifier in ("until", "from"):
        return False
    words = core.split()
    return bool(words) and bool(_LOCATIVE_END.search(words[-1])) and not any(
        word in ("дейін", "бастап", "дейінгі") for word in words
    )
