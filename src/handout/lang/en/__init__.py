"""The English pack: date grammar and print form, sentences, hyphenation, labels, question templates.

Clause rules are the pack's own (``clauses.py``).
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

    register()


def _import_rules():
    from .importer import RULES

    return RULES


PACK = LanguagePack(
    spelling=("en_US", "en_GB"),  # Debian hunspell-en-us, hunspell-en-gb: `check --spelling`
    people=people,
    code="en",
    labels=LABELS,
    phrases=PHRASES,
    quotes=("“", "”", "‘", "’"),
    apostrophe="’",  # the inner closing mark, and the apostrophe of Tsar’s, didn’t, soldiers’
    date_finder=find_dates,
    date_formatter=format_date,
    sentence_splitter=split_sentences,
    clauses=clauses,
    questions=questions,
    decimal_mark=".",
    hyphenation=_register_hyphenation,
    importer=_import_rules,
)
