"""What every pack's date grammar returns, and the order of dates (the same in every language)."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import DateValue

PRECISION_RANK = {"day": 0, "month": 1, "season": 2, "year": 3, "decade": 4, "century": 5}


@dataclass(frozen=True)
class DateMatch:
    """One temporal expression found in a text."""

    start: int
    end: int
    """Character span in the text given to ``find_dates``."""
    value: DateValue | None
    """None when the expression names an impossible date (see ``problem``)."""
    year: int | None
    """The year a later "Сол жылы" or a bare "17 тамызда" refers to."""
    problem: str | None = None
    """Why the expression is not a valid date (e.g. "31 ақпан")."""


def sort_key(value: DateValue) -> tuple:
    """Order dates by start; at the same start the less precise (wider) date first."""
    return (value.start[:4], value.start, -PRECISION_RANK.get(value.precision, 3), value.end)


__all__ = ["DateMatch", "PRECISION_RANK", "sort_key"]
