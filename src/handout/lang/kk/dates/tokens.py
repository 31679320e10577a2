"""The words of Kazakh dates and their tokens: months, seasons, parts of a period, decades, with case endings."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

MONTHS = (
    "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
    "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан",
)
# Stem variants before vowel-initial endings (қыркүйек → қыркүйегі).
MONTH_STEMS = {name: (name,) for name in MONTHS}
MONTH_STEMS["қыркүйек"] = ("қыркүйек", "қыркүйег")
MONTH_STEMS["сәуір"] = ("сәуір", "сөуір")  # "сөуірде": a damaged ә seen in PDF text
# Russian month names with Kazakh endings, in 19th-century documents: "1885 жылдың 12 декабрінде",
# "январьдың 28-інде". "май" is left out: in Kazakh it is oil or fat far more often than May.
RUSSIAN_MONTH_STEMS = {
    1: ("январь", "январ"), 2: ("февраль", "феврал"), 3: ("март",), 4: ("апрель", "апрел"), 6: ("июнь", "июн"),
    7: ("июль", "июл"), 8: ("август",), 9: ("сентябрь", "сентябр"), 10: ("октябрь", "октябр"),
    11: ("ноябрь", "ноябр"), 12: ("декабрь", "декабр"),
}
MONTH_ENDINGS = frozenset(
    """
    _ да де та те дағы дегі тағы тегі дың дің ның нің тың тің дан ден нан нен тан тен
    ға ге қа ке ы і сы сі ында інде сында сінде ындағы індегі сындағы сіндегі ынан інен сынан сінен
    ына іне сына сіне ының інің сының сінің
    """.split()
)
MONTH_WORD_AFTER_EXCLUDES = ("төңкеріс", "революция", "оқиға", "көтеріліс", "мейрам", "мереке", "қаласы", "университет")

SEASONS = {"көктем": (3, 5), "жаз": (6, 8), "күз": (9, 11), "қыс": (12, 2)}
SEASON_ENDINGS = frozenset(
    """
    _ де да те та гі ғы қы кі і ы ін ын іне ына інен ынан інде ында нен нан ге ға ке қа ден дан тен тан
    нің ның дің дың тің тың
    """.split()
)
PART_WORDS = {
    "басы": "beginning", "басында": "beginning", "басынан": "beginning", "басына": "beginning",
    "басындағы": "beginning",
    "ортасы": "middle", "ортасында": "middle", "ортасына": "middle", "ортасынан": "middle",
    "ортасындағы": "middle",
    "аяғы": "end", "аяғында": "end", "аяғына": "end", "аяғынан": "end", "аяғындағы": "end",
    "ақыры": "end", "ақырында": "end", "соңы": "end", "соңында": "end", "соңына": "end",
    "соңындағы": "end",
}
PART_STEMS = {"бас": "beginning", "орта": "middle", "аяқ": "end", "соң": "end"}
PART_KEZ = ("кезі", "кезінде", "кезіне", "кезінен", "кезіндегі", "шені", "шенінде", "кезеңінде", "белі", "белінде")
DECADE_WORDS = {
    "оныншы": 10, "жиырмасыншы": 20, "отызыншы": 30, "қырқыншы": 40, "елуінші": 50,
    "алпысыншы": 60, "жетпісінші": 70, "сексенінші": 80, "тоқсаныншы": 90,
}
ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
ROMAN_LOOKALIKES = str.maketrans({"і": "i", "х": "x", "І": "i", "Х": "x"})
ROMAN_FIRST_LETTERS = frozenset("ivxlcхі")
"""The lowercase first letter of a token that may be a century number ("xix", "хіх", "xvғ")."""
UNTIL_WORDS = ("дейін", "шейін", "дейінгі", "шейінгі", "қарай")
BY_WORDS = ("қарай",)
"""After a dative: "1925 жылға қарай" is "by 1925" (the state reached), not "until 1925"."""
FROM_WORDS = ("бастап", "бері", "басталған")
BETWEEN_WORDS = ("аралығында", "аралығы", "аралығындағы", "аралықта", "аралығын")
NIGHT_WORDS = ("түні", "түнде", "түнгі", "түнге")
CONTEXT_WORDS = {"сол": 0, "осы": 0, "бұл": 0, "келесі": 1, "келер": 1, "алдыңғы": -1}
# "бір жылдан кейін": a year counted from the context year.
COUNT_WORDS = {"бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8, "тоғыз": 9, "он": 10}
AFTER_WORDS = ("кейін", "соң")
HALF_WORDS = {"бірінші": 1, "екінші": 2, "алғашқы": 1, "соңғы": 2}
QUARTER_WORDS = {"бірінші": 1, "екінші": 2, "үшінші": 3, "төртінші": 4, "алғашқы": 1, "соңғы": 4}
# "б.з.б." / "б.з.д." (before our era): such a date is BC and the tool does not date it.
BC_MARKS = (("б", "з", "б"), ("б", "з", "д"))
# A three-digit year needs a year word that dates ("542 жылы"), not one that counts ("300 жылдық", "170 жыл").
THREE_DIGIT_YEAR_WORDS = frozenset("жылы жылғы жылдың жылдары жылдарда жылдардағы жылдардың".split())
# "1918 — 20 ж-да": a case ending hyphenated to the abbreviation ж.
ABBREVIATION_ENDINGS = frozenset("да де ы ғы дағы дегі дан ден ға ге дың дің дар дарда дардағы дардың дарға дардан".split())
# "4-і сәуірдегі", "5-ші наурыз": an ordinal ending on the day before the month.
DAY_ORDINAL_ENDINGS = frozenset("і ы сі сы ші шы інші ыншы".split())
# "1458 жылдың ерте көктемінде": early or late in a season keeps the whole season.
SEASON_PART_WORDS = {"ерте": "beginning", "кеш": "end"}
# "1986-ның желтоқсаны", "1917-жылы": a case ending or the year word hyphenated to the number.
YEAR_GENITIVE_SUFFIXES = frozenset("ның нің дың дің тың тің".split())
THIS_YEAR_WORDS = ("биыл", "биылғы", "биылы")
# A bare year in a reference: "«Атамұра» 2018", "Алматы, 1993".
CITATION_PLACES = ("алматы", "астана", "мәскеу", "москва", "нұр-сұлтан", "ташкент", "орынбор", "қызылорда", "семей")

_TOKEN = re.compile(r"[0-9]+|[^\W\d_]+|[^\s\w]|\w")  # ASCII digits only: "²" or "٣" are not numbers here
_DASHES = str.maketrans({"–": "-", "—": "-", "‑": "-", "‐": "-", "−": "-"})
_LATIN_FIXES = str.maketrans({"i": "і", "I": "І", "є": "ә", "Є": "Ә", "ї": "ү",
                              # old Kazakh fonts: ҧ ҽ ҿ ҥ for ұ ә ө ү, ¥ for Ұ (KAZAKH.md §4)
                              "ҧ": "ұ", "Ҧ": "Ұ", "ҽ": "ә", "Ҽ": "Ә", "ҿ": "ө", "Ҿ": "Ө", "ҥ": "ү", "Ҥ": "Ү", "¥": "Ұ"})
# Latin letters that look Cyrillic, repaired in the tokens of a word that has other letters too
# ("қaзан", "мaусымда"); an all-Latin word ("XIV", "USD") keeps them.
_LOOKALIKES = str.maketrans(dict(zip("aeopcxyTBMKHAEOPCXY", "аеорсхуТВМКНАЕОРСХУ")))
_ASCII_LETTER = re.compile(r"[a-zA-Z]")


@dataclass(frozen=True)
class Token:
    kind: str
    """num, word or punct."""
    text: str
    """Lowercased, look-alike letters repaired."""
    raw: str
    start: int
    end: int


@dataclass
class Point:
    """One date as written, before it becomes ISO text."""

    first: int
    last: int
    """Token indexes (inclusive)."""
    role: str = "loc"
    """loc, from, to or gen (from the case ending of the last word)."""
    year: int | None = None
    year_end: int | None = None
    year_from_context: bool = False
    month: int | None = None
    month_end: int | None = None
    day: int | None = None
    day_end: int | None = None
    season: str | None = None
    season_end: str | None = None
    decade: int | None = None
    decade_end: int | None = None
    """The last decade of "20-30-жылдары" (1930)."""
    century: int | None = None
    century_end: int | None = None
    half: int | None = None
    """1 or 2 for "ғасырдың бірінші/екінші жартысы"."""
    quarter: int | None = None
    """1 to 4 for "ғасырдың бірінші … төртінші ширегі"."""
    part: str | None = None
    night: bool = False
    alt: tuple[int | None, int | None, int | None, int | None] | None = None
    """Bracketed other-style date: (day, day_end, month, year)."""
    explicit: set = field(default_factory=set)


def normalize(text: str) -> str:
    """Return a same-length copy with look-alike letters and dashes unified for matching."""
    return text.translate(_DASHES).translate(_LATIN_FIXES)


def tokenize(text: str) -> list[Token]:
    normal = normalize(text)
    tokens = []
    for match in _TOKEN.finditer(normal):
        word = match.group()
        kind = "num" if word.isascii() and word.isdigit() else "word" if word[0].isalpha() else "punct"
        if kind == "word" and not word.isascii() and _ASCII_LETTER.search(word):
            word = word.translate(_LOOKALIKES)  # "қaзан", "мaусымда": Latin letters inside a Cyrillic word
        tokens.append(Token(kind, word.lower(), text[match.start() : match.end()], match.start(), match.end()))
    return tokens


def case_role(ending: str) -> str:
    """Return the role a case ending gives a date word."""
    if ending.endswith(("дан", "ден", "нан", "нен", "тан", "тен")):
        return "from"
    if ending.endswith(("ға", "ге", "қа", "ке", "на", "не")) and not ending.endswith(("дағы", "дегі")):
        return "to"
    if ending.endswith(("ың", "ің")):
        return "gen"
    return "loc"


def ending_after(word: str, stems, endings) -> str | None:
    """Return the case ending (``_`` for none) when ``word`` is one of ``stems`` plus one of ``endings``."""
    for stem in stems:
        if word.startswith(stem):
            ending = word[len(stem) :] or "_"
            if ending in endings:
                return ending
    return None


@functools.lru_cache(maxsize=8192)  # called for every word of every paragraph
def month_of(word: str) -> tuple[int, str] | None:
    """Return (month number, ending) when the lowercase word is an inflected month name."""
    for number, name in enumerate(MONTHS, 1):
        if (ending := ending_after(word, MONTH_STEMS[name], MONTH_ENDINGS)) is not None:
            return number, ending
    for number, stems in RUSSIAN_MONTH_STEMS.items():
        if (ending := ending_after(word, stems, MONTH_ENDINGS)) is not None:
            return number, ending
    return None


@functools.lru_cache(maxsize=8192)  # called for every word of every paragraph
def season_of(word: str) -> tuple[str, str] | None:
    for name in SEASONS:
        if (ending := ending_after(word, (name,), SEASON_ENDINGS)) is not None:
            return name, ending
    return None


@functools.lru_cache(maxsize=8192)  # called for every word of every paragraph
def roman_value(word: str) -> int | None:
    letters = word.translate(ROMAN_LOOKALIKES).lower()
    if not letters or any(ch not in ROMAN for ch in letters):
        return None
    total = 0
    for index, ch in enumerate(letters):
        value = ROMAN[ch]
        following = ROMAN[letters[index + 1]] if index + 1 < len(letters) else 0
        total += -value if value < following else value
    return total if 1 <= total <= 21 else None


def is_year_word(word: str) -> bool:
    return word.startswith("жыл") and not word.startswith(("жылқ", "жылу", "жылы-", "жылжы", "жылт", "жылғал"))


class TokenCursor:
    """Read a token list by index; the date rules ask it what stands where."""

    def __init__(self, text: str):
        self.text = text
        self.tokens = tokenize(text)

    def tok(self, index: int) -> Token | None:
        return self.tokens[index] if 0 <= index < len(self.tokens) else None

    def word_at(self, index: int) -> str:
        token = self.tok(index)
        return token.text if token is not None and token.kind == "word" else ""

    def is_punct(self, index: int, chars: str) -> bool:
        token = self.tok(index)
        return token is not None and token.kind == "punct" and token.text in chars

    def gap(self, left: int, right: int) -> str:
        """Return the raw text between two tokens."""
        return self.text[self.tokens[left].end : self.tokens[right].start]

    def adjacent(self, left: int, right: int) -> bool:
        """Tell whether two tokens exist and stand on one line with at most spaces between."""
        if self.tok(left) is None or self.tok(right) is None:
            return False
        gap = self.gap(left, right)
        return "\n\n" not in gap and len(gap) <= 3
