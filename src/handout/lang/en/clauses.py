"""English clause rules: where a clause ends, which words lead or close one, what reads as a statement.

The same names as every pack's ``clauses`` module (see ``lang/kk/clauses.py``). English is not
verb-final: a description is the clause that holds the date, shortened by dropping parentheticals
and relative clauses set off by commas (", which …,", ", who …,").
"""

from __future__ import annotations

import re

from .people import NOT_NAMES

VERB_FINAL = False
CLAUSE_BOUNDARY = re.compile(r";\s+|,\s+(?=(?:but|while|whereas|although)\s)|:\s+(?=[A-Z])|(?<=[a-z]{2})\s+[–—]\s+(?=[a-z])"
    r"|,\s+and\s+(?=(?:[a-z]{3,}ed|was|were|became|took|made|led|fell|won|lost|gave|went|came|held|met|fought|left|"
    r"sent|wrote|built|fled|died|returned)\s)")
"""Also a spaced dash between two lower-case words: "was elected president – a role he held until 2019"
(an aside on the clause before; a dash after a date, "26 Jan 1855 – Sardinia joins", is no boundary); and
", and" before a second verb of the same subject: "entered the field in 1838, …, and commanded the sappers at
Kars in 1855" (that clause's row takes the subject from ``sentence_subject``)."""
LEADING_CONNECTIVE = re.compile(
    r"^(?:(?:as a result(?: of this)?|consequently|thus|however|moreover|also|then|later|soon|meanwhile|"
    r"finally|in the same year|that year|and|but)\b[,\s]*|(?:being\s+)?(?:located|situated)\s+in\s+[^,;]{2,60},\s*)+",
    re.IGNORECASE,
)
"""Words that tie a clause to what came before without naming anything: dropped from a row's start; so is the
encyclopaedia's "Being located in northern Central Asia," (where a state lies is not an event)."""
GOVERNING_WORD = re.compile(r",?\s*onwards?\b", re.IGNORECASE)
"""A word right after a date that goes with it ("from the summer of 1919 onward")."""
DATE_PREPOSITION = re.compile(
    r"\b(?:(?:beginning|starting)\s+)?(?:in|on|at|during|throughout|since|from|by|until|till|before|after|of|around|about)\s+(?:the\s+)?"
    r"(?:(?:early|late|mid|middle|end|beginning|start|first|second|last)\s+(?:half\s+|years\s+)?(?:of\s+(?:the\s+)?)?)?$|\bthe\s+$",
    re.IGNORECASE,
)
"""A preposition (and article) before a date: taken out with it ("was born in 1713" → "was born")."""
TRAILING_CONJUNCTION = re.compile(r"[\s,]+(?:and|but|or|while|already|as early as)$", re.IGNORECASE)
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
    """A bare year that names a noun: "the 1916 uprising", or "of 1861" after the object of a preposition.

    "Alexandrine liberalism went beyond the emancipation edict of 1861": the year dates the edict, not
    the going beyond; so "after the revolt of 1916", "survivors of the famine of 1932". Where the noun
    is the subject or the direct object ("The revolt of 1916 was crushed", "adopted the Constitution of
    1995") or the preposition places the clause in that year ("in/during the famine of 1932"), it stays.
    """
    if not is_attributive_year(text_date):
        return False
    if re.search(r"(?:\bthe|'s)\s*$", before, re.IGNORECASE) and re.match(r"\s+[a-z]", after):
        return True
    return bool(_OBJECT_OF_PREPOSITION.search(before))


_OBJECT_OF_PREPOSITION = re.compile(
    r"\b(?:beyond|after|since|following|before|against|about|from|of|with|like|than|unlike|by|over|into|towards?)\s+"
    r"(?:the|a|an|[A-Z][\w-]*['’]s)\s+(?:[\w-]+\s+){0,3}?[\w-]+\s+of\s+$"
)


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
    """Name the person a leading "He"/"She" stands for when the sentence before opens with that person.

    "Alexander II did not grant a constitution … In 1864 he created elective district assemblies"
    → "Alexander II created …". Only a named subject of two or more words ("Alexander II", "Von
    Kaufman", "Nursultan Nazarbayev") followed by its verb, in a sentence naming no other person,
    is taken; "it", "they" and everything else are left to the whole sentence or the report.
    """
    lead = _WORD.match(clause)
    if not lead or lead.group().lower() not in ("he", "she"):
        return None
    person = person_subject(previous)
    return person + clause[lead.end():] if person else None


_NAME_WORD = r"(?:[A-Z][a-z][\w'’-]*|[A-Z]\.|[IVX]{1,4}\b|von|van|de|ibn|bin)"
_PERSON_OPENING = re.compile(rf"^\s*(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,4}})\s+(?P<verb>[a-z]+)\b")
_CAPITALIZED_PAIR = re.compile(r"\b[A-Z][a-z][\w'’-]*\s+[A-Z][a-z][\w'’-]*")


