"""The Kazakh pack: date grammar and print form, clause rules, question phrasing, hyphenation, labels.

Kazakh only: orthography (legacy-font damage) and the importer of damaged PDF text.
"""

from __future__ import annotations

from ..base import LanguagePack
from ..sentences import split_sentences
from . import clauses, people, questions
from .dates import find_dates
from .format import format_date
from .labels import LABELS
from .phrases import PHRASES


def _register_hyphenation() -> None:
    from .hyphenation import register

    register()  # pyphen learns Kazakh, so `hyphens: auto` works for lang="kk"


def _import_rules():
    from .importer import RULES

    return RULES


# No `spelling` dictionary for `check --spelling`: Debian's kk_KZ knows one suffix per stem, so a plain
# unknown-word list flags 388 of lecture 10's 1776 lowercase words, all correct. `check` always runs
# the orthography check's spelling notes instead (orthography/spelling.py: a likely correction only).
PACK = LanguagePack(
    people=people,
    code="kk",
    labels=LABELS,
    phrases=PHRASES,
    quotes=("«", "»", "„", "“"),
    other_quotes=(("“", "”"),),  # beside «„“»: some Kazakh texts quote with “…”, as the English do
    date_finder=find_dates,
    date_formatter=format_date,
    sentence_splitter=split_sentences,
    clauses=clauses,
    questions=questions,
    decimal_mark=",",
    hyphenation=_register_hyphenation,
    importer=_import_rules,
    extra={"folder": __path__[0]},
)
