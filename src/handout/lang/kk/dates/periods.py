"""Periods longer than a year in Kazakh prose: decades, centuries, their halves and quarters, parts of a period.

"20-шы жылдары", "ХІХ ғасырдың 20-30-жылдарында", "XV–XVI ғасырларда", "14-15 ғғ.", "XVғ.",
"15 ғ. 2 жартысында", "XIX ғасырдың бірінші ширегінде", "20–шы жылдардың аяқ кезінде".
"""

from __future__ import annotations

import re

from .tokens import (
    DECADE_WORDS,
    HALF_WORDS,
    PART_KEZ,
    PART_STEMS,
    PART_WORDS,
    QUARTER_WORDS,
    Point,
    TokenCursor,
    case_role,
    roman_value,
)

ORDINAL_SUFFIXES = ("шы", "ші", "ыншы", "інші", "сыншы", "сінші")
_GLUED_CENTURY = re.compile(r"^(?P<roman>[ivxlcхі]+)(?P<mark>ғғ|ғ)$")  # "XVғ." with the space lost


class PeriodRules(TokenCursor):
    """Decade, century and part-of-period rules; mixed into the point rules."""

    context_year: int | None
    context_century: int | None = None

    def _decade(self, index: int, point: Point) -> int | None:
        """Parse "20-шы жылдары", "20–шы жылдардың", "20-30-жылдары", "жиырмасыншы жылдары"; return the index after."""
        token = self.tokens[index]
        cursor = index + 1
        value_end = None
        if token.kind == "word":
            if token.text not in DECADE_WORDS:
                return None
            value = DECADE_WORDS[token.text]
        else:
            value = int(token.text)
            if not (len(token.text) in (2, 4) and value % 10 == 0):
                return None
            following = self.tok(cursor + 1)
            if (len(token.text) == 2 and self.is_punct(cursor, "-") and following is not None and following.kind == "num"
                    and len(following.text) == 2 and int(following.text) % 10 == 0 and int(following.text) > value):
                value_end = int(following.text)  # "20-30-жылдарында", "70-80-ші жылдарда"
                cursor += 2
            if self.is_punct(cursor, "-"):
                cursor += 1
                if self.word_at(cursor) in ORDINAL_SUFFIXES:
                    cursor += 1
            elif len(token.text) == 4:
                return None
        word = self.word_at(cursor)
        if not word.startswith("жылдар") or word.startswith("жылдармен"):
            return None
        if value < 100:
            century_base = (self.context_year // 100 * 100) if self.context_year else 1900
            if self.context_century is not None:
                century_base = self.context_century
            if point.century is not None:
                century_base = (point.century - 1) * 100
            value += century_base
            value_end = value_end + century_base if value_end is not None else None
        point.decade, point.decade_end = value, value_end
        point.role = case_role(word[len("жылдар") :])
        point.last = cursor
        return cursor + 1

    def _century_number(self, index: int) -> tuple[int, bool] | None:
        """Return (value, glued to ғ) for a Roman or Arabic century number at ``index``."""
        token = self.tok(index)
        if token is None:
            return None
        if token.kind == "num":
            return (int(token.text), False) if len(token.text) <= 2 and 1 <= int(token.text) <= 21 else None
        value = roman_value(token.raw)
        if value is not None:
            return value, False
        glued = _GLUED_CENTURY.match(token.text)
        if glued and (value := roman_value(glued.group("roman"))) is not None:
            return value, True
        return None

    def _century(self, index: int, point: Point) -> int | None:
        """Parse "XX ғасырдың", "19-ғасырда", "ХІХ ғ.", "XV–XVI ғасырларда", "14-15 ғғ."; return the index after."""
        found = self._century_number(index)
        if found is None:
            return None
        value, glued = found
        cursor = index + 1
        century_end = None
        if not glued and self.is_punct(cursor, "-"):
            second = self._century_number(cursor + 1)
            same_kind = second is not None and self.tokens[cursor + 1].kind == self.tokens[index].kind
            if same_kind and value < second[0] <= 21:
                century_end = second[0]  # "XV–XVI ғасырларда", "14-15 ғғ."
                cursor += 2
                glued = second[1]
        if glued:
            point.century, point.century_end = value, century_end
            point.last = cursor - 1 + (1 if self.is_punct(cursor, ".") else 0)
            return self._after_abbreviation(point)
        if self.is_punct(cursor, "-"):
            cursor += 1
        word = self.word_at(cursor)
        if word in ("ғ", "ғғ") and self.adjacent(cursor - 1, cursor):
            point.century, point.century_end = value, century_end
            point.last = cursor + (1 if self.is_punct(cursor + 1, ".") else 0)
            return self._after_abbreviation(point)
        if not word.startswith("ғасыр") or (self.tokens[index].kind == "num" and not self.adjacent(index, cursor)):
            return None
        point.century, point.century_end = value, century_end
        point.role = case_role(word[len("ғасыр") :].removeprefix("лар"))
        point.last = cursor
        if point.role == "gen":
            after = self._century_fraction(cursor + 1, point)
            if after != cursor + 1:
                return after
            decade = self._decade(cursor + 1, point) if self.tok(cursor + 1) else None
            if decade is not None:
                point.century = None
                return decade
        return cursor + 1

    def _after_abbreviation(self, point: Point) -> int:
        """After "ғ.": a half or quarter, or the decades of that century ("XVғ. 70-80-ші жылдарда")."""
        after = self._century_fraction(point.last + 1, point)
        token = self.tok(after)
        if after == point.last + 1 and point.century_end is None and token is not None and token.kind == "num":
            decade = self._decade(after, point)
            if decade is not None:
                point.century = None
                return decade
        return after

    def _century_fraction(self, cursor: int, point: Point) -> int:
        """Read "бірінші жартысы", "2 жартысында", "бірінші ширегінде" after a century; return the index after."""
        token = self.tok(cursor)
        if token is None:
            return cursor
        word = self.word_at(cursor)
        number = int(token.text) if token.kind == "num" and len(token.text) == 1 else None
        following = cursor + 1
        if number is not None and self.is_punct(following, "-") and self.word_at(following + 1) in ORDINAL_SUFFIXES:
            following += 2  # "2-ші жартысы"
        noun = self.word_at(following)
        if noun.startswith("жартыс") and (number in (1, 2) or word in HALF_WORDS):
            point.half = number or HALF_WORDS[word]
            point.role = case_role(noun[len("жартыс") :])
        elif noun.startswith(("ширег", "ширек")) and (number in (1, 2, 3, 4) or word in QUARTER_WORDS):
            point.quarter = number or QUARTER_WORDS[word]
            point.role = case_role(noun[len("ширег") :])
        else:
            return cursor
        point.last = following
        return following + 1

    def _part(self, cursor: int, point: Point) -> Point:
        """Read "басында", "орта кезінде", "аяғына", "ақырында" after a genitive period."""
        word = self.word_at(cursor)
        if word in PART_WORDS:
            point.part = PART_WORDS[word]
            point.role = "to" if word.endswith(("на", "не")) else "from" if word.endswith("нан") else "loc"
            point.last = cursor
        elif word in PART_STEMS and self.word_at(cursor + 1) in PART_KEZ:
            point.part = PART_STEMS[word]
            point.role = case_role(self.word_at(cursor + 1))
            point.last = cursor + 1
        if point.part and self.word_at(point.last + 1) == "қарай":
            point.role = "loc"
            point.last += 1
        return point
