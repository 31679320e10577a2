"""The phrase level of the Kazakh date grammar: one or two points make a date, a range, "from", "until" or a night."""

from __future__ import annotations

import dataclasses

from ....model import DateValue
from ...dates import PRECISION_RANK, DateMatch
from .points import PointRules
from .tokens import BC_MARKS, BETWEEN_WORDS, BY_WORDS, CONTEXT_WORDS, COUNT_WORDS, FROM_WORDS, UNTIL_WORDS, Point, month_of
from .values import alt_iso, day_before, established_year, impossible, iso_range


_COORDINATORS = ("және", "немесе", "не", "мен", "бен", "пен", "я", "әлде")
"""Words that join a bare year to the dated one after it."""


class Parser(PointRules):
    """Parse date phrases from a token list; one instance per text."""

    def __init__(self, text: str, context_year: int | None):
        super().__init__(text)
        self.context_year = context_year
        self.context_century: int | None = None
        """The century a bare "60-жылдар" falls in when the last date was a century ("XIX ғасырда … 60-жылдары")."""

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
            if self._before_our_era(index):
                index = self._past_bc_range(next_index)  # BC dates are not dated, nor the AD end of a BC range
                continue
            if self._restated(index, next_index):
                index = next_index  # "Алты жылдан кейін, 1961 жылғы 12 сәуірде": the explicit date says it
                continue
            listed = self._coordinated_years(index, match, found[-1].end if found else 0)
            between = self.word_at(next_index) in BETWEEN_WORDS or self.word_at(next_index - 1) in BETWEEN_WORDS
            if len(listed) == 1 and between and self.word_at(index - 1) in ("мен", "бен", "пен"):
                match = self._between_years(listed[0], match)  # "1921 мен 1922 жылдар аралығында": one range
            else:
                found.extend(listed)
            found.append(match)
            if match.year is not None:
                self.context_year, self.context_century = match.year, None
            elif match.value is not None and match.value.precision == "century" and match.value.start[2:] == "00":
                if int(match.value.end) - int(match.value.start) == 99:
                    self.context_century = int(match.value.start)
            index = next_index
        return found

    def _coordinated_years(self, index: int, match: DateMatch, free_from: int) -> list[DateMatch]:
        """Bare years listed before a dated year: "1650 немесе 1651 жылға", "1921 және 1931-1933 жылдар".

        Only the last year of the list carries "жыл", so the others are read with it; a bare year
        range ("1920-1921 және 1931 жылдары") stays a range. Only before a year-precision phrase.
        """
        value = match.value
        if value is None or value.precision != "year" or self.tokens[index].kind != "num":
            return []
        years: list[DateMatch] = []
        cursor = index - 1
        while self.word_at(cursor) in _COORDINATORS or self.is_punct(cursor, ","):
            end = self.tok(cursor - 1)
            if end is None or end.kind != "num" or len(end.text) != 4 or not 1000 <= int(end.text) <= 2100 or end.start < free_from:
                break
            start, first = end, cursor - 1
            before = self.tok(cursor - 3)
            if self.is_punct(cursor - 2, "-") and before is not None and before.kind == "num" and len(before.text) == 4 \
                    and before.start >= free_from and int(before.text) < int(end.text):
                start, first = before, cursor - 3
            text_date = self.text[start.start:end.end]
            years.insert(0, DateMatch(start.start, end.end, DateValue(start=start.text, end=end.text, precision="year",
                                                                      text_date=text_date), int(end.text)))
            cursor = first - 1
        return years

    def _between_years(self, first: DateMatch, last: DateMatch) -> DateMatch:
        value = dataclasses.replace(last.value, start=first.value.start, text_date=self.text[first.start:last.end])
        return DateMatch(first.start, last.end, value, last.year)

    def _before_our_era(self, index: int) -> bool:
        """Tell whether "б.з.б." (before our era) governs the date at ``index``: "б.з.б. VIII – III ғасырлар"."""
        cursor, steps = index - 1, 0
        while steps < 4 and cursor >= 0 and (self.is_punct(cursor, "-") or self.tokens[cursor].kind == "num"
                                             or self._century_number(cursor) is not None):
            cursor, steps = cursor - 1, steps + 1
        if self.is_punct(cursor, "."):
            cursor -= 1
        if self._abbreviation_letters(cursor) in BC_MARKS:
            return True
        return (self.word_at(cursor), self.word_at(cursor - 1)) in (("бұрынғы", "заманымыздан"), ("дейінгі", "заманымызға"))

    def _abbreviation_letters(self, last: int) -> tuple[str, ...]:
        """Return the letters of a dotted abbreviation ending at token ``last`` ("б.з.б" → ("б", "з", "б"))."""
        letters = []
        cursor = last
        while len(letters) < 3 and cursor >= 0 and self.tokens[cursor].kind == "word" and len(self.tokens[cursor].text) == 1:
            letters.insert(0, self.tokens[cursor].text)
            if not self.is_punct(cursor - 1, "."):
                break
            cursor -= 2
        return tuple(letters)

    def _past_bc_range(self, next_index: int) -> int:
        """Return the index after a BC date and the AD end of its range ("б.з.б ІІІ ғ - б.з. ІV ғ.")."""
        if not self.is_punct(next_index, "-"):
            return next_index
        cursor = next_index + 1
        if self.word_at(cursor) == "б" and self.is_punct(cursor + 1, ".") and self.word_at(cursor + 2) == "з":
            cursor += 4 if self.is_punct(cursor + 3, ".") else 3  # "б.з." (our era)
        result = self.phrase(cursor)
        return result[1] if result is not None else next_index

    def _restated(self, index: int, next_index: int) -> bool:
        """Tell whether a year counted from context is restated by an explicit year right after it."""
        if self.tokens[index].kind != "word" or self.word_at(index) not in CONTEXT_WORDS.keys() | COUNT_WORDS.keys():
            return False
        cursor = next_index + 1 if self.is_punct(next_index, ",") else next_index
        following = self.tok(cursor)
        return following is not None and following.kind == "num" and self._year(cursor, Point(cursor, cursor)) is not None

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
            qualifier = "by" if self.word_at(after) in BY_WORDS else "until"
            after += 1
            second = self.point(after + 1) if self.is_punct(after, "-") else None
            if second is not None and second.year is not None and second.year > first.year and "year" in second.explicit:
                points.append(second)  # "(… 1635 жылға дейін - 1715 жылдың жазы/күзі)": born by 1635, died 1715
                after, qualifier = second.last + 1, None
                if second.season and (self.is_punct(after, "/") or self.word_at(after) in ("немесе", "не")):
                    other = self.point(after + 1, inherit=second)
                    if other is not None and other.season and other.year == second.year:
                        points.append(other)
                        after = other.last + 1
        elif self.is_punct(after, "-") or self.word_at(after) in ("мен", "және"):
            second = self.point(after + 1, inherit=first)
            if second is not None and self._joins(first, second):
                points.append(second)
                after = second.last + 1
                if self.word_at(after) in BETWEEN_WORDS:
                    after += 1
        elif first.season and (self.is_punct(after, "/") or self.word_at(after) in ("немесе", "не")):
            second = self.point(after + 1, inherit=first)  # "1715 жылдың жазы/күзі": summer or autumn, both spanned
            if second is not None and second.season and second.year == first.year:
                points.append(second)
                after = second.last + 1
        if qualifier is None and any(point.night for point in points):
            qualifier = "night"
        return self._build(points, after, qualifier)

    def _single(self, point: Point, after: int, qualifier: str | None):
        return self._build([point], after, qualifier)

    def _range_end(self, index: int, first: Point) -> Point | None:
        if self.is_punct(index, "-"):
            index += 1
        second = self.point(index, inherit=first)
        if second is None:
            return None
        if second.role == "to" or second.night:
            return second
        return None

    def _range_end_after_clause(self, index: int, first: Point) -> Point | None:
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

    def _joins(self, first: Point, second: Point) -> bool:
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
        if first.century and second.century and first.decade is None and second.decade is None:
            # "XV ғасыр — XVIII ғасырдың бірінші жартысы", "XV ғасырдың ортасы мен XIX ғасырдың бірінші ширегі"
            return iso_range(second)[0] > iso_range(first)[0]
        if first.day and second.day and first.month and second.month and self.is_punct(first.last + 1, "-"):
            found = month_of(self.word_at(first.last))
            if found is not None and found[1] == "_":
                return True  # "27 қазан – 3 қарашада": a nominative day and month before the dash
        both_dated = first.year is not None and second.year is not None and "year" in second.explicit
        if both_dated and (first.month or first.part or first.season) and (second.month or second.part or second.season):
            return True
        return False

    # -- points ----------------------------------------------------------------

    # -- values ----------------------------------------------------------------
    def _build(self, points: list[Point], after: int, qualifier: str | None) -> tuple[DateMatch, int] | None:
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
        problem = impossible(first) or (impossible(last) if last is not first else None)
        year = established_year(points)
        if problem:
            return DateMatch(span[0], span[1], None, year, f"impossible date «{text_date}»: {problem}"), after
        start, start_end, precision = iso_range(first)
        if len(points) >= 2:
            end_start, end, end_precision = iso_range(last)
            if PRECISION_RANK[end_precision] > PRECISION_RANK[precision]:
                precision = end_precision
            if end < start:
                return None
        else:
            end = start_end
        if qualifier == "night" and precision == "day" and start == end:
            start = day_before(start)  # "3 наурызға қараған түні" is the night of 2–3 March
        if first.part and len(points) == 1 and qualifier is None:
            qualifier = first.part
        if first.role == "to" and qualifier is None and len(points) == 1 and self.word_at(first.last + 1) in UNTIL_WORDS:
            qualifier = "by" if self.word_at(first.last + 1) in BY_WORDS else "until"
        calendar_style, alt_start, alt_end = "unknown", None, None
        if first.alt is not None:
            calendar_style = "old"
            alt_start, alt_end = alt_iso(first)
        value = DateValue(
            start=start, end=end, precision=precision, text_date=text_date, qualifier=qualifier,
            calendar=calendar_style, alt_start=alt_start, alt_end=alt_end,
        )
        return DateMatch(span[0], span[1], value, year), after


def find_dates(text: str, context_year: int | None = None) -> list[DateMatch]:
    """Find every temporal expression in ``text``, in order; ``context_year`` dates "Сол жылы"."""
    return Parser(text, context_year).matches()
