"""Kazakh print form of dates: "1917 ж. 5–13 (18–26) желтоқсан", "1918 ж. көктеміне дейін", "1925 жылға қарай"."""

from __future__ import annotations

from ...model import DateValue
from ..dateformat import NDASH, DateFormat, roman
from .dates.tokens import MONTHS

# The case a Kazakh qualifier governs, and each month's and season's form in it (KAZAKH.md §1 table):
# "1997 ж. 10 желтоқсаннан бастап", "1918 ж. көктеміне дейін", "1918 ж. сәуірдің басы", "2–3 наурызға қараған түні".
QUALIFIER_CASE = {"from": "ablative", "until": "dative", "night": "dative", "by": "dative",
                  "beginning": "genitive", "middle": "genitive", "end": "genitive"}
FORMS = {
    "ablative": dict(zip(MONTHS, ("қаңтардан", "ақпаннан", "наурыздан", "сәуірден", "мамырдан", "маусымнан",
                                  "шілдеден", "тамыздан", "қыркүйектен", "қазаннан", "қарашадан", "желтоқсаннан")))
    | {"көктем": "көктемінен", "жаз": "жазынан", "күз": "күзінен", "қыс": "қысынан", "қысы": "қысынан"},
    "dative": dict(zip(MONTHS, ("қаңтарға", "ақпанға", "наурызға", "сәуірге", "мамырға", "маусымға",
                                "шілдеге", "тамызға", "қыркүйекке", "қазанға", "қарашаға", "желтоқсанға")))
    | {"көктем": "көктеміне", "жаз": "жазына", "күз": "күзіне", "қыс": "қысына", "қысы": "қысына"},
    "genitive": dict(zip(MONTHS, ("қаңтардың", "ақпанның", "наурыздың", "сәуірдің", "мамырдың", "маусымның",
                                  "шілденің", "тамыздың", "қыркүйектің", "қазанның", "қарашаның", "желтоқсанның")))
    | {"көктем": "көктемінің", "жаз": "жазының", "күз": "күзінің", "қыс": "қысының", "қысы": "қысының"},
}


class KazakhDateFormat(DateFormat):
    month_names = MONTHS
    season_names = {3: "көктем", 6: "жаз", 9: "күз", 12: "қыс"}
    qualifier_forms = {"from": "{} бастап", "until": "{} дейін", "beginning": "{} басы", "middle": "{} ортасы",
                       "end": "{} аяғы", "night": "{} қараған түні", "by": "{} қарай"}

    def year(self, year: int, plural: bool = False) -> str:
        return f"{year} {'жж.' if plural else 'ж.'}"

    def day_month(self, day: int, day_end: int | None, month: int) -> str:
        days = f"{day}{NDASH}{day_end}" if day_end and day_end != day else str(day)
        return f"{days} {MONTHS[month - 1]}"

    def with_year(self, body: str, year: int) -> str:
        return f"{self.year(year)} {body}"

    def decade(self, start_year: int) -> str:
        return f"{start_year} жж."

    def year_range(self, first: int, last: int) -> str:
        return f"{first}{NDASH}{last} жж."

    def winter(self, year: int) -> str:
        return f"{year}{NDASH}{year + 1} жж. қысы"

    def centuries(self, first: int, last: int) -> str:
        return f"{roman(first)}{NDASH}{roman(last)} ғғ."

    def century_half(self, century: int, half: int) -> str:
        return f"{roman(century)} ғ. {('бірінші', 'екінші')[half - 1]} жартысы"

    def century(self, century: int) -> str:
        return f"{roman(century)} ғ."

    def with_alt(self, written: str, alt: str, year: int) -> str:
        return f"{written} ({alt})"

    def qualify(self, text: str, value: DateValue) -> str:
        if value.qualifier == "by":
            text = _spell_out_dative(text)  # "1925 жылға қарай", as written; "1925 ж. қарай" reads badly
        if value.qualifier in QUALIFIER_CASE:
            text = _inflect_last_word(text, QUALIFIER_CASE[value.qualifier])
        return super().qualify(text, value)


# Abbreviations written out in the dative before "қарай": "1925 ж." → "1925 жылға".
DATIVE_WORDS = {"ж.": "жылға", "жж.": "жылдарға", "ғ.": "ғасырға", "ғғ.": "ғасырларға"}


def _spell_out_dative(text: str) -> str:
    head, _, last = text.rpartition(" ")
    return f"{head} {DATIVE_WORDS[last]}" if head and last in DATIVE_WORDS else text


def _inflect_last_word(text: str, case: str) -> str:
    """Put a trailing month or season name in the case its qualifier governs ("күз бастап" → "күзінен бастап")."""
    head, _, last = text.rpartition(" ")
    form = FORMS[case].get(last)
    return f"{head} {form}" if form and head else form or text


format_date = KazakhDateFormat().format

__all__ = ["KazakhDateFormat", "format_date"]
