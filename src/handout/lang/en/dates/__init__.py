"""Find temporal expressions in English historical prose (the print form is in :mod:`..format`).

:mod:`.points` finds one date point at a time with one regular expression (a day, month, season,
year, decade, century; BC points are found so that they can be skipped); :mod:`.parser` joins
points into ranges, dual Old/New Style dates and qualified dates, and dates "that same year" or
"Five years later" from the year the text last named; :mod:`.values` turns a point into ISO text.

Decisions where the sources were silent:
- "the 1700s" is a century (1700–1799), "the 1930s" a decade; "the late 1700s" keeps the whole century.
- A bare four-digit number 1000–2099 is a year unless it counts or measures ("1500 soldiers",
  "1920 km", "2,000", "1.5", "$1920", "p. 1920"); a date word before it always makes it a year.
  Measured on the 24 dev texts: 31 bare years had no date word before them (infobox lines,
  "(1735)", "EB 1911", "Khrushchev's 1953 plan", "Except for 1958") and all 31 were gold years, so
  requiring a date word would have cost recall for no precision.
- A day or month written without a year takes the context year; with no context it is skipped.
- "by 1925" has its own qualifier ``by``; "until/till/up to" are ``until``; a lone "from/since" is ``from``.
- An Old Style date with a New Style date in brackets is ``old`` with the bracketed date as ``alt_start``.
"""

from .parser import find_dates
from .words import MONTHS, month_of

__all__ = ["MONTHS", "find_dates", "month_of"]
