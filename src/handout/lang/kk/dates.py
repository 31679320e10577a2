"""Find temporal expressions in Kazakh historical prose and format dates for print.

The grammar is a small hand-written recursive parser over word/number tokens:
a *point* is one date (year, month, day, season, decade, century, part of a
period) with the case role its last word carries (ablative = "from", dative =
"to"); a *phrase* joins one or two points into a single date, a range, a
"from"/"until" date or the night of two days.

Decisions where the sources were silent:
- An unmarked date keeps calendar ``unknown``; only a dual date ("30 қазанда
  (12 қараша)") is marked ``old`` with the bracketed date as ``alt_start``.
- Beginning/middle/end of a period keep the whole period as start/end and say
  which part in ``qualifier``; "X-ға дейін" and "X-ға қарай" are ``until``.
- A bare month or season needs a year in the same phrase or a context year;
  a capitalized bare month ("Желтоқсандағы съезі", "Қазан төңкерісі") is not a date.
"""

from __future__ import annotations

import calendar
import datetime
import functools
import re
from dataclasses import dataclass, field

from ...model import DateValue

MONTHS = (
    "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
    "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан",
)
# Stem variants before vowel-initial endings (қыркүйек → қыркүйегі).
MONTH_STEMS = {name: (name,) for name in MONTHS}
MONTH_STEMS["қыркүйек"] = ("қыркүйек", "қыркүйег")
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
PART_KEZ = ("кезі", "кезінде", "кезіне", "кезінен", "кезіндегі", "шені", "шенінде", "кезеңінде")
DECADE_WORDS = {
    "оныншы": 10, "жиырмасыншы": 20, "отызыншы": 30, "қырқыншы": 40, "елуінші": 50,
    "алпысыншы": 60, "жетпісінші": 70, "сексенінші": 80, "тоқсаныншы": 90,
}
ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
ROMAN_LOOKALIKES = str.maketrans({"і": "i", "х": "x", "І": "i", "Х": "x"})
UNTIL_WORDS = ("дейін", "шейін", "дейінгі", "шейінгі", "қарай")
FROM_WORDS = ("бастап", "бері", "басталған")
BETWEEN_WORDS = ("аралығында", "аралығы", "аралығындағы", "аралықта", "аралығын")
NIGHT_WORDS = ("түні", "түнде", "түнгі", "түнге")
CONTEXT_WORDS = {"сол": 0, "осы": 0, "бұл": 0, "келесі": 1, "келер": 1, "алдыңғы": -1}
# "бір жылдан кейін": a year counted from the context year.
COUNT_WORDS = {"бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8, "тоғыз": 9, "он": 10}
AFTER_WORDS = ("кейін", "соң")
HALF_WORDS = {"бірінші": 1, "екінші": 2}
PRECISION_RANK = {"day": 0, "month": 1, "season": 2, "year": 3, "decade": 4, "century": 5}

_TOKEN = re.compile(r"[0-9]+|[^\W\d_]+|[^\s\w]|\w")  # ASCII digits only: "²" or "٣" are not numbers here
_DASHES = str.maketrans({"–": "-", "—": "-", "‑": "-", "‐": "-", "−": "-"})
_LATIN_FIXES = str.maketrans({"i": "і", "I": "І", "є": "ә", "Є": "Ә", "ї": "ү"})


@dataclass(frozen=True)
class DateMatch:
    """One temporal expression found in a text."""

    start: int
    end: int
    """Character span in the text given to :func:`find_dates`."""
    value: DateValue | None
    """None when the expression names an impossible date (see ``problem``)."""
    year: int | None
    """The year a later "Сол жылы" or a bare "17 тамызда" refers to."""
    problem: str | None = None
    """Why the expression is not a valid date (e.g. "31 ақпан")."""


@dataclass(frozen=True)
class _Token:
    kind: str
    """num, word or punct."""
    text: str
    """Lowercased, look-alike letters repaired."""
    raw: str
    start: int
    end: int


@dataclass
class _Point:
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
    century: int | None = None
    century_end: int | None = None
    half: int | None = None
    """1 or 2 for "ғасырдың бірінші/екінші жартысы"."""
    part: str | None = None
    night: bool = False
    alt: tuple[int | None, int | None, int | None, int | None] | None = None
    """Bracketed other-style date: (day, day_end, month, year)."""
    explicit: set = field(default_factory=set)


def normalize(text: str) -> str:
    """Return a same-length copy with look-alike letters and dashes unified for matching."""
    return text.translate(_DASHES).translate(_LATIN_FIXES)


def _tokenize(text: str) -> list[_Token]:
    normal = normalize(text)
    tokens = []
    for match in _TOKEN.finditer(normal):
        word = match.group()
        kind = "num" if word.isascii() and word.isdigit() else "word" if word[0].isalpha() else "punct"
        tokens.append(_Token(kind, word.lower(), text[match.start() : match.end()], match.start(), match.end()))
    return tokens


def _case_role(ending: str) -> str:
    """Return the role a case ending gives a date word."""
    if ending.endswith(("дан", "ден", "нан", "нен", "тан", "тен")):
        return "from"
    if ending.endswith(("ға", "ге", "қа", "ке", "на", "не")) and not ending.endswith(("дағы", "дегі")):
        return "to"
    if ending.endswith(("ың", "ің")):
        return "gen"
    return "loc"


def _ending_after(word: str, stems, endings) -> str | None:
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
        if (ending := _ending_after(word, MONTH_STEMS[name], MONTH_ENDINGS)) is not None:
            return number, ending
    return None


@functools.lru_cache(maxsize=8192)  # called for every word of every paragraph
def _season_of(word: str) -> tuple[str, str] | None:
    for name in SEASONS:
        if (ending := _ending_after(word, (name,), SEASON_ENDINGS)) is not None:
            return name, ending
    return None


@functools.lru_cache(maxsize=8192)  # called for every word of every paragraph
def _roman_value(word: str) -> int | None:
    letters = word.translate(ROMAN_LOOKALIKES).lower()
    if not letters or any(ch not in ROMAN for ch in letters):
        return None
    total = 0
    for index, ch in enumerate(letters):
        value = ROMAN[ch]
        following = ROMAN[letters[index + 1]] if index + 1 < len(letters) else 0
        total += -value if value < following else value
    return total if 1 <= total <= 21 else None


def _is_year_word(word: str) -> bool:
    return word.startswith("жыл") and not word.startswith(("жылқ", "жылу", "жылы-", "жылжы", "жылт", "жылғал"))


class _Parser:
    """Parse date phrases from a token list; one instance per text."""

    def __init__(self, text: str, context_year: int | None):
        self.text = text
        self.tokens = _tokenize(text)
        self.context_year = context_year

    # -- token helpers ---------------------------------------------------------
    def tok(self, index: int) -> _Token | None:
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

    # -- entry -----------------------------------------------------------------
    def matches(self) -> list[DateMatch]:
        found: list[DateMatch] = []
        index = 0
        while index < len(self.tokens):
            result = self.phrase(index)
            if result is None:
                index += 1
                continue
            match, next_index = result
            if self._restated(index, next_index):
                index = next_index  # "Алты жылдан кейін, 1961 жылғы 12 сәуірде": the explicit date says it
                continue
            found.append(match)
            if match.year is not None:
                self.context_year = match.year
            index = next_index
        return found

    def _restated(self, index: int, next_index: int) -> bool:
        """Tell whether a year counted from context is restated by an explicit year right after it."""
        if self.tokens[index].kind != "word" or self.word_at(index) not in CONTEXT_WORDS.keys() | COUNT_WORDS.keys():
            return False
        cursor = next_index + 1 if self.is_punct(next_index, ",") else next_index
        following = self.tok(cursor)
        return following is not None and following.kind == "num" and self._year(cursor, _Point(cursor, cursor)) is not None

    def phrase(self, index: int) -> tuple[DateMatch, int] | None:
        first = self.point(index)
        if first is None:
            return None
        points = [first]
        after = first.last + 1
        qualifier = None
        if first.role == "from" or first.night:
            if self.word_at(after) in FROM_WORDS:
                after += 1
            second = self._range_end(after, first)
            if second is None and self.word_at(after - 1) in FROM_WORDS:
                second = self._range_end_after_clause(after, first)
            if second is not None:
                points.append(second)
                after = second.last + 1
                if self.word_at(after) in UNTIL_WORDS:
                    after += 1
            elif first.night:
                pass
            elif self.word_at(first.last + 1) in FROM_WORDS:
                qualifier = "from"
            else:
                return None if first.day is not None and first.day_end is None and first.month is None else (
                    self._single(first, after, "from")
                )
        elif first.role == "to" and self.word_at(after) in UNTIL_WORDS:
            qualifier = "until"
            after += 1
        elif self.is_punct(after, "-") or self.word_at(after) in ("мен", "және"):
            second = self.point(after + 1, inherit=first)
            if second is not None and self._joins(first, second):
                points.append(second)
                after = second.last + 1
                if self.word_at(after) in BETWEEN_WORDS:
                    after += 1
        if qualifier is None and any(point.night for point in points):
            qualifier = "night"
        return self._build(points, after, qualifier)

    def _single(self, point: _Point, after: int, qualifier: str | None):
        return self._build([point], after, qualifier)

    def _range_end(self, index: int, first: _Point) -> _Point | None:
        if self.is_punct(index, "-"):
            index += 1
        second = self.point(index, inherit=first)
        if second is None:
            return None
        if second.role == "to" or second.night:
            return second
        return None

    def _range_end_after_clause(self, index: int, first: _Point) -> _Point | None:
        """Find the end of "X-нан бастап жүргізіліп, Y-ға дейін созылды": a short clause between."""
        for cursor in range(index, min(index + 5, len(self.tokens))):
            token = self.tokens[cursor]
            if token.kind == "punct" and token.text != ",":
                return None
            if token.kind == "word" and token.raw[0].isupper():
                return None
            if token.kind == "num" or self.word_at(cursor) in CONTEXT_WORDS:
                second = self.point(cursor, inherit=first)
                if second is not None and second.role == "to" and self.word_at(second.last + 1) in UNTIL_WORDS:
                    return second
                return None
        return None

    def _joins(self, first: _Point, second: _Point) -> bool:
        """Tell whether "A – B аралығында" or "A мен B айларында" make one range."""
        after = second.last + 1
        if self.word_at(after) in BETWEEN_WORDS:
            return True
        if self.word_at(second.last).startswith("айлар"):
            return True  # "тамыз және қыркүйек айларында": both months
        if first.season and second.season and second.year == first.year:
            return True  # "1942 жылдың көктемі мен жазында"
        if first.part and second.part and (first.century or first.decade) and (second.century or second.decade):
            return True  # "XVII ғасырдың аяғы мен XVIII ғасырдың басында"
        both_dated = first.year is not None and second.year is not None and "year" in second.explicit
        if both_dated and (first.month or first.part or first.season) and (second.month or second.part or second.season):
            return True
        return False

    # -- points ----------------------------------------------------------------
    def point(self, index: int, inherit: _Point | None = None) -> _Point | None:
        """Parse one date point starting at ``index``."""
        token = self.tok(index)
        if token is None:
            return None
        point = _Point(index, index)
        cursor = index
        if token.kind == "num" or self.word_at(index) in CONTEXT_WORDS or self.word_at(index) in COUNT_WORDS:
            got = self._year(index, point)
            if got is not None:
                cursor = got
                return self._after_year(cursor, point)
            got = self._decade(index, point)
            if got is not None:
                return self._part(got, point)
            got = self._century(index, point)
            if got is not None:
                return self._part(got, point)
            if token.kind == "num":
                return self._day_month(index, point, inherit)
            return None
        if token.kind == "word":
            if token.text in DECADE_WORDS:
                got = self._decade(index, point)
                return self._part(got, point) if got is not None else None
            if _roman_value(token.raw) is not None:
                got = self._century(index, point)
                return self._part(got, point) if got is not None else None
            if month_of(token.text) is not None:
                return self._month(index, point, inherit, bare=True)
            if inherit is not None and inherit.year is not None and _season_of(token.text) is not None:
                point.year = inherit.year_end or inherit.year  # "көктемінен күзіне дейін", "көктемі мен жазында"
                return self._season(index, point)
        return None

    def _year(self, index: int, point: _Point) -> int | None:
        """Parse "1917 жылы", "1921-1922 жж.", "Сол жылы"; return the index after it."""
        token = self.tokens[index]
        cursor = index
        if token.kind == "word":
            if self.context_year is None:
                return None
            if token.text in COUNT_WORDS:
                return self._years_later(index, point)
            year = self.context_year + CONTEXT_WORDS[token.text]
            point.year_from_context = True
            cursor += 1
            word = self.word_at(cursor)
            if not (_is_year_word(word) and not word.startswith("жылдар")):
                return None
        else:
            if not (3 <= len(token.text) <= 4) or not 1000 <= int(token.text) <= 2100:
                return None
            year = int(token.text)
            cursor += 1
            if self.is_punct(cursor, "-") and self.tok(cursor + 1) and self.tok(cursor + 1).kind == "num":
                end_text = self.tokens[cursor + 1].text
                year_end = int(end_text) if len(end_text) == 4 else year // 100 * 100 + int(end_text) if len(end_text) == 2 else None
                if year_end is not None and year < year_end <= year + 100:
                    point.year_end = year_end
                    cursor += 2
            word = self.word_at(cursor)
        if not self.adjacent(cursor - 1, cursor):
            return None
        if word in ("ж", "жж") and self.is_punct(cursor + 1, "."):
            point.year = year
            point.explicit.add("year")
            point.last = cursor + 1
            return cursor + 2
        if not _is_year_word(word):
            if point.year_end is None and self._bracketed(index, cursor - 1):
                point.year = year
                point.last = cursor - 1
                point.explicit.add("year")
                return cursor
            return None
        if word.startswith("жылмен") or word.startswith("жылдармен"):
            return None  # "1922 жылмен салыстырғанда" compares, it dates nothing
        if word.startswith("жылдар") and point.year_end is None and year % 10 == 0 and not point.year_from_context:
            point.decade = year
            point.role = _case_role(word[len("жылдар") :])
            point.last = cursor
            return -1 - cursor  # marks a decade; handled by _after_year
        point.year = year
        point.explicit.add("year")
        ending = word[len("жылдар") :] if word.startswith("жылдар") else word[3:]
        point.role = _case_role(ending)
        point.last = cursor
        return cursor + 1

    def _years_later(self, index: int, point: _Point) -> int | None:
        """Parse "бір жылдан кейін", "екі жылдан соң": the context year plus a count."""
        if self.word_at(index + 1) != "жылдан" or self.word_at(index + 2) not in AFTER_WORDS:
            return None
        point.year = self.context_year + COUNT_WORDS[self.tokens[index].text]
        point.year_from_context = True
        point.explicit.add("year")
        point.last = index + 2
        return index + 3

    def _bracketed(self, first: int, last: int) -> bool:
        return self.is_punct(first - 1, "(") and self.is_punct(last + 1, ")")

    def _after_year(self, cursor: int, point: _Point) -> _Point:
        if cursor < 0:  # "1920 жылдары": a decade
            return self._part(-1 - cursor + 1, point)
        role_of_year = point.role
        if role_of_year in ("from", "to"):
            return point
        token = self.tok(cursor)
        if token is not None and not self.adjacent(cursor - 1, cursor):
            return point
        if token is not None and token.kind == "num":
            dated = self._day_month(cursor, point, None)
            if dated is not None:
                return dated
        word = self.word_at(cursor)
        if word and month_of(word) is not None:
            dated = self._month(cursor, point, None, bare=False)
            if dated is not None:
                return dated
        season = _season_of(word) if word else None
        if season is not None and role_of_year != "from":
            return self._season(cursor, point)
        if role_of_year == "gen" and word in HALF_WORDS and self.word_at(cursor + 1).startswith("жартыс"):
            half = HALF_WORDS[word]  # "1916 жылдың екінші жартысында": July–December
            point.month, point.month_end = (1, 6) if half == 1 else (7, 12)
            point.role = _case_role(self.word_at(cursor + 1)[len("жартыс"):])
            point.last = cursor + 1
            return point
        if role_of_year == "gen":
            return self._part(cursor, point)
        return point

    def _season(self, cursor: int, point: _Point) -> _Point:
        name, ending = _season_of(self.word_at(cursor))
        point.season = name
        point.role = _case_role(ending)
        point.last = cursor
        follower = _season_of(self.word_at(cursor + 1))
        if ending in ("гі", "ғы", "қы", "кі") and follower is not None and follower[1] in ("гі", "ғы", "қы", "кі"):
            point.season_end = follower[0]  # "көктемгі жазғы шабуылы": spring-summer
            point.last = cursor + 1
        if ending in ("і", "ы", "нің", "ның", "дың", "дің", "тің", "тың"):
            return self._part(point.last + 1, point)
        return point

    def _day_month(self, index: int, point: _Point, inherit: _Point | None) -> _Point | None:
        """Parse "5-13 желтоқсанда", "30 қазанда (12 қараша)", "1 мамырға"."""
        day = int(self.tokens[index].text)
        if len(self.tokens[index].text) > 2:
            return None
        cursor = index + 1
        day_end = None
        if self.is_punct(cursor, "-") and self.tok(cursor + 1) and self.tok(cursor + 1).kind == "num":
            day_end = int(self.tokens[cursor + 1].text)
            if len(self.tokens[cursor + 1].text) > 2 or day_end <= day:
                return None
            cursor += 2
        suffix = self._number_suffix(cursor) if day_end is None else None
        if suffix is not None and suffix[0] == "from":
            following = self.tok(suffix[1] + 1)  # "2-нен 3 наурызға қараған түні"
            if following is not None and following.kind == "num" and len(following.text) <= 2 and month_of(self.word_at(suffix[1] + 2)):
                day_end = int(following.text)
                if day_end <= day:
                    return None
                cursor = suffix[1] + 2
        alt_days = self._bracket_days(cursor)
        if alt_days is not None:
            cursor = alt_days[2] + 1
        if self.is_punct(cursor, "-") and month_of(self.word_at(cursor + 1)) is not None and self.adjacent(cursor, cursor + 1):
            cursor += 1  # "16-желтоқсанында", "22-маусымда": a hyphen between the day and the month
        if not self.adjacent(cursor - 1, cursor):
            return None
        word = self.word_at(cursor)
        found = month_of(word) if word else None
        if found is None:
            return None
        if alt_days is not None:
            point.alt = (alt_days[0], alt_days[1], None, None)
        if not 1 <= day <= 31 or (day_end is not None and day_end > 31):
            return None
        point.day, point.day_end = day, day_end
        point.explicit.add("day")
        return self._month(cursor, point, inherit, bare=False)

    def _month(self, index: int, point: _Point, inherit: _Point | None, bare: bool) -> _Point | None:
        """Parse a month word with what may follow: айы, a second month, a day, a part, a bracket."""
        token = self.tokens[index]
        month, ending = month_of(token.text)
        following = self.word_at(index + 1)
        if point.day is None and following.startswith(MONTH_WORD_AFTER_EXCLUDES):
            return None  # "Қазан төңкерісі", "Желтоқсан оқиғасы": names of events
        if month == 10 and ending in ("_", "ы", "і") and point.day is None and point.year is None and not following.startswith("ай"):
            return None  # "қазан" alone is a cauldron or the city
        point.month = month
        point.role = _case_role(ending)
        point.last = index
        point.explicit.add("month")
        cursor = index + 1
        if self.is_punct(cursor, "-") and point.day is None:
            second = month_of(self.word_at(cursor + 1))
            if second is not None and self.adjacent(cursor, cursor + 1):
                point.month_end = second[0]
                point.role = _case_role(second[1])
                point.last = cursor + 1
                cursor += 2
        word = self.word_at(cursor)
        if word.startswith("ай") and word in (
            "ай", "айы", "айында", "айынан", "айына", "айының", "айлары", "айларында", "айларынан",
            "айларына", "айда", "айдан", "айға", "айындағы", "айларындағы", "айларының",
        ):
            point.role = _case_role(word[2:].removeprefix("лар"))
            point.last = cursor
            cursor += 1
        elif bare and token.raw[0].isupper() and point.day is None and point.month_end is None:
            if not self._opens_sentence_in_locative(index, month, ending):
                return None  # "Желтоқсандағы съезі", "Ақпан төңкерісі": a name, not a date
        if point.day is not None and self.word_at(cursor) == "қараған" and self.word_at(cursor + 1) in NIGHT_WORDS:
            point.night = True  # "2-3 наурызға қараған түні", "3 наурызға қараған түні"
            point.role = "loc"
            point.last = cursor + 1
            cursor += 2
        if point.role == "gen" and point.day is None:
            dated = self._genitive_day(cursor, point)
            if dated is not None:
                return dated
            if point.year is None:
                if self.context_year is None:
                    return None
                point.year = self.context_year
                point.year_from_context = True
            return self._part(cursor, point)
        if point.day is not None and point.alt is None:
            self._alt_bracket(cursor, point)
        if point.year is None and point.day is not None and ending == "_" and inherit is None:
            self._trailing_year(point.last + 1, point)  # "16 желтоқсан 1991 ж.": the year after the day
        if point.year is None:
            source = inherit if inherit is not None and inherit.year is not None else None
            if source is not None:
                point.year = source.year_end or source.year
            elif self.context_year is not None:
                point.year = self.context_year
                point.year_from_context = True
            else:
                return None
        return point

    def _opens_sentence_in_locative(self, index: int, month: int, ending: str) -> bool:
        """Tell whether a capitalized month opens a sentence in the locative: "Қарашада жарлық шықты"."""
        if month == 10 or ending not in ("да", "де", "та", "те"):
            return False  # "Қазанда" at a sentence start is the city far more often than October
        previous = self.tok(index - 1)
        return previous is None or (previous.kind == "punct" and previous.text in ".!?")

    def _trailing_year(self, index: int, point: _Point) -> None:
        """Read "1991 ж." or "1945 жылы" right after a nominative day and month."""
        token = self.tok(index)
        if token is None or token.kind != "num" or len(token.text) != 4 or not 1000 <= int(token.text) <= 2100:
            return
        word = self.word_at(index + 1)
        if word == "ж" and self.is_punct(index + 2, "."):
            last = index + 2
        elif _is_year_word(word) and not word.startswith(("жылдар", "жылмен")):
            last = index + 1
        else:
            return
        point.year = int(token.text)
        point.explicit.add("year")
        point.last = last

    def _genitive_day(self, cursor: int, point: _Point) -> _Point | None:
        """Parse the day after a genitive month: "наурыздың 2-нен 3-не қараған түні"."""
        token = self.tok(cursor)
        if token is None or token.kind != "num" or len(token.text) > 2:
            return None
        day = int(token.text)
        role = self._number_suffix(cursor + 1)
        if role is None:
            return None
        point.day = day
        point.explicit.add("day")
        point.role = role[0]
        point.last = role[1]
        nxt = role[1] + 1
        if point.role == "from":
            token = self.tok(nxt)
            if token is not None and token.kind == "num" and len(token.text) <= 2:
                second = self._number_suffix(nxt + 1)
                if second is not None and second[0] == "to":
                    point.day_end = int(token.text)
                    point.last = second[1]
                    if self.word_at(second[1] + 1) == "қараған" and self.word_at(second[1] + 2) in NIGHT_WORDS:
                        point.night = True
                        point.last = second[1] + 2
                    point.role = "loc"
        elif point.role == "to" and self.word_at(nxt) == "қараған" and self.word_at(nxt + 1) in NIGHT_WORDS:
            point.night = True  # "наурыздың 3-іне қараған түні": the night before 3 March
            point.role = "loc"
            point.last = nxt + 1
        if point.year is None:
            if self.context_year is None:
                return None
            point.year = self.context_year
            point.year_from_context = True
        return point

    def _number_suffix(self, index: int) -> tuple[str, int] | None:
        """Read "-нан" / " - не" / "-ы" after a number; return (role, index of the suffix)."""
        if not self.is_punct(index, "-"):
            return None
        word = self.word_at(index + 1)
        if word in ("нан", "нен", "дан", "ден", "тан", "тен"):
            return "from", index + 1
        if word in ("на", "не", "ға", "ге", "қа", "ке", "сына", "сіне", "ына", "іне"):
            return "to", index + 1
        if word in ("ы", "і", "сы", "сі", "да", "де", "та", "те", "сында", "сінде", "ында", "інде"):
            return "loc", index + 1
        return None

    def _bracket_days(self, index: int) -> tuple[int, int | None, int] | None:
        """Read "(18-26)" between the days and the month; return (day, day_end, index of ")")."""
        if not self.is_punct(index, "("):
            return None
        token = self.tok(index + 1)
        if token is None or token.kind != "num" or len(token.text) > 2:
            return None
        if self.is_punct(index + 2, ")"):
            return int(token.text), None, index + 2
        last = self.tok(index + 3)
        if self.is_punct(index + 2, "-") and last is not None and last.kind == "num" and self.is_punct(index + 4, ")"):
            return int(token.text), int(last.text), index + 4
        return None

    def _alt_bracket(self, cursor: int, point: _Point) -> None:
        """Read "(12 қараша)" or "(18-26)" after a day date: the other-style date."""
        if not self.is_punct(cursor, "("):
            return
        index = cursor + 1
        token = self.tok(index)
        if token is None or token.kind != "num" or len(token.text) > 2:
            return
        day, day_end, month, year = int(token.text), None, None, None
        index += 1
        if self.is_punct(index, "-") and self.tok(index + 1) and self.tok(index + 1).kind == "num":
            day_end = int(self.tokens[index + 1].text)
            index += 2
        found = month_of(self.word_at(index))
        if found is not None:
            month = found[0]
            index += 1
        token = self.tok(index)
        if token is not None and token.kind == "num" and len(token.text) == 4:
            year = int(token.text)
            index += 1
            if _is_year_word(self.word_at(index)) or self.word_at(index) == "ж":
                index += 1
                if self.is_punct(index, "."):
                    index += 1
        if self.is_punct(index, ")"):
            point.alt = (day, day_end, month, year)
            point.last = index

    def _decade(self, index: int, point: _Point) -> int | None:
        """Parse "20-шы жылдары", "20–шы жылдардың", "жиырмасыншы жылдары"; return the index after."""
        token = self.tokens[index]
        cursor = index + 1
        if token.kind == "word":
            if token.text not in DECADE_WORDS:
                return None
            value = DECADE_WORDS[token.text]
        else:
            value = int(token.text)
            if not (len(token.text) in (2, 4) and value % 10 == 0):
                return None
            if self.is_punct(cursor, "-"):
                cursor += 1
                if self.word_at(cursor) in ("шы", "ші", "ыншы", "інші", "сыншы", "сінші"):
                    cursor += 1
            elif len(token.text) == 4:
                return None
        word = self.word_at(cursor)
        if not word.startswith("жылдар") or word.startswith("жылдармен"):
            return None
        if value < 100:
            century_base = (self.context_year // 100 * 100) if self.context_year else 1900
            if point.century is not None:
                century_base = (point.century - 1) * 100
            value += century_base
        point.decade = value
        point.role = _case_role(word[len("жылдар") :])
        point.last = cursor
        return cursor + 1

    def _century(self, index: int, point: _Point) -> int | None:
        """Parse "XX ғасырдың", "19-ғасырда", "ХІХ ғ."; return the index after."""
        token = self.tokens[index]
        value = _roman_value(token.raw) if token.kind == "word" else int(token.text) if len(token.text) <= 2 else None
        if value is None or not 1 <= value <= 21:
            return None
        cursor = index + 1
        century_end = None
        if self.is_punct(cursor, "-") and token.kind == "word":
            following = self.tok(cursor + 1)
            end_value = _roman_value(following.raw) if following is not None and following.kind == "word" else None
            if end_value is not None and value < end_value <= 21:
                century_end = end_value  # "XV–XVI ғасырларда"
                cursor += 2
        if self.is_punct(cursor, "-"):
            cursor += 1
        word = self.word_at(cursor)
        point.century_end = century_end
        if word in ("ғ", "ғғ") and self.is_punct(cursor + 1, "."):
            point.century = value
            point.last = cursor + 1
            return cursor + 2
        if not word.startswith("ғасыр"):
            return None
        point.century = value
        point.role = _case_role(word[len("ғасыр") :])
        point.last = cursor
        if point.role == "gen" and self.word_at(cursor + 1) in ("бірінші", "екінші") and self.word_at(cursor + 2).startswith("жартыс"):
            point.half = 1 if self.word_at(cursor + 1) == "бірінші" else 2
            point.last = cursor + 2
            return cursor + 3
        if point.role == "gen":
            decade = self._decade(cursor + 1, point) if self.tok(cursor + 1) else None
            if decade is not None:
                point.century = None
                return decade
        return cursor + 1

    def _part(self, cursor: int, point: _Point) -> _Point:
        """Read "басында", "орта кезінде", "аяғына", "ақырында" after a genitive period."""
        word = self.word_at(cursor)
        if word in PART_WORDS:
            point.part = PART_WORDS[word]
            point.role = "to" if word.endswith(("на", "не")) else "from" if word.endswith("нан") else "loc"
            point.last = cursor
        elif word in PART_STEMS and self.word_at(cursor + 1) in PART_KEZ:
            point.part = PART_STEMS[word]
            point.role = _case_role(self.word_at(cursor + 1))
            point.last = cursor + 1
        if point.part and self.word_at(point.last + 1) == "қарай":
            point.role = "loc"
            point.last += 1
        return point

    # -- values ----------------------------------------------------------------
    def _build(self, points: list[_Point], after: int, qualifier: str | None) -> tuple[DateMatch, int] | None:
        first, last = points[0], points[-1]
        if first.year is None and first.decade is None and first.century is None:
            return None
        start_token, end_token = self.tokens[first.first], self.tokens[max(last.last, after - 1)]
        if self.word_at(after - 1) in UNTIL_WORDS + FROM_WORDS + BETWEEN_WORDS:
            end_token = self.tokens[after - 1]
        else:
            end_token = self.tokens[last.last]
        span = (start_token.start, end_token.end)
        text_date = self.text[span[0] : span[1]]
        problem = _impossible(first) or (_impossible(last) if last is not first else None)
        year = _established_year(points)
        if problem:
            return DateMatch(span[0], span[1], None, year, f"impossible date «{text_date}»: {problem}"), after
        start, start_end, precision = _iso_range(first)
        if len(points) == 2:
            end_start, end, end_precision = _iso_range(last)
            if PRECISION_RANK[end_precision] > PRECISION_RANK[precision]:
                precision = end_precision
            if end < start:
                return None
        else:
            end = start_end
        if qualifier == "night" and precision == "day" and start == end:
            start = _day_before(start)  # "3 наурызға қараған түні" is the night of 2–3 March
        if first.part and len(points) == 1 and qualifier is None:
            qualifier = first.part
        if first.role == "to" and qualifier is None and len(points) == 1 and self.word_at(first.last + 1) in UNTIL_WORDS:
            qualifier = "until"
        calendar_style, alt_start, alt_end = "unknown", None, None
        if first.alt is not None:
            calendar_style = "old"
            alt_start, alt_end = _alt_iso(first)
        value = DateValue(
            start=start, end=end, precision=precision, text_date=text_date, qualifier=qualifier,
            calendar=calendar_style, alt_start=alt_start, alt_end=alt_end,
        )
        return DateMatch(span[0], span[1], value, year), after


def _impossible(point: _Point) -> str | None:
    if point.day is None or point.month is None:
        return None
    for day in (point.day, point.day_end):
        if day is None:
            continue
        limit = _days_in_month(point.year, point.month)
        if day < 1 or day > limit:
            return f"{MONTHS[point.month - 1]} has {limit} days"
    return None


def _days_in_month(year: int | None, month: int) -> int:
    if year is None:
        return 29 if month == 2 else calendar.monthrange(2001, month)[1]
    if month == 2 and year % 4 == 0 and year < 1918:
        return 29  # Julian leap years (1900) in pre-1918 old-style text
    return calendar.monthrange(year, month)[1]


def _day_before(iso: str) -> str:
    year, month, day = map(int, iso.split("-"))
    return (datetime.date(year, month, day) - datetime.timedelta(days=1)).isoformat()


def _established_year(points: list[_Point]) -> int | None:
    for point in reversed(points):
        if point.year is not None:
            return point.year
    return None


def _iso_range(point: _Point) -> tuple[str, str, str]:
    """Return (start, end, precision) of one point."""
    if point.century is not None and point.decade is None:
        base = (point.century - 1) * 100
        if point.century_end:
            return f"{base:04d}", f"{point.century_end * 100 - 1:04d}", "century"
        if point.half:
            base += 50 * (point.half - 1)
            return f"{base:04d}", f"{base + 49:04d}", "century"
        return f"{base:04d}", f"{base + 99:04d}", "century"
    if point.decade is not None:
        return f"{point.decade:04d}", f"{point.decade + 9:04d}", "decade"
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


def _alt_iso(point: _Point) -> tuple[str, str]:
    day, day_end, month, year = point.alt
    month = month or point.month
    year = year or (point.year + 1 if month < point.month else point.year)
    start = f"{year:04d}-{month:02d}-{day:02d}"
    return start, f"{year:04d}-{month:02d}-{(day_end or day):02d}"


def find_dates(text: str, context_year: int | None = None) -> list[DateMatch]:
    """Find every temporal expression in ``text``, in order; ``context_year`` dates "Сол жылы"."""
    return _Parser(text, context_year).matches()


# -- formatting ----------------------------------------------------------------

MONTH_NAMES = {
    "kk": MONTHS,
    "ru_gen": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
               "сентября", "октября", "ноября", "декабря"),
    "ru": ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
           "сентябрь", "октябрь", "ноябрь", "декабрь"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}
SEASON_NAMES = {
    "kk": {3: "көктем", 6: "жаз", 9: "күз", 12: "қыс"},
    "ru": {3: "весна", 6: "лето", 9: "осень", 12: "зима"},
    "en": {3: "spring", 6: "summer", 9: "autumn", 12: "winter"},
}
QUALIFIER_FORMS = {
    "kk": {"from": "{} бастап", "until": "{} дейін", "beginning": "{} басы", "middle": "{} ортасы",
           "end": "{} аяғы", "night": "{} қараған түні"},
    "ru": {"from": "с {}", "until": "до {}", "beginning": "начало {}", "middle": "середина {}",
           "end": "конец {}", "night": "в ночь на {}"},
    "en": {"from": "from {}", "until": "until {}", "beginning": "early {}", "middle": "mid {}",
           "end": "late {}", "night": "night of {}"},
}
NDASH = "–"
# The case a Kazakh qualifier governs, and each month's and season's form in it (KAZAKH.md §1 table):
# "1997 ж. 10 желтоқсаннан бастап", "1918 ж. көктеміне дейін", "1918 ж. сәуірдің басы", "2–3 наурызға қараған түні".
QUALIFIER_CASE = {"from": "ablative", "until": "dative", "night": "dative",
                  "beginning": "genitive", "middle": "genitive", "end": "genitive"}
KK_FORMS = {
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


def _parts(iso: str) -> tuple[int, int | None, int | None]:
    pieces = [int(piece) for piece in iso.split("-")]
    return pieces[0], (pieces[1] if len(pieces) > 1 else None), (pieces[2] if len(pieces) > 2 else None)


def _roman(number: int) -> str:
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            out += letters
            number -= value
    return out


def _year_text(year: int, lang: str, plural: bool = False) -> str:
    if lang == "kk":
        return f"{year} {'жж.' if plural else 'ж.'}"
    if lang == "ru":
        return f"{year} {'гг.' if plural else 'г.'}"
    return str(year)


def _day_month(day: int, day_end: int | None, month: int, lang: str) -> str:
    days = f"{day}{NDASH}{day_end}" if day_end and day_end != day else str(day)
    if lang == "kk":
        return f"{days} {MONTHS[month - 1]}"
    if lang == "ru":
        return f"{days} {MONTH_NAMES['ru_gen'][month - 1]}"
    return f"{days} {MONTH_NAMES['en'][month - 1]}"


def _with_year(body: str, year: int, lang: str) -> str:
    if lang == "kk":
        return f"{_year_text(year, lang)} {body}"
    return f"{body} {_year_text(year, lang)}"


def _format_span(start: str, end: str, precision: str, lang: str) -> str:
    sy, sm, sd = _parts(start)
    ey, em, ed = _parts(end)
    if start.count("-") != end.count("-"):
        first, last = (_format_span(iso, iso, _precision_of(iso), lang) for iso in (start, end))
        return f"{first} {NDASH} {last}"
    if precision == "century" and sm is None:
        return _format_centuries(sy, ey, lang)
    if precision == "decade" and ey - sy == 9 and sy % 10 == 0:
        return {"kk": f"{sy} жж.", "ru": f"{sy}-е гг.", "en": f"{sy}s"}[lang]
    if sm is None:
        if sy == ey:
            return _year_text(sy, lang)
        return {"kk": f"{sy}{NDASH}{ey} жж.", "ru": f"{sy}{NDASH}{ey} гг.", "en": f"{sy}{NDASH}{ey}"}[lang]
    if precision == "season" and sd is None and em is not None and (em - sm) % 12 == 2 and sm in SEASON_NAMES[lang]:
        if sm == 12:  # a winter spans two years: "1943–1944 жж. қысы", "зима 1943/44 г."
            return {"kk": f"{sy}{NDASH}{sy + 1} жж. қысы", "ru": f"зима {sy}/{(sy + 1) % 100:02d} г.",
                    "en": f"winter {sy}/{(sy + 1) % 100:02d}"}[lang]
        return _with_year(SEASON_NAMES[lang][sm], sy, lang)
    seasons = _season_span(sy, sm, ey, em, lang) if precision == "season" and sd is None else None
    if seasons is not None:
        return seasons
    if sd is None:
        names = MONTH_NAMES["kk" if lang == "kk" else "ru" if lang == "ru" else "en"]
        if (sy, sm) == (ey, em):
            return _with_year(names[sm - 1], sy, lang)
        if sy == ey:
            return _with_year(f"{names[sm - 1]}{NDASH}{names[em - 1]}", sy, lang)
        return f"{_with_year(names[sm - 1], sy, lang)} {NDASH} {_with_year(names[em - 1], ey, lang)}"
    ed = ed if ed is not None else sd
    em = em if em is not None else sm
    if (sy, sm) == (ey, em):
        return _with_year(_day_month(sd, ed, sm, lang), sy, lang)
    if sy == ey:
        return _with_year(f"{_day_month(sd, None, sm, lang)} {NDASH} {_day_month(ed, None, em, lang)}", sy, lang)
    return f"{_with_year(_day_month(sd, None, sm, lang), sy, lang)} {NDASH} {_with_year(_day_month(ed, None, em, lang), ey, lang)}"


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _format_centuries(first_year: int, last_year: int, lang: str) -> str:
    """Format a century, a half of one ("XIX ғ. екінші жартысы") or a run of centuries ("XV–XVI ғғ.")."""
    first, last = first_year // 100 + 1, last_year // 100 + 1
    if first != last:
        return {"kk": f"{_roman(first)}{NDASH}{_roman(last)} ғғ.", "ru": f"{_roman(first)}{NDASH}{_roman(last)} вв.",
                "en": f"{_ordinal(first)}{NDASH}{_ordinal(last)} centuries"}[lang]
    if last_year - first_year == 49:
        half = 1 if first_year % 100 == 0 else 2
        return {"kk": f"{_roman(first)} ғ. {('бірінші', 'екінші')[half - 1]} жартысы",
                "ru": f"{('первая', 'вторая')[half - 1]} половина {_roman(first)} в.",
                "en": f"{('first', 'second')[half - 1]} half of the {_ordinal(first)} century"}[lang]
    return {"kk": f"{_roman(first)} ғ.", "ru": f"{_roman(first)} в.", "en": f"{_ordinal(first)} century"}[lang]


def _season_span(sy: int, sm: int, ey: int, em: int, lang: str) -> str | None:
    """Format a run of seasons ("1942 ж. көктем–жаз"); None when the months are not season bounds."""
    names = SEASON_NAMES[lang]
    last_of = {5: 3, 8: 6, 11: 9, 2: 12}
    if sm not in names or em not in last_of:
        return None
    last_season = last_of[em]
    last_year = ey - 1 if last_season == 12 else ey
    if last_year == sy:
        return _with_year(f"{names[sm]}{NDASH}{names[last_season]}", sy, lang)
    return f"{_with_year(names[sm], sy, lang)} {NDASH} {_with_year(names[last_season], last_year, lang)}"


def _precision_of(iso: str) -> str:
    return ("year", "month", "day")[iso.count("-")]


def format_date(value: DateValue, lang: str = "kk") -> str:
    """Format a date for print: "1917 ж. 5–13 желтоқсан", "5–13 декабря 1917 г.", "5–13 December 1917"."""
    lang = lang if lang in ("kk", "ru", "en") else "kk"
    text = _format_span(value.start, value.end, value.precision, lang)
    if value.alt_start:
        text = _insert_alt(text, value, lang)
    if lang == "ru" and value.qualifier == "night" and value.precision == "day":
        text = _format_span(value.end, value.end, "day", lang)  # "в ночь на 3 марта 1918 г."
    if lang == "kk" and value.qualifier in QUALIFIER_CASE:
        text = _inflect_last_word(text, QUALIFIER_CASE[value.qualifier])
    if value.qualifier in QUALIFIER_FORMS[lang]:
        if lang == "ru" and value.qualifier != "night":
            text = _russian_genitive(text)
        text = QUALIFIER_FORMS[lang][value.qualifier].format(text)
    return text


_RU_GENITIVE = dict(zip(MONTH_NAMES["ru"], MONTH_NAMES["ru_gen"]))
_RU_GENITIVE.update({"весна": "весны", "лето": "лета", "осень": "осени", "зима": "зимы", "-е гг.": "-х гг."})


def _russian_genitive(text: str) -> str:
    """Put Russian month, season and decade names in the genitive ("начало апреля 1918 г.")."""
    for nominative, genitive in _RU_GENITIVE.items():
        text = re.sub(rf"(?<!\w){re.escape(nominative)}(?!\w)" if nominative[0].isalpha() else re.escape(nominative), genitive, text)
    return text


def _inflect_last_word(text: str, case: str) -> str:
    """Put a trailing Kazakh month or season name in the case its qualifier governs ("күз бастап" → "күзінен бастап")."""
    head, _, last = text.rpartition(" ")
    form = KK_FORMS[case].get(last)
    return f"{head} {form}" if form and head else form or text


def _insert_alt(text: str, value: DateValue, lang: str) -> str:
    """Add the other-style date in brackets right after the written day and month."""
    ay, am, ad = _parts(value.alt_start)
    sy, sm, sd = _parts(value.start)
    ey, em, ed = _parts(value.end)
    _, _, aed = _parts(value.alt_end or value.alt_start)
    if ad is None or am is None:
        return text
    if (am, ay) == (sm, sy) and (ey, em) == (sy, sm) and sd is not None:
        # Same month in both styles: "1917 ж. 5–13 (18–26) желтоқсан", as historians write it.
        days = f"{sd}{NDASH}{ed}" if ed and ed != sd else str(sd)
        alt_days = f"{ad}{NDASH}{aed}" if aed and aed != ad else str(ad)
        month = _day_month(1, None, sm, lang).split(" ", 1)[1]
        return _with_year(f"{days} ({alt_days}) {month}", sy, lang)
    alt = _day_month(ad, aed, am, lang) if am != sm else (f"{ad}{NDASH}{aed}" if aed and aed != ad else str(ad))
    if ay != sy:
        alt = _with_year(_day_month(ad, aed, am, lang), ay, lang)
    written = _format_span(value.start, value.end, value.precision, lang)
    if lang == "kk":
        return f"{written} ({alt})"
    year_suffix = " " + _year_text(sy, lang)
    if written.endswith(year_suffix):
        return f"{written[: -len(year_suffix)]} ({alt}){year_suffix}"
    return f"{written} ({alt})"


def sort_key(value: DateValue) -> tuple:
    """Order dates by start; at the same start the less precise (wider) date first."""
    return (value.start[:4], value.start, -PRECISION_RANK.get(value.precision, 3), value.end)


__all__ = ["DateMatch", "find_dates", "format_date", "month_of", "normalize", "sort_key"]

