"""Russian question phrasing beyond the templates: the "event" question quotes the printed date."""

import re

from ..phrasing import quoted_event_date_phrase as event_date_phrase
from ..phrasing import split_cause

__all__ = ["event_date_phrase"]


# --- Rules the question bank reads (the same names in every pack) ---

LEADING_ANAPHORS = frozenset(
    "он она оно они его её ее их им ему это этот эта эти этого этой тот та те того там тогда "
    "поэтому затем кроме однако таким при этом".split()
)
"""Words that, first in a sentence, point back to the one before: such a sentence is not self-contained."""

RUN_ON = re.compile(r"[^\W\d_](?:ал|ла|ли|ло|ась|ось|ись)\s+(?:Его|Она|Они|Он|Это|Этот|Эта|Затем)\b")
"""A probable missing full stop: two sentences run together."""

PRONOUNS = frozenset("сегодня ныне теперь он она оно они его её ее их им ему это".split())
"""Pronouns and deictic words that, among a sentence's first words, need an earlier sentence or the day of writing."""

PREDICATE_END = re.compile(r"[^\W\d_]{2}[.!]?$")
"""How a statement ends (any word: the language's word order puts no verb last)."""

LEADING_CONNECTORS = frozenset("а но однако итак впрочем также".split())
"""Connectives a quoted sentence or clause drops from its start."""

POINTING = frozenset("этот эта это эти этого этой этом этих этим данный данная указанный вышеупомянутый".split())
"""Determiners that, anywhere in a quoted sentence ("осы ауыртпалық"), point to what the text said before."""

BACK_REFERENCES = frozenset("этим этому вышеуказанный вышеназванный тому".split())
"""Object pronouns that, anywhere in a sentence ("буржуазия мұнымен ымырласқысы келмеді"), refer to an earlier one."""

IMPORTANT_STEMS = (
    "образова", "созда", "основа", "провозгла", "декрет", "съезд", "принят", "республик", "столиц",
    "правительств", "автоном", "установ", "независим", "закон", "конституц", "реформ", "восстан", "войн", "утвержд",
)

_CAUSE_AFTER = re.compile(r"^(?P<effect>.+?),\s+(?:потому что|так как|поскольку|ибо)\s+(?P<cause>.+?)[.!]?$")
_CAUSE_BEFORE = re.compile(r"^(?:Так как|Поскольку|Из-за того, что)\s+(?P<cause>.+?),\s+(?P<effect>.+?)[.!]?$")
_CAUSE_THEN = re.compile(r"^(?P<cause>.+?),\s+(?:поэтому|в результате чего|вследствие чего)\s+(?P<effect>.+?)[.!]?$")


def cause_and_effect(sentence: str) -> tuple[str, str] | None:
    """Split a sentence that states a cause («…, потому что …», «Так как …, …», «…, поэтому …»): (effect, cause)."""
    return split_cause(sentence, (_CAUSE_AFTER, _CAUSE_BEFORE, _CAUSE_THEN))


_IS_WHAT = re.compile(r"^(?P<term>[^,;:—–]{2,60}?)\s+[—–]\s+это\s+(?P<definition>.+?)[.!]?$")
_IS_CALLED = re.compile(
    r"^(?P<definition>.+?)\s+(?:называется|называли|называлась|называлось|назывался|называют)\s+"
    r"(?P<term>«[^«»]{2,60}»|\*\*[^*]{2,60}\*\*)[.!]?$"
)


def definition(sentence: str) -> tuple[str, str] | None:
    """Return (term, definition) when the sentence defines a term («X — это Y», «Y называется «X»»)."""
    text = sentence.strip()
    found = _IS_WHAT.match(text) or _IS_CALLED.match(text)
    if not found:
        return None
    return found["term"].strip(" *«»"), found["definition"].strip()

from .clauses import dangling_reference, has_predicate, parse  # noqa: E402  (a quoted sentence leans on no earlier one, as a row does not)


def role_phrase(role: str) -> str:
    """A role in the nominative, as «Кто из названных — {role}?» needs it.

    The text gives a role in the case its sentence needs («стал председателем Совета», «при
    председателе ЦИК»): its head noun, the first word, is put in the nominative, the words it
    governs («Совета», «ЦИК») stay as they are.
    """
    words = role.split()
    if not words:
        return role
    parsed = parse(words[0].lower())
    if "NOUN" in parsed.tag and "nomn" not in parsed.tag:
        nominative = parsed.inflect({"nomn", "sing"} if "sing" in parsed.tag else {"nomn"})
        if nominative is not None:
            words[0] = nominative.word
    return " ".join(words)


ROLE_HEADS = ("",)
"""Any last word: a Russian role is a noun phrase headed by its first word (``roles.py`` builds only such),
and its last word is the body in the genitive («председатель ЦИК КАССР»), never a verb."""

GENERIC_ROLE_WORDS = ("западн", "восточн", "южн", "северн", "центральн", "съезд", "комитет", "комисси", "отдел",
                      "парти", "правительств", "совет", "областн", "краев")
"""Capitalized words that do not name a body by themselves: «председатель Западного отделения» — какого?"""


# --- Places: a blanked place and other places of the lecture as options ---

_CAPITALIZED = re.compile(r"(?<![\w-])[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?![\w-])")


def place_mentions(text: str) -> list[tuple[int, int, tuple[str, str]]]:
    """Every one-word place of ``text`` (pymorphy3's Geox) as (start, end, (dictionary form, kind)).

    A word next to another capitalized one («Северном Казахстане», «Средней Азии») is part of a
    longer name and is left alone; so is the sentence's first word.
    """
    found = []
    words = list(_CAPITALIZED.finditer(text))
    for index, word in enumerate(words):
        if word.start() == 0:
            continue
        after = text[word.end():word.end() + 2]
        if re.fullmatch(r"\s[А-ЯЁ]", after) or (index and words[index - 1].end() + 1 == word.start()):
            continue
        if not _PLACE_PREPOSITION.search(text[max(0, word.start() - 12):word.start()]):
            continue  # «автономию Алаш», «Столицей стал …»: only a place after «в/из/до …» is surely one
        parsed = parse(word.group())
        if "Geox" in parsed.tag and "NOUN" in parsed.tag and parsed.normal_form not in _NOT_PLACES:
            name = _title(parsed.normal_form)
            found.append((word.start(), word.end(), (name, _kind(parsed.normal_form))))
    return found


_PLACE_PREPOSITION = re.compile(r"(?<![\w-])(?:в|во|из|до|под|у|к|ко|около|через|близ|от)\s+$")
_NOT_PLACES = frozenset({"алаш"})
"""Names pymorphy3 takes for places that history prose uses for a party or an autonomy."""


def _kind(name: str) -> str:
    """A country or a land («Казахстан», «Россия», «Сибирь») or a town: options are of one kind."""
    return "land" if name.endswith(("стан", "ия", "сибирь", "азия", "край")) else "town"


def place_form(key: tuple[str, str], like: str) -> str | None:
    """The place ``key`` in the case and number of ``like`` (the blanked word), so every option fits the blank."""
    target = parse(like)
    if "Fixd" in target.tag:
        return None  # «в Алматы»: an indeclinable name does not say which case the others take
    wanted = {grammeme for grammeme in (target.tag.case, target.tag.number) if grammeme}
    source = next((p for p in _analyzer_parses(key[0].lower()) if "Geox" in p.tag), None)
    if source is None:
        return None
    made = source.inflect(wanted)
    return _title(made.word) if made is not None else None


def _analyzer_parses(word: str):
    from .clauses import _analyzer

    return _analyzer().parse(word)


def _title(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))
