"""How a date value is printed: one skeleton for every language, each pack's words in a subclass.

:meth:`DateFormat.format` decides the shape (a year, a range, a season, a century, a dual date,
a qualifier around it); the subclass gives the words and their order ("1917 ж. 5–13 желтоқсан",
"5–13 декабря 1917 г.", "5–13 December 1917").
"""

from __future__ import annotations

from ..model import DateValue

NDASH = "–"
SEASON_START_MONTHS = (3, 6, 9, 12)


def iso_parts(iso: str) -> tuple[int, int | None, int | None]:
    """Split "1917", "1917-12" or "1917-12-05" into (year, month or None, day or None)."""
    pieces = [int(piece) for piece in iso.split("-")]
    return pieces[0], (pieces[1] if len(pieces) > 1 else None), (pieces[2] if len(pieces) > 2 else None)


def roman(number: int) -> str:
    """Write 1–39 in Roman numerals (centuries)."""
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            out += letters
            number -= value
    return out


def _precision_of(iso: str) -> str:
    return ("year", "month", "day")[iso.count("-")]


def _days(day: int, day_end: int | None) -> str:
    return f"{day}{NDASH}{day_end}" if day_end and day_end != day else str(day)


class DateFormat:
    """The print form of dates in one language; subclasses fill in the words."""

    month_names: tuple[str, ...] = ()
    """Month names as printed with a year alone ("желтоқсан", "декабрь", "December")."""
    season_names: dict[int, str] = {}
    """Season names by their first month."""
    qualifier_forms: dict[str, str] = {}
    """Frames for from / until / by / beginning / middle / end / night, with ``{}`` for the date."""

    # -- words ------------------------------------------------------------------
    def year(self, year: int, plural: bool = False) -> str:
        raise NotImplementedError

    def day_month(self, day: int, day_end: int | None, month: int) -> str:
        raise NotImplementedError

    def with_year(self, body: str, year: int) -> str:
        """Join a day-and-month or a month to its year (the year after it, unless a pack says otherwise)."""
        return f"{body} {self.year(year)}"

    def decade(self, start_year: int) -> str:
        raise NotImplementedError

    def year_range(self, first: int, last: int) -> str:
        raise NotImplementedError

    def winter(self, year: int) -> str:
        """A winter spans two years: "1943–1944 жж. қысы", "зима 1943/44 г."."""
        raise NotImplementedError

    def centuries(self, first: int, last: int) -> str:
        raise NotImplementedError

    def century_half(self, century: int, half: int) -> str:
        raise NotImplementedError

    def century(self, century: int) -> str:
        raise NotImplementedError

    def with_alt(self, written: str, alt: str, year: int) -> str:
        """Put the other-style date in brackets before the year ("30 октября (12 ноября) 1917 г.")."""
        year_suffix = " " + self.year(year)
        if written.endswith(year_suffix):
            return f"{written[: -len(year_suffix)]} ({alt}){year_suffix}"
        return f"{written} ({alt})"

    def qualify(self, text: str, value: DateValue) -> str:
        """Wrap the printed date in its qualifier's frame ("до 1925 г.", "from 1920", "by 1925")."""
        if value.qualifier in self.qualifier_forms:
            return self.qualifier_forms[value.qualifier].format(text)
        return text

    # -- shapes -------------------------------------------------------------------
    def format(self, value: DateValue) -> str:
        """Format a date for print."""
        text = self.span(value.start, value.end, value.precision)
        if value.alt_start:
            text = self.insert_alt(text, value)
        return self.qualify(text, value)

    def span(self, start: str, end: str, precision: str) -> str:
        """Format the dates from ``start`` to ``end`` (ISO) at ``precision``."""
        sy, sm, sd = iso_parts(start)
        ey, em, ed = iso_parts(end)
        if start.count("-") != end.count("-"):
            first, last = (self.span(iso, iso, _precision_of(iso)) for iso in (start, end))
            return f"{first} {NDASH} {last}"
        if precision == "century" and sm is None:
            return self._centuries(sy, ey)
        if precision == "decade" and ey - sy == 9 and sy % 10 == 0:
            return self.decade(sy)
        if sm is None:
            return self.year(sy) if sy == ey else self.year_range(sy, ey)
        if precision == "season" and sd is None and em is not None and (em - sm) % 12 == 2 and sm in self.season_names:
            return self.winter(sy) if sm == 12 else self.with_year(self.season_names[sm], sy)
        seasons = self._season_span(sy, sm, ey, em) if precision == "season" and sd is None else None
        if seasons is not None:
            return seasons
        if sd is None:
            names = self.month_names
            if (sy, sm) == (ey, em):
                return self.with_year(names[sm - 1], sy)
            if sy == ey:
                return self.with_year(f"{names[sm - 1]}{NDASH}{names[em - 1]}", sy)
            return f"{self.with_year(names[sm - 1], sy)} {NDASH} {self.with_year(names[em - 1], ey)}"
        ed = ed if ed is not None else sd
        em = em if em is not None else sm
        if (sy, sm) == (ey, em):
            return self.with_year(self.day_month(sd, ed, sm), sy)
        if sy == ey:
            return self.with_year(f"{self.day_month(sd, None, sm)} {NDASH} {self.day_month(ed, None, em)}", sy)
        return f"{self.with_year(self.day_month(sd, None, sm), sy)} {NDASH} {self.with_year(self.day_month(ed, None, em), ey)}"

    def _centuries(self, first_year: int, last_year: int) -> str:
        """A century, a half of one ("XIX ғ. екінші жартысы") or a run of centuries ("XV–XVI ғғ.")."""
        first, last = first_year // 100 + 1, last_year // 100 + 1
        if first != last:
            return self.centuries(first, last)
        if last_year - first_year == 49:
            return self.century_half(first, 1 if first_year % 100 == 0 else 2)
        return self.century(first)

    def _season_span(self, sy: int, sm: int, ey: int, em: int) -> str | None:
        """A run of seasons ("1942 ж. көктем–жаз"); None when the months are not season bounds."""
        names = self.season_names
        last_of = {5: 3, 8: 6, 11: 9, 2: 12}
        if sm not in names or em not in last_of:
            return None
        last_season = last_of[em]
        last_year = ey - 1 if last_season == 12 else ey
        if last_year == sy:
            return self.with_year(f"{names[sm]}{NDASH}{names[last_season]}", sy)
        return f"{self.with_year(names[sm], sy)} {NDASH} {self.with_year(names[last_season], last_year)}"

    def insert_alt(self, text: str, value: DateValue) -> str:
        """Add the other-style date in brackets right after the written day and month."""
        ay, am, ad = iso_parts(value.alt_start)
        sy, sm, sd = iso_parts(value.start)
        ey, em, ed = iso_parts(value.end)
        _, _, aed = iso_parts(value.alt_end or value.alt_start)
        if ad is None or am is None:
            return text
        if (am, ay) == (sm, sy) and (ey, em) == (sy, sm) and sd is not None:
            # Same month in both styles: "1917 ж. 5–13 (18–26) желтоқсан", as historians write it.
            month = self.day_month(1, None, sm).split(" ", 1)[1]
            return self.with_year(f"{_days(sd, ed)} ({_days(ad, aed)}) {month}", sy)
        alt = self.day_month(ad, aed, am) if am != sm else _days(ad, aed)
        if ay != sy:
            alt = self.with_year(self.day_month(ad, aed, am), ay)
        written = self.span(value.start, value.end, value.precision)
        return self.with_alt(written, alt, sy)


__all__ = ["DateFormat", "NDASH", "iso_parts", "roman"]
