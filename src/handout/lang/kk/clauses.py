"""Kazakh clause rules: where a clause ends, which words lead or close one, what reads as a whole sentence.

The chronology cuts an event's clause out of its sentence with these rules; the questions quote
a clause only when it reads as a whole Kazakh sentence (a finite verb at the end, no pronoun
pointing back).
"""

from __future__ import annotations

import re

CONNECTIVES = ("ал", "бірақ", "алайда", "сондай-ақ", "мұнда", "яғни", "сөйтіп", "сонымен")
# A clause ends at ";" or ":" or at a comma before a connective or after a converb ("құлатылып,").
CLAUSE_BOUNDARY = re.compile(r",\s+(?=(?:%s)\b)|(?<=[^\W\d_]{2}(?:ып|іп|ап|еп|йп)),\s+|[;:]\s+" % "|".join(CONNECTIVES))
LEADING_CONNECTIVE = re.compile(r"^(?:(?:%s|мәселен|осылайша|алайда|бірақ)\b[,\s]*)+" % "|".join(CONNECTIVES), re.IGNORECASE)
GOVERNING_WORD = re.compile(r"\s*(?:қамтитын|қамтыған|қамтыды|кезеңде|аралығында|аралығындағы)\b", re.IGNORECASE)
"""A word right after a date that the date governs ("1917-1920 жылдарды қамтитын"): it goes with the date."""
TRAILING_CONJUNCTION = re.compile(r"[\s,]+(?:ал|және|мен|бірақ|ал енді)$")
"""A clause cut before its second half ends in a conjunction."""
_CONVERB_END = re.compile(r"[^\W\d_]{2}(?:ып|іп|ап|еп|йп)$")

SENTENCE_CONNECTOR = re.compile(
    r"^(?:Сөйтіп|Мәселен|Соның нәтижесінде|Сонымен бірге|Сонымен|Ал|Алайда|Дегенмен|Бірақ|Яғни|Осылайша)[,\s]+"
)
ANAPHORS = frozenset(
    "ол олар оның олардың оларды оған бұл бұның мұнда мұндай осы осында осындай сол соның онда "
    "қамтитын екінші үшінші төртінші".split()
)
FINITE_VERB_END = re.compile(r"(?:ды|ді|ты|ті)$")
ATTRIBUTIVE_DATE = re.compile(r"(?:ғы|гі|қы|кі|жылдарды)$")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def ends_with_converb(clause: str) -> bool:
    """Tell whether a clause ends in a converb ("құлатылып"): its finite verb is further on."""
    return bool(_CONVERB_END.search(clause.strip()))


def is_attributive_year(text_date: str) -> bool:
    """Tell whether a year only names a noun ("1916 жылғы көтеріліс")."""
    return text_date.rstrip().endswith("жылғы")


def quotable(text: str, text_date: str) -> str | None:
    """Return the clause as a sentence a question may quote, or None when it does not read as one."""
    text = SENTENCE_CONNECTOR.sub("", text).strip()
    text = text[:1].upper() + text[1:]
    words = _WORD.findall(text)
    if not 5 <= len(words) <= 24:
        return None
    if words[0].lower() in ANAPHORS or not FINITE_VERB_END.search(words[-1].lower()):
        return None
    if ATTRIBUTIVE_DATE.search(text_date.strip()):
        return None  # "1918 жылғы 15 қаңтардағы нұсқау": the date belongs to a noun, not to the clause's verb
    return text
