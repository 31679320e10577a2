"""English clause rules: where a clause ends, which words lead or close one, what reads as a statement.

The same names as every pack's ``clauses`` module (see ``lang/kk/clauses.py``). English is not
verb-final: a description is the clause that holds the date, shortened by dropping parentheticals
and relative clauses set off by commas (", which …,", ", who …,").
"""

from __future__ import annotations

import re

VERB_FINAL = False
CLAUSE_BOUNDARY = re.compile(r";\s+|,\s+(?=(?:but|while|whereas|although)\s)|:\s+(?=[A-Z])")
LEADING_CONNECTIVE = re.compile(
    r"^(?:(?:as a result(?: of this)?|consequently|thus|however|moreover|also|then|later|soon|meanwhile|"
    r"finally|in the same year|that year|and|but)\b[,\s]*)+",
    re.IGNORECASE,
)
"""Words that tie a clause to what came before without naming anything: dropped from a row's start."""
GOVERNING_WORD = re.compile(r"(?!)")
DATE_PREPOSITION = re.compile(
    r"\b(?:in|on|at|during|since|from|by|until|till|before|after|of|around|about)\s+(?:the\s+)?"
    r"(?:(?:early|late|mid|middle|end|beginning|start|first|second|last)\s+(?:half\s+|years\s+)?(?:of\s+(?:the\s+)?)?)?$|\bthe\s+$",
    re.IGNORECASE,
)
"""A preposition (and article) before a date: taken out with it ("was born in 1713" → "was born")."""
TRAILING_CONJUNCTION = re.compile(r"[\s,]+(?:and|but|or|while)$", re.IGNORECASE)
DROPPABLE = (
    re.compile(r",\s+(?:which|who|whom|whose|where)\b[^,;]*(?:,|$)"),
    re.compile(r",\s+[a-z]+ing\b[^,;]*(?:,|$)"),
)
"""Relative and participial clauses set off by commas: dropped whole to shorten a description."""
BACK_POINTERS = frozenset("he she it they his her its their them this these that those there such".split())
ANAPHORS = BACK_POINTERS
_IRREGULAR = frozenset(
    """was were is are became began become took made led fell rose won lost gave went came held met fought
    left broke built brought sent set grew drew wrote spoke stood saw got had has fled died ran struck
    became bore chose fought sought taught thought told paid laid""".split()
)
ATTRIBUTIVE_DATE = re.compile(r"^\d{3,4}$")
MISSING_STOP = re.compile(r"[a-z]{2}(?:ed|was|were)(?P<gap>\s+)(?=(?:He|She|They|This|These|However|It)\b)")
"""A past verb, then a capitalized word that starts sentences ("was founded They"): a full stop is missing at ``gap``."""
KEY_HEADS = (
    "found", "establish", "creat", "decree", "congress", "adopt", "republic", "capital", "proclaim",
    "autonom", "approv", "law", "constitution", "independen", "sovereign", "union", "uprising", "revolt",
    "revolution", "reform", "elect", "appoint", "declaration", "treaty", "victory", "began", "ended", "alash",
)
PERSON = re.compile(r"\b(?:[A-Z]\.\s?){1,2}[A-Z][a-z]+|\b[A-Z][a-z]+\s+[A-Z][a-z]+(?:ov|ev|in|uly|ova|eva)\b")
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")


def ends_with_converb(clause: str) -> bool:
    """English clauses are not chained by converbs."""
    return False


def is_attributive_year(text_date: str) -> bool:
    """Tell whether a date is a bare year, the only form that can stand before a noun ("the 1916 uprising")."""
    return bool(ATTRIBUTIVE_DATE.match(text_date.strip()))


def is_attributive(text_date: str, after: str, before: str = "") -> bool:
    """A bare year between "the" (or a possessive) and a noun names the noun: "the 1916 uprising"."""
    return is_attributive_year(text_date) and bool(re.search(r"(?:\bthe|'s)\s*$", before, re.IGNORECASE)) and bool(
        re.match(r"\s+[a-z]", after))


def has_predicate(clause: str) -> bool:
    """Tell whether a clause has a finite verb (a past form or a common irregular one)."""
    words = [word.lower() for word in _WORD.findall(clause)]
    return any(word in _IRREGULAR or (word.endswith("ed") and len(word) >= 4) for word in words)


def lacks_subject(clause: str) -> bool:
    """Tell whether a clause starts with its verb: its subject was the date or stood before it."""
    words = _WORD.findall(clause[:40])
    first = words[0].lower() if words else ""
    return first in _IRREGULAR or first in ("had", "were", "was", "is", "are") or (first.endswith("ed") and len(first) > 4)


def resolve_back_pointer(clause: str, previous: str) -> str | None:
    """English pronouns are not resolved: the whole sentence or the report takes over."""
    return None


def subordinate_lead(clause: str) -> int:
    """Where the main clause starts after a leading dependent clause ("After the congress ended, …"), else 0."""
    match = re.match(r"^(?:after|when|although|because|since|while|as)\b[^,]{3,120},\s+", clause, re.IGNORECASE)
    return match.end() if match and len(_WORD.findall(clause[match.end():])) >= 4 else 0


def quotable(text: str, text_date: str) -> str | None:
    """Return the clause as a sentence a question may quote, or None when it does not read as one."""
    text = LEADING_CONNECTIVE.sub("", text).strip()
    text = text[:1].upper() + text[1:]
    words = _WORD.findall(text)
    if not 5 <= len(words) <= 30 or words[0].lower() in BACK_POINTERS or not has_predicate(text):
        return None
    return text
