"""English question phrasing beyond the templates: the "event" question quotes the printed date."""

import re

from ..phrasing import quoted_event_date_phrase as event_date_phrase
from ..phrasing import split_cause

__all__ = ["event_date_phrase"]


# --- Rules the question bank reads (the same names in every pack) ---

LEADING_ANAPHORS = frozenset(
    "he she it they his her its their them this these those that there then thus therefore such we we’ll we'll i you our".split()
)
"""Words that, first in a sentence, point back to the one before: such a sentence is not self-contained."""

RUN_ON = re.compile(r"[a-z](?:ed|ew|ok|ame)\s+(?:His|Her|Its|Their|They|It|This)\b")
"""A probable missing full stop: two sentences run together."""

PRONOUNS = frozenset("today now he she it they his her its their them this".split())
"""Pronouns and deictic words that, among a sentence's first words, need an earlier sentence or the day of writing."""

PREDICATE_END = re.compile(r"[^\W\d_]{2}[.!]?$")
"""How a statement ends (any word: the language's word order puts no verb last)."""

LEADING_CONNECTORS = frozenset("but and however thus so".split())
"""Connectives a quoted sentence or clause drops from its start."""

POINTING = frozenset("this these those aforementioned".split())
"""Determiners that, anywhere in a quoted sentence ("осы ауыртпалық"), point to what the text said before."""

BACK_REFERENCES = frozenset("aforesaid abovementioned".split())
"""Object pronouns that, anywhere in a sentence ("буржуазия мұнымен ымырласқысы келмеді"), refer to an earlier one."""

IMPORTANT_STEMS = (
    "found", "establish", "proclaim", "decree", "congress", "adopt", "republic", "capital", "government",
    "autonom", "independen", "law", "constitution", "reform", "uprising", "revolt", "war", "approv", "creat",
)

# "since" is left out: in history prose it dates ("Since 1709 …") far more often than it explains.
_CAUSE_AFTER = re.compile(r"^(?P<effect>.+?),?\s+(?:because(?: of)?|as a result of)\s+(?P<cause>.+?)[.!]?$")
_CAUSE_BEFORE = re.compile(r"^(?:Because(?: of)?|As a result of)\s+(?P<cause>.+?),\s+(?P<effect>.+?)[.!]?$")
_CAUSE_THEN = re.compile(r"^(?P<cause>.+?),\s+(?:so|and as a result|as a result|therefore)\s*,?\s+(?P<effect>.+?)[.!]?$")


def cause_and_effect(sentence: str) -> tuple[str, str] | None:
    """Split a sentence that states a cause ("… because …", "Because …, …", "…, as a result …"): (effect, cause)."""
    return split_cause(sentence, (_CAUSE_BEFORE, _CAUSE_AFTER, _CAUSE_THEN))


_IS_CALLED = re.compile(
    r"^(?P<definition>.+?)\s+(?:is|was|are|were)\s+(?:called|known as|termed)\s+"
    r"(?P<term>“[^“”]{2,60}”|\"[^\"]{2,60}\"|\*\*[^*]{2,60}\*\*|[A-Z][\w-]*(?:\s[\w-]+){0,3})[.!]?$"
)
_MEANS = re.compile(
    r"^(?:The term\s+)?(?P<term>“[^“”]{2,60}”|\*\*[^*]{2,60}\*\*)\s+(?:means|refers to|denotes)\s+(?P<definition>.+?)[.!]?$"
)


def definition(sentence: str) -> tuple[str, str] | None:
    """Return (term, definition) when the sentence defines a term ("Y is called X", "The term “X” means Y")."""
    text = sentence.strip()
    found = _IS_CALLED.match(text) or _MEANS.match(text)
    if not found:
        return None
    return found["term"].strip(" *“”\""), found["definition"].strip()

from .clauses import dangling_reference  # noqa: E402  (a quoted sentence leans on no earlier one, as a row does not)


_LED = {"led": "the leader of", "headed": "the head of", "chaired": "the chairman of", "organized": "the organizer of",
        "organised": "the organiser of"}


def role_phrase(role: str) -> str:
    """A role as "Who was {role}?" prints it: a noun phrase as the text gives it ("chairman of the Alash Orda");
    a verb phrase becomes one ("led the Alash Orda" → "the leader of the Alash Orda")."""
    verb, _, rest = role.partition(" ")
    return f"{_LED[verb]} {rest}" if verb in _LED and rest else role


ROLE_HEADS = ("",)
"""Every last word may end an English role: the head noun comes first ("chairman of the … Committee"), and a
verb phrase ("led the Alash Orda") opens with its verb, which ``role_phrase`` turns into a noun."""


GENERIC_ROLE_WORDS = ("west", "east", "south", "north", "central", "congress", "committee", "commission", "department",
                      "party", "government", "council", "regional", "provincial", "the")
"""Capitalized words that do not name a body by themselves: "chairman of the Western Department" — of what?"""


# --- Places: a blanked place and other places of the lecture as options ---

_MONTHS = frozenset("January February March April May June July August September October November December".split())
_PLACE = re.compile(r"\b(?:in|at|from|near)\s+((?:[A-Z][a-z]+)(?:-[A-Z][a-z]+)?(?:\s[A-Z][a-z]+)?)(?![\w-])")
_NOT_PLACES = frozenset("The This That These World Soviet Russian Kazakh Turkic Muslim Chinese Red White Bolshevik Alash".split())
_LANDS = re.compile(r"(?:stan|ia|Siberia|Asia|Steppe|Region)$|^(?:Northern|Southern|Eastern|Western|Central)\s")


def _kind(name: str) -> str:
    """A country or a land ("Kazakhstan", "Russia", "Western Siberia") or a town: options are of one kind."""
    return "land" if _LANDS.search(name) else "town"


def place_mentions(text: str) -> list[tuple[int, int, tuple[str, str]]]:
    """Every place ``text`` names after "in/at/from/near" ("held in Orenburg") as (start, end, (name, kind)).

    Not after "to": "according to Cameron", "sided with … to Kolchak" name persons as often as places.
    """
    found = []
    for match in _PLACE.finditer(text):
        name = match.group(1)
        if name.split()[0] in _MONTHS or name.split()[0] in _NOT_PLACES:
            continue
        found.append((match.start(1), match.end(1), (name, _kind(name))))
    return found


def place_form(key: tuple[str, str], like: str) -> str | None:
    """English names do not inflect: the place as the lecture writes it."""
    return key[0]
