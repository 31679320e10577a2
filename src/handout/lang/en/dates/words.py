"""Words and regular-expression pieces of the English date grammar (months, seasons, ordinals, traps)."""

from __future__ import annotations

import re

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
_MONTH_ABBREVIATIONS = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9,
                        "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12}

SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}

ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21, "twenty first": 21,
}
COUNT_WORDS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
}


def month_of(word: str) -> int:
    """Return 1–12 for a month name or abbreviation ("August", "Aug.", "Sept")."""
    word = word.rstrip(".")
    if word.upper() == word and len(word) > 3:
        word = word.capitalize()
    if word in MONTHS:
        return MONTHS.index(word) + 1
    return _MONTH_ABBREVIATIONS[word]


def _alternatives(words) -> str:
    return "|".join(sorted((re.escape(word) for word in words), key=len, reverse=True))


# A month is written capitalized (or all capitals): "may" and "march" in lower case are verbs.
MONTH = (r"(?:" + _alternatives(MONTHS + tuple(name.upper() for name in MONTHS)) + r"|(?:"
         + _alternatives(_MONTH_ABBREVIATIONS) + r")\.?)(?![\w])")
SEASON = r"(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)(?![\w])"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d])"
YEAR = r"(?:1\d{3}|20\d{2})"
ROMAN = r"(?:X{0,2}(?:IX|IV|V?I{0,3}))"
ORDINAL = r"(?:\d{1,2}(?:st|nd|rd|th)|" + _alternatives(ORDINAL_WORDS) + r"|(?=[XVI])" + ROMAN + r"(?![\w]))"
DECADE_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
                "ninth": 9, "tenth": 10, "last": 10}


def roman_value(text: str) -> int | None:
    """Return the value of a Roman numeral written in capitals ("XIX" -> 19), or None."""
    values = {"I": 1, "V": 5, "X": 10}
    if not text or any(letter not in values for letter in text):
        return None
    total = 0
    for letter, following in zip(text, text[1:] + " "):
        value = values[letter]
        total += -value if following in values and values[following] > value else value
    return total
DASH = r"\s*[-–—]\s*"
# "1941" followed by no digit, or by a glued head-count in a table cell ("Sept 1941366,000").
YEAR_END = r"(?:(?![\d])|(?=\d{1,3}(?:,\d{3})+(?![\d])))"

# After a number: it counts, measures or is part of a bigger number, so it is no year.
NOT_A_YEAR_AFTER = re.compile(
    r"(?:[.,]\d|:\d|-[a-z]|\s*(?:%|percent\b|per\s+cent\b)|\s+of\s+(?:them|whom|these|those|which|us)\b"
    r"|\s+(?:hours|hrs)\b"
    r"|\s*(?:km|kilomet|mile|metre|meter|feet|foot|ft\b|tons?\b|tonnes?\b|kg\b|hectares?|acres?|roubles?"
    r"|rubles?|dollars?|tenge|pounds?|head\b|households?|families|people|persons?|men\b|women|soldiers|troops"
    r"|deaths|victims|refugees|copies|pages|ha\b|m\b|AD\b|CE\b|BC\b|BCE\b|B\.C\.))",
)
# Before a number: a page, an order, money, a count symbol.
NOT_A_YEAR_BEFORE = re.compile(
    r"(?:\b(?:p|pp|No|no|Nos|nos|vol|Vol|fig|Fig)\.\s*|\b(?:page|pages|number|numbered|Order|order|decree|Decree"
    r"|file|item|code|tel|room)\s+(?:No\.?\s*)?|[$€£#№°]\s*|\d[ \u00a0])$"
)
# A following lowercase plural word makes a bare number a count ("1500 soldiers") unless a date word is before it.
PLURAL_AFTER = re.compile(r"\s+(?!(?:was|is|has|as|this|its|his|us|thus|yes|always|perhaps|less|across)\b)[a-z]+s\b")

BC_AFTER = re.compile(r"\s*(?:BC|BCE|B\.\s?C\.(?:\s?E\.)?)(?![\w])")
OLD_STYLE_AFTER = re.compile(r"\s*(?:O\.\s?S\.|OS\b|\(O\.\s?S\.\)|\[O\.\s?S\.\])")
NEW_STYLE_INSIDE = re.compile(r"N\.\s?S\.|\bNS\b|[Nn]ew [Ss]tyle|Gregorian")
APPROXIMATE_BEFORE = re.compile(r"\b(?:roughly|about|some|nearly|almost|around|over|more\s+than|less\s+than|"
                                r"at\s+least|only|just)\s+$", re.I)

__all__ = ["COUNT_WORDS", "DAY", "DECADE_WORDS", "MONTH", "MONTHS", "ORDINAL", "ORDINAL_WORDS", "SEASON", "SEASONS",
           "YEAR", "month_of", "roman_value"]
