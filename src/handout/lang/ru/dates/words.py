"""The words of Russian dates as regular-expression pieces: months in every case, seasons, parts, year and century words."""

from __future__ import annotations

import re

# Each month in every case a date uses: nominative, genitive, dative, prepositional, instrumental.
MONTH_FORMS = (
    ("январь", "января", "январю", "январе", "январём", "январем"),
    ("февраль", "февраля", "февралю", "феврале", "февралём", "февралем"),
    ("март", "марта", "марту", "марте", "мартом"),
    ("апрель", "апреля", "апрелю", "апреле", "апрелем"),
    ("май", "мая", "маю", "мае", "маем"),
    ("июнь", "июня", "июню", "июне", "июнем"),
    ("июль", "июля", "июлю", "июле", "июлем"),
    ("август", "августа", "августу", "августе", "августом"),
    ("сентябрь", "сентября", "сентябрю", "сентябре", "сентябрём", "сентябрем"),
    ("октябрь", "октября", "октябрю", "октябре", "октябрём", "октябрем"),
    ("ноябрь", "ноября", "ноябрю", "ноябре", "ноябрём", "ноябрем"),
    ("декабрь", "декабря", "декабрю", "декабре", "декабрём", "декабрем"),
)
# Abbreviations written with a period ("4 дек.", "1917, нояб.").
MONTH_ABBREVIATIONS = {
    "янв": 1, "фев": 2, "февр": 2, "мар": 3, "апр": 4, "июн": 6, "июл": 7, "авг": 8,
    "сен": 9, "сент": 9, "окт": 10, "ноя": 11, "нояб": 11, "дек": 12,
}
MONTHS = {form: number for number, forms in enumerate(MONTH_FORMS, 1) for form in forms}
# A day written as an ordinal word ("Восьмого января 1905 г."), in the genitive a date uses.
_UNITS = {"первого": 1, "второго": 2, "третьего": 3, "четвёртого": 4, "четвертого": 4, "пятого": 5, "шестого": 6,
          "седьмого": 7, "восьмого": 8, "девятого": 9}
_TEENS = {"десятого": 10, "одиннадцатого": 11, "двенадцатого": 12, "тринадцатого": 13, "четырнадцатого": 14,
          "пятнадцатого": 15, "шестнадцатого": 16, "семнадцатого": 17, "восемнадцатого": 18, "девятнадцатого": 19,
          "двадцатого": 20, "тридцатого": 30}
DAY_WORDS = {**_UNITS, **_TEENS, **{f"двадцать {word}": 20 + number for word, number in _UNITS.items()},
             "тридцать первого": 31}

# Seasons: the word form tells the role ("весной" in, "к весне" by, "с весны" from).
SEASON_FORMS = {
    "весна": 3, "весны": 3, "весной": 3, "весне": 3, "весну": 3,
    "лето": 6, "лета": 6, "летом": 6, "лету": 6,
    "осень": 9, "осени": 9, "осенью": 9,
    "зима": 12, "зимы": 12, "зимой": 12, "зиме": 12, "зиму": 12, "зимою": 12, "весною": 3,
}

PART_FORMS = {
    "нач.": "beginning", "сер.": "middle", "кон.": "end",  # an encyclopedia's abbreviations ("с сер. 13 в.")
    "начало": "beginning", "начала": "beginning", "начале": "beginning", "началу": "beginning",
    "середина": "middle", "середины": "middle", "середине": "middle", "середину": "middle",
    "конец": "end", "конца": "end", "конце": "end", "концу": "end", "исход": "end", "исходе": "end", "исходу": "end",
}
# "первой половине", "1-й половине", "второй половины": the half narrows a year or a century.
HALF_WORDS = {"пер.": 1, "втор.": 2, "первой": 1, "первая": 1, "первую": 1, "1-й": 1, "1-я": 1, "i": 1, "второй": 2, "вторая": 2, "вторую": 2, "2-й": 2, "2-я": 2, "ii": 2}
QUARTER_WORDS = {"первой": 1, "первая": 1, "1-й": 1, "1-я": 1, "второй": 2, "вторая": 2, "2-й": 2, "2-я": 2, "третьей": 3,
                 "третья": 3, "3-й": 3, "3-я": 3, "последней": 4, "последняя": 4, "четвертой": 4, "четвёртой": 4,
                 "четвертая": 4, "четвёртая": 4, "4-й": 4, "4-я": 4}

