"""Find temporal expressions in Kazakh historical prose (the print form is in :mod:`..format`).

The grammar is a small hand-written recursive parser over word/number tokens:
a *point* is one date (year, month, day, season, decade, century, part of a
period) with the case role its last word carries (ablative = "from", dative =
"to"); a *phrase* joins one or two points into a single date, a range, a
"from"/"until" date or the night of two days.

Decisions where the sources were silent:
- An unmarked date keeps calendar ``unknown``; only a dual date ("30 қазанда
  (12 қараша)") is marked ``old`` with the bracketed date as ``alt_start``.
- Beginning/middle/end of a period keep the whole period as start/end and say
  which part in ``qualifier``; "X-ға дейін" is ``until`` and "X-ға қарай" is ``by`` ("1925 жылға
  қарай" = by 1925: the state reached then, not an event lasting until then).
- A bare month or season needs a year in the same phrase or a context year;
  a capitalized bare month ("Желтоқсандағы съезі", "Қазан төңкерісі") is not a date.

Modules: :mod:`.tokens` (words, endings, tokenizer), :mod:`.points` (one date point),
:mod:`.parser` (phrases: ranges, from/until, nights), :mod:`.values` (ISO values).
"""

from .parser import find_dates
from .tokens import MONTHS, month_of, normalize

__all__ = ["MONTHS", "find_dates", "month_of", "normalize"]
