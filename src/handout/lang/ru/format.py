"""Russian print form of dates: "5–13 декабря 1917 г.", "начало апреля 1918 г.", "в ночь на 3 марта 1918 г."."""

from __future__ import annotations

import re

from ...model import DateValue
from ..dateformat import NDASH, DateFormat, roman

MONTHS = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
          "сентябрь", "октябрь", "ноябрь", "декабрь")
MONTHS_GENITIVE = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                   "сентября", "октября", "ноября", "декабря")
_GENITIVE = dict(zip(MONTHS, MONTHS_GENITIVE))
_GENITIVE.update({"весна": "весны", "лето": "лета", "осень": "осени", "зима": "зимы", "-е гг.": "-х гг."})
# "к" governs the dative: «к апрелю 1930 г.», «к весне 1918 г.», «к 1920-м гг.» («к 1 апреля» keeps the genitive day form).
_DATIVE = dict(zip(MONTHS, ("январю", "февралю", "марту", "апрелю", "маю", "июню", "июлю", "августу",
                            "сентябрю", "октябрю", "ноябрю", "декабрю")))
_DATIVE.update({"весна": "весне", "лето": "лету", "осень": "осени", "зима": "зиме", "-е гг.": "-м гг."})


class RussianDateFormat(DateFormat):
    month_names = MONTHS
    season_names = {3: "весна", 6: "лето", 9: "осень", 12: "зима"}
    qualifier_forms = {"from": "с {}", "until": "до {}", "beginning": "начало {}", "middle": "середина {}",
                       "end": "конец {}", "night": "в ночь на {}", "by": "к {}"}

    def year(self, year: int, plural: bool = False) -> str:
        return f"{year} {'гг.' if plural else 'г.'}"

    def day_month(self, day: int, day_end: int | None, month: int) -> str:
        days = f"{day}{NDASH}{day_end}" if day_end and day_end != day else str(day)
        return f"{days} {MONTHS_GENITIVE[month - 1]}"

    def decade(self, start_year: int) -> str:
        return f"{start_year}-е гг."

    def year_range(self, first: int, last: int) -> str:
        return f"{first}{NDASH}{last} гг."

    def winter(self, year: int) -> str:
        return f"зима {year}/{(year + 1) % 100:02d} г."

    def centuries(self, first: int, last: int) -> str:
        return f"{roman(first)}{NDASH}{roman(last)} вв."

    def century_half(self, century: int, half: int) -> str:
        return f"{('первая', 'вторая')[half - 1]} половина {roman(century)} в."

    def century(self, century: int) -> str:
        return f"{roman(century)} в."

    def qualify(self, text: str, value: DateValue) -> str:
        if value.qualifier == "night" and value.precision == "day":
            text = self.span(value.end, value.end, "day")  # "в ночь на 3 марта 1918 г."
        if value.qualifier == "by":
            text = genitive(text, _DATIVE)
        elif value.qualifier in self.qualifier_forms and value.qualifier != "night":
            text = genitive(text)
        return super().qualify(text, value)


def genitive(text: str, forms: dict[str, str] = _GENITIVE) -> str:
    """Put month, season and decade names in the genitive ("начало апреля 1918 г.") or the case ``forms`` give."""
    for nominative, form in forms.items():
        text = re.sub(rf"(?<!\w){re.escape(nominative)}(?!\w)" if nominative[0].isalpha() else re.escape(nominative), form, text)
    return text


format_date = RussianDateFormat().format

__all__ = ["MONTHS", "MONTHS_GENITIVE", "RussianDateFormat", "format_date", "genitive"]