def person_subject(sentence: str) -> str | None:
    """The person a sentence opens with as its subject ("Alexander II did …"), when it names no one else."""
    opening = _PERSON_OPENING.match(sentence)
    if not opening or not _is_finite(opening.group("verb")):
        return None
    name = opening.group("name")
    first = name.split()[0]
    if first in _NOT_NAMES or first.lower() in _OPENERS or name.split()[-1] in _NOT_NAMES:
        return None
    rest = sentence[opening.end("name"):]
    if any(pair.group().split()[0] not in _NOT_NAMES for pair in _CAPITALIZED_PAIR.finditer(rest)):
        return None  # "… that Abraham Lincoln took the oath": two people, "he" could be either
    return name


def sentence_subject(before: str) -> str | None:
    """The named subject a clause without one shares with its sentence ("Von Kaufman entered …, and commanded …").

    ``before`` is the sentence up to the clause; only a person-like name opening it with its verb is taken.
    """
    return person_subject(before)


def _is_finite(word: str) -> bool:
    return word in _IRREGULAR or word in _AUXILIARIES or (word.endswith("ed") and len(word) >= 4)


_AUXILIARIES = frozenset("did had was were is are has would could will".split())


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


# --- What a row or a quoted sentence may not lean on (the same name in every pack) ---

_PERSONAL = frozenset("he she him his her hers himself herself".split())
_OPENERS = frozenset(
    """the a an in on at after before when while although though since during by from with under as
    following despite however meanwhile later earlier soon then thus most many some all several few both each every
    one two three much part half none only among across around against for to of about along beyond upon within
    without toward towards near like unlike until once because if having being according""".split()
)
"""First words that are not a name: a pronoun after one of them has no antecedent in the clause."""
_POINTING = re.compile(r"\b(?:this|these|those|aforementioned|said)\s+(?!year\b|time\b|day\b|month\b)[a-z]", re.IGNORECASE)
_THERE = re.compile(r"\b(?:there|here)\b(?!\s+(?:was|were|is|are|had|has|have|would|will|could|seemed|remained)\b)", re.IGNORECASE)
_NAMED_PLACE_BEFORE = re.compile(r"\b(?:in|at|to|into|from|near|reached|entered|including|across|throughout)\s+(?:the\s+)?[A-Z]")
_PLURAL_PRONOUNS = frozenset("they them their theirs".split())
_NOT_ANTECEDENTS = frozenset("this these those its his hers ours yours was has is as thus always perhaps".split())
_BARE_CITY = re.compile(r"\bthe\s+(?:city|town|fortress|capital)\b(?!\s+of\s+[A-Z])", re.IGNORECASE)


_NOT_NAMES = NOT_NAMES



def _names_a_person(words: list[str], index: int) -> bool:
    """Tell whether ``words[index]`` may be a person's name: capitalized, not a place after a preposition,
    not an adjective of nationality, not an opening word ("At the high point of the Russian conquest of
    Turkestan, he …" names no one "he" can be)."""
    word = words[index]
    if not word[:1].isupper() or word == "I" or word in _NOT_NAMES:
        return False
    if index == 0:
        return word.lower() not in _OPENERS and not word.lower().endswith(("ed", "ing"))  # "Promoted …, he"
    return words[index - 1].lower() not in _AFTER_PREPOSITION


_AFTER_PREPOSITION = frozenset("in of at to from into near on over across the a an and by for with".split())
_BARE_DEFINITE = re.compile(r"^The\s+(?P<np>(?:[a-z][\w'’-]*\s+){0,3}?(?P<head>[a-z][\w-]*))\s+(?P<verb>[a-z]+)\b")
_NOT_BARE_HEADS = frozenset("""year day month week time period century decade following next same rest end beginning
    middle first second last majority number""".split())


_ONE_OF_A_KIND = frozenset("""parliament government population tsar czar emperor empress king queen president republic country
    city town fortress capital""".split())
"""Heads a lecture about one country names without more ("The parliament adopted …"); "the city" and
"the capital" are the place rules' (``_BARE_CITY``)."""


def _bare_definite(text: str) -> str | None:
    """Return "The party" when a row opens with "the" and a common noun that only an earlier sentence names.

    "The statement was adopted", "The party published …" say neither which statement nor which party;
    "The Crimean War began", "The siege of Sevastopol …", "The capital, Orenburg, …", "The test site
    170 km from …" and plurals ("The parliamentary elections …": people and events in general) pass.
    """
    found = _BARE_DEFINITE.match(text)
    if not found or not _is_finite(found.group("verb")):
        return None
    head = found.group("head")
    if head in _NOT_BARE_HEADS or head in _ONE_OF_A_KIND or (head.endswith("s") and not head.endswith(("ss", "us", "is"))):
        return None
    if any(_is_finite(word) for word in found.group("np").split()[:-1]):
        return None
    return f"The {found.group('np')}"


