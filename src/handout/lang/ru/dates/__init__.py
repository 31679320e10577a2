"""Find temporal expressions in Russian historical prose (the print form is in :mod:`..format`).

Regular expressions find date *points* (a day and month, a month, a season, a year or run of
years, a decade, a century, a numeric date, a year named by the context); the phrase level joins
two points into a range and reads the preposition or part before them.

Decisions where the sources were silent (the same as the Kazakh grammar's):
- An unmarked date keeps calendar ``unknown``; a dual date ("25 октября (7 ноября) 1917 г.") is
  ``old`` with the bracketed date as ``alt_start``; "по старому/новому стилю" says which.
- Beginning/middle/end keep the whole period and say which part in ``qualifier``; a half of a
  year or a century narrows it. "с X" is ``from``, "до X" ``until``, "к X" ``by``.
- A bare day or month needs a year in the phrase or a context year; "спустя несколько лет" forgets
  the context year. A bare four-digit number is a year only where prose puts years (a line label, a
  table cell, after a preposition, in brackets), never before a counted noun ("1578 семей").
- BC dates ("до н. э.") are skipped: the tool does not date them.

Modules: :mod:`.words` (month, season and part words), :mod:`.points` (one point per shape),
:mod:`.parser` (phrases, years from context), :mod:`.values` (ISO values).
"""

from .parser import find_dates

__all__ = ["find_dates"]
