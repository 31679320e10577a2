"""English print form of dates: "5–13 December 1917", "early April 1918", "19th century"."""

from __future__ import annotations

from ...model import DateValue
from ..dateformat import NDASH, DateFormat

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


class EnglishDateFormat(DateFormat):
    month_names = MONTHS
    season_names = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}
    qualifier_forms = {"from": "from {}", "until": "until {}", "by": "by {}", "beginning": "early {}", "middle": "mid {}",
                       "end": "late {}", "night": "night of {}"}

    def year(self, year: int, plural: bool = False) -> str:
        return str(year)

    def day_month(self, day: int, day_end: int | None, month: int) -> str:
        days = f"{day}{NDASH}{day_end}" if day_end and day_end != day else str(day)
        return f"{days} {MONTHS[month - 1]}"

    def decade(self, start_year: int) -> str:
        return f"{start_year}s"

    def year_range(self, first: int, last: int) -> str:
        return f"{first}{NDASH}{last}"

    def winter(self, year: int) -> str:
        return f"winter {year}/{(year + 1) % 100:02d}"

    def centuries(self, first: int, last: int) -> str:
        return f"{ordinal(first)}{NDASH}{ordinal(last)} centuries"

    def century_half(self, century: int, half: int) -> str:
        return f"{('first', 'second')[half - 1]} half of the {ordinal(century)} century"

    def century(self, century: int) -> str:
        return f"{ordinal(century)} century"

    def qualify(self, text: str, value: DateValue) -> str:
        if value.qualifier == "by" and value.precision in ("decade", "century"):
            text = f"the {text}"  # "by the 1920s", "by the 20th century"
        return super().qualify(text, value)


format_date = EnglishDateFormat().format

__all__ = ["EnglishDateFormat", "MONTHS", "format_date", "ordinal"]