# Words that make the number before them a count, not a year ("1578 семей", "1070 фунтов", "1500 человек").
COUNT_NOUNS = re.compile(
    r"(?:тыс|млн|млрд|чел|человек|руб|коп|км|га|кг|т|шт|лет|раз|процент|%|душ|голов|пуд|десятин|верст|дес"
    r"|штук|экз|семе|двор|кибит|юрт|солдат|рабоч|крестьян|казах|жител|мест|страниц|с\.|стр|м|мм|см|метр\w*|тонн\w*"
    r"|ц|кв)\b|\w+(?:ов|ев|ей|ами|ями)\b",
    re.IGNORECASE,
)

# Regular-expression pieces (used with re.VERBOSE off, so spaces are written as \s).
DASH = r"(?:--|[-–—−‑‒―])"  # "1802--47 гг.": a double hyphen typed for a dash
DAY_WORD = "(?:" + "|".join(sorted(DAY_WORDS, key=len, reverse=True)).replace(" ", r"\s+") + ")"
MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
MONTH_ABBR = "(?:" + "|".join(sorted(MONTH_ABBREVIATIONS, key=len, reverse=True)) + r")\."
# Without the period, an abbreviation is a month only before a year ("сент 1941", "янв 42"): see the points.
MONTH_ABBR_BARE = "(?:" + "|".join(sorted(MONTH_ABBREVIATIONS, key=len, reverse=True)) + r")(?![\w.])"
SEASON = "(?:" + "|".join(sorted(SEASON_FORMS, key=len, reverse=True)) + ")"
PART = "(?:" + "|".join(re.escape(form) for form in sorted(PART_FORMS, key=len, reverse=True)) + ")"
# "г.", "гг.", "год", "года", "годы", "годов", "-го года", "-м году".
YEAR_WORD = r"(?:г\.\s?г\.|гг\.?|г\.|г(?![\w.])|год(?:ами|ах|ам|ов|ом|ы|а|у|е)?(?!\w))"
YEAR_SUFFIX = r"(?:\s?-?(?:го|м|й|ый|ом)(?!\w))?"
ROMAN = r"(?:[IVXХІ]{1,6}П?(?![\w]))"  # "ХVП": an OCR'd II
CENTURY_WORD = r"(?:в\.\s?в\.|вв\.|вв(?![\w.])|в\.|в(?![\w.])|век(?:ами|ах|ам|ов|ом|а|е|у)?(?!\w)|столети(?:ями|ях|ям|ем|е|я|и|й)(?!\w))"
BC = re.compile(r"\s*(?:" + YEAR_WORD + r"|" + CENTURY_WORD + r")?\s*до\s*(?:н\.\s*э|нашей\s+эры|р\.\s*х|рождества)", re.IGNORECASE)

ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50}
_LOOKALIKES = str.maketrans({"Х": "X", "І": "I", "х": "x", "і": "i", "П": "II"})


def roman_value(text: str) -> int | None:
    """Return the value of a Roman numeral (Cyrillic look-alikes allowed), 1–21; None otherwise."""
    if text.startswith("П"):
        return None  # a П stands for II only after other numerals ("ХVП")
    letters = text.translate(_LOOKALIKES).lower()
    if not letters or any(ch not in ROMAN_VALUES for ch in letters):
        return None
    total = 0
    for index, ch in enumerate(letters):
        value = ROMAN_VALUES[ch]
        following = ROMAN_VALUES[letters[index + 1]] if index + 1 < len(letters) else 0
        total += -value if value < following else value
    return total if 1 <= total <= 21 else None


def month_number(word: str) -> int | None:
    """Return the month of a month word in any case, or of an abbreviation ("дек.")."""
    word = word.lower().rstrip(".")
    return MONTHS.get(word) or MONTH_ABBREVIATIONS.get(word)
