"""One date point of Kazakh prose: a year, a day and month, a season, a decade, a century, a part of a period.

Each rule starts at a token index, fills a :class:`Point` and returns where it ended; the
phrase level (:mod:`.parser`) joins points into ranges.
"""

from __future__ import annotations

from .periods import PeriodRules
from .tokens import (
    ABBREVIATION_ENDINGS,
    AFTER_WORDS,
    CITATION_PLACES,
    CONTEXT_WORDS,
    COUNT_WORDS,
    DAY_ORDINAL_ENDINGS,
    DECADE_WORDS,
    HALF_WORDS,
    MONTH_WORD_AFTER_EXCLUDES,
    NIGHT_WORDS,
    ROMAN_FIRST_LETTERS,
    SEASON_PART_WORDS,
    THIS_YEAR_WORDS,
    THREE_DIGIT_YEAR_WORDS,
    YEAR_GENITIVE_SUFFIXES,
    Point,
    case_role,
    is_year_word,
    month_of,
    season_of,
)


class PointRules(PeriodRules):
    """The rules for one date point; ``context_year`` dates "Сол жылы" and a bare "17 тамызда"."""

    context_year: int | None
    dateline_year: int | None = None
    """The year of a dateline ("25 Қазан, 2011", "29.10.2023") seen in this text: what "биыл" means."""

    def point(self, index: int, inherit: Point | None = None) -> Point | None:
        """Parse one date point starting at ``index``."""
        token = self.tok(index)
        if token is None:
            return None
        point = Point(index, index)
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
                return self._numeric_date(index, point) or self._day_month(index, point, inherit)
            return None
        if token.kind == "word":
            if token.text in THIS_YEAR_WORDS:
                return self._this_year(index, point)
            if token.text in DECADE_WORDS:
                got = self._decade(index, point)
                return self._part(got, point) if got is not None else None
            if token.text[0] in ROMAN_FIRST_LETTERS and self._century_number(index) is not None:
                got = self._century(index, point)
                return self._part(got, point) if got is not None else None
            if month_of(token.text) is not None:
                return self._month(index, point, inherit, bare=True)
            if inherit is not None and inherit.year is not None and season_of(token.text) is not None:
                point.year = inherit.year_end or inherit.year  # "көктемінен күзіне дейін", "көктемі мен жазында"
                return self._season(index, point)
        return None

    def _year(self, index: int, point: Point) -> int | None:
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
            if not (is_year_word(word) and not word.startswith("жылдар")):
                return None
        else:
            if not (3 <= len(token.text) <= 4) or not 100 <= int(token.text) <= 2100:
                return None
            year = int(token.text)
            cursor = self._year_end(index, point)
            if self.is_punct(cursor, "-") and self.adjacent(cursor, cursor + 1):
                following = self.word_at(cursor + 1)
                if is_year_word(following) and not following.startswith("жылдар"):
                    cursor += 1  # "1917-жылы" (the Latin-alphabet style)
                elif following in YEAR_GENITIVE_SUFFIXES and year >= 1000 and point.year_end is None:
                    point.year, point.role, point.last = year, "gen", cursor + 1  # "1986-ның желтоқсаны"
                    point.explicit.add("year")
                    return cursor + 2
            word = self.word_at(cursor)
        if token.kind == "num" and year >= 1000 and (self._bracketed(index, cursor - 1) or self._cited(index, cursor)):
            point.year = year  # "(1822)", "(1412 — 1469)", "«Атамұра» 2018"
            point.last = cursor - 1
            point.explicit.add("year")
            return cursor
        if not self.adjacent(cursor - 1, cursor):
            return None
        marked = self._abbreviation(cursor, point)
        if marked is not None:
            point.year = year
            point.explicit.add("year")
            return marked
        if not is_year_word(word):
            return None
        if year < 1000 and word not in THREE_DIGIT_YEAR_WORDS:
            return None  # "300 жылдық мерейтойы", "170 жыл толды": counts of years
        if word.startswith("жылмен") or word.startswith("жылдармен"):
            return None  # "1922 жылмен салыстырғанда" compares, it dates nothing
        if word.startswith("жылдар") and point.year_end is None and year % 10 == 0 and not point.year_from_context:
            point.decade = year
            point.role = case_role(word[len("жылдар") :])
            point.last = cursor
            return -1 - cursor  # marks a decade; handled by _after_year
        point.year = year
        point.explicit.add("year")
        ending = word[len("жылдар") :] if word.startswith("жылдар") else word[3:]
        point.role = case_role(ending)
        point.last = cursor
        return cursor + 1

    def _this_year(self, index: int, point: Point) -> Point | None:
        """Date "биыл", "биылғы" (this year) only by a dateline earlier in the same text: the year of writing."""
        if self.dateline_year is None:
            return None
        point.year = self.dateline_year
        point.year_from_context = True
        point.explicit.add("year")
        return point

    def _years_later(self, index: int, point: Point) -> int | None:
        """Parse "бір жылдан кейін", "екі жылдан соң": the context year plus a count."""
        if self.word_at(index + 1) != "жылдан" or self.word_at(index + 2) not in AFTER_WORDS:
            return None
        point.year = self.context_year + COUNT_WORDS[self.tokens[index].text]
        point.year_from_context = True
        point.explicit.add("year")
        point.last = index + 2
        return index + 3

    def _year_end(self, index: int, point: Point) -> int:
        """Read the end of "1921-1922", "1930 — 32", "563 -567", "1711/12–1780/81"; return the index after."""
        year = int(self.tokens[index].text)
        cursor = self._skip_alternative(index + 1)
        following = self.tok(cursor + 1)
        if not self.is_punct(cursor, "-") or following is None or following.kind != "num":
            return cursor
        end_text = following.text
        if len(end_text) == 2:
            year_end = year // 100 * 100 + int(end_text)
        elif len(end_text) in (3, 4) and (len(end_text) == 4 or year < 1000):
            year_end = int(end_text)
        else:
            return cursor
        after = cursor + 2
        if self.is_punct(after, "/") and self.tok(after + 1) is not None and self.tok(after + 1).kind == "num":
            late = self.tokens[after + 1].text  # "1780/81": the later of the two years
            year_end = year_end // 100 * 100 + int(late) if len(late) == 2 else int(late) if len(late) == 4 else year_end
            after += 2
        if year < year_end <= year + 300:
            point.year_end = year_end
            return after
        return cursor

    def _skip_alternative(self, cursor: int) -> int:
        """Step over "/12" in "1711/12" (one of two possible years: the first is kept as the start)."""
        following = self.tok(cursor + 1)
        if self.is_punct(cursor, "/") and following is not None and following.kind == "num" and len(following.text) in (1, 2, 4):
            return cursor + 2
        return cursor

    def _abbreviation(self, cursor: int, point: Point) -> int | None:
        """Read "ж.", "жж.", "ж.ж.", "ж-да", a glued "1959ж"; set ``point.last`` and return the index after."""
        word = self.word_at(cursor)
        if word not in ("ж", "жж"):
            return None
        last = cursor
        if self.is_punct(cursor + 1, "."):
            last = cursor + 1
            if self.word_at(cursor + 2) == "ж" and self.is_punct(cursor + 3, ".") and self.adjacent(cursor + 1, cursor + 2):
                last = cursor + 3  # "563 -567 ж.ж."
        elif self.is_punct(cursor + 1, "-") and self.word_at(cursor + 2) in ABBREVIATION_ENDINGS:
            point.role = case_role(self.word_at(cursor + 2))  # "1918 — 20 ж-да"
            last = cursor + 2
        point.last = last
        return last + 1

    def _cited(self, index: int, cursor: int) -> bool:
        """Tell whether a bare year ends a reference: "«Атамұра» 2018", "Алматы, 1993"."""
        following = self.tok(cursor)
        if following is not None and following.kind in ("word", "num") and self.adjacent(cursor - 1, cursor):
            return False
        if self.is_punct(index - 1, "»"):
            return True
        return self.is_punct(index - 1, ",") and self.word_at(index - 2) in CITATION_PLACES

    def _bracketed(self, first: int, last: int) -> bool:
        return self.is_punct(first - 1, "(") and self.is_punct(last + 1, ")")

    def _after_year(self, cursor: int, point: Point) -> Point:
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
        if word in SEASON_PART_WORDS and season_of(self.word_at(cursor + 1)) is not None and role_of_year != "from":
            return self._season(cursor + 1, point)  # "1458 жылдың ерте көктемінде": the whole spring
        season = season_of(word) if word else None
        if season is not None and role_of_year != "from":
            return self._season(cursor, point)
        if role_of_year == "gen" and word in HALF_WORDS and self.word_at(cursor + 1).startswith("жартыс"):
            half = HALF_WORDS[word]  # "1916 жылдың екінші жартысында": July–December
            point.month, point.month_end = (1, 6) if half == 1 else (7, 12)
            point.role = case_role(self.word_at(cursor + 1)[len("жартыс"):])
            point.last = cursor + 1
            return point
        if role_of_year == "gen":
            return self._part(cursor, point)
        return point

    def _season(self, cursor: int, point: Point) -> Point:
        name, ending = season_of(self.word_at(cursor))
        point.season = name
        point.role = case_role(ending)
        point.last = cursor
        follower = season_of(self.word_at(cursor + 1))
        if ending in ("гі", "ғы", "қы", "кі") and follower is not None and follower[1] in ("гі", "ғы", "қы", "кі"):
            point.season_end = follower[0]  # "көктемгі жазғы шабуылы": spring-summer
            point.last = cursor + 1
        month_word = self.word_at(point.last + 1)
        if ending == "_" and month_word in ("айы", "айында", "айының", "айынан", "айына"):
            point.role = case_role(month_word[2:])  # "1457 жылы күз айының соңында"
            point.last += 1
            ending = "ың" if point.role == "gen" else ending
        if ending in ("і", "ы", "ың", "нің", "ның", "дың", "дің", "тің", "тың"):
            return self._part(point.last + 1, point)
        return point

    def _day_month(self, index: int, point: Point, inherit: Point | None) -> Point | None:
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
        elif suffix is not None and self.word_at(suffix[1]) in DAY_ORDINAL_ENDINGS and month_of(self.word_at(suffix[1] + 1)):
            cursor = suffix[1] + 1  # "1930 жылғы 4-і сәуірдегі", "5-ші наурыз"
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

    def _month(self, index: int, point: Point, inherit: Point | None, bare: bool) -> Point | None:
        """Parse a month word with what may follow: айы, a second month, a day, a part, a bracket."""
        token = self.tokens[index]
        month, ending = month_of(token.text)
        following = self.word_at(index + 1)
        if point.day is None and following.startswith(MONTH_WORD_AFTER_EXCLUDES):
            return None  # "Қазан төңкерісі", "Желтоқсан оқиғасы": names of events
        if month == 10 and ending in ("_", "ы", "і") and point.day is None and point.year is None and not following.startswith("ай"):
            return None  # "қазан" alone is a cauldron or the city
        point.month = month
        point.role = case_role(ending)
        point.last = index
        point.explicit.add("month")
        cursor = index + 1
        if self.is_punct(cursor, "-") and point.day is None:
            second = month_of(self.word_at(cursor + 1))
            if second is not None and self.adjacent(cursor, cursor + 1):
                point.month_end = second[0]
                point.role = case_role(second[1])
                point.last = cursor + 1
                cursor += 2
        word = self.word_at(cursor)
        if word.startswith("ай") and word in (
            "ай", "айы", "айында", "айынан", "айына", "айының", "айлары", "айларында", "айларынан",
            "айларына", "айда", "айдан", "айға", "айындағы", "айларындағы", "айларының",
        ):
            point.role = case_role(word[2:].removeprefix("лар"))
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

    def _trailing_year(self, index: int, point: Point) -> None:
        """Read "1991 ж.", "1945 жылы" or a dateline's bare "2012" right after a nominative day and month."""
        if self.is_punct(index, ",") and self.tok(index + 1) is not None and self.tok(index + 1).kind == "num":
            index += 1  # "25 Қазан, 2011 сағат 05:12"
        token = self.tok(index)
        if token is None or token.kind != "num" or len(token.text) != 4 or not 1000 <= int(token.text) <= 2100:
            return
        word = self.word_at(index + 1)
        if word == "ж" and self.is_punct(index + 2, "."):
            last = index + 2
        elif is_year_word(word) and not word.startswith(("жылдар", "жылмен")):
            last = index + 1
        elif word.startswith("жыл") or not self._ends_dateline(index):
            return  # "20 мамыр 1500 адам": a count after the date, not its year
        else:
            last = index  # "9 Қараша 2012, 04:07", "16 қазан 2012": a dateline
            self.dateline_year = int(token.text)
        point.year = int(token.text)
        point.explicit.add("year")
        point.last = last

    def _ends_dateline(self, index: int) -> bool:
        """Tell whether the number at ``index`` can end a dateline: then a comma, a line end, "сағат" or a label."""
        following = self.tok(index + 1)
        if following is None or "\n" in self.gap(index, index + 1):
            return True
        if following.kind == "punct":
            return following.text in ",.;:)|-"
        return following.kind == "word" and (following.text == "сағат" or following.raw[0].isupper())

    def _numeric_date(self, index: int, point: Point) -> Point | None:
        """Parse "29.10.2023", "05.12.1936" (day, month, year with full stops and no spaces)."""
        if not (self.is_punct(index + 1, ".") and self.is_punct(index + 3, ".")) or self.tok(index + 4) is None:
            return None
        parts = self.tokens[index : index + 5]
        day, month, year = parts[0], parts[2], parts[4]
        if not (day.kind == month.kind == year.kind == "num" and len(day.text) <= 2 and len(month.text) == 2 and len(year.text) == 4):
            return None
        if self.text[day.start : year.end] != f"{day.raw}.{month.raw}.{year.raw}" or not 1 <= int(month.text) <= 12:
            return None
        following = self.tok(index + 5)
        if following is not None and (following.kind == "num" or self.is_punct(index + 5, ".")) and self.adjacent(index + 4, index + 5):
            return None  # "1.10.2023.5" is a version or a code, not a date
        if not 1000 <= int(year.text) <= 2100 or not 1 <= int(day.text) <= 31:
            return None
        point.day, point.month, point.year = int(day.text), int(month.text), int(year.text)
        self.dateline_year = point.year
        point.explicit.update(("day", "month", "year"))
        point.last = index + 4
        return point

    def _genitive_day(self, cursor: int, point: Point) -> Point | None:
        """Parse the day after a genitive month: "наурыздың 2-нен 3-не қараған түні"."""
        token = self.tok(cursor)
        if token is None or token.kind != "num" or len(token.text) > 2:
            return None
        day = int(token.text)
        role = self._number_suffix(cursor + 1)
        if role is None and self.word_at(cursor + 1).startswith("жұлдыз") and 1 <= day <= 31:
            role = (case_role(self.word_at(cursor + 1)[len("жұлдыз"):]), cursor + 1)  # "тамыздың 23 жұлдызында"
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
        if word in ("ы", "і", "сы", "сі", "ші", "шы", "інші", "ыншы", "да", "де", "та", "те", "сында", "сінде", "ында", "інде"):
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

    def _alt_bracket(self, cursor: int, point: Point) -> None:
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
            if is_year_word(self.word_at(index)) or self.word_at(index) == "ж":
                index += 1
                if self.is_punct(index, "."):
                    index += 1
        if self.is_punct(index, ")"):
            point.alt = (day, day_end, month, year)
            point.last = index
