"""The Russian pack: its date grammar (:mod:`.dates`), sentences (razdel), labels, question templates, the print form of dates.

Clause rules (``clauses.py``) and key people (``people.py``) are the pack's own too.
"""

from __future__ import annotations

from ..base import LanguagePack
from . import clauses, people, questions
from .dates import find_dates
from .format import format_date
from .labels import LABELS
from .phrases import PHRASES
from .sentences import split_sentences


def _register_hyphenation() -> None:
    from .hyphenation import register

    register()  # pyphen's own ru patterns, refusing numbers, acronyms and initials


def _import_rules():
    from .importer import RULES

    return RULES


PACK = LanguagePack(
    spelling=("ru_RU",),  # Debian hunspell-ru: `check --spelling`
    people=people,
    code="ru",
    labels=LABELS,
    phrases=PHRASES,
    quotes=("«", "»", "„", "“"),
    other_quotes=(("“", "”"),),  # «…“…”…» and “…”: used in Russian texts beside «…„…“…»
    date_finder=find_dates,
    date_formatter=format_date,
    sentence_splitter=split_sentences,
    clauses=clauses,
    questions=questions,
    decimal_mark=",",
    hyphenation=_register_hyphenation,
    importer=_import_rules,
)
