"""The Russian pack: labels, question templates, the print form of dates.

Clause rules are the pack's own (``clauses.py``). Until the Russian date grammar exists, the pack reads
dates with the Kazakh grammar, as every lecture did before the packs (a Russian text yields few dates).
"""

from __future__ import annotations

from ..base import LanguagePack
from ..kk.dates import find_dates
from ..sentences import split_sentences
from . import clauses, people, questions
from .format import format_date
from .labels import LABELS
from .phrases import PHRASES

PACK = LanguagePack(
    people=people,
    code="ru",
    labels=LABELS,
    phrases=PHRASES,
    quotes=("«", "»", "„", "“"),
    date_finder=find_dates,
    date_formatter=format_date,
    sentence_splitter=split_sentences,
    clauses=clauses,
    questions=questions,
    decimal_mark=",",
)