def dangling_reference(text: str) -> str | None:
    """Return the word of ``text`` that points to something only an earlier sentence names, else None.

    "he"/"his" need a name before them in the text ("Bukeikhanov … and he became" reads alone,
    "Earlier, he had received" does not); "this policy" always points back; "there" needs a named
    place before it ("met there" does not say where); "the city" needs its name ("took the city").
    """
    words = _WORD.findall(text)
    for index, word in enumerate(words):
        lower = word.lower()
        if lower in _PERSONAL or lower in _PLURAL_PRONOUNS:
            if lower in _PERSONAL and lower not in ("her", "hers"):
                named = [w for position, w in enumerate(words[:index]) if _names_a_person(words, position)]
            else:
                named = [w for position, w in enumerate(words[:index]) if w[:1].isupper()
                         and not (position == 0 and w.lower() in _OPENERS) and w != "I"]
            # "the nomads lost their herds": a plural noun (a word in -s) before "their" will do
            plural = lower in _PLURAL_PRONOUNS and any(
                w.endswith("s") and len(w) > 3 and w.lower() not in _NOT_ANTECEDENTS for w in words[:index])
            if not named and not plural:
                return word
    bare = _bare_definite(text)
    if bare:
        return bare
    pointing = _POINTING.search(text)
    if pointing:
        return pointing.group().split()[0]
    for place in _THERE.finditer(text):
        if not _NAMED_PLACE_BEFORE.search(text[: place.start()]):
            return place.group()
    city = _BARE_CITY.search(text)
    if city and not _NAMED_PLACE_BEFORE.search(text[: city.start()] + " " + text[city.end():]):
        return city.group()
    return None


_MONTHS = frozenset("January February March April May June July August September October November December".split())
_PLACE = re.compile(r"\b(?:in|at|to|into|from|near|held|took|captured|entered)\s+((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+)?)")


def _one_place(text: str) -> str | None:
    places = set()
    for found in _PLACE.finditer(text):
        if found.group(1).split()[0] in _MONTHS or found.group(1).startswith(("The ", "A ")):
            continue
        if re.match(r"\s*(?:,|and|or)\s+[A-Z]", text[found.end():]):
            return None  # "held Tashkent and Verny": "there" could be either
        places.add(found.group(1))
    return places.pop() if len(places) == 1 else None


def resolve_dangling(text: str, word: str, before: str, previous: str) -> str | None:
    """Name the place "there" or "the city" stands for, when the words before it name exactly one.

    "… held Orenburg, but the Red Army took the city" → "The Red Army took Orenburg"; "… with
    its capital at Orenburg. The Congress … met there" → "met in Orenburg". ``before`` is the
    sentence before the clause, ``previous`` the sentence before that; a pronoun is never resolved.
    """
    if word.lower() not in ("there", "here") and not word.lower().startswith("the "):
        return None
    if word.startswith("The ") and not _BARE_CITY.fullmatch(word):
        return _named_from_before(text, word, before, previous)
    place = _one_place(before) or (None if _PLACE.search(before) else _one_place(previous))
    if place is None:
        return None
    if word.lower() in ("there", "here"):
        return re.sub(rf"\b{re.escape(word)}\b", f"in {place}", text, count=1)
    return text.replace(word, place, 1)


def _named_from_before(text: str, word: str, before: str, previous: str) -> str | None:
    """Repair "The statement was adopted" from the sentence before when it names exactly one statement.

    "… the final statement of sovereignty being developed within. The statement was adopted" →
    "The final statement of sovereignty was adopted"; "the Alash party" for "The party". Only a
    bare "The <noun>" is repaired (with adjectives, "The new czar", it is left out), from the words
    before the clause or else from the one sentence before, and only when that names the noun once.
    """
    head = word.split()[-1]
    if len(word.split()) != 2:
        return None
    for source in (before, previous):
        mentions = re.findall(rf"\b{head}\b", source, re.IGNORECASE)
        if not mentions:
            continue
        named = re.search(rf"\b(?i:the|a|an)\s+((?:(?!(?:of|and|or|the|a|an)\b)[\w'’-]+\s+){{1,3}}?(?i:{head})"
                          rf"(?:\s+(?:of|on)\s+(?:the\s+)?[\w'’-]+(?:\s+[A-Z][\w'’-]*)*)?)\b", source)
        if len(mentions) != 1 or named is None:
            return None
        phrase = named.group(1)
        if any(_is_finite(w) for w in phrase.split()):
            return None
        return "The " + phrase + text[len(word):]
    return None


# Timeline labels (render/timeline_labels.py): a label is a whole phrase of the row, never a cut
# word. In English a phrase may end before a preposition, "but", "while" or a relative word ("of",
# "to" and "and" are left out: "the Congress of Soviets", "decided to found", "soldiers and
# workers" are one phrase).
PHRASE_CUT_AFTER = re.compile(r"(?!)")
"""A word after which a phrase may end (none: English phrases open with their preposition)."""
PHRASE_CUT_BEFORE = re.compile(
    r"(?:in|on|at|for|with|by|from|after|before|during|under|over|against|between|through|within|"
    r"but|while|until|till|since|whereas|which|who|whom|whose|where|when|that|because|as)",
    re.IGNORECASE,
)
"""A word before which a phrase may end (the whole word must match)."""
PHRASE_NO_START = re.compile(r"(?!)")
"""A word a label may not open with (none: a phrase after a cut opens with its preposition)."""
